/**
 * The one set of option defaults. CheckOptions (types.ts) is the one options type: each host fills
 * it from what the user gave (the CLI's flags, the pane's form) and passes it whole to the core,
 * which takes an option left out as its default here (the defaults column of docs/contract.md, "Commands").
 */
import { CheckOptions } from './result';

export const DEFAULTS: { readonly dueSoonDays: number; readonly immediateDays: number; readonly replyDays: number } = {
  /** The yellow window: an item due within this many days is due soon (--due-soon-days). */
  dueSoonDays: 10,
  /** The days a 立行立改 item gets after the start date (--immediate-days). */
  immediateDays: 30,
  /** Working days after the as-of date by which a department replies to its 督办单 (--reply-days). */
  replyDays: 3,
};

export function dueSoonDaysOf(opts: Pick<CheckOptions, 'dueSoonDays'>): number {
  return opts.dueSoonDays == null ? DEFAULTS.dueSoonDays : opts.dueSoonDays;
}

export function immediateDaysOf(opts: Pick<CheckOptions, 'immediateDays'>): number {
  return opts.immediateDays == null ? DEFAULTS.immediateDays : opts.immediateDays;
}

export function replyDaysOf(opts: Pick<CheckOptions, 'replyDays'>): number {
  return opts.replyDays == null ? DEFAULTS.replyDays : opts.replyDays;
}
