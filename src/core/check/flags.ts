/**
 * Item + options -> flag and days left (docs/rules.md, "Flags, in order").
 * Red means overdue and not closed; a done item is never red.
 */
import { addDays, diffDays } from '../text/dates';
import { dueSoonDaysOf, immediateDaysOf } from '../model/options';
import { CheckedItem, CheckOptions, Totals } from '../model/result';
import { Flag, FLAGS, Item } from '../model/ledger';
import { IsoDate } from '../model/grid';

/** The date an item is judged against: its own date, or for 立行立改 start + immediate-days (as-of without a start). */
export function effectiveDue(item: Item, opts: CheckOptions): IsoDate | null {
  const d = item.deadline;
  if (d.kind === 'date') return d.due;
  if (d.kind === 'immediate') {
    return opts.start ? addDays(opts.start, immediateDaysOf(opts)) : opts.asOf;
  }
  return null;
}

export function flagItem(item: Item, opts: CheckOptions): CheckedItem {
  const soon = dueSoonDaysOf(opts);
  const due = effectiveDue(item, opts);
  const out = item as CheckedItem;
  out.due = due;
  out.daysLeft = null;
  if (item.state === 'done' || item.state === 'closed') out.flag = 'done';
  else if (item.deadline.kind === 'long-term') out.flag = 'long-term';
  else if (!due) out.flag = 'no-deadline';
  else {
    const left = diffDays(opts.asOf, due);
    out.daysLeft = left;
    out.flag = left < 0 ? 'overdue' : left <= soon ? 'due-soon' : 'on-track';
  }
  return out;
}

const TOTAL_KEY: Record<Flag, Exclude<keyof Totals, 'items'>> = {
  done: 'done',
  overdue: 'overdue',
  'due-soon': 'dueSoon',
  'on-track': 'onTrack',
  'long-term': 'longTerm',
  'no-deadline': 'noDeadline',
};

/** totals.items equals the sum of the six flag counts, by construction. */
export function totalsOf(items: { flag: Flag }[]): Totals {
  const t: Totals = { items: 0, done: 0, overdue: 0, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 };
  items.forEach((i) => {
    t[TOTAL_KEY[i.flag]]++;
    t.items++;
  });
  return t;
}

/** The Totals (and summary row) key that counts a flag. */
export function totalsKey(flag: Flag): Exclude<keyof Totals, 'items'> {
  return TOTAL_KEY[flag];
}

export { FLAGS };
