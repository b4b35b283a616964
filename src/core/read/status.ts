/**
 * Status / progress text -> State (docs/rules.md, "Status").
 *
 * Decisions on wording the design leaves open:
 * - 未完成 / 尚未完成 / 没有完成 / not done / incomplete -> 'in-progress': the item is not done, but a
 *   ledger rarely says "not done" of an item nobody has touched. 滞后 (lagging) -> 'in-progress' too.
 * - 未整改 / 尚未整改 / 未启动 / 未开始 / 否 / not started / open -> 'not-started'.
 * - 待销号 / 申请销号 / 拟销号 (done, close-out pending) -> 'done'. 未销号 / 尚未销号 alone say nothing
 *   about the work, so they are ignored (alone: 'unknown', and stateFromRow falls back to progress).
 * - 待审核 and 被驳回 -> 'in-progress' (a rejected item goes back to work).
 * - "已完成80%" -> 'in-progress'; "完成100%" -> 'done'.
 * - 长期坚持 alone (as a status) -> 'in-progress'; added to a done word it changes nothing.
 * - A plan ("计划6月底前完成整改", "确保年底前完成") is not a result and is ignored.
 *
 * Progress cells are paragraphs. The first clause decides when it can ("已完成。制定了…",
 * "正在推进，已完成初稿…"); after it only explicit phrases count anywhere ("已完成整改", "已全部完成"),
 * never a bare 完成 in the middle of a sentence.
 */
import { toHalfWidth } from '../text/normalize';
import { toSimplified } from '../text/traditional';
import { State } from '../model/ledger';
import { TaughtWords } from '../model/taught';
import { taughtState } from './taught';

/** Rewrites applied before matching: [pattern, replacement]. Patterns must be global. */
export const STATUS_REWRITES: [RegExp, string][] = [
  // Plans are not results.
  [/(?:计划|预计|拟于|拟在|将于|将在|争取|确保|力争|要求)[^,;!?\n]{0,30}/g, ' '],
  // "6月底前完成…" is a deadline, not a result ("提前完成" is a result: the character before 前 decides).
  [/[^,;!?\n]{0,20}[\d月日年底末] ?前(?:全面|全部)?完成[^,;!?\n]{0,10}/g, ' '],
  // Percentages.
  [/完成(?:了)? ?100 ?%/g, '已完成'],
  [/完成(?:了)? ?\d{1,2}(?:\.\d+)? ?%/g, '进行中'],
  // Close-out pending means the work is done; "not closed out" says nothing about the work.
  [/(?:待|申请|拟|提请|建议|等待)销号/g, '\u0001'],
  [/(?:尚未|未|暂未|还未|没有)销号/g, ' '],
  [/not (?:yet )?(?:closed|verified)|unverified/g, ' '],
  // Synonyms of "not done" that contain a done word.
  [/(?:尚未|未|没有)(?:完全)?整改到位|未完全整改|整改未完成/g, '未完成'],
  // The ongoing tail of "已完成，长期坚持" / "已完成并长期坚持".
  [/[,;]? ?(?:并|且|同时)?(?:长期坚持|持续坚持|长期保持)/g, ' '],
];

/** Negations that mean the work has not begun. Checked first. */
export const NOT_STARTED_NEGATIONS: string[] = [
  '尚未启动',
  '未启动',
  '尚未开始',
  '未开始',
  '尚未整改',
  '未整改',
  '没有整改',
  '尚未开展',
  '未开展',
  'not started',
  'not yet started',
];

/** Negations of done: the item is under way but not finished. Checked right after. */
export const DONE_NEGATIONS: string[] = [
  '未完成',
  '没有完成',
  '没完成',
  '未能完成',
  '不能完成',
  '无法完成',
  '未全部完成',
  '未办结',
  '未落实',
  '待完成',
  '正在完成',
  '即将完成',
  '滞后',
  'not done',
  'not completed',
  'not complete',
  'incomplete',
  'not implemented',
  'delayed',
  'behind schedule',
];

export const CLOSED_WORDS: string[] = ['已销号', '销号', '已闭环', 'closed', 'verified'];
/** The closed words that close even a paragraph that starts otherwise. */
export const CLOSED_ANYWHERE: string[] = ['已销号', '已闭环', '已经销号', 'closed', 'verified'];

export const BASICALLY_DONE_WORDS: string[] = [
  '基本完成',
  '阶段性完成',
  '部分完成',
  '部分整改',
  '已整改未到位',
  '整改未到位',
  '基本整改',
  '基本落实',
  '初步完成',
  '大部分完成',
  'partially',
  'partly',
  'substantially',
];

/** Done phrases that say so on their own, wherever they stand. */
export const DONE_PHRASES: string[] = [
  '已完成整改',
  '完成整改',
  '整改完成',
  '整改完毕',
  '已整改完成',
  '已整改到位',
  '整改到位',
  '已全部完成',
  '全部完成整改',
  '已全面完成',
  '已办结',
  '已落实到位',
];

/** Done words that count only at the end of a clause (已完成 yes, 已完成初稿 no) and, in paragraphs, only in the first clause. */
export const DONE_WORDS: string[] = [
  '目前已完成',
  '现已完成',
  '已经完成',
  '均已完成',
  '全部完成',
  '已完成',
  '完成',
  '已整改',
  '已落实',
  '办结',
  '√',
  '✓',
  '✔',
  'done',
  'completed',
  'complete',
  'implemented',
  'finished',
  'resolved',
];

/** Words that are a status only when they are the whole text. */
export const WHOLE_DONE: string[] = ['是', 'yes', 'y'];
// 开放 is a hazard ledger's open item (隐患状态: "根据复查结果填写开放或关闭").
export const WHOLE_NOT_STARTED: string[] = ['否', 'no', 'n', 'open', '×', '✗', '✘', '开放'];

/**
 * Yes/no marks: a state only in a column whose header asks a yes/no question (是否完成, 整改情况(是/否),
 * 是否销号); elsewhere 是 or √ answers no question and stays 'unknown'.
 */
export const YES_NO_MARKS: string[] = ['是', '否', 'yes', 'no', 'y', 'n', '√', '✓', '✔', '×', '✗', '✘'];

/**
 * The grammar of a short status word (a whole cell of a few characters, one clause), for the words no
 * list above names. Negation first: a negated word is never done (未关闭, 尚未办结, 不合格, 没有通过).
 *   not done: 未X, 尚未X, 不X, 待X, X中, 正在X, and 已 before a word of delay or of a start (已逾期, 已启动);
 *   closed:   闭环, 关闭, 销号, 销项, alone or after 已;
 *   done:     已X, X完毕, X到位, X通过, X办结, X完成.
 * Anything else stays 'unknown': never guessed.
 */
const NEGATED = /^(?:尚未|暂未|还未|仍未|均未|未|没有|没|不|无法|不能|不予)/;
const AWAITING = /^(?:待|正在|等待)|中$/;
const YI_NOT_DONE = /^已(?:经)?(?:逾期|超期|延期|过期|滞后|驳回|退回|暂停|中止|搁置|启动|开始|开展|部署|受理|签收|交办|转办|派发|立项|上报|提交|报送|申请)/;
const CLOSED_WORD = /^(?:已经?)?(?:闭环|关闭|销号|销项)$/;
const DONE_WORD = /^已.|(?:完毕|到位|通过|办结|完成)$/;
/** A status word the grammar reads: one clause of at most this many characters, no digits. */
const SHORT_WORD = 8;

function isShortWord(t: string): boolean {
  return t.length <= SHORT_WORD && !/[\d,;!?]/.test(t);
}

/**
 * The reading of a short status word by the grammar alone. In a progress cell (`progress`) 已X names a
 * step taken (已形成初稿), not the end of the work, so only the endings say done there.
 */
export function wordState(w: string, progress = false): State {
  if (NEGATED.test(w)) return has(w, NOT_STARTED_NEGATIONS) ? 'not-started' : 'in-progress';
  if (AWAITING.test(w) || YI_NOT_DONE.test(w)) return 'in-progress';
  if (CLOSED_WORD.test(w)) return 'closed';
  // 已完成初稿 names a step of the work, not its end.
  if (/完成./.test(w)) return 'unknown';
  if (progress ? DONE_ENDING.test(w) : DONE_WORD.test(w)) return 'done';
  return 'unknown';
}

const DONE_ENDING = /(?:完毕|到位|通过|办结|完成)$/;

/** How a cell is read: see parseState. */
export interface StateReading {
  /** The column asks a yes/no question, so 是/否 and √/× are states (YES_NO_MARKS). Default true. */
  yesNo?: boolean;
  /** The words a user taught (taizhang.json, the pane): they come before every rule. */
  taught?: TaughtWords | null;
  /** A progress cell, not a status cell: 已X alone is a step, not done (wordState). */
  progress?: boolean;
}

export const IN_PROGRESS_WORDS: string[] = [
  '正在推进',
  '推进中',
  '整改中',
  '正在整改',
  '持续推进',
  '持续整改',
  '按序时推进',
  '序时推进',
  '达到序时进度',
  '进行中',
  '正在进行',
  '正在落实',
  '落实中',
  '实施中',
  '正在实施',
  '办理中',
  '正在办理',
  '待审核',
  '审核中',
  '被驳回',
  '已驳回',
  '驳回',
  'in progress',
  'in-progress',
  'ongoing',
  'underway',
  'under way',
  'pending',
  'rejected',
  'on track',
  // Generic markers of work under way: checked after every done word, so "已完成，正在…" stays done.
  '正在',
  '下一步',
];

const AWAITING_CLOSE_OUT = '\u0001';

/** Simplified script, half-width, lower case, single spaces, with STATUS_REWRITES applied. */
export function normalizeStatusText(text: string): string {
  let t = toHalfWidth(toSimplified(text || ''))
    .replace(/[。；]/g, ';')
    .replace(/[，、]/g, ',')
    .replace(/[：]/g, ':')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  // A '.' ends a clause unless it sits inside a number or a date (2022.6.30, 1.5).
  t = t.replace(/\.(?!\d)/g, ';');
  // Bracketed remarks ("已完成（见附件）") never decide the state.
  t = t.replace(/[(（【[][^)）】\]]{0,60}[)）】\]]/g, ' ');
  for (let i = 0; i < STATUS_REWRITES.length; i++) t = t.replace(STATUS_REWRITES[i][0], STATUS_REWRITES[i][1]);
  return t.replace(/\s+/g, ' ').trim();
}

function isLetter(ch: string): boolean {
  return ch >= 'a' && ch <= 'z';
}

/** True when the text holds one of the words; an English word must stand alone ("closed" is not in "disclosed"). */
function has(text: string, words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const w = words[i];
    if (!isLetter(w.charAt(0))) {
      if (text.indexOf(w) >= 0) return true;
      continue;
    }
    let at = text.indexOf(w);
    while (at >= 0) {
      if (!isLetter(text.charAt(at - 1)) && !isLetter(text.charAt(at + w.length))) return true;
      at = text.indexOf(w, at + 1);
    }
  }
  return false;
}

/** True when a clause ends with one of the words, allowing a trailing date or punctuation (已完成 2022.6.30). */
function endsWithWord(clause: string, words: string[]): boolean {
  for (let i = 0; i < words.length; i++) {
    const at = clause.lastIndexOf(words[i]);
    if (at < 0) continue;
    const rest = clause.slice(at + words[i].length);
    if (/^[\s\d年月日号底前末./\-:!~]*$/.test(rest)) {
      // An English word must stand alone: "complete" is not the end of "incomplete" (negations come first anyway).
      if (isLetter(words[i].charAt(0)) && isLetter(clause.charAt(at - 1))) continue;
      return true;
    }
  }
  return false;
}

function splitClauses(t: string): string[] {
  const parts = t.split(/[,;!?\n]/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i].trim();
    if (p) out.push(p);
  }
  return out;
}

/** The full reading of one clause (or a whole short status). */
function classifyClause(c: string): State {
  if (has(c, NOT_STARTED_NEGATIONS)) return 'not-started';
  if (has(c, DONE_NEGATIONS)) return 'in-progress';
  if (has(c, CLOSED_WORDS)) return 'closed';
  if (has(c, BASICALLY_DONE_WORDS)) return 'basically-done';
  if (c.indexOf(AWAITING_CLOSE_OUT) >= 0) return 'done';
  if (has(c, DONE_PHRASES) || endsWithWord(c, DONE_WORDS)) return 'done';
  if (has(c, IN_PROGRESS_WORDS)) return 'in-progress';
  return 'unknown';
}

/** The reading of the rest of a paragraph: explicit phrases only, in the same order. */
function classifyBody(t: string, clauses: string[]): State {
  if (has(t, NOT_STARTED_NEGATIONS)) return 'not-started';
  if (has(t, DONE_NEGATIONS)) return 'in-progress';
  if (has(t, BASICALLY_DONE_WORDS)) return 'basically-done';
  if (t.indexOf(AWAITING_CLOSE_OUT) >= 0 || has(t, DONE_PHRASES)) return 'done';
  for (let i = 0; i < clauses.length; i++) if (endsWithWord(clauses[i], DONE_WORDS.slice(0, 5))) return 'done';
  if (has(t, IN_PROGRESS_WORDS)) return 'in-progress';
  return 'unknown';
}

/** Reads a status cell, or a progress paragraph when there is no status column. 'unknown' when nothing matches. */
export function parseState(text: string, how: StateReading = {}): State {
  const raw = toHalfWidth(toSimplified(text || '')).trim().toLowerCase();
  if (!raw) return 'unknown';
  if (how.taught) {
    const own = taughtState(raw, how.taught);
    if (own) return own;
  }
  if (how.yesNo === false && YES_NO_MARKS.indexOf(raw) >= 0) return 'unknown';
  if (WHOLE_DONE.indexOf(raw) >= 0) return 'done';
  if (WHOLE_NOT_STARTED.indexOf(raw) >= 0) return 'not-started';
  const t = normalizeStatusText(text);
  if (WHOLE_DONE.indexOf(t) >= 0) return 'done';
  if (WHOLE_NOT_STARTED.indexOf(t) >= 0) return 'not-started';
  if (!t) {
    // Only an ongoing phrase ("长期坚持") was written.
    return /长期坚持|持续坚持|长期保持/.test(raw) ? 'in-progress' : 'unknown';
  }
  const clauses = splitClauses(t);
  if (!clauses.length) return 'unknown';
  const word = clauses.length === 1 && isShortWord(clauses[0]) ? clauses[0].replace(/\s+/g, '') : '';
  // A negated status word is never done, whatever word it negates (未关闭, 不合格).
  if (word && NEGATED.test(word)) return wordState(word, how.progress);
  // A recorded close-out anywhere settles it: "已完成，已销号" is closed.
  if (has(t, CLOSED_ANYWHERE)) return 'closed';
  const head = classifyClause(clauses[0]);
  if (head !== 'unknown') return head;
  if (word) return wordState(word, how.progress);
  return classifyBody(t, clauses);
}

/** A close-out cell "contains a date": 2022-07-01, 2022年7月1日, 2022.7.1, 2022/7/1. */
function hasDate(text: string): boolean {
  return /\d{4} ?[-./年] ?\d{1,2}/.test(toHalfWidth(text));
}

/**
 * The state of one ledger row: a filled close-out (a date, or 已销号) closes it; else the status column
 * when there is one and it says something; else the progress text.
 */
export function stateFromRow(
  statusText: string,
  progressText: string,
  closeOutText: string,
  hasStatusColumn: boolean,
  how: { statusYesNo?: boolean; progressYesNo?: boolean; taught?: TaughtWords | null } = {},
): State {
  const closeOut = (closeOutText || '').trim();
  // A 是否销号 column reads 是/√ for a closed item.
  if (closeOut && (hasDate(closeOut) || parseState(closeOut) === 'closed' || WHOLE_DONE.indexOf(toHalfWidth(closeOut).toLowerCase()) >= 0 || /^[√✓✔]$/.test(closeOut))) return 'closed';
  if (hasStatusColumn) {
    const s = parseState(statusText, { yesNo: how.statusYesNo, taught: how.taught });
    if (s !== 'unknown') return s;
  }
  return parseState(progressText, { yesNo: how.progressYesNo, taught: how.taught, progress: true });
}
