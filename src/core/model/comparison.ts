/** A Comparison of two versions of a ledger, and a period's progress over several (docs/contract.md, "compare"). */
import { IsoDate } from './grid';
import { Flag, State } from './ledger';
import { CheckedItem, CheckResult } from './result';

export type ChangeKind =
  | 'done'
  | 'newly-overdue'
  | 'still-overdue'
  | 'deadline-later'
  | 'deadline-earlier'
  | 'went-back'
  | 'stalled'
  | 'lead-changed'
  | 'added'
  | 'removed';

/** Every kind, in the order reports list them: moved deadlines first (they are findings in themselves). */
export const CHANGE_KINDS: ChangeKind[] = [
  'deadline-later',
  'deadline-earlier',
  'newly-overdue',
  'still-overdue',
  'stalled',
  'went-back',
  'done',
  'lead-changed',
  'added',
  'removed',
];

/**
 * One side of a change. Which keys are set depends on the kind: a deadline change holds the text and
 * the due date; a state change the state and flag; lead-changed the department; stalled the progress.
 */
export interface ChangeSide {
  text?: string;
  due?: IsoDate | null;
  state?: State;
  flag?: Flag;
  daysLeft?: number | null;
  leadDept?: string;
  progress?: string;
}

export interface Change {
  kind: ChangeKind;
  /** The later version's row, or null (removed). */
  row: number | null;
  /** The earlier version's row, or null (added). */
  earlierRow: number | null;
  seq: string;
  measure: string;
  leadDept: string;
  from: ChangeSide | null;
  to: ChangeSide | null;
  /** The items themselves, for the sheets and reports (not part of the JSON). */
  later: CheckedItem | null;
  earlier: CheckedItem | null;
}

export type ChangeTotals = Record<ChangeKind, number>;

export interface Comparison {
  earlier: CheckResult;
  later: CheckResult;
  /** Pairs of items, later first. */
  pairs: { later: CheckedItem; earlier: CheckedItem; score: number }[];
  changes: Change[];
  totals: ChangeTotals;
  /** Days between the two judging dates (later asOf - earlier asOf). */
  periodDays: number;
}
/* ------------------------------------ a period's progress ------------------------------------ */

/** The counts of one lead department over a period (a jointly led measure counts under each). */
export interface DeptProgress {
  done: number;
  newlyOverdue: number;
  moved: number;
}

/** What changed since the earlier versions, over every ledger of a summary (summary --previous). */
export interface PeriodProgress {
  /** The earliest date an earlier version was judged at. */
  since: IsoDate;
  totals: ChangeTotals;
  /** By department name as splitDepartments gives it; '' for items with no lead department. */
  byDept: Record<string, DeptProgress>;
}
