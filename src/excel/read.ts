/**
 * Worksheet -> Grid. One round trip per phase: the sheet names, then every used range at once.
 * ExcelApi 1.1 only: Worksheet.getUsedRange() (its valuesOnly argument is 1.2, so it is not passed;
 * the range may then include formatted empty cells, which the core ignores). On a blank sheet it
 * returns A1 rather than throwing.
 */
import { CellValue, Grid } from '../core/types';
import { serialToIso } from '../core/dates';
import { isDateNumberFormat } from '../core/grid';
import { summarySheetNames } from '../core/summary-i18n';
import { loadColumnMarks } from './settings';

/** 'Sheet1!B2:F30' or "'My sheet'!B2" -> top-left (1-based). */
export function topLeftOf(address: string): { top: number; left: number } {
  const bare = address.slice(address.lastIndexOf('!') + 1).split(':')[0].replace(/\$/g, '');
  const m = /^([A-Za-z]+)(\d+)$/.exec(bare);
  if (!m) return { top: 1, left: 1 };
  let col = 0;
  const letters = m[1].toUpperCase();
  for (let i = 0; i < letters.length; i++) col = col * 26 + (letters.charCodeAt(i) - 64);
  return { top: +m[2], left: col };
}

/** Office.js values + numberFormat -> Grid: '' is null, a number in a date format is a DateValue. */
export function toGrid(name: string, address: string, values: unknown[][], numberFormat: unknown[][]): Grid {
  const at = topLeftOf(address);
  const rows: CellValue[][] = [];
  for (let i = 0; i < values.length; i++) {
    const src = values[i];
    const fmts = numberFormat && numberFormat[i];
    const row: CellValue[] = [];
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
  return { name, rows, top: at.top, left: at.left };
}

function loadUsed(ws: Excel.Worksheet): Excel.Range {
  const used = ws.getUsedRange(); // ExcelApi 1.1 form, no valuesOnly (1.2)
  used.load('address,values,numberFormat');
  return used;
}

/** One sheet's used range as a Grid: one sync. */
export function readSheet(name: string): Promise<Grid> {
  return Excel.run(async (ctx) => {
    const used = loadUsed(ctx.workbook.worksheets.getItem(name));
    await ctx.sync();
    return toGrid(name, used.address, used.values, used.numberFormat);
  });
}

/**
 * Taizhang's own summary sheets (an earlier 生成汇总, in either language) are not read: they are never
 * a ledger, and their 汇总台账 repeats every item, so loading their used ranges could double the read
 * of a large workbook. They are matched by exact name (as writeSheets replaces them) and left out of
 * the Grids altogether, so they are not offered as ledger sheets either.
 */
const SKIPPED: Record<string, boolean> = {};
summarySheetNames().forEach((n) => (SKIPPED[n] = true));

export function isSummarySheetName(name: string): boolean {
  return SKIPPED[name] === true;
}

/** Every worksheet as a Grid, in tab order, for detection: two syncs whatever the sheet count. */
export function readWorkbook(): Promise<Grid[]> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    const pending = sheets.items
      .filter((ws) => !isSummarySheetName(ws.name))
      .map((ws) => ({ name: ws.name, used: loadUsed(ws) }));
    await ctx.sync();
    const marks = loadColumnMarks();
    return pending.map((p) => {
      const grid = toGrid(p.name, p.used.address, p.used.values, p.used.numberFormat);
      if (Object.prototype.hasOwnProperty.call(marks, p.name)) grid.ours = marks[p.name];
      return grid;
    });
  });
}
