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
import { BORDER_EDGES, BodyLook } from '../host/annotation';
import { XL, findSheet, hexColor, member, sheetName, values2d, workbook, worksheets } from './et';
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

/** VBA's alignments and border weights by Excel's names (BodyLook carries Excel's). */
const H_ALIGN: Record<number, string> = { [-4131]: 'Left', [-4108]: 'Center', [-4152]: 'Right', 1: 'General' };
const V_ALIGN: Record<number, string> = { [-4160]: 'Top', [-4108]: 'Center', [-4107]: 'Bottom' };
const WEIGHT: Record<number, string> = { 1: 'Hairline', 2: 'Thin', [-4138]: 'Medium', 4: 'Thick' };

/** Rows probed in the used range's last column (where a ledger's first body rows are), as on Excel. */
const PROBE_ROWS = 16;

function lookOf(cell: Et.Range, row: number): BodyLook {
  const borders = {} as BodyLook['borders'];
  BORDER_EDGES.forEach((edge) => {
    const b = cell.Borders.Item(XL.edge[edge] as Et.XlBordersIndex);
    const style = +b.LineStyle;
    borders[edge] = style === XL.continuous ? { style: 'Continuous', weight: WEIGHT[+b.Weight] || 'Thin', color: hexColor(+b.Color) } : null;
  });
  const font = cell.Font;
  return { row, fontName: font.Name ? String(font.Name) : null, fontSize: +font.Size || null, hAlign: H_ALIGN[+cell.HorizontalAlignment] || null, vAlign: V_ALIGN[+cell.VerticalAlignment] || null, borders };
}

/** The looks read with each grid (annotate.ts matches the added columns to them). */
const LOOKS: WeakMap<Grid, BodyLook[]> = new WeakMap();

export function bodyLooks(grid: Grid): BodyLook[] {
  return LOOKS.get(grid) || [];
}

export function readSheet(ws: Et.Worksheet, name: string): Grid {
  const used = member<Et.Range>(ws, 'UsedRange');
  const address = String(member<string>(used, 'Address'));
  const values = values2d(used);
  const formats = formatsOf(used, values.length, values.length ? values[0].length : 0);
  const grid = toGrid(name, address, values, formats);
  const ours = columnsOf(loadColumnMarks(wpsStore), name);
  if (ours) grid.ours = ours;
  const cols = values.length ? values[0].length : 0;
  if (cols) {
    const looks: BodyLook[] = [];
    const top = grid.top || 1;
    // A look that cannot be read (a member this WPS lacks) leaves Taizhang's default look.
    try {
      for (let k = 1; k <= Math.min(PROBE_ROWS, values.length); k++) looks.push(lookOf(used.Item(k, cols), top + k - 1));
    } catch (e) {
      looks.length = 0;
    }
    LOOKS.set(grid, looks);
  }
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
