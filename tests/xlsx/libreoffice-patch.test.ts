/**
 * LibreOffice as the other producer and the other reader of check --out:
 * - a ledger LibreOffice wrote (the committed fixture, and a rich workbook it converts at test time)
 *   is patched with every other part byte-identical and re-checked to the same file;
 * - LibreOffice opens the checked copy: the PDF it prints shows our columns, the page is not blank;
 * - LibreOffice saves the checked copy again and the marker style survives it, so a later check
 *   reuses our columns instead of adding four more.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { checkFile } from '../../src/cli/run-check';
import { readGrids } from '../../src/xlsx';
import { LIBREOFFICE, tempDir } from './helpers/files';
import { LEDGER_CHECK, LEDGER_STYLES, ledgerBody, ledgerBook } from './helpers/ledger';
import { buildBook, rels, sheetData, worksheet } from './helpers/package';
import { comparePackages, entryText, withoutOurs } from './helpers/patch';
import { convert, describeWithSoffice, poppler } from './helpers/soffice';

const dir = tempDir('taizhang-lo-patch-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** check --out twice; the outputs' bytes. */
async function checkTwice(file: string, opts = LEDGER_CHECK) {
  const o1 = file.replace(/\.xlsx$/, '-1.xlsx');
  const o2 = file.replace(/\.xlsx$/, '-2.xlsx');
  const result = await checkFile(file, { ...opts, out: o1 });
  await checkFile(o1, { ...opts, out: o2 });
  return { result, o1, o2, out1: fs.readFileSync(o1), out2: fs.readFileSync(o2) };
}

test('the committed LibreOffice ledger: only its ledger sheet and styles change, and a re-check changes nothing', async () => {
  const file = path.join(dir, 'lo-fixture.xlsx');
  fs.copyFileSync(path.join(LIBREOFFICE, 'ledger-two-row-header.xlsx'), file);
  const input = fs.readFileSync(file);
  const r = await checkTwice(file);
  expect(comparePackages(input, r.out1)).toEqual({ changed: ['xl/styles.xml', 'xl/worksheets/sheet1.xml'], removed: [], added: [] });
  expect(withoutOurs(entryText(r.out1, 'xl/worksheets/sheet1.xml'), 9, 12)).toBe(withoutOurs(entryText(input, 'xl/worksheets/sheet1.xml'), 9, 12));
  expect(r.out2.equals(r.out1)).toBe(true);
  const grid = (await readGrids(r.o1))[0];
  expect(grid.rows[2].slice(8)).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
});

describeWithSoffice('LibreOffice writes the ledger, then reads and saves our checked copy', () => {
  let loLedger: string;
  let checked: string;

  beforeAll(() => {
    // A rich ledger of ours, converted by LibreOffice into its own flavour of .xlsx (its styles,
    // covered merge cells, column ranges, rows with heights).
    const body = ledgerBody({
      after:
        '<conditionalFormatting sqref="H6:H9"><cfRule type="containsText" dxfId="0" priority="1" operator="containsText" text="推进"><formula>NOT(ISERROR(SEARCH("推进",H6)))</formula></cfRule></conditionalFormatting>' +
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" sqref="E6:E9"><formula1>"办公室,人事处,财务处"</formula1></dataValidation></dataValidations>' +
        '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/><legacyDrawing r:id="rId2"/>',
    });
    const book = ledgerBook(
      {
        styles: LEDGER_STYLES.replace('<dxfs count="0"/>', '<dxfs count="1"><dxf><font><color rgb="FF9C5700"/></font></dxf></dxfs>'),
        workbookTail: '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">整改台账!$3:$4</definedName><definedName name="反馈日">"2022-02-24"</definedName></definedNames>',
        extra: [
          { part: { name: 'xl/comments1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>王某某</author></authors><commentList><comment ref="C7" authorId="0"><text><t>请补充佐证材料</t></text></comment></commentList></comments>' }, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml' },
          { part: { name: 'xl/drawings/vmlDrawing1.vml', data: '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202" style="position:absolute;width:108pt;height:59.25pt;visibility:hidden"><x:ClientData ObjectType="Note"><x:Row>6</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>' } },
        ],
      },
      body,
    );
    book.sheets[0].rels = rels([['rId1', 'comments', '../comments1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml']]);
    // A table on the other sheet (LibreOffice writes it back as a table part of its own).
    book.sheets[1] = { name: '说明', xml: worksheet(sheetData([['部门', '人数'], ['办公室', 3], ['财务处', 4]]) + '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'), rels: rels([['rId1', 'table', '../tables/table1.xml']]) };
    book.extra = (book.extra || []).concat([
      { part: { name: 'xl/tables/table1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="表1" displayName="表1" ref="A1:B3" totalsRowShown="0"><autoFilter ref="A1:B3"/><tableColumns count="2"><tableColumn id="1" name="部门"/><tableColumn id="2" name="人数"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>' }, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml' },
    ]);
    const ours = path.join(dir, 'built', 'rich.xlsx');
    fs.mkdirSync(path.dirname(ours), { recursive: true });
    fs.writeFileSync(ours, buildBook(book));
    loLedger = convert(ours, 'xlsx', path.join(dir, 'lo'));
  }, 240000);

  test('a ledger LibreOffice wrote: every other part byte-identical, the sheet the same but for our cells, a re-check the same file', async () => {
    const input = fs.readFileSync(loLedger);
    const r = await checkTwice(loLedger);
    checked = r.o1;
    const report = comparePackages(input, r.out1);
    expect(report.removed).toEqual([]);
    expect(report.added).toEqual([]);
    expect(report.changed).toEqual(['xl/styles.xml', 'xl/worksheets/sheet1.xml']);
    // LibreOffice writes its comments, their drawing and the table: they stay as they are.
    expect(entryText(r.out1, 'xl/tables/table1.xml')).toBe(entryText(input, 'xl/tables/table1.xml'));
    expect(entryText(r.out1, 'xl/comments1.xml')).toBe(entryText(input, 'xl/comments1.xml'));
    expect(withoutOurs(entryText(r.out1, 'xl/worksheets/sheet1.xml'), 9, 12)).toBe(withoutOurs(entryText(input, 'xl/worksheets/sheet1.xml'), 9, 12));
    expect(r.out2.equals(r.out1)).toBe(true);
    const grids = await readGrids(r.o1);
    expect(grids[0].rows[6].slice(8)).toEqual(['逾期', { date: '2022-06-30' }, -15, '逾期15天']);
  }, 120000);

  test('LibreOffice prints the checked copy with our columns, and the page is not blank', () => {
    const pdf = convert(checked, 'pdf', path.join(dir, 'pdf'));
    const pdftotext = poppler('pdftotext');
    const pdftoppm = poppler('pdftoppm');
    const text = execFileSync(pdftotext as string, ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const word of ['期限状态', '截止日期', '剩余天数', '检查意见', '逾期15天', '2022-06-30', '制定年度学习计划']) expect(text).toContain(word);
    // The first page as a grey image (PGM: a header, then one byte per pixel).
    const base = path.join(dir, 'pdf', 'page');
    execFileSync(pdftoppm as string, ['-gray', '-r', '40', '-f', '1', '-l', '1', pdf, base]);
    const pgm = fs.readdirSync(path.join(dir, 'pdf')).filter((f) => f.startsWith('page') && f.endsWith('.pgm'))[0];
    const bytes = fs.readFileSync(path.join(dir, 'pdf', pgm));
    const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(bytes.toString('latin1', 0, 40)) as RegExpExecArray;
    const pixels = bytes.subarray(header[0].length);
    let dark = 0;
    for (let i = 0; i < pixels.length; i++) if (pixels[i] < 128) dark++;
    expect(pixels.length).toBe(+header[1] * +header[2]);
    expect(dark).toBeGreaterThan(500);
  }, 120000);

  test('saved again by LibreOffice, our columns are still found by the marker and reused by the next check', async () => {
    const resaved = convert(checked, 'xlsx', path.join(dir, 'resaved'));
    const grids = await readGrids(resaved);
    expect(grids[0].ours).toEqual({ column: 9, width: 4 });
    const r = await checkFile(resaved, { ...LEDGER_CHECK, asOf: '2022-07-20', out: path.join(dir, 'resaved-checked.xlsx') });
    expect(r.sheet).toBe('整改台账');
    const again = (await readGrids(path.join(dir, 'resaved-checked.xlsx')))[0];
    expect(again.rows[2].slice(8)).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
    expect(again.rows[6].slice(8)).toEqual(['逾期', { date: '2022-06-30' }, -20, '逾期20天']);
    expect(again.usedRight).toBe(12);
  }, 240000);
});
