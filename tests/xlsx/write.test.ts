/** The exceljs summary writer (src/xlsx/spec.ts): formula-like text kept as text, and SheetSpec rendering. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { SheetSpec } from '../../src/core/types';
import { readGrids, renderSheetSpec, writeSpecsWorkbook } from '../../src/xlsx';
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

test('text starting with = + - @ is written by the summary writer as a shared string, never a formula', async () => {
  const wb = ledger();
  renderSheetSpec(wb, { name: '汇总', rows: [[{ v: '=HYPERLINK("x")' }, { v: '-1天' }, { v: '+86 领导批示' }, { v: '@审计处' }]] });
  const file = path.join(dir, 'text.xlsx');
  await wb.xlsx.writeFile(file);
  const sheet2 = await xlsxPart(file, 'xl/worksheets/sheet2.xml');
  const shared = await xlsxPart(file, 'xl/sharedStrings.xml');
  for (const ref of ['A1', 'B1', 'C1', 'D1']) {
    const c = cellXml(sheet2, ref);
    expect(c).toMatch(/t="s"/);
    expect(c).not.toMatch(/<f>/);
  }
  for (const s of ['+86 领导批示', '@审计处', '=HYPERLINK(&quot;x&quot;)']) expect(shared).toContain(s);
  const grids = await readGrids(file);
  expect(grids[1].rows[0]).toEqual(['=HYPERLINK("x")', '-1天', '+86 领导批示', '@审计处']);
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
  await wb.xlsx.writeFile(file);

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
