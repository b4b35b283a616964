/**
 * zh-CN and en-US strings of the check engine and its reports, on the glossary (glossary.ts) of
 * terms and field names. The summary sheets keep their own table in summary-i18n.ts; flag and state
 * labels live in labels.ts.
 */
import { format } from '../text/format';
import { Lang, RuleId } from '../model/result';

const STRINGS = {
  zh: {
    // findings
    'deadline-missing': '未填写完成时限。',
    'deadline-unparsed': '无法识别完成时限“{text}”，请写成如“2022年6月底前”“立行立改”“长期坚持”的形式。',
    'deadline-unparsed.impossible': '完成时限“{text}”不是有效的日期（如2月30日、13月、第5季度），请更正。',
    'deadline-unparsed.ambiguous': '完成时限“{text}”的日、月顺序无法确定，请写成如“2022年6月30日”的形式。',
    'deadline-unparsed.starts-at': '完成时限“{text}”写的是开始时间（以后、之后、起），不是完成时限，请写明何时完成。',
    'deadline-pending': '完成时限待定（“{text}”），请确定后填写完成时限。',
    'deadline-needs-start': '完成时限“{text}”从整改起始日期起算，未提供起始日期，无法确定截止日期。',
    'deadline-needs-start.immediate': '立行立改的截止日期为整改起始日期后{days}天，请提供整改起始日期。',
    'start-missing': '{count}项整改措施的完成时限从整改起始日期起算（如“反馈后1个月内”“立行立改”），但未提供起始日期：请用 --start YYYY-MM-DD 指定（在任务窗格中填写“整改起始日期”）。',
    'lead-dept-missing': '未填写牵头部门。',
    'measure-missing': '未填写整改措施。',
    'duplicate-seq': '序号“{seq}”与第{other}行重复。',
    'deadline-before-start': '完成时限 {due} 早于整改起始日 {start}。',
    'completed-late': '完成时间 {done} 晚于完成时限 {due}（超期{days}天完成）。',
    'done-without-evidence': '已标记完成，但{field}为空。',
    'long-term-no-progress': '长期坚持事项未填写整改进展。',
    'status-unknown': '无法识别完成状态“{text}”。',
    'status-words-unknown':
      '{count}项事项的完成状态无法识别：{words}。这些事项仍按完成时限标注期限状态。如这些词表示完成或销号，请在工作目录的 taizhang.json（或 --config 指定的文件）中写明，例如 {"status": {"done": ["{example}"]}}；在任务窗格中可在“识别设置”中逐个选择。',
    'status-words-more': '等{count}个词',
    'column-missing': '台账中没有“{column}”列，相关检查已跳过。',
    'problem-without-measure': '问题（序号{seq}）在任务清单中没有对应的整改措施。',
    'measure-unknown-problem': '问题序号“{ref}”在问题清单中不存在。',
    'measure-no-problem-ref': '未填写对应的问题序号。',
    'measure-without-responsibility': '整改措施（序号{seq}）在责任清单中没有责任人。',
    'responsibility-unknown-measure': '任务序号“{ref}”在任务清单中不存在。',
    'lead-dept-not-in-roster': '牵头部门“{name}”不在{roster}中。',
    'lead-dept-not-in-roster-hint': '牵头部门“{name}”不在{roster}中，是否应为“{nearest}”？',
    // annotation notes
    'note.immediate': '立行立改：按整改起始日起算，{due}前完成',
    'note.immediate-no-start': '立行立改：未提供整改起始日，按检查日计',
    // report
  },
  en: {
    'deadline-missing': 'The deadline is blank.',
    'deadline-unparsed': 'The deadline "{text}" cannot be read. Write it like "2022-06-30", "end of June 2022", "immediately" or "ongoing".',
    'deadline-unparsed.impossible': 'The deadline "{text}" is not a real date (such as February 30, month 13 or a 5th quarter). Correct it.',
    'deadline-unparsed.ambiguous': 'The deadline "{text}" does not say which number is the day and which the month. Write it like "2022-06-30".',
    'deadline-unparsed.starts-at': 'The deadline "{text}" states when the work starts ("after", "from"), not when it is due. Write when it is to be done.',
    'deadline-pending': 'The deadline is still to be decided ("{text}"). Fill in the deadline once it is set.',
    'deadline-needs-start': 'The deadline "{text}" counts from the start date, and no start date was given: it has no due date.',
    'deadline-needs-start.immediate': 'An immediate item is due {days} days after the start date: give the start date.',
    'start-missing': '{count} measures have deadlines counted from the start date (such as "within 1 month of feedback" or "immediately"), but no start date was given: give it with --start YYYY-MM-DD (the start date field in the task pane).',
    'lead-dept-missing': 'The lead department is blank.',
    'measure-missing': 'The measure is blank.',
    'duplicate-seq': 'No. "{seq}" repeats row {other}.',
    'deadline-before-start': 'The deadline {due} is before the start date {start}.',
    'completed-late': 'Completed on {done}, after the deadline {due} ({days} days late).',
    'done-without-evidence': 'Marked done, but the {field} is blank.',
    'long-term-no-progress': 'A long-term item has no progress recorded.',
    'status-unknown': 'The status "{text}" is not recognized.',
    'status-words-unknown':
      'The status of {count} items is not recognized: {words}. These items keep the flag their deadline gives. To say what the words mean, list them in taizhang.json in the working folder (or the file given with --config), e.g. {"status": {"done": ["{example}"]}}; in the task pane, choose a meaning for each under "Teach words".',
    'status-words-more': 'and {count} more',
    'column-missing': 'The ledger has no "{column}" column; the checks that need it were skipped.',
    'problem-without-measure': 'Problem No. {seq} has no measure in the task list.',
    'measure-unknown-problem': 'Problem No. "{ref}" does not exist in the problem list.',
    'measure-no-problem-ref': 'The problem No. this measure serves is blank.',
    'measure-without-responsibility': 'Measure No. {seq} has no row in the responsibility list.',
    'responsibility-unknown-measure': 'Task No. "{ref}" does not exist in the task list.',
    'lead-dept-not-in-roster': 'Lead department "{name}" is not on the list in {roster}.',
    'lead-dept-not-in-roster-hint': 'Lead department "{name}" is not on the list in {roster}. Did you mean "{nearest}"?',
    'note.immediate': 'Immediate: counted from the start date, due {due}',
    'note.immediate-no-start': 'Immediate: no start date given, judged as of the check date',
  },
};

export type StringKey = keyof typeof STRINGS.zh;

const plain: { [key: string]: string } = {};

export function t(lang: Lang, key: StringKey, params?: Record<string, string | number>): string {
  if (params) return format(STRINGS[lang][key], params);
  // Messages without parameters repeat on thousands of rows: format each once.
  const k = lang + key;
  return plain[k] || (plain[k] = format(STRINGS[lang][key], {}));
}

/**
 * The check rules by name, for people: every sheet and report shows these, and keeps the rule id
 * (the JSON's `rule`) only in a last, narrow column. An id without a name here is shown as itself.
 */
const RULE_NAMES: Record<Lang, Record<RuleId, string>> = {
  zh: {
    'deadline-missing': '未填完成时限',
    'deadline-unparsed': '完成时限无法识别',
    'lead-dept-missing': '未填牵头部门',
    'measure-missing': '未填整改措施',
    'duplicate-seq': '序号重复',
    'deadline-before-start': '时限早于整改起始日',
    'completed-late': '超期完成',
    'done-without-evidence': '已完成但无佐证',
    'long-term-no-progress': '长期事项无进展',
    'deadline-needs-start': '时限需整改起始日',
    'deadline-pending': '完成时限待定',
    'start-missing': '未提供整改起始日',
    'status-unknown': '完成状态无法识别',
    'status-words-unknown': '完成状态用词无法识别',
    'column-missing': '缺少台账列',
    'problem-without-measure': '问题无整改措施',
    'measure-unknown-problem': '措施对应问题不存在',
    'measure-without-responsibility': '措施无责任人',
    'responsibility-unknown-measure': '责任对应措施不存在',
    'lead-dept-not-in-roster': '牵头部门不在名单中',
  },
  en: {
    'deadline-missing': 'Deadline blank',
    'deadline-unparsed': 'Deadline unreadable',
    'lead-dept-missing': 'Lead department blank',
    'measure-missing': 'Measure blank',
    'duplicate-seq': 'Duplicate No.',
    'deadline-before-start': 'Deadline before start',
    'completed-late': 'Completed late',
    'done-without-evidence': 'Done without evidence',
    'long-term-no-progress': 'Long-term, no progress',
    'deadline-needs-start': 'Deadline needs the start date',
    'deadline-pending': 'Deadline to be set',
    'start-missing': 'No start date given',
    'status-unknown': 'Status unreadable',
    'status-words-unknown': 'Status words not recognized',
    'column-missing': 'Column missing',
    'problem-without-measure': 'Problem without measure',
    'measure-unknown-problem': 'Unknown problem No.',
    'measure-without-responsibility': 'Measure without owner',
    'responsibility-unknown-measure': 'Unknown task No.',
    'lead-dept-not-in-roster': 'Lead department not on the list',
  },
};

export function ruleName(lang: Lang, rule: string): string {
  return Object.prototype.hasOwnProperty.call(RULE_NAMES[lang], rule) ? RULE_NAMES[lang][rule as RuleId] : rule;
}
