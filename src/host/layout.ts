/**
 * Where things sit on a written sheet, in cells: the rows whose height a host sets (those where merged
 * text starts: hosts fit other rows themselves, never a merged cell) and a chart's series and frame.
 */
import { SheetSpec, cellRef, colLetter, rangeRef } from '../core';

/** The rows whose height the host sets: those where a merge starts (1-based). */
export function mergedRows(spec: SheetSpec): number[] {
  const rows: number[] = [];
  for (const m of spec.merges || []) {
    const r = rangeRef(m);
    if (r && rows.indexOf(r.r1) < 0) rows.push(r.r1);
  }
  return rows.sort((a, b) => a - b);
}

/** The series a chart's source block gives: one per column after the categories. */
export function seriesCount(source: string): number {
  const r = rangeRef(source);
  return r ? r.c2 - r.c1 : 0;
}

/** The last cell a frame covers: `to` is the cell where the frame ends (DrawingML's exclusive corner). */
export function lastCellOf(to: string): string {
  const c = cellRef(to);
  return c ? colLetter(Math.max(1, c.col - 1)) + Math.max(1, c.row - 1) : to;
}
