/**
 * A small argv parser for the contract in docs/contract.md. No dependency: the options
 * are few and fixed, and every malformed value must become one clear line in the user's language.
 */
import { isIsoDate } from '../core/text/dates';
import { taizhangError } from '../core/words/errors';
import { DEFAULTS } from '../core/model/options';
import { IsoDate } from '../core/model/grid';
import { Lang } from '../core/model/result';
import { cliText } from './messages';

export interface CliOptions {
  sheet: string | null;
  asOf: IsoDate | null;
  start: IsoDate | null;
  dueSoonDays: number;
  immediateDays: number;
  lang: Lang;
  json: boolean;
  out: string | null;
  strict: boolean;
  /** summary: the folder for the per-department 督办单 workbooks. */
  notices: string | null;
  /** summary: the 督办单's 文号 (default a placeholder, 〔2022〕第__号). */
  noticeNumber: string | null;
  /** summary: the issuing office, in every footer and on the 督办单 (default 整改工作领导小组办公室). */
  issuer: string | null;
  /** summary: working days after --as-of by which a department replies to its 督办单. */
  replyDays: number;
  /** compare: the date the earlier version is judged at (default: its stated 填报时间, else its modified date). */
  since: IsoDate | null;
  /** summary: also write the 通报 as a .docx here (report writes it to --out). */
  report: string | null;
  /** summary: earlier versions of the ledgers, for 本期进展 (repeat the option for several). */
  previous: string[];
}

export interface ParsedArgs {
  command: string | null;
  files: string[];
  options: CliOptions;
  help: boolean;
  version: boolean;
}

const VALUE_OPTIONS = ['--sheet', '--as-of', '--start', '--due-soon-days', '--immediate-days', '--lang', '--out', '--notices',
  '--notice-number', '--issuer', '--reply-days', '--since', '--previous', '--report'];
const FLAG_OPTIONS = ['--json', '--strict', '--help', '-h', '--version', '-v'];

/** The language to speak before the arguments are known to be valid (for the error line itself). */
export function sniffLang(argv: string[]): Lang {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--lang' && argv[i + 1] === 'en') return 'en';
    if (argv[i] === '--lang=en') return 'en';
  }
  return 'zh';
}

function usageError(lang: Lang, key: Parameters<typeof cliText>[1], params: Record<string, string> = {}) {
  return taizhangError('usage', { message: cliText(lang, key, params) });
}

function badOption(lang: Lang, option: string, value: string, hintKey: Parameters<typeof cliText>[1]) {
  return taizhangError('bad-option', { option, value, hint: cliText(lang, hintKey) });
}

function dateOption(lang: Lang, option: string, value: string): IsoDate {
  if (!isIsoDate(value)) throw badOption(lang, option, value, 'hint.date');
  return value;
}

function countOption(lang: Lang, option: string, value: string): number {
  if (!/^\d{1,5}$/.test(value)) throw badOption(lang, option, value, 'hint.count');
  return Number(value);
}

export function parseArgs(argv: string[]): ParsedArgs {
  const lang = sniffLang(argv);
  const options: CliOptions = {
    sheet: null,
    asOf: null,
    start: null,
    dueSoonDays: DEFAULTS.dueSoonDays,
    immediateDays: DEFAULTS.immediateDays,
    lang,
    json: false,
    out: null,
    strict: false,
    notices: null,
    noticeNumber: null,
    issuer: null,
    replyDays: DEFAULTS.replyDays,
    since: null,
    previous: [],
    report: null,
  };
  const parsed: ParsedArgs = { command: null, files: [], options, help: false, version: false };
  let positionalOnly = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (positionalOnly || !arg.startsWith('-') || arg === '-') {
      if (parsed.command === null) parsed.command = arg;
      else parsed.files.push(arg);
      continue;
    }
    if (arg === '--') {
      positionalOnly = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAG_OPTIONS.indexOf(name) >= 0) {
      if (eq > 0) throw usageError(lang, 'usage.flagValue', { option: name });
      if (name === '--json') options.json = true;
      else if (name === '--strict') options.strict = true;
      else if (name === '--help' || name === '-h') parsed.help = true;
      else parsed.version = true;
      continue;
    }
    if (VALUE_OPTIONS.indexOf(name) < 0) throw usageError(lang, 'usage.unknownOption', { option: arg });
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || (argv[i + 1].startsWith('--') && argv[i + 1].length > 2)) {
        throw usageError(lang, 'usage.missingValue', { option: name });
      }
      value = argv[++i];
    }
    switch (name) {
      case '--sheet':
        if (!value.trim()) throw badOption(lang, name, value, 'hint.sheet');
        options.sheet = value;
        break;
      case '--as-of':
        options.asOf = dateOption(lang, name, value);
        break;
      case '--start':
        options.start = dateOption(lang, name, value);
        break;
      case '--due-soon-days':
        options.dueSoonDays = countOption(lang, name, value);
        break;
      case '--immediate-days':
        options.immediateDays = countOption(lang, name, value);
        break;
      case '--lang':
        if (value !== 'zh' && value !== 'en') throw badOption(lang, name, value, 'hint.lang');
        options.lang = value;
        break;
      case '--out':
        // report writes a .docx; which one a command takes is judged once the command is known (below).
        if (!/\.(xls[xm]|docx)$/i.test(value)) throw badOption(lang, name, value, 'hint.out');
        options.out = value;
        break;
      case '--notices':
        if (!value.trim()) throw badOption(lang, name, value, 'hint.notices');
        options.notices = value;
        break;
      case '--notice-number':
        // A 文号 or an office is one line: no control characters (they would break the sheets' XML and footers).
        // eslint-disable-next-line no-control-regex
        if (!value.trim() || /[\u0000-\u001f]/.test(value)) throw badOption(lang, name, value, 'hint.noticeNumber');
        options.noticeNumber = value.trim();
        break;
      case '--issuer':
        // eslint-disable-next-line no-control-regex
        if (!value.trim() || /[\u0000-\u001f]/.test(value)) throw badOption(lang, name, value, 'hint.issuer');
        options.issuer = value.trim();
        break;
      case '--reply-days':
        options.replyDays = countOption(lang, name, value);
        break;
      case '--since':
        options.since = dateOption(lang, name, value);
        break;
      case '--report':
        if (!/\.docx$/i.test(value)) throw badOption(lang, name, value, 'hint.report');
        options.report = value;
        break;
      case '--previous':
        if (!value.trim()) throw badOption(lang, name, value, 'hint.previous');
        options.previous.push(value);
        break;
    }
  }
  if (options.out && /\.docx$/i.test(options.out) !== (parsed.command === 'report') && parsed.command !== null) {
    throw badOption(lang, '--out', options.out, parsed.command === 'report' ? 'hint.report' : 'hint.out');
  }
  // Only a checked ledger can be macro-enabled (it keeps the input's macros).
  if (options.out && /\.xlsm$/i.test(options.out) && parsed.command !== null && parsed.command !== 'check') throw usageError(lang, 'usage.summaryXlsm');
  return parsed;
}

/** Today as the user's calendar shows it (local time), for the default --as-of. */
export function localToday(now: Date = new Date()): IsoDate {
  const p = (n: number) => (n < 10 ? '0' + n : String(n));
  return now.getFullYear() + '-' + p(now.getMonth() + 1) + '-' + p(now.getDate());
}
