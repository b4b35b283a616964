/**
 * The words of a comparison of two ledger versions (taizhang compare, 对比上期): the kinds of change,
 * the opening sentence, the sheets and their columns, in zh and en. Field names and terms come from
 * the glossary (glossary.ts), flag and state labels from labels.ts, so they read the same here as in
 * every other sheet.
 */
import type { ChangeKind, ChangeTotals } from '../model/comparison';
import { GLOSSARY } from './glossary';
import { Lang } from '../model/result';

/**
 * Where the earlier version's judging date came from: --since, the 填报时间 it states, its file's
 * modified date (the CLI), or the date given in the add-in's 上期日期 field (the pane has no file date).
 */
export type SinceSource = '--since' | 'filled-in' | 'modified' | 'given';

export type CompareSheetKey = 'overview' | 'deadlines' | 'overdue' | 'done' | 'stalled' | 'addedRemoved' | 'all';

export type CompareColumnKey =
  | 'n' | 'change' | 'seq' | 'problem' | 'measure' | 'leadDept' | 'fromDeadline' | 'fromDue' | 'toDeadline' | 'toDue'
  | 'shiftDays' | 'flag' | 'row' | 'earlierRow' | 'deadline' | 'due' | 'daysOverdue' | 'earlierDaysOverdue'
  | 'earlierFlag' | 'fromState' | 'toState' | 'progress' | 'days' | 'from' | 'to' | 'kind' | 'count'
  | 'metric' | 'earlier' | 'later' | 'delta';

export interface CompareText {
  kinds: Record<ChangeKind, string>;
  sheets: Record<CompareSheetKey, string>;
  titles: Record<CompareSheetKey, string>;
  columns: Record<CompareColumnKey, string>;
  /** 本期新完成3项、新增逾期2项、调整时限1项…… */
  sentence: (t: ChangeTotals) => string;
  /** 上期 / 本期 lines: which file, and the date it was judged at and why. */
  earlierLine: (file: string, sheet: string, asOf: string, source: SinceSource) => string;
  laterLine: (file: string, sheet: string, asOf: string) => string;
  sources: Record<SinceSource, string>;
  /** 推迟 / 提前 in the 时限调整 sheet. */
  later: string;
  earlier: string;
  /** A deadline as the sheets and the report show it: 6月底前（2022-06-30）. */
  deadline: (text: string, due: string | null) => string;
  none: string;
  closed: string;
  reportTitle: string;
  more: (n: number) => string;
  metrics: { items: string; done: string; overdue: string; dueSoon: string; onTrack: string; longTerm: string; noDeadline: string; rate: string };
  /** A change of a rate in percentage points (提高1.7个百分点), never as a percent of it. */
  points: (delta: number) => string;
}

/** Percentage points of a change of rates (0.017 -> "1.7"), to one decimal. */
function pointsOf(delta: number): string {
  return (Math.abs(delta) * 100).toFixed(1);
}

function zhSentence(t: ChangeTotals): string {
  const moved = t['deadline-later'] + t['deadline-earlier'];
  const parts = ['本期新完成' + t.done + '项', '新增逾期' + t['newly-overdue'] + '项', '调整时限' + moved + '项'];
  if (moved) parts[2] += '（推迟' + t['deadline-later'] + '项、提前' + t['deadline-earlier'] + '项）';
  const more: [ChangeKind, string][] = [
    ['still-overdue', '持续逾期'],
    ['stalled', '进展停滞'],
    ['went-back', '状态倒退'],
    ['lead-changed', '牵头部门变更'],
    ['added', '新增事项'],
    ['removed', '删除事项'],
  ];
  for (const [k, w] of more) if (t[k]) parts.push(w + t[k] + '项');
  return parts.join('、') + '。';
}

function enSentence(t: ChangeTotals): string {
  const moved = t['deadline-later'] + t['deadline-earlier'];
  const parts = [t.done + ' newly done', t['newly-overdue'] + ' newly overdue', moved + ' deadlines moved'];
  if (moved) parts[2] += ' (' + t['deadline-later'] + ' later, ' + t['deadline-earlier'] + ' earlier)';
  const more: [ChangeKind, string][] = [
    ['still-overdue', 'still overdue'],
    ['stalled', 'stalled'],
    ['went-back', 'gone back'],
    ['lead-changed', 'lead changed'],
    ['added', 'added'],
    ['removed', 'removed'],
  ];
  for (const [k, w] of more) if (t[k]) parts.push(t[k] + ' ' + w);
  return 'This period: ' + parts.join(', ') + '.';
}

export const COMPARE_TEXT: Record<Lang, CompareText> = {
  zh: {
    kinds: {
      done: '本期完成',
      'newly-overdue': '新增逾期',
      'still-overdue': '持续逾期',
      'deadline-later': '时限推迟',
      'deadline-earlier': '时限提前',
      'went-back': '状态倒退',
      stalled: '进展停滞',
      'lead-changed': '牵头部门变更',
      added: '新增事项',
      removed: '删除事项',
    },
    sheets: { overview: '对比总览', deadlines: '时限调整', overdue: '新增逾期', done: '本期完成', stalled: '进展停滞', addedRemoved: '增删事项', all: '全部变化' },
    titles: {
      overview: '整改进展对比总览',
      deadlines: '完成时限调整情况',
      overdue: '新增逾期和持续逾期事项',
      done: '本期完成和状态倒退事项',
      stalled: '逾期临期但进展无变化事项',
      addedRemoved: '新增和删除的整改事项',
      all: '全部变化',
    },
    columns: {
      n: GLOSSARY.zh.seq, change: '变化', seq: '台账序号', problem: GLOSSARY.zh.problem, measure: GLOSSARY.zh.measure, leadDept: GLOSSARY.zh.leadDept,
      fromDeadline: '原完成时限', fromDue: '原截止日期', toDeadline: '现完成时限', toDue: '现截止日期', shiftDays: '调整天数',
      flag: GLOSSARY.zh.flag, row: '本期行号', earlierRow: '上期行号', deadline: GLOSSARY.zh.deadline, due: GLOSSARY.zh.due, daysOverdue: GLOSSARY.zh.daysOverdue,
      earlierDaysOverdue: '上期逾期天数', earlierFlag: '上期期限状态', fromState: '上期状态', toState: '本期状态',
      progress: GLOSSARY.zh.progress, days: '逾期/剩余天数', from: '上期', to: '本期', kind: '变化类型', count: '事项数',
      metric: '项目', earlier: '上期', later: '本期', delta: '增减',
    },
    sentence: zhSentence,
    earlierLine: (file, sheet, asOf, source) => '上期：' + file + '（工作表“' + sheet + '”），按 ' + asOf + ' 判断（' + COMPARE_TEXT.zh.sources[source] + '）',
    laterLine: (file, sheet, asOf) => '本期：' + file + '（工作表“' + sheet + '”），按 ' + asOf + ' 判断',
    sources: { '--since': '--since 指定', 'filled-in': '据上期填报时间', modified: '据上期文件的修改时间', given: '在加载项中指定' },
    later: '推迟',
    earlier: '提前',
    deadline: (text, due) => (text || '（空）') + (due && due !== text ? '（' + due + '）' : ''),
    none: '（无）',
    closed: '已销号',
    reportTitle: '整改台账对比',
    more: (n) => '……另有' + n + '项，见 --json 或 --out 工作簿',
    metrics: { items: '整改措施', done: '已完成', overdue: '逾期', dueSoon: '临期', onTrack: '正常推进', longTerm: '长期坚持', noDeadline: '无期限', rate: '完成率' },
    points: (d) => (pointsOf(d) === '0.0' ? '持平' : (d > 0 ? '提高' : '下降') + pointsOf(d) + '个百分点'),
  },
  en: {
    kinds: {
      done: 'Newly done',
      'newly-overdue': 'Newly overdue',
      'still-overdue': 'Still overdue',
      'deadline-later': 'Deadline later',
      'deadline-earlier': 'Deadline earlier',
      'went-back': 'Gone back',
      stalled: 'Stalled',
      'lead-changed': 'Lead changed',
      added: 'Added',
      removed: 'Removed',
    },
    sheets: { overview: 'Comparison', deadlines: 'Moved deadlines', overdue: 'Newly overdue', done: 'Done this period', stalled: 'Stalled', addedRemoved: 'Added and removed', all: 'All changes' },
    titles: {
      overview: 'Progress since the earlier version',
      deadlines: 'Moved deadlines',
      overdue: 'Newly and still overdue',
      done: 'Done this period, and gone back',
      stalled: 'Overdue or due soon with no new progress',
      addedRemoved: 'Items added and removed',
      all: 'All changes',
    },
    columns: {
      n: GLOSSARY.en.seq, change: 'Change', seq: 'Seq', problem: GLOSSARY.en.problem, measure: GLOSSARY.en.measure, leadDept: GLOSSARY.en.leadDept,
      fromDeadline: 'Old deadline', fromDue: 'Old due date', toDeadline: 'New deadline', toDue: 'New due date', shiftDays: 'Days moved',
      flag: GLOSSARY.en.flag, row: 'Row', earlierRow: 'Earlier row', deadline: GLOSSARY.en.deadline, due: GLOSSARY.en.due, daysOverdue: GLOSSARY.en.daysOverdue,
      earlierDaysOverdue: 'Days overdue before', earlierFlag: 'Flag before', fromState: 'Status before', toState: 'Status now',
      progress: GLOSSARY.en.progress, days: 'Days overdue/left', from: 'Before', to: 'Now', kind: 'Change', count: 'Items',
      metric: 'Measure count', earlier: 'Before', later: 'Now', delta: 'Change',
    },
    sentence: enSentence,
    earlierLine: (file, sheet, asOf, source) => 'Earlier: ' + file + ' (sheet "' + sheet + '"), judged at ' + asOf + ' (' + COMPARE_TEXT.en.sources[source] + ')',
    laterLine: (file, sheet, asOf) => 'Later: ' + file + ' (sheet "' + sheet + '"), judged at ' + asOf,
    sources: { '--since': 'given by --since', 'filled-in': 'its stated filing date', modified: "the file's modified date", given: 'given in the add-in' },
    later: 'later',
    earlier: 'earlier',
    deadline: (text, due) => (text || '(blank)') + (due && due !== text ? ' (' + due + ')' : ''),
    none: '(none)',
    closed: 'Closed',
    reportTitle: 'Ledger comparison',
    more: (n) => '... ' + n + ' more: see --json or the --out workbook',
    metrics: { items: 'Measures', done: 'Done', overdue: 'Overdue', dueSoon: 'Due soon', onTrack: 'On track', longTerm: 'Long-term', noDeadline: 'No deadline', rate: 'Completion rate' },
    points: (d) => (pointsOf(d) === '0.0' ? 'unchanged' : (d > 0 ? 'up ' : 'down ') + pointsOf(d) + ' percentage points'),
  },
};
