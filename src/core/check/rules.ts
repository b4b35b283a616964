/**
 * The check catalogue: checked items -> findings. Each rule is a small function over one item;
 * ids are part of the contract (docs/contract.md, "Findings").
 */
import { diffDays } from '../text/dates';
import { immediateDaysOf } from '../model/options';
import { StringKey, t } from '../words/check';
import { CheckedItem, CheckOptions, Finding, FindingCounts, Lang, RuleId, Severity } from '../model/result';
import { FieldKey, HeaderMap } from '../model/ledger';
import { term, termInText } from '../words/glossary';
import { a1 } from '../text/a1';
import { finding } from '../read/finding';
import { presentFields } from '../read/header';
import { cellOf, LedgerRead, SeqCell } from '../read/ledger';

interface RuleContext {
  /** The fields the ledger has (its columns, or for three lists the joined ones). */
  present: Partial<Record<FieldKey, boolean>>;
  opts: CheckOptions;
  lang: Lang;
}

type Emit = (rule: RuleId, severity: Severity, field: FieldKey, message: string) => void;
type ItemRule = (item: CheckedItem, ctx: RuleContext, emit: Emit) => void;

const has = (ctx: RuleContext, f: FieldKey) => !!ctx.present[f];
const isDone = (i: CheckedItem) => i.state === 'done' || i.state === 'closed';

/**
 * True when an item's flag cannot be judged without the start date and none was given: a relative
 * deadline (反馈后1个月内, 本月内) or 立行立改, on an item not done.
 */
export function needsStart(i: CheckedItem, opts: CheckOptions): boolean {
  if (opts.start || isDone(i)) return false;
  return i.deadline.kind === 'immediate' || (i.deadline.kind === 'unparsed' && i.deadline.reason === 'needs-start');
}

/** How many items need the start date that was not given (CheckResult.needsStart). */
export function countNeedsStart(items: CheckedItem[], opts: CheckOptions): number {
  let n = 0;
  items.forEach((i) => {
    if (needsStart(i, opts)) n++;
  });
  return n;
}

/** The message of a deadline-unparsed finding says why the cell cannot be read. */
const UNPARSED_MESSAGE: { [reason: string]: StringKey } = {
  impossible: 'deadline-unparsed.impossible',
  ambiguous: 'deadline-unparsed.ambiguous',
  'starts-at': 'deadline-unparsed.starts-at',
};

/** Rules over one item. Columns that do not exist are reported once by the sheet rules, not per item. */
export const ITEM_RULES: ItemRule[] = [
  function deadlineMissing(i, ctx, emit) {
    if (has(ctx, 'deadline') && i.deadline.kind === 'none') emit('deadline-missing', 'error', 'deadline', t(ctx.lang, 'deadline-missing'));
  },
  function deadlineUnparsed(i, ctx, emit) {
    const d = i.deadline;
    // A relative form without a start is deadline-needs-start, 待定 is deadline-pending: neither is unreadable.
    if (d.kind !== 'unparsed' || d.reason === 'needs-start' || d.reason === 'pending') return;
    emit('deadline-unparsed', 'error', 'deadline', t(ctx.lang, UNPARSED_MESSAGE[d.reason || ''] || 'deadline-unparsed', { text: d.text }));
  },
  function deadlinePending(i, ctx, emit) {
    if (i.deadline.kind === 'unparsed' && i.deadline.reason === 'pending') emit('deadline-pending', 'error', 'deadline', t(ctx.lang, 'deadline-pending', { text: i.deadline.text }));
  },
  function deadlineNeedsStart(i, ctx, emit) {
    if (!needsStart(i, ctx.opts)) return;
    const days = immediateDaysOf(ctx.opts);
    const message =
      i.deadline.kind === 'immediate'
        ? t(ctx.lang, 'deadline-needs-start.immediate', { days })
        : t(ctx.lang, 'deadline-needs-start', { text: i.deadline.text });
    emit('deadline-needs-start', 'warning', 'deadline', message);
  },
  function leadDeptMissing(i, ctx, emit) {
    // A three-list task with no responsibility row has no cell here: measure-without-responsibility covers it.
    if (has(ctx, 'leadDept') && cellOf(i, 'leadDept') && !i.leadDept) emit('lead-dept-missing', 'error', 'leadDept', t(ctx.lang, 'lead-dept-missing'));
  },
  function measureMissing(i, ctx, emit) {
    if (has(ctx, 'measure') && !i.measure) emit('measure-missing', 'error', 'measure', t(ctx.lang, 'measure-missing'));
  },
  function deadlineBeforeStart(i, ctx, emit) {
    const start = ctx.opts.start;
    if (start && i.deadline.kind === 'date' && i.deadline.due && i.deadline.due < start) {
      emit('deadline-before-start', 'warning', 'deadline', t(ctx.lang, 'deadline-before-start', { due: i.deadline.due, start }));
    }
  },
  function completedLate(i, ctx, emit) {
    if (i.doneDate && i.due && i.doneDate > i.due) {
      emit('completed-late', 'warning', 'doneDate', t(ctx.lang, 'completed-late', { done: i.doneDate, due: i.due, days: diffDays(i.due, i.doneDate) }));
    }
  },
  function doneWithoutEvidence(i, ctx, emit) {
    if (!isDone(i)) return;
    const field: FieldKey = has(ctx, 'evidence') ? 'evidence' : 'progress';
    if (!has(ctx, field)) return;
    const empty = field === 'evidence' ? !i.evidence : !i.progress;
    if (empty) emit('done-without-evidence', 'warning', field, t(ctx.lang, 'done-without-evidence', { field: termInText(ctx.lang, field) }));
  },
  function longTermNoProgress(i, ctx, emit) {
    // A list that keeps its progress as status words (完成情况: 已完成 / 正在推进) reports on that column.
    const field: FieldKey = has(ctx, 'progress') ? 'progress' : 'status';
    if (has(ctx, field) && i.deadline.kind === 'long-term' && !isDone(i) && !(field === 'progress' ? i.progress : i.statusText)) {
      emit('long-term-no-progress', 'warning', field, t(ctx.lang, 'long-term-no-progress'));
    }
  },
  // An unreadable status word is one finding for the whole sheet (statusWordsFindings), not one per row.
];

/** How many distinct words the status-words-unknown finding names before "and N more". */
const MAX_WORDS_LISTED = 12;

/**
 * status-words-unknown: ONE finding on the status column's header listing each status word the grammar
 * cannot place, with how many items carry it, and how to teach it (taizhang.json, the pane). The items
 * keep the flag their deadline gives. Hosts show it first (errorsFirst).
 */
export function statusWordsFindings(items: CheckedItem[], header: HeaderMap, present: Partial<Record<FieldKey, boolean>>, lang: Lang): Finding[] {
  if (!present.status) return [];
  const counts = new Map<string, number>();
  let total = 0;
  items.forEach((i) => {
    if (i.state !== 'unknown' || !i.statusText) return;
    const word = i.statusText.replace(/\s+/g, ' ').trim();
    counts.set(word, (counts.get(word) || 0) + 1);
    total++;
  });
  if (!total) return [];
  const words: [string, number][] = [];
  counts.forEach((n, w) => words.push([w, n]));
  // Most frequent first; at equal counts in the order the ledger first uses them (Map order, stable).
  const ranked = words.map((w, k) => ({ w, k })).sort((a, b) => b.w[1] - a.w[1] || a.k - b.k).map((x) => x.w);
  const listed = ranked
    .slice(0, MAX_WORDS_LISTED)
    .map(([w, n]) => (lang === 'zh' ? '“' + w + '”（' + n + '项）' : '"' + w + '" (' + n + ')'))
    .join(lang === 'zh' ? '、' : ', ');
  const more = ranked.length > MAX_WORDS_LISTED ? (lang === 'zh' ? '' : ' ') + t(lang, 'status-words-more', { count: ranked.length - MAX_WORDS_LISTED }) : '';
  const row = header.rows[header.rows.length - 1];
  const col = header.columns.status === undefined ? 1 : header.columns.status;
  return [finding('status-words-unknown', 'warning', header.sheet, a1(row, col), t(lang, 'status-words-unknown', { count: total, words: listed + more, example: ranked[0][0] }), row)];
}

/** Rules a reader should meet first, before the errors: what to teach before reading the rest. */
const LEADING_RULES = ['status-words-unknown'];

/** Findings on one item, each on the cell of the field at fault (which may sit on another list's sheet). */
export function itemFindings(items: CheckedItem[], present: Partial<Record<FieldKey, boolean>>, opts: CheckOptions): Finding[] {
  const ctx: RuleContext = { present, opts, lang: opts.lang || 'zh' };
  const findings: Finding[] = [];
  items.forEach((item) => {
    const emit: Emit = (id, severity, field, message) => {
      const cell = cellOf(item, field) || a1(item.row, 1);
      const sheet = (item.cellSheets && item.cellSheets[field]) || item.sheet;
      findings.push(finding(id, severity, sheet, cell, message, sheet === item.sheet ? item.row : undefined));
    };
    for (let k = 0; k < ITEM_RULES.length; k++) ITEM_RULES[k](item, ctx, emit);
  });
  return findings;
}

/** Rows whose 序号 repeats an earlier one within the same scope: [row, first row]. */
function repeats(seqs: SeqCell[], scopeOf: Scope): [SeqCell, number][] {
  // One table of the 序号 seen per scope (a Map keyed by the text itself: no key is built per row).
  const seen = new Map<number, Map<string, number>>();
  const out: [SeqCell, number][] = [];
  let scope = -1;
  let inScope: Map<string, number> | undefined;
  seqs.forEach((s) => {
    const id = scopeOf(s);
    if (id !== scope || !inScope) {
      scope = id;
      inScope = seen.get(id);
      if (!inScope) seen.set(id, (inScope = new Map<string, number>()));
    }
    const first = inScope.get(s.seq);
    if (first !== undefined) out.push([s, first]);
    else inScope.set(s.seq, s.row);
  });
  return out;
}

/** A scope of numbering, as SeqCell's numbers: each aspect or problem has its own, the whole sheet is 0. */
type Scope = (s: SeqCell) => number;
const WHOLE: Scope = () => 0;
const ASPECT: Scope = (s) => s.aspect;
const PROBLEM: Scope = (s) => s.problem;

/**
 * True when numbering restarts in each `inner` unit within `outer`: most units after the first
 * begin with the same 序号 as the first one did ("1" again in each aspect). An inner unit's number
 * is its own across the sheet (SeqCell), so it is the unit's key by itself.
 */
function restarts(seqs: SeqCell[], outer: Scope, inner: Scope): boolean {
  const firstOfOuter = new Map<number, string>();
  const seenInner = new Set<number>();
  let units = 0;
  let again = 0;
  seqs.forEach((s) => {
    const i = inner(s);
    if (seenInner.has(i)) return;
    seenInner.add(i);
    const o = outer(s);
    const first = firstOfOuter.get(o);
    if (first === undefined) firstOfOuter.set(o, s.seq);
    else {
      units++;
      if (s.seq === first) again++;
    }
  });
  return again > units / 2;
}

/**
 * duplicate-seq. Ledgers number their rows through the whole sheet, or restart in each aspect, or
 * in each problem; a repeat is only a finding within the scope the ledger numbers in.
 */
export function duplicateSeqFindings(seqs: SeqCell[], header: HeaderMap, lang: Lang): Finding[] {
  const seqCol = header.columns.seq;
  if (seqCol === undefined) return [];
  const scope = restarts(seqs, ASPECT, PROBLEM) ? PROBLEM : restarts(seqs, WHOLE, ASPECT) ? ASPECT : WHOLE;
  const found = repeats(seqs, scope);
  return found.map(([s, first]) => finding('duplicate-seq', 'warning', header.sheet, a1(s.row, seqCol), t(lang, 'duplicate-seq', { seq: s.seq, other: first }), s.row));
}

/** A missing column is one finding on the header, not one per item. */
export function missingColumnFindings(present: Partial<Record<FieldKey, boolean>>, header: HeaderMap, lang: Lang): Finding[] {
  const headerRow = header.rows[0];
  return (['measure', 'deadline', 'leadDept'] as FieldKey[])
    .filter((f) => !present[f])
    .map((f) => finding('column-missing', 'warning', header.sheet, a1(headerRow, 1), t(lang, 'column-missing', { column: term(lang, f) }), headerRow));
}

/**
 * start-missing: one finding on the deadline column's header when items depend on a start date that
 * was not given, saying how many and how to give it. The CLI prints the same message as its one line.
 */
export function startMissingFindings(items: CheckedItem[], header: HeaderMap, opts: CheckOptions): Finding[] {
  const count = countNeedsStart(items, opts);
  if (!count) return [];
  const lang: Lang = opts.lang || 'zh';
  const row = header.rows[0];
  const col = header.columns.deadline === undefined ? 1 : header.columns.deadline;
  return [finding('start-missing', 'warning', header.sheet, a1(row, col), t(lang, 'start-missing', { count }), row)];
}

/**
 * Sheets in the order given, then rows, errors first within a row, else in the order they came. Each
 * finding's sheet is ranked once; findings already in that order (the usual case: the rules meet the
 * rows top down) are returned as they are, without a sort. Stable without relying on
 * Array.prototype.sort being stable (IE11's is not): ties go by position.
 */
export function sortFindings(findings: Finding[], sheetOrder: string[]): Finding[] {
  const n = findings.length;
  const rank: number[] = new Array(n);
  let sheet: string | null = null;
  let sheetRank = 0;
  for (let i = 0; i < n; i++) {
    const f = findings[i];
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      const k = sheetOrder.indexOf(sheet);
      sheetRank = k < 0 ? sheetOrder.length : k;
    }
    rank[i] = sheetRank;
  }
  const order = (a: number, b: number): number => {
    const fa = findings[a];
    const fb = findings[b];
    return rank[a] - rank[b] || fa.row - fb.row || (fa.severity === fb.severity ? 0 : fa.severity === 'error' ? -1 : 1);
  };
  let sorted = true;
  for (let i = 1; i < n && sorted; i++) sorted = order(i - 1, i) <= 0;
  if (sorted) return findings.slice();
  const index: number[] = new Array(n);
  for (let i = 0; i < n; i++) index[i] = i;
  index.sort((a, b) => order(a, b) || a - b);
  const out: Finding[] = new Array(n);
  for (let i = 0; i < n; i++) out[i] = findings[index[i]];
  return out;
}

/**
 * The findings with every error before every warning, each group in the order it came (a check's
 * findings come sorted by sheet, then row): what to fix first, for a list a person reads top down.
 * The rules in `lead` come before both (the hosts show the unknown status words first; 检查问题 puts
 * none there). Stable without relying on Array.prototype.sort being stable (IE11's is not).
 */
export function errorsFirst<F extends Finding>(findings: F[], lead: string[] = LEADING_RULES): F[] {
  const leading: F[] = [];
  const errors: F[] = [];
  const warnings: F[] = [];
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    (lead.indexOf(f.rule) >= 0 ? leading : f.severity === 'error' ? errors : warnings).push(f);
  }
  return leading.concat(errors, warnings);
}

/** The findings counted by level and by rule id, once, for every host to show (CheckResult, Summary). */
export function countFindings(findings: Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, byRule: {} };
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i];
    if (f.severity === 'error') counts.errors++;
    else counts.warnings++;
    counts.byRule[f.rule] = (counts.byRule[f.rule] || 0) + 1;
  }
  return counts;
}

export function runRules(items: CheckedItem[], read: LedgerRead, header: HeaderMap, opts: CheckOptions): Finding[] {
  const lang: Lang = opts.lang || 'zh';
  const present = presentFields(header);
  const findings = statusWordsFindings(items, header, present, lang)
    .concat(missingColumnFindings(present, header, lang))
    .concat(startMissingFindings(items, header, opts))
    .concat(itemFindings(items, present, opts))
    .concat(duplicateSeqFindings(read.seqs, header, lang));
  return sortFindings(findings, [header.sheet]);
}
