/**
 * Random Grids written by two other writers — the pane's xlsxlite (specsToXlsx) and exceljs — read
 * back by Taizhang's reader as the same Grids: text (CJK, emoji, formula-like, _x0041_-like, edge
 * spaces, line breaks), numbers, booleans and dates, with gaps anywhere.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import fc from '../fast-check';
import { CellValue } from '../../src/core/model/grid';
import { specsToXlsx } from '../../src/xlsxlite';
import { readGrids } from '../../src/xlsx';
import { tempDir } from './helpers/files';

const dir = tempDir('taizhang-property-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const text = fc.oneof(
  fc.constantFrom('整改措施', '2022年6月底前', '=SUM(A1:A3)', '+86 领导批示', '-', '@审计处', '_x0041_', '_x005F_', ' 前后空格 ', '第一行\n第二行', '制表\t符', '😀 表情', '﹏'),
  fc.string({ unit: fc.constantFrom('整', '改', 'a', 'Z', '0', ' ', '_', 'x', '&', '<', '>', '"', "'", '\n', '中', '—') }),
);
const date = fc.date({ min: new Date(Date.UTC(1900, 2, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) }));
const value: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 3 },
  { arbitrary: text, weight: 4 },
  { arbitrary: fc.integer({ min: -100000, max: 10000000 }), weight: 1 },
  { arbitrary: fc.double({ min: -1e12, max: 1e12, noNaN: true, noDefaultInfinity: true }).filter((x) => !Object.is(x, -0)), weight: 1 },
  { arbitrary: fc.boolean(), weight: 1 },
  { arbitrary: date, weight: 1 },
);
const grid = fc.array(fc.array(value, { maxLength: 9 }), { maxLength: 14 });

/** What a reader must give back: '' is empty, rows end at their last value, the sheet at its last row. */
function expected(rows: CellValue[][]): CellValue[][] {
  const out = rows.map((r) => {
    const row = r.map((v) => (v === '' ? null : v));
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
  while (out.length && !out[out.length - 1].length) out.pop();
  return out;
}

async function viaExceljs(rows: CellValue[][], file: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  rows.forEach((r, i) =>
    r.forEach((v, j) => {
      if (v === null) return;
      const cell = ws.getCell(i + 1, j + 1);
      if (typeof v === 'object') {
        const [y, m, d] = v.date.split('-').map(Number);
        cell.value = new Date(Date.UTC(y, m - 1, d));
        cell.numFmt = 'yyyy-mm-dd';
      } else cell.value = v;
    }),
  );
  await wb.xlsx.writeFile(file);
}

/**
 * exceljs writes text as it is, so a literal "_x005F_" in it is an escape to every OOXML reader
 * (ECMA-376 ST_Xstring): Excel shows "_". That is what the reader must give back for its files.
 */
function asExcelShows(rows: CellValue[][]): CellValue[][] {
  return rows.map((r) => r.map((v) => (typeof v === 'string' ? v.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16))) : v)));
}

let n = 0;

test('xlsxlite and exceljs files read back as the grids they were written from', async () => {
  await fc.assert(
    fc.asyncProperty(grid, async (rows) => {
      const want = expected(rows);
      const lite = path.join(dir, 'lite-' + ++n + '.xlsx');
      fs.writeFileSync(lite, specsToXlsx([{ name: '台账', rows: rows.map((r) => r.map((v) => (v === null ? null : { v, s: typeof v === 'object' ? 'date' : undefined }))) }]));
      const viaLite = await readGrids(lite);
      expect(viaLite.map((g) => [g.name, g.rows])).toEqual([['台账', want]]);

      const xl = path.join(dir, 'exceljs-' + n + '.xlsx');
      await viaExceljs(rows, xl);
      const viaXl = await readGrids(xl);
      expect(viaXl.map((g) => [g.name, g.rows])).toEqual([['台账', expected(asExcelShows(rows))]]);
    }),
    { numRuns: 40 },
  );
});
