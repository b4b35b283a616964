/**
 * What the pane's actions do, without the DOM: read the workbook, run the core, write through the
 * host it is given (src/host/host.ts; src/excel's in the pane). The flow tests run these on the fake
 * Excel and count their syncs; actions.ts wraps them with the busy state, the progress and the messages.
 */
import { AnnotationPlan, SheetSpec, CheckOptions, CheckResult, Lang, Grid, IsoDate, HeaderMap, checkWorkbook, statedFilledIn, planAnnotations, findThreeLists, ThreeLists, summarize, DocumentOptions, noticeBookSheets, summarySheets, SUMMARY_TEXT, SinceSource, diffDays, taizhangError, type Comparison } from '../core';
import { AnnotateReport, Host, WriteSheetsReport } from '../host/host';
import { loadSheetMarks, loadTaught } from '../host/settings';
import { STRINGS, fill } from './strings';
import type { PeriodView } from './period';

/** The texts of the progress line, by step (keys of strings.ts). */
export type StepKey = 'reading' | 'checking' | 'writing' | 'summarizing' | 'building' | 'makingNotices' | 'comparing' | 'writingCompare';

/** Shows step `n` of `of` and lets the page paint it before the work goes on. */
export type Step = (n: number, of: number, what: StepKey) => Promise<void>;

/** Whether a check of this sheet joins the three lists: it is their task list and no mapping is forced. */
export function joinsThreeLists(lists: ThreeLists | null, sheet: string | null, header: HeaderMap | null): boolean {
  return !!lists && !header && (!sheet || sheet === lists.tasks.grid.name);
}

/** The pane's check of this workbook's ledger: the task list joined with the other two lists where it is theirs. */
function checkLedgerOf(grids: Grid[], lists: ThreeLists | null, opts: CheckOptions): CheckResult {
  return checkWorkbook(grids, joinsThreeLists(lists, opts.sheet || null, opts.header || null) ? { ...opts, sheet: null } : opts);
}

/**
 * The options with the words this workbook was taught (the pane's 识别设置, saved in its settings:
 * src/host/settings.ts), unless the caller gave its own: every action that reads the ledger checks
 * with them, as the CLI checks with taizhang.json.
 */
export function withTaught(host: Host, opts: CheckOptions): CheckOptions {
  return opts.taught !== undefined ? opts : { ...opts, taught: loadTaught(host.store) };
}

export interface Checked {
  /** Every sheet read (Taizhang's own summary sheets are not). */
  grids: Grid[];
  /** The problem, task and responsibility lists, when the workbook keeps three. */
  lists: ThreeLists | null;
  result: CheckResult;
}

/**
 * Reads fresh grids (the user may have edited) and runs the core: two syncs, steps 1 and 2 of
 * `steps`. The task list of three lists is checked joined with the other two: the core joins them
 * only when no sheet is forced. A mapping the user corrected checks that one sheet as it says.
 */
export async function readAndCheck(host: Host, given: CheckOptions, step: Step, steps: number): Promise<Checked> {
  const opts = withTaught(host, given);
  await step(1, steps, 'reading');
  const grids = await host.readWorkbook();
  // The lists may have changed since detection; the role of each sheet is read again.
  const lists = findThreeLists(grids, opts.taught);
  await step(2, steps, 'checking');
  const result = checkLedgerOf(grids, lists, opts);
  return { grids, lists, result };
}

/**
 * 检查's write: the ledger (task list) gets its four columns, the other lists a 检查意见 column where
 * needed, all of them in one host.annotate (one Excel.run on Excel): the syncs do not grow with the rows or the sheets.
 */
export async function annotateChecked(host: Host, c: Checked, lang: Lang): Promise<{ plans: AnnotationPlan[]; report: AnnotateReport }> {
  const plans = planAnnotations(c.grids, c.result, lang);
  const report = await host.annotate(plans, c.grids);
  return { plans, report };
}

/** 生成汇总's write: the seven summary sheets of one checked ledger, into this workbook. */
export function writeSummary(host: Host, result: CheckResult, lang: Lang, doc: DocumentOptions): Promise<WriteSheetsReport> {
  return host.writeSheets(summarySheets(summarize([result], { asOf: result.asOf, lang }), lang, doc));
}

/** The sheet-name prefix of a 督办单 written beside the ledger: 督办单-办公室. */
export function noticePrefix(lang: Lang): string {
  return SUMMARY_TEXT[lang].sheets.notice + '-';
}

/** The sheet-name prefix of a 提醒单 (a department whose items are only due soon): 提醒单-财务处. */
export function reminderPrefix(lang: Lang): string {
  return SUMMARY_TEXT[lang].notice.reminderSheet + '-';
}

/** Every 督办单 of a checked ledger, one sheet per lead department with overdue or due-soon items. */
export function noticeSpecs(result: CheckResult, lang: Lang, doc: DocumentOptions, prefix = '', reminder = prefix): SheetSpec[] {
  return noticeBookSheets(summarize([result], { asOf: result.asOf, lang }), lang, doc, prefix, reminder);
}

export interface NoticesWritten {
  /** Null when no department needs a notice: nothing was written. */
  report: WriteSheetsReport | null;
  /** Notices written by an earlier run for departments that need none now, still in the workbook. */
  stale: string[];
}

/**
 * 生成督办单's write: the notices as sheets of this workbook (督办单-办公室, ...), through the same
 * writer as the summary: recorded as ours, a user's sheet of the same name never touched, ours
 * rewritten in place. An earlier run's notice for a department that needs none now is left as it
 * is (it may hold the department's reply) and named in `stale`.
 */
export async function writeNotices(host: Host, result: CheckResult, lang: Lang, doc: DocumentOptions): Promise<NoticesWritten> {
  const prefix = noticePrefix(lang);
  const reminder = reminderPrefix(lang);
  const specs = noticeSpecs(result, lang, doc, prefix, reminder);
  const marks = loadSheetMarks(host.store);
  const earlier: string[] = [];
  for (const name in marks) {
    // An earlier 提醒单-X where a 督办单-X is written now (or the other way) is an earlier notice too.
    if (Object.prototype.hasOwnProperty.call(marks, name) && (name.indexOf(prefix) === 0 || name.indexOf(reminder) === 0)) earlier.push(name);
  }
  const report = specs.length ? await host.writeSheets(specs) : null;
  // Which of the earlier notices are still there: the writer saw the sheets, else one sync asks.
  const existing: Record<string, boolean> = {};
  const names = report ? report.existing : earlier.length ? await host.sheetNames() : [];
  names.forEach((n) => (existing[n.toLowerCase()] = true));
  const written: Record<string, boolean> = {};
  specs.forEach((spec) => (written[spec.name] = true));
  const stale = earlier.filter((name) => !written[name] && existing[String(marks[name]).toLowerCase()]).map((name) => marks[name]);
  return { report, stale };
}

/** Which sheet holds last period's version, and the date to judge it at (null: the 填报时间 it states). */
export interface Earlier {
  sheet: string;
  since: IsoDate | null;
}

export interface Compared extends Checked {
  comparison: Comparison;
  /** What the pane shows: the opening sentence and the counts. */
  view: PeriodView;
  /** The date the earlier version was judged at, and where it came from. */
  since: IsoDate;
  sinceSource: SinceSource;
  report: WriteSheetsReport;
}

function refuse(lang: Lang, key: 'earlierIsLedger' | 'earlierUndated' | 'earlierAfter', params: Record<string, string>): never {
  throw taizhangError('usage', { message: fill(STRINGS[lang][key], params) });
}

/**
 * 对比上期: this period's ledger against last period's version pasted into the same workbook
 * (docs/contract.md, "compare --json" for what changes mean). The comparison's code is its own chunk
 * (period.ts), fetched first. The earlier sheet is read apart (its own sync, as large as the ledger
 * may be), kept out of the ledger's check (never taken for the ledger or for one of three lists)
 * and checked alone at its date: the one given, else the 填报时间 it states (a workbook has no file
 * date here). A date after the check's is refused, a given one before anything is read. Neither
 * sheet is written: the comparison goes into sheets of its own (对比总览, 时限调整, ...) through
 * writeSheets. Syncs: three to read, two to write, whatever the rows.
 */
export async function compareWithEarlier(host: Host, given: CheckOptions, earlier: Earlier, doc: DocumentOptions, step: Step): Promise<Compared> {
  const opts = withTaught(host, given);
  const lang = opts.lang || 'zh';
  const file = opts.file || '';
  const ledgerSheet = opts.header ? opts.header.sheet : opts.sheet;
  if (ledgerSheet === earlier.sheet) refuse(lang, 'earlierIsLedger', { sheet: earlier.sheet });
  const after = (since: IsoDate) => diffDays(since, opts.asOf) < 0 && refuse(lang, 'earlierAfter', { sheet: earlier.sheet, since, asOf: opts.asOf });
  if (earlier.since) after(earlier.since);
  // The comparison's code first: where the add-in's server does not give it, nothing was read.
  const period = await import(/* webpackChunkName: "compare" */ './period');
  await step(1, 3, 'reading');
  const grids = await host.readWorkbook([earlier.sheet]);
  const earlierGrid = grids.filter((g) => g.name === earlier.sheet)[0];
  if (!earlierGrid) throw taizhangError('sheet-not-found', { file, sheet: earlier.sheet, sheets: grids.map((g) => g.name).join('、') });
  await step(2, 3, 'comparing');
  const rest = grids.filter((g) => g !== earlierGrid);
  const lists = findThreeLists(rest, opts.taught);
  const later = checkLedgerOf(rest, lists, opts);
  const alone = { ...opts, sheet: earlier.sheet, header: null };
  let since = earlier.since;
  let sinceSource: SinceSource = 'given';
  if (!since) {
    const stated = statedFilledIn([earlierGrid], alone);
    if (!stated || !stated.date) refuse(lang, 'earlierUndated', { sheet: earlier.sheet });
    since = (stated as { date: IsoDate }).date;
    sinceSource = 'filled-in';
    after(since);
  }
  const earlierResult = checkWorkbook([earlierGrid], { ...alone, asOf: since, findings: false });
  const done = period.comparePeriod(earlierResult, later, lang, { ...doc, sinceSource, earlierFile: file, laterFile: file });
  await step(3, 3, 'writingCompare');
  const report = await host.writeSheets(done.specs);
  return { grids, lists, result: later, comparison: done.comparison, view: done.view, since, sinceSource, report };
}
