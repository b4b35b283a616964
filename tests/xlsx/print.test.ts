/**
 * How the checked copy prints (src/xlsx/print.ts, patch.ts). Where the ledger sheet has no print
 * setting of the user's: landscape, one page wide, the header rows repeated (a pageSetUpPr, a
 * pageSetup and a _xlnm.Print_Titles name); wherever the user chose anything, the sheet and
 * workbook.xml are as they were. Section bands and the 合计 row extend their format over our columns
 * with no value; a row of fixed height gets 检查意见 cut with … to what it shows.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkFile } from '../../src/cli/run-check';
import { readGrids } from '../../src/xlsx';
import { planAnnotations } from '../../src/core/sheets/annotation';
import { fitHeight, withPrintTitles } from '../../src/xlsx/print';
import { tempDir } from './helpers/files';
import { LEDGER_CHECK, LEDGER_ROWS, ledgerBody, ledgerBook } from './helpers/ledger';
import { BookSpec, buildBook, sheetData, worksheet } from './helpers/package';
import { pdfPages, toPdf } from './helpers/render';
import { describeWithSoffice, poppler } from './helpers/soffice';
import { comparePackages, entryText, withoutOurs } from './helpers/patch';

const dir = tempDir('taizhang-print-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>';
/** The ledger (helpers/ledger.ts) without its sheetPr and pageSetup: no print setting at all. */
const bare = (o: { sheetPr?: string; after?: string; rows?: string } = {}) => ledgerBody({ after: o.after === undefined ? MARGINS : o.after, rows: o.rows }).replace('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', o.sheetPr || '');

let n = 0;
async function twice(book: BookSpec) {
  const name = 'p' + ++n;
  const input = buildBook(book);
  const file = path.join(dir, name + '.xlsx');
  fs.writeFileSync(file, input);
  const o1 = path.join(dir, name + '-1.xlsx');
  const o2 = path.join(dir, name + '-2.xlsx');
  await checkFile(file, { ...LEDGER_CHECK, out: o1 });
  await checkFile(o1, { ...LEDGER_CHECK, out: o2 });
  return { input, out1: fs.readFileSync(o1), out2: fs.readFileSync(o2), o1, file };
}

const SHEET = 'xl/worksheets/sheet1.xml';

describe('a ledger with no page setup gets landscape, one page wide, its header rows repeated', () => {
  let r: Awaited<ReturnType<typeof twice>>;
  beforeAll(async () => {
    r = await twice(ledgerBook({}, bare()));
  });

  test('only the ledger sheet, styles.xml and workbook.xml (for the print titles) differ from the input', () => {
    expect(comparePackages(r.input, r.out1)).toEqual({ changed: ['xl/styles.xml', 'xl/workbook.xml', SHEET], removed: [], added: [] });
  });

  test('the sheet gains sheetPr/pageSetUpPr first and pageSetup after pageMargins, in schema order', () => {
    const out = entryText(r.out1, SHEET);
    expect(out).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:L9"/>');
    expect(out).toContain('<mergeCell ref="L3:L4"/></mergeCells>' + MARGINS + '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>');
    // Take those two out, and our cells: the user's sheet as it was.
    const back = out.replace('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>', '').replace('<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>', '');
    expect(withoutOurs(back, 9, 12)).toBe(withoutOurs(entryText(r.input, SHEET), 9, 12));
  });

  test('workbook.xml names the header rows 3-4 as the sheet\'s print titles, and changes nothing else', () => {
    const before = entryText(r.input, 'xl/workbook.xml');
    const after = entryText(r.out1, 'xl/workbook.xml');
    const added = '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">\'整改台账\'!$3:$4</definedName></definedNames>';
    expect(after).toBe(before.replace('</sheets>', '</sheets>' + added));
  });

  test('checking the checked copy again gives the same file, byte for byte; the cells read the same', async () => {
    expect(r.out2.equals(r.out1)).toBe(true);
    const [a, b] = [await readGrids(r.file), await readGrids(r.o1)];
    const eight = (row: unknown[]) => Array.from({ length: 8 }, (_v, i) => (row[i] === undefined ? null : row[i]));
    expect(b[0].rows.map(eight)).toEqual(a[0].rows.map(eight));
  });
});

describe('the page setup respects the elements the sheet and workbook already have', () => {
  const cases: [string, { sheetPr?: string; after?: string; workbookTail?: string }, string[]][] = [
    ['a sheetPr with a tab colour gains pageSetUpPr as its last child', { sheetPr: '<sheetPr><tabColor rgb="FFFF0000"/><outlinePr summaryBelow="0"/></sheetPr>' }, ['<sheetPr><tabColor rgb="FFFF0000"/><outlinePr summaryBelow="0"/><pageSetUpPr fitToPage="1"/></sheetPr><dimension']],
    ['an empty-element sheetPr is opened for it', { sheetPr: '<sheetPr codeName="Sheet1"/>' }, ['<sheetPr codeName="Sheet1"><pageSetUpPr fitToPage="1"/></sheetPr><dimension']],
    ['a pageSetUpPr without fitToPage gets it, its own attribute kept', { sheetPr: '<sheetPr><pageSetUpPr autoPageBreaks="0"/></sheetPr>' }, ['<sheetPr><pageSetUpPr autoPageBreaks="0" fitToPage="1"/></sheetPr>']],
    ['a pageSetup with only the printer\'s resolution keeps it and gains the rest', { after: MARGINS + '<pageSetup horizontalDpi="300" verticalDpi="300"/>' }, [MARGINS + '<pageSetup horizontalDpi="300" verticalDpi="300" orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>']],
    ['pageSetup goes before ignoredErrors and a drawing-less tail', { after: MARGINS + '<ignoredErrors><ignoredError sqref="A6:A9" numberStoredAsText="1"/></ignoredErrors>' }, [MARGINS + '<pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/><ignoredErrors>']],
    ['a sheet without pageMargins gets pageSetup after the merges', { after: '' }, ['</mergeCells><pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/></worksheet>']],
    ['other defined names stay; ours is added after them', { workbookTail: '<definedNames><definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">整改台账!$A$4:$H$9</definedName><definedName name="临期天数">10</definedName></definedNames><calcPr calcId="191029"/>' }, []],
    ['without definedNames, they go before calcPr', { workbookTail: '<calcPr calcId="191029"/>' }, []],
  ];
  test.each(cases)('%s', async (_name, o, expected) => {
    const r = await twice(ledgerBook({ workbookTail: o.workbookTail }, bare(o)));
    const out = entryText(r.out1, SHEET);
    for (const e of expected) expect(out).toContain(e);
    expect(out.match(/<pageSetup\b/g)).toHaveLength(1);
    expect(out.match(/<sheetPr\b/g)).toHaveLength(1);
    const wb = entryText(r.out1, 'xl/workbook.xml');
    const name = '<definedName name="_xlnm.Print_Titles" localSheetId="0">\'整改台账\'!$3:$4</definedName>';
    if (o.workbookTail && o.workbookTail.indexOf('<definedNames>') === 0) expect(wb).toContain('<definedName name="临期天数">10</definedName>' + name + '</definedNames><calcPr calcId="191029"/>');
    else if (o.workbookTail) expect(wb).toContain('</sheets><definedNames>' + name + '</definedNames><calcPr calcId="191029"/></workbook>');
    else expect(wb).toContain('</sheets><definedNames>' + name + '</definedNames></workbook>');
    expect(r.out2.equals(r.out1)).toBe(true);
  });
});

describe('a ledger with any print setting of the user\'s keeps its sheet setup and workbook.xml as they are', () => {
  const choices: [string, { sheetPr?: string; after?: string; workbookTail?: string; view?: string }][] = [
    ['portrait A4, as Excel writes once a sheet was printed', { after: MARGINS + '<pageSetup paperSize="9" orientation="portrait" horizontalDpi="200" verticalDpi="200"/>' }],
    ['landscape', { after: MARGINS + '<pageSetup orientation="landscape"/>' }],
    ['a paper size alone', { after: MARGINS + '<pageSetup paperSize="8"/>' }],
    ['a scale of 80%', { after: MARGINS + '<pageSetup scale="80"/>' }],
    ['fit to pages', { sheetPr: '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' }],
    ['manual page breaks', { after: MARGINS + '<rowBreaks count="1" manualBreakCount="1"><brk id="7" max="16383" man="1"/></rowBreaks>' }],
    ['printed gridlines', { after: '<printOptions gridLines="1"/>' + MARGINS }],
    ['a footer with the page number', { after: MARGINS + '<headerFooter><oddFooter>&amp;C第 &amp;P 页</oddFooter></headerFooter>' }],
    ['the page break preview', { view: 'pageBreakPreview' }],
    ['a print area', { workbookTail: '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">整改台账!$A$1:$H$9</definedName></definedNames>' }],
    ['print titles of its own', { workbookTail: '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">整改台账!$1:$4</definedName></definedNames>' }],
  ];
  test.each(choices)('%s', async (_name, o) => {
    let body = bare(o);
    if (o.view) body = body.replace('<sheetView tabSelected="1"', '<sheetView tabSelected="1" view="' + o.view + '"');
    const r = await twice(ledgerBook({ workbookTail: o.workbookTail }, body));
    expect(comparePackages(r.input, r.out1)).toEqual({ changed: ['xl/styles.xml', SHEET], removed: [], added: [] });
    expect(withoutOurs(entryText(r.out1, SHEET), 9, 12)).toBe(withoutOurs(entryText(r.input, SHEET), 9, 12));
    expect(r.out2.equals(r.out1)).toBe(true);
  });

  test('a print area of another sheet is no choice for the ledger', async () => {
    const r = await twice(ledgerBook({ workbookTail: '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">说明!$A$1:$A$1</definedName></definedNames>' }, bare()));
    expect(entryText(r.out1, 'xl/workbook.xml')).toContain('<definedName name="_xlnm.Print_Area" localSheetId="1">说明!$A$1:$A$1</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">\'整改台账\'!$3:$4</definedName></definedNames>');
  });
});

test('withPrintTitles: the sheet\'s place among all the workbook\'s sheets, a quote in its name doubled', () => {
  const wb = '<workbook xmlns="x"><sheets><sheet name="图表" sheetId="3"/><sheet name="O\'Neil台账" sheetId="1"/></sheets></workbook>';
  expect(withPrintTitles(wb, "O'Neil台账", 2, 2)).toBe('<workbook xmlns="x"><sheets><sheet name="图表" sheetId="3"/><sheet name="O\'Neil台账" sheetId="1"/></sheets><definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">\'O\'\'Neil台账\'!$2:$2</definedName></definedNames></workbook>');
  expect(withPrintTitles(wb, '别的表', 2, 2)).toBe(null);
  // Excel writes its absPath in an mc:AlternateContent before <bookViews>: the name goes after <sheets> all the same.
  const alt = '<workbook xmlns="x"><workbookPr/><mc:AlternateContent xmlns:mc="m"><mc:Choice Requires="x15"/></mc:AlternateContent><bookViews/><sheets><sheet name="台账" sheetId="1"/></sheets><calcPr calcId="181029"/></workbook>';
  expect(withPrintTitles(alt, '台账', 3, 4)).toBe(alt.replace('<calcPr', '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">\'台账\'!$3:$4</definedName></definedNames><calcPr'));
});

describe('section bands and the 合计 row extend their format over our columns, never a value', () => {
  // Row 5 一、 is drawn across A:H in the body format 3; row 8 二、 is one cell in A only; row 10 is
  // 合计 in the header's grey fill (format 2) with a formula; row 11 a note under the table.
  const rows = LEDGER_ROWS.replace('<row r="8" spans="1:8"><c r="A8" s="3" t="s"><v>23</v></c>' + ['B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => '<c r="' + c + '8" s="3"/>').join('') + '</row>', '<row r="8" spans="1:8"><c r="A8" s="3" t="s"><v>23</v></c></row>').replace(
    '</sheetData>',
    '<row r="10" spans="1:8"><c r="A10" s="2" t="inlineStr"><is><t>合计</t></is></c>' + ['B', 'C', 'D', 'E', 'F', 'G'].map((c) => '<c r="' + c + '10" s="2"/>').join('') + '<c r="H10" s="2"><f>COUNTIF(H6:H9,"已完成")</f><v>1</v></c></row>' +
      '<row r="11" spans="1:8"><c r="A11" t="inlineStr"><is><t>注：本表按月更新。</t></is></c><c r="H11" s="3"/></row></sheetData>',
  );
  let out: string;
  let r: Awaited<ReturnType<typeof twice>>;
  beforeAll(async () => {
    r = await twice(ledgerBook({}, ledgerBody({ rows }).replace('<dimension ref="A1:H9"/>', '<dimension ref="A1:H11"/>')));
    out = entryText(r.out1, SHEET);
  });
  const row = (n: number) => (new RegExp('<row r="' + n + '"[\\s\\S]*?</row>').exec(out) || [''])[0];

  test('the band drawn across the table and the 合计 row: four empty cells in the row\'s own format', () => {
    expect(row(5)).toContain('<c r="H5" s="3"/><c r="I5" s="3"/><c r="J5" s="3"/><c r="K5" s="3"/><c r="L5" s="3"/></row>');
    expect(row(10)).toContain('<c r="H10" s="2"><f>COUNTIF(H6:H9,"已完成")</f><v>1</v></c><c r="I10" s="2"/><c r="J10" s="2"/><c r="K10" s="2"/><c r="L10" s="2"/></row>');
  });

  test('a heading in one cell only, and a note row, get nothing', () => {
    expect(row(8)).toBe('<row r="8" spans="1:8"><c r="A8" s="3" t="s"><v>23</v></c></row>');
    expect(row(11)).toBe('<row r="11" spans="1:8"><c r="A11" t="inlineStr"><is><t>注：本表按月更新。</t></is></c><c r="H11" s="3"/></row>');
  });

  test('no value in our columns on those rows, the user\'s 合计 formula kept; the same file again on a re-check', async () => {
    const g = (await readGrids(r.o1))[0];
    expect([g.rows[4].slice(8), g.rows[9].slice(8)]).toEqual([[], []]);
    expect(g.rows[9][7]).toBe(1);
    expect(r.out2.equals(r.out1)).toBe(true);
  });
});

describe('a row of fixed height: 检查意见 cut with … to what the height shows', () => {
  test('fitHeight by hand: 42 wide at 12 points is 37 units a line (CJK 2), 15 points one line, 30 two', () => {
    const note = '逾期111天；立行立改：按整改起始日起算，2022-03-26前完成';
    // 逾期(4) 111(3) 天(2) ；(2) 立行立改(8) ：(2) 按整改起始日起(14) = 35 units, … 2 more: 37.
    expect(fitHeight(note, 42, 15, 12)).toBe('逾期111天；立行立改：按整改起始日起…');
    expect(fitHeight(note, 42, 30, 12)).toBe(note);
    // 宋体 11 in 20 wide: 19 units a line; 逾期111天；立行立(17) and …
    expect(fitHeight(note, 20, 14.25, 11)).toBe('逾期111天；立行立…');
    // A break in the text starts a line; the second line is cut where its own room ends.
    expect(fitHeight('第一行\n第二行很长很长很长很长很长很长很长很长', 11, 27, 11)).toBe('第一行\n第二行很…');
    expect(fitHeight('短', 42, 15, 12)).toBe('短');
  });

  test('the checked copy shows the cut note on a 15-point row; the check keeps the whole note', async () => {
    // Row 7 has no 牵头部门 and says 立行立改: its note is long; the user fixed its height at 15 points.
    const rows = LEDGER_ROWS.replace('<row r="7" spans="1:8" ht="48" customHeight="1">', '<row r="7" spans="1:8" ht="15" customHeight="1">').replace(
      '<c r="F7" s="3" t="s"><v>21</v></c>',
      '<c r="F7" s="3" t="s"><v>31</v></c>',
    );
    const r = await twice(ledgerBook({}, ledgerBody({ rows })));
    const out = entryText(r.out1, SHEET);
    expect(out).toContain('<row r="7" spans="1:12" ht="15" customHeight="1">');
    expect((await readGrids(r.o1))[0].rows[6][11]).toBe('逾期111天；立行立改：按整改起始日起…');
    // The note itself is whole in the check's plan (the report and the JSON are made from the same result).
    const result = await checkFile(r.file, { ...LEDGER_CHECK });
    const plan = planAnnotations(await readGrids(r.file), result, 'zh')[0];
    expect(plan.values[7 - plan.firstRow][3]).toBe('逾期111天；立行立改：按整改起始日起算，2022-03-26前完成');
    expect(r.out2.equals(r.out1)).toBe(true);
  });

  test('a row Excel fits itself keeps the whole note, wrapped', async () => {
    const rows = LEDGER_ROWS.replace('<row r="7" spans="1:8" ht="48" customHeight="1">', '<row r="7" spans="1:8" ht="15">').replace('<c r="F7" s="3" t="s"><v>21</v></c>', '<c r="F7" s="3" t="s"><v>31</v></c>');
    const r = await twice(ledgerBook({}, ledgerBody({ rows })));
    expect((await readGrids(r.o1))[0].rows[6][11]).toBe('逾期111天；立行立改：按整改起始日起算，2022-03-26前完成');
  });
});

describeWithSoffice('LibreOffice prints the checked copy of a ledger without page setup', () => {
  // 80 measures in six columns, no print setting: LibreOffice prints it portrait, and our four
  // columns would go to pages of their own.
  const rows: (string | number)[][] = [['某局巡察整改台账'], ['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '完成状态']];
  for (let i = 1; i <= 80; i++) rows.push([i, '理论学习中心组学习不够深入第' + i + '项', '制定年度学习计划并按季度开展专题研讨', '办公室', '2022年6月底前', '推进中']);
  let pdfIn: string;
  let pdfOut: string;
  let pdfKept: string;
  beforeAll(async () => {
    const file = path.join(dir, 'lo-nosetup.xlsx');
    fs.writeFileSync(file, buildBook({ sheets: [{ name: '整改台账', xml: worksheet(sheetData(rows)) }] }));
    await checkFile(file, { ...LEDGER_CHECK, out: path.join(dir, 'lo-nosetup-checked.xlsx') });
    // The same ledger where the user chose portrait: the checked copy prints as the input does.
    const kept = path.join(dir, 'lo-portrait.xlsx');
    fs.writeFileSync(kept, buildBook({ sheets: [{ name: '整改台账', xml: worksheet(sheetData(rows) + '<pageSetup orientation="portrait"/>') }] }));
    await checkFile(kept, { ...LEDGER_CHECK, out: path.join(dir, 'lo-portrait-checked.xlsx') });
    [pdfIn, pdfOut, pdfKept] = toPdf([file, path.join(dir, 'lo-nosetup-checked.xlsx'), path.join(dir, 'lo-portrait-checked.xlsx')], dir);
  });
  const pageText = (pdf: string, page: number) => execFileSync(poppler('pdftotext') as string, ['-f', String(page), '-l', String(page), '-layout', pdf, '-'], { encoding: 'utf8' });
  const mediaBoxes = (pdf: string) => (fs.readFileSync(pdf).toString('latin1').match(/\/MediaBox\s*\[[^\]]*\]/g) || []).map((m) => m.replace(/[^\d. ]/g, ' ').trim().split(/\s+/).map(Number));

  test('2 landscape pages, as many as the input\'s 2 portrait ones, each with the header row and our labels', () => {
    const pages = pdfPages(pdfOut);
    expect([pdfPages(pdfIn), pages]).toEqual([2, 2]);
    for (const box of mediaBoxes(pdfOut)) expect(box[2]).toBeGreaterThan(box[3]);
    for (let p = 1; p <= pages; p++) {
      const text = pageText(pdfOut, p);
      expect(text).toContain('整改措施');
      expect(text).toContain('检查意见');
    }
  });

  test('where the user chose portrait, the checked copy prints as before: 4 pages, our labels not beside the rows on the first', () => {
    for (const box of mediaBoxes(pdfIn).concat(mediaBoxes(pdfKept))) expect(box[2]).toBeLessThan(box[3]);
    expect(pdfPages(pdfKept)).toBe(4);
    expect(pageText(pdfKept, 1)).toContain('期限状态');
    expect(pageText(pdfKept, 1)).not.toContain('检查意见');
  });
});
