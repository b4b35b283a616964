/**
 * The check pipeline as a function: the CLI and the benchmark call the same code.
 * The workbook is read by Taizhang's own reader (src/xlsx/read.ts), which holds only Grids; with
 * `out`, the checked copy is written as a patch of the input (src/xlsx/patch.ts): every part the
 * check does not change is copied byte for byte.
 * A check takes the core's modules by path, not through the façade, and loads the writer of the
 * checked copy only for --out: `taizhang check` of a small ledger is mostly loading code (the rest
 * of the core and the writer were some 40 ms of a 0.3 s run here). scripts/layout.js holds it so.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkWorkbook } from '../core/check/check';
import { taizhangError } from '../core/words/errors';
import type { CheckOptions, CheckResult, Lang } from '../core';
import type { Package } from '../xlsx/package';
import { Book, legacyReader, readBook, readGrids } from '../xlsx/read';
import { isLegacyWorkbook } from '../xlsx/sniff';
import { withTemporary } from '../xlsx/write';
import { cliText } from './messages';
import { guarded } from './os-errors';

export interface CheckFileOptions extends CheckOptions {
  /** Write the checked copy here. */
  out?: string | null;
  /** Called now and then with the rows read so far. */
  onProgress?: (rows: number) => void;
  /** Called now and then with the rows written so far (check --out). */
  onWriteProgress?: (rows: number) => void;
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
  let kind: 'dir' | 'file' | 'missing' = 'missing';
  try {
    kind = fs.statSync(folder).isDirectory() ? 'dir' : 'file';
  } catch {
    /* missing, or a path through a file */
  }
  if (kind === 'file') throw taizhangError('usage', { message: cliText(lang, 'usage.outFolderIsFile', { dir: path.dirname(out) }) });
  if (kind === 'missing') throw taizhangError('usage', { message: cliText(lang, 'usage.outFolder', { dir: path.dirname(out) }) });
}

/**
 * The checked copy is the same kind of file as the input: a macro-enabled workbook stays a .xlsm
 * with its macros (Excel refuses a .xlsx that holds them), and a template is not written over.
 */
export function assertOutKind(pkg: Package, file: string, out: string, lang: Lang): void {
  const xlsm = /\.xlsm$/i.test(out);
  if (pkg.kind === 'xlsm' && !xlsm) {
    throw taizhangError('usage', { message: cliText(lang, 'usage.outMacro', { file, out: out.replace(/\.xlsx$/i, '.xlsm') }) });
  }
  if (pkg.kind === 'xlsx' && xlsm) throw taizhangError('usage', { message: cliText(lang, 'usage.outNoMacro', { file, out: out.replace(/\.xlsm$/i, '.xlsx') }) });
  if (pkg.kind !== 'xlsx' && pkg.kind !== 'xlsm') throw taizhangError('usage', { message: cliText(lang, 'usage.outTemplate', { file, kind: pkg.kind }) });
}

export async function checkFile(file: string, opts: CheckFileOptions): Promise<CheckResult> {
  const lang = opts.lang || 'zh';
  // The options go to the core whole; it reads its own fields and ignores where to write.
  const checkOpts: CheckOptions = opts.file ? opts : { ...opts, file };
  const out = opts.out;
  if (!out) return checkWorkbook(await guarded('read', file, lang, () => readGrids(file, { onProgress: opts.onProgress })), checkOpts);
  if (isSameFile(file, out)) throw taizhangError('usage', { message: cliText(lang, 'usage.outIsInput') });
  assertOutFolder(out, lang);
  if (isLegacyWorkbook(file)) return checkLegacyFile(file, out, checkOpts, opts);
  const book = await guarded('read', file, lang, () => readBook(file, { onProgress: opts.onProgress, onOpen: (pkg) => assertOutKind(pkg, file, out, lang) }));
  return checkBook(book, file, out, checkOpts, opts);
}

/** Checks a read .xlsx and writes its checked copy to `out`, as a patch of it. */
async function checkBook(book: Book, file: string, out: string, checkOpts: CheckOptions, opts: CheckFileOptions): Promise<CheckResult> {
  const lang = opts.lang || 'zh';
  try {
    const result = checkWorkbook(book.grids, checkOpts);
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { planAnnotations } = require('../core/sheets/annotation') as typeof import('../core/sheets/annotation');
    const { patchWorkbook } = require('../xlsx/patch') as typeof import('../xlsx/patch');
    /* eslint-enable @typescript-eslint/no-require-imports */
    // The ledger sheet gets its four columns; a three-list workbook's other lists get 检查意见 where needed.
    const plans = planAnnotations(book.grids, result, lang);
    const mode = fs.statSync(file).mode & 0o777;
    await guarded('write', out, lang, () => patchWorkbook(book, plans, out, { mode, onProgress: opts.onWriteProgress }));
    return result;
  } finally {
    book.close();
  }
}

/**
 * check --out of a legacy .xls or .et: the old binary format cannot be patched without loss, so the
 * ledger as read (values, number formats, merges, column widths: biff/to-xlsx.ts) becomes an .xlsx
 * beside `out`, which is then checked and patched like any .xlsx; the base is removed. The checked
 * copy is therefore always an .xlsx, and the original file is only read.
 */
async function checkLegacyFile(file: string, out: string, checkOpts: CheckOptions, opts: CheckFileOptions): Promise<CheckResult> {
  const lang = opts.lang || 'zh';
  if (!/\.xlsx$/i.test(out)) throw taizhangError('usage', { message: cliText(lang, 'usage.outLegacy', { file, out: out.replace(/\.[^.\\/]*$/, '') + '.xlsx' }) });
  const legacy = legacyReader().readLegacyBook(file, file, { keepFormats: true, onProgress: opts.onProgress });
  const target = path.resolve(out);
  const base = path.join(path.dirname(target), '.' + path.basename(target) + '.' + process.pid + '.base.xlsx');
  return withTemporary(base, async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('../xlsx/biff/to-xlsx') as typeof import('../xlsx/biff/to-xlsx')).writeLegacyAsXlsx(legacy, base);
    return checkBook(await readBook(base, { display: file }), file, out, checkOpts, opts);
  });
}
