/**
 * SheetSpec[] -> a minimal, valid .xlsx (SpreadsheetML in a STORED zip), small and pure: no Node, no
 * DOM, ES5. The task pane loads it lazily for 打开为新工作簿 (Excel.createWorkbook takes base64).
 * It renders the same SheetSpecs as the two hosts: values, the named styles, merges, column widths,
 * frozen panes, the autofilter, A4 print setup with repeated header rows, and the flag colour rules
 * and rate data bars as conditional formats.
 *
 * Strings are inline strings (t="inlineStr"): a string is never a formula, whatever it starts with.
 */
import { CellValue, SheetSpec, SpecCell } from '../core/types';
import { STYLES } from '../core/styles';
import { isDateValue, colLetter } from '../core/grid';
import { isoToSerial } from '../core/dates';
import { StyleSheet } from './styles';
import { cellText, xmlAttr } from './xml';
import { utf8 } from './bytes';
import { zipStored, ZipEntry } from './zip';

export { toBase64, crc32, utf8 } from './bytes';
export { zipStored, ZipEntry } from './zip';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ], unique ignoring case. */
export function safeSheetNames(names: string[]): string[] {
  const seen: Record<string, boolean> = {};
  return names.map((raw, i) => {
    let base = raw.replace(/[:\\\/?*\[\]]/g, '_').replace(/^'+|'+$/g, '') || 'Sheet' + (i + 1);
    base = base.slice(0, 31);
    let name = base;
    for (let n = 2; seen[name.toLowerCase()]; n++) name = base.slice(0, 31 - String(n).length - 1) + '_' + n;
    seen[name.toLowerCase()] = true;
    return name;
  });
}

function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

/** 'A1:C3' -> its absolute form '$A$1:$C$3' (defined names use absolute references). */
function absolute(range: string): string {
  return range.replace(/\$/g, '').replace(/([A-Za-z]+)(\d+)/g, '$$$1$$$2');
}

function cellXml(ref: string, cell: SpecCell, styles: StyleSheet): string {
  const v: CellValue = cell.v;
  const style = cell.s ? STYLES[cell.s] : null;
  if (isDateValue(v)) {
    const own = style && style.numFmt && /[yd]/i.test(style.numFmt) ? undefined : 'yyyy-mm-dd';
    return '<c r="' + ref + '" s="' + styles.xf(cell.s, own) + '"><v>' + isoToSerial(v.date) + '</v></c>';
  }
  const s = cell.s ? ' s="' + styles.xf(cell.s) + '"' : '';
  if (v === null || v === undefined || v === '') return s ? '<c r="' + ref + '"' + s + '/>' : '';
  if (typeof v === 'number') return isFinite(v) ? '<c r="' + ref + '"' + s + '><v>' + v + '</v></c>' : s ? '<c r="' + ref + '"' + s + '/>' : '';
  if (typeof v === 'boolean') return '<c r="' + ref + '"' + s + ' t="b"><v>' + (v ? 1 : 0) + '</v></c>';
  const text = String(v);
  // xml:space="preserve" only where whitespace could be lost: at either end, runs, tabs, breaks.
  const keep = /^\s|\s$|\s\s|[\t\n\r]/.test(text) ? ' xml:space="preserve"' : '';
  return '<c r="' + ref + '"' + s + ' t="inlineStr"><is><t' + keep + '>' + cellText(text) + '</t></is></c>';
}

/** The flag rules ("cell equals 逾期" -> Bad) and data bars, grouped by range. */
function conditionalFormats(spec: SheetSpec, styles: StyleSheet): string {
  const out: string[] = [];
  let priority = 1;
  const rules = spec.rules || [];
  const byRange: Record<string, string[]> = {};
  const order: string[] = [];
  for (let i = 0; i < rules.length; i++) {
    const r = rules[i];
    if (!byRange[r.range]) {
      byRange[r.range] = [];
      order.push(r.range);
    }
    byRange[r.range].push(
      '<cfRule type="cellIs" dxfId="' + styles.dxf(r.style) + '" priority="' + priority++ + '" operator="equal"><formula>' +
        xmlAttr('"' + r.textEquals.replace(/"/g, '""') + '"') + '</formula></cfRule>',
    );
  }
  for (let i = 0; i < order.length; i++) out.push('<conditionalFormatting sqref="' + order[i] + '">' + byRange[order[i]].join('') + '</conditionalFormatting>');
  const bars = spec.dataBars || [];
  for (let i = 0; i < bars.length; i++) {
    out.push(
      '<conditionalFormatting sqref="' + bars[i] + '"><cfRule type="dataBar" priority="' + priority++ + '"><dataBar>' +
        '<cfvo type="num" val="0"/><cfvo type="num" val="1"/><color rgb="FF638EC6"/></dataBar></cfRule></conditionalFormatting>',
    );
  }
  return out.join('');
}

function sheetXml(spec: SheetSpec, styles: StyleSheet, selected: boolean): string {
  const rows: string[] = [];
  let width = 0;
  let height = 0;
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r] || [];
    const cells: string[] = [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      const xml = cellXml(colLetter(c + 1) + (r + 1), cell, styles);
      if (!xml) continue;
      cells.push(xml);
      width = Math.max(width, c + 1);
      height = r + 1;
    }
    if (cells.length) rows.push('<row r="' + (r + 1) + '">' + cells.join('') + '</row>');
  }
  const dimension = height ? 'A1:' + colLetter(Math.max(width, 1)) + height : 'A1';

  const print = spec.print;
  const parts: string[] = [XML_HEAD + '<worksheet xmlns="' + MAIN + '" xmlns:r="' + REL + '">'];
  if (print && print.fitToWidth) parts.push('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  parts.push('<dimension ref="' + dimension + '"/>');

  const f = spec.freeze;
  let view = '<sheetView workbookViewId="0"' + (selected ? ' tabSelected="1"' : '') + '>';
  if (f && (f.rows || f.cols)) {
    const topLeft = colLetter((f.cols || 0) + 1) + ((f.rows || 0) + 1);
    const pane = f.rows && f.cols ? 'bottomRight' : f.rows ? 'bottomLeft' : 'topRight';
    view +=
      '<pane' + (f.cols ? ' xSplit="' + f.cols + '"' : '') + (f.rows ? ' ySplit="' + f.rows + '"' : '') +
      ' topLeftCell="' + topLeft + '" activePane="' + pane + '" state="frozen"/>' +
      '<selection pane="' + pane + '" activeCell="' + topLeft + '" sqref="' + topLeft + '"/>';
  }
  parts.push('<sheetViews>' + view + '</sheetView></sheetViews>');
  parts.push('<sheetFormatPr defaultRowHeight="15"/>');

  const widths = spec.widths || [];
  const cols: string[] = [];
  for (let i = 0; i < widths.length; i++) {
    if (widths[i] > 0) cols.push('<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + widths[i] + '" customWidth="1"/>');
  }
  if (cols.length) parts.push('<cols>' + cols.join('') + '</cols>');

  parts.push(rows.length ? '<sheetData>' + rows.join('') + '</sheetData>' : '<sheetData/>');
  if (spec.autoFilter) parts.push('<autoFilter ref="' + spec.autoFilter + '"/>');
  const merges = spec.merges || [];
  if (merges.length) parts.push('<mergeCells count="' + merges.length + '">' + merges.map((m) => '<mergeCell ref="' + m + '"/>').join('') + '</mergeCells>');
  parts.push(conditionalFormats(spec, styles));
  parts.push('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (print) {
    // paperSize 9 = A4; fitToHeight 0 = as many pages down as it takes, one page wide.
    parts.push(
      '<pageSetup paperSize="9" orientation="' + (print.landscape ? 'landscape' : 'portrait') + '"' +
        (print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '') + '/>',
    );
  }
  parts.push('</worksheet>');
  return parts.join('');
}

/** The workbook as .xlsx bytes: one worksheet per spec, in order, the first one active. */
export function specsToXlsx(specs: SheetSpec[]): Uint8Array {
  if (!specs.length) throw new Error('a workbook needs at least one sheet');
  const styles = new StyleSheet();
  const names = safeSheetNames(specs.map((s) => s.name));
  const entries: ZipEntry[] = [];
  const sheetParts: string[] = [];
  const definedNames: string[] = [];
  for (let i = 0; i < specs.length; i++) {
    sheetParts.push(sheetXml(specs[i], styles, i === 0));
    const spec = specs[i];
    if (spec.autoFilter) {
      definedNames.push('<definedName name="_xlnm._FilterDatabase" localSheetId="' + i + '" hidden="1">' + xmlAttr(quoteSheet(names[i]) + '!' + absolute(spec.autoFilter)) + '</definedName>');
    }
    if (spec.print && spec.print.repeatRows) {
      const rr = spec.print.repeatRows;
      definedNames.push('<definedName name="_xlnm.Print_Titles" localSheetId="' + i + '">' + xmlAttr(quoteSheet(names[i]) + '!$' + rr[0] + ':$' + rr[1]) + '</definedName>');
    }
  }

  const contentTypes =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    specs.map((_s, i) => '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>').join('') +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>';
  const rootRels =
    XML_HEAD +
    '<Relationships xmlns="' + PKG_REL + '">' +
    '<Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/>' +
    '</Relationships>';
  const workbookRels =
    XML_HEAD +
    '<Relationships xmlns="' + PKG_REL + '">' +
    specs.map((_s, i) => '<Relationship Id="rId' + (i + 1) + '" Type="' + REL + '/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>').join('') +
    '<Relationship Id="rId' + (specs.length + 1) + '" Type="' + REL + '/styles" Target="styles.xml"/>' +
    '</Relationships>';
  const workbook =
    XML_HEAD +
    '<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '">' +
    '<bookViews><workbookView activeTab="0"/></bookViews>' +
    '<sheets>' + names.map((n, i) => '<sheet name="' + xmlAttr(n) + '" sheetId="' + (i + 1) + '" r:id="rId' + (i + 1) + '"/>').join('') + '</sheets>' +
    (definedNames.length ? '<definedNames>' + definedNames.join('') + '</definedNames>' : '') +
    '<calcPr calcId="191029"/>' +
    '</workbook>';

  entries.push({ name: '[Content_Types].xml', data: utf8(contentTypes) });
  entries.push({ name: '_rels/.rels', data: utf8(rootRels) });
  entries.push({ name: 'xl/workbook.xml', data: utf8(workbook) });
  entries.push({ name: 'xl/_rels/workbook.xml.rels', data: utf8(workbookRels) });
  // styles.xml last among the strings: the sheets registered every format it must hold.
  entries.push({ name: 'xl/styles.xml', data: utf8(styles.xml()) });
  for (let i = 0; i < sheetParts.length; i++) entries.push({ name: 'xl/worksheets/sheet' + (i + 1) + '.xml', data: utf8(sheetParts[i]) });
  return zipStored(entries);
}
