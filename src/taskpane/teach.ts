/**
 * The pane's side of the words a user can teach (docs/contract.md, "Words a user can teach"), without
 * the DOM: what to offer (each unrecognized status word and each unplaced column, once), what a choice
 * does to the taught words, and the JSON the pane exports and imports, the same file the CLI reads as
 * taizhang.json. The pane saves the taught words in the workbook's settings under TAUGHT_SETTING and
 * passes them to checkWorkbook as CheckOptions.taught; the core applies them (core/read/taught.ts).
 */
import { TAUGHT_KEY } from '../host/settings';
import { cellAt, cellText, colLetter, isTaughtProblem, parseTaught, taughtProblemText, taughtSyntaxText, FIELD_SYNONYMS, CheckResult, FieldKey, Grid, Lang, TaughtWords } from '../core';

/** The document setting that holds the taught words (src/host/settings.ts: loadTaught, saveTaught). */
export const TAUGHT_SETTING = TAUGHT_KEY;

/** A state a status word may be taught to mean. */
export type TaughtState = 'not-started' | 'in-progress' | 'basically-done' | 'done' | 'closed';

export interface TeachChoices {
  /** Each status word the check could not place, most frequent first, with how many items carry it. */
  words: { text: string; count: number }[];
  /** Each header cell no field took: its column (1-based), letter and text. */
  columns: { col: number; letter: string; text: string }[];
}

/** A metadata cell in the header block (项目名称：…) is no column to place. */
const METADATA = /^[^:：\n]{1,8}[:：][ \u3000]*\S/;

/** What the pane offers to teach after a check of `grid` (the ledger sheet of `result`). */
export function teachChoices(result: CheckResult, grid: Grid): TeachChoices {
  const counts: { [w: string]: number } = {};
  const order: string[] = [];
  result.items.forEach((i) => {
    if (i.state !== 'unknown' || !i.statusText) return;
    const w = i.statusText.replace(/\s+/g, ' ').trim();
    if (counts[w] === undefined) {
      counts[w] = 0;
      order.push(w);
    }
    counts[w]++;
  });
  const words = order.map((text, k) => ({ text, count: counts[text], k }));
  words.sort((a, b) => b.count - a.count || a.k - b.k);
  const placed: { [col: number]: true } = {};
  (Object.keys(result.header.columns) as FieldKey[]).forEach((f) => (placed[result.header.columns[f] as number] = true));
  const columns: TeachChoices['columns'] = [];
  const left = grid.left || 1;
  for (let c = left; c <= result.header.lastColumn; c++) {
    if (placed[c]) continue;
    let text = '';
    // The lowest header row that names the column (a two-row header's lower cell, else its parent).
    for (let k = result.header.rows.length - 1; k >= 0 && !text; k--) text = cellText(cellAt(grid, result.header.rows[k], c)).trim();
    if (text && !METADATA.test(text)) columns.push({ col: c, letter: colLetter(c), text });
  }
  return { words: words.map((w) => ({ text: w.text, count: w.count })), columns };
}

function without(list: string[] | undefined, word: string): string[] {
  return (list || []).filter((w) => w !== word);
}

/** The taught words with `word` meaning `state` (null: forget it). Never changes `taught`. */
export function teachWord(taught: TaughtWords, word: string, state: TaughtState | null): TaughtWords {
  const status: { [s: string]: string[] } = {};
  const old = (taught.status || {}) as { [s: string]: string[] | undefined };
  Object.keys(old).forEach((s) => {
    const kept = without(old[s], word);
    if (kept.length) status[s] = kept;
  });
  if (state) status[state] = (status[state] || []).concat([word]);
  return { headers: taught.headers, status: status as TaughtWords['status'] };
}

/** The taught words with the header `text` naming `field` (null: forget it). Never changes `taught`. */
export function teachColumn(taught: TaughtWords, text: string, field: FieldKey | null): TaughtWords {
  const headers: { [f: string]: string[] } = {};
  const old = (taught.headers || {}) as { [f: string]: string[] | undefined };
  Object.keys(old).forEach((f) => {
    const kept = without(old[f], text);
    if (kept.length) headers[f] = kept;
  });
  if (field) headers[field] = (headers[field] || []).concat([text]);
  return { headers: headers as TaughtWords['headers'], status: taught.status };
}

/** The JSON the pane exports: taizhang.json's shape, options included when given. */
export function exportTaught(taught: TaughtWords, options?: { dueSoonDays?: number; immediateDays?: number; replyDays?: number; issuer?: string }): string {
  const out: { [k: string]: unknown } = {};
  if (taught.headers && Object.keys(taught.headers).length) out.headers = taught.headers;
  if (taught.status && Object.keys(taught.status).length) out.status = taught.status;
  if (options && Object.keys(options).length) out.options = options;
  return JSON.stringify(out, null, 2) + '\n';
}

/** An imported file: its words and options, or the one line that says why it is refused. */
export type Imported = { taught: TaughtWords; options: { dueSoonDays?: number; immediateDays?: number; replyDays?: number; issuer?: string } } | { error: string };

/** Reads a file the user imports (a taizhang.json), as the CLI does. */
export function importTaught(text: string, lang: Lang): Imported {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    return { error: taughtSyntaxText(e instanceof Error ? e.message : String(e), lang) };
  }
  const parsed = parseTaught(json);
  if (isTaughtProblem(parsed)) return { error: taughtProblemText(parsed, lang, Object.keys(FIELD_SYNONYMS)) };
  return parsed;
}
