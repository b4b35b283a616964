/**
 * The words of the summary workbook: sheet names, column headers, overview labels and the sentences
 * of the progress-report outline (通报提纲), in zh and en. Flag and state labels live in labels.ts.
 * Sentences are small functions rather than "{x}" templates because some parts are left out when
 * their count is zero (a ledger with no aspect column has no "N个方面").
 */
import { Lang } from './types';

export type SummarySheetKey = 'overview' | 'byAspect' | 'byDept' | 'lagging' | 'findings' | 'ledger' | 'outline' | 'notice';

export type ColumnKey =
  | 'seq' | 'flag' | 'file' | 'sheet' | 'row' | 'aspect' | 'problem' | 'measure' | 'leader' | 'leadDept'
  | 'coDept' | 'owner' | 'deadline' | 'due' | 'daysOverdue' | 'daysLeft' | 'state' | 'progress'
  | 'problems' | 'measures' | 'done' | 'overdue' | 'dueSoon' | 'onTrack' | 'longTerm' | 'noDeadline'
  | 'rate' | 'severity' | 'rule' | 'cell' | 'message' | 'metric' | 'value' | 'items';

export type MetricKey =
  | 'items' | 'aspects' | 'problems' | 'done' | 'closed' | 'doneAwaitingClose' | 'basicallyDone'
  | 'overdue' | 'dueSoon' | 'onTrack' | 'longTerm' | 'noDeadline' | 'rate'
  | 'immediateItems' | 'immediateDone' | 'immediateOverdue' | 'immediateDueSoon'
  | 'findingErrors' | 'findingWarnings';

export interface OutlineCounts {
  asOf: string;
  aspects: number;
  problems: number;
  items: number;
  done: number;
  closed: number;
  basicallyDone: number;
  overdue: number;
  /** Already formatted, e.g. "38.5%"; null when there are no items. */
  rate: string | null;
}

export interface SummaryText {
  sheets: Record<SummarySheetKey, string>;
  columns: Record<ColumnKey, string>;
  metrics: Record<MetricKey, string>;
  title: string;
  asOf: string;
  sourcesTitle: string;
  total: string;
  /** The name of the group of items with no aspect / no lead department. */
  otherAspect: string;
  blankDept: string;
  severity: { error: string; warning: string };
  noRate: string;
  /** Writes an IsoDate the way a report does (2022年7月15日 / 2022-07-15). */
  date: (iso: string) => string;
  aspectHeading: (n: number, text: string) => string;
  problemHeading: (n: number, text: string) => string;
  measureLine: (n: number, text: string, marker: string) => string;
  outlineOpening: (c: OutlineCounts) => string;
  markers: {
    done: string;
    closed: string;
    basicallyDone: string;
    inProgress: string;
    longTerm: string;
    noDeadline: string;
    overdue: (days: number, dept: string) => string;
    dueSoon: (days: number) => string;
  };
  noticeTitle: string;
  noticeDept: (dept: string) => string;
  noticeSentence: (asOf: string, overdue: number, dueSoon: number) => string;
}

const CN_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 -> 一, 10 -> 十, 11 -> 十一, 21 -> 二十一; 100 and above stay Arabic. */
export function chineseOrdinal(n: number): string {
  if (n < 1 || n > 99 || n !== Math.floor(n)) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const head = tens === 0 ? '' : (tens === 1 ? '' : CN_DIGITS[tens]) + '十';
  return head + (ones === 0 ? '' : CN_DIGITS[ones]);
}

/** 1 -> I, 4 -> IV, 12 -> XII. */
export function romanOrdinal(n: number): string {
  const table: [number, string][] = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  let left = n;
  for (const [value, sym] of table) {
    while (left >= value) { out += sym; left -= value; }
  }
  return out || String(n);
}

function zhDate(iso: string): string {
  return +iso.slice(0, 4) + '年' + +iso.slice(5, 7) + '月' + +iso.slice(8, 10) + '日';
}

const ZH: SummaryText = {
  sheets: {
    overview: '总览', byAspect: '按方面', byDept: '按牵头部门', lagging: '逾期临期',
    findings: '检查问题', ledger: '汇总台账', outline: '通报提纲', notice: '督办单',
  },
  columns: {
    seq: '序号', flag: '期限状态', file: '来源文件', sheet: '工作表', row: '行号', aspect: '方面',
    problem: '存在问题', measure: '整改措施', leader: '责任领导', leadDept: '牵头部门', coDept: '配合部门',
    owner: '责任人', deadline: '完成时限', due: '截止日期', daysOverdue: '逾期天数', daysLeft: '剩余天数',
    state: '完成状态', progress: '整改进展', problems: '问题数', measures: '整改措施数', done: '已完成',
    overdue: '逾期', dueSoon: '临期', onTrack: '正常推进', longTerm: '长期坚持', noDeadline: '无期限',
    rate: '完成率', severity: '级别', rule: '规则', cell: '单元格', message: '说明', metric: '指标',
    value: '数值', items: '整改措施数',
  },
  metrics: {
    items: '整改措施总数', aspects: '方面数', problems: '问题数', done: '已完成',
    closed: '其中：已销号', doneAwaitingClose: '其中：已完成待销号', basicallyDone: '基本完成',
    overdue: '逾期', dueSoon: '临期', onTrack: '正常推进', longTerm: '长期坚持', noDeadline: '无期限',
    rate: '完成率', immediateItems: '立行立改：整改措施', immediateDone: '立行立改：已完成',
    immediateOverdue: '立行立改：逾期', immediateDueSoon: '立行立改：临期',
    findingErrors: '检查问题：错误', findingWarnings: '检查问题：警告',
  },
  title: '整改台账汇总',
  asOf: '截至日期',
  sourcesTitle: '数据来源',
  total: '合计',
  otherAspect: '其他',
  blankDept: '（未填写）',
  severity: { error: '错误', warning: '警告' },
  noRate: '—',
  date: zhDate,
  aspectHeading: (n, text) => chineseOrdinal(n) + '、' + text,
  problemHeading: (n, text) => '（' + chineseOrdinal(n) + '）' + text,
  measureLine: (n, text, marker) => n + '.' + text + marker,
  outlineOpening: (c) =>
    '截至' + zhDate(c.asOf) + '，共' +
    (c.aspects > 0 ? c.aspects + '个方面' : '') +
    (c.problems > 0 ? c.problems + '个问题' : '') +
    c.items + '项整改措施，已完成' + c.done + '项（其中已销号' + c.closed + '项），基本完成' +
    c.basicallyDone + '项，逾期' + c.overdue + '项' + (c.rate === null ? '' : '，完成率' + c.rate) + '。',
  markers: {
    done: '【已完成】',
    closed: '【已销号】',
    basicallyDone: '【基本完成】',
    inProgress: '【推进中】',
    longTerm: '【长期坚持】',
    noDeadline: '【无期限】',
    overdue: (days, dept) => '【逾期' + days + '天' + (dept ? '，牵头部门：' + dept : '') + '】',
    dueSoon: (days) => '【临期，剩余' + days + '天】',
  },
  noticeTitle: '整改督办单',
  noticeDept: (dept) => '牵头部门：' + dept,
  noticeSentence: (asOf, overdue, dueSoon) =>
    '截至' + zhDate(asOf) + '，贵单位牵头的整改措施中，逾期' + overdue + '项，临期' + dueSoon +
    '项。请抓紧推进，按期完成整改并及时报送进展。',
};

function plural(n: number, one: string, many: string): string {
  return n + ' ' + (n === 1 ? one : many);
}

const EN: SummaryText = {
  sheets: {
    overview: 'Overview', byAspect: 'By aspect', byDept: 'By department', lagging: 'Overdue & due soon',
    findings: 'Findings', ledger: 'Consolidated ledger', outline: 'Report outline', notice: 'Notice',
  },
  columns: {
    seq: 'No.', flag: 'Deadline status', file: 'Source file', sheet: 'Sheet', row: 'Row', aspect: 'Aspect',
    problem: 'Problem', measure: 'Measure', leader: 'Leader', leadDept: 'Lead department',
    coDept: 'Supporting department', owner: 'Owner', deadline: 'Deadline', due: 'Due date',
    daysOverdue: 'Days overdue', daysLeft: 'Days left', state: 'Status', progress: 'Progress',
    problems: 'Problems', measures: 'Measures', done: 'Done', overdue: 'Overdue', dueSoon: 'Due soon',
    onTrack: 'On track', longTerm: 'Long-term', noDeadline: 'No deadline', rate: 'Completion rate',
    severity: 'Severity', rule: 'Rule', cell: 'Cell', message: 'Message', metric: 'Metric', value: 'Value',
    items: 'Measures',
  },
  metrics: {
    items: 'Measures', aspects: 'Aspects', problems: 'Problems', done: 'Done',
    closed: 'of which closed', doneAwaitingClose: 'of which done, awaiting close-out',
    basicallyDone: 'Basically done', overdue: 'Overdue', dueSoon: 'Due soon', onTrack: 'On track',
    longTerm: 'Long-term', noDeadline: 'No deadline', rate: 'Completion rate',
    immediateItems: 'Immediate: measures', immediateDone: 'Immediate: done',
    immediateOverdue: 'Immediate: overdue', immediateDueSoon: 'Immediate: due soon',
    findingErrors: 'Findings: errors', findingWarnings: 'Findings: warnings',
  },
  title: 'Rectification ledger summary',
  asOf: 'As of',
  sourcesTitle: 'Sources',
  total: 'Total',
  otherAspect: 'Other',
  blankDept: '(blank)',
  severity: { error: 'Error', warning: 'Warning' },
  noRate: '—',
  date: (iso) => iso,
  aspectHeading: (n, text) => romanOrdinal(n) + '. ' + text,
  problemHeading: (n, text) => '(' + n + ') ' + text,
  measureLine: (n, text, marker) => n + '. ' + text + ' ' + marker,
  outlineOpening: (c) => {
    const scope = [c.aspects > 0 ? plural(c.aspects, 'aspect', 'aspects') : '',
      c.problems > 0 ? plural(c.problems, 'problem', 'problems') : '',
      plural(c.items, 'measure', 'measures')].filter((s) => s !== '');
    return 'As of ' + c.asOf + ': ' + scope.join(', ') + '; ' + c.done + ' done (' + c.closed + ' closed), ' +
      c.basicallyDone + ' basically done, ' + c.overdue + ' overdue' +
      (c.rate === null ? '' : '; completion rate ' + c.rate) + '.';
  },
  markers: {
    done: '[Done]',
    closed: '[Closed]',
    basicallyDone: '[Basically done]',
    inProgress: '[In progress]',
    longTerm: '[Long-term]',
    noDeadline: '[No deadline]',
    overdue: (days, dept) => '[Overdue ' + plural(days, 'day', 'days') + (dept ? ', lead: ' + dept : '') + ']',
    dueSoon: (days) => '[Due soon, ' + plural(days, 'day', 'days') + ' left]',
  },
  noticeTitle: 'Rectification supervision notice',
  noticeDept: (dept) => 'Lead department: ' + dept,
  noticeSentence: (asOf, overdue, dueSoon) =>
    'As of ' + asOf + ', of the measures your department leads, ' + overdue + ' are overdue and ' + dueSoon +
    ' are due soon. Please complete them on time and report progress.',
};

export const SUMMARY_TEXT: Record<Lang, SummaryText> = { zh: ZH, en: EN };

/** The sheets summarySheets writes (the 督办单 goes to its own workbook, never into a ledger's). */
export const SUMMARY_SHEET_KEYS: SummarySheetKey[] = ['overview', 'byAspect', 'byDept', 'lagging', 'findings', 'ledger', 'outline'];

/** The names of those sheets in both languages: hosts recognize an earlier 生成汇总 by them. */
export function summarySheetNames(): string[] {
  const names: string[] = [];
  (['zh', 'en'] as Lang[]).forEach((lang) => SUMMARY_SHEET_KEYS.forEach((k) => names.push(SUMMARY_TEXT[lang].sheets[k])));
  return names;
}
