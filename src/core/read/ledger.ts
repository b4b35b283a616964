/**
 * Grid + HeaderMap -> Items (one per measure row).
 * Merges are invisible here (ExcelApi 1.1 cannot see them; the Grid holds their other cells as
 * empty), so a blank aspect or problem cell inherits the one above it (docs/rules.md, "Items"). Nothing
 * else inherits: a blank 牵头部门 or 完成时限 on a measure row is reported, never filled in.
 * Deadline and status wordings repeat across thousands of rows, so each is parsed once per check.
 */
import { cellAt, cellText, gridBottom, gridLeft, gridTop, isDateValue } from '../text/grid';
import { colLetter } from '../text/a1';
import { parseDeadline, DeadlineContext } from './deadline/parse';
import { stateFromRow } from './status';
import { isYesNoHeader, normalizeHeader } from './fields';
import { toSimplified } from '../text/traditional';
import { CellValue, DateValue, Grid } from '../model/grid';
import { Deadline, FieldKey, HeaderMap, Item, State } from '../model/ledger';
import { TaughtWords } from '../model/taught';

/** Section rows that name an aspect: "一、…", "第一方面问题：…", "（一）…" is a problem heading. */
const ASPECT_ROW = /^(第[一二三四五六七八九十百\d]+(方面|部分|类|项)|[一二三四五六七八九十]+[、.．]|[IVX]+\.|(part|section|area)\s+\w+)/i;
const PROBLEM_ROW = /^[（(][一二三四五六七八九十\d]+[）)]/;
/** Rows that are not items: totals, notes, sign-off lines. */
const TOTAL_ROW = /^(合\s*计|小\s*计|总\s*计|共\s*计|total|subtotal)/i;
const NOTE_ROW = /^(注|说明|备注|填表说明|note|notes)\s*[:：\d１-９一、.]/i;
const FORM_ROW = /(填报单位|填报人|填报时间|填表人|填表日期|制表|审核人|联系人|联系电话|报送单位|盖章)/;

/**
 * A 序号 as written, with the aspect and problem it sits in, since numbering may restart in either.
 * The two are numbers counted down the sheet: each aspect, and each problem, has its own (a problem's
 * number is never reused in another aspect), and they never decrease from one row to the next.
 */
export interface SeqCell {
  seq: string;
  row: number;
  aspect: number;
  problem: number;
}

export interface LedgerRead {
  items: Item[];
  /** 1-based rows read as section (aspect) rows. */
  sectionRows: number[];
  /** The 序号 written on each row (not inherited), for the duplicate check. */
  seqs: SeqCell[];
}

function fieldText(g: Grid, row: number, col: number | undefined): string {
  return col === undefined ? '' : cellText(cellAt(g, row, col));
}

function fieldValue(g: Grid, row: number, col: number | undefined): CellValue {
  return col === undefined ? null : cellAt(g, row, col);
}

/** A section row's text as the user wrote it, ordinal included ("一、党的领导方面"), on one line. */
function sectionText(t: string): string {
  return t.replace(/\s+/g, ' ').trim();
}

/**
 * The A1 address of an item's cell of `field`, or undefined when it has none: where the item says
 * (Item.cells: another row or sheet, '' for none), else its row in the field's column.
 */
export function cellOf(item: Item, field: FieldKey): string | undefined {
  const own = item.cells[field];
  if (own !== undefined) return own || undefined;
  const letter = item.columns && item.columns[field];
  return letter ? letter + item.row : undefined;
}

/** A total row's first text: 合计, 小计, 总计, 共计, Total. */
export function isTotalRow(firstText: string): boolean {
  return TOTAL_ROW.test(firstText);
}

/** Totals, notes and sign-off lines: rows that are never items, whatever columns they sit in. */
export function isSkippedRow(firstText: string, nonEmpty = 1): boolean {
  return TOTAL_ROW.test(firstText) || NOTE_ROW.test(firstText) || (nonEmpty <= 3 && firstText.length < 80 && FORM_ROW.test(firstText));
}

export interface ReadOptions {
  /** A task list: a blank 问题序号 continues the one above (merged down over a problem's tasks). */
  inheritRefs?: boolean;
  /** The status words a user taught (read/taught.ts). */
  taught?: TaughtWords | null;
}

/**
 * A status header that names completion itself (完成状态, 办结状态, 销号状态): it asks "done?", and 是
 * or √ answers it. A header that asks which state (状态, 整改状态, 隐患状态, 办理状态) asks no yes/no
 * question, so 是 there stays unknown.
 */
const COMPLETION_STATE = /^(整改)?(完成|办结|销号)状态$/;

/**
 * True when a column's header (any of the header rows) asks whether an item is done: a yes/no question
 * (是否完成, 整改情况(是/否)) or, for the status column, a header that names completion (COMPLETION_STATE).
 * A column found by its values (完成情况 of 已完成 / 未完成) asks nothing.
 */
function asksYesNo(g: Grid, header: HeaderMap, col: number | undefined, field: FieldKey): boolean {
  if (col === undefined) return false;
  return header.rows.some((r) => {
    const text = cellText(cellAt(g, r, col));
    return isYesNoHeader(text) || (field === 'status' && COMPLETION_STATE.test(normalizeHeader(toSimplified(text))));
  });
}

export function readLedger(g: Grid, header: HeaderMap, ctx: DeadlineContext, read: ReadOptions = {}): LedgerRead {
  const cols = header.columns;
  const first = header.rows[header.rows.length - 1] + 1;
  const last = gridBottom(g);
  const right = header.lastColumn;
  const left = gridLeft(g);
  const top = gridTop(g);
  const mappedCols: { [col: number]: FieldKey } = {};
  (Object.keys(cols) as FieldKey[]).forEach((f) => (mappedCols[cols[f] as number] = f));
  const hasMeasure = cols.measure !== undefined;
  const hasStatus = cols.status !== undefined;

  // Parsed once per distinct wording; Deadline objects are never mutated, so rows may share one.
  // (Maps, keyed by the value itself: no key string is built per row.)
  const deadlines = new Map<Exclude<CellValue, DateValue>, Deadline>();
  const dateDeadlines = new Map<string, Deadline>();
  const deadlineOf = (v: CellValue): Deadline => {
    const date = isDateValue(v);
    const cache = date ? dateDeadlines : deadlines;
    const key = date ? (v as DateValue).date : (v as Exclude<CellValue, DateValue>);
    let d = cache.get(key);
    if (!d) cache.set(key, (d = parseDeadline(v, ctx)));
    return d;
  };
  const states = new Map<string, State>();
  const progressStates = new Map<string, State>();
  // 是/否 and √/× are states only under a header that asks a yes/no question.
  const statusYesNo = asksYesNo(g, header, cols.status, 'status');
  const progressYesNo = asksYesNo(g, header, cols.progress, 'progress');
  const taught = read.taught;
  const stateOf = (status: string, progress: string, closeOut: string): State => {
    const key = closeOut ? status + '\u0001' + closeOut : status;
    let s = states.get(key);
    if (s === undefined) states.set(key, (s = stateFromRow(status, '', closeOut, hasStatus, { statusYesNo, taught })));
    if (s !== 'unknown' || !progress) return s;
    // The progress column speaks only when the status and close-out say nothing.
    let p = progressStates.get(progress);
    if (p === undefined) progressStates.set(progress, (p = stateFromRow('', progress, '', false, { progressYesNo, taught })));
    return p;
  };

  const items: Item[] = [];
  const sectionRows: number[] = [];
  const seqs: LedgerRead['seqs'] = [];
  let aspect = '';
  let problem = '';
  let problemSeq = '';
  let problemRef = '';
  let problemRefCell = '';

  const texts: string[] = [];
  // The column letters of the mapped fields, once for every item (Item.columns).
  const columns: Partial<Record<FieldKey, string>> = {};
  (Object.keys(cols) as FieldKey[]).forEach((f) => (columns[f] = colLetter(cols[f] as number)));
  // A field's text on the row being read (r below): from the row's pass, or its cell when the
  // column lies outside it. Defined once, not per row.
  let at = 0;
  const t = (f: FieldKey) => {
    const c = cols[f];
    return c === undefined || c > right ? fieldText(g, at, c) : texts[c];
  };
  // Scopes of the duplicate-序号 check (SeqCell): the aspect, or the problem within it.
  let aspectIndex = 0;
  let problemIndex = 0;
  for (let r = first; r <= last; r++) {
    // One pass over the row: the text of each cell (kept for the fields), how many hold text, the first.
    let nonEmpty = 0;
    let firstText = '';
    let firstCol = 0;
    const row = g.rows[r - top] || [];
    for (let c = left; c <= right; c++) {
      const v = row[c - left];
      const text = v === null || v === undefined ? '' : cellText(v);
      texts[c] = text;
      if (text) {
        if (!nonEmpty) {
          firstText = text;
          firstCol = c;
        }
        nonEmpty++;
      }
    }
    if (!nonEmpty) continue;
    if (isSkippedRow(firstText, nonEmpty)) continue;

    const firstField = mappedCols[firstCol];
    if (nonEmpty === 1 && firstField !== 'measure' && firstField !== 'deadline' && firstField !== 'leadDept') {
      if (firstField === 'problem' && !ASPECT_ROW.test(firstText)) {
        // A problem heading on its own row; its measures follow with the problem cell blank.
        problem = firstText;
        problemSeq = '';
        problemIndex++;
        continue;
      }
      if (PROBLEM_ROW.test(firstText) && cols.aspect === undefined && aspect) {
        problem = firstText;
        problemSeq = '';
        problemIndex++;
        continue;
      }
      if (cols.aspect === undefined || ASPECT_ROW.test(firstText)) {
        aspect = sectionText(firstText);
        aspectIndex++;
        problemIndex++;
        problem = problemSeq = '';
        sectionRows.push(r);
        continue;
      }
    }

    at = r;
    const measure = t('measure');
    const problemHere = t('problem');
    const deadlineValue = fieldValue(g, r, cols.deadline);
    // A row with only a 序号 or only notes is not a measure.
    if (!measure && !problemHere && !t('deadline') && !t('leadDept') && !t('status') && !t('progress')) continue;

    const aspectHere = t('aspect');
    if (aspectHere && aspectHere !== aspect) {
      aspect = aspectHere;
      aspectIndex++;
      problemIndex++;
      problem = problemSeq = '';
    }
    const seqHere = t('seq');
    const newProblem = !!problemHere && problemHere !== problem;
    if (newProblem || (!problemHere && !problem)) {
      problem = problemHere;
      problemSeq = seqHere;
    }
    if (newProblem) problemIndex++;
    if (seqHere) seqs.push({ seq: seqHere, row: r, aspect: aspectIndex, problem: problemIndex });

    const cells: Partial<Record<FieldKey, string>> = {};
    const refHere = t('problemRef');
    if (refHere || !read.inheritRefs) {
      problemRef = refHere;
      problemRefCell = columns.problemRef ? columns.problemRef + r : '';
    } else if (problemRefCell) cells.problemRef = problemRefCell;
    const statusText = t('status');
    const progress = t('progress');
    const closeOut = t('closeOut');
    const doneValue = fieldValue(g, r, cols.doneDate);
    const done = doneValue === null ? null : deadlineOf(doneValue);
    items.push({
      sheet: g.name,
      row: r,
      seq: seqHere || problemSeq,
      aspect,
      problem: problem,
      requirement: t('requirement'),
      measure: hasMeasure ? measure : measure || problem,
      leader: t('leader'),
      leadDept: t('leadDept'),
      coDept: t('coDept'),
      owner: t('owner'),
      deadline: deadlineOf(deadlineValue),
      progress,
      statusText,
      state: stateOf(statusText, progress, closeOut),
      doneDate: done && done.kind === 'date' && (isDateValue(doneValue) || typeof doneValue === 'number' || /\d/.test(done.text)) ? done.due : null,
      closeOut,
      evidence: t('evidence'),
      notes: t('notes'),
      problemRef: cols.problemRef !== undefined ? problemRef : undefined,
      cells,
      columns,
    });
  }
  return { items, sectionRows, seqs };
}
