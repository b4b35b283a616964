/**
 * Worksheet XML -> Grid, streamed: the part is inflated chunk by chunk, decoded by one stateful
 * decoder and tokenized by xml.ts, and only the cells that hold something are kept.
 * - Values: shared and inline strings (rich text flattened, phonetic runs left out), numbers,
 *   booleans, errors, ISO dates (t="d") and the cached results of formulas; _xHHHH_ escapes decoded.
 * - A number in a cell whose format shows a date is a DateValue, in the workbook's date system.
 * - The other cells of a merge are blanked (Grids hold merges as Excel reports them).
 * - Grid.usedRight: the rightmost column that values, formulas (also with an empty result), merges,
 *   tables, the autofilter or comments use. Grid.ours: the block whose header cells carry Taizhang's
 *   marker style (stylesheet.ts).
 * Memory follows the cells present: a stray value at XFD1048576 costs one cell, not the rectangle,
 * and a sheet whose rectangle is too big for the checks to walk is refused with one clear line.
 */
import { taizhangError } from '../core/words/errors';
import { a1, rangeRef, refColumn } from '../core/text/a1';
import type { CellValue, Grid } from '../core';
import { cellValue } from './cell';
import { Package, readSmallXml, SheetRef, xmlError } from './package';
import { decodeOoxml, decodeText, FAST_ROOM, localName, Tag, textOf, XmlHandler, XmlScanner, XmlStream } from './xml';
import { ZipEntry } from './zip';
import { pageChoice } from './print';

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;
/** A worksheet's XML is streamed; past this it is refused. */
export const SHEET_PART_BYTES = 1024 * 1024 * 1024;
/** The shared strings are held as strings, so their part is bounded tighter. */
export const SHARED_PART_BYTES = 256 * 1024 * 1024;
/**
 * The checks walk every row of the used range up to its last column: a rectangle (last row x last
 * column with a value) past this takes them minutes, so it is refused with the far cell named.
 */
export const MAX_AREA = 64 * 1024 * 1024;
/** Cells with content in the whole workbook. */
export const MAX_CELLS = 10 * 1000 * 1000;

/** What a sheet read needs from the rest of the package. */
export interface SheetContext {
  pkg: Package;
  shared: string[];
  /** 1 where cellXfs[s] shows dates; 1 where it carries the marker style. */
  dateXf: Uint8Array;
  markXf: Uint8Array;
  /** Cells read so far in the workbook (for MAX_CELLS). */
  cells: { count: number };
  /** Called once per <row>. */
  onRow?: () => void;
}


/** The row of an A1 reference ("AB12" -> 12), or 0. */
function refRow(ref: string): number {
  let row = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 48 && c <= 57) row = row * 10 + (c - 48);
  }
  return row;
}

/**
 * Where the value of attribute `name` starts inside b[from, to) (a start tag's attributes, whose
 * values hold no '>'), -1 when the tag has no such attribute, -2 when the tag is not of the plain
 * form name="value" the fast lane reads.
 */
function attrIn(b: string, from: number, to: number, name: string): number {
  let i = from;
  const len = name.length;
  while (i < to) {
    const c = b.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13) {
      i++;
      continue;
    }
    const eq = b.indexOf('=', i);
    if (eq < 0 || eq >= to || b.charCodeAt(eq + 1) !== 34) return -2;
    const close = b.indexOf('"', eq + 2);
    if (close < 0 || close >= to) return -2;
    if (eq - i === len && b.startsWith(name, i)) return eq + 2;
    i = close + 1;
  }
  return -1;
}

/** The whole number b[from, to) holds (digits only, at most 15), or -1. */
function wholeNumber(b: string, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = b.charCodeAt(i);
    if (c < 48 || c > 57) return -1;
    n = n * 10 + (c - 48);
  }
  return n;
}

/** The decimal number at b[at] (digits only). */
function digits(b: string, at: number): number {
  let n = 0;
  for (let i = at; ; i++) {
    const c = b.charCodeAt(i);
    if (c < 48 || c > 57) return n;
    n = n * 10 + (c - 48);
  }
}

/** Streams one part through a handler. XML trouble becomes the user's one line. */
export async function streamPart(pkg: Package, entry: ZipEntry, maxBytes: number, make: (scanner: XmlScanner) => XmlHandler): Promise<void> {
  const scanner = new XmlScanner({ open: () => undefined, close: () => undefined });
  scanner.handler = make(scanner);
  const stream = new XmlStream(scanner);
  try {
    for await (const chunk of pkg.zip.chunks(entry, { maxBytes })) stream.write(chunk);
    stream.end();
  } catch (e) {
    throw xmlError(pkg.zip, entry.name, e);
  }
}

/** The shared string table: one string per <si>, rich runs joined, phonetic runs (<rPh>) left out. */
export async function readSharedStrings(pkg: Package): Promise<string[]> {
  const out: string[] = [];
  if (!pkg.sharedStringsPart) return out;
  const entry = pkg.zip.get(pkg.sharedStringsPart) as ZipEntry;
  let text = '';
  let inSi = false;
  let phonetic = 0;
  await streamPart(pkg, entry, SHARED_PART_BYTES, (scanner) => ({
    open(tag: Tag) {
      const n = tag.name;
      if (n === 'si') {
        inSi = true;
        text = '';
      } else if (n === 't') {
        if (inSi && !phonetic && !tag.selfClosing) scanner.wantText = true;
      } else if (n === 'rPh') phonetic++;
    },
    close(qname: string) {
      const n = localName(qname);
      if (n === 't') scanner.wantText = false;
      else if (n === 'rPh') phonetic--;
      else if (n === 'si') {
        out.push(decodeOoxml(text));
        inSi = false;
      }
    },
    text(t: string) {
      text += t;
    },
    // Items as Excel, LibreOffice and WPS write them, whole: <si> then plain text <t>…</t>, rich runs
    // <r><rPr>…</rPr><t>…</t></r>, phonetic runs <rPh>…</rPh> and <phoneticPr/> (left out), </si>.
    // zh-CN Excel puts a <phoneticPr/> in nearly every item; anything else goes the general way.
    fast(b: string, at: number): number {
      if (b.charCodeAt(at + 1) !== 115 || b.charCodeAt(at + 2) !== 105 || b.charCodeAt(at + 3) !== 62) return 0;
      const siEnd = b.indexOf('</si', at + 4);
      if (siEnd < 0 || siEnd + 5 > b.length) return -1;
      if (b.charCodeAt(siEnd + 4) !== 62) return 0;
      let text = '';
      let p = at + 4;
      while (p < siEnd) {
        if (b.charCodeAt(p) !== 60) return 0;
        const c1 = b.charCodeAt(p + 1);
        let q = p;
        if (c1 === 114 && b.charCodeAt(p + 2) === 62) {
          // <r>, its properties, then its text
          q = p + 3;
          if (b.startsWith('<rPr>', q)) {
            const e = b.indexOf('</rPr>', q + 5);
            if (e < 0 || e > siEnd) return 0;
            q = e + 6;
          } else if (b.startsWith('<rPr/>', q)) q += 6;
        } else if (c1 === 114 && b.startsWith('<rPh', p)) {
          const e = b.indexOf('</rPh>', p + 4);
          if (e < 0 || e > siEnd) return 0;
          p = e + 6;
          continue;
        } else if (c1 === 112 && b.startsWith('<phoneticPr', p)) {
          const gt = b.indexOf('>', p);
          if (gt > siEnd || b.charCodeAt(gt - 1) !== 47) return 0;
          p = gt + 1;
          continue;
        }
        // <t>, <t xml:space="preserve">, <t/>
        if (b.charCodeAt(q) !== 60 || b.charCodeAt(q + 1) !== 116) return 0;
        const c2 = b.charCodeAt(q + 2);
        if (c2 !== 62 && c2 !== 32 && c2 !== 47) return 0;
        const gt = b.indexOf('>', q + 2);
        if (gt > siEnd) return 0;
        if (b.charCodeAt(gt - 1) === 47) q = gt + 1;
        else {
          const te = b.indexOf('<', gt + 1);
          if (!b.startsWith('</t>', te)) return 0;
          text += decodeText(b.slice(gt + 1, te));
          q = te + 4;
        }
        if (q !== p && b.charCodeAt(p + 1) === 114) {
          if (!b.startsWith('</r>', q)) return 0;
          q += 4;
        }
        p = q;
      }
      if (p !== siEnd) return 0;
      out.push(decodeOoxml(text));
      return siEnd + 5;
    },
  }));
  return out;
}

/** One worksheet's cells, as the scanner hands them over. */
class SheetHandler implements XmlHandler {
  /** Rows as read: rows[r - 1][c - 1]; missing rows stay undefined until the Grid is built. */
  readonly rows: CellValue[][] = [];
  lastRow = 0;
  maxCol = 0;
  /** The cell farthest right (for the "too large" line). */
  farColRow = 0;
  /** Columns used by formulas (results may be empty), merges, the autofilter. */
  usedRight = 0;
  readonly merges: string[] = [];
  /** Header cells in the marker style: [row, col] pairs. */
  readonly marks: number[] = [];
  /** The first print setting of the user's seen (print.ts), '' while none. */
  pageChoice = '';
  private inSheetData = false;
  private row = 0;
  private col = 0;
  private inCell = false;
  private cellType: string | null = null;
  private cellStyle = 0;
  private hasFormula = false;
  private v = '';
  private is = '';
  private inV = false;
  private inIs = false;
  private phonetic = 0;
  private readonly shared: string[];

  constructor(
    private readonly scanner: XmlScanner,
    private readonly ctx: SheetContext,
  ) {
    this.shared = ctx.shared;
  }

  private corrupt(): unknown {
    return this.ctx.pkg.zip.corrupt();
  }

  open(tag: Tag): void {
    const n = tag.name;
    if (this.inCell) {
      if (n === 'v') {
        this.inV = true;
        this.scanner.wantText = !tag.selfClosing;
      } else if (n === 'f') this.hasFormula = true;
      else if (n === 'is') this.inIs = true;
      else if (n === 't') {
        if (this.inIs && !this.phonetic && !tag.selfClosing) this.scanner.wantText = true;
      } else if (n === 'rPh') this.phonetic++;
      return;
    }
    if (n === 'c') {
      if (!this.inSheetData) return;
      const ref = tag.attr('r');
      if (ref) {
        const col = refColumn(ref);
        const row = refRow(ref);
        if (!col) throw this.corrupt();
        this.col = col;
        if (row) {
          if (row > MAX_ROWS) throw this.corrupt();
          this.row = row;
        }
      } else this.col++;
      if (this.col > MAX_COLS) throw this.corrupt();
      if (tag.selfClosing) return;
      const s = tag.attr('s');
      this.cellStyle = s === null ? 0 : +s;
      this.cellType = tag.attr('t');
      this.inCell = true;
      this.hasFormula = false;
      this.v = '';
      this.is = '';
      return;
    }
    if (n === 'row') {
      if (!this.inSheetData) return;
      const r = tag.attr('r');
      this.row = r === null ? this.row + 1 : +r;
      if (!(this.row >= 1 && this.row <= MAX_ROWS)) throw this.corrupt();
      this.col = 0;
      if (this.ctx.onRow) this.ctx.onRow();
      return;
    }
    if (n === 'sheetData') {
      this.inSheetData = !tag.selfClosing;
      return;
    }
    if (n === 'mergeCell') {
      const ref = tag.attr('ref');
      if (ref) this.merges.push(ref);
      return;
    }
    if (n === 'autoFilter') {
      const ref = tag.attr('ref');
      const range = ref ? rangeRef(ref) : null;
      if (range) this.usedRight = Math.max(this.usedRight, Math.min(range.c2, MAX_COLS));
      return;
    }
    if (!this.pageChoice && !this.inSheetData) this.pageChoice = pageChoice(tag);
  }

  close(qname: string): void {
    if (!this.inCell) {
      if (qname === 'sheetData' || qname.endsWith(':sheetData')) this.inSheetData = false;
      return;
    }
    const n = localName(qname);
    if (n === 'v') {
      this.inV = false;
      this.scanner.wantText = false;
    } else if (n === 't') {
      this.scanner.wantText = false;
    } else if (n === 'rPh') this.phonetic--;
    else if (n === 'is') this.inIs = false;
    else if (n === 'c') {
      this.inCell = false;
      this.scanner.wantText = false;
      this.finishCell(this.value());
    }
  }

  text(t: string): void {
    if (this.inV) this.v += t;
    else if (this.inIs) this.is += t;
  }

  /** Cells and rows of the common shapes, whole; anything else goes the general way. */
  fast(b: string, at: number): number {
    if (!this.inSheetData || this.inCell) return 0;
    const c1 = b.charCodeAt(at + 1);
    const c2 = b.charCodeAt(at + 2);
    if (c1 === 99 && (c2 === 32 || c2 === 62 || c2 === 47)) return this.fastCell(b, at);
    if (c1 === 114 && c2 === 111 && b.charCodeAt(at + 3) === 119) {
      const c4 = b.charCodeAt(at + 4);
      if (c4 === 32 || c4 === 62 || c4 === 47) return this.fastRow(b, at);
    }
    return 0;
  }

  /** A row tag and then as many plain cells as follow it, and the row's end tag when it comes. */
  private fastRow(b: string, at: number): number {
    const gt = b.indexOf('>', at + 4);
    if (gt < 0) return -1;
    const r = attrIn(b, at + 4, gt, 'r');
    if (r === -2) return 0;
    this.row = r === -1 ? this.row + 1 : digits(b, r);
    if (!(this.row >= 1 && this.row <= MAX_ROWS)) throw this.corrupt();
    this.col = 0;
    if (this.ctx.onRow) this.ctx.onRow();
    let p = gt + 1;
    if (b.charCodeAt(gt - 1) === 47) return p;
    // Whatever the lane cannot take (or what is not complete yet, or what lies within FAST_ROOM of the
    // buffer's end) goes back to the scanner from p.
    for (;;) {
      if (p + FAST_ROOM >= b.length || b.charCodeAt(p) !== 60) return p;
      const c1 = b.charCodeAt(p + 1);
      if (c1 === 99) {
        const c2 = b.charCodeAt(p + 2);
        if (c2 !== 32 && c2 !== 62 && c2 !== 47) return p;
        const next = this.fastCell(b, p);
        if (next <= 0) return p;
        p = next;
      } else if (c1 === 47 && b.startsWith('</row>', p)) return p + 6;
      else return p;
    }
  }

  private fastCell(b: string, at: number): number {
    // One pass over the tag by character codes (a native call per attribute costs more than the
    // attribute): plain name="value" pairs, whose values (r, s, t, cm, vm, ph) hold no '>' or '"'.
    const n = b.length;
    let rAt = -1;
    let sAt = -1;
    let tAt = -1;
    let tEnd = -1;
    let i = at + 2;
    let gt = -1;
    while (i < n) {
      let c = b.charCodeAt(i);
      if (c === 62) {
        gt = i;
        break;
      }
      if (c <= 32 || c === 47) {
        i++;
        continue;
      }
      const nameStart = i;
      while (i < n && (c = b.charCodeAt(i)) !== 61 && c > 32 && c !== 62) i++;
      if (i + 1 >= n) return -1;
      if (c !== 61 || b.charCodeAt(i + 1) !== 34) return 0;
      const vStart = i + 2;
      let j = vStart;
      while (j < n && (c = b.charCodeAt(j)) !== 34 && c !== 62) j++;
      if (j >= n) return -1;
      if (c !== 34) return 0;
      if (i === nameStart + 1) {
        const k = b.charCodeAt(nameStart);
        if (k === 114) rAt = vStart;
        else if (k === 115) sAt = vStart;
        else if (k === 116) {
          tAt = vStart;
          tEnd = j;
        }
      }
      i = j + 1;
    }
    if (gt < 0) return -1;
    const selfClosing = b.charCodeAt(gt - 1) === 47;
    let col = this.col + 1;
    let row = this.row;
    if (rAt >= 0) {
      col = 0;
      let k = rAt;
      for (;; k++) {
        const c = b.charCodeAt(k);
        if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
        else if (c !== 36) break;
      }
      if (!col) return 0;
      if (b.charCodeAt(k) !== 34) row = digits(b, k);
    }
    if (col > MAX_COLS || row > MAX_ROWS) throw this.corrupt();
    if (selfClosing) {
      this.col = col;
      this.row = row;
      return gt + 1;
    }
    // The body: an optional formula, then <v>…</v>, or <is><t>…</t></is>, or nothing; at least
    // </c>, so whatever is shorter is not complete yet (and nothing is read past the end).
    let q = gt + 1;
    let formula = false;
    if (q + 4 > n) return -1;
    if (b.charCodeAt(q) === 60 && b.charCodeAt(q + 1) === 102) {
      const fc = b.charCodeAt(q + 2);
      if (fc !== 32 && fc !== 62 && fc !== 47) return 0;
      formula = true;
      const fgt = b.indexOf('>', q);
      if (fgt < 0) return -1;
      if (b.charCodeAt(fgt - 1) === 47) q = fgt + 1;
      else {
        const fend = b.indexOf('<', fgt);
        if (fend < 0) return -1;
        if (!b.startsWith('</f>', fend)) return 0;
        q = fend + 4;
      }
    }
    let vs = -1;
    let ve = -1;
    let isStart = -1;
    let isEnd = -1;
    let end: number;
    if (q + 8 > n) return -1;
    const q1 = b.charCodeAt(q + 1);
    if (b.charCodeAt(q) === 60 && q1 === 47 && b.charCodeAt(q + 2) === 99 && b.charCodeAt(q + 3) === 62) end = q;
    else if (b.charCodeAt(q) === 60 && q1 === 118 && b.charCodeAt(q + 2) === 62) {
      vs = q + 3;
      ve = vs;
      while (ve < n && b.charCodeAt(ve) !== 60) ve++;
      if (ve + 8 > n) return -1;
      // </v></c>
      if (b.charCodeAt(ve + 1) !== 47 || b.charCodeAt(ve + 2) !== 118 || b.charCodeAt(ve + 3) !== 62 || b.charCodeAt(ve + 4) !== 60 || b.charCodeAt(ve + 5) !== 47 || b.charCodeAt(ve + 6) !== 99 || b.charCodeAt(ve + 7) !== 62) return 0;
      end = ve + 4;
    } else if (b.charCodeAt(q) === 60 && q1 === 105 && b.charCodeAt(q + 2) === 115 && b.charCodeAt(q + 3) === 62 && b.charCodeAt(q + 4) === 60 && b.charCodeAt(q + 5) === 116) {
      // <is><t
      const c = b.charCodeAt(q + 6);
      let ts: number;
      if (c === 62) ts = q + 7;
      else if (c === 32) {
        const tgt = b.indexOf('>', q + 6);
        if (tgt < 0) return -1;
        if (b.charCodeAt(tgt - 1) === 47) return 0;
        ts = tgt + 1;
      } else return 0;
      const te = b.indexOf('<', ts);
      if (te < 0 || te + 13 > b.length) return -1;
      // </t></is></c>
      if (b.charCodeAt(te + 1) !== 47 || b.charCodeAt(te + 2) !== 116 || b.charCodeAt(te + 3) !== 62 || b.charCodeAt(te + 7) !== 115 || b.charCodeAt(te + 11) !== 99 || !b.startsWith('</t></is></c>', te)) return 0;
      isStart = ts;
      isEnd = te;
      end = te + 9;
    } else if (q + 4 > b.length) return -1;
    else return 0;
    this.col = col;
    this.row = row;
    const style = sAt >= 0 ? digits(b, sAt) : 0;
    this.cellStyle = style;
    this.hasFormula = formula;
    // The two commonest cells, a shared string and a whole number, are read without a copy.
    const t1 = tAt >= 0 && tEnd === tAt + 1 ? b.charCodeAt(tAt) : tAt < 0 ? 110 : 0;
    if (t1 === 115 && vs >= 0) {
      const index = wholeNumber(b, vs, ve);
      if (index >= 0) {
        const text = this.shared[index];
        this.finishCell(text === undefined || text === '' ? null : text);
        return end + 4;
      }
    } else if (t1 === 110 && vs >= 0 && !(this.ctx.dateXf[style] === 1)) {
      const n = wholeNumber(b, vs, ve);
      if (n >= 0) {
        this.finishCell(n);
        return end + 4;
      }
    }
    if (isStart >= 0 && tEnd - tAt === 9 && b.charCodeAt(tAt) === 105 && b.charCodeAt(tAt + 6) === 83) {
      // An inline string (openpyxl's write-only mode writes every string so): decoded in one pass
      // straight from the chunk into a string of its own.
      const text = decodeOoxml(textOf(b, isStart, isEnd));
      this.finishCell(text === '' ? null : text);
      return end + 4;
    }
    this.cellType = tAt >= 0 ? b.slice(tAt, tEnd) : null;
    const v = vs >= 0 ? b.slice(vs, ve) : '';
    this.v = v.indexOf('&') < 0 && v.indexOf('\r') < 0 ? v : decodeText(v);
    this.is = isStart >= 0 ? textOf(b, isStart, isEnd) : '';
    this.finishCell(this.value());
    return end + 4;
  }

  private finishCell(value: CellValue): void {
    const col = this.col;
    if (this.hasFormula && col > this.usedRight) this.usedRight = col;
    if (value === null) return;
    const r = this.row;
    if (r < 1) throw this.corrupt();
    let row = this.rows[r - 1];
    if (!row) row = this.rows[r - 1] = [];
    if (row[col - 1] === undefined && ++this.ctx.cells.count > MAX_CELLS) {
      throw taizhangError('too-many-cells', { file: this.ctx.pkg.zip.display, limit: MAX_CELLS.toLocaleString('en-US') });
    }
    row[col - 1] = value;
    if (r > this.lastRow) this.lastRow = r;
    if (col > this.maxCol) {
      this.maxCol = col;
      this.farColRow = r;
    }
    if (this.ctx.markXf[this.cellStyle] === 1 && typeof value === 'string') this.marks.push(r, col);
  }

  private value(): CellValue {
    const ctx = this.ctx;
    const s = this.cellStyle;
    const value = cellValue({
      type: this.cellType,
      v: this.v,
      inline: this.is,
      shared: this.shared,
      dateFormat: ctx.dateXf[s] === 1,
      date1904: ctx.pkg.date1904,
    });
    // Text from the sheet itself (not the shared table) is a slice of a chunk of the part: copied,
    // so the Grid holds the text and not the whole chunk around it.
    return typeof value === 'string' && this.cellType !== 's' && value.length > 12 ? (' ' + value).slice(1) : value;
  }
}

/** The rightmost column of the ranges of a sheet's tables and the cells its comments hang on. */
function sideParts(ctx: SheetContext, sheet: SheetRef): number {
  let right = 0;
  for (const rel of sheet.rels) {
    if (rel.external || (rel.kind !== 'table' && rel.kind !== 'comments')) continue;
    const entry = ctx.pkg.zip.get(rel.target);
    if (!entry) continue;
    readSmallXml(ctx.pkg.zip, entry, (tag) => {
      if ((rel.kind === 'table' && tag.name === 'table') || (rel.kind === 'comments' && tag.name === 'comment')) {
        const range = rangeRef(tag.attr('ref') || '');
        if (range) right = Math.max(right, Math.min(range.c2, MAX_COLS));
      }
    });
  }
  return right;
}

/** The longest run of marked header cells in the topmost row that has any: our block. */
function oursOf(marks: number[]): Grid['ours'] {
  if (!marks.length) return undefined;
  let top = Infinity;
  for (let i = 0; i < marks.length; i += 2) top = Math.min(top, marks[i]);
  const cols: number[] = [];
  for (let i = 0; i < marks.length; i += 2) if (marks[i] === top) cols.push(marks[i + 1]);
  cols.sort((a, b) => a - b);
  let best = { column: cols[0], width: 1 };
  let start = cols[0];
  for (let i = 1; i <= cols.length; i++) {
    if (i < cols.length && cols[i] === cols[i - 1] + 1) continue;
    const width = cols[i - 1] - start + 1;
    if (width > best.width) best = { column: start, width };
    if (i < cols.length) start = cols[i];
  }
  return best;
}

export async function readSheet(ctx: SheetContext, sheet: SheetRef): Promise<Grid> {
  let h: SheetHandler | null = null;
  await streamPart(ctx.pkg, sheet.entry, SHEET_PART_BYTES, (scanner) => (h = new SheetHandler(scanner, ctx)));
  const handler = h as unknown as SheetHandler;
  sheet.pageChoice = handler.pageChoice;
  const file = ctx.pkg.zip.display;
  const lastRow = handler.lastRow;
  const maxCol = handler.maxCol;
  if (lastRow * maxCol > MAX_AREA) {
    // Name the cell that makes it so: the one farthest right, or the last row's.
    const byCol = maxCol / MAX_COLS >= lastRow / MAX_ROWS;
    const lastRowCells = handler.rows[lastRow - 1];
    const cell = byCol ? a1(handler.farColRow, maxCol) : a1(lastRow, lastRowCells.length);
    throw taizhangError('sheet-too-large', { file, sheet: sheet.name, cell, rows: lastRow, cols: maxCol });
  }
  const rows = handler.rows;
  rows.length = lastRow;
  for (let r = 0; r < lastRow; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    // Dense rows get nulls in their gaps; a row with one far value stays sparse (memory follows cells).
    if (row.length <= 1024) for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }

  let usedRight = Math.max(maxCol, handler.usedRight, sideParts(ctx, sheet));
  // The other cells of each merge are blank. The work is bounded by the cells present.
  let work = 0;
  for (const ref of handler.merges) {
    const m = rangeRef(ref);
    if (!m) continue;
    const c2 = Math.min(m.c2, MAX_COLS);
    usedRight = Math.max(usedRight, c2);
    if (m.c1 > maxCol) continue;
    for (let r = m.r1; r <= Math.min(m.r2, lastRow); r++) {
      const row = rows[r - 1];
      const end = Math.min(c2, row.length);
      work += 1 + Math.max(0, end - m.c1);
      for (let c = r === m.r1 ? m.c1 + 1 : m.c1; c <= end; c++) if (row[c - 1] !== undefined) row[c - 1] = null;
    }
    if (work > 2 * MAX_AREA) throw taizhangError('sheet-too-large', { file, sheet: sheet.name, cell: ref, rows: lastRow, cols: usedRight });
  }
  // A merged cell's value can only be blanked into a trailing null: trim those.
  trimRows(rows, lastRow);

  const grid: Grid = { name: sheet.name, rows, top: 1, left: 1, usedRight };
  const ours = oursOf(handler.marks);
  if (ours) grid.ours = ours;
  return grid;
}

/** Trailing empty cells of the first `lastRow` rows, then trailing empty rows, cut off (in place). */
export function trimRows(rows: CellValue[][], lastRow: number): void {
  for (let r = 0; r < lastRow; r++) {
    const row = rows[r];
    let n = row.length;
    while (n > 0 && (row[n - 1] === null || row[n - 1] === undefined)) n--;
    if (n < row.length) row.length = n;
  }
  let n = rows.length;
  while (n > 0 && rows[n - 1].length === 0) n--;
  rows.length = n;
}
