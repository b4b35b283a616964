/**
 * Aggregates one or many checked ledgers (CheckResult) into a Summary: totals and completion rate,
 * the 立行立改 subtotal, counts by aspect and by lead department, the overdue and due-soon list,
 * the findings and the consolidated ledger. Pure: summary-sheets.ts turns a Summary into SheetSpecs.
 *
 * Counting rules:
 * - An item is one measure. Its flag decides which count it adds to; totals.items is the sum of the six.
 * - 完成率 = items flagged 'done' (state done or closed) / all items; null when there are no items.
 * - A problem is a distinct non-blank problem text within its group; overall, a distinct
 *   (aspect, problem) pair, so the per-aspect problem counts add up to the total.
 * - An item led jointly (牵头部门 "办公室、人事处") counts once for EACH lead department, so the
 *   department rows can add up to more than the totals. The 合计 row of that table uses the totals.
 */
import { totalsKey, totalsOf } from './flags';
import { countFindings } from './rules';
import { CheckResult, CheckedItem, Finding, FindingCounts, IsoDate, Lang, Totals } from './types';
import { SUMMARY_TEXT } from './summary-i18n';
import type { PeriodProgress } from './compare';

export type SummaryItem = CheckedItem & { file: string };
export type SummaryFinding = Finding & { file: string };

/** One row of the by-aspect or by-department table. */
export interface GroupRow extends Omit<Totals, 'items'> {
  /** The aspect or department; for the blank group, the blank label in the summary's language. */
  name: string;
  /** True for the group of items with no aspect / no lead department (其他 / （未填写）). */
  blank: boolean;
  problems: number;
  measures: number;
  /** done / measures; null for an empty group. */
  rate: number | null;
}

export interface SourceRef {
  file: string;
  sheet: string;
  items: number;
}

export interface Summary {
  asOf: IsoDate;
  lang: Lang;
  sources: SourceRef[];
  totals: Totals;
  /** 完成率: totals.done / totals.items, or null with no items. */
  rate: number | null;
  /** Done items split by close-out: state 'closed' (已销号) and state 'done' (已完成待销号). */
  closed: number;
  doneAwaitingClose: number;
  /** State basically-done (基本完成): not done, counted apart for the report. */
  basicallyDone: number;
  /** The 立行立改 subtotal: items whose deadline kind is 'immediate', counted by flag. */
  immediate: Totals;
  /** Distinct non-blank aspects and distinct (aspect, problem) pairs. */
  aspects: number;
  problems: number;
  /** In ledger order (first appearance); the blank group last. */
  byAspect: GroupRow[];
  /** Most overdue first, then most due soon, then by name; the blank group last among equals. */
  byLeadDept: GroupRow[];
  /** What changed since the earlier versions (summary --previous); absent without them. */
  progress?: PeriodProgress | null;
  /** Items led jointly (a 牵头部门 cell naming two or more departments): each counts under every one of them. */
  jointLed: number;
  /** Overdue items by most days overdue, then due-soon items by fewest days left. */
  overdueAndDueSoon: SummaryItem[];
  /** Every result's findings in input order, each in its result's order. */
  findings: SummaryFinding[];
  /** All the findings counted by level and by rule id. */
  findingCounts: FindingCounts;
  /** Every item of every result, in input order, each with its file. */
  items: SummaryItem[];
  /** Inputs a host left out (unusable, duplicate, lock files), each with why in the user's language; listed on 总览. */
  skipped?: { file: string; reason: string }[];
}

export function completionRate(done: number, items: number): number | null {
  return items === 0 ? null : done / items;
}

const DEPT_SEPARATORS = /[、，,/／;；\r\n]+/;
/** "财务处等3家单位", "财务处等单位", "财务处等": keep 财务处. */
const DEPT_ETC = /\s*等\s*[0-9０-９一二三四五六七八九十两几多]*\s*[家个]?\s*(?:单位|部门|处室|科室)?\s*$/;

/**
 * The departments named in a 牵头部门 cell: split on 、，, / ; and line breaks, "X等N家单位" read as X,
 * trimmed, blanks dropped, each department once.
 */
export function splitDepartments(text: string): string[] {
  const out: string[] = [];
  for (const part of (text || '').split(DEPT_SEPARATORS)) {
    const name = part.replace(DEPT_ETC, '').trim();
    if (name && out.indexOf(name) < 0) out.push(name);
  }
  return out;
}

/**
 * Leading enumerators that ledgers put before aspects and problems ("一、", "第三方面问题，", "（一）",
 * "1.", "(2)"). They are dropped when grouping, so that "一、政治建设" and "政治建设" from two
 * departments' ledgers are one aspect, and the outline can number them itself. "1.5亿元" and "2022年"
 * are left alone.
 */
const ENUMERATOR = /^\s*(?:第?[一二三四五六七八九十百零〇]+个?(?:方面)?(?:问题)?[、，,：:．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[、．)）]|\.(?!\d)))\s*/;

export function stripEnumerator(s: string): string {
  return (s || '').replace(ENUMERATOR, '').trim();
}

/**
 * stripEnumerator remembered for each text it has seen: aspects and problems repeat down a ledger
 * (a problem over its measures, an aspect over hundreds), so 100,000 items have a few thousand.
 * One per pass over the items, so that nothing outlives it.
 */
export function enumeratorStripper(): (s: string) => string {
  const known: Record<string, string> = Object.create(null);
  return (s: string) => {
    const key = s || '';
    const hit = known[key];
    return hit !== undefined ? hit : (known[key] = stripEnumerator(key));
  };
}

/** The grouping keys of an item: its aspect and problem without enumerators ('' when blank). */
export function aspectKey(i: CheckedItem): string {
  return stripEnumerator(i.aspect);
}

export function problemKey(i: CheckedItem): string {
  return stripEnumerator(i.problem);
}

/** An item with its grouping keys and lead departments, worked out once. */
interface Keyed {
  item: SummaryItem;
  aspect: string;
  problem: string;
  depts: string[];
}

/** A group being counted: its row plus the problem texts seen so far. */
interface GroupAcc {
  row: GroupRow;
  seen: Record<string, true>;
}

/** Counts items under one or more keys each, keeping first-appearance order. */
class Grouper {
  private readonly groups: Record<string, GroupAcc> = Object.create(null);
  private readonly order: string[] = [];

  constructor(private readonly blankName: string) {}

  add(key: string, k: Keyed): void {
    let g = this.groups[key];
    if (!g) {
      g = { row: newGroupRow(key || this.blankName, key === ''), seen: Object.create(null) };
      this.groups[key] = g;
      this.order.push(key);
    }
    g.row.measures++;
    g.row[totalsKey(k.item.flag)]++;
    if (k.problem && !g.seen[k.problem]) {
      g.seen[k.problem] = true;
      g.row.problems++;
    }
  }

  rows(): GroupRow[] {
    return this.order.map((key) => {
      const row = this.groups[key].row;
      row.rate = completionRate(row.done, row.measures);
      return row;
    });
  }
}

function newGroupRow(name: string, blank: boolean): GroupRow {
  return { name, blank, problems: 0, measures: 0, done: 0, overdue: 0, dueSoon: 0, onTrack: 0, longTerm: 0,
    noDeadline: 0, rate: null };
}

function blankLast(a: GroupRow, b: GroupRow): number {
  return (a.blank ? 1 : 0) - (b.blank ? 1 : 0);
}

/** Code-point order: the same in IE11 and Node, whatever collation the host has. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byDeptUrgency(a: GroupRow, b: GroupRow): number {
  return b.overdue - a.overdue || b.dueSoon - a.dueSoon || blankLast(a, b) || compareText(a.name, b.name);
}

/** Overdue first by most days overdue, then due soon by fewest days left; ties in source order. */
function byUrgency(a: SummaryItem, b: SummaryItem): number {
  const rank = (i: SummaryItem) => (i.flag === 'overdue' ? 0 : 1);
  return rank(a) - rank(b) || (a.daysLeft ?? 0) - (b.daysLeft ?? 0) ||
    compareText(a.file, b.file) || compareText(a.sheet, b.sheet) || a.row - b.row;
}

/** Every item with its file: the item itself where it names its file already (checked with opts.file), else a copy that does. */
function collectItems(results: CheckResult[]): SummaryItem[] {
  const items: SummaryItem[] = [];
  for (const r of results) {
    for (const item of r.items) items.push(typeof item.file === 'string' ? (item as SummaryItem) : { ...item, file: r.file ?? '' });
  }
  return items;
}

function collectFindings(results: CheckResult[]): SummaryFinding[] {
  const out: SummaryFinding[] = [];
  for (const r of results) {
    for (const f of r.findings) out.push(typeof f.file === 'string' ? (f as SummaryFinding) : { ...f, file: r.file ?? '' });
  }
  return out;
}

function countWhere(items: CheckedItem[], test: (i: CheckedItem) => boolean): number {
  let n = 0;
  for (const i of items) if (test(i)) n++;
  return n;
}

function countDistinct(list: Keyed[], key: (k: Keyed) => string): number {
  const seen: Record<string, true> = Object.create(null);
  let n = 0;
  for (const k of list) {
    const s = key(k);
    if (s !== '' && !seen[s]) {
      seen[s] = true;
      n++;
    }
  }
  return n;
}

/** Distinct (aspect, problem) pairs with a problem. */
function countPairs(list: Keyed[]): number {
  const seen: Record<string, Record<string, true>> = Object.create(null);
  let n = 0;
  for (const k of list) {
    if (k.problem === '') continue;
    const problems = seen[k.aspect] || (seen[k.aspect] = Object.create(null));
    if (!problems[k.problem]) {
      problems[k.problem] = true;
      n++;
    }
  }
  return n;
}

function groupByAspect(list: Keyed[], blankName: string): GroupRow[] {
  const g = new Grouper(blankName);
  for (const k of list) g.add(k.aspect, k);
  return stableSort(g.rows(), blankLast);
}

function groupByDept(list: Keyed[], blankName: string): GroupRow[] {
  const g = new Grouper(blankName);
  for (const k of list) {
    if (k.depts.length === 0) g.add('', k);
    for (const d of k.depts) g.add(d, k);
  }
  return g.rows().sort(byDeptUrgency); // a total order: names are distinct
}

/** A result's file: its own, else its items' (hosts that read several files may set only those). */
function sourceOf(r: CheckResult): SourceRef {
  const file = r.file ?? (r.items.length ? r.items[0].file : undefined) ?? '';
  return { file, sheet: r.sheet, items: r.items.length };
}

export function summarize(results: CheckResult[], opts: { asOf: IsoDate; lang?: Lang }): Summary {
  const lang = opts.lang ?? 'zh';
  const text = SUMMARY_TEXT[lang];
  const items = collectItems(results);
  const totals = totalsOf(items);
  const strip = enumeratorStripper();
  const depts: Record<string, string[]> = Object.create(null);
  const deptsOf = (text: string) => depts[text] || (depts[text] = splitDepartments(text));
  const keyed = items.map((item): Keyed => ({ item, aspect: strip(item.aspect), problem: strip(item.problem), depts: deptsOf(item.leadDept || '') }));
  const immediate = items.filter((i) => i.deadline.kind === 'immediate');
  const findings = collectFindings(results);
  return {
    asOf: opts.asOf,
    lang,
    sources: results.map(sourceOf),
    totals,
    rate: completionRate(totals.done, totals.items),
    closed: countWhere(items, (i) => i.flag === 'done' && i.state === 'closed'),
    doneAwaitingClose: countWhere(items, (i) => i.flag === 'done' && i.state !== 'closed'),
    basicallyDone: countWhere(items, (i) => i.state === 'basically-done'),
    immediate: totalsOf(immediate),
    aspects: countDistinct(keyed, (k) => k.aspect),
    problems: countPairs(keyed),
    byAspect: groupByAspect(keyed, text.otherAspect),
    byLeadDept: groupByDept(keyed, text.blankDept),
    jointLed: keyed.filter((k) => k.depts.length > 1).length,
    overdueAndDueSoon: stableSort(items.filter((i) => i.flag === 'overdue' || i.flag === 'due-soon'), byUrgency),
    findings,
    findingCounts: countFindings(findings),
    items,
  };
}

/** A sort that keeps equal elements in input order on every host (IE11's sort is not stable). */
export function stableSort<T>(list: T[], cmp: (a: T, b: T) => number): T[] {
  return list
    .map((value, index) => ({ value, index }))
    .sort((a, b) => cmp(a.value, b.value) || a.index - b.index)
    .map((e) => e.value);
}
