/**
 * Canonical fields and the header texts seen for them in real ledgers (DOMAIN.md, "Header variants").
 * To support a new variant, add it to the list: matching is by normalized exact text first, then by
 * the longest synonym contained in a short header cell.
 */
import { FieldKey } from './types';

/** The first entry of each list is the field's display name in Chinese. */
export const FIELD_SYNONYMS: Record<FieldKey, string[]> = {
  seq: ['序号', '编号', '问题编号', '督办序号', '序', '顺序号', 'no', 'no.', '#', 'item', 'ref', 'id', 'number'],
  aspect: ['问题类别', '问题类型', '类别', '工作类别', '问题来源', '方面', '问题方面', '类型', 'category', 'area', 'theme', 'source'],
  problem: [
    '存在问题', '问题', '问题表现', '问题表述', '具体问题表述', '问题详情', '问题内容', '反馈问题', '跟踪督办事项',
    '隐患问题描述', '主要问题', '问题描述', '存在的问题', '巡视反馈问题', '巡察反馈问题', '审计发现问题', '督查发现问题',
    'finding', 'issue', 'problem', 'observation', 'issue description',
  ],
  requirement: ['整改要求', '有关要求', '审计建议（意见）', '审计建议', '审计意见', '整改目标要求', 'recommendation', 'requirement'],
  measure: [
    '整改措施', '整改任务', '具体措施', '细化的整改措施', '具体的措施（目标）', '整改目标', '措施', '具体整改措施',
    '整改举措', '任务内容', 'action', 'corrective action', 'action plan', 'measure', 'remediation',
  ],
  leader: ['责任领导', '牵头领导', '分管领导', '整改第一责任人', '领导', '责任校领导', '包保领导', 'responsible leader', 'sponsor', 'executive'],
  leadDept: [
    '牵头部门', '牵头单位', '责任部门', '责任单位', '整改责任单位', '具体责任单位', '所属部门', '整改牵头单位', '牵头处室',
    '责任处室', '主责部门', '承办单位', '责任科室', 'department', 'dept', 'lead department', 'responsible unit', 'unit',
  ],
  coDept: ['配合部门', '配合单位', '协办单位', '配合单位或部门', '协同部门', '参与部门', '配合处室', 'supporting department', 'support'],
  owner: ['责任人', '整改责任人', '具体责任人', '整改人', '经办人', '联系人', 'owner', 'responsible', 'assignee', 'person responsible'],
  deadline: [
    '完成时限', '完成期限', '整改时限', '整改期限', '计划完成时间', '预计完成时间', '截止时间', '目标节点或完成时限', '时限',
    '时间节点', '完成时限要求', '整改完成时限', '办结时限', 'due date', 'target date', 'deadline', 'due', 'target completion date',
  ],
  progress: [
    '整改进展', '进展情况', '整改情况', '落实情况', '完成情况', '已采取的整改措施', '整改落实情况', '整改进展情况', '进展',
    '推进情况', 'progress', 'notes on progress', 'update', 'comments', 'progress/notes',
  ],
  status: ['完成状态', '整改状态', '状态', '是否完成', '是否整改完成', '办理状态', 'status', 'state'],
  doneDate: ['完成时间', '整改完成时间', '整改到位时间', '落实时间', '实际完成时间', '办结时间', 'completed on', 'completion date', 'date completed', 'closed on'],
  closeOut: ['销号情况', '销号时间', '销号人', '闭环时间', '销号日期', '对账销号', '是否销号', 'close-out', 'closeout', 'verified on'],
  evidence: ['佐证材料', '佐证资料', '附件', '证明材料', '佐证', 'evidence', 'attachment', 'supporting documents'],
  notes: ['备注', '说明', 'notes', 'remarks', 'note'],
  problemRef: ['问题序号', '对应问题', '对应问题序号', '所属问题', '问题编号（对应）', '关联问题', 'problem no.', 'problem ref', 'finding no.'],
  taskRef: ['任务序号', '措施序号', '对应任务', '对应任务序号', '任务编号', '措施编号', '所属任务', 'task no.', 'task ref', 'action no.'],
};

/** Labels of the columns Taizhang adds; they are never read as ledger fields. */
export const ADDED_LABELS = {
  zh: ['期限状态', '截止日期', '剩余天数', '检查意见'],
  en: ['Deadline flag', 'Normalized due date', 'Days left', 'Check notes'],
};

/** Header text -> comparable form: no spaces or line breaks, half-width brackets, lower case, no * or ：. */
export function normalizeHeader(text: string): string {
  return text
    .replace(/[\s\u3000]+/g, '')
    .replace(/[（]/g, '(')
    .replace(/[）]/g, ')')
    .replace(/[*＊:：]/g, '')
    .toLowerCase();
}

function stripParens(norm: string): string {
  return norm.replace(/\([^)]*\)/g, '');
}

let exact: { [norm: string]: FieldKey } | null = null;
let byLength: { norm: string; field: FieldKey }[] = [];
let added: { [norm: string]: true } = {};

function tables(): { [norm: string]: FieldKey } {
  if (exact) return exact;
  const e: { [norm: string]: FieldKey } = {};
  const list: { norm: string; field: FieldKey }[] = [];
  (Object.keys(FIELD_SYNONYMS) as FieldKey[]).forEach((field) => {
    FIELD_SYNONYMS[field].forEach((syn) => {
      const n = normalizeHeader(syn);
      if (!(n in e)) e[n] = field;
      list.push({ norm: n, field });
    });
  });
  list.sort((a, b) => b.norm.length - a.norm.length);
  byLength = list;
  added = {};
  ADDED_LABELS.zh.concat(ADDED_LABELS.en).forEach((l) => (added[normalizeHeader(l)] = true));
  exact = e;
  return e;
}

/** True for the labels of the columns Taizhang itself adds. */
export function isAddedLabel(text: string): boolean {
  tables();
  return added[normalizeHeader(text)] === true;
}

const CJK = /[\u4e00-\u9fff]/;

/**
 * The field a header cell names, or null. Exact matches win; a combined cell such as
 * "责任单位/责任人" takes its first recognizable part; otherwise a short cell that contains a synonym
 * takes the longest one ("整改措施（具体）" -> measure).
 */
export function matchField(text: string): FieldKey | null {
  const e = tables();
  const norm = normalizeHeader(text);
  if (!norm || added[norm]) return null;
  if (norm in e) return e[norm];
  const bare = stripParens(norm);
  if (bare in e) return e[bare];
  const parts = text.split(/[\/、\n|]/);
  if (parts.length > 1) {
    for (let i = 0; i < parts.length; i++) {
      const p = stripParens(normalizeHeader(parts[i]));
      if (p in e) return e[p];
    }
  }
  // Containment only for short cells: long cells are titles or data, not headers.
  if (bare.length > 12 || !CJK.test(bare)) return null;
  for (let i = 0; i < byLength.length; i++) {
    const s = byLength[i];
    if (s.norm.length >= 2 && CJK.test(s.norm) && bare.indexOf(s.norm) >= 0) return s.field;
  }
  return null;
}
