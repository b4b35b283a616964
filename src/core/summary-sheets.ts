/**
 * Summary -> SheetSpec[]: the seven sheets of the summary workbook, and the per-department 督办单.
 * Host-neutral: the file writer (src/xlsxlite) and the Office.js host both render these specs, so a
 * layout is written once.
 *
 * The list sheets are built by `tableSheet`: a title and an as-of line, a header row, one row per
 * record, optional total rows and rows after them. It adds the header style, column widths, freeze
 * panes below the header, the autofilter, print setup (A4, one page wide, the header repeated, a
 * footer with the page number and the issuing office) and the flag colour rules. The 通报 and the
 * 督办单 are documents, laid out by hand: one cell per paragraph, fonts after GB/T 9704.
 *
 * Widths are chosen so that every sheet prints at 80% or more (core/print.ts does the arithmetic).
 * Text from the user's ledger goes into cells as-is: hosts write strings that start with = + - @ as text.
 */
import { dueSoonDaysOf, replyDaysOf } from './options';
import { CellStyle, CellValue, CheckedItem, CheckOptions, DateValue, FLAGS, Lang, SheetSpec, SpecCell, SpecChart, SpecLink, SpecPrint, SpecRule, StyleKey } from './types';
import { FLAG_LABELS, FLAG_STYLES, STATE_LABELS } from './labels';
import { CHART_COLORS, STYLES } from './styles';
import { ruleName } from './i18n';
import { COMPARE_TEXT } from './compare-i18n';
import { addWorkingDays } from './dates';
import { colLetter, colNumber, isDateValue } from './grid';
import { MARGINS, printableHeight, rowHeight, textLines } from './print';
import { cellOf } from './ledger';
import { AspectCounts, ColumnKey, MetricKey, SUMMARY_TEXT, SummaryText } from './summary-i18n';
import { enumeratorStripper, GroupRow, splitDepartments, stableSort, stripEnumerator, Summary, SummaryFinding, SummaryItem } from './summary';

type Row = (SpecCell | null)[];

/**
 * What the documents read of the options (CheckOptions, passed whole): who sends them (--issuer,
 * --notice-number, --reply-days) and the yellow window the check used, for the report's wording.
 */
export type DocumentOptions = Pick<CheckOptions, 'issuer' | 'noticeNumber' | 'replyDays' | 'dueSoonDays'>;

/** Everything a sheet builder needs besides the summary. */
export interface Doc {
  lang: Lang;
  tx: SummaryText;
  asOf: string;
  issuer: string;
  opts: DocumentOptions;
}

/** The document settings of sheets judged at `asOf` (the summary's, or a comparison's later date). */
export function docFor(asOf: string, lang: Lang, opts: DocumentOptions): Doc {
  const tx = SUMMARY_TEXT[lang];
  const issuer = (opts.issuer || '').trim() || tx.defaultIssuer;
  return { lang, tx, asOf, issuer, opts };
}

function docOf(s: Summary, lang: Lang, opts: DocumentOptions): Doc {
  return docFor(s.asOf, lang, opts);
}

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
}

/* ---------------------------------------- cells ---------------------------------------- */

/** 1 -> A, 27 -> AA (core/grid's colLetter, kept under its old name for callers). */
export const columnName = colLetter;

export function text(v: string, s: StyleKey = 'text'): SpecCell {
  return { v, s };
}

export function num(v: number | null, s: StyleKey = 'number'): SpecCell {
  return { v, s };
}

export function date(iso: string | null): SpecCell {
  const v: DateValue | null = iso ? { date: iso } : null;
  return { v, s: 'date' };
}

export function rate(v: number | null): SpecCell {
  return { v, s: 'percent' };
}

/* ------------------------------------- print setup ------------------------------------- */

/** Text as a header/footer part: '&' starts a code there, so a literal one is doubled. */
export function headerFooterText(s: string): string {
  return s.replace(/&/g, '&&');
}

/** A4, one page wide, the header row repeated, the issuer and page number in the footer. */
function printOf(doc: Doc, landscape: boolean, headerRow: number | null): SpecPrint {
  const print: SpecPrint = {
    landscape,
    fitToWidth: true,
    sideMargin: MARGINS.side,
    footer: { left: headerFooterText(doc.issuer), center: doc.tx.pageFooter, right: headerFooterText(doc.tx.asOfLine(doc.asOf)) },
  };
  if (headerRow) print.repeatRows = [headerRow, headerRow];
  return print;
}

/** Row 1 the sheet's title (merged over the table), row 2 the as-of line. */
function titleRows(doc: Doc, title: string): Row[] {
  return [[text(title, 'title')], [text(doc.tx.asOfLine(doc.asOf), 'subtitle')]];
}

/** A title in 16 pt needs a taller row than Excel gives a merged cell. */
const TITLE_HEIGHT = 26;

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
  const last = headerRow + t.records.length;
  const lastCol = colLetter(t.columns.length);
  const widths = t.widths ?? t.columns.map((c) => c.width);
  const merges = t.before ? (t.merges ?? []) : ['A1:' + lastCol + '1', 'A2:' + lastCol + '2'].concat(t.merges ?? []);
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
  return fitRows(spec, fit, [headerRow, headerRow + records.length]);
}

/** A spec's merges by 1-based row, then column: the columns a merge spans at its top-left cell, 0 for the cells it covers. */
function mergeSpans(merges: string[] | undefined): Record<number, Record<number, number>> {
  const spans: Record<number, Record<number, number>> = {};
  for (const m of merges || []) {
    const x = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(m);
    if (!x) continue;
    const c0 = colNumber(x[1]);
    const c1 = colNumber(x[3]);
    for (let r = +x[2]; r <= +x[4]; r++) {
      const row = spans[r] || (spans[r] = {});
      for (let c = c0; c <= c1; c++) row[c] = r === +x[2] && c === c0 ? c1 - c0 + 1 : 0;
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
  // The last cell measured in each column and the height it asked for: a cell a column shares
  // (tableSheet) asks for the same height again, unless a merge makes it wider.
  private readonly last: (SpecCell | null)[] = [];
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
      if (cell === this.last[c] && !merged) {
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
        this.last[c] = cell;
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
function fitRows(spec: SheetSpec, fit?: RowFit, skip?: [number, number]): SheetSpec {
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

/* --------------------------------------- columns --------------------------------------- */

function itemColumn(tx: SummaryText, key: ColumnKey, width: number, get: (i: SummaryItem) => string,
  s: StyleKey = 'text'): Column<SummaryItem> {
  return { header: tx.columns[key], width, cell: (i) => text(get(i), s) };
}

function seqColumn<T>(tx: SummaryText): Column<T> {
  return { header: tx.columns.seq, width: 5, cell: (_r, i) => num(i + 1) };
}

export function flagColumn(doc: Doc): Column<CheckedItem> {
  return { header: doc.tx.columns.flag, width: 8, cell: (i) => text(FLAG_LABELS[doc.lang][i.flag]), flagRules: true };
}

const A1_CELL = /^[A-Z]{1,3}[1-9]\d*$/;

/** `cell` with a link to `target` when the target is a plain A1 cell on a named sheet. */
export function linked(cell: SpecCell, target: SpecLink): SpecCell {
  return target.sheet && A1_CELL.test(target.cell) ? { v: cell.v, s: cell.s, link: target } : cell;
}

/** An item's cell in its ledger: its 整改措施 cell when that is on the item's sheet, else column A of its row. */
export function itemTarget(i: CheckedItem): SpecLink {
  const measureSheet = (i.cellSheets && i.cellSheets.measure) || i.sheet;
  const m = cellOf(i, 'measure');
  const cell = m && measureSheet === i.sheet && A1_CELL.test(m) ? m : 'A' + i.row;
  return { sheet: i.sheet, cell };
}

/** 来源文件, 工作表, 行号: the 行号 cell links to the item (the row number stays its value). */
function sourceColumns(tx: SummaryText): Column<SummaryItem>[] {
  return [
    itemColumn(tx, 'file', 10, (i) => i.file, 'wrap'),
    itemColumn(tx, 'sheet', 7, (i) => i.sheet, 'wrap'),
    { header: tx.columns.row, width: 5, cell: (i) => linked(num(i.row), itemTarget(i)) },
  ];
}

function daysOverdue(i: SummaryItem): number | null {
  return i.flag === 'overdue' && i.daysLeft !== null ? -i.daysLeft : null;
}

function daysLeft(i: SummaryItem): number | null {
  return i.flag === 'overdue' ? null : i.daysLeft;
}

/** The columns of 逾期临期. */
function laggingColumns(doc: Doc): Column<SummaryItem>[] {
  const tx = doc.tx;
  return [
    seqColumn<SummaryItem>(tx),
    flagColumn(doc),
    ...sourceColumns(tx),
    itemColumn(tx, 'aspect', 14, (i) => i.aspect, 'wrap'),
    itemColumn(tx, 'problem', 22, (i) => i.problem, 'wrap'),
    itemColumn(tx, 'measure', 30, (i) => i.measure, 'wrap'),
    itemColumn(tx, 'leadDept', 11, (i) => i.leadDept, 'wrap'),
    itemColumn(tx, 'leader', 8, (i) => i.leader, 'wrap'),
    { header: tx.columns.due, width: 10.5, cell: (i) => date(i.due) },
    { header: tx.columns.daysOverdue, width: 6, cell: (i) => num(daysOverdue(i)) },
    { header: tx.columns.daysLeft, width: 6, cell: (i) => num(daysLeft(i)) },
  ];
}

type GroupCount = Exclude<keyof GroupRow, 'name' | 'blank' | 'rate'>;
const GROUP_COUNTS: GroupCount[] = ['problems', 'measures', 'done', 'overdue', 'dueSoon', 'onTrack', 'longTerm', 'noDeadline'];

function groupColumns(tx: SummaryText, nameKey: ColumnKey, blankName: string): Column<GroupRow>[] {
  const cols: Column<GroupRow>[] = [
    { header: tx.columns[nameKey], width: 30, cell: (g) => text(g.blank ? blankName : g.name, 'wrap') },
  ];
  for (const k of GROUP_COUNTS) cols.push({ header: tx.columns[k], width: 9, cell: (g) => num(g[k]) });
  cols.push({ header: tx.columns.rate, width: 10, cell: (g) => rate(g.rate), dataBars: true });
  return cols;
}

/** The 合计 row: the summary's own totals, so a jointly led item is counted once. */
function groupTotal(s: Summary, label: string): Row {
  const t = s.totals;
  const counts = [s.problems, t.items, t.done, t.overdue, t.dueSoon, t.onTrack, t.longTerm, t.noDeadline];
  const row: Row = [text(label, 'total')];
  for (const n of counts) row.push(num(n, 'total'));
  row.push({ v: s.rate, s: 'percent' });
  return row;
}

/** The rows added up, as they stand (a jointly led item once per department); no rate, which would mislead. */
function groupSum(groups: GroupRow[], label: string): Row {
  const row: Row = [text(label, 'total')];
  for (const k of GROUP_COUNTS) {
    let n = 0;
    for (const g of groups) n += g[k];
    row.push(num(n, 'total'));
  }
  row.push({ v: null, s: 'total' });
  return row;
}

/* ---------------------------------------- sheets ---------------------------------------- */

interface Metric {
  key: MetricKey;
  cell: SpecCell;
}

function metrics(s: Summary): Metric[] {
  const t = s.totals;
  const n = (key: MetricKey, v: number): Metric => ({ key, cell: num(v) });
  return [
    n('items', t.items), n('aspects', s.aspects), n('problems', s.problems),
    n('done', t.done), n('closed', s.closed), n('doneAwaitingClose', s.doneAwaitingClose),
    n('basicallyDone', s.basicallyDone), n('overdue', t.overdue), n('dueSoon', t.dueSoon),
    n('onTrack', t.onTrack), n('longTerm', t.longTerm), n('noDeadline', t.noDeadline),
    { key: 'rate', cell: rate(s.rate) },
    n('immediateItems', s.immediate.items), n('immediateDone', s.immediate.done),
    n('immediateOverdue', s.immediate.overdue), n('immediateDueSoon', s.immediate.dueSoon),
    n('findingErrors', s.findingCounts.errors), n('findingWarnings', s.findingCounts.warnings),
  ];
}

/** A chart's category: long aspect names would crowd the axis; the full name is on 按方面. */
export function chartLabel(name: string, max = 14): string {
  return name.length > max ? name.slice(0, max - 1) + '…' : name;
}

/** Departments for the completion chart: named ones only, highest rate first, then most measures. */
function rateRanking(s: Summary): GroupRow[] {
  return stableSort(s.byLeadDept.filter((g) => !g.blank && g.measures > 0),
    (a, b) => (b.rate ?? 0) - (a.rate ?? 0) || b.measures - a.measures);
}

/** Rows of chart frame for n bars: enough for each bar and its label, within a page. */
function chartRows(n: number, legend: boolean): number {
  return Math.max(14, Math.min(44, 5 + (legend ? 2 : 0) + Math.ceil(n * 1.4)));
}

/** The chart frames on 总览: right of the tables, from column G, ten default columns wide. */
const CHART_LEFT = 7;
const CHART_COLS = 10;

function overviewSheet(s: Summary, doc: Doc): SheetSpec {
  const tx = doc.tx;
  const sources: Row[] = s.sources.map((src) => [text(src.file, 'wrap'), text(src.sheet, 'wrap'), num(src.items)]);
  const list = metrics(s);
  const headerRow = 3;
  // Rows after the metrics: the sources, then the two tables the charts are drawn from.
  const after: Row[] = [[], [text(tx.sourcesTitle, 'subtitle')],
    [text(tx.columns.file, 'header'), text(tx.columns.sheet, 'header'), text(tx.columns.items, 'header')], ...sources];
  if (s.skipped && s.skipped.length) {
    after.push([], [text(tx.skippedTitle, 'subtitle')], [text(tx.columns.file, 'header'), text(tx.skippedReason, 'header')]);
    // The reason runs on over the empty cells to its right, as one line.
    for (const k of s.skipped) after.push([text(k.file, 'wrap'), text(k.reason)]);
  }
  const firstAfter = headerRow + list.length + 1;
  const rowOf = (k: number) => firstAfter + k; // the sheet row of after[k]

  const charts: SpecChart[] = [];
  let chartTop = headerRow;
  const depts = rateRanking(s);
  if (depts.length) {
    after.push([], [text(tx.charts.rateTable, 'subtitle')]);
    const top = rowOf(after.length);
    after.push([text(tx.columns.leadDept, 'header'), text(tx.columns.rate, 'header'), text(tx.columns.measures, 'header'), text(tx.columns.done, 'header')]);
    for (const g of depts) after.push([text(chartLabel(g.name), 'wrap'), rate(g.rate), num(g.measures), num(g.done)]);
    const h = chartRows(depts.length, false);
    charts.push({
      kind: 'bar', title: tx.charts.rateTitle, source: 'A' + top + ':B' + (top + depts.length), colors: [CHART_COLORS.rate],
      from: colLetter(CHART_LEFT) + chartTop, to: colLetter(CHART_LEFT + CHART_COLS) + (chartTop + h), percent: true, labels: true,
    });
    chartTop += h + 1;
  }
  const aspects = s.byAspect;
  if (aspects.length) {
    after.push([], [text(tx.charts.flagsTable, 'subtitle')]);
    const top = rowOf(after.length);
    after.push([tx.columns.aspect, tx.columns.done, tx.columns.overdue, tx.columns.dueSoon, tx.columns.others].map((h) => text(h, 'header')));
    for (const g of aspects) {
      after.push([text(chartLabel(g.name), 'wrap'), num(g.done), num(g.overdue), num(g.dueSoon), num(g.onTrack + g.longTerm + g.noDeadline)]);
    }
    const h = chartRows(aspects.length, true);
    charts.push({
      kind: 'stackedBar', title: tx.charts.flagsTitle, source: 'A' + top + ':E' + (top + aspects.length),
      colors: [CHART_COLORS.done, CHART_COLORS.overdue, CHART_COLORS.dueSoon, CHART_COLORS.other],
      from: colLetter(CHART_LEFT) + chartTop, to: colLetter(CHART_LEFT + CHART_COLS) + (chartTop + h),
    });
  }

  // One page, the dashboard a supervisor looks at first, as long as it stays readable.
  const rowsTall = headerRow + list.length + after.length;
  const chartsTall = charts.length ? +charts[charts.length - 1].to.replace(/^[A-Z]+/, '') : 0;
  return tableSheet<Metric>({
    name: tx.sheets.overview,
    doc,
    filter: false,
    repeatHeader: false,
    pagesTall: Math.max(rowsTall, chartsTall) <= 80 ? 1 : 0,
    before: [[text(tx.title, 'title'), null, null], [text(tx.asOf, 'subtitle'), date(s.asOf), null]],
    merges: ['A1:C1'],
    heights: [TITLE_HEIGHT],
    columns: [
      { header: tx.columns.metric, width: 30, cell: (m) => text(tx.metrics[m.key]) },
      { header: tx.columns.value, width: 12, cell: (m) => m.cell },
    ],
    records: list,
    after,
    widths: [30, 12, 12, 10, 12, 2],
    charts,
  });
}

/** Merged note rows under a table of `width` columns: their heights, which Excel will not fit. */
function noteRow(note: string, row: number, widths: number[], merges: string[], heights: number[]): Row {
  let w = 0;
  for (const x of widths) w += x;
  merges.push('A' + row + ':' + colLetter(widths.length) + row);
  heights[row - 1] = rowHeight(textLines(note, w, STYLES.note.size || 11), STYLES.note.size || 11);
  return [text(note, 'note')];
}

function groupSheet(s: Summary, doc: Doc, which: 'byAspect' | 'byDept'): SheetSpec {
  const tx = doc.tx;
  const byAspect = which === 'byAspect';
  const groups = byAspect ? s.byAspect : s.byLeadDept;
  const columns = groupColumns(tx, byAspect ? 'aspect' : 'leadDept', byAspect ? tx.otherAspect : tx.blankDept);
  const progress = s.progress;
  if (!byAspect && progress) {
    // summary --previous: what each department did since the earlier versions.
    const of = (g: GroupRow) => progress.byDept[g.blank ? '' : g.name];
    columns.push(
      { header: tx.columns.periodDone, width: 9, cell: (g) => num(of(g) ? of(g).done : 0) },
      { header: tx.columns.periodOverdue, width: 9, cell: (g) => num(of(g) ? of(g).newlyOverdue : 0) },
    );
  }
  const widths = columns.map((c) => c.width);
  const merges: string[] = [];
  const heights: number[] = [];
  let totals: Row[] = [groupTotal(s, tx.total)];
  const after: Row[] = [];
  if (!byAspect && s.jointLed > 0) {
    // A jointly led measure counts under each of its departments: say so, and give both totals.
    const sum = groupSum(groups, tx.deptSum);
    totals = [sum, groupTotal(s, tx.distinctTotal)];
    const noteAt = 3 + groups.length + totals.length + 2;
    after.push([], noteRow(tx.jointNote(s.jointLed, sum[2]!.v as number, s.totals.items), noteAt, widths, merges, heights));
  }
  if (!byAspect && progress) {
    // The 合计 counts each changed measure once; a 各部门相加 row adds the rows up as they stand.
    const sums = [0, 0];
    groups.forEach((g) => {
      const d = progress.byDept[g.blank ? '' : g.name];
      if (d) {
        sums[0] += d.done;
        sums[1] += d.newlyOverdue;
      }
    });
    totals.forEach((row, k) => {
      const distinct = k === totals.length - 1;
      row.push(num(distinct ? progress.totals.done : sums[0], 'total'), num(distinct ? progress.totals['newly-overdue'] : sums[1], 'total'));
    });
  }
  return tableSheet<GroupRow>({
    name: tx.sheets[which], title: tx.sheetTitles[which], doc, columns, records: groups, totals, after, merges, heights,
  });
}

function laggingSheet(s: Summary, doc: Doc): SheetSpec {
  return tableSheet({ name: doc.tx.sheets.lagging, title: doc.tx.sheetTitles.lagging, doc, columns: laggingColumns(doc), records: s.overdueAndDueSoon });
}

function findingsSheet(s: Summary, doc: Doc): SheetSpec {
  const tx = doc.tx;
  const col = (key: ColumnKey, width: number, get: (f: SummaryFinding) => string, st: StyleKey = 'text') =>
    ({ header: tx.columns[key], width, cell: (f: SummaryFinding) => text(get(f), st) });
  return tableSheet<SummaryFinding>({
    name: tx.sheets.findings,
    title: tx.sheetTitles.findings,
    doc,
    columns: [
      { ...col('severity', 6, (f) => tx.severity[f.severity]), severityRules: true },
      col('rule', 16, (f) => ruleName(doc.lang, f.rule), 'wrap'),
      col('file', 14, (f) => f.file, 'wrap'),
      col('sheet', 10, (f) => f.sheet, 'wrap'),
      // The 单元格 cell links to the finding's cell (its A1 text stays the value).
      { header: tx.columns.cell, width: 7, cell: (f: SummaryFinding) => linked(text(f.cell), { sheet: f.sheet, cell: f.cell }) },
      col('message', 50, (f) => f.message, 'wrap'),
      // The id the JSON carries, for whoever looks a rule up.
      col('ruleId', 13, (f) => f.rule, 'code'),
    ],
    records: s.findings,
  });
}

function ledgerSheet(s: Summary, doc: Doc): SheetSpec {
  const tx = doc.tx;
  const c = (key: ColumnKey, width: number, get: (i: SummaryItem) => string, st: StyleKey = 'wrap') =>
    itemColumn(tx, key, width, get, st);
  // 17 columns on A4 landscape at 80% or more: the long texts wrap in narrower columns
  // (tests/unit/sheets.test.ts checks the scale).
  return tableSheet<SummaryItem>({
    name: tx.sheets.ledger,
    title: tx.sheetTitles.ledger,
    doc,
    columns: [
      seqColumn<SummaryItem>(tx),
      c('aspect', 10, (i) => i.aspect), c('problem', 16, (i) => i.problem), c('measure', 22, (i) => i.measure),
      c('leader', 7, (i) => i.leader), c('leadDept', 9, (i) => i.leadDept), c('coDept', 8, (i) => i.coDept),
      c('owner', 6, (i) => i.owner), c('deadline', 9, (i) => i.deadline.text),
      { header: tx.columns.due, width: 10.5, cell: (i) => date(i.due) },
      c('state', 7, (i) => STATE_LABELS[doc.lang][i.state], 'text'),
      flagColumn(doc),
      { header: tx.columns.daysLeft, width: 6, cell: (i) => num(i.daysLeft) },
      c('progress', 20, (i) => i.progress),
      ...sourceColumns(tx),
    ],
    records: s.items,
  });
}

/* ---------------------------------------- the report ---------------------------------------- */

export interface ReportLine {
  text: string;
  /** 0: a title or a paragraph; 1: 一、; 2: （一）; 3: 1. */
  level: 0 | 1 | 2 | 3;
  style: StyleKey;
  /** True for the lines of the annex (the measure list). */
  annex?: boolean;
}

export function formatRate(rate: number | null): string | null {
  return rate === null ? null : (rate * 100).toFixed(1) + '%';
}

/** An item's status in the one vocabulary of the report: 已完成, 已销号, 逾期N天, 临期（剩N天）, 正常推进, 长期坚持, 时限待明确. */
export function statusWord(i: SummaryItem, tx: SummaryText): string {
  const st = tx.status;
  switch (i.flag) {
    case 'done':
      return i.state === 'closed' ? st.closed : st.done;
    case 'overdue':
      return st.overdue(daysOverdue(i) ?? 0);
    case 'due-soon':
      return st.dueSoon(i.daysLeft ?? 0);
    case 'on-track':
      return st.onTrack;
    case 'long-term':
      return st.longTerm;
    default:
      return st.noDeadline;
  }
}

/** Groups in first-appearance order under a string key. */
function groupBy<T>(list: T[], key: (t: T) => string): { key: string; members: T[] }[] {
  const index: Record<string, number> = Object.create(null);
  const groups: { key: string; members: T[] }[] = [];
  for (const t of list) {
    const k = key(t);
    if (!(k in index)) {
      index[k] = groups.length;
      groups.push({ key: k, members: [] });
    }
    groups[index[k]].members.push(t);
  }
  return groups;
}

/** Blank-keyed group last (aspect: 其他), or first (problem: measures listed under the aspect itself). */
function blankGroup<T>(groups: { key: string; members: T[] }[], where: 'first' | 'last') {
  const blank = groups.filter((g) => g.key === '');
  const rest = groups.filter((g) => g.key !== '');
  return where === 'first' ? blank.concat(rest) : rest.concat(blank);
}

/** Lagging departments the report names. */
const NAMED_DEPTS = 5;

function aspectCounts(g: GroupRow): AspectCounts {
  return { problems: g.problems, measures: g.measures, done: g.done, overdue: g.overdue, dueSoon: g.dueSoon, rate: formatRate(g.rate) };
}

/**
 * The 整改进展情况通报, one paragraph per line: the totals sentence; 一、分方面进展; 二、存在的问题
 * (the lagging count and departments); 三、下一步工作 (a paragraph to edit); then the measures as
 * the annex, aspect (一、) -> problem (（一）) -> measure (1.) with its status.
 */
export function reportLines(s: Summary, lang: Lang = 'zh', opts: DocumentOptions = {}): ReportLine[] {
  const tx = SUMMARY_TEXT[lang];
  const r = tx.report;
  const p = tx.indent.paragraph;
  const lines: ReportLine[] = [
    { level: 0, style: 'docTitle', text: r.title },
    { level: 0, style: 'docNumber', text: tx.asOfLine(s.asOf) },
    {
      level: 0, style: 'paragraph', text: p + r.opening({
        asOf: s.asOf, aspects: s.aspects, problems: s.problems, items: s.totals.items, done: s.totals.done,
        closed: s.closed, basicallyDone: s.basicallyDone, overdue: s.totals.overdue, rate: formatRate(s.rate),
      }),
    },
  ];
  if (s.progress) lines.push({ level: 0, style: 'paragraph', text: p + r.period(s.progress.since, COMPARE_TEXT[lang].sentence(s.progress.totals)) });
  const heading = (n: number, t: string) => lines.push({ level: 1, style: 'heading1', text: p + tx.heading1(n, t) });
  const para = (t: string, level: 0 | 2 = 2) => lines.push({ level, style: 'paragraph', text: p + t });

  heading(1, r.progressHeading);
  s.byAspect.forEach((g, k) => para(r.aspectLine(k + 1, g.name, aspectCounts(g))));

  heading(2, r.problemsHeading);
  const issues: string[] = [];
  const t = s.totals;
  issues.push(t.overdue + t.dueSoon > 0 ? r.lagging(t.overdue, t.dueSoon, dueSoonDaysOf(opts)) : r.noLagging);
  const depts = s.byLeadDept.filter((g) => !g.blank && g.overdue > 0).slice(0, NAMED_DEPTS);
  if (depts.length) issues.push(r.laggingDepts(depts.map((g) => ({ name: g.name, overdue: g.overdue }))));
  if (t.noDeadline + s.basicallyDone > 0) issues.push(r.unsettled(t.noDeadline, s.basicallyDone));
  if (s.findingCounts.errors > 0) issues.push(r.findingErrors(s.findingCounts.errors));
  issues.forEach((line, k) => para(tx.heading2(k + 1, line)));

  heading(3, r.nextHeading);
  para(r.next, 0);

  lines.push({ level: 0, style: 'paragraph', text: '' });
  lines.push({ level: 1, style: 'heading1', text: r.annexHeading, annex: true });
  const [i1, i2, i3] = tx.indent.annex;
  const strip = enumeratorStripper();
  const aspects = blankGroup(groupBy(s.items, (i) => strip(i.aspect)), 'last');
  aspects.forEach((a, ai) => {
    lines.push({ level: 1, style: 'heading1', annex: true, text: i1 + tx.heading1(ai + 1, a.key || tx.otherAspect) });
    const problems = blankGroup(groupBy(a.members, (i) => strip(i.problem)), 'first');
    let pn = 0;
    for (const pr of problems) {
      if (pr.key) lines.push({ level: 2, style: 'paragraph', annex: true, text: i2 + tx.heading2(++pn, pr.key) });
      pr.members.forEach((i, n) => {
        // The lead department where someone has to act: overdue and due-soon measures.
        const dept = i.flag === 'overdue' || i.flag === 'due-soon' ? splitDepartments(i.leadDept).join('、') : '';
        lines.push({ level: 3, style: 'paragraph', annex: true, text: i3 + r.measureLine(n + 1, stripEnumerator(i.measure), dept, statusWord(i, tx)) });
      });
    }
  });
  return lines;
}

/** The report prints on A4 portrait: one column as wide as the page, one paragraph per cell. */
const REPORT_WIDTH = 92;

function reportSheet(s: Summary, doc: Doc): SheetSpec {
  const lines = reportLines(s, doc.lang, doc.opts);
  return fitRows({
    name: doc.tx.sheets.outline,
    rows: lines.map((l) => [text(l.text, l.style)]),
    widths: [REPORT_WIDTH],
    // The title's row, for its 20 pt; the paragraphs are not merged, so hosts fit them.
    heights: [36, 22],
    print: printOf(doc, false, null),
  });
}

/* ---------------------------------------- exports ---------------------------------------- */

/** The seven summary sheets: 总览, 按方面, 按牵头部门, 逾期临期, 检查问题, 汇总台账, 通报提纲. */
export function summarySheets(summary: Summary, lang: Lang = 'zh', opts: DocumentOptions = {}): SheetSpec[] {
  const doc = docOf(summary, lang, opts);
  return [
    overviewSheet(summary, doc),
    groupSheet(summary, doc, 'byAspect'),
    groupSheet(summary, doc, 'byDept'),
    laggingSheet(summary, doc),
    findingsSheet(summary, doc),
    ledgerSheet(summary, doc),
    reportSheet(summary, doc),
  ];
}

/** Departments that get a 督办单: those leading at least one overdue or due-soon item, most overdue first. */
export function noticeDepartments(summary: Summary): string[] {
  return summary.byLeadDept.filter((g) => !g.blank && g.overdue + g.dueSoon > 0).map((g) => g.name);
}

/** A 督办单's columns: only what the department needs, and an empty one for its reply. */
function noticeColumns(doc: Doc): Column<SummaryItem>[] {
  const tx = doc.tx;
  return [
    seqColumn<SummaryItem>(tx),
    itemColumn(tx, 'problem', 16, (i) => i.problem, 'wrap'),
    itemColumn(tx, 'measure', 24, (i) => i.measure, 'wrap'),
    itemColumn(tx, 'deadline', 10, (i) => i.deadline.text, 'wrap'),
    { header: tx.columns.due, width: 10.5, cell: (i) => date(i.due) },
    {
      header: tx.columns.days, width: 8,
      cell: (i) => {
        const overdue = i.flag === 'overdue';
        const days = overdue ? daysOverdue(i) : i.daysLeft;
        return days === null ? text('', 'text') : text(tx.daysText(overdue, days), overdue ? 'bad' : 'neutral');
      },
    },
    { header: tx.columns.reply, width: 20, cell: () => ({ v: null, s: 'wrap' }) },
  ];
}

/**
 * The 督办单 for one lead department, as a supervision notice: title, 文号, the department as
 * addressee, one paragraph in the tone its items call for, the items with a column for the reply,
 * the reply deadline, contact and seal lines. It prints on one A4 portrait page where it fits.
 */
function noticeSheet(summary: Summary, dept: string, doc: Doc, name: string): SheetSpec {
  const tx = doc.tx;
  const n = tx.notice;
  const items = summary.overdueAndDueSoon.filter((i) => splitDepartments(i.leadDept).indexOf(dept) >= 0);
  const overdue = items.filter((i) => i.flag === 'overdue').length;
  const columns = noticeColumns(doc);
  const widths = columns.map((c) => c.width);
  let total = 0;
  for (const w of widths) total += w;
  const last = colLetter(columns.length);
  const size = STYLES.paragraph.size || 12;
  const rows: Row[] = [];
  const merges: string[] = [];
  const heights: number[] = [];
  /** A line across the page: merged, with a height for its wrapped text. */
  const line = (cell: SpecCell | null, height?: number) => {
    rows.push([cell]);
    const r = rows.length;
    merges.push('A' + r + ':' + last + r);
    const lines = cell && typeof cell.v === 'string' && cell.v ? textLines(cell.v, total, size) : 1;
    heights[r - 1] = height || rowHeight(lines, size);
  };
  const year = +summary.asOf.slice(0, 4);
  const number = (doc.opts.noticeNumber || '').trim() || n.number(year);
  const replyBy = addWorkingDays(summary.asOf, replyDaysOf(doc.opts));
  const p = tx.indent.paragraph;

  line(text(tx.sheetTitles.notice, 'docTitle'), 40);
  line(text(number, 'docNumber'), 24);
  line(text(n.addressee(dept), 'paragraph'));
  line(text(p + n.sentence(summary.asOf, dept, overdue, items.length - overdue), 'paragraph'));
  const headerRow = rows.length + 1;
  rows.push(columns.map((c) => text(c.header, 'header')));
  items.forEach((i, k) => rows.push(columns.map((c) => c.cell(i, k))));
  line(null, 10);
  line(text(p + n.reply(tx.date(replyBy), doc.issuer), 'paragraph'));
  line(text(p + n.contact, 'paragraph'));
  line(null, 30);
  line(text(n.seal(doc.issuer), 'signature'));
  line(text(tx.date(summary.asOf), 'signature'));

  const print = printOf(doc, false, headerRow);
  print.footer = { center: tx.pageFooter };
  const spec = fitRows({ name, rows, merges, heights, widths, print });
  // One page where it fits at a readable scale; else as many pages as it takes, the header repeated.
  let height = 0;
  for (let r = 0; r < rows.length; r++) height += (spec.heights && spec.heights[r]) || 15;
  if (height <= printableHeight(false) / 0.8) print.fitToHeight = 1;
  return spec;
}

/** The 督办单 for one lead department (its overdue and due-soon items, jointly led ones included): a workbook of one sheet. */
export function noticeSheets(summary: Summary, dept: string, lang: Lang = 'zh', opts: DocumentOptions = {}): SheetSpec[] {
  const doc = docOf(summary, lang, opts);
  return [noticeSheet(summary, dept, doc, doc.tx.sheets.notice)];
}

/**
 * Every 督办单 in one workbook, one sheet per department, named after it (within Excel's rules for
 * sheet names): for the task pane, which sends them as one file. Beside a ledger, in the workbook it
 * sits in, the pane names them `prefix` + department (督办单-办公室).
 */
export function noticeBookSheets(summary: Summary, lang: Lang = 'zh', opts: DocumentOptions = {}, prefix = ''): SheetSpec[] {
  const doc = docOf(summary, lang, opts);
  const depts = noticeDepartments(summary);
  const names = safeSheetNames(depts.map((d) => prefix + d));
  return depts.map((d, k) => noticeSheet(summary, d, doc, names[k]));
}

/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ], no quote at either end, unique ignoring case. */
export function safeSheetNames(names: string[]): string[] {
  const seen: Record<string, boolean> = {};
  return names.map((raw, i) => {
    // eslint-disable-next-line no-control-regex
    let base = raw.replace(/[:\\/?*[\]\u0000-\u001f]/g, '_').replace(/^'+|'+$/g, '') || 'Sheet' + (i + 1);
    base = base.slice(0, 31);
    let name = base;
    for (let n = 2; seen[name.toLowerCase()]; n++) name = base.slice(0, 31 - String(n).length - 1) + '_' + n;
    seen[name.toLowerCase()] = true;
    return name;
  });
}
