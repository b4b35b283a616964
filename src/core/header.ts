/**
 * Find the header row(s) of a ledger sheet and map its columns to fields.
 * Real ledgers put a merged title and a 填报单位 row above the header, and often split the header
 * into two rows under merged parents (责任清单 over 责任领导/牵头部门), so every row near the top is
 * tried alone and together with the row below it, and the mapping that names the most fields wins.
 */
import { cellAt, cellText, gridBottom, gridLeft, gridRight, gridTop } from './grid';
import { matchField } from './fields';
import { ledgerRight } from './ours';
import { FieldKey, Grid, HeaderMap } from './types';

/** How far down the header may start. */
const SCAN_ROWS = 30;

/** The fields that make a sheet a ledger; at least two of these groups must be present. */
const CORE_GROUPS: FieldKey[][] = [['problem', 'measure'], ['deadline'], ['leadDept', 'leader', 'owner'], ['status', 'progress']];

interface RowMatch {
  /** column -> field, only for cells that name a field */
  fields: { [col: number]: FieldKey };
  texts: { [col: number]: string };
  matched: number;
  nonEmpty: number;
}

function matchRow(g: Grid, row: number, right: number): RowMatch {
  const m: RowMatch = { fields: {}, texts: {}, matched: 0, nonEmpty: 0 };
  for (let c = gridLeft(g); c <= right; c++) {
    const t = cellText(cellAt(g, row, c));
    if (!t) continue;
    m.nonEmpty++;
    m.texts[c] = t;
    const f = matchField(t);
    if (f) {
      m.fields[c] = f;
      m.matched++;
    }
  }
  return m;
}

/**
 * Resolve one column per field. A second 编号 column in a list that already has 序号 is a reference
 * to another list (问题编号 in a task list), as is any seq-like header that names 问题 or 任务.
 */
function resolve(cols: { col: number; field: FieldKey; text: string }[]): Partial<Record<FieldKey, number>> {
  const out: Partial<Record<FieldKey, number>> = {};
  const hasPlainSeq = cols.some((c) => c.field === 'seq' && !/问题|任务|措施/.test(c.text));
  cols.forEach((c) => {
    let field = c.field;
    if (field === 'seq' && hasPlainSeq && /问题/.test(c.text)) field = 'problemRef';
    else if (field === 'seq' && hasPlainSeq && /任务|措施/.test(c.text)) field = 'taskRef';
    if (out[field] === undefined) out[field] = c.col;
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
  /** fields + 2 x core groups: comparable between sheets. */
  score: number;
}

/** Scores a column mapping for one kind of sheet; a negative score rejects it. */
export type HeaderScorer = (columns: Partial<Record<FieldKey, number>>) => number;

/** A combined ledger: at least two core groups (e.g. measure and deadline) and three fields. */
export const ledgerScore: HeaderScorer = (columns) => {
  const s = score(columns);
  return s.groups < 2 || s.fields < 3 ? -1 : s.fields + 2 * s.groups;
};

/** The best header of a grid, or null when nothing looks like a ledger header. */
export function detectHeader(g: Grid, scorer: HeaderScorer = ledgerScore): HeaderCandidate | null {
  const top = gridTop(g);
  const bottom = Math.min(gridBottom(g), top + SCAN_ROWS - 1);
  const right = gridRight(g);
  let best: HeaderCandidate | null = null;
  let next = top <= bottom ? matchRow(g, top, right) : null;
  for (let r = top; r <= bottom && next; r++) {
    const here = next;
    next = r + 1 <= gridBottom(g) ? matchRow(g, r + 1, right) : null;
    if (here.matched === 0) continue;
    const single = Object.keys(here.fields).map((c) => ({ col: +c, field: here.fields[+c], text: here.texts[+c] }));
    const candidates: { rows: number[]; cols: { col: number; field: FieldKey; text: string }[] }[] = [{ rows: [r], cols: single }];
    if (next && looksLikeHeader(next)) {
      // Two-row header: the lower row names the field where it can, the parent fills in the rest.
      const merged: { [col: number]: { col: number; field: FieldKey; text: string } } = {};
      single.forEach((c) => (merged[c.col] = c));
      const lower = next;
      Object.keys(lower.fields).forEach((c) => (merged[+c] = { col: +c, field: lower.fields[+c], text: lower.texts[+c] }));
      const cols = Object.keys(merged)
        .map((c) => merged[+c])
        .sort((a, b) => a.col - b.col);
      // Only a real parent row counts: one that names a field the lower row leaves open.
      const upperAdds = single.some((c) => lower.fields[c.col] === undefined && !lower.texts[c.col]);
      if (upperAdds) candidates.push({ rows: [r, r + 1], cols });
    }
    candidates.forEach((cand) => {
      const columns = resolve(cand.cols);
      const total = scorer(columns);
      if (total < 0) return;
      if (!best || total > best.score) {
        const s = score(columns);
        // The columns an earlier check added are not part of the ledger; a user's own column of
        // the same name is (core/ours.ts).
        const lastColumn = ledgerRight(g, cand.rows);
        best = {
          sheet: g.name,
          rows: cand.rows,
          columns,
          confidence: Math.min(1, (s.groups / CORE_GROUPS.length) * (s.fields >= 5 ? 1 : 0.8)),
          lastColumn,
          score: total,
        };
      }
    });
  }
  return best;
}

/** The field names looked for, for the "no ledger" message. */
export function lookedFor(lang: 'zh' | 'en'): string {
  return lang === 'zh'
    ? '序号、存在问题、整改措施、责任领导、牵头部门、完成时限、整改进展、完成状态'
    : 'No., Finding/Issue, Action, Owner, Department, Due date, Status, Progress';
}
