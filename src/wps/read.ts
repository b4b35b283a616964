/**
 * Worksheet -> Grid on WPS: each sheet's UsedRange, its Value2 (a 2-D array; a bare value for one
 * cell) and its number formats. A range's NumberFormat is one string when all its cells share it and
 * null when they differ (VBA's rule), so formats are read per column, and per cell only in a column
 * that mixes them. Our own sheets are not read (src/host/ours.ts readPlan).
 */
import { Grid } from '../core';
import { columnsOf, loadColumnMarks, loadSheetMarks } from '../host/settings';
import { readPlan } from '../host/ours';
import { toGrid } from '../host/grid';
import { findSheet, member, sheetName, values2d, workbook, worksheets } from './et';
import { wpsStore } from './store';

function formatsOf(used: Et.Range, rows: number, cols: number): unknown[][] {
  const out: unknown[][] = [];
  for (let r = 0; r < rows; r++) out.push([]);
  const all = used.NumberFormat as unknown;
  for (let c = 1; c <= cols; c++) {
    let f = all;
    if (typeof f !== 'string') f = used.Item(1, c).Resize(rows, 1).NumberFormat as unknown;
    for (let r = 1; r <= rows; r++) out[r - 1][c - 1] = typeof f === 'string' ? f : used.Item(r, c).NumberFormat;
  }
  return out;
}

export function readSheet(ws: Et.Worksheet, name: string): Grid {
  const used = member<Et.Range>(ws, 'UsedRange');
  const address = String(member<string>(used, 'Address'));
  const values = values2d(used);
  const formats = formatsOf(used, values.length, values.length ? values[0].length : 0);
  const grid = toGrid(name, address, values, formats);
  const ours = columnsOf(loadColumnMarks(wpsStore), name);
  if (ours) grid.ours = ours;
  return grid;
}

export function sheetNames(): string[] {
  return worksheets(workbook()).map(sheetName);
}

export function readWorkbook(apart: string[] = []): Grid[] {
  const wb = workbook();
  const { names } = readPlan(sheetNames(), loadSheetMarks(wpsStore), apart);
  return names.map((n) => readSheet(findSheet(wb, n) as Et.Worksheet, n));
}
