/**
 * One SheetSpec -> its worksheet XML, written in pieces (a row at a time) into `write`, so a sheet of
 * 50,000 rows is never one string. Element order follows CT_Worksheet (ECMA-376 Part 1, 18.3.1.99).
 */
import { CellValue, SheetSpec, SpecCell, SpecHeaderFooter, SpecLink, StyleKey, STYLES, colLetter, isDateValue, isoToSerial, quoteSheet } from '../core';
import { StyleSheet } from './styles';
import { xmlAttr } from './xml';
import { XmlOut } from './out';
import { utf8 } from './bytes';

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


/**
 * The markup of one sheet's cells around their values, encoded once per style key rather than once
 * per cell: what follows the cell reference for a string, a number, an empty cell and a date.
 */
class CellFormats {
  private readonly strings: Record<string, Uint8Array> = {};
  private readonly numbers: Record<string, Uint8Array> = {};
  private readonly dates: Record<string, Uint8Array> = {};
  private readonly empties: Record<string, Uint8Array> = {};
  constructor(private readonly styles: StyleSheet) {}

  /** '"' and ' s="N"' for a style key (nothing for none). */
  attr(key: StyleKey | undefined): string {
    return key ? '" s="' + this.styles.xf(key) + '"' : '"';
  }

  /** After the reference of a string: its style, the inline string's start. */
  string(key: StyleKey | undefined): Uint8Array {
    const id = key || '';
    const known = this.strings[id];
    return known !== undefined ? known : (this.strings[id] = utf8(this.attr(key) + ' t="inlineStr"><is>'));
  }

  /** After the reference of a number: its style, <v>. */
  number(key: StyleKey | undefined): Uint8Array {
    const id = key || '';
    const known = this.numbers[id];
    return known !== undefined ? known : (this.numbers[id] = utf8(this.attr(key) + '><v>'));
  }

  /** After the reference of an empty cell: its style (only a styled empty cell is written). */
  empty(key: StyleKey | undefined): Uint8Array {
    const id = key || '';
    const known = this.empties[id];
    return known !== undefined ? known : (this.empties[id] = utf8(this.attr(key) + '/>'));
  }

  /** After the reference of a date: its style's own date format, or yyyy-mm-dd; <v>. */
  date(key: StyleKey | undefined): Uint8Array {
    const id = key || '';
    const known = this.dates[id];
    if (known !== undefined) return known;
    const style = key ? STYLES[key] : null;
    const own = style && style.numFmt && /[yd]/i.test(style.numFmt) ? undefined : 'yyyy-mm-dd';
    return (this.dates[id] = utf8('" s="' + this.styles.xf(key, own) + '"><v>'));
  }
}

const END_STRING = utf8('</is></c>');
const END_NUMBER = utf8('</v></c>');
/** The markup around rows and links, encoded once: a sheet writes it hundreds of thousands of times. */
const ROW_OPEN = utf8('<row r="');
const ROW_HEIGHT = utf8('" ht="');
const ROW_CUSTOM_HEIGHT = utf8('" customHeight="1');
const ROW_EMPTY = utf8('"/>');
const ROW_CELLS = utf8('">');
const ROW_CLOSE = utf8('</row>');
const LINK_OPEN = utf8('<hyperlink ref="');
const LINK_LOCATION = utf8('" location="');
const LINK_DISPLAY = utf8('" display="');
const LINK_CLOSE = utf8('"/>');

/** The decimal digits of `v` (a whole number, 0 or more) into `into`; returns how many. */
function decimal(v: number, into: Uint8Array): number {
  const s = String(v);
  for (let i = 0; i < s.length; i++) into[i] = s.charCodeAt(i);
  return s.length;
}

/** Whether `cell` writes a <c> at all: a date, a styled cell, or a value (a finite number, any other). */
function writes(cell: SpecCell): boolean {
  const v = cell.v;
  if (cell.s) return true;
  if (v === null || v === undefined || v === '') return false;
  return typeof v !== 'number' || isFinite(v);
}

/** Distinct string cells per column whose XML a sheet keeps, and the longest text it keeps. */
const KNOWN_CELLS = 256;
const KNOWN_LENGTH = 200;

/**
 * The XML of string cells a column repeats, by cell object: tableSheet (core/sheets/summary.ts) gives the
 * cells of a column with the same text and style one object, so an aspect, a department or a state
 * is escaped and encoded once per sheet rather than once per row. The first KNOWN_CELLS string cells
 * of a column are kept; a column of distinct texts stops there.
 */
class KnownCells {
  private readonly known: Map<SpecCell, Uint8Array>[] = [];
  constructor(width: number) {
    for (let c = 0; c < width; c++) this.known.push(new Map());
  }

  /** Writes what follows the reference of `cell` in column `c` (0-based). */
  write(out: XmlOut, c: number, cell: SpecCell, formats: CellFormats): void {
    const v = cell.v;
    if (typeof v !== 'string' || v === '' || v.length > KNOWN_LENGTH) {
      cellBody(out, cell, formats);
      return;
    }
    const known = this.known[c];
    const hit = known.get(cell);
    if (hit) {
      out.bytes(hit);
      return;
    }
    const chunks = out.chunks;
    const at = out.at();
    cellBody(out, cell, formats);
    if (known.size < KNOWN_CELLS && out.chunks === chunks) known.set(cell, out.since(at));
  }
}

/**
 * What follows a cell's reference: its style, type and value, and </c>. Strings are inline
 * strings: a string is never a formula, whatever it starts with.
 */
function cellBody(out: XmlOut, cell: SpecCell, formats: CellFormats): void {
  const v: CellValue = cell.v;
  if (typeof v === 'string' && v !== '') {
    out.bytes(formats.string(cell.s));
    out.t(v);
    out.bytes(END_STRING);
  } else if (typeof v === 'number' && isFinite(v)) {
    out.bytes(formats.number(cell.s));
    out.digits(v);
    out.bytes(END_NUMBER);
  } else if (v === null || v === undefined || v === '' || typeof v === 'number') out.bytes(formats.empty(cell.s));
  else if (typeof v === 'boolean') out.markup(formats.attr(cell.s) + (v ? ' t="b"><v>1</v></c>' : ' t="b"><v>0</v></c>'));
  else if (isDateValue(v)) {
    out.bytes(formats.date(cell.s));
    out.markup(String(isoToSerial(v.date)));
    out.bytes(END_NUMBER);
  } else {
    out.bytes(formats.string(cell.s));
    out.t(String(v));
    out.bytes(END_STRING);
  }
}

/**
 * Registers every cell format and rule style a spec uses, in the order writeSheet meets them, so
 * that styles.xml can be written before the sheets (the conventional order of a package, which
 * streaming readers expect) while the sheets themselves are still written a row at a time.
 */
export function registerStyles(spec: SheetSpec, styles: StyleSheet): void {
  const formats = new CellFormats(styles);
  // The cell last met in each column: one that the column shares (core/sheets/summary.ts) is registered already.
  const last: (SpecCell | null)[] = [];
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r] || [];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || cell === last[c]) continue;
      last[c] = cell;
      if (isDateValue(cell.v)) formats.date(cell.s);
      else if (cell.s) formats.number(cell.s);
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

/** Whether a cell's link is written: to a sheet of the workbook, from a string or a number. */
function linkOf(cell: SpecCell, sheets: Record<string, boolean>): SpecLink | null {
  const link = cell.link;
  return link && sheets[link.sheet.toLowerCase()] && (typeof cell.v === 'string' || typeof cell.v === 'number') ? link : null;
}

/** Writes the worksheet XML of `spec`: the markup in pieces into `write`, the rows into `out`. */
export function writeSheet(spec: SheetSpec, ctx: SheetContext, write: (piece: string) => void, out: XmlOut): void {
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
  const letters: Uint8Array[] = [];
  const opens: Uint8Array[] = [];
  for (let c = 0; c < ext.width; c++) {
    letters.push(utf8(colLetter(c + 1)));
    opens.push(utf8('<c r="' + colLetter(c + 1)));
  }
  // A row number's digits, for its cells and links.
  const scratch = new Uint8Array(16);
  const last = Math.max(ext.height, heights.length);
  if (!last) write('<sheetData/>');
  else {
    write('<sheetData>');
    const formats = new CellFormats(styles);
    const known = new KnownCells(ext.width);
    const heightBytes: Record<number, Uint8Array> = {};
    for (let r = 0; r < last; r++) {
      const row = spec.rows[r] || [];
      const width = Math.min(row.length, ext.width);
      let any = false;
      for (let c = 0; c < width && !any; c++) any = !!row[c] && writes(row[c] as SpecCell);
      const h = heights[r];
      if (!any && !h) continue;
      const digits = decimal(r + 1, scratch);
      out.bytes(ROW_OPEN);
      out.copy(scratch, digits);
      if (h) {
        out.bytes(ROW_HEIGHT);
        out.bytes(heightBytes[h] || (heightBytes[h] = utf8(String(h))));
        // A height the reader may grow (growRows) is not marked custom: Excel and LibreOffice refit it on edit.
        if (!spec.growRows) out.bytes(ROW_CUSTOM_HEIGHT);
      }
      if (!any) {
        out.bytes(ROW_EMPTY);
        continue;
      }
      out.bytes(ROW_CELLS);
      for (let c = 0; c < width; c++) {
        const cell = row[c];
        if (!cell) continue;
        if (!writes(cell)) continue;
        out.bytes(opens[c]);
        out.copy(scratch, digits);
        known.write(out, c, cell, formats);
      }
      out.bytes(ROW_CLOSE);
    }
    write('</sheetData>');
  }
  if (spec.autoFilter) write('<autoFilter ref="' + spec.autoFilter + '"/>');
  const merges = spec.merges || [];
  if (merges.length) write('<mergeCells count="' + merges.length + '">' + merges.map((m) => '<mergeCell ref="' + m + '"/>').join('') + '</mergeCells>');
  write(conditionalFormats(spec, styles));
  // The links, in a second pass over the rows rather than one string per link held until here.
  let links = false;
  for (let r = 0; r < spec.rows.length && r < last; r++) {
    const row = spec.rows[r] || [];
    for (let c = 0; c < row.length && c < ext.width; c++) {
      const cell = row[c];
      const link = cell ? linkOf(cell, ctx.sheets) : null;
      if (!link) continue;
      if (!links) write('<hyperlinks>');
      links = true;
      out.bytes(LINK_OPEN);
      out.bytes(letters[c]);
      out.copy(scratch, decimal(r + 1, scratch));
      out.bytes(LINK_LOCATION);
      out.attr(quoteSheet(link.sheet) + '!' + link.cell);
      out.bytes(LINK_DISPLAY);
      out.attr(String((cell as SpecCell).v));
      out.bytes(LINK_CLOSE);
    }
  }
  if (links) write('</hyperlinks>');
  const side = print && print.sideMargin !== undefined ? print.sideMargin : 0.7;
  write('<pageMargins left="' + side + '" right="' + side + '" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
  if (print) {
    // paperSize 9 = A4; fitToHeight 0 = as many pages down as it takes, one page wide.
    write(
      '<pageSetup paperSize="9" orientation="' + (print.landscape ? 'landscape' : 'portrait') + '"' +
        (print.fitToWidth ? ' fitToWidth="1" fitToHeight="' + (print.fitToHeight || 0) + '"' : '') +
        (print.firstPageNumber ? ' firstPageNumber="' + print.firstPageNumber + '" useFirstPageNumber="1"' : '') + '/>',
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
