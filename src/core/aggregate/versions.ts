/**
 * Two versions of one ledger in one workbook: for the pane's 对比上期, staff paste or move last
 * period's sheet into this period's workbook. Which sheets hold a version of the ledger, which of
 * them is the current one (never the copy moved in), and which is most likely the earlier one.
 * Pure: Grids and their headers in, sheet names out.
 */
import { LedgerChoice } from '../check/check';
import { cellAt, cellText } from '../text/grid';
import { detectHeader } from '../read/header';
import { readStatedDates } from '../read/stated';
import { toSimplified } from '../text/traditional';
import { FieldKey } from '../model/ledger';
import { Grid } from '../model/grid';
import { TaughtWords } from '../model/taught';
import { dict } from '../text/dict';

/** The words a ledger's header gives each field it maps: its header cells' text, spaces removed. */
function fieldWords(c: LedgerChoice): Partial<Record<FieldKey, string>> {
  const out: Partial<Record<FieldKey, string>> = {};
  const columns = c.header.columns;
  for (const f in columns) {
    if (!Object.prototype.hasOwnProperty.call(columns, f)) continue;
    const col = columns[f as FieldKey] as number;
    const parts: string[] = [];
    for (let i = 0; i < c.header.rows.length; i++) {
      const t = toSimplified(cellText(cellAt(c.grid, c.header.rows[i], col)).replace(/\s+/g, ''));
      if (t && parts.indexOf(t) < 0) parts.push(t);
    }
    out[f as FieldKey] = parts.join('/');
  }
  return out;
}

/**
 * How alike two ledgers' headers are, from 0 to 1: of the fields either maps, a field both map under
 * the same words counts 1, under other words (整改进展 / 进展情况) one half.
 */
export function headerLikeness(a: LedgerChoice, b: LedgerChoice): number {
  const wa = fieldWords(a);
  const wb = fieldWords(b);
  let union = 0;
  let same = 0;
  const seen = dict<boolean>();
  [wa, wb].forEach((w) => {
    for (const f in w) {
      if (!Object.prototype.hasOwnProperty.call(w, f) || seen[f]) continue;
      seen[f] = true;
      union++;
      const x = wa[f as FieldKey];
      const y = wb[f as FieldKey];
      if (x !== undefined && y !== undefined) same += x === y ? 1 : 0.5;
    }
  });
  return union ? same / union : 0;
}

/** At or above this likeness, two sheets hold versions of one ledger. */
export const SAME_LEDGER = 0.75;

/**
 * The sheets that could hold an earlier version of `ledger`: every other sheet with a ledger header
 * (none of `exclude`, such as the other lists of three), most like the ledger first, tab order
 * between equals. A header is found with the words the user taught, as the ledger's own was: last
 * period's copy of a ledger whose header only taught words name is offered too.
 */
export function earlierCandidates(grids: Grid[], ledger: LedgerChoice, exclude: string[] = [], taught?: TaughtWords | null): { sheet: string; likeness: number }[] {
  const out: { sheet: string; likeness: number; at: number }[] = [];
  grids.forEach((grid, at) => {
    if (grid.name === ledger.grid.name || exclude.indexOf(grid.name) >= 0) return;
    const header = detectHeader(grid, undefined, taught);
    if (header) out.push({ sheet: grid.name, likeness: headerLikeness(ledger, { grid, header }), at });
  });
  out.sort((x, y) => y.likeness - x.likeness || x.at - y.at);
  return out.map((x) => ({ sheet: x.sheet, likeness: x.likeness }));
}

/**
 * Of sheets that hold versions of one ledger, the current one: the one whose 填报时间 is latest. A
 * sheet that states none counts as the one being kept now (a copy moved in from last period carries
 * the date it was filed at). Between equals, the first given.
 */
export function currentVersion(versions: LedgerChoice[]): LedgerChoice {
  let best = versions[0];
  let bestDate = '';
  versions.forEach((v, i) => {
    const filledIn = readStatedDates(v.grid, v.header).filledIn;
    // '~' sorts after every ISO date: undated is "now".
    const date = filledIn && filledIn.date ? filledIn.date : '~';
    if (i === 0 || date > bestDate) {
      best = v;
      bestDate = date;
    }
  });
  return best;
}
