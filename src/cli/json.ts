/**
 * CheckResult / Summary -> the JSON of the CLI contract (docs/contract.md): these keys
 * and no others (`start` was added after the first version; keys are only ever added). `summary --json` uses the same item, finding and totals shapes as `check --json`,
 * with `file` and `sheet` on each item.
 */
import { colLetter } from '../core/text/a1';
import type { Summary, SummaryFinding, SummaryItem, CheckedItem, CheckResult, Finding, Totals, FieldKey, HeaderMap } from '../core';
import type { SkippedFile } from './skipped';

/**
 * `"start"`: where the start date or year came from, {"date": "2022-02-24", "source": "--start"} or
 * {"year": 2022, "source": "title"} (sources: --start, title, filled-in, dates), or null.
 */
function startJson(r: CheckResult): unknown {
  const b = r.startBasis === undefined ? (r.start ? { date: r.start, source: 'given' as const } : null) : r.startBasis;
  if (!b) return null;
  return b.source === 'given' ? { date: b.date, source: '--start' } : { year: b.year, source: b.source };
}

function headerJson(header: HeaderMap): unknown {
  const columns: Partial<Record<FieldKey, string>> = {};
  (Object.keys(header.columns) as FieldKey[])
    .map((k) => [k, header.columns[k] as number] as [FieldKey, number])
    .filter(([, c]) => typeof c === 'number' && c > 0)
    .sort((a, b) => a[1] - b[1])
    .forEach(([k, c]) => (columns[k] = colLetter(c)));
  return { rows: header.rows, columns };
}

/** Deadlines are shared by the items whose cells say the same (core/read/ledger.ts): their JSON is too. */
type DeadlineJson = Map<CheckedItem['deadline'], unknown>;

function deadlineJson(d: CheckedItem['deadline'], shared: DeadlineJson): unknown {
  let o = shared.get(d);
  if (!o) shared.set(d, (o = { text: d.text, kind: d.kind, due: d.due, ongoing: d.ongoing }));
  return o;
}

/** An item's JSON: one literal (check --json's 50,000 items); summary's put `file` and `sheet` first. */
function itemJson(i: CheckedItem, shared: DeadlineJson, where?: { file: string; sheet: string }): Record<string, unknown> {
  const o = { row: i.row, seq: i.seq, aspect: i.aspect, problem: i.problem, measure: i.measure, leader: i.leader, leadDept: i.leadDept, deadline: deadlineJson(i.deadline, shared), state: i.state, flag: i.flag, daysLeft: i.daysLeft };
  return where ? { file: where.file, sheet: where.sheet, ...o } : o;
}

/** `sheet` is added when the finding is not on `ledgerSheet` (or always, when ledgerSheet is null). */
function findingJson(f: Finding, ledgerSheet: string | null, file?: string): Record<string, unknown> {
  const o: Record<string, unknown> = file === undefined ? {} : { file };
  if (ledgerSheet === null) o.sheet = f.sheet;
  o.rule = f.rule;
  o.severity = f.severity;
  o.cell = f.cell;
  o.row = f.row;
  o.message = f.message;
  // Three-list workbooks: a cross-list finding can sit on the problem or responsibility sheet.
  if (ledgerSheet !== null && f.sheet && f.sheet !== ledgerSheet) o.sheet = f.sheet;
  return o;
}

function totalsJson(t: Totals): unknown {
  return {
    items: t.items,
    done: t.done,
    overdue: t.overdue,
    dueSoon: t.dueSoon,
    onTrack: t.onTrack,
    longTerm: t.longTerm,
    noDeadline: t.noDeadline,
  };
}

/** `config`: the taught-words file used (taizhang.json or --config), or null. */
export function contractJson(result: CheckResult, file: string, config: string | null = null): unknown {
  const out: Record<string, unknown> = { file, sheet: result.sheet };
  if (result.sources) out.sources = result.sources;
  out.asOf = result.asOf;
  out.start = startJson(result);
  out.header = headerJson(result.header);
  const deadlines: DeadlineJson = new Map();
  out.items = result.items.map((i) => itemJson(i, deadlines));
  out.findings = result.findings.map((f) => findingJson(f, result.sheet));
  out.totals = totalsJson(result.totals);
  out.config = config;
  return out;
}

/**
 * `summary --json`: one entry per ledger under `files` (its file name, path as given, sheet, header
 * and totals), then the consolidated items, findings and totals. `file` is the name shown in 来源文件.
 */
export function summaryJson(summary: Summary, results: CheckResult[], paths: string[], skipped: SkippedFile[] = [], config: string | null = null): unknown {
  const deadlines: DeadlineJson = new Map();
  return {
    asOf: summary.asOf,
    files: results.map((r, k) => {
      const o: Record<string, unknown> = { file: summary.sources[k].file, path: paths[k], sheet: r.sheet };
      if (r.sources) o.sources = r.sources;
      o.start = startJson(r);
      o.header = headerJson(r.header);
      o.totals = totalsJson(r.totals);
      return o;
    }),
    items: summary.items.map((i: SummaryItem) => itemJson(i, deadlines, { file: i.file, sheet: i.sheet })),
    findings: summary.findings.map((f: SummaryFinding) => findingJson(f, null, f.file)),
    totals: totalsJson(summary.totals),
    // The inputs left out, each with its path as given or expanded, why (lock-file, unusable, duplicate, no-match) and the line that says so.
    skipped: skipped.map((k) => ({ path: k.file, reason: k.reason, message: k.message })),
    config,
  };
}
