/**
 * 对比上期's core work, a chunk of its own (webpackChunkName "compare"), fetched from this add-in's
 * origin on the first 对比上期: the comparison engine and its sheets are not part of the first load.
 * Two checked versions in; the Comparison, its SheetSpecs and what the pane shows of it out.
 */
import { CheckResult, Lang, SheetSpec, CHANGE_KINDS, ChangeKind, Comparison, compareResults, COMPARE_TEXT, CompareSheetOptions, compareSheets } from '../core';

export interface PeriodView {
  /** The opening sentence: 本期新完成N项、新增逾期N项、调整时限N项…… */
  sentence: string;
  /** Where the earlier version's date came from, in words. */
  sinceText: string;
  /** Every kind of change, in report order, with its name and count. */
  counts: { kind: ChangeKind; label: string; n: number }[];
}

export interface Period {
  comparison: Comparison;
  specs: SheetSpec[];
  view: PeriodView;
}

export function comparePeriod(earlier: CheckResult, later: CheckResult, lang: Lang, opts: CompareSheetOptions): Period {
  const cx = COMPARE_TEXT[lang];
  const comparison = compareResults(earlier, later);
  return {
    comparison,
    specs: compareSheets(comparison, lang, opts),
    view: {
      sentence: cx.sentence(comparison.totals),
      sinceText: cx.sources[opts.sinceSource],
      counts: CHANGE_KINDS.map((kind) => ({ kind, label: cx.kinds[kind], n: comparison.totals[kind] })),
    },
  };
}
