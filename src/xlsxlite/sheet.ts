/**
 * One SheetSpec -> its worksheet XML, written in pieces (a row at a time) into `write`, so a sheet of
 * 50,000 rows is never one string. Element order follows CT_Worksheet (ECMA-376 Part 1, 18.3.1.99).
 */
import { CellValue, SheetSpec, SpecCell, SpecHeaderFooter } from '../core/types';
import { STYLES } from '../core/styles';
import { colLetter, isDateValue } from '../core/grid';
import { isoToSerial } from '../core/dates';
import { StyleSheet } from './styles';
import { cellText, xmlAttr } from './xml';

export const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** What the workbook knows when it writes a sheet. */
export interface SheetContext {
  styles: StyleSheet;
  selected: boolean;
  /** Lower-cased names of the workbook's sheets: links to any other sheet are left out. */
  sheets: Record<string, boolean>;
  /** The r:id of the sheet's drawing (its charts), if it has one. */
  drawing?: string;
}

function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

const KEEP_SPACE = /^\s|\s$|\s\s|[\t\n\r]/;

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
  const keep = KEEP_SPACE.test(text) ? ' xml:space="preserve"' : '';
  // Strings are inline strings: a string is never a formula, whatever it starts with.
  return '<c r="' + ref + '"' + s + ' t="inlineStr"><is><t' + keep + '>' + cellText(text) + '</t></is></c>';
}

/**
 * Registers every cell format and rule style a spec uses, in the order writeSheet meets them, so
 * that styles.xml can be written before the sheets (the conventional order of a package, which
 * streaming readers expect) while the sheets themselves are still written a row at a time.
 */
export function registerStyles(spec: SheetSpec, styles: StyleSheet): void {
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r] || [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell) continue;
      if (isDateValue(cell.v)) {
        const own = cell.s ? STYLES[cell.s].numFmt : undefined;
        styles.xf(cell.s, own && /[yd]/i.test(own) ? undefined : 'yyyy-mm-dd');
      } else if (cell.s) styles.xf(cell.s);
    }
  }
  const rules = spec.rules || [];
  for (let i = 0; i < rules.length; i++) styles.dxf(rules[i].style);
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

/** A header or footer in SpreadsheetML's one string: &L, &C, &R before each part. */
function headerFooterString(h: SpecHeaderFooter | undefined): string {
  if (!h) return '';
  return (h.left ? '&L' + h.left : '') + (h.center ? '&C' + h.center : '') + (h.right ? '&R' + h.right : '');
}

/** The used block of a spec: its last row and column that write anything. */
function extent(spec: SheetSpec): { width: number; height: number } {
  let width = 0;
  let height = 0;
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r] || [];
    for (let c = row.length - 1; c >= 0; c--) {
      const cell = row[c];
      if (!cell) continue;
      const empty = (cell.v === null || cell.v === undefined || cell.v === '') && !cell.s;
      if (empty) continue;
      width = Math.max(width, c + 1);
      height = r + 1;
      break;
    }
  }
  return { width, height };
}

/** Writes the worksheet XML of `spec` in pieces. */
export function writeSheet(spec: SheetSpec, ctx: SheetContext, write: (piece: string) => void): void {
  const styles = ctx.styles;
  const ext = extent(spec);
  const print = spec.print;
  write(XML_HEAD + '<worksheet xmlns="' + MAIN + '" xmlns:r="' + REL + '">');
  if (print && print.fitToWidth) write('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
  write('<dimension ref="' + (ext.height ? 'A1:' + colLetter(Math.max(ext.width, 1)) + ext.height : 'A1') + '"/>');

  const f = spec.freeze;
  let view = '<sheetView workbookViewId="0"' + (ctx.selected ? ' tabSelected="1"' : '') + '>';
  if (f && (f.rows || f.cols)) {
    const topLeft = colLetter((f.cols || 0) + 1) + ((f.rows || 0) + 1);
    const pane = f.rows && f.cols ? 'bottomRight' : f.rows ? 'bottomLeft' : 'topRight';
    view +=
      '<pane' + (f.cols ? ' xSplit="' + f.cols + '"' : '') + (f.rows ? ' ySplit="' + f.rows + '"' : '') +
      ' topLeftCell="' + topLeft + '" activePane="' + pane + '" state="frozen"/>' +
      '<selection pane="' + pane + '" activeCell="' + topLeft + '" sqref="' + topLeft + '"/>';
  }
  write('<sheetViews>' + view + '</sheetView></sheetViews>');
  write('<sheetFormatPr defaultRowHeight="15"/>');

  const widths = spec.widths || [];
  const cols: string[] = [];
  for (let i = 0; i < widths.length; i++) {
    if (widths[i] > 0) cols.push('<col min="' + (i + 1) + '" max="' + (i + 1) + '" width="' + widths[i] + '" customWidth="1"/>');
  }
  if (cols.length) write('<cols>' + cols.join('') + '</cols>');

  const heights = spec.heights || [];
  const links: string[] = [];
  if (!ext.height && !heights.length) write('<sheetData/>');
  else {
    write('<sheetData>');
    const last = Math.max(ext.height, heights.length);
    const letters: string[] = [];
    for (let c = 0; c < ext.width; c++) letters.push(colLetter(c + 1));
    for (let r = 0; r < last; r++) {
      const row = spec.rows[r] || [];
      const n = r + 1;
      let cells = '';
      for (let c = 0; c < row.length && c < ext.width; c++) {
        const cell = row[c];
        if (!cell) continue;
        const ref = letters[c] + n;
        cells += cellXml(ref, cell, styles);
        const link = cell.link;
        if (link && ctx.sheets[link.sheet.toLowerCase()] && (typeof cell.v === 'string' || typeof cell.v === 'number')) {
          links.push('<hyperlink ref="' + ref + '" location="' + xmlAttr(quoteSheet(link.sheet) + '!' + link.cell) + '" display="' +
            xmlAttr(String(cell.v)) + '"/>');
        }
      }
      const h = heights[r];
      if (!cells && !h) continue;
      write('<row r="' + n + '"' + (h ? ' ht="' + h + '" customHeight="1"' : '') + (cells ? '>' + cells + '</row>' : '/>'));
    }
    write('</sheetData>');
  }
  if (spec.autoFilter) write('<autoFilter ref="' + spec.autoFilter + '"/>');
  const merges = spec.merges || [];
  if (merges.length) write('<mergeCells count="' + merges.length + '">' + merges.map((m) => '<mergeCell ref="' + m + '"/>').join('') + '</mergeCells>');
  write(conditionalFormats(spec, styles));
  if (links.length) write('<hyperlinks>' + links.join('') + '</hyperlinks>');
  const side = print && print.sideMargin !== undefined ? print.sideMargin : 0.7;
  write('<pageMargins left="' + side + '" right="' + side + '" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (print) {
    // paperSize 9 = A4; fitToHeight 0 = as many pages down as it takes, one page wide.
    write(
      '<pageSetup paperSize="9" orientation="' + (print.landscape ? 'landscape' : 'portrait') + '"' +
        (print.fitToWidth ? ' fitToWidth="1" fitToHeight="' + (print.fitToHeight || 0) + '"' : '') + '/>',
    );
    const header = headerFooterString(print.header);
    const footer = headerFooterString(print.footer);
    if (header || footer) {
      write('<headerFooter>' + (header ? '<oddHeader>' + xmlAttr(header) + '</oddHeader>' : '') +
        (footer ? '<oddFooter>' + xmlAttr(footer) + '</oddFooter>' : '') + '</headerFooter>');
    }
  }
  if (ctx.drawing) write('<drawing r:id="' + ctx.drawing + '"/>');
  write('</worksheet>');
}
