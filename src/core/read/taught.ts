/**
 * The one rule that applies the words a user taught (model/taught.ts): a taught header word names its
 * field outright, a taught status word means its state outright; both come before every built-in word.
 * Both hosts reach it the same way: the CLI's taizhang.json and the pane's saved choices are the same
 * JSON, parsed and checked here (parseTaught), and passed as CheckOptions.taught.
 */
import { toHalfWidth } from '../text/normalize';
import { toSimplified } from '../text/traditional';
import { FieldKey, State } from '../model/ledger';
import { TaughtProblem, TaughtWords } from '../model/taught';
import { FIELD_SYNONYMS, normalizeHeader } from './fields';

/** The states a status word may be taught to mean. */
export const TAUGHT_STATES: State[] = ['not-started', 'in-progress', 'basically-done', 'done', 'closed'];

/** Option defaults the file may set, with the type each takes. */
export const TAUGHT_OPTIONS: { [key: string]: 'count' | 'text' } = {
  dueSoonDays: 'count',
  immediateDays: 'count',
  replyDays: 'count',
  issuer: 'text',
};

/** A status word's comparable form: simplified, half-width, lower case, no spaces. */
function statusKey(text: string): string {
  return toHalfWidth(toSimplified(text || ''))
    .replace(/[\s\u3000]+/g, '')
    .toLowerCase();
}

/** The state a taught word gives `text` (a whole status cell), or null. */
export function taughtState(text: string, taught: TaughtWords): State | null {
  const status = taught.status;
  if (!status) return null;
  const key = statusKey(text);
  for (let i = 0; i < TAUGHT_STATES.length; i++) {
    const words = status[TAUGHT_STATES[i]];
    if (!words) continue;
    for (let j = 0; j < words.length; j++) if (statusKey(words[j]) === key) return TAUGHT_STATES[i];
  }
  return null;
}

/** The field a taught header word names for `text` (a whole header cell), or null. */
export function taughtField(text: string, taught: TaughtWords): FieldKey | null {
  const headers = taught.headers;
  if (!headers) return null;
  const key = normalizeHeader(toSimplified(text));
  const fields = Object.keys(headers) as FieldKey[];
  for (let i = 0; i < fields.length; i++) {
    const words = headers[fields[i]] || [];
    for (let j = 0; j < words.length; j++) if (normalizeHeader(toSimplified(words[j])) === key) return fields[i];
  }
  return null;
}

/** What a taught-words file holds: the words, and the option defaults it sets. */
export interface TaughtFile {
  taught: TaughtWords;
  options: { dueSoonDays?: number; immediateDays?: number; replyDays?: number; issuer?: string };
}

function isObject(v: unknown): v is { [k: string]: unknown } {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

function wordList(v: unknown): string[] | null {
  if (!Array.isArray(v)) return null;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string' || !(v[i] as string).trim()) return null;
  return v as string[];
}

/**
 * Checks a parsed taizhang.json: { "headers": { field: [words] }, "status": { state: [words] },
 * "options": { dueSoonDays, immediateDays, replyDays, issuer } }, every key optional. Returns the file,
 * or the first problem found (a host turns it into its one line).
 */
export function parseTaught(json: unknown): TaughtFile | TaughtProblem {
  if (!isObject(json)) return { path: '$', expected: 'object' };
  const out: TaughtFile = { taught: {}, options: {} };
  const keys = Object.keys(json);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k !== 'headers' && k !== 'status' && k !== 'options' && k.charAt(0) !== '$') return { path: k, expected: 'key' };
  }
  if (json.headers !== undefined) {
    if (!isObject(json.headers)) return { path: 'headers', expected: 'object' };
    const headers: Partial<Record<FieldKey, string[]>> = {};
    const fields = Object.keys(json.headers);
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i];
      if (!Object.prototype.hasOwnProperty.call(FIELD_SYNONYMS, f)) return { path: 'headers.' + f, expected: 'field' };
      const words = wordList(json.headers[f]);
      if (!words) return { path: 'headers.' + f, expected: 'words' };
      headers[f as FieldKey] = words;
    }
    out.taught.headers = headers;
  }
  if (json.status !== undefined) {
    if (!isObject(json.status)) return { path: 'status', expected: 'object' };
    const status: Partial<Record<State, string[]>> = {};
    const states = Object.keys(json.status);
    for (let i = 0; i < states.length; i++) {
      const s = states[i];
      if (TAUGHT_STATES.indexOf(s as State) < 0) return { path: 'status.' + s, expected: 'state' };
      const words = wordList(json.status[s]);
      if (!words) return { path: 'status.' + s, expected: 'words' };
      status[s as State] = words;
    }
    out.taught.status = status;
  }
  if (json.options !== undefined) {
    if (!isObject(json.options)) return { path: 'options', expected: 'object' };
    const opts = json.options;
    const names = Object.keys(opts);
    for (let i = 0; i < names.length; i++) {
      const n = names[i];
      const kind = TAUGHT_OPTIONS[n];
      const v = opts[n];
      if (!kind) return { path: 'options.' + n, expected: 'option' };
      if (kind === 'count' && !(typeof v === 'number' && v >= 0 && v <= 99999 && Math.floor(v) === v)) return { path: 'options.' + n, expected: 'count' };
      if (kind === 'text' && !(typeof v === 'string' && v.trim())) return { path: 'options.' + n, expected: 'text' };
      (out.options as { [k: string]: unknown })[n] = v;
    }
  }
  return out;
}

export function isTaughtProblem(r: TaughtFile | TaughtProblem): r is TaughtProblem {
  return (r as TaughtProblem).expected !== undefined;
}
