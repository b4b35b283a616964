/**
 * Words a user can teach, for the command line: `--config FILE`, else `taizhang.json` in the working
 * folder, else none. The file is read and parsed here; the core checks its shape (parseTaught) and
 * applies the words (core/read/taught.ts), the same rule the pane's saved choices go through. A file
 * that is not JSON or not that shape is rejected with one line (exit 2), before any workbook is read.
 */
import * as fs from 'fs';
import * as path from 'path';
import { FIELD_SYNONYMS } from '../core/read/fields';
import { isTaughtProblem, parseTaught } from '../core/read/taught';
import { taizhangError } from '../core/words/errors';
import { taughtProblemText, taughtSyntaxText } from '../core/words/taught';
import type { TaughtFile, Lang } from '../core';

/** The file looked for in the working folder when --config is not given. */
export const CONFIG_NAME = 'taizhang.json';

export interface LoadedConfig {
  /** The file used, as given or found (`"config"` in the JSON), or null. */
  file: string | null;
  words: TaughtFile | null;
}

/** A command's config: the file loaded, and the command line, whose flags win over the file's options. */
export interface RunConfig extends LoadedConfig {
  argv: string[];
}

/** The option flags whose values a file's "options" only default (a flag given on the command line wins). */
const FLAG_OF: { [option: string]: string } = {
  dueSoonDays: '--due-soon-days',
  immediateDays: '--immediate-days',
  replyDays: '--reply-days',
  issuer: '--issuer',
};

export function loadConfig(given: string | null, cwd: string, lang: Lang): LoadedConfig {
  let file = given;
  if (!file) {
    const found = path.join(cwd, CONFIG_NAME);
    if (!fs.existsSync(found)) return { file: null, words: null };
    file = CONFIG_NAME;
  }
  const full = path.resolve(cwd, file);
  let text: string;
  try {
    text = fs.readFileSync(full, 'utf8');
  } catch {
    throw taizhangError('file-missing', { file });
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw taizhangError('config-invalid', { file, reason: taughtSyntaxText(detail, lang) });
  }
  const parsed = parseTaught(json);
  if (isTaughtProblem(parsed)) {
    throw taizhangError('config-invalid', { file, reason: taughtProblemText(parsed, lang, Object.keys(FIELD_SYNONYMS)) });
  }
  return { file, words: parsed };
}

/** True when `flag` was given on the command line (as `--flag value` or `--flag=value`). */
function flagGiven(argv: string[], flag: string): boolean {
  return argv.some((a) => a === flag || a.indexOf(flag + '=') === 0);
}

/** The file's option defaults laid under the command line's: a flag given wins, a flag left out takes the file's value. */
export function withConfigDefaults<T extends { dueSoonDays?: number | null; immediateDays?: number | null; replyDays?: number | null; issuer?: string | null }>(
  opts: T,
  config: RunConfig,
): T {
  const argv = config.argv;
  if (!config.words) return opts;
  const out: { [k: string]: unknown } = { ...opts };
  const fileOptions = config.words.options as { [k: string]: unknown };
  Object.keys(fileOptions).forEach((k) => {
    if (!flagGiven(argv, FLAG_OF[k])) out[k] = fileOptions[k];
  });
  return out as T;
}
