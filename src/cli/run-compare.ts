/**
 * The compare pipeline as a function (the CLI and the benchmark call it): two versions of a ledger,
 * each read and checked at its own date, then compared (core/aggregate/compare.ts). The later version is
 * judged at --as-of; the earlier at --since, else the 填报时间 it states, else its document's
 * modified date; the run says which was used.
 */
import * as path from 'path';
import { checkWorkbook, statedFilledIn, compareResults, Comparison, SinceSource, compareSheets, diffDays, taizhangError, CheckOptions, CheckResult, IsoDate } from '../core';
import { documentModified, readGrids } from '../xlsx/read';
import { assertXlsx } from '../xlsx/sniff';
import { writeSpecsWorkbook } from '../xlsx/spec-writer';
import { cliText } from './messages';
import { assertOutFolder, isSameFile } from './run-check';
import { guarded, guardedSync } from './os-errors';

export interface CompareFilesOptions extends CheckOptions {
  since?: IsoDate | null;
  out?: string | null;
}

export interface CompareRun {
  comparison: Comparison;
  /** The earlier version as checked, the date it was judged at, and where that date came from. */
  earlier: { result: CheckResult; since: IsoDate; sinceSource: SinceSource };
}

/** The date the earlier version is judged at, and where it came from. */
export function earlierDate(grids: Parameters<typeof statedFilledIn>[0], file: string, opts: CompareFilesOptions): { since: IsoDate; source: SinceSource } {
  if (opts.since) return { since: opts.since, source: '--since' };
  const stated = statedFilledIn(grids, { asOf: opts.asOf, sheet: opts.sheet, lang: opts.lang });
  if (stated && stated.date) return { since: stated.date, source: 'filled-in' };
  const modified = documentModified(file);
  if (modified) return { since: modified, source: 'modified' };
  throw taizhangError('usage', { message: cliText(opts.lang || 'zh', 'compare.sinceUnknown', { file }) });
}

/** Reads an earlier version and checks it at the date it is judged at (--since, its 填报时间, its modified date). */
export async function readEarlier(file: string, opts: CompareFilesOptions, name: string = file): Promise<CompareRun['earlier']> {
  const grids = await guarded('read', file, opts.lang || 'zh', () => readGrids(file));
  const { since, source } = earlierDate(grids, file, opts);
  if (diffDays(since, opts.asOf) < 0) {
    throw taizhangError('usage', { message: cliText(opts.lang || 'zh', 'compare.sinceAfter', { file, since, asOf: opts.asOf }) });
  }
  // Only the items and flags of the earlier version are compared: its findings are not checked.
  const result = checkWorkbook(grids, { ...opts, asOf: since, file: name, findings: false });
  return { result, since, sinceSource: source };
}

export async function compareFiles(earlierFile: string, laterFile: string, opts: CompareFilesOptions): Promise<CompareRun> {
  const lang = opts.lang || 'zh';
  if (isSameFile(earlierFile, laterFile)) throw taizhangError('usage', { message: cliText(lang, 'usage.compareSame', { file: laterFile }) });
  if (opts.out) {
    if (isSameFile(earlierFile, opts.out) || isSameFile(laterFile, opts.out)) throw taizhangError('usage', { message: cliText(lang, 'usage.outIsInput') });
    assertOutFolder(opts.out, lang);
  }
  guardedSync('read', earlierFile, lang, () => assertXlsx(earlierFile));
  guardedSync('read', laterFile, lang, () => assertXlsx(laterFile));
  const later = checkWorkbook(await guarded('read', laterFile, lang, () => readGrids(laterFile)), { ...opts, file: laterFile });
  const earlier = await readEarlier(earlierFile, opts);
  const comparison = compareResults(earlier.result, later);
  if (opts.out) {
    const specs = compareSheets(comparison, lang, {
      issuer: opts.issuer,
      sinceSource: earlier.sinceSource,
      earlierFile: path.basename(earlierFile),
      laterFile: path.basename(laterFile),
    });
    const out = opts.out;
    await guarded('write', out, lang, () => writeSpecsWorkbook(specs, out));
  }
  return { comparison, earlier };
}
