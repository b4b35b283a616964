/**
 * Two versions of a ledger -> what changed between them (docs/contract.md, "compare").
 *
 * Departments send the ledger again every week or month; 销账式管理 asks what was closed since, what
 * newly went overdue, what is still overdue, whose deadline was moved (擅自调整整改时限 is itself a
 * finding in supervision work), and which overdue items show no new progress.
 *
 * Each version is a CheckResult judged at its own date. Items are paired by their measure text and
 * their sequence number together, because ledgers get renumbered and measures reworded:
 *   1. identical texts pair first (measure, and problem where the measure repeats under several);
 *   2. the rest pair by a similarity score (character bigrams of measure and problem, plus the same
 *      sequence number), best pairs first, each item at most once;
 *   3. a pair below MATCH_THRESHOLD is never made: the two count as removed and added.
 * Pure: no host types. Linear in the items for the identical pass; the similar pass only looks at
 * items that share a bigram, so two 50,000-row versions compare in about a second.
 */
import { Change, CHANGE_KINDS, ChangeKind, ChangeSide, ChangeTotals, Comparison } from '../model/comparison';
import { State } from '../model/ledger';
import { CheckedItem, CheckResult } from '../model/result';
import { diffDays } from '../text/dates';
import { ENUMERATOR, splitDepartments } from '../text/departments';
import { dict } from '../text/dict';

/** Below this a pair is not made: removed plus added, never a wrong pair. */
export const MATCH_THRESHOLD = 0.55;

/* ------------------------------------------ text ------------------------------------------ */

/**
 * Spaces and punctuation, removed for comparing; with the full-width forms of the ASCII ones
 * (．，；：！？＇＂（）［］｛｝＜＞－＿／＼｜), so that they go before the folding below rather than after it.
 */
const NOT_COMPARED = /[\s\u3000.,;:!?'"()[\]{}<>、，。；：！？“”‘’（）【】《》〈〉…—\-_/\\|·\uff0e\uff07\uff02\uff3b\uff3d\uff5b\uff5d\uff1c\uff1e\uff0d\uff3f\uff0f\uff3c\uff5c]+/g;
const FULL_WIDTH = /[\uff01-\uff5e]/g;

/** The code units NOT_COMPARED removes, as a table: 1 for a removed one (built from it on first use). */
let removedUnits: Uint8Array | null = null;
/** Past this, and below the full-width forms, nothing is removed: CJK ideographs and the rest. */
const TABLE_LOW = 0x3100;
const TABLE_HIGH = 0xfe00;

/** Whether NOT_COMPARED removes the code unit `c`: looked up in a table made from the pattern itself. */
function removedUnit(c: number): boolean {
  if (c >= TABLE_LOW && c < TABLE_HIGH) return false;
  let table = removedUnits;
  if (!table) {
    table = removedUnits = new Uint8Array(TABLE_LOW + 0x10000 - TABLE_HIGH);
    const one = new RegExp('^' + NOT_COMPARED.source + '$');
    for (let u = 0; u < 0x10000; u++) {
      if (u === TABLE_LOW) u = TABLE_HIGH;
      if (one.test(String.fromCharCode(u))) table[u < TABLE_LOW ? u : u - TABLE_HIGH + TABLE_LOW] = 1;
    }
  }
  return table[c < TABLE_LOW ? c : c - TABLE_HIGH + TABLE_LOW] === 1;
}

/**
 * Text for comparing: no enumerators, no spaces or punctuation, full-width folded, lower case.
 * (Removing the full-width punctuation with the ASCII first is the same as folding it first: a
 * character is removed exactly when its folded form would be; what is left to fold is the rarer
 * full-width letters and digits.) The same as
 * `stripEnumerator(s).replace(NOT_COMPARED, '')`, folded and lower-cased (the trim of
 * stripEnumerator removes only white space, which NOT_COMPARED removes anyway), in one pass over the
 * text that keeps its runs between removed characters: two 50,000-item versions ask for it 300,000
 * times.
 */
export function comparable(s: string): string {
  const t = (s || '').replace(ENUMERATOR, '');
  let out = '';
  let run = 0;
  let fold = false;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c >= 0x4e00 && c < 0xa000) continue; // CJK ideographs: kept as they are
    if (removedUnit(c)) {
      if (i > run) out += t.slice(run, i);
      run = i + 1;
    } else if (c >= 0xff01 && c <= 0xff5e) fold = true;
  }
  out = run === 0 ? t : run < t.length ? out + t.slice(run) : out;
  return (fold ? out.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)) : out).toLowerCase();
}

/** comparable() with a memory: ledgers repeat their problems, departments and progress texts. */
function memoComparable(): (s: string) => string {
  const seen = new Map<string, string>();
  return (s: string) => {
    const key = s || '';
    let v = seen.get(key);
    if (v === undefined) {
      v = comparable(key);
      seen.set(key, v);
    }
    return v;
  };
}

function bigrams(s: string): string[] {
  if (s.length < 2) return s ? [s] : [];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.substr(i, 2));
  return out;
}

/** Dice coefficient of two bigram multisets: 1 for equal texts, 0 for texts with no bigram in common. */
export function similarity(a: string, b: string): number {
  if (a === b) return a ? 1 : 0;
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const counts = dict<number>();
  for (let i = 0; i < x.length; i++) counts[x[i]] = (counts[x[i]] || 0) + 1;
  let common = 0;
  for (let i = 0; i < y.length; i++) {
    const n = counts[y[i]];
    if (n) {
      common++;
      counts[y[i]] = n - 1;
    }
  }
  return (2 * common) / (x.length + y.length);
}

/* ----------------------------------------- pairing ----------------------------------------- */

interface Keyed {
  item: CheckedItem;
  index: number;
  measure: string;
  problem: string;
  seq: string;
}

/**
 * The items with their texts for comparing. A problem stands over several measures, so its text goes
 * through `norm` (remembered); a measure's and a 序号's are nearly all distinct, and remembering
 * them would cost more than comparable() itself.
 */
function keyed(items: CheckedItem[], norm: (s: string) => string): Keyed[] {
  return items.map((item, index) => ({
    item,
    index,
    measure: comparable(item.measure),
    problem: norm(item.problem),
    seq: comparable(item.seq),
  }));
}

/**
 * The score of a candidate pair, 0..1. The measure says most; where a ledger has no measure text the
 * problem stands in. The same problem and the same sequence number add a little, so that a reworded
 * measure under the same problem and number still pairs, while two different measures that merely
 * share a number do not.
 */
function pairScore(a: Keyed, b: Keyed): number {
  const measure = a.measure || b.measure ? similarity(a.measure, b.measure) : similarity(a.problem, b.problem);
  const problem = a.problem || b.problem ? similarity(a.problem, b.problem) : 1;
  const seq = a.seq && a.seq === b.seq ? 1 : 0;
  return 0.75 * measure + 0.15 * problem + 0.1 * seq;
}

/** At most this many candidates per later item in the similar pass (the best by shared bigrams). */
const MAX_CANDIDATES = 24;

/** Pairs later items with earlier ones: identical texts first, then the most similar above the threshold. */
export function pairItems(earlier: CheckedItem[], later: CheckedItem[], norm: (s: string) => string = memoComparable()): { later: CheckedItem; earlier: CheckedItem; score: number }[] {
  const E = keyed(earlier, norm);
  const L = keyed(later, norm);
  const usedE: boolean[] = new Array(E.length);
  const usedL: boolean[] = new Array(L.length);
  const pairs: { l: number; e: number; score: number }[] = [];

  // 1. Identical measure (and problem) text. Where one text stands several times, the same sequence
  //    number, then the nearest position in the list, decides.
  // The earlier items of each text (Maps keyed by the texts themselves: no key is built per item),
  // by measure, then by problem when `withProblem`.
  const identical = (withProblem: boolean) => {
    const byMeasure = new Map<string, Map<string, number[]>>();
    const listOf = (k: Keyed, make: boolean): number[] | undefined => {
      let byProblem = byMeasure.get(k.measure);
      if (!byProblem) {
        if (!make) return undefined;
        byMeasure.set(k.measure, (byProblem = new Map<string, number[]>()));
      }
      const p = withProblem ? k.problem : '';
      let list = byProblem.get(p);
      if (!list && make) byProblem.set(p, (list = []));
      return list;
    };
    for (let i = 0; i < E.length; i++) {
      if (usedE[i] || !E[i].measure) continue;
      (listOf(E[i], true) as number[]).push(i);
    }
    for (let j = 0; j < L.length; j++) {
      if (usedL[j] || !L[j].measure) continue;
      const list = listOf(L[j], false);
      if (!list) continue;
      let best = -1;
      let bestRank = Infinity;
      for (let n = 0; n < list.length; n++) {
        const i = list[n];
        if (usedE[i]) continue;
        const rank = (E[i].seq === L[j].seq ? 0 : 1e9) + Math.abs(E[i].index - L[j].index);
        if (rank < bestRank) {
          bestRank = rank;
          best = i;
        }
      }
      if (best < 0) continue;
      usedE[best] = true;
      usedL[j] = true;
      pairs.push({ l: j, e: best, score: pairScore(E[best], L[j]) });
    }
  };
  identical(true);
  identical(false);

  // 2. Similar texts: candidates share a bigram of the measure (or of the problem where the measure is blank).
  const textOf = (k: Keyed) => k.measure || k.problem;
  const index = dict<number[]>();
  for (let i = 0; i < E.length; i++) {
    if (usedE[i]) continue;
    const grams = bigrams(textOf(E[i]));
    const seen = dict<boolean>();
    for (let g = 0; g < grams.length; g++) {
      if (seen[grams[g]]) continue;
      seen[grams[g]] = true;
      (index[grams[g]] = index[grams[g]] || []).push(i);
    }
  }
  const candidates: { l: number; e: number; score: number }[] = [];
  for (let j = 0; j < L.length; j++) {
    if (usedL[j]) continue;
    const shared: Record<number, number> = {};
    const grams = bigrams(textOf(L[j]));
    const seen = dict<boolean>();
    for (let g = 0; g < grams.length; g++) {
      const list = seen[grams[g]] ? undefined : index[grams[g]];
      seen[grams[g]] = true;
      if (!list || list.length > 2000) continue; // a bigram in thousands of measures says nothing
      for (let n = 0; n < list.length; n++) shared[list[n]] = (shared[list[n]] || 0) + 1;
    }
    const top = Object.keys(shared)
      .map(Number)
      .sort((a, b) => shared[b] - shared[a] || a - b)
      .slice(0, MAX_CANDIDATES);
    for (let n = 0; n < top.length; n++) {
      const score = pairScore(E[top[n]], L[j]);
      if (score >= MATCH_THRESHOLD) candidates.push({ l: j, e: top[n], score });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.l - b.l || a.e - b.e);
  for (let n = 0; n < candidates.length; n++) {
    const c = candidates[n];
    if (usedL[c.l] || usedE[c.e]) continue;
    usedL[c.l] = true;
    usedE[c.e] = true;
    pairs.push(c);
  }
  pairs.sort((a, b) => a.l - b.l);
  return pairs.map((p) => ({ later: L[p.l].item, earlier: E[p.e].item, score: p.score }));
}

/* ----------------------------------------- changes ----------------------------------------- */

function isDone(state: State): boolean {
  return state === 'done' || state === 'closed';
}

/** The set of departments in a 牵头部门 cell, order-free: "办公室、财务处" = "财务处，办公室". */
function deptKey(text: string, norm: (s: string) => string): string {
  return splitDepartments(text)
    .map(norm)
    .sort()
    .join('|');
}

function change(kind: ChangeKind, later: CheckedItem | null, earlier: CheckedItem | null, from: ChangeSide | null, to: ChangeSide | null): Change {
  const item = (later || earlier) as CheckedItem;
  return {
    kind,
    row: later ? later.row : null,
    earlierRow: earlier ? earlier.row : null,
    seq: item.seq,
    measure: item.measure,
    leadDept: item.leadDept,
    from,
    to,
    later,
    earlier,
  };
}

function deadlineSide(i: CheckedItem): ChangeSide {
  return { text: i.deadline.text, due: i.due };
}

function flagSide(i: CheckedItem): ChangeSide {
  return { state: i.state, flag: i.flag, daysLeft: i.daysLeft };
}

/** The deadline moved: both have a due date and it differs, or a dated item became 长期坚持 or lost its date. */
function deadlineMove(e: CheckedItem, l: CheckedItem): 'deadline-later' | 'deadline-earlier' | null {
  // The same words are the same deadline. A due date that differs under them comes from the
  // judging, not from the ledger: 立行立改 without a start date is due at each version's own as-of.
  if (e.deadline.text === l.deadline.text || e.deadline.text.replace(/\s+/g, '') === l.deadline.text.replace(/\s+/g, '')) return null;
  if (e.due && l.due) {
    if (l.due === e.due) return null;
    return l.due > e.due ? 'deadline-later' : 'deadline-earlier';
  }
  // 6月底前 -> 长期坚持, or a date replaced by 待定: the deadline is gone, which moves it later.
  if (e.due && !l.due && !isDone(l.state)) return 'deadline-later';
  // 长期坚持 -> 2022年9月30日: a date now binds it, which is earlier than never.
  if (!e.due && l.due && e.deadline.kind === 'long-term') return 'deadline-earlier';
  return null;
}

/**
 * Whether a version says who leads its items: a 牵头部门 column on the ledger, or on the
 * responsibility list of three. A version without one (a task list compared alone) leaves every
 * 牵头部门 blank, which is not a change of department.
 */
function namesLeads(r: CheckResult): boolean {
  return r.header.columns.leadDept !== undefined || (r.sourceHeaders || []).some((h) => h.columns.leadDept !== undefined);
}

/**
 * The changes of one pair, in CHANGE_KINDS order. `period` is the days between the judging dates;
 * `leads` whether both versions name lead departments.
 */
function pairChanges(e: CheckedItem, l: CheckedItem, period: number, norm: (s: string) => string, leads = true): Change[] {
  const out: Change[] = [];
  const move = deadlineMove(e, l);
  if (move) out.push(change(move, l, e, deadlineSide(e), deadlineSide(l)));
  const wasOverdue = e.flag === 'overdue';
  if (l.flag === 'overdue' && !wasOverdue) out.push(change('newly-overdue', l, e, flagSide(e), flagSide(l)));
  // Still overdue and stalled describe a period: two versions judged at one date have none.
  if (period > 0 && l.flag === 'overdue' && wasOverdue) out.push(change('still-overdue', l, e, flagSide(e), flagSide(l)));
  // What an item says of its work: its progress, or in a list that keeps only status words (完成情况 of
  // 正在推进 / 未启动, read as the status column) its status.
  const ep = e.progress || e.statusText;
  const lp = l.progress || l.statusText;
  if (period > 0 && (l.flag === 'overdue' || l.flag === 'due-soon') && norm(lp) === norm(ep)) {
    out.push(change('stalled', l, e, { progress: ep, flag: e.flag }, { progress: lp, flag: l.flag, daysLeft: l.daysLeft }));
  }
  if (isDone(e.state) && !isDone(l.state)) out.push(change('went-back', l, e, flagSide(e), flagSide(l)));
  if (isDone(l.state) && (!isDone(e.state) || (l.state === 'closed' && e.state !== 'closed'))) {
    out.push(change('done', l, e, flagSide(e), flagSide(l)));
  }
  if (leads && e.leadDept !== l.leadDept && deptKey(e.leadDept, norm) !== deptKey(l.leadDept, norm)) out.push(change('lead-changed', l, e, { leadDept: e.leadDept }, { leadDept: l.leadDept }));
  return out;
}

export function emptyChangeTotals(): ChangeTotals {
  const t = {} as ChangeTotals;
  CHANGE_KINDS.forEach((k) => (t[k] = 0));
  return t;
}

/** Compares two checked versions of a ledger: `earlier` judged at its date, `later` at its own. */
export function compareResults(earlier: CheckResult, later: CheckResult): Comparison {
  const norm = memoComparable();
  const pairs = pairItems(earlier.items, later.items, norm);
  const period = diffDays(earlier.asOf, later.asOf);
  const leads = namesLeads(earlier) && namesLeads(later);
  const pairedE: Record<number, boolean> = {};
  const pairedL: Record<number, boolean> = {};
  const earlierIndex = new Map<CheckedItem, number>();
  earlier.items.forEach((i, n) => earlierIndex.set(i, n));
  const laterIndex = new Map<CheckedItem, number>();
  later.items.forEach((i, n) => laterIndex.set(i, n));

  const changes: Change[] = [];
  pairs.forEach((p) => {
    pairedE[earlierIndex.get(p.earlier) as number] = true;
    pairedL[laterIndex.get(p.later) as number] = true;
    const found = pairChanges(p.earlier, p.later, period, norm, leads);
    for (let i = 0; i < found.length; i++) changes.push(found[i]);
  });
  later.items.forEach((l, n) => {
    if (!pairedL[n]) changes.push(change('added', l, null, null, flagSide(l)));
  });
  earlier.items.forEach((e, n) => {
    if (!pairedE[n]) changes.push(change('removed', null, e, flagSide(e), null));
  });

  const rank = dict<number>();
  CHANGE_KINDS.forEach((k, n) => (rank[k] = n));
  // Kinds in report order; within a kind, the later ledger's order (removed ones: the earlier's).
  changes.sort((a, b) => rank[a.kind] - rank[b.kind] || (a.row || 0) - (b.row || 0) || (a.earlierRow || 0) - (b.earlierRow || 0));
  const totals = emptyChangeTotals();
  changes.forEach((c) => totals[c.kind]++);
  return { earlier, later, pairs, changes, totals, periodDays: period };
}
