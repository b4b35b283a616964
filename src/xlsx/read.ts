/**
 * .xlsx -> Grid[]. Two paths over one cell conversion:
 * - readWorkbook: in memory, keeps the exceljs Workbook so a check can write back into it (--out);
 * - streamGrids: exceljs's streaming reader, for --json and reports, holding only the Grids.
 */
import ExcelJS from 'exceljs';
import { taizhangError, isTaizhangError } from '../core/errors';
import { CellValue, Grid } from '../core/types';
import { toCellValue } from './cell';
import { assertXlsx } from './sniff';

export interface ReadOptions {
  /** Called now and then with the number of rows read so far (for a progress line). */
  onProgress?: (rows: number) => void;
}

/** exceljs's ValueType.Merge: the non-top-left cells of a merge, which exceljs reads as the master's value. */
const MERGE_TYPE = 1;

/** Rows as read (sparse), to a Grid from A1 with trailing empty rows and columns trimmed. */
function toGrid(name: string, sparse: CellValue[][]): Grid {
  let lastRow = 0;
  let lastCol = 0;
  for (let r = 0; r < sparse.length; r++) {
    const row = sparse[r];
    if (!row) continue;
    for (let c = row.length - 1; c >= 0; c--) {
      const v = row[c];
      if (v !== null && v !== undefined) {
        lastRow = r + 1;
        if (c + 1 > lastCol) lastCol = c + 1;
        break;
      }
    }
  }
  const rows: CellValue[][] = new Array(lastRow);
  for (let r = 0; r < lastRow; r++) {
    const src = sparse[r];
    const out: CellValue[] = new Array(lastCol);
    for (let c = 0; c < lastCol; c++) {
      const v = src ? src[c] : undefined;
      out[c] = v === undefined ? null : v;
    }
    rows[r] = out;
  }
  return { name, rows, top: 1, left: 1 };
}

function corrupt(file: string, e: unknown): unknown {
  if (isTaizhangError(e)) return e;
  return taizhangError('file-corrupt', { file });
}

export function worksheetToGrid(ws: ExcelJS.Worksheet): Grid {
  const sparse: CellValue[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    const out: CellValue[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      out[c - 1] = cell.type === MERGE_TYPE ? null : toCellValue(cell.value, cell.numFmt);
    });
    sparse[r - 1] = out;
  });
  return toGrid(ws.name, sparse);
}

export interface LoadedWorkbook {
  workbook: ExcelJS.Workbook;
  grids: Grid[];
}

/** In-memory read. Throws a TaizhangError for anything that is not a readable .xlsx. */
export async function readWorkbook(file: string): Promise<LoadedWorkbook> {
  assertXlsx(file);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(file);
  } catch (e) {
    throw corrupt(file, e);
  }
  return { workbook, grids: workbook.worksheets.map(worksheetToGrid) };
}

interface StreamWorksheet {
  id: number | string;
  name: string;
  [Symbol.asyncIterator](): AsyncGenerator<ExcelJS.Row>;
}

interface StreamWorkbook {
  model?: { sheets?: { id: number; name: string }[] };
  [Symbol.asyncIterator](): AsyncGenerator<StreamWorksheet>;
}

/**
 * Streaming read: the workbook is never held, only the Grids. Shared strings and styles are cached
 * (styles so that date cells arrive as Dates); hyperlinks are ignored (a linked cell keeps its text).
 */
export async function streamGrids(file: string, opts: ReadOptions = {}): Promise<Grid[]> {
  assertXlsx(file);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  }) as unknown as StreamWorkbook;
  const sheets: { id: number; grid: Grid }[] = [];
  let count = 0;
  try {
    for await (const ws of reader) {
      const sparse: CellValue[][] = [];
      for await (const row of ws) {
        const out: CellValue[] = [];
        // row.eachCell skips empty cells; the streaming reader never sees merges (their other cells
        // are empty in the file, as Excel reports them).
        row.eachCell({ includeEmpty: false }, (cell, c) => {
          out[c - 1] = toCellValue(cell.value, cell.numFmt);
        });
        sparse[row.number - 1] = out;
        if (opts.onProgress && ++count % 5000 === 0) opts.onProgress(count);
      }
      sheets.push({ id: Number(ws.id), grid: toGrid(ws.name, sparse) });
    }
  } catch (e) {
    throw corrupt(file, e);
  }
  // Worksheets arrive in zip order; the user knows them in tab order.
  const order = ((reader.model && reader.model.sheets) || []).map((s) => Number(s.id));
  const rank = (id: number) => {
    const i = order.indexOf(id);
    return i < 0 ? order.length + id : i;
  };
  sheets.sort((a, b) => rank(a.id) - rank(b.id));
  return sheets.map((s) => s.grid);
}
