/**
 * The engine's one entry point: Grids of a workbook + options -> CheckResult.
 * Hosts read the sheets, call checkWorkbook, and render what it returns.
 */
import { taizhangError } from '../words/errors';
import { flagItem, totalsOf } from './flags';
import { detectHeader, HeaderCandidate, lookedFor } from '../read/header';
import { isEmptyGrid } from '../text/grid';
import { readLedger } from '../read/ledger';
import { countFindings, countNeedsStart, duplicateSeqFindings, errorsFirst, itemFindings, missingColumnFindings, runRules, sortFindings, startMissingFindings, statusWordsFindings } from './rules';
import { inferStart, readStatedDates, StatedDate } from '../read/stated';
import { findThreeLists, joinThreeLists, ThreeLists } from '../read/threelists';
import { CheckOptions, CheckResult, Finding, StartBasis } from '../model/result';
import { Grid } from '../model/grid';
import { HeaderMap } from '../model/ledger';

export interface LedgerChoice {
  grid: Grid;
  header: HeaderMap;
}

/** The sheet that holds the ledger: the named one, else the one whose header names the most fields. */
export function chooseLedger(grids: Grid[], opts: CheckOptions): LedgerChoice {
  const lang = opts.lang || 'zh';
  const file = opts.file || '';
  if (!grids.length || grids.every(isEmptyGrid)) throw taizhangError('empty-workbook', { file });
  if (opts.header) {
    const grid = find(grids, opts.header.sheet, opts);
    return { grid, header: opts.header };
  }
  if (opts.sheet) {
    const grid = find(grids, opts.sheet, opts);
    const header = detectHeader(grid, undefined, opts.taught);
    if (!header) throw taizhangError('no-ledger', { file: file + ' / ' + grid.name, columns: lookedFor(lang) });
    return { grid, header };
  }
  let best: { grid: Grid; header: HeaderCandidate } | null = null;
  grids.forEach((grid) => {
    const header = detectHeader(grid, undefined, opts.taught);
    if (header && (!best || header.score > best.header.score)) best = { grid, header };
  });
  if (!best) throw taizhangError('no-ledger', { file, columns: lookedFor(lang) });
  return best;
}

function find(grids: Grid[], name: string, opts: CheckOptions): Grid {
  for (let i = 0; i < grids.length; i++) if (grids[i].name === name) return grids[i];
  throw taizhangError('sheet-not-found', { file: opts.file || '', sheet: name, sheets: grids.map((g) => g.name).join('、') });
}

/** The year year-less dates take when only the workbook states one. */
function statedYear(basis: StartBasis | null): number | null {
  return basis && basis.source !== 'given' ? basis.year : null;
}

/** A result's findings: each with its file, in check order, by level, and counted. */
function findingsOf(findings: Finding[], opts: CheckOptions): Pick<CheckResult, 'findings' | 'findingsByLevel' | 'findingCounts'> {
  if (opts.file) findings.forEach((f) => (f.file = opts.file));
  return { findings, findingsByLevel: errorsFirst(findings), findingCounts: countFindings(findings) };
}

/** Check one ledger sheet whose header is known. */
export function checkLedger(grid: Grid, header: HeaderMap, opts: CheckOptions): CheckResult {
  const startBasis = inferStart([{ grid, header }], opts.start);
  const read = readLedger(grid, header, { asOf: opts.asOf, start: opts.start || null, year: statedYear(startBasis) }, { taught: opts.taught });
  const items = read.items.map((item) => {
    if (opts.file) item.file = opts.file;
    return flagItem(item, opts);
  });
  const findings = opts.findings === false ? [] : runRules(items, read, header, opts);
  return {
    file: opts.file,
    sheet: grid.name,
    asOf: opts.asOf,
    start: opts.start || null,
    startBasis,
    needsStart: countNeedsStart(items, opts),
    header,
    items,
    ...findingsOf(findings, opts),
    totals: totalsOf(items),
  };
}

/** Three lists on three sheets: join them, then flag and check as one ledger. */
export function checkThreeLists(lists: ThreeLists, opts: CheckOptions): CheckResult {
  const lang = opts.lang || 'zh';
  const sheets: { grid: Grid; header: HeaderMap }[] = [lists.tasks];
  if (lists.problems) sheets.push(lists.problems);
  if (lists.responsibilities) sheets.push(lists.responsibilities);
  const startBasis = inferStart(sheets, opts.start);
  const joined = joinThreeLists(lists, opts, statedYear(startBasis));
  const items = joined.items.map((item) => {
    if (opts.file) item.file = opts.file;
    return flagItem(item, opts);
  });
  const header = lists.tasks.header;
  let findings: Finding[] = [];
  if (opts.findings !== false) {
    findings = statusWordsFindings(items, header, joined.present, lang)
      .concat(missingColumnFindings(joined.present, header, lang))
      .concat(startMissingFindings(items, header, opts))
      .concat(itemFindings(items, joined.present, opts))
      .concat(joined.findings);
    joined.seqs.forEach((list) => (findings = findings.concat(duplicateSeqFindings(list.seqs, list.header, lang))));
  }
  const sources = {
    problems: lists.problems ? lists.problems.grid.name : '',
    tasks: lists.tasks.grid.name,
    responsibilities: lists.responsibilities ? lists.responsibilities.grid.name : '',
  };
  findings = sortFindings(findings, [sources.tasks, sources.problems, sources.responsibilities]);
  const sourceHeaders: HeaderMap[] = [];
  if (lists.problems) sourceHeaders.push(lists.problems.header);
  if (lists.responsibilities) sourceHeaders.push(lists.responsibilities.header);
  return {
    file: opts.file,
    sheet: sources.tasks,
    sources,
    asOf: opts.asOf,
    start: opts.start || null,
    startBasis,
    needsStart: countNeedsStart(items, opts),
    header,
    sourceHeaders,
    items,
    ...findingsOf(findings, opts),
    totals: totalsOf(items),
  };
}

/** What a check of a workbook reads: three lists joined, or one ledger sheet. */
export type CheckChoice = { lists: ThreeLists } | LedgerChoice;

/**
 * Without --sheet (or a user-corrected header), a workbook that keeps its problem, task and
 * responsibility lists on separate sheets is joined; otherwise the ledger sheet is chosen.
 */
export function chooseCheck(grids: Grid[], opts: CheckOptions): CheckChoice {
  if (!opts.sheet && !opts.header && grids.length > 1 && !grids.every(isEmptyGrid)) {
    const lists = findThreeLists(grids, opts.taught);
    if (lists) return { lists };
  }
  return chooseLedger(grids, opts);
}

/** The sheets a choice reads, the ledger (task list) first. */
function choiceSheets(choice: CheckChoice): LedgerChoice[] {
  if (!('lists' in choice)) return [choice];
  const l = choice.lists;
  const out: LedgerChoice[] = [l.tasks];
  if (l.problems) out.push(l.problems);
  if (l.responsibilities) out.push(l.responsibilities);
  return out;
}

/** Check a workbook: the sheets chooseCheck picks, judged at opts.asOf. */
export function checkWorkbook(grids: Grid[], opts: CheckOptions): CheckResult {
  const choice = chooseCheck(grids, opts);
  return 'lists' in choice ? checkThreeLists(choice.lists, opts) : checkLedger(choice.grid, choice.header, opts);
}

/**
 * The date the workbook says it was filled in (填报时间：2022年6月15日 above the header, or a 填表日期
 * line below the items) on the sheets a check would read, or null when none states a full date. An
 * earlier version of a ledger is judged at this date when two versions are compared.
 */
export function statedFilledIn(grids: Grid[], opts: CheckOptions): StatedDate | null {
  const sheets = choiceSheets(chooseCheck(grids, opts));
  for (let i = 0; i < sheets.length; i++) {
    const filledIn = readStatedDates(sheets[i].grid, sheets[i].header).filledIn;
    if (filledIn && filledIn.date) return filledIn;
  }
  return null;
}
