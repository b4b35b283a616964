/**
 * Canonical fields and the header texts seen for them in real ledgers (docs/rules.md, "Header words",
 * and the published tables noted beside each addition). Everything here is data: to support a new
 * variant, add the word to its field's list; to say that a word names the field only when no better
 * column does, add it to WEAK_SYNONYMS too; to say that a word inside a header makes it a worse match
 * for a field, add it to DEMOTING_WORDS.
 *
 * A header cell is scored against every field (fieldMatches), and header.ts assigns each column to at
 * most one field and each field to its best column. The scores, from best to worst:
 *   - the cell is a synonym (after normalization, with or without a bracketed remark): 100;
 *   - one part of a combined cell ("责任单位/责任人"): 90 for the first part, 5 less for each later one;
 *   - a short cell that contains a synonym ("安全问题名称"): 40 to 70 by the synonym's length, more when
 *     the synonym ends the cell (the head of a Chinese compound is its last word: 问题控制状态 is a 状态);
 * and lower:
 *   - a weak synonym (整改目标 beside 整改措施, 预计完成时间 beside 整改时限): 25 less;
 *   - a contained synonym next to a word that names another field (问题 in 问题控制状态): 15 less each;
 *   - a demoting word (审批 in 审批状态, 验收 in 验收责任人): 60 less, which leaves an exact synonym a last
 *     resort and takes a contained one out.
 * Below MIN_SCORE a cell does not name the field at all.
 */
import { toSimplified } from '../text/traditional';
import { FieldKey } from '../model/ledger';
import { dict } from '../text/dict';

/** The first entry of each list is the field's display name in Chinese. */
export const FIELD_SYNONYMS: Record<FieldKey, string[]> = {
  seq: [
    '序号', '编号', '问题编号', '督办序号', '序', '顺序号', 'no', 'no.', '#', 'item', 'ref', 'id', 'number',
    // 问题清单 exports of supervision platforms ("问题编码")
    '问题编码',
  ],
  aspect: [
    '问题类别', '问题类型', '类别', '工作类别', '问题来源', '方面', '问题方面', '类型', 'category', 'area', 'theme', 'source',
    // 安全问题库 (涉及范畴), supervision 问题清单 (发生领域), internal-control 问题台账 (问题分类)
    '涉及范畴', '发生领域', '问题分类',
  ],
  problem: [
    '存在问题', '问题', '问题表现', '问题表述', '具体问题表述', '问题详情', '问题内容', '反馈问题', '跟踪督办事项',
    '隐患问题描述', '主要问题', '问题描述', '存在的问题', '巡视反馈问题', '巡察反馈问题', '审计发现问题', '督查发现问题',
    'finding', 'issue', 'problem', 'observation', 'issue description',
    // internal-control 问题台账 (问题概述), 环保督察销号汇总表 (问题简述), 问题清单 (问题标题),
    // hazard rectification forms (隐患描述, 隐患内容, 不符合项), 督办 lists (督办事项)
    '问题概述', '问题简述', '问题标题', '具体问题', '隐患描述', '隐患内容', '不符合项', '督办事项', '督办内容',
    // Ledger families (docs/rules.md, "Ledger families"): hazard checks (不合格项描述 in 日常巡检 import
    // templates, 隐患名称, 检查发现问题), audit findings (审计发现的问题, 审计查出问题)
    '不合格项描述', '不合格项', '隐患名称', '隐患问题', '检查发现问题', '审计发现的问题', '审计查出问题', '发现问题',
  ],
  requirement: [
    '整改要求', '有关要求', '审计建议（意见）', '审计建议', '审计意见', '整改目标要求', 'recommendation', 'requirement',
    // hazard assignment forms (整改治理要求), audit 整改清单 (整改完成标准), district reports (目标要求)
    '整改治理要求', '整改完成标准', '目标要求', '验收标准',
    // work lists (修改要求), hazard forms (治理要求)
    '修改要求', '治理要求',
  ],
  measure: [
    '整改措施', '整改任务', '具体措施', '细化的整改措施', '具体的措施（目标）', '整改目标', '措施', '具体整改措施',
    '整改举措', '任务内容', 'action', 'corrective action', 'action plan', 'measure', 'remediation',
    // 审计问题整改跟踪表 (措施内容), internal-control 问题台账 (整改计划 beside 整改措施),
    // hazard forms (整改方案, 治理措施, 整改内容), 环保督察 task lists (主要任务 beside 具体措施)
    '措施内容', '整改计划', '整改方案', '治理措施', '整改内容', '主要任务', '工作措施', '落实措施',
    // supervision (督查督办) lists: the item is the work itself (工作事项, 待办事项, 议定事项, 重点工作, 工作任务);
    // hazard forms (整改措施与要求, 处理措施); software work plans (功能, weak)
    '工作事项', '待办事项', '议定事项', '重点工作', '工作任务', '督办任务', '交办事项', '整改措施与要求', '处理措施', '功能',
  ],
  leader: [
    '责任领导', '牵头领导', '分管领导', '整改第一责任人', '领导', '责任校领导', '包保领导', 'responsible leader', 'sponsor', 'executive',
    '牵头校领导', '分管校领导', '包联领导',
    // 督办 (督办领导, 主管领导)
    '督办领导', '主管领导',
  ],
  leadDept: [
    '牵头部门', '牵头单位', '责任部门', '责任单位', '整改责任单位', '具体责任单位', '所属部门', '整改牵头单位', '牵头处室',
    '责任处室', '主责部门', '承办单位', 'department', 'dept', 'lead department', 'responsible unit', 'unit', '责任科室',
    // 整改实施主体 and 责任主体 (环保督察 and 巡察 lists), 主办单位 (督办), 牵头股室 (county 巡察 "五个一"),
    // 具体责任部门 (审计整改 reports), 整改责任部门, 涉及责任部门
    '整改实施主体', '实施主体', '整改主体', '责任主体', '主办单位', '主办部门', '牵头股室', '具体责任部门', '整改责任部门',
    '涉及责任部门', '整改牵头部门', '牵头整改部门', '整改单位', '承办部门',
    // published 督办 tables (责任部门及责任人: the department first), hazard forms (隐患整改单位)
    '责任部门及责任人', '责任单位及责任人', '隐患整改单位', '被检查单位',
  ],
  coDept: [
    '配合部门', '配合单位', '协办单位', '配合单位或部门', '协同部门', '参与部门', '配合处室', 'supporting department', 'support',
    '协办部门', '协助部门', '配合整改部门', '协同单位',
  ],
  owner: [
    '责任人', '整改责任人', '具体责任人', '整改人', '经办人', '联系人', 'owner', 'responsible', 'assignee', 'person responsible',
    // internal-control 问题台账 (整改落实人), hazard forms (整改负责人, 承办人, 责任人员)
    '整改落实人', '落实人', '整改负责人', '具体负责人', '承办人', '责任人员',
    // 督办 import formats (部门责任人)
    '部门责任人',
  ],
  deadline: [
    '完成时限', '完成期限', '整改时限', '整改期限', '计划完成时间', '预计完成时间', '截止时间', '目标节点或完成时限', '时限',
    '时间节点', '完成时限要求', '整改完成时限', '办结时限', 'due date', 'target date', 'deadline', 'due', 'target completion date',
    // 环保督察销号汇总表 (问题整改完成时限), hazard forms (整改截止时间, 计划完成日期, 要求完成时间, 完成节点, 截止日期),
    // 督办 ledgers (办理时限)
    '问题整改完成时限', '整改截止时间', '计划完成日期', '要求完成时间', '完成节点', '截止日期', '应完成时间', '整改完成期限',
    '办理时限', '预计完成日期',
    // hazard forms (限时时间 in 日常巡检 import templates, 整改完成期限), 督办 (要求完成时限)
    '限时时间', '整改限时', '要求完成时限',
  ],
  progress: [
    '整改进展', '进展情况', '整改情况', '落实情况', '完成情况', '已采取的整改措施', '整改落实情况', '整改进展情况', '进展',
    '推进情况', 'progress', 'notes on progress', 'update', 'comments', 'progress/notes',
    // 环保督察销号汇总表 and hazard forms (整改进度), 审计问题整改跟踪表 (跟踪反馈), 督办 (办理进展, 办理情况)
    '整改进度', '跟踪反馈', '办理进展', '办理情况', '治理进度', '处理情况', '整改结果', '落实进展',
    // 整改完成情况 (published tables), hazard forms (复查结果 holds 已整改, 复查情况)
    '整改完成情况', '复查结果', '复查情况',
  ],
  status: [
    '完成状态', '整改状态', '状态', '是否完成', '是否整改完成', '办理状态', 'status', 'state',
    // 审计问题整改跟踪表 (措施状态), audit 整改清单 (是否已完成整改), 督办 (办结情况)
    '措施状态', '是否已完成整改', '办结情况', '是否办结', '完成与否',
    // hazard ledgers (隐患状态: 开放 / 关闭), 督办 (督办状态 is the item's, 事项状态)
    '隐患状态', '事项状态', '督办状态', '整改状况',
  ],
  doneDate: [
    '完成时间', '整改完成时间', '整改到位时间', '落实时间', '实际完成时间', '办结时间', 'completed on', 'completion date', 'date completed', 'closed on',
    '措施完成时间', '实际完成日期', '办结日期', '完成日期',
  ],
  closeOut: ['销号情况', '销号时间', '销号人', '闭环时间', '销号日期', '对账销号', '是否销号', 'close-out', 'closeout', 'verified on', '销号状态'],
  evidence: ['佐证材料', '佐证资料', '附件', '证明材料', '佐证', 'evidence', 'attachment', 'supporting documents', '整改证据', '成果体现', '支撑材料', '整改佐证材料'],
  notes: ['备注', '说明', 'notes', 'remarks', 'note', '备注说明'],
  problemRef: ['问题序号', '对应问题', '对应问题序号', '所属问题', '问题编号（对应）', '关联问题', 'problem no.', 'problem ref', 'finding no.'],
  taskRef: ['任务序号', '措施序号', '对应任务', '对应任务序号', '任务编号', '措施编号', '所属任务', 'task no.', 'task ref', 'action no.'],
};

/**
 * Synonyms that name their field only when no column names it better: real ledgers put them beside the
 * better word (整改目标 / 整改计划 / 整改方案 / 整改任务 / 主要任务 beside 整改措施; 预计完成时间 beside
 * 整改时限 in internal-control 问题台账). Each must also be in FIELD_SYNONYMS.
 */
export const WEAK_SYNONYMS: Partial<Record<FieldKey, string[]>> = {
  measure: ['整改目标', '整改任务', '整改计划', '整改方案', '主要任务', '具体的措施（目标）', '功能', '处理措施'],
  deadline: ['预计完成时间', '预计完成日期'],
};

/**
 * Words that make a header a worse match for a field: the column is about something else. 审批状态 and
 * 督导状态 are the record's workflow, not the item's completion (internal-control 问题台账, 问题清单
 * exports); 验收责任人 / 验收责任单位 check the work rather than do it (hazard forms); 答复时限 is the
 * reply's deadline, not the item's; 问题金额 and 问题等级 describe the problem without stating it; 对应的
 * 完成时间 beside 细化的整改措施 (audit 整改清单) is the measure's planned date, not a completion date.
 */
export const DEMOTING_WORDS: Partial<Record<FieldKey, string[]>> = {
  status: ['审批', '审核', '督导', '上报'],
  problem: ['金额', '等级', '级别', '数量', '个数'],
  deadline: ['实际', '答复', '回复'],
  leadDept: ['配合', '协办', '协助', '验收', '监督', '提出', '交办'],
  owner: ['验收', '电话', '审核', '提出', '交办', '审批', '复查', '填报'],
  // Who raised or assigns an item (事项提出领导, 交办领导, 指定审批领导) is never who answers for it.
  leader: ['协助', '配合', '提出', '交办', '审批', '指定'],
  doneDate: ['计划', '预计', '要求', '截止', '对应'],
};

/** Labels of the columns Taizhang adds; they are never read as ledger fields. */
export const ADDED_LABELS = {
  zh: ['期限状态', '截止日期', '剩余天数', '检查意见'],
  en: ['Deadline flag', 'Normalized due date', 'Days left', 'Check notes'],
};

/**
 * A header that asks a yes/no question (是否完成, 整改情况(是/否), 是否销号, Done?): only in such a column
 * do 是/否 and √/× say whether an item is done (status.ts YES_NO_MARKS).
 */
export function isYesNoHeader(text: string): boolean {
  const norm = normalizeHeader(toSimplified(text || ''));
  return /是否|\(是\/否\)|是\/否|\(y\/n\)|yes\/no|\?$/.test(norm);
}

/**
 * A metadata cell inside a header block: a short label, a colon and its value (项目名称：…, 填报人：…,
 * 填报时间： 2019年 6 月 25 日). It names no column.
 */
export function isMetadataCell(text: string): boolean {
  return /^[^:：\n]{1,8}[:：][ \u3000]*\S/.test((text || '').trim());
}

/** Below this score a header cell does not name a field. */
export const MIN_SCORE = 30;

/** What a demoting word takes off. */
const DEMOTION = 60;

/**
 * Header text -> comparable form: no spaces or line breaks, half-width brackets, lower case, no * or ：.
 * The script is left as written: ours.ts recognizes the columns Taizhang added by their exact
 * labels, so a user's own 期限狀態 column is never taken for ours. Matching to fields (fieldMatches)
 * also converts traditional characters.
 */
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

interface Synonym {
  norm: string;
  field: FieldKey;
  weak: boolean;
}

interface Tables {
  exact: { [norm: string]: Synonym[] };
  /** CJK synonyms of two or more characters, longest first, for containment. */
  contained: Synonym[];
  added: { [norm: string]: true };
  demoting: { field: FieldKey; word: string }[];
}

let tables: Tables | null = null;

function build(): Tables {
  if (tables) return tables;
  const exact: Tables['exact'] = dict();
  const contained: Synonym[] = [];
  (Object.keys(FIELD_SYNONYMS) as FieldKey[]).forEach((field) => {
    const weakList = (WEAK_SYNONYMS[field] || []).map(normalizeHeader);
    FIELD_SYNONYMS[field].forEach((word) => {
      const norm = normalizeHeader(word);
      const syn: Synonym = { norm, field, weak: weakList.indexOf(norm) >= 0 };
      const list = exact[norm] || (exact[norm] = []);
      if (!list.some((s) => s.field === field)) list.push(syn);
      if (norm.length >= 2 && CJK.test(norm)) contained.push(syn);
    });
  });
  contained.sort((a, b) => b.norm.length - a.norm.length);
  const added: Tables['added'] = dict();
  ADDED_LABELS.zh.concat(ADDED_LABELS.en).forEach((l) => (added[normalizeHeader(l)] = true));
  const demoting: Tables['demoting'] = [];
  (Object.keys(DEMOTING_WORDS) as FieldKey[]).forEach((field) =>
    (DEMOTING_WORDS[field] || []).forEach((word) => demoting.push({ field, word: normalizeHeader(word) })),
  );
  tables = { exact, contained, added, demoting };
  return tables;
}


const CJK = /[\u4e00-\u9fff]/;

/** How well a header cell names a field. */
export interface FieldMatch {
  field: FieldKey;
  score: number;
}

/** Containment only for short cells: long cells are titles or data, not headers. */
const MAX_CONTAINED_LENGTH = 12;

function keepBest(best: { [f: string]: number }, field: FieldKey, score: number): void {
  if (best[field] === undefined || score > best[field]) best[field] = score;
}

/** Scores of a contained synonym: by length, the head (last word) of the cell best, rivals lowering it. */
function containedScores(bare: string, t: Tables, best: { [f: string]: number }): void {
  const found: { syn: Synonym; at: number }[] = [];
  for (let i = 0; i < t.contained.length; i++) {
    const syn = t.contained[i];
    const at = bare.indexOf(syn.norm);
    if (at >= 0) found.push({ syn, at });
  }
  // Per field its longest occurrence; the others are rivals when they lie outside its span.
  const own: { [f: string]: { syn: Synonym; at: number } } = {};
  found.forEach((f) => {
    const o = own[f.syn.field];
    if (!o || f.syn.norm.length > o.syn.norm.length) own[f.syn.field] = f;
  });
  Object.keys(own).forEach((field) => {
    const o = own[field];
    const end = o.at + o.syn.norm.length;
    let score = 35 + 5 * Math.min(o.syn.norm.length, 7);
    if (end === bare.length) score += 15;
    if (o.syn.weak) score -= 25;
    const rivals: { [f: string]: true } = {};
    found.forEach((f) => {
      if (f.syn.field === field || rivals[f.syn.field]) return;
      const fEnd = f.at + f.syn.norm.length;
      if (fEnd <= o.at || f.at >= end) rivals[f.syn.field] = true;
    });
    score -= 15 * Object.keys(rivals).length;
    keepBest(best, field as FieldKey, Math.min(score, 80));
  });
}

/**
 * Every field a header cell may name, best first, with scores (see the top of this file). Empty for
 * blank cells, the columns Taizhang adds, and cells that name nothing.
 */
export function fieldMatches(text: string): FieldMatch[] {
  const t = build();
  if (!text || t.added[normalizeHeader(text)]) return [];
  const simplified = toSimplified(text);
  const norm = normalizeHeader(simplified);
  if (!norm) return [];
  const bare = stripParens(norm);
  const best: { [f: string]: number } = {};
  const exactOf = (key: string, score: number) =>
    (t.exact[key] || []).forEach((s) => keepBest(best, s.field, s.weak ? score - 25 : score));
  exactOf(norm, 100);
  if (bare !== norm) exactOf(bare, 100);
  const parts = simplified.split(/[/、\n|]/);
  if (parts.length > 1) {
    for (let i = 0; i < parts.length; i++) exactOf(stripParens(normalizeHeader(parts[i])), 90 - 5 * i);
  }
  if (bare.length <= MAX_CONTAINED_LENGTH && CJK.test(bare)) containedScores(bare, t, best);
  for (let i = 0; i < t.demoting.length; i++) {
    const d = t.demoting[i];
    if (best[d.field] !== undefined && norm.indexOf(d.word) >= 0) best[d.field] -= DEMOTION;
  }
  // A progress header that asks yes or no (整改情况(是/否)) holds a status.
  if (best.progress !== undefined && best.status === undefined && isYesNoHeader(simplified)) best.status = best.progress + 1;
  return (Object.keys(best) as FieldKey[])
    .filter((f) => best[f] >= MIN_SCORE)
    .map((f) => ({ field: f, score: best[f] }))
    .sort((a, b) => b.score - a.score);
}
