/** The Summary: what summarize() makes of one or many CheckResults, and what the summary sheets read. */
import type { PeriodProgress } from './comparison';
import { IsoDate } from './grid';
import { CheckedItem, Finding, FindingCounts, Lang, Totals } from './result';

export type SummaryItem = CheckedItem & { file: string };
export type SummaryFinding = Finding & { file: string };

/** One row of the by-aspect or by-department table. */
export interface GroupRow extends Omit<Totals, 'items'> {
  /** The aspect or department; for the blank group, the blank label in the summary's language. */
  name: string;
  /** True for the group of items with no aspect / no lead department (其他 / （未填写）). */
  blank: boolean;
  problems: number;
  measures: number;
  /** done / measures; null for an empty group. */
  rate: number | null;
}

export interface SourceRef {
  file: string;
  sheet: string;
  items: number;
}

export interface Summary {
  asOf: IsoDate;
  /** The start date the results were checked with (--start), when all share one; else null. */
  start?: IsoDate | null;
  lang: Lang;
  sources: SourceRef[];
  totals: Totals;
  /** 完成率: totals.done / totals.items, or null with no items. */
  rate: number | null;
  /** Done items split by close-out: state 'closed' (已销号) and state 'done' (已完成待销号). */
  closed: number;
  doneAwaitingClose: number;
  /** State basically-done (基本完成): not done, counted apart for the report. */
  basicallyDone: number;
  /** The 立行立改 subtotal: items whose deadline kind is 'immediate', counted by flag. */
  immediate: Totals;
  /** Distinct non-blank aspects and distinct (aspect, problem) pairs. */
  aspects: number;
  problems: number;
  /** In ledger order (first appearance); the blank group last. */
  byAspect: GroupRow[];
  /** Most overdue first, then most due soon, then by name; the blank group last among equals. */
  byLeadDept: GroupRow[];
  /** What changed since the earlier versions (summary --previous); absent without them. */
  progress?: PeriodProgress | null;
  /** Items led jointly (a 牵头部门 cell naming two or more departments): each counts under every one of them. */
  jointLed: number;
  /** Overdue items by most days overdue, then due-soon items by fewest days left. */
  overdueAndDueSoon: SummaryItem[];
  /** Every result's findings in input order, each in its result's order. */
  findings: SummaryFinding[];
  /** All the findings counted by level and by rule id. */
  findingCounts: FindingCounts;
  /** Every item of every result, in input order, each with its file. */
  items: SummaryItem[];
  /** Inputs a host left out (unusable, duplicate, lock files), each with why in the user's language; listed on 总览. */
  skipped?: { file: string; reason: string }[];
}
