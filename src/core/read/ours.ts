/**
 * Which columns of a sheet are Taizhang's own (docs/contract.md, "Writing back"). One rule for both
 * hosts, so that a check never writes a user's column, whatever it is called:
 * - a block is ours when the host recorded it (Grid.ours: the add-in's document settings, the style
 *   marker of the file writer) and its header cells still read our labels, in order;
 * - without a record, the four ledger columns are ours only where the exact run of the four labels
 *   (期限状态, 截止日期, 剩余天数, 检查意见, or the English ones) stands, in order, in a header row;
 * - a single 检查意见 (the other lists of a three-list workbook) is never taken on its label alone: a
 *   problem list's own 检查意见 column is the user's.
 * New columns go after the last column that anything on the sheet uses (Grid.usedRight).
 */
import { ADDED_LABELS, normalizeHeader } from './fields';
import { cellAt, cellText, gridLeft, gridRight } from '../text/grid';
import { Grid } from '../model/grid';

/** The labels of a block `width` wide: the four ledger columns, or 检查意见 alone. */
function labelSets(width: number): string[][] {
  const pick = (labels: string[]) => (width === 1 ? [labels[3]] : labels.slice(0, width));
  return [pick(ADDED_LABELS.zh), pick(ADDED_LABELS.en)].map((set) => set.map(normalizeHeader));
}

/** True when the header cells from `column` on read one language's labels, in order, in one header row. */
function labelsStand(g: Grid, headerRows: number[], column: number, sets: string[][]): boolean {
  for (let i = 0; i < headerRows.length; i++) {
    for (let k = 0; k < sets.length; k++) {
      const set = sets[k];
      let all = true;
      for (let j = 0; j < set.length && all; j++) all = normalizeHeader(cellText(cellAt(g, headerRows[i], column + j))) === set[j];
      if (all) return true;
    }
  }
  return false;
}

/**
 * The first column of our block of `width` columns (4 on the ledger, 1 for 检查意见 on another list)
 * in the header rows, or 0 when the sheet holds none that is ours.
 */
export function ourColumns(g: Grid, headerRows: number[], width: number): number {
  const sets = labelSets(width);
  const marked = g.ours;
  if (marked && marked.width === width && marked.column > 0 && labelsStand(g, headerRows, marked.column, sets)) return marked.column;
  if (width !== 4) return 0;
  const right = gridRight(g);
  for (let c = gridLeft(g); c + width - 1 <= right; c++) if (labelsStand(g, headerRows, c, sets)) return c;
  return 0;
}

/** The rightmost column anything on the sheet uses: values, and what the host saw besides (merges, tables, formulas). */
export function usedRight(g: Grid): number {
  return Math.max(gridRight(g), g.usedRight || 0);
}

/**
 * The last column of the ledger itself: everything the sheet uses, less our own block when it is the
 * last thing on the sheet (a user's columns after ours stay part of the ledger).
 */
export function ledgerRight(g: Grid, headerRows: number[]): number {
  const right = usedRight(g);
  for (const width of [4, 1]) {
    const at = ourColumns(g, headerRows, width);
    if (at && at + width - 1 >= right) return at - 1;
  }
  return right;
}
