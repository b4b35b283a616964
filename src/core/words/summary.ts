/**
 * The words of the summary workbook: sheet names, column headers, overview labels and the sentences
 * of the progress-report outline (通报提纲), in zh and en. Field names and terms come from the
 * glossary (glossary.ts), flag and state labels from labels.ts.
 * Sentences are small functions rather than "{x}" templates because some parts are left out when
 * their count is zero (a ledger with no aspect column has no "N个方面").
 */
import { GLOSSARY } from './glossary';
import { FLAG_LABELS } from './labels';
import { Lang } from '../model/result';

export type SummarySheetKey = 'overview' | 'byAspect' | 'byDept' | 'lagging' | 'findings' | 'ledger' | 'outline' | 'notice';

export type ColumnKey =
  | 'seq' | 'flag' | 'file' | 'sheet' | 'row' | 'aspect' | 'problem' | 'measure' | 'leader' | 'leadDept'
  | 'coDept' | 'owner' | 'deadline' | 'due' | 'daysOverdue' | 'daysLeft' | 'state' | 'progress'
  | 'problems' | 'measures' | 'done' | 'overdue' | 'dueSoon' | 'onTrack' | 'longTerm' | 'noDeadline'
  | 'rate' | 'severity' | 'rule' | 'cell' | 'message' | 'metric' | 'value' | 'items'
  | 'ruleId' | 'days' | 'reply' | 'others' | 'periodDone' | 'periodOverdue';

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

/** One aspect's line in 分方面进展: its counts, the rate already formatted. */
export interface AspectCounts {
  problems: number;
  measures: number;
  done: number;
  overdue: number;
  dueSoon: number;
  rate: string | null;
}

export interface SummaryText {
  sheets: Record<SummarySheetKey, string>;
  /** The printed title of each sheet (row 1). */
  sheetTitles: Record<SummarySheetKey, string>;
  columns: Record<ColumnKey, string>;
  metrics: Record<MetricKey, string>;
  title: string;
  asOf: string;
  /** The as-of line under each title, and on the right of each footer. */
  asOfLine: (iso: string) => string;
  /** The centre of every footer, in Excel's codes. */
  pageFooter: string;
  /** The centre of the 通报提纲's footer: its own page number alone, as a 公文 numbers its pages (GB/T 9704). */
  documentFooter: string;
  /** 发文单位 when --issuer is not given. */
  defaultIssuer: string;
  sourcesTitle: string;
  /** The inputs left out of the summary, and why (the CLI's summary of a folder with a bad file in it). */
  skippedTitle: string;
  skippedReason: string;
  total: string;
  /** 按牵头部门 with jointly led items: the sum of the rows, the distinct total, and the note under them. */
  deptSum: string;
  distinctTotal: string;
  jointNote: (joint: number, sum: number, distinct: number) => string;
  /** 问题数 by department: a problem whose measures several departments lead counts under each. */
  problemsNote: (sum: number, distinct: number) => string;
  /** The note row under a table: one part, or several numbered. */
  note: (parts: string[]) => string;
  /** The name of the group of items with no aspect / no lead department. */
  otherAspect: string;
  blankDept: string;
  severity: { error: string; warning: string };
  noRate: string;
  /** Writes an IsoDate the way a report does (2022年7月15日 / 2022-07-15). */
  date: (iso: string) => string;
  charts: { rateTable: string; flagsTable: string; rateTitle: string; flagsTitle: string };
  /** The one status vocabulary of the report's annex (and nowhere else different). */
  status: {
    done: string;
    closed: string;
    overdue: (days: number) => string;
    dueSoon: (days: number) => string;
    onTrack: string;
    longTerm: string;
    noDeadline: string;
  };
  report: {
    title: string;
    opening: (c: OutlineCounts) => string;
    /** 本期进展 (summary --previous): since when, and the comparison's sentence. */
    period: (since: string, sentence: string) => string;
    progressHeading: string;
    aspectLine: (n: number, name: string, c: AspectCounts) => string;
    problemsHeading: string;
    lagging: (overdue: number, dueSoon: number, dueSoonDays: number) => string;
    noLagging: string;
    laggingDepts: (depts: { name: string; overdue: number }[]) => string;
    unsettled: (noDeadline: number, basicallyDone: number) => string;
    findingErrors: (errors: number) => string;
    nextHeading: string;
    next: string;
    annexHeading: string;
    measureLine: (n: number, text: string, dept: string, status: string) => string;
  };
  heading1: (n: number, text: string) => string;
  heading2: (n: number, text: string) => string;
  /** The indents of a report paragraph and of the annex's three levels (full-width spaces in Chinese). */
  indent: { paragraph: string; annex: [string, string, string] };
  notice: {
    title: string;
    /** The title of a notice whose items are only due soon (提醒单), and the name of its sheet. */
    reminderTitle: string;
    reminderSheet: string;
    number: (year: number) => string;
    addressee: (dept: string) => string;
    sentence: (asOf: string, dept: string, overdue: number, dueSoon: number) => string;
    reply: (date: string, issuer: string) => string;
    contact: string;
    seal: (issuer: string) => string;
    /** 抄送: the leaders in charge of the items, or a blank to fill in. */
    copyTo: (names: string[]) => string;
    /** The line the department signs on receipt. */
    receipt: string;
    /** A 立行立改 item's 截止日期 when no start date was given: never the as-of date made up as one. */
    needsStart: string;
  };
}

/** A count of items by flag (a column, an overview line) is named by the flag's label. */
function flagColumns(lang: Lang) {
  const f = FLAG_LABELS[lang];
  return { done: f.done, overdue: f.overdue, dueSoon: f['due-soon'], onTrack: f['on-track'], longTerm: f['long-term'], noDeadline: f['no-deadline'] };
}

/** The columns that are fields or terms of the glossary, and the flags' columns, named as everywhere else. */
function glossaryColumns(lang: Lang) {
  const g = GLOSSARY[lang];
  return {
    ...flagColumns(lang),
    seq: g.seq, flag: g.flag, row: g.row, aspect: g.aspect, problem: g.problem, measure: g.measure, leader: g.leader,
    leadDept: g.leadDept, coDept: g.coDept, owner: g.owner, deadline: g.deadline, due: g.due, daysOverdue: g.daysOverdue,
    daysLeft: g.daysLeft, state: g.status, progress: g.progress, severity: g.severity, rule: g.rule, cell: g.cell, message: g.message,
  };
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
  sheetTitles: {
    overview: '整改台账汇总', byAspect: '整改进展情况统计表（按方面）', byDept: '整改进展情况统计表（按牵头部门）',
    lagging: '逾期及临期整改措施清单', findings: '台账检查问题清单', ledger: '整改台账汇总表',
    outline: '整改进展情况通报', notice: '整改督办单',
  },
  columns: {
    ...glossaryColumns('zh'),
    file: '来源文件', sheet: '工作表', problems: '问题数', measures: '整改措施数',
    rate: '完成率', metric: '指标',
    value: '数值', items: '整改措施数', ruleId: '规则编号', days: '逾期/剩余天数', reply: '整改进展及说明',
    others: '正常推进等',
    periodDone: '本期新完成', periodOverdue: '本期新增逾期',
  },
  metrics: {
    ...flagColumns('zh'),
    items: '整改措施总数', aspects: '方面数', problems: '问题数',
    closed: '其中：已销号', doneAwaitingClose: '其中：已完成待销号', basicallyDone: '基本完成',
    rate: '完成率', immediateItems: '立行立改：整改措施', immediateDone: '立行立改：已完成',
    immediateOverdue: '立行立改：逾期', immediateDueSoon: '立行立改：临期',
    findingErrors: '检查问题：错误', findingWarnings: '检查问题：提示',
  },
  title: '整改台账汇总',
  asOf: '截至日期',
  asOfLine: (iso) => '截至' + zhDate(iso),
  pageFooter: '第 &P 页 共 &N 页',
  documentFooter: '— &P —',
  defaultIssuer: '整改工作领导小组办公室',
  sourcesTitle: '数据来源',
  skippedTitle: '未纳入汇总的文件',
  skippedReason: '原因',
  total: '合计',
  deptSum: '各部门相加',
  distinctTotal: '合计（不重复计数）',
  jointNote: (joint, sum, distinct) =>
    joint + '项整改措施由多个部门共同牵头（如“办公室、财务处”），在每个牵头部门下各计一次，' +
    '因此“整改措施数”各部门相加为' + sum + '项，不重复计数的合计为' + distinct + '项，已完成、逾期等各列同理。',
  problemsNote: (sum, distinct) =>
    '一个问题的整改措施由多个部门牵头的，该问题在每个部门各计一次，因此“问题数”各部门相加为' + sum +
    '个，不重复计数的合计为' + distinct + '个。',
  note: (parts) => '注：' + (parts.length === 1 ? parts[0] : parts.map((p, k) => k + 1 + '.' + p).join('')),
  otherAspect: '其他',
  blankDept: '（未填写）',
  severity: { error: GLOSSARY.zh.error, warning: GLOSSARY.zh.warning },
  noRate: '—',
  date: zhDate,
  charts: {
    rateTable: '各牵头部门完成率', flagsTable: '各方面期限状态',
    rateTitle: '各牵头部门整改完成率', flagsTitle: '各方面整改措施期限状态',
  },
  status: {
    done: '已完成',
    closed: '已销号',
    overdue: (days) => '逾期' + days + '天',
    dueSoon: (days) => '临期（剩' + days + '天）',
    onTrack: '正常推进',
    longTerm: '长期坚持',
    noDeadline: '时限待明确',
  },
  report: {
    title: '整改进展情况通报',
    opening: (c) =>
      '截至' + zhDate(c.asOf) + '，共' +
      (c.aspects > 0 ? c.aspects + '个方面' : '') +
      (c.problems > 0 ? c.problems + '个问题' : '') +
      c.items + '项整改措施，已完成' + c.done + '项（其中已销号' + c.closed + '项），基本完成' +
      c.basicallyDone + '项，逾期' + c.overdue + '项' + (c.rate === null ? '' : '，完成率' + c.rate) + '。现将有关情况通报如下。',
    period: (since, sentence) => '本期进展：与上期（' + zhDate(since) + '）相比，' + sentence,
    progressHeading: '分方面进展情况',
    aspectLine: (n, name, c) =>
      '（' + chineseOrdinal(n) + '）' + name + '。' + (c.problems > 0 ? '共' + c.problems + '个问题、' : '共') +
      c.measures + '项整改措施，已完成' + c.done + '项' + (c.rate === null ? '' : '，完成率' + c.rate) +
      '；逾期' + c.overdue + '项，临期' + c.dueSoon + '项。',
    problemsHeading: '存在的问题',
    lagging: (overdue, dueSoon, days) =>
      '逾期未完成的整改措施' + overdue + '项，临期（' + days + '日内到期）' + dueSoon + '项，需加快推进。',
    noLagging: '暂无逾期和临期的整改措施。',
    laggingDepts: (depts) =>
      '逾期事项较多的牵头部门：' + depts.map((d) => d.name + d.overdue + '项').join('、') + '。',
    unsettled: (noDeadline, basicallyDone) =>
      [noDeadline > 0 ? noDeadline + '项整改措施完成时限待明确' : '', basicallyDone > 0 ? basicallyDone + '项基本完成、尚未完成整改' : '']
        .filter((x) => x !== '').join('，') + '。',
    findingErrors: (errors) => '台账检查发现' + errors + '处错误，请各牵头部门核实更正。',
    nextHeading: '下一步工作',
    next:
      '各牵头部门要对照整改台账逐项推进：对已逾期的整改措施立即整改，并书面说明逾期原因；对临期事项倒排工期、' +
      '抓紧推进，确保按期完成；已完成的整改措施要及时报送佐证材料，按程序申请销号；长期坚持的整改措施要定期报告进展，巩固整改成效。',
    annexHeading: '附件：整改措施完成情况',
    measureLine: (n, text, dept, status) => n + '.' + text + (dept ? '（' + dept + '）' : '') + '【' + status + '】',
  },
  heading1: (n, text) => chineseOrdinal(n) + '、' + text,
  heading2: (n, text) => '（' + chineseOrdinal(n) + '）' + text,
  indent: { paragraph: '\u3000\u3000', annex: ['', '\u3000\u3000', '\u3000\u3000\u3000\u3000'] },
  notice: {
    title: '整改' + GLOSSARY.zh.notice,
    reminderTitle: '整改' + GLOSSARY.zh.reminder,
    reminderSheet: GLOSSARY.zh.reminder,
    number: (year) => '〔' + year + '〕第__号',
    addressee: (dept) => dept + '：',
    sentence: (asOf, dept, overdue, dueSoon) =>
      '截至' + zhDate(asOf) + '，' + dept + '牵头的整改措施中，' +
      [overdue > 0 ? '有' + overdue + '项已逾期，请立即整改并说明原因' : '',
        dueSoon > 0 ? (overdue > 0 ? '' : '有') + dueSoon + '项即将到期，请抓紧推进，确保按期完成' : ''].filter((x) => x !== '').join('；') + '。',
    reply: (date, issuer) => '请于' + date + '前将整改进展及说明（填入上表最后一列）报送' + issuer + '。',
    contact: '联系人：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000联系电话：',
    seal: (issuer) => issuer,
    copyTo: (names) => '抄送：' + names.join('、'),
    receipt: '签收人：\u3000\u3000\u3000\u3000\u3000\u3000\u3000\u3000签收时间：\u3000\u3000\u3000\u3000年\u3000\u3000月\u3000\u3000日',
    needsStart: '待定（需起始日）',
  },
};

function plural(n: number, one: string, many: string): string {
  return n + ' ' + (n === 1 ? one : many);
}

const EN: SummaryText = {
  sheets: {
    overview: 'Overview', byAspect: 'By aspect', byDept: 'By department', lagging: 'Overdue & due soon',
    findings: 'Findings', ledger: 'Consolidated ledger', outline: 'Report outline', notice: 'Notice',
  },
  sheetTitles: {
    overview: 'Rectification ledger summary', byAspect: 'Progress by aspect', byDept: 'Progress by lead department',
    lagging: 'Overdue and due-soon measures', findings: 'Ledger check findings', ledger: 'Consolidated ledger',
    outline: 'Rectification progress report', notice: 'Rectification supervision notice',
  },
  columns: {
    ...glossaryColumns('en'),
    file: 'Source file', sheet: 'Sheet', problems: 'Problems', measures: 'Measures', rate: 'Completion rate',
    metric: 'Metric', value: 'Value',
    items: 'Measures', ruleId: 'Rule id', days: 'Days overdue / left', reply: 'Progress and explanation',
    others: 'On track etc.',
    periodDone: 'Done this period', periodOverdue: 'Newly overdue',
  },
  metrics: {
    ...flagColumns('en'),
    items: 'Measures', aspects: 'Aspects', problems: 'Problems',
    closed: 'of which closed', doneAwaitingClose: 'of which done, awaiting close-out',
    basicallyDone: 'Basically done', rate: 'Completion rate',
    immediateItems: 'Immediate: measures', immediateDone: 'Immediate: done',
    immediateOverdue: 'Immediate: overdue', immediateDueSoon: 'Immediate: due soon',
    findingErrors: 'Findings: errors', findingWarnings: 'Findings: warnings',
  },
  title: 'Rectification ledger summary',
  asOf: 'As of',
  asOfLine: (iso) => 'As of ' + iso,
  pageFooter: 'Page &P of &N',
  documentFooter: '— &P —',
  defaultIssuer: 'Rectification Office',
  sourcesTitle: 'Sources',
  skippedTitle: 'Files left out of this summary',
  skippedReason: 'Why',
  total: 'Total',
  deptSum: 'Sum of departments',
  distinctTotal: 'Total (each counted once)',
  jointNote: (joint, sum, distinct) =>
    plural(joint, 'measure is', 'measures are') + ' led jointly by several departments and counted under each ' +
    'of them, so the departments add up to ' + sum + ' measures while the distinct total is ' + distinct +
    '; the same holds for done, overdue and the other columns.',
  problemsNote: (sum, distinct) =>
    'A problem whose measures several departments lead counts once under each of them, so the departments add up to ' +
    plural(sum, 'problem', 'problems') + ' while the distinct total is ' + distinct + '.',
  note: (parts) => (parts.length === 1 ? 'Note: ' + parts[0] : 'Notes: ' + parts.map((p, k) => k + 1 + '. ' + p).join(' ')),
  otherAspect: 'Other',
  blankDept: '(blank)',
  severity: { error: GLOSSARY.en.error, warning: GLOSSARY.en.warning },
  noRate: '—',
  date: (iso) => iso,
  charts: {
    rateTable: 'Completion rate by lead department', flagsTable: 'Deadline status by aspect',
    rateTitle: 'Completion rate by lead department', flagsTitle: 'Deadline status of measures by aspect',
  },
  status: {
    done: 'Done',
    closed: 'Closed',
    overdue: (days) => 'Overdue ' + plural(days, 'day', 'days'),
    dueSoon: (days) => 'Due soon (' + plural(days, 'day', 'days') + ' left)',
    onTrack: 'On track',
    longTerm: 'Long-term',
    noDeadline: 'Deadline to be set',
  },
  report: {
    title: 'Rectification progress report',
    opening: (c) => {
      const scope = [c.aspects > 0 ? plural(c.aspects, 'aspect', 'aspects') : '',
        c.problems > 0 ? plural(c.problems, 'problem', 'problems') : '',
        plural(c.items, 'measure', 'measures')].filter((s) => s !== '');
      return 'As of ' + c.asOf + ': ' + scope.join(', ') + '; ' + c.done + ' done (' + c.closed + ' closed), ' +
        c.basicallyDone + ' basically done, ' + c.overdue + ' overdue' +
        (c.rate === null ? '' : '; completion rate ' + c.rate) + '.';
    },
    period: (since, sentence) => 'Since the earlier version (' + since + '): ' + sentence.replace(/^This period: /, ''),
    progressHeading: 'Progress by aspect',
    aspectLine: (n, name, c) =>
      '(' + n + ') ' + name + ': ' + (c.problems > 0 ? plural(c.problems, 'problem', 'problems') + ', ' : '') +
      plural(c.measures, 'measure', 'measures') + ', ' + c.done + ' done' + (c.rate === null ? '' : ' (' + c.rate + ')') +
      '; ' + c.overdue + ' overdue, ' + c.dueSoon + ' due soon.',
    problemsHeading: 'Problems',
    lagging: (overdue, dueSoon, days) =>
      plural(overdue, 'measure is', 'measures are') + ' overdue and ' + dueSoon + ' due within ' + days + ' days.',
    noLagging: 'No measure is overdue or due soon.',
    laggingDepts: (depts) => 'Lead departments with the most overdue measures: ' + depts.map((d) => d.name + ' (' + d.overdue + ')').join(', ') + '.',
    unsettled: (noDeadline, basicallyDone) =>
      [noDeadline > 0 ? plural(noDeadline, 'measure has', 'measures have') + ' no deadline yet' : '',
        basicallyDone > 0 ? basicallyDone + ' basically done but not finished' : ''].filter((x) => x !== '').join('; ') + '.',
    findingErrors: (errors) => 'The check found ' + plural(errors, 'error', 'errors') + ' in the ledgers (see Findings).',
    nextHeading: 'Next steps',
    next:
      'Lead departments rectify overdue measures at once and explain the delay in writing; press ahead with those due ' +
      'soon; send evidence for finished measures and apply for close-out; report progress on long-term measures regularly.',
    annexHeading: 'Annex: measures and their status',
    measureLine: (n, text, dept, status) => n + '. ' + text + (dept ? ' (' + dept + ')' : '') + ' [' + status + ']',
  },
  heading1: (n, text) => romanOrdinal(n) + '. ' + text,
  heading2: (n, text) => '(' + n + ') ' + text,
  indent: { paragraph: '', annex: ['', '  ', '    '] },
  notice: {
    title: 'Rectification supervision notice',
    reminderTitle: 'Rectification reminder',
    reminderSheet: GLOSSARY.en.reminder,
    number: (year) => 'No. __/' + year,
    addressee: (dept) => dept + ':',
    sentence: (asOf, dept, overdue, dueSoon) =>
      'As of ' + asOf + ', of the measures led by ' + dept + ', ' +
      [overdue > 0 ? overdue + ' ' + (overdue === 1 ? 'is' : 'are') + ' overdue: rectify at once and explain the delay' : '',
        dueSoon > 0 ? dueSoon + ' ' + (dueSoon === 1 ? 'is' : 'are') + ' due soon: press ahead to finish on time' : ''].filter((x) => x !== '').join('; ') + '.',
    reply: (date, issuer) => 'Please report progress (in the last column above) to ' + issuer + ' by ' + date + '.',
    contact: 'Contact:                Tel:',
    seal: (issuer) => issuer,
    copyTo: (names) => 'Copy to: ' + names.join(', '),
    receipt: 'Received by:                        Date:',
    needsStart: 'To be set (needs the start date)',
  },
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
