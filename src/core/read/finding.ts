/** The one Finding factory: the three lists (read/) and the rule catalogue (check/) make findings through it. */
import { Finding, RuleId, Severity } from '../model/result';
import { parseA1 } from '../text/a1';

/** A finding on `cell` (A1) of `sheet`; `row` is that cell's row unless given (an item's row on its own sheet). */
export function finding(rule: RuleId, severity: Severity, sheet: string, cell: string, message: string, row?: number): Finding {
  return { rule, severity, cell, row: row === undefined ? parseA1(cell).row : row, sheet, message };
}
