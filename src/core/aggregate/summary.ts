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
import { totalsKey, totalsOf } from '../check/flags';
import { countFindings } from '../check/rules';
import { IsoDate } from '../model/grid';
import { CheckResult, CheckedItem, Lang } from '../model/result';
import { GroupRow, SourceRef, Summary, SummaryFinding, SummaryItem } from '../model/summary';
import { enumeratorStripper, splitDepartments } from '../text/departments';
import { stableSort } from '../text/sort';
import { SUMMARY_TEXT } from '../words/summary';

export function completionRate(done: number, items: number): number | null {
  return items === 0 ? null : done / items;
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
    start: results.length && results.every((r) => r.start === results[0].start) ? results[0].start : null,
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
