/** A period's progress: the comparisons of every ledger of a summary with its earlier version (summary --previous). */
import { Comparison, DeptProgress, PeriodProgress } from '../model/comparison';
import { splitDepartments } from '../text/departments';
import { emptyChangeTotals } from './compare';
import { dict } from '../text/dict';

export function periodProgress(comparisons: Comparison[]): PeriodProgress | null {
  if (!comparisons.length) return null;
  const totals = emptyChangeTotals();
  const byDept = dict<DeptProgress>();
  let since = comparisons[0].earlier.asOf;
  comparisons.forEach((cmp) => {
    if (cmp.earlier.asOf < since) since = cmp.earlier.asOf;
    cmp.changes.forEach((c) => {
      totals[c.kind]++;
      const counted = c.kind === 'done' ? 'done' : c.kind === 'newly-overdue' ? 'newlyOverdue' : c.kind === 'deadline-later' || c.kind === 'deadline-earlier' ? 'moved' : null;
      if (!counted) return;
      const depts = splitDepartments(c.leadDept);
      (depts.length ? depts : ['']).forEach((d) => {
        const row = byDept[d] || (byDept[d] = { done: 0, newlyOverdue: 0, moved: 0 });
        row[counted]++;
      });
    });
  });
  return { since, totals, byDept };
}
