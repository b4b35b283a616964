/** Writing: the four added columns, formula-like text kept as text, and SheetSpec rendering. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { AnnotationPlan, SheetSpec } from '../../src/core/types';
import { applyAnnotation, readWorkbook, renderSheetSpec, writeSpecsWorkbook, writeWorkbookAtomic } from '../../src/xlsx';
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
  renderSheetSpec(wb, { name: '汇总', rows: [[{ v: '=HYPERLINK("x")' }, { v: '-1天' }]] });
  const file = path.join(dir, 'text.xlsx');
  await writeWorkbookAtomic(wb, file);

  const sheet1 = await xlsxPart(file, 'xl/worksheets/sheet1.xml');
  const sheet2 = await xlsxPart(file, 'xl/worksheets/sheet2.xml');
  const shared = await xlsxPart(file, 'xl/sharedStrings.xml');
  for (const [xml, ref] of [[sheet1, 'G3'], [sheet1, 'G4'], [sheet1, 'D4'], [sheet1, 'D3'], [sheet2, 'A1'], [sheet2, 'B1']]) {
    const c = cellXml(xml, ref);
    expect(c).toMatch(/t="s"/);
    expect(c).not.toMatch(/<f>/);
  }
  expect(sheet1 + sheet2).not.toMatch(/<f>/);
  for (const s of ['=SUM(1,2)', '+86 领导批示', '@审计处', '=HYPERLINK(&quot;x&quot;)']) expect(shared).toContain(s);
  // And they read back as the same text.
  const { grids } = await readWorkbook(file);
  expect(grids[0].rows[2][6]).toBe('=SUM(1,2)');
  expect(grids[1].rows[0]).toEqual(['=HYPERLINK("x")', '-1天']);
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

const SPEC: SheetSpec = {
  name: '总览',
  rows: [
    [{ v: '整改总体情况', s: 'title' }],
    [{ v: '牵头部门', s: 'header' }, { v: '完成率', s: 'header' }, { v: '期限状态', s: 'header' }, { v: '截止日期', s: 'header' }],
    [{ v: '办公室', s: 'text' }, { v: 0.5, s: 'percent' }, { v: '逾期', s: 'text' }, { v: { date: '2022-06-30' }, s: 'date' }],
    [{ v: '财务处', s: 'wrap' }, { v: 1, s: 'percent' }, { v: '已完成', s: 'text' }, null],
    [{ v: '合计', s: 'total' }, null, null, null],
  ],
  merges: ['A1:D1'],
  widths: [16, 10, 10, 12],
  freeze: { rows: 2, cols: 1 },
  autoFilter: 'A2:D4',
  print: { landscape: true, fitToWidth: true, repeatRows: [1, 2] },
  dataBars: ['B3:B4'],
  rules: [
    { range: 'C3:C4', textEquals: '逾期', style: 'bad' },
    { range: 'C3:C4', textEquals: '已完成', style: 'good' },
  ],
};

test('renderSheetSpec renders values, styles, merges, widths, freeze, filter, print setup and rules', async () => {
  const wb = ledger();
  renderSheetSpec(wb, SPEC);
  const file = path.join(dir, 'spec.xlsx');
  await writeWorkbookAtomic(wb, file);

  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  const ws = back.getWorksheet('总览') as ExcelJS.Worksheet;
  expect(ws.getCell('A1').value).toBe('整改总体情况');
  expect(ws.getCell('A1').font.bold).toBe(true);
  expect(ws.getCell('A1').font.size).toBe(16);
  expect(ws.model.merges).toEqual(['A1:D1']);
  expect((ws.getCell('A2').fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FFD9E1F2' });
  expect(ws.getCell('A2').border.top).toBeDefined();
  expect(ws.getCell('A2').alignment.horizontal).toBe('center');
  expect(ws.getCell('B3').numFmt).toBe('0.0%');
  expect(ws.getCell('D3').value).toEqual(new Date(Date.UTC(2022, 5, 30)));
  expect(ws.getCell('D3').numFmt).toBe('yyyy-mm-dd');
  expect(ws.getCell('A4').alignment.wrapText).toBe(true);
  expect(ws.getColumn(1).width).toBe(16);
  expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2 });
  expect(ws.autoFilter).toBe('A2:D4');
  expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });

  const xml = await xlsxPart(file, 'xl/worksheets/sheet2.xml');
  expect(xml).toMatch(/<dataBar>/);
  expect(xml).toContain('TRIM(C3)=&quot;逾期&quot;');
  expect(xml).toContain('TRIM(C3)=&quot;已完成&quot;');
  const wbXml = await xlsxPart(file, 'xl/workbook.xml');
  expect(wbXml).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="1">&apos;总览&apos;!$1:$2</definedName>');
  const styles = await xlsxPart(file, 'xl/styles.xml');
  expect(styles).toMatch(/<dxf>[\s\S]*FFC7CE[\s\S]*<\/dxf>/);
  expect(styles).toMatch(/<dxf>[\s\S]*C6EFCE[\s\S]*<\/dxf>/);
});

test('renderSheetSpec replaces a sheet of the same name in its tab position', () => {
  const wb = ledger();
  renderSheetSpec(wb, SPEC);
  wb.addWorksheet('其他');
  renderSheetSpec(wb, { ...SPEC, rows: [[{ v: '新' }]], merges: [] });
  expect(wb.worksheets.map((w) => w.name)).toEqual(['台账', '总览', '其他']);
  expect((wb.getWorksheet('总览') as ExcelJS.Worksheet).getCell('A1').value).toBe('新');
});

/** The <hyperlink> elements of a sheet part and its relationship targets. */
async function sheetLinks(file: string, n: number): Promise<{ xml: string[]; rels: string[] }> {
  const xml = await xlsxPart(file, 'xl/worksheets/sheet' + n + '.xml');
  let rels = '';
  try {
    rels = await xlsxPart(file, 'xl/worksheets/_rels/sheet' + n + '.xml.rels');
  } catch (e) {
    rels = '';
  }
  return {
    xml: xml.match(/<hyperlink [^>]*\/>/g) || [],
    rels: (rels.match(/<Relationship [^>]*>/g) || []).filter((r) => /relationships\/hyperlink"/.test(r)),
  };
}

const LINKED: SheetSpec = {
  name: '逾期临期',
  rows: [
    [{ v: '行号', s: 'header' }, { v: '单元格', s: 'header' }],
    [{ v: 3, s: 'number', link: { sheet: "台账's", cell: 'C3' } }, { v: 'E9', link: { sheet: '别的文件', cell: 'E9' } }],
  ],
};

test('writeSpecsWorkbook links only to sheets it writes; a link to another file\'s sheet is plain text', async () => {
  const target: SheetSpec = { name: "台账's", rows: [[{ v: 'x' }]] };
  const out = path.join(dir, 'links.xlsx');
  await writeSpecsWorkbook([LINKED, target], out);
  const links = await sheetLinks(out, 1);
  expect(links.xml).toHaveLength(1);
  expect(links.xml[0]).toMatch(/ref="A2"/);
  expect(links.rels).toHaveLength(1);
  expect(links.rels[0]).toContain('Target="#&apos;台账&apos;&apos;s&apos;!C3"');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  const ws = wb.getWorksheet('逾期临期')!;
  expect(ws.getCell('A2').text).toBe('3');
  expect(ws.getCell('B2').value).toBe('E9');

  // Without the target sheet in the file: no hyperlink at all, the number stays a number.
  const alone = path.join(dir, 'links-alone.xlsx');
  await writeSpecsWorkbook([LINKED], alone);
  expect(await sheetLinks(alone, 1)).toEqual({ xml: [], rels: [] });
  const wb2 = new ExcelJS.Workbook();
  await wb2.xlsx.readFile(alone);
  expect(wb2.getWorksheet('逾期临期')!.getCell('A2').value).toBe(3);
});

test('renderSheetSpec links to a sheet of the same workbook, and not to one that is not there', () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet("台账's");
  const ws = renderSheetSpec(wb, LINKED);
  expect(ws.getCell('A2').value).toEqual({ text: '3', hyperlink: "#'台账''s'!C3", tooltip: "台账's!C3" });
  expect(ws.getCell('B2').value).toBe('E9');
  const lone = renderSheetSpec(new ExcelJS.Workbook(), LINKED);
  expect(lone.getCell('A2').value).toBe(3);
});
