/** An exceljs-written workbook (another producer than ours) reads as Excel shows it. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isTaizhangError } from '../../src/core/words/errors';
import { Grid } from '../../src/core/model/grid';
import { readGrids } from '../../src/xlsx';
import { tempDir } from './helpers/files';

const dir = tempDir('taizhang-cells-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function build(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '标题';
  ws.mergeCells('A1:D1');
  ws.getCell('A2').value = { richText: [{ text: '整改', font: { bold: true } }, { text: '措施' }] };
  ws.getCell('B2').value = new Date(Date.UTC(2022, 5, 30));
  ws.getCell('B2').numFmt = 'yyyy"年"m"月"d"日"';
  ws.getCell('C2').value = { formula: 'B2+31', result: new Date(Date.UTC(2022, 6, 31)) };
  ws.getCell('C2').numFmt = 'yyyy-mm-dd';
  ws.getCell('D2').value = { text: '附件一', hyperlink: 'https://example.invalid/a' };
  ws.getCell('A3').value = { formula: 'NA()', result: { error: '#N/A' } };
  ws.getCell('B3').value = { error: '#DIV/0!' };
  ws.getCell('C3').value = { formula: 'ROW()*2', result: 6 };
  ws.getCell('C4').value = { sharedFormula: 'C3', result: 8 };
  ws.getCell('D3').value = '第一行\n第二行';
  ws.getCell('A4').value = true;
  ws.getCell('B4').value = 3.5;
  ws.getCell('D4').value = '=领导批示';
  ws.getCell('A5').value = '合并纵向';
  ws.mergeCells('A5:A6');
  ws.getCell('B5').value = { formula: '"已"&"完成"', result: '已完成' };
  ws.getCell('B6').value = '';
  // Styled but empty cells far away must not widen the grid.
  ws.getCell('H20').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
  wb.addWorksheet('空表');
  const file = path.join(dir, 'cells.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

const EXPECTED: Grid[] = [
  {
    name: '台账',
    top: 1,
    left: 1,
    usedRight: 4,
    rows: [
      ['标题'],
      ['整改措施', { date: '2022-06-30' }, { date: '2022-07-31' }, '附件一'],
      ['#N/A', '#DIV/0!', 6, '第一行\n第二行'],
      [true, 3.5, 8, '=领导批示'],
      ['合并纵向', '已完成'],
      // Row 6 (A6 is inside the A5:A6 merge, B6 is '') is empty, so it is trimmed.
    ],
  },
  { name: '空表', top: 1, left: 1, usedRight: 0, rows: [] },
];

test('merged cells are blanked and every value kind flattens to what Excel shows', async () => {
  expect(await readGrids(await build())).toEqual(EXPECTED);
});

test('a zip whose sheet data is damaged is file-corrupt, not a crash', async () => {
  const file = await build();
  const bytes = fs.readFileSync(file);
  // Damage the middle of the archive (compressed part data) but keep the central directory.
  const damaged = Buffer.from(bytes);
  for (let i = 200; i < Math.min(damaged.length - 2000, 1400); i++) damaged[i] = 0x41;
  const bad = path.join(dir, 'damaged.xlsx');
  fs.writeFileSync(bad, damaged);
  let code = 'ok';
  try {
    await readGrids(bad);
  } catch (e) {
    if (!isTaizhangError(e)) throw e;
    code = e.code;
  }
  expect(code).toBe('file-corrupt');
});
