/**
 * check --out as a patch of the user's file (docs/contract.md, "Writing back"):
 * - every zip entry Taizhang does not change is copied byte for byte, its compressed bytes as they are;
 * - only the ledger sheet(s) and styles.xml change, and workbook.xml where the ledger gains print
 *   titles. In a sheet only the added cells, their <col> entries, the <dimension>, the merges of our
 *   own two-row header cells, the spans hint of the rows that gain cells and, where the sheet has no
 *   print setting of the user's, its page setup change (print.ts); everything else is copied from the
 *   original text as it streams by;
 * - a section band or total row (AnnotationPlan.bands) whose last cell stands just before our block
 *   lends that cell's format to our cells there, with no value;
 *   In styles.xml fonts, fills, number formats, cell formats and the marker style are appended
 *   (stylesheet.ts), nothing is renumbered;
 * - text goes in as inline strings (sharedStrings is untouched; text that looks like a formula stays
 *   text) and no cell gets more than 32,767 characters (检查意见 is cut with "…");
 * - the added cells take the font, size, alignment, borders and protection of the ledger's own body
 *   cells in their row (every added cell of an item row gets them, so the grid stays whole), 检查意见
 *   wraps, the flag cell gets Excel's Good/Neutral/Bad colours; the header cells copy the header cell
 *   beside them and carry the marker style that tells a later check which columns are ours. Row
 *   heights are left as they are: a height the user fixed stays fixed, and 检查意见 there is cut with
 *   … to what it shows (print.ts fitHeight); others are Excel's to fit.
 * Only a package without styles.xml gains one (with its content type and relationship): Excel needs
 * one as soon as a cell has a format.
 */
import { isoToSerial, taizhangError, colLetter, isDateValue, rangeRef, refColumn, AnnotationPlan, CellValue } from '../core';
import { cellText } from '../xlsxlite/xml';
import { Book } from './read';
import { contentTypeOf, Package, relsPartOf, resolveTarget, SheetRef, withOverride, withRelationship, xmlError } from './package';
import { MAX_COLS, MAX_ROWS, SHEET_PART_BYTES } from './sheet-reader';
import { EMPTY_STYLESHEET, Formats, Kind, Stylesheet } from './stylesheet';
import { writeAtomic } from './write';
import { decodePart, localName, prefixOf, setAttr, Tag, XmlHandler, XmlScanner, XmlStream } from './xml';
import { Deflated, Deflater, deflateText } from './deflate';
import { NewEntry, writeZip, ZipEntry } from './zip';
import { AFTER_PAGE_SETUP, fitHeight, PAGE_SETUP_ATTRS, pageSetupXml, pageSetUpPrXml, sheetPrXml, withAttrs, withPrintTitles } from './print';

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32767;
const ELLIPSIS = '…';

const KINDS_4: Kind[] = ['flag', 'date', 'days', 'notes'];
/** Column widths in characters. */
const WIDTHS: Record<Kind, number> = { flag: 11, date: 12, days: 9, notes: 42 };

/** The children of <worksheet> that come after <mergeCells> (CT_Worksheet): a new one goes before them. */
const AFTER_MERGES = [
  'phoneticPr', 'conditionalFormatting', 'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup',
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst', 'AlternateContent',
];

export interface PatchOptions {
  /** The permission bits of the written file (the input's). */
  mode?: number;
  /** Called now and then with the number of rows written. */
  onProgress?: (rows: number) => void;
}

/** A text cut to fit one cell. */
export function fitCell(text: string): string {
  if (text.length <= MAX_CELL_CHARS) return text;
  let cut = MAX_CELL_CHARS - ELLIPSIS.length;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return text.slice(0, cut) + ELLIPSIS;
}

const SPANS = /(\sspans=")(\d+):(\d+)"/;

interface CellSpan {
  col: number;
  start: number;
  end: number;
  s: number;
}

/** The rows and columns the plan writes into, and what it writes there. */
class SheetPlan {
  readonly c0: number;
  readonly c1: number;
  readonly kinds: Kind[];
  readonly labelRow: number;
  readonly lastHeaderRow: number;
  /** Rows that gain or may lose cells, ascending. */
  readonly rows: number[];
  /** The widths of our columns as the sheet will have them (a re-check keeps the user's). */
  readonly widths: number[];
  private readonly bands: Set<number>;

  constructor(
    readonly plan: AnnotationPlan,
    private readonly date1904: boolean,
    /** Add the page setup (print.ts): the sheet and workbook carry no print setting of the user's. */
    readonly page = false,
  ) {
    const width = plan.labels.length;
    this.c0 = plan.column;
    this.c1 = plan.column + width - 1;
    this.kinds = width === 4 ? KINDS_4 : new Array<Kind>(width).fill('notes');
    const header = plan.headerRows.length ? plan.headerRows : [plan.headerRow];
    this.labelRow = Math.min(...header);
    this.lastHeaderRow = Math.max(...header);
    const rows: number[] = [];
    for (let r = this.labelRow; r <= this.lastHeaderRow; r++) rows.push(r);
    for (let r = Math.max(plan.firstRow, this.lastHeaderRow + 1); r <= plan.lastRow; r++) rows.push(r);
    this.rows = rows;
    this.widths = this.kinds.map((k) => WIDTHS[k]);
    this.bands = new Set(plan.bands || []);
  }

  isBand(r: number): boolean {
    return this.bands.has(r);
  }

  isItemRow(r: number): boolean {
    const values = this.plan.values[r - this.plan.firstRow];
    return !!values && values.some((v) => v !== null && v !== undefined);
  }

  /**
   * Our cells of row `r` as XML (cells in column order), `prefix` the sheet's namespace prefix. On a
   * band row (a section heading or 合计 spanning the table) `band` is its last cell's format, which
   * our cells take with no value; `height` is the row's fixed height in points (null: Excel fits it).
   */
  cells(r: number, source: number, headerSource: (col: number) => number, formats: Formats, prefix: string, band = -1, height: number | null = null): string {
    const p = this.plan;
    let out = '';
    if (r === this.labelRow) {
      for (let j = 0; j < p.labels.length; j++) {
        out += inlineCell(prefix, colLetter(this.c0 + j) + r, formats.headerFormat(headerSource(this.c0 + j)), p.labels[j]);
      }
      return out;
    }
    if (r <= this.lastHeaderRow) {
      // The lower rows of a two-row header: covered by our merged label, styled like the header there.
      for (let j = 0; j < p.labels.length; j++) out += '<' + prefix + 'c r="' + colLetter(this.c0 + j) + r + '" s="' + headerSource(this.c0 + j) + '"/>';
      return out;
    }
    if (!this.isItemRow(r)) {
      if (band < 0) return '';
      for (let j = 0; j < this.kinds.length; j++) out += '<' + prefix + 'c r="' + colLetter(this.c0 + j) + r + '" s="' + band + '"/>';
      return out;
    }
    const i = r - p.firstRow;
    const values = p.values[i];
    const flag = p.styles[i] || null;
    for (let j = 0; j < this.kinds.length; j++) {
      const kind = this.kinds[j];
      const ref = colLetter(this.c0 + j) + r;
      const s = formats.bodyFormat(source, kind, j === 0 ? flag : null);
      let v = values[j];
      // A fixed height shows what it shows: the note is cut with … to it (the report keeps it whole).
      if (kind === 'notes' && height !== null && typeof v === 'string') v = fitHeight(v, this.widths[j], height, formats.fontSize(source));
      out += valueCell(prefix, ref, s, v, this.date1904);
    }
    return out;
  }

  /** The merges of our label cells over a two-row header. */
  merges(): string[] {
    if (this.lastHeaderRow <= this.labelRow) return [];
    const out: string[] = [];
    for (let c = this.c0; c <= this.c1; c++) out.push(colLetter(c) + this.labelRow + ':' + colLetter(c) + this.lastHeaderRow);
    return out;
  }

  colXml(prefix: string, j: number): string {
    const c = this.c0 + j;
    return '<' + prefix + 'col min="' + c + '" max="' + c + '" width="' + WIDTHS[this.kinds[j]] + '" customWidth="1"/>';
  }

  colsXml(prefix: string): string {
    return this.kinds.map((_k, j) => this.colXml(prefix, j)).join('');
  }
}

/** A row's height in points where the user fixed it (customHeight), else null. */
function fixedHeight(row: Tag): number | null {
  const custom = row.attr('customHeight');
  if (custom !== '1' && custom !== 'true') return null;
  const ht = row.attr('ht');
  return ht && /^[\d.]+$/.test(ht) && +ht > 0 ? +ht : null;
}

function inlineCell(prefix: string, ref: string, s: number, text: string): string {
  const value = fitCell(text);
  // xml:space="preserve" only where whitespace could be lost: at either end, runs, tabs, breaks.
  const keep = /^\s|\s$|\s\s|[\t\n\r]/.test(value) ? ' xml:space="preserve"' : '';
  return '<' + prefix + 'c r="' + ref + '" s="' + s + '" t="inlineStr"><' + prefix + 'is><' + prefix + 't' + keep + '>' + cellText(value) + '</' + prefix + 't></' + prefix + 'is></' + prefix + 'c>';
}

function valueCell(prefix: string, ref: string, s: number, v: CellValue | undefined, date1904: boolean): string {
  if (v === null || v === undefined || v === '') return '<' + prefix + 'c r="' + ref + '" s="' + s + '"/>';
  if (isDateValue(v)) {
    const serial = isoToSerial(v.date) - (date1904 ? 1462 : 0);
    return '<' + prefix + 'c r="' + ref + '" s="' + s + '"><' + prefix + 'v>' + serial + '</' + prefix + 'v></' + prefix + 'c>';
  }
  if (typeof v === 'number') {
    if (!isFinite(v)) return '<' + prefix + 'c r="' + ref + '" s="' + s + '"/>';
    return '<' + prefix + 'c r="' + ref + '" s="' + s + '"><' + prefix + 'v>' + v + '</' + prefix + 'v></' + prefix + 'c>';
  }
  if (typeof v === 'boolean') return '<' + prefix + 'c r="' + ref + '" s="' + s + '" t="b"><' + prefix + 'v>' + (v ? 1 : 0) + '</' + prefix + 'v></' + prefix + 'c>';
  return inlineCell(prefix, ref, s, String(v));
}



/**
 * The sheet XML streamed through: text is copied as it goes, except where the plan writes. The
 * scanner holds back what may still be rewritten (a row, <cols>, <mergeCells>) until it is decided.
 */
class SheetPatcher implements XmlHandler {
  private emitted = 0;
  private holding = false;
  private depth = 0;
  private inSheetData = false;
  private sawCols = false;
  private colsStart = -1;
  private colsOpenEnd = -1;
  private colsQname = 'cols';
  private readonly colTags: { start: number; end: number }[] = [];
  private mergeStart = -1;
  private mergeOpen: { start: number; end: number; selfClosing: boolean; qname: string } | null = null;
  private readonly mergeRefs: string[] = [];
  private mergesDone = false;
  private nextRow = 0;
  private sheetPrefix = '';
  // The row being held.
  private row = 0;
  private rowStart = -1;
  private rowOpenEnd = -1;
  private rowOpenTag = '';
  /** The open row's height where the user fixed it (customHeight), else null. */
  private rowHeight: number | null = null;
  private rowStyle = -1;
  private rowSelfClosing = false;
  private readonly cells: CellSpan[] = [];
  private cellCol = 0;
  private cellIndex = -1;
  private lastSource = 0;
  private rowsSeen = 0;
  // The page setup (print.ts), where the plan adds it.
  private sawChild = false;
  private inSheetPr = false;
  private sawPageSetUpPr = false;
  private pageSetupDone = false;
  private sawSheetData = false;

  constructor(
    private readonly scanner: XmlScanner,
    private readonly sheet: SheetPlan,
    private readonly formats: Formats,
    private readonly out: (text: string) => void,
    private readonly onRow: () => void,
  ) {}

  private copyTo(at: number): void {
    if (at > this.emitted) {
      this.out(this.scanner.slice(this.emitted, at));
      this.emitted = at;
    }
  }

  private replace(start: number, end: number, text: string): void {
    this.copyTo(start);
    this.out(text);
    this.emitted = end;
  }

  beforeDrop(): void {
    if (!this.holding) this.copyTo(this.scanner.position);
    this.scanner.keep = this.emitted;
  }

  /** Rows of ours that the file does not have, before sheet row `before`. */
  private newRows(before: number): string {
    let out = '';
    const rows = this.sheet.rows;
    while (this.nextRow < rows.length && rows[this.nextRow] < before) {
      const r = rows[this.nextRow++];
      const cells = this.sheet.cells(r, this.lastSource, () => 0, this.formats, this.sheetPrefix);
      if (cells) out += '<' + this.sheetPrefix + 'row r="' + r + '">' + cells + '</' + this.sheetPrefix + 'row>';
    }
    return out;
  }

  open(tag: Tag): void {
    this.depth++;
    const n = tag.name;
    if (this.inSheetData) {
      if (n === 'row' && this.depth === 3) this.openRow(tag);
      else if (n === 'c' && this.rowStart >= 0 && this.depth === 4) {
        const ref = tag.attr('r');
        this.cellCol = ref ? refColumn(ref) : this.cellCol + 1;
        const s = tag.attr('s');
        this.cells.push({ col: this.cellCol, start: tag.start, end: tag.end, s: s === null ? 0 : +s || 0 });
        this.cellIndex = this.cells.length - 1;
      }
      return;
    }
    if (this.depth === 1) {
      this.sheetPrefix = prefixOf(tag.qname);
      return;
    }
    if (this.depth === 2) {
      if (this.sheet.page) this.pageElement(tag);
      switch (n) {
        case 'dimension':
          this.replace(tag.start, tag.end, this.dimension(tag));
          return;
        case 'cols':
          this.sawCols = true;
          this.copyTo(tag.start);
          this.holding = true;
          this.colsStart = tag.start;
          this.colsOpenEnd = tag.end;
          this.colsQname = tag.qname;
          if (tag.selfClosing) this.finishCols(tag.end, true);
          return;
        case 'sheetData':
          this.sawSheetData = true;
          if (!this.sawCols) {
            this.copyTo(tag.start);
            this.out('<' + this.sheetPrefix + 'cols>' + this.sheet.colsXml(this.sheetPrefix) + '</' + this.sheetPrefix + 'cols>');
          }
          if (tag.selfClosing) {
            this.replace(tag.start, tag.end, '<' + tag.qname + '>' + this.newRows(Infinity) + '</' + tag.qname + '>');
          } else this.inSheetData = true;
          return;
        case 'mergeCells':
          this.copyTo(tag.start);
          this.holding = true;
          this.mergeStart = tag.start;
          this.mergeOpen = { start: tag.start, end: tag.end, selfClosing: tag.selfClosing, qname: tag.qname };
          return;
        default:
          if (!this.mergesDone && AFTER_MERGES.indexOf(n) >= 0) this.insertMerges(tag.start);
          // After the cells only: an mc:AlternateContent may stand anywhere.
          if (this.sheet.page && !this.pageSetupDone && this.sawSheetData && AFTER_PAGE_SETUP.indexOf(n) >= 0) this.insertPageSetup(tag.start);
      }
      return;
    }
    if (this.depth === 3 && this.inSheetPr && n === 'pageSetUpPr') {
      this.sawPageSetUpPr = true;
      this.replace(tag.start, tag.end, withAttrs(this.scanner.slice(tag.start, tag.end), [['fitToPage', '1']]));
    }
    if (this.depth === 3 && n === 'col' && this.colsStart >= 0) this.colTags.push({ start: tag.start, end: tag.end });
    if (this.depth === 3 && n === 'mergeCell' && this.mergeStart >= 0) this.mergeRefs.push(tag.attr('ref') || '');
  }

  close(qname: string, start: number, end: number): void {
    const depth = this.depth--;
    if (this.inSheetData) {
      if (depth === 4 && this.cellIndex >= 0) {
        this.cells[this.cellIndex].end = end;
        this.cellIndex = -1;
      } else if (depth === 3 && this.rowStart >= 0) this.closeRow(start, end);
      else if (depth === 2) {
        this.inSheetData = false;
        const rows = this.newRows(Infinity);
        if (rows) {
          this.copyTo(start);
          this.out(rows);
        }
      }
      return;
    }
    if (depth === 2) {
      const n = localName(qname);
      if (n === 'cols' && this.colsStart >= 0 && this.holding) this.finishCols(end, false);
      else if (n === 'mergeCells' && this.mergeStart >= 0) this.finishMerges(start, end);
      else if (n === 'sheetPr' && this.inSheetPr) {
        this.inSheetPr = false;
        // pageSetUpPr is the last child of sheetPr (CT_SheetPr).
        if (!this.sawPageSetUpPr) this.replace(start, start, pageSetUpPrXml(prefixOf(qname)));
      }
    } else if (depth === 1) {
      if (!this.mergesDone) this.insertMerges(start);
      if (this.sheet.page && !this.pageSetupDone) this.insertPageSetup(start);
    }
  }

  /**
   * The page setup at a child of <worksheet>: sheetPr gains pageSetUpPr fitToPage (a new sheetPr goes
   * first where there is none), pageSetup gains landscape and the fit (its other attributes kept).
   */
  private pageElement(tag: Tag): void {
    const n = tag.name;
    const first = !this.sawChild;
    this.sawChild = true;
    if (n === 'sheetPr') {
      if (!tag.selfClosing) this.inSheetPr = true;
      else {
        const p = prefixOf(tag.qname);
        const open = this.scanner.slice(tag.start, tag.end).replace(/\s*\/>$/, '>');
        this.replace(tag.start, tag.end, open + pageSetUpPrXml(p) + '</' + tag.qname + '>');
      }
      return;
    }
    if (first) this.replace(tag.start, tag.start, sheetPrXml(this.sheetPrefix));
    if (n === 'pageSetup') {
      this.pageSetupDone = true;
      this.replace(tag.start, tag.end, withAttrs(this.scanner.slice(tag.start, tag.end), PAGE_SETUP_ATTRS));
    }
  }

  private insertPageSetup(at: number): void {
    this.pageSetupDone = true;
    this.replace(at, at, pageSetupXml(this.sheetPrefix));
  }

  private dimension(tag: Tag): string {
    const s = this.sheet;
    const top = s.labelRow;
    const bottom = Math.max(s.plan.lastRow, s.lastHeaderRow);
    const ref = tag.attr('ref');
    const old = ref ? rangeRef(ref) : null;
    const r1 = old ? Math.min(old.r1, top) : 1;
    const c1 = old ? Math.min(old.c1, s.c0) : 1;
    const r2 = old ? Math.max(old.r2, bottom) : bottom;
    const c2 = old ? Math.max(old.c2, s.c1) : s.c1;
    const raw = this.scanner.slice(tag.start, tag.end);
    return setAttr(raw, 'ref', colLetter(c1) + r1 + ':' + colLetter(c2) + Math.min(r2, MAX_ROWS));
  }

  private finishCols(end: number, selfClosing: boolean): void {
    const s = this.sheet;
    const kept: { min: number; xml: string }[] = [];
    const covered: boolean[] = [];
    for (const t of this.colTags) {
      const raw = this.scanner.slice(t.start, t.end);
      const min = +((/\smin="(\d+)"/.exec(raw) || [])[1] || 0);
      const max = +((/\smax="(\d+)"/.exec(raw) || [])[1] || min);
      if (max < s.c0 || min > s.c1 || s.plan.reused) {
        // On a re-check our columns keep the widths they have (the user may have changed them).
        const width = +((/\swidth="([\d.]+)"/.exec(raw) || [])[1] || 0);
        for (let c = Math.max(min, s.c0); c <= Math.min(max, s.c1); c++) {
          covered[c - s.c0] = true;
          if (width > 0) s.widths[c - s.c0] = width;
        }
        kept.push({ min, xml: raw });
        continue;
      }
      // A range of blank columns that covers ours keeps its other columns.
      if (min < s.c0) kept.push({ min, xml: setAttr(raw, 'max', String(s.c0 - 1)) });
      if (max > s.c1) kept.push({ min: s.c1 + 1, xml: setAttr(raw, 'min', String(s.c1 + 1)) });
    }
    const p = prefixOf(this.colsQname);
    s.kinds.forEach((_k, j) => {
      if (!covered[j]) kept.push({ min: s.c0 + j, xml: s.colXml(p, j) });
    });
    // Stable: the file's own order stays where our block does not come between.
    kept.sort((a, b) => a.min - b.min);
    const openTag = this.scanner.slice(this.colsStart, this.colsOpenEnd);
    const text = (selfClosing ? openTag.replace(/\s*\/>$/, '>') : openTag) + kept.map((k) => k.xml).join('') + '</' + this.colsQname + '>';
    this.holding = false;
    this.replace(this.colsStart, end, text);
    this.colsStart = -1;
    this.colTags.length = 0;
  }

  /** Our merges that the sheet does not have yet (never one that would overlap another). */
  private missingMerges(): string[] {
    const existing = this.mergeRefs.map((r) => rangeRef(r)).filter((r) => !!r) as NonNullable<ReturnType<typeof rangeRef>>[];
    return this.sheet.merges().filter((ref) => {
      const m = rangeRef(ref) as NonNullable<ReturnType<typeof rangeRef>>;
      return !existing.some((e) => e.r1 <= m.r2 && m.r1 <= e.r2 && e.c1 <= m.c2 && m.c1 <= e.c2);
    });
  }

  private finishMerges(closeStart: number, end: number): void {
    this.mergesDone = true;
    this.holding = false;
    const open = this.mergeOpen as NonNullable<SheetPatcher['mergeOpen']>;
    const add = this.missingMerges();
    this.mergeStart = -1;
    if (!add.length) return;
    const p = prefixOf(open.qname);
    const xml = add.map((r) => '<' + p + 'mergeCell ref="' + r + '"/>').join('');
    const count = String(this.mergeRefs.length + add.length);
    const startTag = setAttr(this.scanner.slice(open.start, open.end).replace(/\s*\/>$/, '>'), 'count', count);
    if (open.selfClosing) this.replace(open.start, end, startTag + xml + '</' + open.qname + '>');
    else {
      this.replace(open.start, open.end, startTag);
      this.replace(closeStart, closeStart, xml);
    }
  }

  private insertMerges(at: number): void {
    this.mergesDone = true;
    const add = this.missingMerges();
    if (!add.length) return;
    const p = this.sheetPrefix;
    this.copyTo(at);
    this.out('<' + p + 'mergeCells count="' + add.length + '">' + add.map((r) => '<' + p + 'mergeCell ref="' + r + '"/>').join('') + '</' + p + 'mergeCells>');
  }

  private openRow(tag: Tag): void {
    const r = tag.attr('r');
    this.row = r === null ? this.row + 1 : +r;
    if (!(this.row >= 1 && this.row <= MAX_ROWS)) throw new Error('row number out of range');
    this.rowsSeen++;
    this.onRow();
    const before = this.newRows(this.row);
    if (before) {
      this.copyTo(tag.start);
      this.out(before);
    }
    this.copyTo(tag.start);
    this.holding = true;
    this.rowStart = tag.start;
    this.rowOpenEnd = tag.end;
    this.rowOpenTag = this.scanner.slice(tag.start, tag.end);
    this.rowSelfClosing = tag.selfClosing;
    const custom = tag.attr('customFormat');
    const s = tag.attr('s');
    this.rowStyle = (custom === '1' || custom === 'true') && s !== null ? +s || 0 : -1;
    this.rowHeight = fixedHeight(tag);
    this.cells.length = 0;
    this.cellCol = 0;
    this.cellIndex = -1;
  }

  private closeRow(closeStart: number, end: number): void {
    const s = this.sheet;
    const r = this.row;
    const rowStart = this.rowStart;
    this.holding = false;
    this.rowStart = -1;
    const wanted = this.nextRow < s.rows.length && s.rows[this.nextRow] === r;
    if (wanted) this.nextRow++;
    const cells = this.cells;
    // The ledger's own format in this row: its rightmost cell before our block.
    let left = -1;
    for (let i = cells.length - 1; i >= 0; i--) {
      if (cells[i].col < s.c0) {
        left = i;
        break;
      }
    }
    let source = left >= 0 ? cells[left].s : this.rowStyle >= 0 ? this.rowStyle : this.lastSource;
    if (left >= 0 && s.isItemRow(r)) this.lastSource = source;
    if (source < 0) source = 0;
    const headerSource = () => (left >= 0 ? cells[left].s : 0);
    // A band spans the table: its last cell sits just before our block and has a format of its own.
    const band = s.isBand(r) && left >= 0 && cells[left].col === s.c0 - 1 && cells[left].s > 0 ? cells[left].s : -1;
    const ours = wanted ? s.cells(r, source, headerSource, this.formats, this.sheetPrefix, band, this.rowHeight) : '';
    let first = -1;
    let last = -1;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i].col;
      if (c >= s.c0 && first < 0) first = i;
      if (c >= s.c0 && c <= s.c1) last = i;
    }
    if (!ours && last < 0) return;
    let open = this.rowOpenTag;
    if (ours) {
      // The spans hint covers the row's cells: widen it to ours.
      const spans = SPANS.exec(open);
      if (spans && +spans[3] < s.c1) open = open.slice(0, spans.index) + spans[1] + spans[2] + ':' + s.c1 + '"' + open.slice(spans.index + spans[0].length);
    }
    if (this.rowSelfClosing) {
      const q = /^<([^\s>/]+)/.exec(open) as RegExpExecArray;
      this.replace(rowStart, end, open.replace(/\s*\/>$/, '>') + ours + '</' + q[1] + '>');
      return;
    }
    const insertAt = first >= 0 ? cells[first].start : closeStart;
    const resumeAt = last >= 0 ? cells[last].end : insertAt;
    this.replace(rowStart, this.rowOpenEnd, open);
    this.replace(insertAt, resumeAt, ours);
  }

  get rowCount(): number {
    return this.rowsSeen;
  }
}

async function patchSheet(pkg: Package, sheet: SheetRef, plan: SheetPlan, formats: Formats, onRow: () => void): Promise<Deflated> {
  const deflater = new Deflater();
  const scanner = new XmlScanner({ open: () => undefined, close: () => undefined });
  const patcher = new SheetPatcher(scanner, plan, formats, (t) => deflater.write(t), onRow);
  scanner.handler = patcher;
  scanner.keep = 0;
  const stream = new XmlStream(scanner);
  try {
    for await (const chunk of pkg.zip.chunks(sheet.entry, { maxBytes: SHEET_PART_BYTES })) {
      stream.write(chunk);
      await deflater.drained();
    }
    stream.end();
  } catch (e) {
    throw xmlError(pkg.zip, sheet.entry.name, e);
  }
  return deflater.end();
}

const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

/**
 * Writes `book` with the plans applied to `out` (atomically: a temporary file beside it, renamed
 * over it; removed on any failure or interruption).
 */
export async function patchWorkbook(book: Book, plans: AnnotationPlan[], out: string, opts: PatchOptions = {}): Promise<void> {
  const pkg = book.pkg;
  const styles = book.styles || new Stylesheet(EMPTY_STYLESHEET);
  const formats = new Formats(styles);
  const replaced = new Map<ZipEntry, NewEntry>();
  const added: NewEntry[] = [];
  let rows = 0;
  const onRow = () => {
    if (opts.onProgress && ++rows % 5000 === 0) opts.onProgress(rows);
  };
  let workbookText: string | null = null;
  for (const plan of plans) {
    const sheet = pkg.sheets.filter((s) => s.name === plan.sheet)[0];
    if (!sheet) continue;
    const last = plan.column + plan.labels.length - 1;
    if (last > MAX_COLS) throw taizhangError('no-room', { file: pkg.zip.display, sheet: sheet.name, column: colLetter(Math.min(plan.column - 1, MAX_COLS)) });
    // The page setup only where neither the sheet (read: pageChoice) nor the workbook (its print names) has one.
    let page = false;
    if (plan.pageSetup && sheet.pageChoice === '') {
      if (workbookText === null) workbookText = decodePart(pkg.zip.readWhole(pkg.zip.get(pkg.workbookPart) as ZipEntry, { maxBytes: 64 * 1024 * 1024 }));
      const titles = plan.pageSetup.titleRows;
      // workbook.xml is written back as UTF-8: one declared otherwise is left as it is.
      const utf8: boolean = !/^\s*<\?xml[^>]*encoding\s*=\s*["'](?!utf-8["'])/i.test(workbookText);
      const text: string | null = utf8 ? withPrintTitles(workbookText, sheet.name, titles.top, titles.bottom) : null;
      if (text !== null) {
        workbookText = text;
        page = true;
      }
    }
    const data = await patchSheet(pkg, sheet, new SheetPlan(plan, pkg.date1904, page), formats, onRow);
    replaced.set(sheet.entry, { name: sheet.entry.name, data });
    if (page) {
      const entry = pkg.zip.get(pkg.workbookPart) as ZipEntry;
      replaced.set(entry, { name: entry.name, data: deflateText(workbookText as string) });
    }
  }
  if (styles.changed) {
    const text = styles.serialize();
    if (book.styles && pkg.stylesPart) {
      const entry = pkg.zip.get(pkg.stylesPart) as ZipEntry;
      replaced.set(entry, { name: entry.name, data: deflateText(text) });
    } else {
      // A package without a stylesheet gains one, with its content type and relationship.
      const part = resolveTarget(pkg.workbookPart, 'styles.xml');
      added.push({ name: part, data: deflateText(text) });
      if (pkg.contentTypes && !contentTypeOf(pkg.contentTypes, part).match(/styles/)) {
        replaced.set(pkg.contentTypes.entry, { name: pkg.contentTypes.entry.name, data: deflateText(withOverride(pkg.contentTypes.text, part, STYLES_TYPE)) });
      }
      const relsEntry = pkg.workbookRelsEntry;
      const relsText = relsEntry
        ? decodePart(pkg.zip.readWhole(relsEntry, { maxBytes: 64 * 1024 * 1024 }))
        : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
      const rel = withRelationship(relsText, pkg.workbookRels, STYLES_REL, 'styles.xml');
      if (relsEntry) replaced.set(relsEntry, { name: relsEntry.name, data: deflateText(rel) });
      else added.push({ name: relsPartOf(pkg.workbookPart), data: deflateText(rel) });
    }
  }
  const mode = opts.mode === undefined ? 0o666 & ~process.umask() : opts.mode;
  await writeAtomic(out, async (tmp) => writeZip(pkg.zip, replaced, added, tmp, mode), opts.mode);
  if (opts.onProgress && rows) opts.onProgress(rows);
}
