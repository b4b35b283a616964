/**
 * The inputs a summary leaves out, and why: each is listed on stderr, in the JSON ("skipped") and on
 * 总览, and the command exits 2 when a ledger was among them (docs/contract.md).
 */
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { Lang } from '../core';
import { ExpandedInputs } from './inputs';
import { cliText } from './messages';

export type SkipReason = 'lock-file' | 'unusable' | 'duplicate' | 'no-match';

export interface SkippedFile {
  /** The path as given or expanded (for a pattern or folder that matched nothing, the argument). */
  file: string;
  reason: SkipReason;
  /** One sentence in the user's language that names the file and says why. */
  message: string;
}

/** The lock files and the empty patterns and folders of an expansion, as skipped inputs. */
export function skippedOf(expanded: ExpandedInputs, lang: Lang): SkippedFile[] {
  const out: SkippedFile[] = expanded.locks.map((file) => ({ file, reason: 'lock-file' as const, message: cliText(lang, 'skipped.lock', { file: path.basename(file) }) }));
  for (const e of expanded.empty) {
    out.push({ file: e.arg, reason: 'no-match', message: cliText(lang, e.folder ? 'skipped.emptyFolder' : 'skipped.noMatch', { file: e.arg }) });
  }
  return out;
}

/** True when a ledger, not only a lock file, was left out: the exit code is then 2. */
export function ledgerSkipped(skipped: SkippedFile[]): boolean {
  return skipped.some((k) => k.reason !== 'lock-file');
}

/** The lines for stderr: the lock files in one line, then one line per other skipped input. */
export function skippedLines(skipped: SkippedFile[], lang: Lang): string[] {
  const locks = skipped.filter((k) => k.reason === 'lock-file').map((k) => path.basename(k.file));
  const lines = locks.length ? [cliText(lang, 'skipped.locks', { count: locks.length, list: locks.join(lang === 'zh' ? '、' : ', ') })] : [];
  skipped.filter((k) => k.reason !== 'lock-file').forEach((k) => lines.push(cliText(lang, 'skipped.line', { message: k.message })));
  return lines;
}

const digests = new Map<string, string>();

function digestOf(file: string): string | null {
  const key = path.resolve(file);
  let d = digests.get(key);
  if (d === undefined) {
    try {
      d = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
    } catch {
      return null;
    }
    digests.set(key, d);
  }
  return d;
}

function sizeOf(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return -1;
  }
}

/**
 * The first of `earlier` whose bytes are those of `file`, or null: two copies of one ledger under
 * two names (部门07.xlsx and 部门07(1).xlsx) are counted once. Only files of the same size are read
 * to compare.
 */
export function sameBytes(file: string, earlier: string[]): string | null {
  const size = sizeOf(file);
  if (size < 0) return null;
  for (const other of earlier) {
    if (sizeOf(other) !== size) continue;
    const a = digestOf(file);
    if (a !== null && a === digestOf(other)) return other;
  }
  return null;
}
