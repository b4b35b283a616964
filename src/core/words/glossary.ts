/**
 * The one glossary of the project's terms and field names in zh and en, and the one formatter of
 * "{name}" templates. Each surface keeps its own table of sentences (i18n.ts for findings and the
 * report, errors.ts, summary-i18n.ts, compare-i18n.ts, the CLI's messages.ts, the pane's strings.ts)
 * and takes these words from here, so that a field or a term reads the same on every surface.
 * Flag and state labels are labels.ts. The words a header is recognized by are fields.ts
 * FIELD_SYNONYMS (a user's wording, not ours), and the labels of the added columns ADDED_LABELS
 * (written into users' sheets and recognized there on a re-run, so never reworded).
 */
import { FieldKey } from '../model/ledger';
import { Lang } from '../model/result';

/** The terms besides the fields: what every list of items and findings calls its columns. */
export type TermKey = 'flag' | 'due' | 'daysLeft' | 'daysOverdue' | 'row' | 'cell' | 'severity' | 'error' | 'warning' | 'rule' | 'message'
  // The two notices: 督办单 where anything is overdue, 提醒单 where items are only due soon.
  | 'notice' | 'reminder';

export type GlossaryKey = FieldKey | TermKey;

export const GLOSSARY: Record<Lang, Record<GlossaryKey, string>> = {
  zh: {
    seq: '序号',
    aspect: '方面',
    problem: '存在问题',
    requirement: '整改要求',
    measure: '整改措施',
    leader: '责任领导',
    leadDept: '牵头部门',
    coDept: '配合部门',
    owner: '责任人',
    deadline: '完成时限',
    progress: '整改进展',
    status: '完成状态',
    doneDate: '完成时间',
    closeOut: '销号情况',
    evidence: '佐证材料',
    notes: '备注',
    problemRef: '问题序号',
    taskRef: '任务序号',
    flag: '期限状态',
    due: '截止日期',
    daysLeft: '剩余天数',
    daysOverdue: '逾期天数',
    row: '行号',
    cell: '单元格',
    severity: '级别',
    error: '错误',
    warning: '提示',
    rule: '规则',
    message: '说明',
    notice: '督办单',
    reminder: '提醒单',
  },
  en: {
    seq: 'No.',
    aspect: 'Aspect',
    problem: 'Problem',
    requirement: 'Requirement',
    measure: 'Measure',
    leader: 'Leader',
    leadDept: 'Lead department',
    coDept: 'Supporting department',
    owner: 'Owner',
    deadline: 'Deadline',
    progress: 'Progress',
    status: 'Status',
    doneDate: 'Completed on',
    closeOut: 'Close-out',
    evidence: 'Evidence',
    notes: 'Notes',
    problemRef: 'Problem ref',
    taskRef: 'Task ref',
    flag: 'Deadline status',
    due: 'Due date',
    daysLeft: 'Days left',
    daysOverdue: 'Days overdue',
    row: 'Row',
    cell: 'Cell',
    severity: 'Severity',
    error: 'Error',
    warning: 'Warning',
    rule: 'Rule',
    message: 'Message',
    notice: 'Supervision notice',
    reminder: 'Reminder',
  },
};

/** A field's or term's name, as a heading or label. */
export function term(lang: Lang, key: GlossaryKey): string {
  return GLOSSARY[lang][key];
}

/** The same name inside a sentence: "the progress is blank" in English, 整改进展 in Chinese. */
export function termInText(lang: Lang, key: GlossaryKey): string {
  return lang === 'en' ? GLOSSARY.en[key].toLowerCase() : GLOSSARY.zh[key];
}
