/**
 * A used range's values and number formats -> Grid, the same on every host (Office.js values and
 * numberFormat; WPS Value2 and NumberFormat): '' is null, a number in a date format is a DateValue.
 */
import { CellValue, Grid, serialToIso, rangeRef, isDateNumberFormat } from '../core';

/** 'Sheet1!B2:F30' or "'My sheet'!B2" -> top-left (1-based). */
export function topLeftOf(address: string): { top: number; left: number } {
  const r = rangeRef(address);
  return r ? { top: r.r1, left: r.c1 } : { top: 1, left: 1 };
}

/**
 * Office.js values + numberFormat -> Grid: '' is null, a number in a date format is a DateValue.
 * usedRight is the used range's right edge (formatted cells and merges included).
 */
export function toGrid(name: string, address: string, values: unknown[][], numberFormat: unknown[][]): Grid {
  const at = topLeftOf(address);
  const rows: CellValue[][] = [];
  let width = 0;
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    const fmts = numberFormat && numberFormat[i];
    const row: CellValue[] = [];
    width = Math.max(width, src.length);
    for (let j = 0; j < src.length; j++) {
      const v = src[j];
      if (v === '' || v === null || v === undefined) row.push(null);
      else if (typeof v === 'number' && fmts && isDateNumberFormat(String(fmts[j])) && v >= 1 && v < 2958466) {
        row.push({ date: serialToIso(v) });
      } else if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') row.push(v);
      else row.push(String(v));
    }
    rows.push(row);
  }
  const grid: Grid = { name, rows, top: at.top, left: at.left };
  if (width > 0) grid.usedRight = at.left + width - 1;
  return grid;
}
