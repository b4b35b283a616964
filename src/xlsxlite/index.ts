/**
 * SheetSpec[] -> .xlsx, small and pure (no Node, no DOM, ES5): the one writer of summary and notice
 * workbooks, for both hosts.
 * - The task pane calls specsToXlsx (a STORED zip as bytes, for Excel.createWorkbook's base64).
 * - The CLI calls writeXlsx through src/xlsx/spec-writer.ts, which hands it node:zlib's deflate and a
 *   file: the XML is written a row at a time and compressed as it goes, so a summary of 50,000 items
 *   is never one string.
 * It renders everything a SheetSpec says: values, the named styles, merges, column widths and row
 * heights, frozen panes, the autofilter, A4 print setup with repeated header rows and a footer, the
 * flag colour rules and rate data bars as conditional formats, in-workbook links, and charts as
 * DrawingML parts that Excel edits as its own.
 *
 * Strings are inline strings (t="inlineStr"): a string is never a formula, whatever it starts with.
 */
import { SheetSpec, quoteSheet, safeSheetNames } from '../core';
import { StyleSheet } from './styles';
import { xmlAttr } from './xml';
import { chartXml, drawingXml } from './chart';
import { MAIN, REL, registerStyles, writeSheet, XML_HEAD } from './sheet';
import { ByteSink, collect, ZipOptions, ZipWriter } from './zip';

export { toBase64, crc32, utf8 } from './bytes';
export { collect, zipStored, ZipEntry, ZipWriter, ZipOptions, ByteSink, Deflate, PartDeflate } from './zip';
export { XmlOut, CHUNK_BYTES } from './out';
export { chartSeries, ChartSeries, parseBlock } from './chart';
export { safeSheetNames };

const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.';


/** 'A1:C3' -> its absolute form '$A$1:$C$3' (defined names use absolute references). */
function absolute(range: string): string {
  return range.replace(/\$/g, '').replace(/([A-Za-z]+)(\d+)/g, '$$$1$$$2');
}

function relationships(rels: { id: string; type: string; target: string }[]): string {
  return XML_HEAD + '<Relationships xmlns="' + PKG_REL + '">' +
    rels.map((r) => '<Relationship Id="' + r.id + '" Type="' + REL + '/' + r.type + '" Target="' + xmlAttr(r.target) + '"/>').join('') +
    '</Relationships>';
}

/**
 * Writes the workbook into `sink`: one worksheet per spec, in order, the first one active. With
 * `opts.deflate` the parts are compressed; without, STORED.
 */
export function writeXlsx(specs: SheetSpec[], sink: ByteSink, opts: ZipOptions = {}): void {
  if (!specs.length) throw new Error('a workbook needs at least one sheet');
  const zip = new ZipWriter(sink, opts);
  const styles = new StyleSheet();
  const names = safeSheetNames(specs.map((s) => s.name));
  const known: Record<string, boolean> = {};
  for (let i = 0; i < names.length; i++) known[names[i].toLowerCase()] = true;

  // What the package holds, worked out first, so that its parts go in the usual order: content
  // types, relationships, workbook, styles, then the sheets with their drawings and charts.
  const overrides: string[] = [];
  const definedNames: string[] = [];
  const drawingOf: number[] = [];
  let charts = 0;
  let drawings = 0;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    overrides.push('<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="' + CT + 'spreadsheetml.worksheet+xml"/>');
    const n = (spec.charts || []).length;
    drawingOf.push(n ? ++drawings : 0);
    if (n) overrides.push('<Override PartName="/xl/drawings/drawing' + drawings + '.xml" ContentType="' + CT + 'drawing+xml"/>');
    for (let k = 0; k < n; k++) overrides.push('<Override PartName="/xl/charts/chart' + ++charts + '.xml" ContentType="' + CT + 'drawingml.chart+xml"/>');
    if (spec.autoFilter) {
      definedNames.push('<definedName name="_xlnm._FilterDatabase" localSheetId="' + i + '" hidden="1">' + xmlAttr(quoteSheet(names[i]) + '!' + absolute(spec.autoFilter)) + '</definedName>');
    }
    if (spec.print && spec.print.repeatRows) {
      const rr = spec.print.repeatRows;
      definedNames.push('<definedName name="_xlnm.Print_Titles" localSheetId="' + i + '">' + xmlAttr(quoteSheet(names[i]) + '!$' + rr[0] + ':$' + rr[1]) + '</definedName>');
    }
    registerStyles(spec, styles);
  }

  zip.text('[Content_Types].xml', (w) => w(
    XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="' + CT + 'spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="' + CT + 'spreadsheetml.styles+xml"/>' +
    overrides.join('') +
    '</Types>'));
  zip.text('_rels/.rels', (w) => w(relationships([{ id: 'rId1', type: 'officeDocument', target: 'xl/workbook.xml' }])));
  zip.text('xl/workbook.xml', (w) => w(
    XML_HEAD + '<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '">' +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    '<sheets>' + names.map((n, i) => '<sheet name="' + xmlAttr(n) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>').join('') + '</sheets>' +
    (definedNames.length ? '<definedNames>' + definedNames.join('') + '</definedNames>' : '') +
    '<calcPr calcId="191029"/></workbook>'));
  const bookRels = specs.map((_s, i) => ({ id: 'rId' + (i + 1), type: 'worksheet', target: 'worksheets/sheet' + (i + 1) + '.xml' }));
  bookRels.push({ id: 'rId' + (specs.length + 1), type: 'styles', target: 'styles.xml' });
  zip.text('xl/_rels/workbook.xml.rels', (w) => w(relationships(bookRels)));
  zip.text('xl/styles.xml', (w) => w(styles.xml()));

  charts = 0;
  for (let i = 0; i < specs.length; i++) {
    const spec = specs[i];
    const d = drawingOf[i];
    zip.text('xl/worksheets/sheet' + (i + 1) + '.xml', (w, out) => writeSheet(spec, { styles, selected: i === 0, sheets: known, drawing: d ? 'rId1' : undefined }, w, out));
    if (!d) continue;
    // The sheet -> its drawing -> one chart part per chart, each found through relationships.
    const list = spec.charts || [];
    zip.text('xl/worksheets/_rels/sheet' + (i + 1) + '.xml.rels', (w) =>
      w(relationships([{ id: 'rId1', type: 'drawing', target: '../drawings/drawing' + d + '.xml' }])));
    zip.text('xl/drawings/drawing' + d + '.xml', (w) => w(drawingXml(list)));
    const chartRels: { id: string; type: string; target: string }[] = [];
    for (let k = 0; k < list.length; k++) {
      const c = ++charts;
      chartRels.push({ id: 'rId' + (k + 1), type: 'chart', target: '../charts/chart' + c + '.xml' });
      zip.text('xl/charts/chart' + c + '.xml', (w) => w(chartXml(spec, names[i], list[k])));
    }
    zip.text('xl/drawings/_rels/drawing' + d + '.xml.rels', (w) => w(relationships(chartRels)));
  }
  zip.finish();
}

/** The workbook as .xlsx bytes (STORED), for the task pane's 打开为新工作簿. */
export function specsToXlsx(specs: SheetSpec[]): Uint8Array {
  return collect((sink) => writeXlsx(specs, sink));
}
