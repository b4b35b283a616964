/**
 * Summary -> SheetSpec[]: the seven sheets of the summary workbook, and the per-department 督办单.
 * Host-neutral: the exceljs and Office.js hosts both render these specs, so a layout is written once.
 *
 * Every sheet is built by `tableSheet`: optional rows above a header row, one row per record, an
 * optional 合计 row and optional rows after it. It adds the header style, column widths, freeze panes
 * below the header, the autofilter, print setup (A4 landscape, fit to width, header repeated) and the
 * flag colour rules. Text from the user's ledger goes into cells as-is: hosts write strings that start
 * with = + - @ as text.
 */
import { DateValue, Flag, FLAGS, Lang, SheetSpec, SpecCell, SpecLink, SpecRule, StyleKey } from './types';
import { FLAG_LABELS, FLAG_STYLES, STATE_LABELS } from './labels';
import { ColumnKey, MetricKey, SUMMARY_TEXT, SummaryText } from './summary-i18n';
import { aspectKey, GroupRow, problemKey, splitDepartments, stripEnumerator, Summary, SummaryFinding, SummaryItem } from './summary';

type Row = (SpecCell | null)[];

interface Column<T> {
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

interface TableSpec<T> {
  name: string;
  lang: Lang;
  columns: Column<T>[];
  records: T[];
  /** Rows above the header (title, as-of date). The header row follows them. */
  before?: Row[];
  /** A 合计 row after the records. */
  total?: Row;
  /** Rows after the table (and its total). */
  after?: Row[];
  merges?: string[];
  /** Overrides the widths taken from the columns. */
  widths?: number[];
  /** Default true; false for the overview and the outline, which are not lists to filter. */
  filter?: boolean;
}

/* ---------------------------------------- cells ---------------------------------------- */

/** 1 -> A, 27 -> AA. */
export function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

function text(v: string, s: StyleKey = 'text'): SpecCell {
  return { v, s };
}

function num(v: number | null, s: StyleKey = 'number'): SpecCell {
  return { v, s };
}

function date(iso: string | null): SpecCell {
  const v: DateValue | null = iso ? { date: iso } : null;
  return { v, s: 'date' };
}

function rate(v: number | null): SpecCell {
  return { v, s: 'percent' };
}

/* ------------------------------------- the builder ------------------------------------- */

function colRange(col: number, from: number, to: number): string {
  const c = columnName(col);
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
        if (style) rules.push({ range, textEquals: FLAG_LABELS[t.lang][flag], style });
      }
    }
    if (c.severityRules) {
      const sev = SUMMARY_TEXT[t.lang].severity;
      rules.push({ range, textEquals: sev.error, style: 'bad' }, { range, textEquals: sev.warning, style: 'neutral' });
    }
  });
  return rules;
}

function tableSheet<T>(t: TableSpec<T>): SheetSpec {
  const before = t.before ?? [];
  const headerRow = before.length + 1;
  const first = headerRow + 1;
  const last = headerRow + t.records.length;
  const rows: Row[] = before.slice();
  rows.push(t.columns.map((c) => text(c.header, 'header')));
  t.records.forEach((r, i) => rows.push(t.columns.map((c) => c.cell(r, i))));
  if (t.total) rows.push(t.total);
  for (const r of t.after ?? []) rows.push(r);
  const lastCol = columnName(t.columns.length);
  const spec: SheetSpec = {
    name: t.name,
    rows,
    widths: t.widths ?? t.columns.map((c) => c.width),
    freeze: { rows: headerRow, cols: 0 },
    print: { landscape: true, fitToWidth: true, repeatRows: [headerRow, headerRow] },
  };
  if (t.merges && t.merges.length) spec.merges = t.merges;
  if (t.filter !== false) spec.autoFilter = 'A' + headerRow + ':' + lastCol + Math.max(last, headerRow);
  const rules = columnRules(t, first, last);
  if (rules.length) spec.rules = rules;
  const bars = last < first ? [] : t.columns
    .map((c, i) => (c.dataBars ? colRange(i + 1, first, last) : ''))
    .filter((r) => r !== '');
  if (bars.length) spec.dataBars = bars;
  return spec;
}

/* --------------------------------------- columns --------------------------------------- */

function itemColumn(tx: SummaryText, key: ColumnKey, width: number, get: (i: SummaryItem) => string,
  s: StyleKey = 'text'): Column<SummaryItem> {
  return { header: tx.columns[key], width, cell: (i) => text(get(i), s) };
}

function seqColumn<T>(tx: SummaryText): Column<T> {
  return { header: tx.columns.seq, width: 6, cell: (_r, i) => num(i + 1) };
}

function flagColumn(tx: SummaryText, lang: Lang): Column<SummaryItem> {
  return { header: tx.columns.flag, width: 11, cell: (i) => text(FLAG_LABELS[lang][i.flag]), flagRules: true };
}

const A1_CELL = /^[A-Z]{1,3}[1-9]\d*$/;

/** `cell` with a link to `target` when the target is a plain A1 cell on a named sheet. */
function linked(cell: SpecCell, target: SpecLink): SpecCell {
  return target.sheet && A1_CELL.test(target.cell) ? { v: cell.v, s: cell.s, link: target } : cell;
}

/** An item's cell in its ledger: its 整改措施 cell when that is on the item's sheet, else column A of its row. */
export function itemTarget(i: SummaryItem): SpecLink {
  const measureSheet = (i.cellSheets && i.cellSheets.measure) || i.sheet;
  const m = i.cells.measure;
  const cell = m && measureSheet === i.sheet && A1_CELL.test(m) ? m : 'A' + i.row;
  return { sheet: i.sheet, cell };
}

/** 文件, 工作表, 行: the 行 cell links to the item (the row number stays its value). */
function sourceColumns(tx: SummaryText): Column<SummaryItem>[] {
  return [
    itemColumn(tx, 'file', 20, (i) => i.file),
    itemColumn(tx, 'sheet', 12, (i) => i.sheet),
    { header: tx.columns.row, width: 6, cell: (i) => linked(num(i.row), itemTarget(i)) },
  ];
}

function daysOverdue(i: SummaryItem): number | null {
  return i.flag === 'overdue' && i.daysLeft !== null ? -i.daysLeft : null;
}

function daysLeft(i: SummaryItem): number | null {
  return i.flag === 'overdue' ? null : i.daysLeft;
}

/** The columns of 逾期临期 and of a 督办单. */
function laggingColumns(tx: SummaryText, lang: Lang): Column<SummaryItem>[] {
  return [
    seqColumn<SummaryItem>(tx),
    flagColumn(tx, lang),
    ...sourceColumns(tx),
    itemColumn(tx, 'aspect', 18, (i) => i.aspect, 'wrap'),
    itemColumn(tx, 'problem', 30, (i) => i.problem, 'wrap'),
    itemColumn(tx, 'measure', 40, (i) => i.measure, 'wrap'),
    itemColumn(tx, 'leadDept', 14, (i) => i.leadDept, 'wrap'),
    itemColumn(tx, 'leader', 10, (i) => i.leader, 'wrap'),
    { header: tx.columns.due, width: 12, cell: (i) => date(i.due) },
    { header: tx.columns.daysOverdue, width: 9, cell: (i) => num(daysOverdue(i)) },
    { header: tx.columns.daysLeft, width: 9, cell: (i) => num(daysLeft(i)) },
  ];
}

type GroupCount = Exclude<keyof GroupRow, 'name' | 'blank' | 'rate'>;
const GROUP_COUNTS: GroupCount[] = ['problems', 'measures', 'done', 'overdue', 'dueSoon', 'onTrack', 'longTerm', 'noDeadline'];

function groupColumns(tx: SummaryText, nameKey: ColumnKey, blankName: string): Column<GroupRow>[] {
  const cols: Column<GroupRow>[] = [
    { header: tx.columns[nameKey], width: 30, cell: (g) => text(g.blank ? blankName : g.name, 'wrap') },
  ];
  for (const k of GROUP_COUNTS) cols.push({ header: tx.columns[k], width: 9, cell: (g) => num(g[k]) });
  cols.push({ header: tx.columns.rate, width: 12, cell: (g) => rate(g.rate), dataBars: true });
  return cols;
}

/** The 合计 row: the summary's own totals, so a jointly led item is counted once. */
function groupTotal(s: Summary, tx: SummaryText): Row {
  const t = s.totals;
  const counts = [s.problems, t.items, t.done, t.overdue, t.dueSoon, t.onTrack, t.longTerm, t.noDeadline];
  const row: Row = [text(tx.total, 'total')];
  for (const n of counts) row.push(num(n, 'total'));
  row.push({ v: s.rate, s: 'percent' });
  return row;
}

/* ---------------------------------------- sheets ---------------------------------------- */

interface Metric {
  key: MetricKey;
  cell: SpecCell;
}

function metrics(s: Summary): Metric[] {
  const t = s.totals;
  const errors = s.findings.filter((f) => f.severity === 'error').length;
  const n = (key: MetricKey, v: number): Metric => ({ key, cell: num(v) });
  return [
    n('items', t.items), n('aspects', s.aspects), n('problems', s.problems),
    n('done', t.done), n('closed', s.closed), n('doneAwaitingClose', s.doneAwaitingClose),
    n('basicallyDone', s.basicallyDone), n('overdue', t.overdue), n('dueSoon', t.dueSoon),
    n('onTrack', t.onTrack), n('longTerm', t.longTerm), n('noDeadline', t.noDeadline),
    { key: 'rate', cell: rate(s.rate) },
    n('immediateItems', s.immediate.items), n('immediateDone', s.immediate.done),
    n('immediateOverdue', s.immediate.overdue), n('immediateDueSoon', s.immediate.dueSoon),
    n('findingErrors', errors), n('findingWarnings', s.findings.length - errors),
  ];
}

function overviewSheet(s: Summary, lang: Lang): SheetSpec {
  const tx = SUMMARY_TEXT[lang];
  const sources: Row[] = s.sources.map((src) => [text(src.file), text(src.sheet), num(src.items)]);
  return tableSheet<Metric>({
    name: tx.sheets.overview,
    lang,
    filter: false,
    before: [[text(tx.title, 'title'), null, null], [text(tx.asOf, 'subtitle'), date(s.asOf), null]],
    merges: ['A1:C1'],
    columns: [
      { header: tx.columns.metric, width: 36, cell: (m) => text(tx.metrics[m.key]) },
      { header: tx.columns.value, width: 16, cell: (m) => m.cell },
    ],
    records: metrics(s),
    after: [
      [],
      [text(tx.sourcesTitle, 'subtitle')],
      [text(tx.columns.file, 'header'), text(tx.columns.sheet, 'header'), text(tx.columns.items, 'header')],
      ...sources,
    ],
    widths: [36, 16, 12],
  });
}

function groupSheet(s: Summary, lang: Lang, which: 'byAspect' | 'byDept'): SheetSpec {
  const tx = SUMMARY_TEXT[lang];
  const byAspect = which === 'byAspect';
  return tableSheet<GroupRow>({
    name: tx.sheets[which],
    lang,
    columns: groupColumns(tx, byAspect ? 'aspect' : 'leadDept', byAspect ? tx.otherAspect : tx.blankDept),
    records: byAspect ? s.byAspect : s.byLeadDept,
    total: groupTotal(s, tx),
  });
}

function laggingSheet(s: Summary, lang: Lang): SheetSpec {
  const tx = SUMMARY_TEXT[lang];
  return tableSheet({ name: tx.sheets.lagging, lang, columns: laggingColumns(tx, lang), records: s.overdueAndDueSoon });
}

function findingsSheet(s: Summary, lang: Lang): SheetSpec {
  const tx = SUMMARY_TEXT[lang];
  const col = (key: ColumnKey, width: number, get: (f: SummaryFinding) => string, st: StyleKey = 'text') =>
    ({ header: tx.columns[key], width, cell: (f: SummaryFinding) => text(get(f), st) });
  return tableSheet<SummaryFinding>({
    name: tx.sheets.findings,
    lang,
    columns: [
      { ...col('severity', 8, (f) => tx.severity[f.severity]), severityRules: true },
      col('rule', 26, (f) => f.rule),
      col('file', 20, (f) => f.file),
      col('sheet', 12, (f) => f.sheet),
      // The 单元格 cell links to the finding's cell (its A1 text stays the value).
      { header: tx.columns.cell, width: 8, cell: (f: SummaryFinding) => linked(text(f.cell), { sheet: f.sheet, cell: f.cell }) },
      col('message', 60, (f) => f.message, 'wrap'),
    ],
    records: s.findings,
  });
}

function ledgerSheet(s: Summary, lang: Lang): SheetSpec {
  const tx = SUMMARY_TEXT[lang];
  const c = (key: ColumnKey, width: number, get: (i: SummaryItem) => string, st: StyleKey = 'wrap') =>
    itemColumn(tx, key, width, get, st);
  return tableSheet<SummaryItem>({
    name: tx.sheets.ledger,
    lang,
    columns: [
      seqColumn<SummaryItem>(tx),
      c('aspect', 18, (i) => i.aspect), c('problem', 30, (i) => i.problem), c('measure', 40, (i) => i.measure),
      c('leader', 10, (i) => i.leader), c('leadDept', 14, (i) => i.leadDept), c('coDept', 14, (i) => i.coDept),
      c('owner', 10, (i) => i.owner), c('deadline', 14, (i) => i.deadline.text),
      { header: tx.columns.due, width: 12, cell: (i) => date(i.due) },
      c('state', 10, (i) => STATE_LABELS[lang][i.state], 'text'),
      flagColumn(tx, lang),
      { header: tx.columns.daysLeft, width: 9, cell: (i) => num(i.daysLeft) },
      c('progress', 40, (i) => i.progress),
      ...sourceColumns(tx),
    ],
    records: s.items,
  });
}

/* ---------------------------------------- outline ---------------------------------------- */

export interface OutlineLine {
  text: string;
  /** 0: the opening sentence; 1: an aspect; 2: a problem; 3: a measure. */
  level: 0 | 1 | 2 | 3;
}

export function formatRate(rate: number | null): string | null {
  return rate === null ? null : (rate * 100).toFixed(1) + '%';
}

function marker(i: SummaryItem, tx: SummaryText): string {
  const m = tx.markers;
  const byFlag: Record<Flag, () => string> = {
    done: () => (i.state === 'closed' ? m.closed : m.done),
    overdue: () => m.overdue(daysOverdue(i) ?? 0, splitDepartments(i.leadDept).join('、')),
    'due-soon': () => m.dueSoon(i.daysLeft ?? 0),
    'on-track': () => (i.state === 'basically-done' ? m.basicallyDone : m.inProgress),
    'long-term': () => m.longTerm,
    'no-deadline': () => (i.state === 'basically-done' ? m.basicallyDone : m.noDeadline),
  };
  return byFlag[i.flag]();
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

function measureLines(items: SummaryItem[], tx: SummaryText): OutlineLine[] {
  return items.map((i, n) => ({ text: tx.measureLine(n + 1, stripEnumerator(i.measure), marker(i, tx)), level: 3 }));
}

/** The 通报提纲: a totals sentence, then aspect (一、) -> problem (（一）) -> measure (1.) with its state. */
export function outlineLines(s: Summary, lang: Lang = 'zh'): OutlineLine[] {
  const tx = SUMMARY_TEXT[lang];
  const lines: OutlineLine[] = [{
    level: 0,
    text: tx.outlineOpening({
      asOf: s.asOf, aspects: s.aspects, problems: s.problems, items: s.totals.items, done: s.totals.done,
      closed: s.closed, basicallyDone: s.basicallyDone, overdue: s.totals.overdue, rate: formatRate(s.rate),
    }),
  }];
  const aspects = blankGroup(groupBy(s.items, aspectKey), 'last');
  aspects.forEach((a, ai) => {
    lines.push({ level: 1, text: tx.aspectHeading(ai + 1, a.key || tx.otherAspect) });
    const problems = blankGroup(groupBy(a.members, problemKey), 'first');
    let pn = 0;
    for (const p of problems) {
      if (p.key) lines.push({ level: 2, text: tx.problemHeading(++pn, p.key) });
      for (const line of measureLines(p.members, tx)) lines.push(line);
    }
  });
  return lines;
}

function outlineSheet(s: Summary, lang: Lang): SheetSpec {
  const tx = SUMMARY_TEXT[lang];
  return tableSheet<OutlineLine>({
    name: tx.sheets.outline,
    lang,
    filter: false,
    columns: [{
      header: tx.sheets.outline,
      width: 100,
      cell: (l) => text(l.text, l.level === 1 ? 'subtitle' : 'wrap'),
    }],
    records: outlineLines(s, lang),
  });
}

/* ---------------------------------------- exports ---------------------------------------- */

/** The seven summary sheets: 总览, 按方面, 按牵头部门, 逾期临期, 检查问题, 汇总台账, 通报提纲. */
export function summarySheets(summary: Summary, lang: Lang = 'zh'): SheetSpec[] {
  return [
    overviewSheet(summary, lang),
    groupSheet(summary, lang, 'byAspect'),
    groupSheet(summary, lang, 'byDept'),
    laggingSheet(summary, lang),
    findingsSheet(summary, lang),
    ledgerSheet(summary, lang),
    outlineSheet(summary, lang),
  ];
}

/** Departments that get a 督办单: those leading at least one overdue or due-soon item, most overdue first. */
export function noticeDepartments(summary: Summary): string[] {
  return summary.byLeadDept.filter((g) => !g.blank && g.overdue + g.dueSoon > 0).map((g) => g.name);
}

/** The 督办单 for one lead department: its overdue and due-soon items (jointly led ones included). */
export function noticeSheets(summary: Summary, dept: string, lang: Lang = 'zh'): SheetSpec[] {
  const tx = SUMMARY_TEXT[lang];
  const items = summary.overdueAndDueSoon.filter((i) => splitDepartments(i.leadDept).indexOf(dept) >= 0);
  const overdue = items.filter((i) => i.flag === 'overdue').length;
  const columns = laggingColumns(tx, lang);
  const lastCol = columnName(columns.length);
  return [tableSheet({
    name: tx.sheets.notice,
    lang,
    columns,
    records: items,
    before: [
      [text(tx.noticeTitle, 'title')],
      [text(tx.noticeDept(dept), 'subtitle')],
      [text(tx.noticeSentence(summary.asOf, overdue, items.length - overdue), 'note')],
    ],
    merges: ['A1:' + lastCol + '1', 'A2:' + lastCol + '2', 'A3:' + lastCol + '3'],
  })];
}
