/**
 * The summary pipeline as functions: the CLI, the demo and the benchmark call the same code.
 * Each ledger is read with the streaming reader (only Grids are held: nothing of the inputs is
 * written back), checked with its base name as `file`, summarized, and the seven summary sheets are
 * rendered from their SheetSpecs into a new workbook that is written atomically. `--notices` adds one
 * small 督办单 workbook per lead department with overdue or due-soon items.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isTaizhangError, taizhangError, userMessage } from '../core/errors';
import { noticeDepartments, noticeSheets, summarySheets } from '../core/sheets';
import { summarize, Summary } from '../core/summary';
import { CheckOptions, CheckResult, Lang } from '../core/types';
import { assertXlsx } from '../xlsx/sniff';
import { writeSpecsWorkbook } from '../xlsx/spec';
import { cliText } from './messages';
import { assertOutFolder, checkFile, isSameFile } from './run-check';

export interface SummaryFilesOptions extends Pick<CheckOptions, 'asOf' | 'start' | 'dueSoonDays' | 'immediateDays' | 'lang' | 'sheet'> {
  /** Write the summary workbook here. */
  out?: string | null;
  /** Write one 督办单 per lagging lead department into this folder. */
  notices?: string | null;
  /** Called with the file being read and the rows read so far. */
  onProgress?: (file: string, rows: number) => void;
}

export interface NoticeFile {
  dept: string;
  file: string;
}

export interface SummaryRun {
  results: CheckResult[];
  summary: Summary;
  notices: NoticeFile[];
}

/**
 * Every message about one of several inputs names that input. Most messages already do; the others
 * (such as "no sheet named …") get the file in front.
 */
function naming(e: unknown, file: string, lang: Lang): unknown {
  if (!isTaizhangError(e)) return e;
  const message = userMessage(e, lang);
  if (message.indexOf(file) >= 0 || message.indexOf(path.basename(file)) >= 0) return e;
  return taizhangError('usage', { message: cliText(lang, 'file.prefix', { file, message }) });
}

/** Reads (streaming, as check --json does) and checks one ledger; `file` in the result is its base name. */
export async function checkLedgerFile(file: string, opts: SummaryFilesOptions): Promise<CheckResult> {
  const progress = opts.onProgress;
  try {
    return await checkFile(file, {
      file: path.basename(file),
      asOf: opts.asOf,
      start: opts.start,
      dueSoonDays: opts.dueSoonDays,
      immediateDays: opts.immediateDays,
      lang: opts.lang,
      sheet: opts.sheet,
      onProgress: progress ? (rows) => progress(file, rows) : undefined,
    });
  } catch (e) {
    throw naming(e, file, opts.lang || 'zh');
  }
}

/** The checks that need no full read: every input once and a whole .xlsx, the output none of them. */
function checkInputs(files: string[], opts: SummaryFilesOptions): void {
  const lang = opts.lang || 'zh';
  for (let i = 0; i < files.length; i++) {
    for (let j = 0; j < i; j++) {
      if (isSameFile(files[i], files[j])) throw taizhangError('usage', { message: cliText(lang, 'usage.duplicateFile', { file: files[i] }) });
    }
    if (opts.out && isSameFile(files[i], opts.out)) throw taizhangError('usage', { message: cliText(lang, 'usage.outIsInput') });
  }
  if (opts.out) assertOutFolder(opts.out, lang);
  // A missing or unusable file fails before minutes are spent reading the others.
  for (const file of files) assertXlsx(file);
  if (opts.notices) {
    let isFile = false;
    try {
      isFile = !fs.statSync(opts.notices).isDirectory();
    } catch {
      /* it will be created */
    }
    if (isFile) throw taizhangError('usage', { message: cliText(lang, 'usage.noticesIsFile', { dir: opts.notices }) });
  }
}

/** Writes the seven summary sheets to `out` (streamed, atomically). */
export async function writeSummaryWorkbook(summary: Summary, out: string, lang: Lang = summary.lang): Promise<void> {
  await writeSpecsWorkbook(summarySheets(summary, lang), out);
}

/** Characters Windows does not allow in file names, control characters, and trailing dots and spaces. */
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f]/g;
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

/** A department name as a safe part of a file name: illegal characters become _, and never empty. */
export function safeFileName(name: string): string {
  let s = name.replace(ILLEGAL, '_').replace(/\s+/g, ' ').trim().replace(/[. ]+$/, '');
  if (RESERVED.test(s)) s = '_' + s;
  if (s.length > 80) s = s.slice(0, 80);
  return s || '_';
}

/**
 * 督办单-<部门>.xlsx, whatever the language of the sheets (the file name is what staff attach and
 * forward). Distinct names for distinct departments, also where only illegal characters differ.
 */
export function noticeFileNames(depts: string[]): string[] {
  const used: Record<string, true> = Object.create(null);
  return depts.map((dept) => {
    const base = '督办单-' + safeFileName(dept);
    let name = base + '.xlsx';
    for (let n = 2; used[name.toLowerCase()]; n++) name = base + '-' + n + '.xlsx';
    used[name.toLowerCase()] = true;
    return name;
  });
}

/** One 督办单 workbook per lead department with overdue or due-soon items, in `dir` (created if needed). */
export async function writeNotices(summary: Summary, dir: string, lang: Lang = summary.lang): Promise<NoticeFile[]> {
  const depts = noticeDepartments(summary);
  fs.mkdirSync(dir, { recursive: true });
  const names = noticeFileNames(depts);
  const out: NoticeFile[] = [];
  for (let k = 0; k < depts.length; k++) {
    const file = path.join(dir, names[k]);
    await writeSpecsWorkbook(noticeSheets(summary, depts[k], lang), file);
    out.push({ dept: depts[k], file });
  }
  return out;
}

/** Reads and checks every file, summarizes, and writes what `out` and `notices` ask for. */
export async function summarizeFiles(files: string[], opts: SummaryFilesOptions): Promise<SummaryRun> {
  const lang = opts.lang || 'zh';
  checkInputs(files, opts);
  const results: CheckResult[] = [];
  for (const file of files) results.push(await checkLedgerFile(file, opts));
  const summary = summarize(results, { asOf: opts.asOf, lang });
  if (opts.out) await writeSummaryWorkbook(summary, opts.out, lang);
  const notices = opts.notices ? await writeNotices(summary, opts.notices, lang) : [];
  return { results, summary, notices };
}
