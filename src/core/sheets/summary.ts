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
 * Widths are chosen so that every sheet prints at 80% or more (core/sheets/print.ts does the arithmetic).
 * Text from the user's ledger goes into cells as-is: hosts write strings that start with = + - @ as text.
 */
import { errorsFirst } from '../check/rules';
import { Lang } from '../model/result';
import { SheetSpec, SpecCell, SpecChart, StyleKey } from '../model/spec';
import { GroupRow, Summary, SummaryFinding, SummaryItem } from '../model/summary';
import { colLetter } from '../text/a1';
import { stableSort } from '../text/sort';
import { ruleName } from '../words/check';
import { STATE_LABELS } from '../words/labels';
import { ColumnKey, MetricKey } from '../words/summary';
import { Row, date, linked, num, rate, text } from './cells';
import { flagColumn, groupColumns, sourceColumns, groupSum, groupTotal, itemColumn, laggingColumns, seqColumn } from './columns';
import { Doc, DocumentOptions, TITLE_HEIGHT, docOf, rowHeight, textLines } from './print';
import { reportSheet } from './report';
import { CHART_COLORS, STYLES } from './styles';
import { tableSheet } from './table';

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

/**
 * A chart's category: `prefix` (an aspect's 一、) and the name, wrapped at `width` characters a line
 * (a line break the axis keeps) on at most `lines` lines, the last cut with … only past that; the full
 * name is on 按方面.
 */
export function chartLabel(name: string, prefix = '', width = 10, lines = 3): string {
  const full = prefix + name;
  const out: string[] = [];
  for (let i = 0; i < full.length && out.length < lines; i += width) out.push(full.slice(i, i + width));
  if (full.length > width * lines) out[lines - 1] = out[lines - 1].slice(0, width - 1) + '…';
  return out.join('\n');
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
    for (let k = 0; k < aspects.length; k++) {
      const g = aspects[k];
      after.push([text(chartLabel(g.name, g.blank ? '' : tx.heading1(k + 1, '')), 'wrap'), num(g.done), num(g.overdue), num(g.dueSoon), num(g.onTrack + g.longTerm + g.noDeadline)]);
    }
    const h = chartRows(aspects.length, true);
    charts.push({
      kind: 'stackedBar', title: tx.charts.flagsTitle, source: 'A' + top + ':E' + (top + aspects.length),
      // Grey-distinct fills (CHART_COLORS.flags), each bar part labelled with its count.
      colors: [CHART_COLORS.flags.done, CHART_COLORS.flags.overdue, CHART_COLORS.flags.dueSoon, CHART_COLORS.flags.other],
      from: colLetter(CHART_LEFT) + chartTop, to: colLetter(CHART_LEFT + CHART_COLS) + (chartTop + h), labels: true,
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
  if (!byAspect) {
    // The department rows can add up to more than the 合计 (an aspect's cannot: a problem and a
    // measure have one aspect). A problem whose measures several departments lead counts under each
    // of them; a jointly led measure too, in every count column. Where a column does, give the rows'
    // sum beside the distinct 合计, and say why under the table.
    const sum = groupSum(groups, tx.deptSum);
    const parts: string[] = [];
    const problems = sum[1]!.v as number;
    if (problems > s.problems) parts.push(tx.problemsNote(problems, s.problems));
    if (s.jointLed > 0) parts.push(tx.jointNote(s.jointLed, sum[2]!.v as number, s.totals.items));
    if (parts.length) {
      totals = [sum, groupTotal(s, tx.distinctTotal)];
      const noteAt = 3 + groups.length + totals.length + 2;
      after.push([], noteRow(tx.note(parts), noteAt, widths, merges, heights));
    }
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

/** The item each finding is on (its file, sheet and row), where there is one. */
function findingItems(s: Summary): (f: SummaryFinding) => SummaryItem | undefined {
  // By file and sheet, then row: the items of a sheet come together, so the inner table is looked up
  // once per sheet, not once per item (100,000 items and as many findings in a big summary).
  const bySheet: Record<string, SummaryItem[]> = Object.create(null);
  const key = (file: string, sheet: string) => file + '\u0000' + sheet;
  let rows: SummaryItem[] = [];
  let at = '';
  if (s.findings.length) {
    for (const i of s.items) {
      const k = key(i.file, i.sheet);
      if (k !== at) {
        at = k;
        rows = bySheet[k] || (bySheet[k] = []);
      }
      rows[i.row] = i;
    }
  }
  // The columns of one finding's row ask in turn: the last answer is kept.
  let last: SummaryFinding | null = null;
  let found: SummaryItem | undefined;
  return (f) => {
    if (f !== last) {
      last = f;
      const sheet = bySheet[key(f.file, f.sheet)];
      found = sheet ? sheet[f.row] : undefined;
    }
    return found;
  };
}

function findingsSheet(s: Summary, doc: Doc): SheetSpec {
  const tx = doc.tx;
  const col = (key: ColumnKey, width: number, get: (f: SummaryFinding) => string, st: StyleKey = 'text') =>
    ({ header: tx.columns[key], width, cell: (f: SummaryFinding) => text(get(f), st) });
  const itemOf = findingItems(s);
  const field = (f: SummaryFinding, get: (i: SummaryItem) => string) => {
    const i = itemOf(f);
    return i ? get(i) : '';
  };
  // Errors first, then 提示; in the order the check gave them within a level.
  const findings = errorsFirst(s.findings, []);
  return tableSheet<SummaryFinding>({
    name: tx.sheets.findings,
    title: tx.sheetTitles.findings,
    doc,
    columns: [
      { ...col('severity', 6, (f) => tx.severity[f.severity]), severityRules: true },
      // The item's own 序号, 牵头部门 and 整改措施 as the ledger writes them, to find it by.
      col('seq', 5, (f) => field(f, (i) => i.seq), 'wrap'),
      col('rule', 14, (f) => ruleName(doc.lang, f.rule), 'wrap'),
      col('leadDept', 10, (f) => field(f, (i) => i.leadDept), 'wrap'),
      col('measure', 24, (f) => field(f, (i) => i.measure), 'wrap'),
      col('file', 12, (f) => f.file, 'wrap'),
      col('sheet', 9, (f) => f.sheet, 'wrap'),
      // The 单元格 cell links to the finding's cell (its A1 text stays the value).
      { header: tx.columns.cell, width: 7, cell: (f: SummaryFinding) => linked(text(f.cell), { sheet: f.sheet, cell: f.cell }) },
      col('message', 40, (f) => f.message, 'wrap'),
      // The id the JSON carries, for whoever looks a rule up.
      col('ruleId', 13, (f) => f.rule, 'code'),
    ],
    records: findings,
  });
}

function ledgerSheet(s: Summary, doc: Doc): SheetSpec {
  const tx = doc.tx;
  const c = (key: ColumnKey, width: number, get: (i: SummaryItem) => string, st: StyleKey = 'wrap') =>
    itemColumn(tx, key, width, get, st);
  // The items under a band row per aspect (the aspect once, across the table, not in a narrow column
  // on every row, where it made each row eight lines tall); 16 columns on A4 landscape at 80% or more,
  // the long texts wrapping in columns wide enough for two or three lines (tests/core/sheets/summary.test.ts
  // checks the scale, tests/xlsx/summary.test.ts the rows a printed page holds).
  return tableSheet<SummaryItem>({
    name: tx.sheets.ledger,
    title: tx.sheetTitles.ledger,
    doc,
    band: (i) => i.aspect,
    blankBand: tx.otherAspect,
    columns: [
      seqColumn<SummaryItem>(tx),
      c('problem', 24.5, (i) => i.problem), c('measure', 27.5, (i) => i.measure),
      c('leader', 7, (i) => i.leader), c('leadDept', 9, (i) => i.leadDept), c('coDept', 8, (i) => i.coDept),
      c('owner', 6, (i) => i.owner), c('deadline', 11, (i) => i.deadline.text),
      { header: tx.columns.due, width: 10.5, cell: (i) => date(i.due) },
      c('state', 7, (i) => STATE_LABELS[doc.lang][i.state]),
      flagColumn(doc),
      { header: tx.columns.daysLeft, width: 6, cell: (i) => num(i.daysLeft) },
      c('progress', 20, (i) => i.progress),
      ...sourceColumns(tx),
    ],
    records: s.items,
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
