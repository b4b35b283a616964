/** What a check returns: findings, options, checked items, totals and the CheckResult. */
import { IsoDate } from './grid';
import { Flag, HeaderMap, Item } from './ledger';
import { TaughtWords } from './taught';

export type Severity = 'error' | 'warning';

/**
 * Every check rule's id (docs/contract.md, "Findings"): part of the contract, so ids are only ever added.
 * words/check.ts RULE_NAMES must name each one, or it does not compile.
 */
export type RuleId =
  | 'deadline-missing'
  | 'deadline-unparsed'
  | 'lead-dept-missing'
  | 'measure-missing'
  | 'duplicate-seq'
  | 'deadline-before-start'
  | 'completed-late'
  | 'done-without-evidence'
  | 'long-term-no-progress'
  | 'deadline-needs-start'
  | 'deadline-pending'
  | 'start-missing'
  | 'status-unknown'
  | 'column-missing'
  | 'problem-without-measure'
  | 'measure-unknown-problem'
  | 'measure-without-responsibility'
  | 'responsibility-unknown-measure'
  | 'lead-dept-not-in-roster'
  | 'status-words-unknown';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  /** A1 address on `sheet`. */
  cell: string;
  row: number;
  sheet: string;
  file?: string;
  message: string;
}

/** How many findings there are by level and by rule id, counted once by the core (rules.ts countFindings). */
export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Rule id -> findings of that rule; rules with none are absent. */
  byRule: { [rule: string]: number };
}

export type Lang = 'zh' | 'en';

export interface CheckOptions {
  /** The workbook's file name, used in results and error messages. */
  file?: string;
  /** The date deadlines are judged against. */
  asOf: IsoDate;
  /** The rectification start (feedback) date. */
  start?: IsoDate | null;
  /** The yellow window, in days. Default DEFAULTS.dueSoonDays (options.ts). */
  dueSoonDays?: number | null;
  /** The days a 立行立改 item gets after start. Default DEFAULTS.immediateDays. */
  immediateDays?: number | null;
  lang?: Lang;
  /** Force a sheet by name. */
  sheet?: string | null;
  /** A user-corrected mapping (from the task pane), used instead of detection. */
  header?: HeaderMap | null;
  /** The documents written from a check (summary, 督办单): 发文单位, in every footer and the notice's signature. Default SUMMARY_TEXT's defaultIssuer. */
  issuer?: string | null;
  /** 文号 of the 督办单. Default a placeholder, 〔2022〕第__号 for the as-of year. */
  noticeNumber?: string | null;
  /** Working days after the as-of date by which a department replies to its 督办单. Default DEFAULTS.replyDays. */
  replyDays?: number | null;
  /**
   * Words a user taught (taizhang.json or --config in the CLI, the pane's saved choices): header words
   * per field, status words per state, applied ahead of the built-in ones (core/read/taught.ts).
   */
  taught?: TaughtWords | null;
  /**
   * false: items and flags only, no findings (the earlier version of a comparison, whose findings
   * nothing reads). Default true.
   */
  findings?: boolean;
}

/**
 * Where a check's start comes from: the start date given (--start, or 整改起始日期 in the pane), or
 * only a year the workbook states: its title (2022年…台账), its 填报时间 row, or the dates its ledger
 * holds. Year-less dates take the year; relative and 立行立改 deadlines need the date.
 */
export type StartBasis = { date: IsoDate; source: 'given' } | { year: number; source: 'title' | 'filled-in' | 'dates' };

export interface CheckedItem extends Item {
  flag: Flag;
  /** The effective due date (immediate items: start + immediateDays, or as-of). */
  due: IsoDate | null;
  /** due - asOf in calendar days; null when there is no due date or the item is done. */
  daysLeft: number | null;
}

export interface Totals {
  items: number;
  done: number;
  overdue: number;
  dueSoon: number;
  onTrack: number;
  longTerm: number;
  noDeadline: number;
}

/** Three-list workbooks: the names of the three sheets. */
export interface Sources {
  problems: string;
  tasks: string;
  responsibilities: string;
}

export interface CheckResult {
  file?: string;
  /** The ledger sheet (the task list for three-list workbooks). */
  sheet: string;
  sources?: Sources;
  asOf: IsoDate;
  start: IsoDate | null;
  /** Where the start date or year came from; null when neither is known. */
  startBasis?: StartBasis | null;
  /** Items not done whose deadline cannot be judged without the start date (relative forms, 立行立改) when none was given. */
  needsStart?: number;
  header: HeaderMap;
  /** Three-list workbooks: the headers of the problem and responsibility lists (and roster), for annotating them. */
  sourceHeaders?: HeaderMap[];
  items: CheckedItem[];
  /** By sheet (the ledger or task list first), then row, errors before warnings within a row. */
  findings: Finding[];
  /** The same findings with every error before every warning, each group in `findings`' order: the list a person reads top down (the pane, the terminal report). */
  findingsByLevel: Finding[];
  findingCounts: FindingCounts;
  totals: Totals;
}
