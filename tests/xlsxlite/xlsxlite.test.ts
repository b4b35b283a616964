/**
 * src/xlsxlite: the pane's own .xlsx writer, read back by three other programs: exceljs (values,
 * styles, merges, views, print setup), jszip (the zip and its CRCs, the XML as written) and
 * LibreOffice (opens and converts it). The summary sheets of a realistic check are the content.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { crc32, specsToXlsx, toBase64, utf8, zipStored, safeSheetNames } from '../../src/xlsxlite';
import { summarize } from '../../src/core/summary';
import { summarySheets } from '../../src/core/sheets';
import { SheetSpec } from '../../src/core/types';
import { isoToSerial } from '../../src/core/dates';
import { AS_OF, ledgerA, ledgerB } from '../unit/helpers/results';

const SHEETS = ['总览', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账', '通报提纲'];

function specs(): SheetSpec[] {
  return summarySheets(summarize([ledgerA(), ledgerB()], { asOf: AS_OF, lang: 'zh' }), 'zh');
}

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

/** Every cell of a sheet as [address, value] for searching. */
function cells(ws: ExcelJS.Worksheet): { address: string; value: ExcelJS.CellValue; cell: ExcelJS.Cell }[] {
  const out: { address: string; value: ExcelJS.CellValue; cell: ExcelJS.Cell }[] = [];
  ws.eachRow((row) => row.eachCell((cell) => out.push({ address: cell.address, value: cell.value, cell })));
  return out;
}

/** A spec with every kind of cell and sheet feature. */
const EVERY_KIND: SheetSpec = {
  name: '测试',
  rows: [
    [{ v: '标题 & <说明>', s: 'title' }, null, null, null],
    [{ v: '文本', s: 'header' }, { v: '数字', s: 'header' }, { v: '日期', s: 'header' }, { v: '是否', s: 'header' }],
    [{ v: '=SUM(A1)', s: 'text' }, { v: 3, s: 'number' }, { v: { date: '2022-06-30' }, s: 'date' }, { v: true }],
    [{ v: '+86 电话', s: 'wrap' }, { v: 0.375, s: 'percent' }, { v: { date: '2022-12-31' } }, { v: false }],
    [{ v: '-', s: 'bad' }, { v: -15, s: 'number' }, { v: { date: '2024-02-29' }, s: 'text' }, null],
    [{ v: '@x', s: 'good' }, { v: 1.5 }, null, { v: '第一行\n第二行\r\n第三行' }],
    [{ v: '_x0041_ 不是 A', s: 'neutral' }, { v: 'x\u0001y' }, { v: '"引号"\'单引号\'' }, { v: '𠀀 emoji 😀' }],
    [{ v: '  两端空格  ' }, { v: 'a\tb' }, { v: '中间  两个空格' }, null],
  ],
  merges: ['A1:D1'],
  widths: [20, 9, 12, 30],
  freeze: { rows: 2, cols: 1 },
  autoFilter: 'A2:D8',
  print: { landscape: true, fitToWidth: true, repeatRows: [2, 2] },
  dataBars: ['B3:B6'],
  rules: [{ range: 'A3:A7', textEquals: '-', style: 'bad' }],
};

describe('bytes', () => {
  it('crc32 is the IEEE one', () => {
    expect(crc32(utf8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('utf8 matches Node for BMP, astral and lone surrogates', () => {
    for (const s of ['', 'abc', '整改台账', '😀𠀀', 'a\ud800b', '\udc00', 'é\u0000\uffff']) {
      expect(Buffer.from(utf8(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
    }
  });

  it('base64 matches Node for every length and across chunk edges', () => {
    for (const n of [0, 1, 2, 3, 4, 5, 12287, 12288, 12289, 12290, 40000]) {
      const b = new Uint8Array(n);
      for (let i = 0; i < n; i++) b[i] = (i * 131 + 7) & 0xff;
      expect(toBase64(b)).toBe(Buffer.from(b).toString('base64'));
    }
  });

  it('the zip opens in jszip with CRCs checked, UTF-8 names and STORED entries', async () => {
    const bytes = zipStored([
      { name: 'a.txt', data: utf8('hello') },
      { name: '目录/说明.xml', data: utf8('<x>整改</x>') },
      { name: 'empty', data: new Uint8Array(0) },
    ]);
    const zip = await JSZip.loadAsync(Buffer.from(bytes), { checkCRC32: true });
    expect(Object.keys(zip.files).sort()).toEqual(['a.txt', 'empty', '目录/说明.xml']);
    expect(await zip.file('目录/说明.xml')!.async('string')).toBe('<x>整改</x>');
    expect(await zip.file('empty')!.async('string')).toBe('');
    // General purpose flag bit 11 (UTF-8 names), method 0 (STORED).
    expect(bytes[6] | (bytes[7] << 8)).toBe(0x0800);
    expect(bytes[8] | (bytes[9] << 8)).toBe(0);
  });

  it('a corrupted byte fails the CRC check', async () => {
    const bytes = zipStored([{ name: 'a.txt', data: utf8('hello world') }]);
    bytes[30 + 5 + 2] ^= 0xff;
    await expect(JSZip.loadAsync(Buffer.from(bytes), { checkCRC32: true })).rejects.toThrow(/crc/i);
  });
});

describe('sheet names', () => {
  it('follows Excel: 31 characters, no : \\ / ? * [ ], unique ignoring case', () => {
    expect(safeSheetNames(['a/b', 'x'.repeat(40), 'Sheet', 'sheet', '[q]'])).toEqual(['a_b', 'x'.repeat(31), 'Sheet', 'sheet_2', '_q_']);
  });
});

describe('specsToXlsx: every kind of cell, read back by exceljs', () => {
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = specsToXlsx([EVERY_KIND]);
    wb = await load(bytes);
    ws = wb.getWorksheet('测试')!;
  });

  it('values: escaped text, numbers, booleans, dates as dates', () => {
    expect(ws.getCell('A1').value).toBe('标题 & <说明>');
    expect(ws.getCell('B3').value).toBe(3);
    expect(ws.getCell('B4').value).toBe(0.375);
    expect(ws.getCell('B5').value).toBe(-15);
    expect(ws.getCell('D3').value).toBe(true);
    expect(ws.getCell('D4').value).toBe(false);
    expect(ws.getCell('C3').value).toEqual(new Date(Date.UTC(2022, 5, 30)));
    expect(ws.getCell('C3').numFmt).toBe('yyyy-mm-dd');
    // A date without a date style still gets one; a 'text' style keeps its look plus a date format.
    expect(ws.getCell('C4').value).toEqual(new Date(Date.UTC(2022, 11, 31)));
    expect(ws.getCell('C4').numFmt).toBe('yyyy-mm-dd');
    expect(ws.getCell('C5').value).toEqual(new Date(Date.UTC(2024, 1, 29)));
    expect(ws.getCell('B4').numFmt).toBe('0.0%');
  });

  it('formula-like text stays text, never a formula', () => {
    for (const [a, v] of [['A3', '=SUM(A1)'], ['A4', '+86 电话'], ['A5', '-'], ['A6', '@x']]) {
      const c = ws.getCell(a);
      expect(c.type).toBe(ExcelJS.ValueType.String);
      expect(c.value).toBe(v);
      expect(c.formula).toBeUndefined();
    }
  });

  it('line breaks, quotes, astral characters and OOXML escapes survive', () => {
    expect(ws.getCell('D6').value).toBe('第一行\n第二行\n第三行');
    expect(ws.getCell('C7').value).toBe('"引号"\'单引号\'');
    expect(ws.getCell('D7').value).toBe('𠀀 emoji 😀');
    expect(ws.getCell('A8').value).toBe('  两端空格  ');
    expect(ws.getCell('B8').value).toBe('a\tb');
    expect(ws.getCell('C8').value).toBe('中间  两个空格');
    // exceljs leaves OOXML's _xHHHH_ escapes as they are (Excel and LibreOffice decode them: see below).
    expect(ws.getCell('B7').value).toBe('x_x0001_y');
    expect(ws.getCell('A7').value).toBe('_x005F_x0041_ 不是 A');
  });

  it('styles: fills, fonts, borders, alignment', () => {
    const fill = (a: string) => (ws.getCell(a).fill as ExcelJS.FillPattern | undefined);
    expect(fill('A2')).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } });
    expect(fill('A5')).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } });
    expect(fill('A6')).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFC6EFCE' } });
    expect(fill('A7')).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } });
    expect(ws.getCell('A5').font).toMatchObject({ color: { argb: 'FF9C0006' } });
    expect(ws.getCell('A2').font).toMatchObject({ bold: true });
    expect(ws.getCell('A1').font).toMatchObject({ bold: true, size: 16 });
    expect(ws.getCell('A2').alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(ws.getCell('A4').alignment).toMatchObject({ wrapText: true });
    expect(ws.getCell('A3').border).toMatchObject({ top: { style: 'thin', color: { argb: 'FFBFBFBF' } }, left: { style: 'thin' } });
  });

  it('merges, widths, frozen panes, autofilter', () => {
    expect(ws.model.merges).toEqual(['A1:D1']);
    expect(ws.getColumn(1).width).toBe(20);
    expect(ws.getColumn(4).width).toBe(30);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 2, topLeftCell: 'B3' });
    expect(ws.autoFilter).toBe('A2:D8');
  });

  it('print setup: A4 landscape, one page wide, the header row on every page', () => {
    expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.printTitlesRow).toBe('2:2');
  });

  it('rules and data bars are conditional formats', () => {
    const cf = (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings as { ref: string; rules: { type: string; operator?: string; formulae?: string[]; style?: { fill?: { bgColor?: { argb?: string } } } }[] }[];
    const rule = cf.filter((c) => c.ref === 'A3:A7')[0];
    expect(rule.rules[0]).toMatchObject({ type: 'cellIs', operator: 'equal', formulae: ['"-"'] });
    expect(cf.filter((c) => c.ref === 'B3:B6')[0].rules[0].type).toBe('dataBar');
  });

  it('the XML as written: inline strings, the pane, the print titles name', async () => {
    const zip = await JSZip.loadAsync(Buffer.from(bytes), { checkCRC32: true });
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const book = await zip.file('xl/workbook.xml')!.async('string');
    expect(sheet).toContain('<c r="A3" s="');
    expect(sheet).toMatch(/<c r="A3" s="\d+" t="inlineStr"><is><t>=SUM\(A1\)<\/t><\/is><\/c>/);
    expect(sheet).toMatch(/<t xml:space="preserve">第一行\n第二行\n第三行<\/t>/);
    expect(sheet).not.toContain('<f>');
    expect(sheet).toContain('<pane xSplit="1" ySplit="2" topLeftCell="B3" activePane="bottomRight" state="frozen"/>');
    expect(sheet).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>');
    expect(sheet).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    expect(book).toContain('<definedName name="_xlnm.Print_Titles" localSheetId="0">\'测试\'!$2:$2</definedName>');
    expect(sheet).toContain('_x005F_x0041_');
    // Serials, not ISO text, for dates.
    expect(sheet).toContain('<v>' + isoToSerial('2022-06-30') + '</v>');
  });
});

describe('specsToXlsx: the summary sheets of a check', () => {
  const summary = specs();
  const bytes = specsToXlsx(summary);
  let wb: ExcelJS.Workbook;
  beforeAll(async () => {
    wb = await load(bytes);
  });

  it('has the seven sheets in order, 总览 active', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(SHEETS);
    expect(summary.map((s) => s.name)).toEqual(SHEETS);
  });

  it('every value of every spec reads back', () => {
    summary.forEach((spec) => {
      const ws = wb.getWorksheet(spec.name)!;
      spec.rows.forEach((row, r) =>
        (row || []).forEach((cell, c) => {
          if (!cell || cell.v === null || cell.v === '') return;
          const got = ws.getCell(r + 1, c + 1).value;
          const v = cell.v;
          if (typeof v === 'object') expect(got).toEqual(new Date(v.date + 'T00:00:00Z'));
          else expect(got).toBe(v);
        }),
      );
      expect(ws.model.merges.slice().sort()).toEqual((spec.merges || []).slice().sort());
      if (spec.freeze) expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: spec.freeze.rows });
      if (spec.autoFilter) expect(ws.autoFilter).toBe(spec.autoFilter);
      if (spec.print) {
        expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: spec.print.landscape ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1 });
        if (spec.print.repeatRows) expect(ws.pageSetup.printTitlesRow).toBe(spec.print.repeatRows[0] + ':' + spec.print.repeatRows[1]);
      }
    });
  });

  it('the ledger text that looks like formulas is text in 汇总台账', () => {
    const ws = wb.getWorksheet('汇总台账')!;
    const all = cells(ws);
    for (const text of ['=SUM(A1)', '+86 电话 公开监督电话', '-', '@所有人 严格公务用车管理']) {
      const hit = all.filter((c) => c.value === text);
      expect(hit.length).toBeGreaterThan(0);
      hit.forEach((h) => {
        expect(h.cell.type).toBe(ExcelJS.ValueType.String);
        expect(h.cell.formula).toBeUndefined();
      });
    }
    expect(all.some((c) => c.value === '人事处\n财务处')).toBe(true);
  });

  it('header fills and the flag rules follow the STYLES table', () => {
    const ws = wb.getWorksheet('逾期临期')!;
    const header = ws.getRow(1);
    expect((header.getCell(1).fill as ExcelJS.FillPattern).fgColor).toEqual({ argb: 'FFD9E1F2' });
    const cf = (ws as unknown as { conditionalFormattings: unknown }).conditionalFormattings as { rules: { formulae?: string[] }[] }[];
    const formulae = cf.reduce((a, c) => a.concat(c.rules.map((r) => (r.formulae || [])[0])), [] as (string | undefined)[]);
    expect(formulae).toEqual(expect.arrayContaining(['"逾期"', '"临期"']));
  });

  it('same specs, same bytes (a fixed zip timestamp); base64 decodes back to them', () => {
    expect(Buffer.from(specsToXlsx(specs())).equals(Buffer.from(bytes))).toBe(true);
    expect(Buffer.from(toBase64(bytes), 'base64').equals(Buffer.from(bytes))).toBe(true);
    console.log('summary .xlsx of the sample results: ' + bytes.length + ' bytes, base64 ' + toBase64(bytes).length + ' characters');
  });
});

describe('LibreOffice opens it', () => {
  const soffice = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice'].filter((p) => fs.existsSync(p))[0];
  (soffice ? it : it.skip)('soffice --headless --convert-to csv succeeds and shows the values', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-xlsxlite-'));
    try {
      const file = path.join(dir, 'summary.xlsx');
      fs.writeFileSync(file, specsToXlsx([EVERY_KIND].concat(specs())));
      execFileSync(soffice as string, ['-env:UserInstallation=file://' + path.join(dir, 'profile'), '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], {
        stdio: 'pipe',
        timeout: 90000,
      });
      const csv = fs.readFileSync(path.join(dir, 'summary.csv'), 'utf8');
      expect(csv).toContain('标题 & <说明>');
      expect(csv).toContain('=SUM(A1)');
      expect(csv).toContain('2022-06-30');
      expect(csv).toContain('"第一行\n第二行\n第三行"');
      // The escapes decoded: the literal _x0041_ kept, the control character restored.
      expect(csv).toContain('_x0041_ 不是 A,x\u0001y,');
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120000);
  if (!soffice) it('skips LibreOffice: soffice is not installed', () => console.log('LibreOffice check skipped: no soffice'));
});

test('links in a spec are left out (打开为新工作簿 holds no ledger to link to): the cell keeps its value', async () => {
  const spec: SheetSpec = { name: '逾期临期', rows: [[{ v: 12, link: { sheet: '整改台账', cell: 'C12' } }, { v: 'E9', link: { sheet: '整改台账', cell: 'E9' } }]] };
  const zip = await JSZip.loadAsync(specsToXlsx([spec]));
  const names = Object.keys(zip.files);
  expect(names.filter((n) => /_rels\/sheet/.test(n))).toEqual([]);
  const xml = await (zip.file('xl/worksheets/sheet1.xml') as JSZip.JSZipObject).async('string');
  expect(xml).not.toContain('<hyperlink');
  expect(xml).toContain('<c r="A1"><v>12</v></c>');
});
