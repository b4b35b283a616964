/**
 * A small builder of realistic CheckResults, so summary and sheet tests can state a ledger in a few
 * lines: each measure names only what the test is about; the rest gets plausible defaults.
 */
import { addDays } from '../../../src/core/text/dates';
import { CheckResult, CheckedItem, Finding, FindingCounts, RuleId, Totals } from '../../../src/core/model/result';
import { DeadlineKind, Flag, State } from '../../../src/core/model/ledger';
import { IsoDate } from '../../../src/core/model/grid';

export const AS_OF: IsoDate = '2022-07-15';

export interface MeasureSpec {
  aspect?: string;
  problem?: string;
  measure: string;
  leadDept?: string;
  leader?: string;
  state?: State;
  flag: Flag;
  /** Days left (negative when overdue); the due date is as-of + daysLeft. */
  daysLeft?: number;
  kind?: DeadlineKind;
  deadlineText?: string;
  file?: string;
  progress?: string;
}

const DEFAULT_TEXT: Record<DeadlineKind, string> = {
  date: '2022年12月底前',
  immediate: '立行立改',
  'long-term': '长期坚持',
  none: '',
  unparsed: '分阶段整改',
};

export function measure(spec: MeasureSpec, sheet: string, row: number, asOf: IsoDate = AS_OF): CheckedItem {
  const kind = spec.kind ?? 'date';
  const hasDays = spec.daysLeft !== undefined;
  const due = hasDays ? addDays(asOf, spec.daysLeft as number) : null;
  const item: CheckedItem = {
    sheet,
    row,
    seq: String(row - 4),
    aspect: spec.aspect ?? '',
    problem: spec.problem ?? '',
    requirement: '',
    measure: spec.measure,
    leader: spec.leader ?? '张三',
    leadDept: spec.leadDept ?? '',
    coDept: '',
    owner: '李四',
    deadline: {
      text: spec.deadlineText ?? DEFAULT_TEXT[kind],
      kind,
      due: kind === 'date' ? due : null,
      ongoing: false,
    },
    progress: spec.progress ?? '',
    statusText: '',
    state: spec.state ?? (spec.flag === 'done' ? 'done' : 'in-progress'),
    doneDate: null,
    closeOut: '',
    evidence: '',
    notes: '',
    cells: { measure: 'C' + row, deadline: 'G' + row },
    flag: spec.flag,
    due,
    daysLeft: spec.flag === 'done' ? null : hasDays ? (spec.daysLeft as number) : null,
  };
  if (spec.file) item.file = spec.file;
  return item;
}

export function totalsOf(items: CheckedItem[]): Totals {
  const t: Totals = { items: 0, done: 0, overdue: 0, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 };
  const key: Record<Flag, keyof Totals> = {
    done: 'done', overdue: 'overdue', 'due-soon': 'dueSoon', 'on-track': 'onTrack',
    'long-term': 'longTerm', 'no-deadline': 'noDeadline',
  };
  for (const i of items) {
    t.items++;
    t[key[i.flag]]++;
  }
  return t;
}

/** The findings counted by level and rule, as a CheckResult carries them. */
export function counts(findings: Finding[]): FindingCounts {
  const c: FindingCounts = { errors: 0, warnings: 0, byRule: {} };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else c.warnings++;
    c.byRule[f.rule] = (c.byRule[f.rule] || 0) + 1;
  }
  return c;
}

export function finding(rule: RuleId, severity: 'error' | 'warning', cell: string, sheet: string): Finding {
  return { rule, severity, cell, row: +cell.replace(/^[A-Z]+/, ''), sheet, message: '检查意见：' + rule };
}

/** A CheckResult whose items sit on rows 5, 6, 7, … of `sheet`, as under a two-row header. */
export function result(file: string | undefined, sheet: string, specs: MeasureSpec[], findings: Finding[] = []): CheckResult {
  const items = specs.map((s, i) => measure(s, sheet, 5 + i));
  return {
    file,
    sheet,
    asOf: AS_OF,
    start: '2022-02-24',
    header: { sheet, rows: [3, 4], columns: { seq: 1, problem: 2, measure: 3 }, confidence: 1, lastColumn: 10 },
    items,
    findings,
    findingsByLevel: findings.filter((f) => f.severity === 'error').concat(findings.filter((f) => f.severity === 'warning')),
    findingCounts: counts(findings),
    totals: totalsOf(items),
  };
}

/**
 * Department A's ledger: two numbered aspects and items with no aspect, joint and "等N家单位" lead
 * departments, closed vs done, 立行立改 items, and cells that look like formulas.
 */
export function ledgerA(): CheckResult {
  const a1 = '一、政治建设方面';
  const a2 = '二、作风建设方面';
  return result('a.xlsx', '整改台账', [
    { aspect: a1, problem: '理论学习不够深入', measure: '完善党组理论学习中心组学习制度', leadDept: '办公室', state: 'closed', flag: 'done' },
    { aspect: a1, problem: '理论学习不够深入', measure: '开展专题学习研讨', leadDept: '办公室、人事处', flag: 'overdue', daysLeft: -15, deadlineText: '2022年6月底前' },
    { aspect: a1, problem: '=SUM(A1)', measure: '+86 电话 公开监督电话', leadDept: '财务处等3家单位', state: 'done', flag: 'done', kind: 'immediate' },
    { aspect: a2, problem: '四风问题禁而不止', measure: '-', leadDept: '人事处', flag: 'due-soon', daysLeft: 3, progress: '@所有人' },
    { aspect: a2, problem: '四风问题禁而不止', measure: '@所有人 严格公务用车管理', leadDept: '财务处', state: 'basically-done', flag: 'on-track', daysLeft: 40 },
    { aspect: a2, problem: '四风问题禁而不止', measure: '建立长效机制', leadDept: '办公室', flag: 'long-term', kind: 'long-term' },
    { aspect: a2, problem: '四风问题禁而不止', measure: '加强督促检查', leadDept: '人事处\n财务处', flag: 'on-track', daysLeft: 30 },
    { problem: '档案管理不规范', measure: '整理历史档案', leadDept: '', state: 'not-started', flag: 'no-deadline', kind: 'none' },
    { problem: '档案管理不规范', measure: '立即清理过期文件', leadDept: '办公室', state: 'not-started', flag: 'overdue', daysLeft: -5, kind: 'immediate' },
  ], [
    finding('deadline-missing', 'error', 'G12', '整改台账'),
    finding('done-without-evidence', 'warning', 'H7', '整改台账'),
  ]);
}

/** Department B's ledger: the same aspect written without its number, a new aspect, a new department. */
export function ledgerB(): CheckResult {
  return result(undefined, 'Sheet1', [
    { aspect: '政治建设方面', problem: '理论学习不够深入', measure: '落实第一议题制度', leadDept: '宣传部', state: 'not-started', flag: 'overdue', daysLeft: -30, file: 'b.xlsx' },
    { aspect: '三、组织建设方面', problem: '干部选拔任用不规范', measure: '修订选人用人制度', leadDept: '组织部/人事处', state: 'closed', flag: 'done', file: 'b.xlsx' },
  ], [{ ...finding('lead-dept-missing', 'error', 'E9', 'Sheet1'), file: 'b.xlsx' }]);
}
