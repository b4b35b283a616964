/**
 * Find the header row(s) of a ledger sheet and map its columns to fields.
 * Real ledgers put a merged title and a 填报单位 row above the header, and often split the header
 * into two rows under merged parents (责任清单 over 责任领导/牵头部门), so every row near the top is
 * tried alone and together with the row below it, and the mapping that names the most fields wins.
 * Within a mapping, columns are assigned by score (fields.ts): each column to at most one field and
 * each field to its best column, so 整改措施 wins over 整改目标 beside it wherever either stands.
 */
import { cellAt, cellText, gridBottom, gridLeft, gridRight, gridTop } from '../text/grid';
import { fieldMatches, FieldMatch, isMetadataCell } from './fields';
import { ledgerRight } from './ours';
import { taughtField } from './taught';
import { matchesByValues } from './values';
import { FieldKey, HeaderMap } from '../model/ledger';
import { Grid } from '../model/grid';
import { Lang } from '../model/result';
import { term } from '../words/glossary';
import { TaughtWords } from '../model/taught';

/** How far down the header may start. */
const SCAN_ROWS = 30;

/** The fields that make a sheet a ledger; at least two of these groups must be present. */
const CORE_GROUPS: FieldKey[][] = [['problem', 'measure'], ['deadline'], ['leadDept', 'leader', 'owner'], ['status', 'progress']];

interface RowMatch {
  /** column -> the fields its cell may name, best first (only cells that name one) */
  fields: { [col: number]: FieldMatch[] };
  texts: { [col: number]: string };
  matched: number;
  nonEmpty: number;
}

/** A taught header word names its field ahead of every built-in word. */
const TAUGHT_SCORE = 110;

function matchRow(g: Grid, row: number, right: number, taught?: TaughtWords | null): RowMatch {
  const m: RowMatch = { fields: {}, texts: {}, matched: 0, nonEmpty: 0 };
  for (let c = gridLeft(g); c <= right; c++) {
    const t = cellText(cellAt(g, row, c));
    // A metadata cell in the header block (项目名称：…, 填报人：…) is neither a header nor a blank.
    if (!t || isMetadataCell(t)) continue;
    m.nonEmpty++;
    m.texts[c] = t;
    const own = taught ? taughtField(t, taught) : null;
    const f = own ? [{ field: own, score: TAUGHT_SCORE }] : fieldMatches(t);
    if (f.length) {
      m.fields[c] = f;
      m.matched++;
    }
  }
  return m;
}

interface HeaderColumn {
  col: number;
  text: string;
  matches: FieldMatch[];
}

interface Resolved {
  columns: Partial<Record<FieldKey, number>>;
  /** The score of each assigned field's column. */
  scores: Partial<Record<FieldKey, number>>;
}

const REFERS_TO_PROBLEM = /问题/;
const REFERS_TO_TASK = /任务|措施/;

/**
 * Assign columns to fields: the best (column, field) pairs first, each column and each field once;
 * at equal scores the leftmost column wins. A second 编号 column in a list that already has a plain
 * 序号 is a reference to another list (问题编号 in a task list is problemRef, 任务编号 taskRef).
 */
function resolve(cols: HeaderColumn[]): Resolved {
  const plainSeq = cols.some((c) => c.matches[0].field === 'seq' && !REFERS_TO_PROBLEM.test(c.text) && !REFERS_TO_TASK.test(c.text));
  const pairs: { col: number; field: FieldKey; score: number }[] = [];
  cols.forEach((c) =>
    c.matches.forEach((m) => {
      let field = m.field;
      if (field === 'seq' && plainSeq && REFERS_TO_PROBLEM.test(c.text)) field = 'problemRef';
      else if (field === 'seq' && plainSeq && REFERS_TO_TASK.test(c.text)) field = 'taskRef';
      pairs.push({ col: c.col, field, score: m.score });
    }),
  );
  pairs.sort((a, b) => b.score - a.score || a.col - b.col);
  const out: Resolved = { columns: {}, scores: {} };
  const usedCols: { [col: number]: true } = {};
  pairs.forEach((p) => {
    if (usedCols[p.col] || out.columns[p.field] !== undefined) return;
    usedCols[p.col] = true;
    out.columns[p.field] = p.col;
    out.scores[p.field] = p.score;
  });
  return out;
}

function score(columns: Partial<Record<FieldKey, number>>): { fields: number; groups: number } {
  let groups = 0;
  CORE_GROUPS.forEach((grp) => {
    if (grp.some((f) => columns[f] !== undefined)) groups++;
  });
  return { fields: Object.keys(columns).length, groups };
}

/** A row that is mostly header words (not a data row that happens to hold one). */
function looksLikeHeader(m: RowMatch): boolean {
  return m.matched >= 2 && m.matched * 2 >= m.nonEmpty;
}

export interface HeaderCandidate extends HeaderMap {
  /** The scorer's value (for a ledger, fields + 2 x core groups) plus the match quality (0..1): comparable between sheets. */
  score: number;
}

/** Scores a column mapping for one kind of sheet; a negative score rejects it. */
export type HeaderScorer = (columns: Partial<Record<FieldKey, number>>) => number;

/** A combined ledger: at least two core groups (e.g. measure and deadline) and three fields. */
export const ledgerScore: HeaderScorer = (columns) => {
  const s = score(columns);
  return s.groups < 2 || s.fields < 3 ? -1 : s.fields + 2 * s.groups;
};

/** The mean score of the assigned columns, 0..1: 1 when every column is named by an exact synonym. */
function quality(r: Resolved): number {
  const scores = Object.keys(r.scores).map((f) => r.scores[f as FieldKey] as number);
  if (!scores.length) return 0;
  let sum = 0;
  scores.forEach((v) => (sum += Math.min(100, v)));
  return sum / scores.length / 100;
}

/**
 * How sure detection is (HeaderMap.confidence, the pane's 识别可信度): the share of the core groups
 * found (less with fewer than five fields) times the quality of the matches.
 */
function confidenceOf(r: Resolved): number {
  const s = score(r.columns);
  const coverage = (s.groups / CORE_GROUPS.length) * (s.fields >= 5 ? 1 : 0.8);
  return Math.round(Math.min(1, coverage * quality(r)) * 100) / 100;
}

function headerColumns(m: RowMatch): HeaderColumn[] {
  return Object.keys(m.fields).map((c) => ({ col: +c, text: m.texts[+c], matches: m.fields[+c] }));
}

/**
 * A list that records no state (no status or progress column) and has no deadline column states when
 * its work is due, not when it was done: its 完成时间 is the deadline (督办 import formats).
 */
function completionAsDeadline(r: Resolved): Resolved {
  const c = r.columns;
  if (c.deadline !== undefined || c.doneDate === undefined || c.status !== undefined || c.progress !== undefined) return r;
  c.deadline = c.doneDate;
  r.scores.deadline = r.scores.doneDate;
  delete c.doneDate;
  delete r.scores.doneDate;
  return r;
}

/**
 * The best header of a grid, or null when nothing looks like a ledger header. `taught`: the header
 * words a user taught (read/taught.ts), which name their field ahead of every built-in word.
 */
export function detectHeader(g: Grid, scorer: HeaderScorer = ledgerScore, taught?: TaughtWords | null): HeaderCandidate | null {
  const top = gridTop(g);
  const bottom = Math.min(gridBottom(g), top + SCAN_ROWS - 1);
  const right = gridRight(g);
  let best: HeaderCandidate | null = null;
  let next = top <= bottom ? matchRow(g, top, right, taught) : null;
  for (let r = top; r <= bottom && next; r++) {
    const here = next;
    next = r + 1 <= gridBottom(g) ? matchRow(g, r + 1, right, taught) : null;
    if (here.matched === 0) continue;
    const single = headerColumns(here);
    const candidates: { rows: number[]; cols: HeaderColumn[] }[] = [{ rows: [r], cols: single }];
    if (next && looksLikeHeader(next)) {
      // Two-row header: the lower row names the field where it can, the parent fills in the rest.
      const merged: { [col: number]: HeaderColumn } = {};
      single.forEach((c) => (merged[c.col] = c));
      const lower = next;
      headerColumns(lower).forEach((c) => (merged[c.col] = c));
      const cols = Object.keys(merged)
        .map((c) => merged[+c])
        .sort((a, b) => a.col - b.col);
      // Only a real parent row counts: one that names a field the lower row leaves open.
      const upperAdds = single.some((c) => lower.fields[c.col] === undefined && !lower.texts[c.col]);
      if (upperAdds) candidates.push({ rows: [r, r + 1], cols });
    }
    candidates.forEach((cand) => {
      const below = cand.rows[cand.rows.length - 1] + 1;
      const cols = cand.cols
        .map((c) => ({ col: c.col, text: c.text, matches: matchesByValues(g, below, c.col, c.text, c.matches) }))
        .filter((c) => c.matches.length > 0);
      const resolved = completionAsDeadline(resolve(cols));
      const value = scorer(resolved.columns);
      if (value < 0) return;
      const total = value + quality(resolved);
      if (!best || total > best.score) {
        // The columns an earlier check added are not part of the ledger; a user's own column of
        // the same name is (core/read/ours.ts).
        const lastColumn = ledgerRight(g, cand.rows);
        best = {
          sheet: g.name,
          rows: cand.rows,
          columns: resolved.columns,
          confidence: confidenceOf(resolved),
          lastColumn,
          score: total,
        };
      }
    });
  }
  return best;
}

/** The fields a header maps to a column: what the rules may expect a value for. */
export function presentFields(header: HeaderMap): Partial<Record<FieldKey, boolean>> {
  const present: Partial<Record<FieldKey, boolean>> = {};
  (Object.keys(header.columns) as FieldKey[]).forEach((f) => (present[f] = true));
  return present;
}

/** The fields a ledger header is recognized by, in the glossary's words, for the "no ledger" message. */
const LOOKED_FOR: FieldKey[] = ['seq', 'problem', 'measure', 'leader', 'leadDept', 'deadline', 'progress', 'status'];

export function lookedFor(lang: Lang): string {
  return LOOKED_FOR.map((f) => term(lang, f)).join(lang === 'zh' ? '、' : ', ');
}
