/**
 * Worksheet -> Grid. One round trip per phase: the sheet names, then every used range at once.
 * ExcelApi 1.1 only: Worksheet.getUsedRange() (its valuesOnly argument is 1.2, so it is not passed;
 * the range then includes formatted empty cells, merged areas and formulas, which is what
 * Grid.usedRight wants: Taizhang's columns go after everything the sheet uses). On a blank sheet it
 * returns A1 rather than throwing.
 *
 * Office answers at most ~5 MB per sync (ResponsePayloadSizeLimitExceeded). Ordinary ledgers stay
 * far below that in one sync; a workbook past it is read again in row slices, a few syncs more.
 */
import { Grid } from '../core';
import { ColumnMarks, columnsOf, emptyRecord } from '../host/settings';
import { BORDER_EDGES, BodyLook } from '../host/annotation';
import { rangeAddress } from '../host/cells';
import { toGrid, topLeftOf } from '../host/grid';

export { toGrid, topLeftOf };
import { readPlan } from '../host/ours';
import { loadColumnMarks, loadSheetMarks } from './settings';

/**
 * The cells probed on each sheet: the used range's last column (the ledger's right edge, where the
 * added columns go; on a re-check it is our own 检查意见, which took the ledger's look the first time)
 * in its first PROBE_ROWS rows, where a ledger's first body rows are, and its last cell.
 */
const PROBE_ROWS = 16;

interface Probe {
  offset: number;
  cell: Excel.Range;
  format: Excel.RangeFormat;
  font: Excel.RangeFont;
  borders: Excel.RangeBorder[];
}

function queueProbe(cell: Excel.Range, offset: number): Probe {
  const format = cell.format;
  format.load('horizontalAlignment,verticalAlignment');
  const font = format.font;
  font.load('name,size');
  const borders = BORDER_EDGES.map((edge) => {
    const b = format.borders.getItem(edge);
    b.load('style,weight,color');
    return b;
  });
  return { offset, cell, format, font, borders };
}

function lookOf(p: Probe, row: number): BodyLook {
  const borders = {} as BodyLook['borders'];
  BORDER_EDGES.forEach((edge, i) => {
    const b = p.borders[i];
    borders[edge] = b.style && b.style !== 'None' ? { style: b.style, weight: b.weight, color: b.color } : null;
  });
  return { row, fontName: p.font.name || null, fontSize: p.font.size || null, hAlign: p.format.horizontalAlignment || null, vAlign: p.format.verticalAlignment || null, borders };
}

/** The looks read with each grid, by grid (the pane passes its grids back to annotateAll). */
const LOOKS: WeakMap<Grid, BodyLook[]> = new WeakMap();

/** The body-cell looks read with this grid (empty for a grid not read by this module). */
export function bodyLooks(grid: Grid): BodyLook[] {
  return LOOKS.get(grid) || [];
}

interface Pending {
  name: string;
  used: Excel.Range;
  probes: Probe[];
  last: Probe;
}

function queueSheet(ws: Excel.Worksheet, name: string): Pending {
  const used = ws.getUsedRange(); // ExcelApi 1.1 form, no valuesOnly (1.2)
  used.load('address,values,numberFormat');
  const column = used.getLastColumn();
  const probes: Probe[] = [];
  for (let k = 0; k < PROBE_ROWS; k++) probes.push(queueProbe(column.getCell(k, 0), k));
  return { name, used, probes, last: queueProbe(used.getLastCell(), -1) };
}

function gridOf(p: Pending, marks: ColumnMarks): Grid {
  const grid = toGrid(p.name, p.used.address, p.used.values, p.used.numberFormat);
  const ours = columnsOf(marks, p.name);
  if (ours) grid.ours = ours;
  const top = grid.top || 1;
  const looks = p.probes.map((probe) => lookOf(probe, top + probe.offset));
  looks.push(lookOf(p.last, top + Math.max(0, grid.rows.length - 1)));
  LOOKS.set(grid, looks);
  return grid;
}

function isResponseTooLarge(e: unknown): boolean {
  const code = (e as { code?: string } | null) && (e as { code?: string }).code;
  return code === 'ResponsePayloadSizeLimitExceeded' || /ResponsePayloadSizeLimitExceeded/.test(String((e as { message?: string }) && (e as { message?: string }).message));
}

/** Cells per sync in the sliced read, to start with; quartered each time Office still refuses. */
const SLICE_CELLS = 120000;

/**
 * The fallback for a read past Office's response limit: the used ranges' addresses first, then the
 * values in row slices of at most `cells` cells per sync. Looks are not probed again (the first
 * attempt failed as a whole): such a sheet's added columns keep Excel's default look.
 */
async function readSliced(ctx: Excel.RequestContext, names: string[], marks: ColumnMarks): Promise<{ grids: Grid[]; syncs: number }> {
  const ranges = names.map((name) => {
    const used = ctx.workbook.worksheets.getItem(name).getUsedRange();
    used.load('address,rowCount,columnCount');
    return { name, used };
  });
  await ctx.sync();
  let syncs = 1;
  for (let cells = SLICE_CELLS; ; cells = Math.floor(cells / 4)) {
    try {
      const grids: Grid[] = [];
      for (let i = 0; i < ranges.length; i++) {
        const r = ranges[i];
        const at = topLeftOf(r.used.address);
        const cols = Math.max(1, r.used.columnCount);
        const step = Math.max(1, Math.floor(cells / cols));
        const values: unknown[][] = [];
        const formats: unknown[][] = [];
        for (let from = 0; from < r.used.rowCount; from += step) {
          const to = Math.min(r.used.rowCount, from + step) - 1;
          const slice = ctx.workbook.worksheets.getItem(r.name).getRange(rangeAddress(at.top + from, at.left, at.top + to, at.left + cols - 1));
          slice.load('values,numberFormat');
          await ctx.sync();
          syncs++;
          Array.prototype.push.apply(values, slice.values);
          Array.prototype.push.apply(formats, slice.numberFormat);
        }
        const grid = toGrid(r.name, r.used.address, values, formats);
        const ours = columnsOf(marks, r.name);
        if (ours) grid.ours = ours;
        grids.push(grid);
      }
      return { grids, syncs };
    } catch (e) {
      if (!isResponseTooLarge(e) || cells < 400) throw e;
    }
  }
}

/** One sheet's used range as a Grid (with the add-in's record of its columns): one sync. */
export function readSheet(name: string): Promise<Grid> {
  return Excel.run(async (ctx) => {
    const pending = queueSheet(ctx.workbook.worksheets.getItem(name), name);
    const marks = loadColumnMarks();
    try {
      await ctx.sync();
    } catch (e) {
      if (!isResponseTooLarge(e)) throw e;
      return (await readSliced(ctx, [name], marks)).grids[0];
    }
    return gridOf(pending, marks);
  });
}

/** The workbook's worksheet names, in tab order: one sync (ExcelApi 1.1). */
export function sheetNames(): Promise<string[]> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    return sheets.items.map((ws) => ws.name);
  });
}

/**
 * Every worksheet as a Grid, in tab order, for detection: two syncs whatever the sheet count. Each
 * sheet named in `apart` is read in a sync of its own, one more each: the earlier version of a
 * ledger (对比上期) is as large as the ledger, and both in one response would halve the size either
 * can have within Office's limit.
 */
export function readWorkbook(apart: string[] = []): Promise<Grid[]> {
  return Excel.run(async (ctx) => {
    const sheets = ctx.workbook.worksheets;
    sheets.load('items/name');
    await ctx.sync();
    // Our own sheets are not read (src/host/ours.ts readPlan); the sheets apart go alone.
    const { names, groups } = readPlan(sheets.items.map((ws) => ws.name), loadSheetMarks(), apart);
    const marks = loadColumnMarks();
    const byName = emptyRecord<Grid>();
    for (let i = 0; i < groups.length; i++) {
      if (!groups[i].length) continue;
      const pending = groups[i].map((name) => queueSheet(ctx.workbook.worksheets.getItem(name), name));
      try {
        await ctx.sync();
      } catch (e) {
        if (!isResponseTooLarge(e)) throw e;
        return (await readSliced(ctx, names, marks)).grids;
      }
      pending.forEach((p) => (byName[p.name] = gridOf(p, marks)));
    }
    return names.map((n) => byName[n]);
  });
}
