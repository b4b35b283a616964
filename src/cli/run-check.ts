/**
 * The check pipeline as a function: the CLI and the benchmark call the same code.
 * Without `out` the workbook is streamed and only Grids are held; with `out` it is read in memory,
 * annotated and written to a new file.
 */
import * as fs from 'fs';
import * as path from 'path';
import { planAnnotations } from '../core/annotate';
import { checkWorkbook } from '../core/check';
import { taizhangError } from '../core/errors';
import { CheckOptions, CheckResult } from '../core/types';
import { readWorkbook, streamGrids } from '../xlsx/read';
import { applyAnnotation, writeWorkbookAtomic } from '../xlsx/write';
import { cliText } from './messages';

export interface CheckFileOptions extends CheckOptions {
  /** Write the checked copy here. */
  out?: string | null;
  onProgress?: (rows: number) => void;
}

/** True when `out` names the input file (also through another relative path or a link). */
export function isSameFile(input: string, out: string): boolean {
  if (path.resolve(input) === path.resolve(out)) return true;
  try {
    const a = fs.statSync(input);
    const b = fs.statSync(out);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

/** `--out` must go into a folder that exists: say so before any reading, not as an error after it. */
export function assertOutFolder(out: string, lang: 'zh' | 'en'): void {
  const folder = path.dirname(path.resolve(out));
  let isDir = false;
  try {
    isDir = fs.statSync(folder).isDirectory();
  } catch {
    /* missing */
  }
  if (!isDir) throw taizhangError('usage', { message: cliText(lang, 'usage.outFolder', { dir: path.dirname(out) }) });
}

export async function checkFile(file: string, opts: CheckFileOptions): Promise<CheckResult> {
  const lang = opts.lang || 'zh';
  const checkOpts: CheckOptions = {
    file: opts.file || file,
    asOf: opts.asOf,
    start: opts.start || null,
    dueSoonDays: opts.dueSoonDays,
    immediateDays: opts.immediateDays,
    lang,
    sheet: opts.sheet || null,
  };
  if (!opts.out) {
    const grids = await streamGrids(file, { onProgress: opts.onProgress });
    return checkWorkbook(grids, checkOpts);
  }
  if (isSameFile(file, opts.out)) throw taizhangError('usage', { message: cliText(lang, 'usage.outIsInput') });
  assertOutFolder(opts.out, lang);
  const { workbook, grids } = await readWorkbook(file);
  const result = checkWorkbook(grids, checkOpts);
  // The ledger sheet gets its four columns; a three-list workbook's other lists get 检查意见 where needed.
  for (const plan of planAnnotations(grids, result, lang)) {
    const ws = workbook.getWorksheet(plan.sheet);
    if (ws) applyAnnotation(ws, plan);
  }
  await writeWorkbookAtomic(workbook, opts.out);
  return result;
}
