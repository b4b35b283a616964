/** Writing: the four added columns and formula-like text kept as text. (SheetSpecs: tests/xlsxlite, tests/xlsx/summary.test.ts.) */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { AnnotationPlan } from '../../src/core/types';
import { applyAnnotation, readWorkbook, writeWorkbookAtomic } from '../../src/xlsx';
import { cellXml, tempDir, xlsxPart } from './helpers/files';

const dir = tempDir('taizhang-write-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function ledger(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.getCell('A1').value = '序号';
  ws.getCell('B1').value = '责任清单';
  ws.mergeCells('B1:C1');
  ws.getCell('B2').value = '牵头部门';
  ws.getCell('C2').value = '完成时限';
  ws.getCell('C1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
  ws.getCell('B1').font = { bold: true };
  ws.getCell('A3').value = 1;
  ws.getCell('B3').value = '办公室';
  ws.getCell('C3').value = '2022年6月底前';
  ws.getCell('A4').value = 2;
  ws.getCell('B4').value = '财务处';
  ws.getCell('C4').value = '长期坚持';
  ws.getCell('A5').value = '合计';
  return wb;
}

function plan(): AnnotationPlan {
  return {
    sheet: '台账',
    column: 4,
    reused: false,
    headerRow: 1,
    headerRows: [1, 2],
    labels: ['期限状态', '截止日期', '剩余天数', '检查意见'],
    firstRow: 3,
    lastRow: 5,
    values: [
      ['逾期', { date: '2022-06-30' }, -15, '=逾期15天'],
      ['长期坚持', null, null, '-'],
      [null, null, null, null],
    ],
    styles: ['bad', null, null],
  };
}

test('applyAnnotation writes the labels, real dates, numbers and fills, and merges two header rows', async () => {
  const wb = ledger();
  applyAnnotation(wb.getWorksheet('台账') as ExcelJS.Worksheet, plan());
  const file = path.join(dir, 'annotated.xlsx');
  await writeWorkbookAtomic(wb, file);

  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  const ws = back.getWorksheet('台账') as ExcelJS.Worksheet;
  expect(['D1', 'E1', 'F1', 'G1'].map((a) => ws.getCell(a).value)).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
  expect(ws.model.merges.sort()).toEqual(['B1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2']);
  // Header style copied from the neighbouring header cell (C1).
  expect((ws.getCell('D1').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FFDDEBF7' });
  const due = ws.getCell('E3');
  expect(due.value).toEqual(new Date(Date.UTC(2022, 5, 30)));
  expect(due.numFmt).toBe('yyyy-mm-dd');
  expect(ws.getCell('F3').value).toBe(-15);
  expect((ws.getCell('D3').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FFFFC7CE' });
  const plain = ws.getCell('D4').fill as ExcelJS.FillPattern | undefined;
  expect(!plain || plain.pattern === 'none').toBe(true);
  expect(ws.getCell('D5').value).toBeNull();
  expect(ws.getColumn(7).width).toBeGreaterThan(30);
  // Nothing else moved.
  expect(ws.getCell('C3').value).toBe('2022年6月底前');
  expect(ws.getCell('A5').value).toBe('合计');
});

test('text starting with = + - @ is written as a shared string, never a formula', async () => {
  const wb = ledger();
  const ws = wb.getWorksheet('台账') as ExcelJS.Worksheet;
  const p = plan();
  p.values[0][3] = '=SUM(1,2)';
  p.values[1][3] = '+86 领导批示';
  p.values[1][0] = '@审计处';
  p.values[0][0] = '-';
  applyAnnotation(ws, p);
  const file = path.join(dir, 'text.xlsx');
  await writeWorkbookAtomic(wb, file);

  const sheet1 = await xlsxPart(file, 'xl/worksheets/sheet1.xml');
  const shared = await xlsxPart(file, 'xl/sharedStrings.xml');
  for (const [xml, ref] of [[sheet1, 'G3'], [sheet1, 'G4'], [sheet1, 'D4'], [sheet1, 'D3']]) {
    const c = cellXml(xml, ref);
    expect(c).toMatch(/t="s"/);
    expect(c).not.toMatch(/<f>/);
  }
  expect(sheet1).not.toMatch(/<f>/);
  for (const s of ['=SUM(1,2)', '+86 领导批示', '@审计处']) expect(shared).toContain(s);
  // And they read back as the same text.
  const { grids } = await readWorkbook(file);
  expect(grids[0].rows[2][6]).toBe('=SUM(1,2)');
});

test('a re-applied plan reuses the merged header and stays the same', async () => {
  const wb = ledger();
  const ws = wb.getWorksheet('台账') as ExcelJS.Worksheet;
  applyAnnotation(ws, plan());
  applyAnnotation(ws, { ...plan(), reused: true });
  expect(ws.model.merges.sort()).toEqual(['B1:C1', 'D1:D2', 'E1:E2', 'F1:F2', 'G1:G2']);
  expect(ws.getCell('D1').value).toBe('期限状态');
});

test('a one-column plan (检查意见 on another list) writes one column', () => {
  const wb = ledger();
  const ws = wb.getWorksheet('台账') as ExcelJS.Worksheet;
  applyAnnotation(ws, {
    ...plan(),
    labels: ['检查意见'],
    values: [['问题没有整改措施'], [null], [null]],
    styles: ['bad', null, null],
  });
  expect(ws.getCell('D1').value).toBe('检查意见');
  expect(ws.getCell('D3').value).toBe('问题没有整改措施');
  expect(ws.getCell('D3').alignment.wrapText).toBe(true);
  expect(ws.getCell('E1').value).toBeNull();
});

test('writeWorkbookAtomic leaves no temp file behind', async () => {
  const wb = ledger();
  const out = path.join(dir, 'atomic', 'out.xlsx');
  fs.mkdirSync(path.dirname(out));
  await writeWorkbookAtomic(wb, out);
  expect(fs.readdirSync(path.dirname(out))).toEqual(['out.xlsx']);
});
