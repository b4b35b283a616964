/** CheckResult -> the JSON of the CLI contract (DESIGN.md, "The command line"): these keys and no others. */
import { colLetter } from '../core/grid';
import { CheckResult, FieldKey } from '../core/types';

export function contractJson(result: CheckResult, file: string): unknown {
  const columns: Partial<Record<FieldKey, string>> = {};
  (Object.keys(result.header.columns) as FieldKey[])
    .map((k) => [k, result.header.columns[k] as number] as [FieldKey, number])
    .filter(([, c]) => typeof c === 'number' && c > 0)
    .sort((a, b) => a[1] - b[1])
    .forEach(([k, c]) => (columns[k] = colLetter(c)));
  const out: Record<string, unknown> = { file, sheet: result.sheet };
  if (result.sources) out.sources = result.sources;
  out.asOf = result.asOf;
  out.header = { rows: result.header.rows, columns };
  out.items = result.items.map((i) => ({
    row: i.row,
    seq: i.seq,
    aspect: i.aspect,
    problem: i.problem,
    measure: i.measure,
    leader: i.leader,
    leadDept: i.leadDept,
    deadline: { text: i.deadline.text, kind: i.deadline.kind, due: i.deadline.due, ongoing: i.deadline.ongoing },
    state: i.state,
    flag: i.flag,
    daysLeft: i.daysLeft,
  }));
  out.findings = result.findings.map((f) => {
    const o: Record<string, unknown> = { rule: f.rule, severity: f.severity, cell: f.cell, row: f.row, message: f.message };
    // Three-list workbooks: a cross-list finding can sit on the problem or responsibility sheet.
    if (f.sheet && f.sheet !== result.sheet) o.sheet = f.sheet;
    return o;
  });
  const t = result.totals;
  out.totals = {
    items: t.items,
    done: t.done,
    overdue: t.overdue,
    dueSoon: t.dueSoon,
    onTrack: t.onTrack,
    longTerm: t.longTerm,
    noDeadline: t.noDeadline,
  };
  return out;
}
