/**
 * The summary pipeline as functions: the CLI, the demo and the benchmark call the same code.
 * Each ledger is read with the streaming reader (only Grids are held: nothing of the inputs is
 * written back), checked with its base name as `file`, summarized, and the seven summary sheets are
 * rendered from their SheetSpecs into a new workbook that is written atomically (src/xlsxlite through
 * xlsx/spec-writer.ts). `--notices` adds one small 督办单 workbook per lead department with overdue or
 * due-soon items.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isTaizhangError, isReminder, taizhangError, userMessage, DocumentOptions, noticeDepartments, noticeSheets, summarySheets, summarize, Summary, CheckOptions, CheckResult, Lang, IsoDate, comparable, compareResults, Comparison, PeriodProgress, periodProgress } from '../core';
import { readEarlier } from './run-compare';
import { assertXlsx } from '../xlsx/sniff';
import { writeSpecsWorkbook } from '../xlsx/spec-writer';
import { cliText } from './messages';
import { assertOutFolder, checkFile, isSameFile } from './run-check';
import { expandInputs } from './inputs';
import { guarded, guardedSync, osError } from './os-errors';
import { SkippedFile, skippedOf, sameBytes } from './skipped';

export interface SummaryFilesOptions extends CheckOptions {
  /** Write the summary workbook here. */
  out?: string | null;
  /** Write one 督办单 per lagging lead department into this folder. */
  notices?: string | null;
  /** Called with the file being read and the rows read so far. */
  onProgress?: (file: string, rows: number) => void;
  /** Earlier versions of the ledgers, for 本期进展 (--previous). */
  previous?: string[];
  /** The date the earlier versions are judged at (--since; default each one's own). */
  since?: IsoDate | null;
}

export interface NoticeFile {
  dept: string;
  file: string;
  /** A 提醒单 (the department's items are only due soon), not a 督办单. */
  reminder?: boolean;
  /** Why it could not be written (then it was not). */
  error?: string;
}

export interface SummaryRun {
  /** The ledgers read, as their paths were given or expanded, one per result. */
  files: string[];
  /** The inputs left out, each with why: lock files, unusable files, byte-identical copies, empty patterns. */
  skipped: SkippedFile[];
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
      ...opts,
      file: path.basename(file),
      // The summary's --out is the summary workbook, not a checked copy of this ledger.
      out: null,
      onProgress: progress ? (rows) => progress(file, rows) : undefined,
    });
  } catch (e) {
    throw naming(osError(e, file, 'read', opts.lang || 'zh') || e, file, opts.lang || 'zh');
  }
}

/** The checks that need no full read: every input once, the output none of them (an unusable input is skipped later). */
function checkInputs(files: string[], opts: SummaryFilesOptions): void {
  const lang = opts.lang || 'zh';
  for (const earlier of opts.previous || []) {
    for (const file of files) {
      if (isSameFile(earlier, file)) throw taizhangError('usage', { message: cliText(lang, 'usage.previousIsInput', { file: earlier }) });
    }
    if (opts.out && isSameFile(earlier, opts.out)) throw taizhangError('usage', { message: cliText(lang, 'usage.outIsInput') });
    guardedSync('read', earlier, lang, () => assertXlsx(earlier));
  }
  for (let i = 0; i < files.length; i++) {
    for (let j = 0; j < i; j++) {
      if (isSameFile(files[i], files[j])) throw taizhangError('usage', { message: cliText(lang, 'usage.duplicateFile', { file: files[i] }) });
    }
    if (opts.out && isSameFile(files[i], opts.out)) throw taizhangError('usage', { message: cliText(lang, 'usage.outIsInput') });
  }
  if (opts.out) assertOutFolder(opts.out, lang);
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
export async function writeSummaryWorkbook(summary: Summary, out: string, lang: Lang = summary.lang, doc: DocumentOptions = {}): Promise<void> {
  await guarded('write', out, lang, () => writeSpecsWorkbook(summarySheets(summary, lang, doc), out));
}

/**
 * What a department's name may not carry into a file name: path separators and the characters
 * Windows forbids, control characters (C0, DEL, C1), and the invisible format characters that could
 * make a name read otherwise than it is (bidi overrides and isolates, zero-width characters, BOM).
 */
// eslint-disable-next-line no-control-regex
const ILLEGAL = /[<>:"/\\|?*\u0000-\u001f\u007f-\u009f]/g;
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
/** Device names Windows reserves, with or without an extension (CON, NUL.txt, COM1, LPT9, CONIN$). */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³]|conin\$|conout\$)(\..*)?$/i;
/** Characters of a name, at most. */
const MAX_CHARS = 80;
/**
 * UTF-8 bytes of a whole notice file name, at most. File systems allow 255 bytes, and writeAtomic's
 * temporary name adds a dot, the process id and ".tmp" to it: 80 Chinese characters are 240 bytes,
 * so "督办单-" + 78 of them + ".xlsx" made a temporary name of 261 bytes, which no file system took.
 */
const MAX_BYTES = 200;

function utf8Length(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

/** `s` cut to `chars` characters and `bytes` UTF-8 bytes, never inside a surrogate pair. */
function cut(s: string, chars: number, bytes: number): string {
  const points = Array.from(s);
  let out = points.slice(0, chars).join('');
  while (utf8Length(out) > bytes) out = Array.from(out).slice(0, -1).join('');
  return out;
}

/** Trailing dots and spaces, which Windows drops (and "办公室." then names another file). */
function trimEnd(s: string): string {
  return s.replace(/[. ]+$/, '');
}

/** A department name as a safe part of a file name: illegal characters become _, and never empty. */
export function safeFileName(name: string, maxBytes: number = MAX_BYTES): string {
  let s = name.replace(INVISIBLE, '').replace(ILLEGAL, '_').replace(/\s+/g, ' ').trim();
  s = trimEnd(s);
  if (RESERVED.test(s)) s = '_' + s;
  s = trimEnd(cut(s, MAX_CHARS, maxBytes));
  return s || '_';
}

const PREFIX = '督办单-';
/** A department whose items are only due soon gets a 提醒单 (core/sheets/notice.ts isReminder). */
export const REMINDER_PREFIX = '提醒单-';
const EXT = '.xlsx';
/** The files a run of --notices writes, this one or an earlier one. */
export const NOTICE_FILE = /^(督办单|提醒单)-.*\.xlsx$/;

/**
 * 督办单-<部门>.xlsx, whatever the language of the sheets (the file name is what staff attach and
 * forward). Distinct names for distinct departments, also where only illegal characters or case
 * differ; `taken` says which names must not be used (an input file of that name).
 */
export function noticeFileNames(depts: string[], taken: (name: string) => boolean = () => false, reminders: boolean[] = []): string[] {
  const used: Record<string, true> = Object.create(null);
  const room = MAX_BYTES - utf8Length(PREFIX + EXT) - 4; // 4: room for a suffix such as "-12"
  return depts.map((dept, k) => {
    const base = (reminders[k] ? REMINDER_PREFIX : PREFIX) + safeFileName(dept, room);
    let name = base + EXT;
    for (let n = 2; used[name.toLowerCase()] || taken(name); n++) name = base + '-' + n + EXT;
    used[name.toLowerCase()] = true;
    return name;
  });
}

/** Why a notice could not be written, for the one line that says so. */
function reasonOf(e: unknown, file: string, lang: Lang): string {
  const os = osError(e, file, 'write', lang);
  if (os) return userMessage(os, lang);
  if (isTaizhangError(e)) return userMessage(e, lang);
  const code = e && typeof e === 'object' ? (e as { code?: string }).code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return code ? code + ': ' + message.replace(/^[A-Z]+: /, '') : message;
}

/**
 * One 督办单 workbook per lead department with overdue or due-soon items, in `dir` (created if
 * needed). A notice never takes the name of an input file (`inputs`) or of the summary; one that
 * cannot be written is reported and the others are written all the same.
 */
export async function writeNotices(summary: Summary, dir: string, lang: Lang = summary.lang, doc: DocumentOptions = {},
  inputs: string[] = []): Promise<NoticeFile[]> {
  const depts = noticeDepartments(summary);
  guardedSync('folder', dir, lang, () => fs.mkdirSync(dir, { recursive: true }));
  const taken = (name: string) => inputs.some((f) => isSameFile(f, path.join(dir, name)));
  const reminders = depts.map((d) => isReminder(summary, d));
  const names = noticeFileNames(depts, taken, reminders);
  const out: NoticeFile[] = [];
  for (let k = 0; k < depts.length; k++) {
    const file = path.join(dir, names[k]);
    const kind = reminders[k] ? { reminder: true } : {};
    try {
      await writeSpecsWorkbook(noticeSheets(summary, depts[k], lang, doc), file);
      out.push({ dept: depts[k], file, ...kind });
    } catch (e) {
      out.push({ dept: depts[k], file, ...kind, error: reasonOf(e, file, lang) });
    }
  }
  return out;
}

/** The one line that names the notices that could not be written, or null when all were. */
export function noticeFailures(notices: NoticeFile[], lang: Lang): string | null {
  const failed = notices.filter((n) => n.error);
  if (!failed.length) return null;
  const list = failed.map((n) => cliText(lang, 'summary.noticeFailure', { dept: n.dept, reason: n.error as string }));
  return cliText(lang, 'summary.noticeFailed', { count: failed.length, list: list.join(lang === 'zh' ? '；' : '; ') });
}

/** Identical measure texts shared by two results, as a share of the smaller one. */
function overlap(a: CheckResult, b: CheckResult): number {
  const seen: Record<string, true> = Object.create(null);
  a.items.forEach((i) => (seen[comparable(i.measure)] = true));
  let shared = 0;
  b.items.forEach((i) => {
    if (seen[comparable(i.measure)]) shared++;
  });
  const smaller = Math.min(a.items.length, b.items.length);
  return smaller ? shared / smaller : 0;
}

/**
 * summary --previous: each earlier file is paired with the ledger of the same file name, else with
 * the ledger that shares most of its measures (at least half); each earlier version is judged at its
 * own date. An earlier file that pairs with none is one clear error, not a silent omission.
 */
async function progressSince(previous: string[], results: CheckResult[], opts: SummaryFilesOptions): Promise<PeriodProgress | null> {
  const lang = opts.lang || 'zh';
  const taken: boolean[] = results.map(() => false);
  const comparisons: Comparison[] = [];
  for (const file of previous) {
    let earlier: CheckResult;
    try {
      earlier = (await readEarlier(file, { ...opts, since: opts.since }, path.basename(file))).result;
    } catch (e) {
      throw naming(e, file, lang);
    }
    let best = -1;
    results.forEach((r, k) => {
      if (best < 0 && !taken[k] && r.file === earlier.file) best = k;
    });
    if (best < 0) {
      let score = 0.5;
      results.forEach((r, k) => {
        const s = taken[k] ? 0 : overlap(earlier, r);
        if (s >= score) {
          score = s;
          best = k;
        }
      });
    }
    if (best < 0) throw taizhangError('usage', { message: cliText(lang, 'summary.previousUnmatched', { file }) });
    taken[best] = true;
    comparisons.push(compareResults(earlier, results[best]));
  }
  return periodProgress(comparisons);
}

/** Reads and checks every file, summarizes, and writes what `out` and `notices` ask for. */
/**
 * `args` are paths as given: patterns and folders are expanded (inputs.ts). A ledger that cannot be
 * used is skipped with its reason, and so is a lock file and a byte-identical copy of a ledger
 * already read; the summary is made from the rest. With nothing left, the one reason is the error
 * (or, for several inputs, one line that names them all).
 */
export async function summarizeFiles(args: string[], opts: SummaryFilesOptions): Promise<SummaryRun> {
  const lang = opts.lang || 'zh';
  const expanded = expandInputs(args, { folders: true });
  checkInputs(expanded.files, opts);
  const skipped: SkippedFile[] = skippedOf(expanded, lang);
  const results: CheckResult[] = [];
  const files: string[] = [];
  let firstError: unknown = null;
  for (const file of expanded.files) {
    const twin = sameBytes(file, files);
    if (twin) {
      skipped.push({ file, reason: 'duplicate', message: cliText(lang, 'skipped.duplicate', { file, other: twin }) });
      continue;
    }
    try {
      results.push(await checkLedgerFile(file, opts));
      files.push(file);
    } catch (e) {
      if (!isTaizhangError(e)) throw e;
      firstError = firstError || e;
      skipped.push({ file, reason: 'unusable', message: userMessage(e, lang) });
    }
  }
  if (!results.length) {
    if (firstError && skipped.length === 1) throw firstError;
    const list = skipped.map((k) => k.message).join(lang === 'zh' ? '；' : '; ');
    throw taizhangError('usage', { message: cliText(lang, 'usage.noneUsable', { count: skipped.length, list }) });
  }
  const summary = summarize(results, { asOf: opts.asOf, lang });
  // 总览 names each file as 来源文件 does, by its name; the reason names it in full where that matters.
  summary.skipped = skipped.map((k) => ({ file: path.basename(k.file), reason: k.message }));
  if (opts.previous && opts.previous.length) summary.progress = await progressSince(opts.previous, results, opts);
  const doc: DocumentOptions = opts;
  if (opts.out) await writeSummaryWorkbook(summary, opts.out, lang, doc);
  const inputs = opts.out ? expanded.files.concat([opts.out]) : expanded.files;
  const notices = opts.notices ? await writeNotices(summary, opts.notices, lang, doc, inputs) : [];
  return { files, skipped, results, summary, notices };
}
