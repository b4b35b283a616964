/**
 * The `taizhang` command. Each command is one function in COMMANDS.
 * Exit codes (docs/contract.md): 0 checked; 1 with --strict when error findings exist; 2 unusable input or
 * usage, with exactly one line on stderr and no stack trace.
 */
import * as fs from 'fs';
import * as path from 'path';
// The start-up path (main, args, messages) takes its few core modules directly, not through the
// façade (src/core/index.ts), which would load the whole core before `--help` prints; each command's
// own modules load the façade when the command runs (COMMANDS below).
import { isTaizhangError, taizhangError, userMessage } from '../core/words/errors';
import { CheckOptions, Lang } from '../core/model/result';
import { localToday, parseArgs, ParsedArgs, sniffLang } from './args';
import { cliText } from './messages';
import { helpText } from './help';
import { wrapWidth } from './wrap';
import type { Sink } from './json-stream';
import type { RunConfig } from './config';

/**
 * A command's modules are loaded when it runs: `--help` loads none of them, and `check` never loads
 * the summary writer. Start-up is most of a short run.
 */
/* eslint-disable @typescript-eslint/no-require-imports */
const modules = {
  check: () => require('./run-check') as typeof import('./run-check'),
  summary: () => require('./run-summary') as typeof import('./run-summary'),
  json: () => require('./json') as typeof import('./json'),
  jsonStream: () => require('./json-stream') as typeof import('./json-stream'),
  report: () => require('./report') as typeof import('./report'),
  summaryReport: () => require('./summary-report') as typeof import('./summary-report'),
  compare: () => require('./run-compare') as typeof import('./run-compare'),
  compareReport: () => require('./compare-report') as typeof import('./compare-report'),
  skipped: () => require('./skipped') as typeof import('./skipped'),
  inputs: () => require('./inputs') as typeof import('./inputs'),
  osErrors: () => require('./os-errors') as typeof import('./os-errors'),
  config: () => require('./config') as typeof import('./config'),
  sniff: () => require('../xlsx/sniff') as typeof import('../xlsx/sniff'),
  reportDocx: () => require('./run-report') as typeof import('./run-report'),
  noticeList: () => require('./notice-list') as typeof import('./notice-list'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

export interface Io {
  stdout: Sink & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Today, for the default --as-of (tests pin it). */
  today?: () => string;
  /** The working folder, where taizhang.json is looked for (default process.cwd()). */
  cwd?: () => string;
}

type Command = (args: ParsedArgs, io: Io, config: RunConfig) => Promise<number>;

/** Files above this size get a progress line on a terminal. */
const PROGRESS_BYTES = 4 * 1024 * 1024;

/** A progress line for a big `file` on a terminal; it names `shown` (the file being written, for --out). */
function progressFor(file: string, lang: Lang, io: Io, key: 'progress' | 'progress.write' = 'progress', shown = file): ((rows: number) => void) | undefined {
  if (!io.stderr.isTTY) return undefined;
  try {
    if (fs.statSync(file).size < PROGRESS_BYTES) return undefined;
  } catch {
    return undefined;
  }
  return (rows) => io.stderr.write('\r\x1b[K' + cliText(lang, key, { file: shown, rows }));
}

/**
 * The options every command passes whole to the engine (the core's CheckOptions, the documents'
 * fields included), with --as-of defaulting to today, and where to write.
 */
function checkOptionsOf(o: ParsedArgs['options'], io: Io, config: RunConfig): CheckOptions & { out: string | null } {
  const opts = {
    asOf: o.asOf || (io.today ? io.today() : localToday()),
    start: o.start,
    dueSoonDays: o.dueSoonDays,
    immediateDays: o.immediateDays,
    lang: o.lang,
    sheet: o.sheet,
    issuer: o.issuer,
    noticeNumber: o.noticeNumber,
    replyDays: o.replyDays,
    out: o.out,
    taught: config.words ? config.words.taught : null,
  };
  return modules.config().withConfigDefaults(opts, config);
}

/**
 * check's and compare's files with * and ? expanded (cmd and PowerShell pass them as typed); a
 * pattern that matches nothing, and a lock file, are refused in one line.
 */
function namedFiles(args: ParsedArgs): string[] {
  const lang = args.options.lang;
  const x = modules.inputs().expandInputs(args.files, { folders: false });
  if (x.empty.length) throw taizhangError('usage', { message: cliText(lang, 'skipped.noMatch', { file: x.empty[0].arg }) });
  if (x.locks.length) throw taizhangError('usage', { message: cliText(lang, 'skipped.lock', { file: x.locks[0] }) + cliText(lang, 'usage.lockFile') });
  return x.files;
}

const check: Command = async (args, io, config) => {
  const o = args.options;
  args.files = namedFiles(args);
  if (args.files.length !== 1) throw taizhangError('usage', { message: cliText(o.lang, 'usage.checkFiles') });
  const file = args.files[0];
  const progress = progressFor(file, o.lang, io);
  const writing = o.out ? progressFor(file, o.lang, io, 'progress.write', o.out) : undefined;
  let shown = false;
  const shownBy = (show: ((rows: number) => void) | undefined) =>
    show
      ? (rows: number) => {
          shown = true;
          show(rows);
        }
      : undefined;
  const result = await modules.check().checkFile(file, {
    file,
    ...checkOptionsOf(o, io, config),
    onProgress: shownBy(progress),
    onWriteProgress: shownBy(writing),
  });
  if (shown) io.stderr.write('\r\x1b[K');
  // The checked copy of an .xls or .et is an .xlsx: one line says so (stderr, beside --json too).
  if (o.out && modules.sniff().isLegacyWorkbook(file)) io.stderr.write('taizhang: ' + cliText(o.lang, 'out.legacy', { file, out: o.out }) + '\n');
  if (o.json) {
    await modules.jsonStream().writeJson(modules.json().contractJson(result, file, config.file), io.stdout);
    // The report carries the start line itself; with --json it goes to stderr, beside the finding.
    const notice = modules.report().startNotice(result, o.lang);
    if (notice) io.stderr.write('taizhang: ' + notice + '\n');
  } else io.stdout.write(modules.report().renderReport(result, { lang: o.lang, file, out: o.out, width: io.stdout.columns, wrap: wrapWidth(io.stdout) }));
  return o.strict && result.findingCounts.errors > 0 ? 1 : 0;
};

/** Consolidates one or more ledgers into a summary workbook (and 督办单 with --notices). */
const summary: Command = async (args, io, config) => {
  const o = args.options;
  if (args.files.length < 1) throw taizhangError('usage', { message: cliText(o.lang, 'usage.summaryFiles') });
  if (!o.out && !o.json) throw taizhangError('usage', { message: cliText(o.lang, 'usage.summaryOut') });
  if (o.report) modules.reportDocx().assertReportOut(o.report, args.files.concat(o.previous), o.lang);
  let shown = false;
  const progressOf: Record<string, ((rows: number) => void) | undefined> = {};
  const run = await modules.summary().summarizeFiles(args.files, {
    ...checkOptionsOf(o, io, config),
    notices: o.notices,
    previous: o.previous,
    since: o.since,
    onProgress: (file, rows) => {
      if (!(file in progressOf)) progressOf[file] = progressFor(file, o.lang, io);
      const progress = progressOf[file];
      if (!progress) return;
      shown = true;
      progress(rows);
    },
  });
  if (shown) io.stderr.write('\r\x1b[K');
  if (o.report) await modules.reportDocx().writeReportDocx(run.summary, o.report, o.lang, { issuer: o.issuer, start: o.start, dueSoonDays: o.dueSoonDays });
  // One line for all the ledgers whose items depend on a start date that was not given.
  let needsStart = 0;
  run.results.forEach((r) => (needsStart += r.needsStart || 0));
  const startLine = modules.report().startLine(o.lang, needsStart);
  if (startLine) io.stderr.write('taizhang: ' + startLine + '\n');
  // Every input left out, and why: the lock files in one line, then one line each.
  const skipped = modules.skipped();
  skipped.skippedLines(run.skipped, o.lang).forEach((line) => io.stderr.write('taizhang: ' + oneLine(line) + '\n'));
  if (o.json) await modules.jsonStream().writeJson(modules.json().summaryJson(run.summary, run.results, run.files, run.skipped, config.file), io.stdout);
  else {
    io.stdout.write(
      modules.summaryReport().renderSummaryReport(run.summary, {
        lang: o.lang,
        skipped: run.skipped.filter((k) => k.reason !== 'lock-file').length,
        wrap: wrapWidth(io.stdout),
        out: o.out ? path.resolve(o.out) : null,
        notices: o.notices ? {
          dir: path.resolve(o.notices),
          count: run.notices.filter((n) => !n.error).length,
          reminders: run.notices.filter((n) => !n.error && n.reminder).length,
        } : null,
      }),
    );
  }
  if (o.notices) {
    const list = modules.noticeList();
    if (!o.json) io.stdout.write(list.noticeLines(run.notices, o.lang));
    const stale = list.staleLine(list.staleNotices(o.notices, run.notices), o.lang);
    if (stale) (o.json ? io.stderr : io.stdout).write((o.json ? 'taizhang: ' : '') + stale + '\n');
  }
  if (o.report && !o.json) io.stdout.write(cliText(o.lang, 'report.written', { file: path.resolve(o.report) }) + '\n');
  // A notice that could not be written (the others were): one line, and exit 2.
  const failed = modules.summary().noticeFailures(run.notices, o.lang);
  if (failed) io.stderr.write('taizhang: ' + oneLine(failed) + '\n');
  if (failed || skipped.ledgerSkipped(run.skipped)) return 2;
  return o.strict && run.summary.findingCounts.errors > 0 ? 1 : 0;
};

/** Two versions of a ledger: what was closed, what slipped, whose deadline moved. */
const compare: Command = async (args, io, config) => {
  const o = args.options;
  args.files = namedFiles(args);
  if (args.files.length !== 2) throw taizhangError('usage', { message: cliText(o.lang, 'usage.compareFiles') });
  const [earlierFile, laterFile] = args.files;
  const run = await modules.compare().compareFiles(earlierFile, laterFile, { ...checkOptionsOf(o, io, config), since: o.since });
  const cmp = run.comparison;
  if (o.json) {
    await modules.jsonStream().writeJson(modules.compareReport().compareJson(cmp, laterFile, config.file), io.stdout);
    const few = modules.compareReport().fewPairsLine(cmp, o.lang);
    if (few) io.stderr.write('taizhang: ' + few + '\n');
  } else {
    io.stdout.write(
      modules.compareReport().renderCompareReport(cmp, {
        lang: o.lang,
        earlierFile,
        laterFile,
        sinceSource: run.earlier.sinceSource,
        out: o.out ? path.resolve(o.out) : null,
        width: io.stdout.columns,
        wrap: wrapWidth(io.stdout),
      }),
    );
  }
  return o.strict && cmp.later.findingCounts.errors > 0 ? 1 : 0;
};

/** The 通报 as a .docx draft: the ledgers read and summarized as summary does, then written as a document. */
const report: Command = async (args, io, config) => {
  const o = args.options;
  if (args.files.length < 1) throw taizhangError('usage', { message: cliText(o.lang, 'usage.reportFiles') });
  if (!o.out) throw taizhangError('usage', { message: cliText(o.lang, 'usage.reportOut') });
  const writer = modules.reportDocx();
  writer.assertReportOut(o.out, args.files, o.lang);
  const run = await modules.summary().summarizeFiles(args.files, { ...checkOptionsOf(o, io, config), out: null, previous: o.previous, since: o.since });
  let needsStart = 0;
  run.results.forEach((r) => (needsStart += r.needsStart || 0));
  const startLine = modules.report().startLine(o.lang, needsStart);
  if (startLine) io.stderr.write('taizhang: ' + startLine + '\n');
  // Inputs left out as summary leaves them out, and said the same way.
  modules.skipped().skippedLines(run.skipped, o.lang).forEach((line) => io.stderr.write('taizhang: ' + oneLine(line) + '\n'));
  await writer.writeReportDocx(run.summary, o.out, o.lang, { issuer: o.issuer, start: o.start, dueSoonDays: o.dueSoonDays });
  io.stdout.write(cliText(o.lang, 'report.written', { file: path.resolve(o.out) }) + '\n');
  if (modules.skipped().ledgerSkipped(run.skipped)) return 2;
  return o.strict && run.summary.findingCounts.errors > 0 ? 1 : 0;
};

const COMMANDS: Record<string, Command> = { check, summary, compare, report };

export async function main(argv: string[], io: Io): Promise<number> {
  let lang: Lang = sniffLang(argv);
  try {
    const args = parseArgs(argv);
    lang = args.options.lang;
    if ((args.help && args.command === null) || (args.command === null && !args.version)) {
      if (args.help) {
        io.stdout.write(helpText(lang, null));
        return 0;
      }
      throw taizhangError('usage', { message: cliText(lang, 'usage.noCommand') });
    }
    if (args.version) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      io.stdout.write(require('../../package.json').version + '\n');
      return 0;
    }
    // `taizhang help` and `taizhang help check` as well as --help.
    if (args.command === 'help') {
      io.stdout.write(helpText(lang, args.files[0] || null));
      return 0;
    }
    const command = COMMANDS[args.command as string];
    if (!command || !Object.prototype.hasOwnProperty.call(COMMANDS, args.command as string)) {
      throw taizhangError('usage', { message: cliText(lang, 'usage.unknownCommand', { command: String(args.command) }) });
    }
    if (args.help) {
      io.stdout.write(helpText(lang, args.command as string));
      return 0;
    }
    const o = args.options;
    // A start after the as-of date is most often the two dates swapped: say so, once, and go on.
    const asOf = o.asOf || (io.today ? io.today() : localToday());
    if (o.start && o.start > asOf) io.stderr.write('taizhang: ' + cliText(lang, 'warn.startAfterAsOf', { start: o.start, asOf }) + '\n');
    const loaded = modules.config().loadConfig(args.options.config, io.cwd ? io.cwd() : process.cwd(), lang);
    return await command(args, io, { ...loaded, argv });
  } catch (e) {
    // A refusal of the system that no command named a file for is still the user's line, not a defect.
    const os = isTaizhangError(e) ? e : modules.osErrors().unguardedOsError(e, lang);
    if (os) {
      io.stderr.write('taizhang: ' + oneLine(userMessage(os, lang)) + '\n');
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr.write('taizhang: ' + oneLine(cliText(lang, 'internal', { message })) + '\n');
    if (io.env.TAIZHANG_DEBUG === '1' && e instanceof Error && e.stack) io.stderr.write(e.stack + '\n');
    return 2;
  }
}

function oneLine(s: string): string {
  return s.replace(/\s*[\r\n]+\s*/g, ' ');
}

/**
 * stdout as the commands write to it. When the reader of a pipe goes before the end
 * (`taizhang check … | head`), the next write fails with EPIPE: from then on the output is dropped
 * quietly, with no stack trace, and nothing waits for a drain that will never come. The command runs
 * to its end and exits with its own code (docs/contract.md, "Exit codes"): 1 with --strict when
 * error findings exist, else 0. How much of the output a reader chose to read does not change the
 * verdict, and a script under `set -o pipefail` still learns it. Any other error of stdout is
 * thrown as before.
 */
export function pipeOut(out: NodeJS.WriteStream): Io['stdout'] {
  let gone = false;
  let waiting: (() => void)[] = [];
  const release = () => {
    const listeners = waiting;
    waiting = [];
    listeners.forEach((listener) => listener());
  };
  out.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
    gone = true;
    release();
  });
  return {
    get isTTY() {
      return out.isTTY;
    },
    get columns() {
      return out.columns;
    },
    get closed() {
      return gone;
    },
    write: (chunk: string) => gone || out.write(chunk),
    once: (_event: 'drain', listener: () => void) => {
      if (gone) return setImmediate(listener);
      waiting.push(listener);
      if (waiting.length === 1) out.once('drain', release);
      return undefined;
    },
  };
}

/** Entry point for bin/taizhang.js. Sets the exit code rather than exiting, so piped output is flushed. */
export function run(): void {
  main(process.argv.slice(2), { stdout: pipeOut(process.stdout), stderr: process.stderr, env: process.env }).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write('taizhang: ' + String(e) + '\n');
      process.exitCode = 2;
    },
  );
}
