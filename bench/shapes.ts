/**
 * The same ledger as other writers write it: the shapes `npm run bench` reads. Each writer takes a
 * ledger written by our generator (exceljs, bench.ts generateLedger), reads it back with our reader
 * and writes the same values, merges and column widths in another writer's XML. What each imitates,
 * and where that was learned:
 *
 * - excel: Excel 2016 for Windows, zh-CN. Learned from the Excel-written files of
 *   ../shared/corpora/real-ledgers (docProps/app.xml names Microsoft Excel) and of the sheetjs suite:
 *   a shared string table with count and uniqueCount, a <phoneticPr fontId="1" type="noConversion"/>
 *   in every item (zh-CN Excel writes one per item), rich runs <r><rPr>…<rFont val="宋体"/>
 *   <charset val="134"/>…</rPr><t>…</t></r>, xml:space="preserve" on runs that begin or end with
 *   white space; cell styles on every cell of the table (the bordered empty cells too, as <c r s/>),
 *   <dimension>, a frozen header pane, rows with spans, ht/customHeight and x14ac:dyDescent under
 *   mc:Ignorable="x14ac xr xr2 xr3", xr:uid, merged header cells whose other cells are styled and
 *   empty, dates as serials under a yyyy-mm-dd style.
 * - openpyxl: openpyxl's write-only mode (bench.ts generateOpenpyxlLedger). Learned from the three
 *   openpyxl 3.1.5 files of ../shared/corpora/calamine (sheetPr/outlinePr, sheetFormatPr
 *   baseColWidth="8", cells r then s then t="n", inline strings t="inlineStr"<is><t>) and from its
 *   serializer (ElementTree with an ASCII encoding: every non-ASCII character a decimal &#NNNNN;
 *   reference, line breaks kept as written). No shared strings, no spans, no dimension.
 * - libreoffice: not imitated. soffice --headless --convert-to xlsx writes it (with a profile of
 *   its own): shared strings, t="s" on every string, r on every cell, its own style ids, rows with
 *   customFormat/ht/hidden/customHeight/outlineLevel/collapsed.
 * - wps: WPS Spreadsheets (Kingsoft). Learned from the three files of ../shared/corpora/sheetjs whose
 *   docProps/app.xml names WPS Spreadsheets and whose docProps/custom.xml carries KSOProductBuildVer
 *   (artifacts_wps_write.xlsx, wps_fn.xlsx, wps_image.xlsx): Excel's cell shape (r, s, t on every
 *   cell; WPS writes r on every cell, none of the three leaves it out), a bare <sheetPr/>, the
 *   namespaces xdr, x14, mc and etc (http://www.wps.cn/officeDocument/2017/etCustomData) without
 *   mc:Ignorable or x14ac, <sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>, rows with ht
 *   BEFORE spans and no dyDescent, count and uniqueCount on the table and no <phoneticPr> in its
 *   items, <headerFooter/>, docProps/custom.xml with ICV and KSOProductBuildVer.
 */
import * as fs from 'fs';
import { CellValue } from '../src/core';

/** The merges of the generated ledger (bench.ts generateLedger makes the same). */
export const LEDGER_MERGES = ['A1:K1', 'A2:K2', 'A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4', 'H3:I3', 'J3:J4', 'K3:K4'];
/** Its column widths. */
export const LEDGER_WIDTHS = [6, 26, 40, 9, 12, 12, 16, 30, 12, 14, 16];
const COLS = LEDGER_WIDTHS.length;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n';

function esc(t: string): string {
  return t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function colName(c: number): string {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The ledger's first sheet as our reader reads it. */
async function ledgerOf(from: string): Promise<{ name: string; rows: CellValue[][] }> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readGrids } = require('../src/xlsx') as typeof import('../src/xlsx');
  const [grid] = await readGrids(from);
  return { name: grid.name, rows: grid.rows };
}

function serial(iso: string): number {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { isoToSerial } = require('../src/core/text/dates') as typeof import('../src/core/text/dates');
  return isoToSerial(iso);
}

async function zipTo(file: string, parts: [string, string][]): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const JSZip = require('jszip') as typeof import('jszip');
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data);
  fs.writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

interface Dialect {
  /** <worksheet …> up to and including <sheetData>. */
  sheetHead(lastRow: number): string;
  /** A <row> start tag. */
  row(r: number, ht: number | null): string;
  /** After </sheetData> and the merges. */
  sheetTail: string;
  /** One shared string item of plain text or runs. */
  item(runs: string[], bold: boolean): string;
  sstHead: (count: number, unique: number) => string;
  /** Extra package parts (docProps) and their content-type overrides. */
  extra: [string, string, string][];
  workbook(name: string): string;
  styles: string;
}

/** Style ids both dialects use: 1 title, 2 header, 3 text, 4 number, 5 date, 6 the 填报 line. */
const S = { title: 1, header: 2, text: 3, number: 4, date: 5, note: 6 };

function styles(fontName: string, extraFontTail: string): string {
  const font = (b: boolean, sz: number) => '<font>' + (b ? '<b/>' : '') + '<sz val="' + sz + '"/><color theme="1"/><name val="' + fontName + '"/>' + extraFontTail + '</font>';
  const border = '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>';
  const xf = (numFmt: number, font: number, border: number, align: string) =>
    '<xf numFmtId="' + numFmt + '" fontId="' + font + '" fillId="0" borderId="' + border + '" xfId="0"' + (numFmt ? ' applyNumberFormat="1"' : '') + (font ? ' applyFont="1"' : '') + (border ? ' applyBorder="1"' : '') + ' applyAlignment="1"><alignment ' + align + '/></xf>';
  return (
    HEAD +
    '<styleSheet xmlns="' + MAIN + '"><numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy\\-mm\\-dd"/></numFmts>' +
    '<fonts count="3">' + font(false, 11) + font(true, 16) + font(true, 11) + '</fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' + border + '</borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"><alignment vertical="center"/></xf></cellStyleXfs>' +
    '<cellXfs count="7"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"><alignment vertical="center"/></xf>' +
    xf(0, 1, 0, 'horizontal="center" vertical="center"') +
    xf(0, 2, 1, 'horizontal="center" vertical="center" wrapText="1"') +
    xf(0, 0, 1, 'vertical="center" wrapText="1"') +
    xf(0, 0, 1, 'horizontal="center" vertical="center"') +
    xf(176, 0, 1, 'horizontal="center" vertical="center"') +
    xf(0, 0, 0, 'horizontal="left" vertical="center"') +
    '</cellXfs><cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/>' +
    '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
  );
}

/** The rich runs of a text as a user would have formatted it: a bold 问题N： label, a first line. */
function runsOf(text: string): { runs: string[]; bold: boolean } {
  const label = /^问题\d+：/.exec(text);
  if (label) return { runs: [label[0], text.slice(label[0].length)], bold: true };
  const nl = text.indexOf('\n');
  // Half of the progress texts have their first line (ending in the line break) in bold.
  if (nl > 0 && /第[13579]轮/.test(text)) return { runs: [text.slice(0, nl + 1), text.slice(nl + 1)], bold: true };
  return { runs: [text], bold: false };
}

/** A <t> as Excel writes it: xml:space="preserve" when the text begins or ends with white space. */
function t(text: string): string {
  return /^[ \t\r\n]|[ \t\r\n]$/.test(text) ? '<t xml:space="preserve">' + esc(text) + '</t>' : '<t>' + esc(text) + '</t>';
}

async function writeShape(from: string, file: string, d: Dialect): Promise<void> {
  const { name, rows } = await ledgerOf(from);
  const index = new Map<string, number>();
  const items: string[] = [];
  let count = 0;
  const merged = new Set<string>();
  for (const m of LEDGER_MERGES) {
    const [a, b] = m.split(':');
    const c1 = a.charCodeAt(0) - 64;
    const c2 = b.charCodeAt(0) - 64;
    for (let r = +a.slice(1); r <= +b.slice(1); r++) for (let c = c1; c <= c2; c++) merged.add(colName(c) + r);
  }
  const out: string[] = [];
  rows.forEach((row, i) => {
    const r = i + 1;
    // The title, the 填报 line and the two header rows have their heights set; body rows with a
    // two-line text are auto-fitted to two lines.
    const two = row.some((v) => typeof v === 'string' && v.indexOf('\n') >= 0);
    let x = d.row(r, r === 1 ? 27 : r <= 4 ? 20.25 : two ? 27 : null);
    const table = r >= 3;
    for (let c = 1; c <= COLS; c++) {
      const v = c <= row.length ? row[c - 1] : null;
      const ref = colName(c) + r;
      const style = r === 1 ? S.title : r === 2 ? S.note : r <= 4 ? S.header : v !== null && typeof v === 'object' ? S.date : typeof v === 'number' ? S.number : S.text;
      if (v === null || v === undefined || v === '') {
        // Bordered cells of the table and the other cells of a merge are written, styled and empty.
        if (table || merged.has(ref)) x += '<c r="' + ref + '" s="' + style + '"/>';
        continue;
      }
      if (typeof v === 'number') x += '<c r="' + ref + '" s="' + style + '"><v>' + v + '</v></c>';
      else if (typeof v === 'object') x += '<c r="' + ref + '" s="' + style + '"><v>' + serial(v.date) + '</v></c>';
      else {
        const text = String(v);
        let k = index.get(text);
        if (k === undefined) {
          k = items.length;
          index.set(text, k);
          const { runs, bold } = runsOf(text);
          items.push(d.item(runs, bold));
        }
        count++;
        x += '<c r="' + ref + '" s="' + style + '" t="s"><v>' + k + '</v></c>';
      }
    }
    out.push(x + '</row>');
  });
  const merges = '<mergeCells count="' + LEDGER_MERGES.length + '">' + LEDGER_MERGES.map((m) => '<mergeCell ref="' + m + '"/>').join('') + '</mergeCells>';
  const sheet = d.sheetHead(rows.length) + out.join('') + '</sheetData>' + merges + d.sheetTail;
  const sst = d.sstHead(count, items.length) + items.join('') + '</sst>';
  const ct = (part: string, type: string) => '<Override PartName="' + part + '" ContentType="' + type + '"/>';
  const ox = 'application/vnd.openxmlformats-officedocument.';
  const parts: [string, string][] = [
    [
      '[Content_Types].xml',
      HEAD +
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        ct('/xl/workbook.xml', ox + 'spreadsheetml.sheet.main+xml') +
        ct('/xl/worksheets/sheet1.xml', ox + 'spreadsheetml.worksheet+xml') +
        ct('/xl/styles.xml', ox + 'spreadsheetml.styles+xml') +
        ct('/xl/sharedStrings.xml', ox + 'spreadsheetml.sharedStrings+xml') +
        d.extra.map(([part, , type]) => ct('/' + part, type)).join('') +
        '</Types>',
    ],
    [
      '_rels/.rels',
      HEAD +
        '<Relationships xmlns="' + PKG_REL + '"><Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/>' +
        d.extra.map(([part], i) => '<Relationship Id="rId' + (i + 2) + '" Type="' + (part.endsWith('core.xml') ? 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties' : REL + (part.endsWith('app.xml') ? '/extended-properties' : '/custom-properties')) + '" Target="' + part + '"/>').join('') +
        '</Relationships>',
    ],
    ['xl/workbook.xml', d.workbook(name)],
    [
      'xl/_rels/workbook.xml.rels',
      HEAD +
        '<Relationships xmlns="' + PKG_REL + '"><Relationship Id="rId3" Type="' + REL + '/styles" Target="styles.xml"/><Relationship Id="rId1" Type="' + REL + '/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId4" Type="' + REL + '/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ],
    ['xl/worksheets/sheet1.xml', sheet],
    ['xl/styles.xml', d.styles],
    ['xl/sharedStrings.xml', sst],
    ...d.extra.map(([part, data]) => [part, data] as [string, string]),
  ];
  await zipTo(file, parts);
}

function cols(): string {
  return '<cols>' + LEDGER_WIDTHS.map((w, i) => '<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + (w + 0.625) + '" customWidth="1"/>').join('') + '</cols>';
}

const CORE =
  HEAD +
  '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:creator>办公室</dc:creator><cp:lastModifiedBy>办公室</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">2022-07-01T01:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2022-07-15T08:00:00Z</dcterms:modified></cp:coreProperties>';
const CORE_TYPE = 'application/vnd.openxmlformats-package.core-properties+xml';
const APP_TYPE = 'application/vnd.openxmlformats-officedocument.extended-properties+xml';
const app = (name: string, application: string, version: string) =>
  HEAD +
  '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>' + application + '</Application>' +
  '<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>工作表</vt:lpstr></vt:variant><vt:variant><vt:i4>1</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="1" baseType="lpstr"><vt:lpstr>' + esc(name) + '</vt:lpstr></vt:vector></TitlesOfParts>' +
  (version ? '<AppVersion>' + version + '</AppVersion>' : '') + '</Properties>';

/** The ledger as Excel 2016 (zh-CN) writes it. */
export async function generateExcelLedger(from: string, file: string): Promise<void> {
  const rPr = (bold: boolean) => '<rPr>' + (bold ? '<b/>' : '') + '<sz val="11"/><color theme="1"/><rFont val="宋体"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr>';
  await writeShape(from, file, {
    sheetHead: (lastRow) =>
      HEAD +
      '<worksheet xmlns="' + MAIN + '" xmlns:r="' + REL + '" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2" xmlns:xr3="http://schemas.microsoft.com/office/spreadsheetml/2016/revision3" xr:uid="{00000000-0001-0000-0000-000000000000}">' +
      '<dimension ref="A1:K' + lastRow + '"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A5" sqref="A5"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="13.5" x14ac:dyDescent="0.15"/>' + cols() + '<sheetData>',
    row: (r, ht) => '<row r="' + r + '" spans="1:11"' + (ht === null ? '' : ' ht="' + ht + '"' + (r <= 4 ? ' customHeight="1"' : '')) + ' x14ac:dyDescent="0.15">',
    sheetTail: '<phoneticPr fontId="1" type="noConversion"/><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>',
    item: (runs, bold) =>
      '<si>' + (runs.length === 1 ? t(runs[0]) : runs.map((x, i) => '<r>' + rPr(bold && i === 0) + t(x) + '</r>').join('')) + '<phoneticPr fontId="1" type="noConversion"/></si>',
    sstHead: (count, unique) => HEAD + '<sst xmlns="' + MAIN + '" count="' + count + '" uniqueCount="' + unique + '">',
    extra: [
      ['docProps/core.xml', CORE, CORE_TYPE],
      ['docProps/app.xml', app('整改台账', 'Microsoft Excel', '16.0300'), APP_TYPE],
    ],
    workbook: (name) =>
      HEAD +
      '<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x15 xr xr6 xr10 xr2" xmlns:x15="http://schemas.microsoft.com/office/spreadsheetml/2010/11/main" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xmlns:xr6="http://schemas.microsoft.com/office/spreadsheetml/2016/revision6" xmlns:xr10="http://schemas.microsoft.com/office/spreadsheetml/2016/revision10" xmlns:xr2="http://schemas.microsoft.com/office/spreadsheetml/2015/revision2">' +
      '<fileVersion appName="xl" lastEdited="7" lowestEdited="7" rupBuild="22228"/><workbookPr defaultThemeVersion="166925"/><bookViews><workbookView xWindow="0" yWindow="0" windowWidth="28800" windowHeight="12300"/></bookViews>' +
      '<sheets><sheet name="' + esc(name) + '" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="191029"/></workbook>',
    styles: styles('宋体', '<family val="3"/><charset val="134"/><scheme val="minor"/>'),
  });
}

/** The ledger as WPS Spreadsheets writes it. */
export async function generateWpsLedger(from: string, file: string): Promise<void> {
  const rPr = (bold: boolean) => '<rPr>' + (bold ? '<b/>' : '') + '<sz val="11"/><color theme="1"/><rFont val="宋体"/><charset val="134"/></rPr>';
  await writeShape(from, file, {
    sheetHead: (lastRow) =>
      HEAD +
      '<worksheet xmlns="' + MAIN + '" xmlns:r="' + REL + '" xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">' +
      '<sheetPr/><dimension ref="A1:K' + lastRow + '"/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A5" sqref="A5"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultColWidth="9" defaultRowHeight="13.5"/>' + cols() + '<sheetData>',
    row: (r, ht) => '<row r="' + r + '"' + (ht === null ? '' : ' ht="' + ht + '"' + (r <= 4 ? ' customHeight="1"' : '')) + ' spans="1:11">',
    sheetTail: '<pageMargins left="0.75" right="0.75" top="1" bottom="1" header="0.5" footer="0.5"/><pageSetup paperSize="9" orientation="landscape"/><headerFooter/></worksheet>',
    item: (runs, bold) => '<si>' + (runs.length === 1 ? t(runs[0]) : runs.map((x, i) => '<r>' + rPr(bold && i === 0) + t(x) + '</r>').join('')) + '</si>',
    sstHead: (count, unique) => HEAD + '<sst xmlns="' + MAIN + '" count="' + count + '" uniqueCount="' + unique + '">',
    extra: [
      ['docProps/core.xml', CORE, CORE_TYPE],
      ['docProps/app.xml', app('整改台账', 'WPS Spreadsheets', ''), APP_TYPE],
      [
        'docProps/custom.xml',
        HEAD +
          '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="ICV"><vt:lpwstr>0A1B2C3D4E5F60718293A4B5C6D7E8F9</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="KSOProductBuildVer"><vt:lpwstr>2052-11.1.0.12313</vt:lpwstr></property></Properties>',
        'application/vnd.openxmlformats-officedocument.custom-properties+xml',
      ],
    ],
    workbook: (name) =>
      HEAD +
      '<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '"><workbookPr/><bookViews><workbookView windowWidth="28800" windowHeight="12300"/></bookViews>' +
      '<sheets><sheet name="' + esc(name) + '" sheetId="1" r:id="rId1"/></sheets><calcPr calcId="144525"/></workbook>',
    styles: styles('宋体', '<charset val="134"/><scheme val="minor"/>'),
  });
}
