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
  /** Words the user taught (cli/config.ts): this file, else taizhang.json in the working folder. */
  config: string | null;
}

export interface ParsedArgs {
  command: string | null;
  files: string[];
  options: CliOptions;
  help: boolean;
  version: boolean;
}

const VALUE_OPTIONS = ['--sheet', '--as-of', '--start', '--due-soon-days', '--immediate-days', '--lang', '--out', '--notices',
  '--notice-number', '--issuer', '--reply-days', '--since', '--previous', '--config', '--report'];
const FLAG_OPTIONS = ['--json', '--strict', '--help', '-h', '--version', '-v', '-V'];

/**
 * The options that mean something to some commands only; the others are refused there rather than
 * ignored (`check --notices` wrote no notice and said nothing). An option not listed applies to every command.
 */
export const ONLY_FOR: Record<string, string[]> = {
  '--notices': ['summary'],
  '--notice-number': ['summary'],
  '--reply-days': ['summary'],
  '--previous': ['summary', 'report'],
  '--issuer': ['summary', 'compare', 'report'],
  '--since': ['summary', 'compare', 'report'],
  '--report': ['summary'],
};

/** Edits (insert, delete, replace, swap two neighbours) between two short strings. */
function distance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) d.push([i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/** The option `name` was most likely meant to be (--asof, --as_of, -as-of, --start-date), or null. */
export function nearestOption(name: string, options: string[] = VALUE_OPTIONS.concat(FLAG_OPTIONS.filter((o) => o.length > 2))): string | null {
  const plain = (o: string) => o.replace(/^-+/, '').replace(/[_\s]/g, '-').toLowerCase();
  const want = plain(name);
  // A name that starts an option (--immediate), or that an option starts (--out-file), is that option.
  if (want.length > 3) {
    const started = options.filter((o) => plain(o).startsWith(want));
    if (started.length === 1) return started[0];
    const starting = options.filter((o) => plain(o).length > 2 && want.startsWith(plain(o))).sort((x, y) => y.length - x.length);
    if (starting.length) return starting[0];
  }
  let best: string | null = null;
  let bestD = Infinity;
  for (const o of options) {
    const have = plain(o);
    const d = have.replace(/-/g, '') === want.replace(/-/g, '') ? 0 : distance(want, have);
    if (d < bestD) {
      best = o;
      bestD = d;
    }
  }
  // Two edits for a long name, one for a short one.
  return best && bestD <= (want.length > 6 ? 2 : 1) ? best : null;
}

/**
 * A date as staff write it: 2022-07-15, 2022-7-15, 2022/7/15, 2022.7.15, 2022年7月15日, in
 * full-width digits too. Returns the ISO date, or null when it is not one real date.
 */
export function cliDate(value: string): IsoDate | null {
  const ascii = value.trim().replace(/[\uff10-\uff19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/[\uff0d\uff0f\uff0e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})\s*(?:-|\/|\.|年)\s*(\d{1,2})\s*(?:-|\/|\.|月)\s*(\d{1,2})\s*日?$/.exec(ascii);
  if (!m) return null;
  const iso = m[1] + '-' + (m[2].length < 2 ? '0' : '') + m[2] + '-' + (m[3].length < 2 ? '0' : '') + m[3];
  return isIsoDate(iso) ? iso : null;
}

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
  const iso = cliDate(value);
  if (!iso) throw badOption(lang, option, value, 'hint.date');
  return iso;
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
    config: null,
    report: null,
  };
  const parsed: ParsedArgs = { command: null, files: [], options, help: false, version: false };
  /** The value options given, to refuse those that do not apply to the command. */
  const given: string[] = [];
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
    if (VALUE_OPTIONS.indexOf(name) < 0) {
      const near = nearestOption(name);
      throw usageError(lang, near ? 'usage.unknownOptionNear' : 'usage.unknownOption', { option: name, near: near || '' });
    }
    given.push(name);
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
        if (/\.(xls|et|xlt|ett)$/i.test(value)) throw badOption(lang, name, value, 'hint.outLegacy');
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
      case '--config':
        if (!value.trim()) throw badOption(lang, name, value, 'hint.config');
        options.config = value;
        break;
    }
  }
  const command = parsed.command;
  if (command !== null && !parsed.help) {
    for (const name of given) {
      const only = ONLY_FOR[name];
      if (only && only.indexOf(command) < 0 && ['check', 'summary', 'compare'].indexOf(command) >= 0) {
        throw usageError(lang, 'usage.notFor', { option: name, command, commands: only.join(lang === 'zh' ? '、' : ', ') });
      }
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
