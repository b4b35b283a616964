/** The table engine: a list of records -> a SheetSpec with title, header, widths, freeze panes, filter, print setup and flag rules. */
import { CellValue } from '../model/grid';
import { FLAGS } from '../model/ledger';
import { CellStyle, SheetSpec, SpecCell, SpecChart, SpecRule, StyleKey } from '../model/spec';
import { isDateValue } from '../text/grid';
import { colLetter, rangeRef } from '../text/a1';
import { FLAG_LABELS, FLAG_STYLES } from '../words/labels';
import { Row, text } from './cells';
import { Doc, printOf, rowHeight, textLines, TITLE_HEIGHT, titleRows } from './print';
import { STYLES } from './styles';

export interface Column<T> {
  header: string;
  width: number;
  cell: (record: T, index: number) => SpecCell | null;
  /** The column holds flag labels: colour it with Good / Neutral / Bad rules. */
  flagRules?: boolean;
  /** The column holds severity labels (检查问题). */
  severityRules?: boolean;
  /** The column holds rates: give it data bars. */
  dataBars?: boolean;
}

export interface TableSpec<T> {
  name: string;
  /** The printed title (row 1), unless `before` replaces the title rows. */
  title?: string;
  doc: Doc;
  columns: Column<T>[];
  records: T[];
  /** Rows above the header; default the sheet's title and the as-of line. */
  before?: Row[];
  /** Total rows after the records. */
  totals?: Row[];
  /** Rows after the table (and its totals). */
  after?: Row[];
  merges?: string[];
  /** Overrides the widths taken from the columns. */
  widths?: number[];
  /** Default true; false for the overview, which is not a list to filter. */
  filter?: boolean;
  /** Default true. */
  landscape?: boolean;
  /** Default true: the header row prints on every page. */
  repeatHeader?: boolean;
  /** Pages tall when printed (fitToHeight); default as many as it takes. */
  pagesTall?: number;
  heights?: number[];
  charts?: SpecChart[];
  /**
   * Groups the records under band rows: where `band` of a record differs from the one before, a row
   * holding `band` (bold, across the table) goes above it. Where no record has a band ('' for all),
   * none is written; else a record without one is headed by `blankBand`.
   */
  band?: (record: T) => string;
  blankBand?: string;
}

/* ------------------------------------- the builder ------------------------------------- */

function colRange(col: number, from: number, to: number): string {
  const c = colLetter(col);
  return c + from + ':' + c + to;
}

function columnRules<T>(t: TableSpec<T>, first: number, last: number): SpecRule[] {
  const rules: SpecRule[] = [];
  if (last < first) return rules;
  t.columns.forEach((c, i) => {
    const range = colRange(i + 1, first, last);
    if (c.flagRules) {
      for (const flag of FLAGS) {
        const style = FLAG_STYLES[flag];
        if (style) rules.push({ range, textEquals: FLAG_LABELS[t.doc.lang][flag], style });
      }
    }
    if (c.severityRules) {
      const sev = t.doc.tx.severity;
      rules.push({ range, textEquals: sev.error, style: 'bad' }, { range, textEquals: sev.warning, style: 'neutral' });
    }
  });
  return rules;
}

/** Distinct cells each column of a table shares, at most. */
const SHARED_CELLS = 256;

/** The cells a column shares: by plain value, and dates by their day. */
interface SharedCells {
  values: Map<CellValue, SpecCell>;
  dates: Map<string, SpecCell>;
  /** Values looked up in vain, one after the other, since `values` filled. */
  misses: number;
}

/**
 * One cell object for the cells of a column that have the same plain value (or date) and style and
 * no link (an aspect over 500 rows, a department, a state, a due date, an empty cell): a 100,000-row
 * 汇总台账 then holds a fraction of its 1.7 million cells, which the garbage collector would copy and
 * the writers read back from all over the heap. Cells are never changed once built, so a shared one
 * is safe. The first SHARED_CELLS values (and dates) of a column are remembered; a column of distinct
 * texts stops there, and once SHARED_CELLS more of its values in a row were none of those, it is
 * not looked up any more (each look-up hashes the whole text: a 整改措施 column's are all different).
 * Sharing changes no byte of what is written, only how many objects hold it.
 */
function share(known: SharedCells, cell: SpecCell | null): SpecCell | null {
  if (!cell || cell.link) return cell;
  const v = cell.v;
  let seen: SpecCell | undefined;
  if (v !== null && typeof v === 'object') {
    if (!isDateValue(v)) return cell;
    seen = known.dates.get(v.date);
    if (!seen && known.dates.size < SHARED_CELLS) known.dates.set(v.date, cell);
  } else {
    if (known.misses >= SHARED_CELLS) return cell;
    seen = known.values.get(v);
    if (known.values.size < SHARED_CELLS) {
      if (!seen) known.values.set(v, cell);
    } else known.misses = seen ? 0 : known.misses + 1;
  }
  return seen && seen.s === cell.s ? seen : cell;
}

export function tableSheet<T>(t: TableSpec<T>): SheetSpec {
  const before = t.before ?? titleRows(t.doc, t.title ?? t.name);
  const headerRow = before.length + 1;
  const first = headerRow + 1;
  const lastCol = colLetter(t.columns.length);
  const widths = t.widths ?? t.columns.map((c) => c.width);
  const merges = t.before ? (t.merges ?? []).slice() : ['A1:' + lastCol + '1', 'A2:' + lastCol + '2'].concat(t.merges ?? []);
  // The band rows: the record each one heads, its text, merged across the table.
  const bands = bandsOf(t, first, lastCol, merges);
  const last = headerRow + t.records.length + bands.count;
  const heights = t.heights ? t.heights.slice() : [];
  if (!t.before) heights[0] = TITLE_HEIGHT;
  const rows: Row[] = before.slice();
  rows.push(t.columns.map((c) => text(c.header, 'header')));
  const columns = t.columns;
  const records = t.records;
  const shared = columns.map((): SharedCells => ({ values: new Map(), dates: new Map(), misses: 0 }));
  // Each record's row is measured as it is built (fitRows does the others).
  const fit = new RowFit(widths, merges);
  for (let i = 0; i < records.length; i++) {
    const band = bands.at[i];
    if (band !== undefined) {
      const r = rows.length;
      const row: Row = [text(band, 'band')];
      const need = heights[r] || fit.need(row, r);
      if (need) heights[r] = need;
      rows.push(row);
    }
    const row: Row = new Array(columns.length);
    for (let c = 0; c < columns.length; c++) row[c] = share(shared[c], columns[c].cell(records[i], i));
    const r = rows.length;
    if (!heights[r]) {
      const need = fit.need(row, r);
      if (need) heights[r] = need;
    }
    rows.push(row);
  }
  for (const r of t.totals ?? []) rows.push(r);
  for (const r of t.after ?? []) rows.push(r);
  const spec: SheetSpec = {
    name: t.name,
    rows,
    widths,
    freeze: { rows: headerRow, cols: 0 },
    print: printOf(t.doc, t.landscape !== false, t.repeatHeader === false ? null : headerRow),
  };
  if (t.pagesTall) spec.print!.fitToHeight = t.pagesTall;
  if (merges.length) spec.merges = merges;
  if (heights.length) spec.heights = heights;
  if (t.filter !== false) spec.autoFilter = 'A' + headerRow + ':' + lastCol + Math.max(last, headerRow);
  const rules = columnRules(t, first, last);
  if (rules.length) spec.rules = rules;
  const bars = last < first ? [] : t.columns
    .map((c, i) => (c.dataBars ? colRange(i + 1, first, last) : ''))
    .filter((r) => r !== '');
  if (bars.length) spec.dataBars = bars;
  if (t.charts && t.charts.length) spec.charts = t.charts;
  return fitRows(spec, fit, [headerRow, last]);
}

/** The band rows of a table: by record index, the text of the band above it; merges added for them. */
function bandsOf<T>(t: TableSpec<T>, first: number, lastCol: string, merges: string[]): { at: Record<number, string>; count: number } {
  const at: Record<number, string> = {};
  const band = t.band;
  if (!band || !t.records.some((r) => band(r) !== '')) return { at, count: 0 };
  let count = 0;
  let prev: string | null = null;
  t.records.forEach((r, i) => {
    const key = band(r);
    if (key === prev) return;
    prev = key;
    at[i] = key || t.blankBand || '';
    const row = first + i + count;
    merges.push('A' + row + ':' + lastCol + row);
    count++;
  });
  return { at, count };
}

/** A spec's merges by 1-based row, then column: the columns a merge spans at its top-left cell, 0 for the cells it covers. */
function mergeSpans(merges: string[] | undefined): Record<number, Record<number, number>> {
  const spans: Record<number, Record<number, number>> = {};
  for (const m of merges || []) {
    const x = rangeRef(m);
    if (!x) continue;
    for (let r = x.r1; r <= x.r2; r++) {
      const row = spans[r] || (spans[r] = {});
      for (let c = x.c1; c <= x.c2; c++) row[c] = r === x.r1 && c === x.c1 ? x.c2 - x.c1 + 1 : 0;
    }
  }
  return spans;
}

/**
 * The height a row's wrapped text needs (or a font above 11 pt), for fitRows. Neither Excel nor
 * LibreOffice grows a row for wrapped text when it opens a file, so without it a long 整改措施
 * prints over the rows below it.
 */
class RowFit {
  private readonly keys: (StyleKey | undefined)[] = [];
  private readonly styles: CellStyle[] = [];
  // The value and style of the last cell measured in each column, and the height it asked for: a
  // cell of the same value and style (one a column shares, tableSheet, or a problem's text over its
  // measures) asks for the same height again, unless a merge makes it wider.
  private readonly lastValue: SpecCell['v'][] = [];
  private readonly lastStyle: (StyleKey | undefined)[] = [];
  private readonly lastNeed: number[] = [];
  private readonly spans: Record<number, Record<number, number>>;

  constructor(private readonly widths: number[], merges: string[] | undefined) {
    this.spans = mergeSpans(merges);
  }

  /** The height row `r` (0-based) needs, 0 for none. */
  need(row: Row, r: number): number {
    const merged = this.spans[r + 1];
    let need = 0;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (!cell || !cell.s || cell.v === null || cell.v === '') continue;
      if (cell.v === this.lastValue[c] && cell.s === this.lastStyle[c] && !merged) {
        need = Math.max(need, this.lastNeed[c]);
        continue;
      }
      // The style of a column's cells is most often its last one's.
      if (cell.s !== this.keys[c]) {
        this.keys[c] = cell.s;
        this.styles[c] = STYLES[cell.s];
      }
      const style = this.styles[c];
      const size = style.size || 11;
      // One line in the default size or less asks for no height: only wrapped text is measured.
      if (size <= 11 && !(style.wrap && typeof cell.v === 'string')) continue;
      const span = merged ? merged[c + 1] : undefined;
      if (span === 0) continue;
      let width = 0;
      for (let k = c; k < c + (span || 1); k++) width += this.widths[k] || 8.43;
      const lines = style.wrap && typeof cell.v === 'string' ? textLines(cell.v, width, size) : 1;
      const h = lines > 1 || size > 11 ? rowHeight(lines, size) : 0;
      if (!merged) {
        this.lastValue[c] = cell.v;
        this.lastStyle[c] = cell.s;
        this.lastNeed[c] = h;
      }
      need = Math.max(need, h);
    }
    return need;
  }
}

/**
 * Gives every row that needs it its height (RowFit); rows that already have a height keep it.
 * Rows `skip[0]` to `skip[1]` (0-based, the end excluded) were measured already by `fit`.
 */
export function fitRows(spec: SheetSpec, fit?: RowFit, skip?: [number, number]): SheetSpec {
  const rowFit = fit || new RowFit(spec.widths || [], spec.merges);
  const heights = spec.heights ? spec.heights.slice() : [];
  for (let r = 0; r < spec.rows.length; r++) {
    if (skip && r === skip[0]) r = skip[1];
    if (r >= spec.rows.length) break;
    if (heights[r]) continue;
    const need = rowFit.need(spec.rows[r] || [], r);
    if (need) heights[r] = need;
  }
  if (heights.length) spec.heights = heights;
  return spec;
}
