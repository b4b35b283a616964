/**
 * Columns judged by their values as well as their header words (docs/rules.md, "Header words"):
 * - a column of short status words (已完成 / 正在推进 / 未完成, 关闭) is the status column, even when it
 *   is headed 完成情况 or 整改进展, and a column of paragraphs is progress, not status;
 * - a deadline or completion-date column whose values hold no date at all (names, prose) is neither.
 * header.ts asks this of each candidate header before it assigns columns to fields, so when two
 * columns compete for one field their values decide.
 */
import { cellAt, cellText, gridBottom, isDateValue } from '../text/grid';
import { CellValue, Grid } from '../model/grid';
import { FieldKey } from '../model/ledger';
import { FieldMatch, isYesNoHeader } from './fields';
import { parseState } from './status';

/** How many rows below the header are looked at. */
const SAMPLE_ROWS = 200;
/** A status word is at most this long (已整改到位, 正在推进中). */
const STATUS_WORD_LENGTH = 8;
/** Values say nothing about a column with fewer than this many. */
const MIN_VALUES = 3;
/** Prose: the mean length of a column's texts above this. */
const PROSE_LENGTH = 12;

interface ColumnValues {
  texts: string[];
  values: CellValue[];
}

function sample(g: Grid, firstRow: number, col: number): ColumnValues {
  const out: ColumnValues = { texts: [], values: [] };
  const last = Math.min(gridBottom(g), firstRow + SAMPLE_ROWS - 1);
  for (let r = firstRow; r <= last; r++) {
    const v = cellAt(g, r, col);
    const t = cellText(v).trim();
    if (!t) continue;
    out.texts.push(t);
    out.values.push(v);
  }
  return out;
}

/** Most texts are short status words, and most of those the grammar reads (unknown words count too: 关闭 before it is taught). */
export function isStatusWords(texts: string[], yesNo: boolean): boolean {
  if (texts.length < MIN_VALUES) return false;
  let short = 0;
  let known = 0;
  const distinct: { [t: string]: true } = {};
  // Each distinct word is read once: a column repeats a handful of them.
  const read: { [t: string]: boolean } = {};
  texts.forEach((t) => {
    if (t.length > STATUS_WORD_LENGTH || /[，。；,;\n\d]/.test(t)) return;
    short++;
    distinct[t] = true;
    let isKnown = read[t];
    if (isKnown === undefined) read[t] = isKnown = parseState(t, { yesNo }) !== 'unknown';
    if (isKnown) known++;
  });
  const kinds = Object.keys(distinct).length;
  return short >= texts.length * 0.8 && (known * 2 >= short || kinds <= Math.max(3, short / 5));
}

function isProse(texts: string[]): boolean {
  if (texts.length < MIN_VALUES) return false;
  let sum = 0;
  texts.forEach((t) => (sum += t.length));
  return sum / texts.length > PROSE_LENGTH;
}

const DATE_WORDS = /\d|长期|立行|立即|立查|当场|待定|年|月|底|季度|持续|long|ongoing|immediate/i;

function holdsNoDate(v: ColumnValues): boolean {
  if (v.values.length < MIN_VALUES) return false;
  for (let i = 0; i < v.values.length; i++) {
    const x = v.values[i];
    if (typeof x === 'number' || isDateValue(x) || DATE_WORDS.test(v.texts[i])) return false;
  }
  return true;
}

const DATE_FIELDS: FieldKey[] = ['deadline', 'doneDate'];

/**
 * The matches of one header cell, adjusted by the values under it (rows from `firstRow`). Returns the
 * matches unchanged when the values say nothing.
 */
export function matchesByValues(g: Grid, firstRow: number, col: number, text: string, matches: FieldMatch[]): FieldMatch[] {
  const has = (f: FieldKey) => matches.some((m) => m.field === f);
  const stateLike = has('progress') || has('status');
  const dateLike = DATE_FIELDS.some(has);
  if (!stateLike && !dateLike) return matches;
  const v = sample(g, firstRow, col);
  if (!v.texts.length) return matches;
  let out = matches;
  if (stateLike) {
    if (isStatusWords(v.texts, isYesNoHeader(text))) {
      // Short status words: the status column. A header that names the status as well (隐患状态) goes
      // ahead of one that names progress (复查结果 beside it), which stays progress when it loses.
      const status = matches.filter((m) => m.field === 'status');
      const progress = matches.filter((m) => m.field === 'progress');
      out = matches.filter((m) => m.field !== 'status' && m.field !== 'progress');
      if (status.length) out.push({ field: 'status', score: status[0].score + 1 });
      if (progress.length) {
        if (!status.length) out.push({ field: 'status', score: progress[0].score - 1 });
        out.push({ field: 'progress', score: progress[0].score / 2 });
      }
    } else if (isProse(v.texts) && has('progress')) {
      // Paragraphs are progress, whatever the header calls them.
      out = out.filter((m) => m.field !== 'status');
    }
  }
  if (dateLike && holdsNoDate(v)) out = out.filter((m) => DATE_FIELDS.indexOf(m.field) < 0);
  return out.sort((a, b) => b.score - a.score);
}
