/**
 * Where things sit on a written sheet, in cells: the rows whose height a host sets (those where merged
 * text starts: hosts fit other rows themselves, never a merged cell) and a chart's series and frame.
 */
import { SheetSpec, colLetter, colNumber } from '../core';

/** The rows whose height the host sets: those where a merge starts (1-based). */
export function mergedRows(spec: SheetSpec): number[] {
  const rows: number[] = [];
  for (const m of spec.merges || []) {
    const r = /^[A-Z]+(\d+)/i.exec(m);
    if (r && rows.indexOf(+r[1]) < 0) rows.push(+r[1]);
  }
  return rows.sort((a, b) => a - b);
}

/** The series a chart's source block gives: one per column after the categories. */
export function seriesCount(source: string): number {
  const m = /^([A-Z]+)\d+:([A-Z]+)\d+$/i.exec(source);
  return m ? colNumber(m[2].toUpperCase()) - colNumber(m[1].toUpperCase()) : 0;
}

/** The last cell a frame covers: `to` is the cell where the frame ends (DrawingML's exclusive corner). */
export function lastCellOf(to: string): string {
  const m = /^([A-Z]+)(\d+)$/i.exec(to);
  if (!m) return to;
  return colLetter(Math.max(1, colNumber(m[1].toUpperCase()) - 1)) + Math.max(1, +m[2] - 1);
}
