/**
 * The check catalogue: checked items -> findings. Each rule is a small function over one item;
 * ids are part of the contract (DESIGN.md, "Findings").
 */
import { diffDays } from './dates';
import { t } from './i18n';
import { CheckedItem, CheckOptions, FieldKey, Finding, HeaderMap, Lang, Severity } from './types';
import { a1 } from './grid';
import { LedgerRead } from './ledger';

interface RuleContext {
  header: HeaderMap;
  opts: CheckOptions;
  lang: Lang;
}

type Emit = (rule: string, severity: Severity, field: FieldKey, message: string) => void;
type ItemRule = (item: CheckedItem, ctx: RuleContext, emit: Emit) => void;

const has = (ctx: RuleContext, f: FieldKey) => ctx.header.columns[f] !== undefined;
const isDone = (i: CheckedItem) => i.state === 'done' || i.state === 'closed';

/** Rules over one item. Columns that do not exist are reported once by the sheet rules, not per item. */
export const ITEM_RULES: ItemRule[] = [
  function deadlineMissing(i, ctx, emit) {
    if (has(ctx, 'deadline') && i.deadline.kind === 'none') emit('deadline-missing', 'error', 'deadline', t(ctx.lang, 'deadline-missing'));
  },
  function deadlineUnparsed(i, ctx, emit) {
    if (i.deadline.kind === 'unparsed') emit('deadline-unparsed', 'error', 'deadline', t(ctx.lang, 'deadline-unparsed', { text: i.deadline.text }));
  },
  function leadDeptMissing(i, ctx, emit) {
    if (has(ctx, 'leadDept') && !i.leadDept) emit('lead-dept-missing', 'error', 'leadDept', t(ctx.lang, 'lead-dept-missing'));
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
    if (empty) emit('done-without-evidence', 'warning', field, t(ctx.lang, 'done-without-evidence', { field: t(ctx.lang, field === 'evidence' ? 'field.evidence' : 'field.progress') }));
  },
  function longTermNoProgress(i, ctx, emit) {
    if (has(ctx, 'progress') && i.deadline.kind === 'long-term' && !isDone(i) && !i.progress) {
      emit('long-term-no-progress', 'warning', 'progress', t(ctx.lang, 'long-term-no-progress'));
    }
  },
  function statusUnknown(i, ctx, emit) {
    if (has(ctx, 'status') && i.statusText && i.state === 'unknown') emit('status-unknown', 'warning', 'status', t(ctx.lang, 'status-unknown', { text: i.statusText }));
  },
];

const FIELD_NAMES: Partial<Record<FieldKey, Record<Lang, string>>> = {
  deadline: { zh: '完成时限', en: 'Due date' },
  leadDept: { zh: '牵头部门', en: 'Department' },
  measure: { zh: '整改措施', en: 'Action' },
};

export function runRules(items: CheckedItem[], read: LedgerRead, header: HeaderMap, opts: CheckOptions): Finding[] {
  const lang: Lang = opts.lang || 'zh';
  const ctx: RuleContext = { header, opts, lang };
  const findings: Finding[] = [];
  const headerRow = header.rows[0];
  const sheet = header.sheet;

  // Sheet rules: a missing column is one finding on the header, not one per item.
  (['measure', 'deadline', 'leadDept'] as FieldKey[]).forEach((f) => {
    if (!has(ctx, f)) {
      findings.push({ rule: 'column-missing', severity: 'warning', cell: a1(headerRow, 1), row: headerRow, sheet, message: t(lang, 'column-missing', { column: (FIELD_NAMES[f] as Record<Lang, string>)[lang] }) });
    }
  });

  items.forEach((item) => {
    ITEM_RULES.forEach((rule) =>
      rule(item, ctx, (id, severity, field, message) => {
        const col = header.columns[field];
        const cell = item.cells[field] || a1(item.row, col === undefined ? 1 : col);
        findings.push({ rule: id, severity, cell, row: item.row, sheet: item.sheet, message });
      }),
    );
  });

  // duplicate-seq: the 序号 written on a row repeats an earlier one in the same scope.
  const seen: { [key: string]: number } = {};
  const seqCol = header.columns.seq;
  read.seqs.forEach((s) => {
    const key = s.scope + '\u0000' + s.seq;
    if (seen[key] !== undefined && seqCol !== undefined) {
      findings.push({ rule: 'duplicate-seq', severity: 'warning', cell: a1(s.row, seqCol), row: s.row, sheet, message: t(lang, 'duplicate-seq', { seq: s.seq, other: seen[key] }) });
    } else seen[key] = s.row;
  });

  findings.sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return findings;
}
