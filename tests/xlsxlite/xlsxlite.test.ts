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
import * as zlib from 'zlib';
import { validateXML } from 'xmllint-wasm';
import { CHUNK_BYTES, crc32, specsToXlsx, toBase64, utf8, writeXlsx, zipStored, safeSheetNames, ZipOptions } from '../../src/xlsxlite';
import { summarize } from '../../src/core/aggregate/summary';
import { summarySheets } from '../../src/core/sheets/summary';
import { SheetSpec } from '../../src/core/model/spec';
import { isoToSerial } from '../../src/core/text/dates';
import { AS_OF, ledgerA, ledgerB } from '../core/helpers/results';
import { describeWithSoffice, SOFFICE } from '../xlsx/helpers/soffice';

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
    const header = ws.getRow(3);
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

describeWithSoffice('LibreOffice opens it', () => {
  it('soffice --headless --convert-to csv succeeds and shows the values', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-xlsxlite-'));
    try {
      const file = path.join(dir, 'summary.xlsx');
      fs.writeFileSync(file, specsToXlsx([EVERY_KIND].concat(specs())));
      execFileSync(SOFFICE as string, ['-env:UserInstallation=file://' + path.join(dir, 'profile'), '--headless', '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, file], {
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

/* ------------------------------------------------------------------------------------------ */
/* The same writer in Node: deflate chunk by chunk, parts written in pieces, charts, footers.  */
/* ------------------------------------------------------------------------------------------ */

/** The CLI's zip options: node:zlib's raw deflate of each chunk, with the previous 32 KB as its dictionary. */
const DEFLATE: ZipOptions = {
  deflate: (data, dictionary, last) =>
    zlib.deflateRawSync(data, { dictionary: dictionary || undefined, finishFlush: last ? zlib.constants.Z_FINISH : zlib.constants.Z_SYNC_FLUSH }),
};

function written(specs: SheetSpec[], opts: ZipOptions = {}): Uint8Array {
  const parts: Uint8Array[] = [];
  writeXlsx(specs, (b) => parts.push(b.slice()), opts);
  return Buffer.concat(parts);
}

/** A sheet of `n` rows of Chinese text whose XML runs over many 64 K chunks. */
function bigSheet(n: number): SheetSpec {
  const rows: SheetSpec['rows'] = [];
  for (let i = 0; i < n; i++) {
    rows.push([{ v: i + 1, s: 'number' }, { v: '第' + (i + 1) + '项整改措施：严格落实“三重一大”集体决策制度，完善议事规则😀', s: 'wrap' }, { v: { date: '2022-06-30' }, s: 'date' }]);
  }
  return { name: '大表', rows, widths: [6, 40, 12] };
}

describe('writeXlsx with deflate (the CLI\'s path)', () => {
  const specs = [bigSheet(20000)].concat(summarySheets(summarize([ledgerA(), ledgerB()], { asOf: AS_OF, lang: 'zh' }), 'zh'));
  const stored = written(specs);
  const packed = written(specs, DEFLATE);

  it('every part inflates to the very bytes of the STORED file, CRCs checked', async () => {
    const a = await JSZip.loadAsync(Buffer.from(stored), { checkCRC32: true });
    const b = await JSZip.loadAsync(Buffer.from(packed), { checkCRC32: true });
    const names = Object.keys(a.files);
    expect(Object.keys(b.files)).toEqual(names);
    for (const name of names) {
      const x = await a.file(name)!.async('nodebuffer');
      const y = await b.file(name)!.async('nodebuffer');
      expect([name, y.equals(x)]).toEqual([name, true]);
    }
    // The big sheet's XML ran over many chunks: it is several megabytes.
    expect((await a.file('xl/worksheets/sheet1.xml')!.async('nodebuffer')).length).toBeGreaterThan(3e6);
  });

  it('compresses (method 8), and as well as one deflate of the whole part would', () => {
    const zip = Buffer.from(packed);
    expect(zip.readUInt16LE(8)).toBe(8);
    const xml = Buffer.from(zipPart(stored, 'xl/worksheets/sheet1.xml'));
    const whole = zlib.deflateRawSync(xml).length;
    const chunked = compressedSize(packed, 'xl/worksheets/sheet1.xml');
    expect(chunked).toBeLessThan(whole * 1.02);
    expect(packed.length).toBeLessThan(stored.length / 10);
    console.log('20,000-row sheet: ' + xml.length + ' bytes of XML, ' + chunked + ' deflated in chunks, ' + whole + ' in one pass');
  });

  it('never holds more than one chunk of XML at a time', () => {
    let longest = 0;
    let full = 0;
    writeXlsx(specs, () => undefined, {
      deflate: (data, dictionary, last) => {
        longest = Math.max(longest, data.length);
        if (data.length > CHUNK_BYTES * 0.9) full++;
        return DEFLATE.deflate!(data, dictionary, last);
      },
    });
    expect(longest).toBeLessThanOrEqual(CHUNK_BYTES);
    // The big sheet's several megabytes went as several full chunks.
    expect(full).toBeGreaterThanOrEqual(3);
  });

  it('puts the parts in the usual order: content types, relationships, workbook, styles, then the sheets', async () => {
    const b = await JSZip.loadAsync(Buffer.from(packed));
    expect(Object.keys(b.files).slice(0, 6)).toEqual([
      '[Content_Types].xml', '_rels/.rels', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/worksheets/sheet1.xml',
    ]);
  });

  it('exceljs reads the deflated file', async () => {
    const wb = await load(packed);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['大表'].concat(SHEETS));
    expect(wb.getWorksheet('大表')!.getCell('B20000').value).toBe('第20000项整改措施：严格落实“三重一大”集体决策制度，完善议事规则😀');
  });
});

/** The bytes of one part of a STORED zip (read through jszip's central directory). */
function zipPart(zip: Uint8Array, name: string): Uint8Array {
  const buf = Buffer.from(zip);
  const at = centralEntry(buf, name);
  const offset = buf.readUInt32LE(at + 42);
  const size = buf.readUInt32LE(at + 20);
  const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
  return buf.subarray(start, start + size);
}

function compressedSize(zip: Uint8Array, name: string): number {
  const buf = Buffer.from(zip);
  return buf.readUInt32LE(centralEntry(buf, name) + 20);
}

function centralEntry(buf: Buffer, name: string): number {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const n = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + n) === name) return p;
    p += 46 + n + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  throw new Error('no entry ' + name);
}

describe('charts as DrawingML parts', () => {
  const specs = summarySheets(summarize([ledgerA(), ledgerB()], { asOf: AS_OF, lang: 'zh' }), 'zh');
  let zip: JSZip;
  const part = (name: string) => zip.file(name)!.async('string');
  beforeAll(async () => {
    zip = await JSZip.loadAsync(Buffer.from(specsToXlsx(specs)), { checkCRC32: true });
  });

  it('the package finds them: content types, the sheet\'s drawing, the drawing\'s charts', async () => {
    const types = await part('[Content_Types].xml');
    expect(types).toContain('<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(types).toContain('<Override PartName="/xl/charts/chart2.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>');
    expect(await part('xl/worksheets/_rels/sheet1.xml.rels')).toContain(
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/drawing1.xml"/>');
    const sheet = await part('xl/worksheets/sheet1.xml');
    expect(sheet).toMatch(/<pageSetup [^>]*\/><headerFooter>[\s\S]*<\/headerFooter><drawing r:id="rId1"\/><\/worksheet>$/);
    const rels = await part('xl/drawings/_rels/drawing1.xml.rels');
    expect(rels.match(/Target="[^"]*"/g)).toEqual(['Target="../charts/chart1.xml"', 'Target="../charts/chart2.xml"']);
    // Only 总览 has charts.
    expect(Object.keys(zip.files).filter((n) => /drawing|chart/.test(n)).sort()).toEqual([
      'xl/charts/chart1.xml', 'xl/charts/chart2.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/drawings/drawing1.xml',
    ]);
  });

  it('every part is well-formed XML', async () => {
    for (const name of Object.keys(zip.files).filter((n) => !zip.files[n].dir)) {
      const r = await validateXML({ xml: { fileName: name.replace(/[^A-Za-z0-9.]/g, '_'), contents: await part(name) }, normalization: 'format' });
      expect([name, r.valid, r.errors.map((e) => e.message)]).toEqual([name, true, []]);
    }
  });

  it('the drawing anchors each chart from its frame\'s cells, and points at its chart part', async () => {
    const d = await part('xl/drawings/drawing1.xml');
    expect(d).toMatch(/^<\?xml [^>]*\?>\n<xdr:wsDr xmlns:xdr="http:\/\/schemas.openxmlformats.org\/drawingml\/2006\/spreadsheetDrawing" xmlns:a="http:\/\/schemas.openxmlformats.org\/drawingml\/2006\/main">/);
    const anchors = d.match(/<xdr:from>.*?<\/xdr:to>/g)!.map((a) => a.match(/<xdr:(col|row)>\d+/g)!.map((m) => m.replace(/<xdr:/, '').replace('>', ' ')));
    // G3 -> Q17 and G18 -> Q32, 0-based.
    expect(anchors).toEqual([['col 6', 'row 2', 'col 16', 'row 16'], ['col 6', 'row 17', 'col 16', 'row 31']]);
    expect(d.match(/<c:chart [^>]*r:id="(rId\d)"\/>/g)!.map((m) => /rId\d/.exec(m)![0])).toEqual(['rId1', 'rId2']);
  });

  it('the completion chart: horizontal bars of the rates, from the 总览 table, 0-100%', async () => {
    const c = await part('xl/charts/chart1.xml');
    expect(c).toContain('<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">');
    expect(c).toContain('<c:barDir val="bar"/><c:grouping val="clustered"/>');
    expect(c.match(/<c:f>[^<]*<\/c:f>/g)).toEqual([
      "<c:f>'总览'!$B$30</c:f>", "<c:f>'总览'!$A$31:$A$35</c:f>", "<c:f>'总览'!$B$31:$B$35</c:f>",
    ]);
    expect(c).toContain('<c:v>完成率</c:v>');
    expect(c.match(/<c:cat>.*?<\/c:cat>/)![0].match(/<c:v>[^<]*<\/c:v>/g)).toEqual(['<c:v>组织部</c:v>', '<c:v>财务处</c:v>', '<c:v>办公室</c:v>', '<c:v>人事处</c:v>', '<c:v>宣传部</c:v>']);
    expect(c.match(/<c:val>.*?<\/c:val>/)![0].match(/<c:v>[^<]*<\/c:v>/g)).toEqual(['<c:v>1</c:v>', '<c:v>' + 1 / 3 + '</c:v>', '<c:v>0.25</c:v>', '<c:v>0.25</c:v>', '<c:v>0</c:v>']);
    expect(c).toContain('<c:max val="1"/><c:min val="0"/>');
    expect(c).toContain('<c:numFmt formatCode="0%" sourceLinked="0"/>');
    expect(c).toContain('<c:showVal val="1"/>');
    expect(c).toContain('<a:t>各牵头部门整改完成率</a:t>');
    expect(c).toContain('<a:srgbClr val="638EC6"/>');
    expect(c).not.toContain('<c:legend>');
  });

  it('the flags chart: stacked bars of four series, Good / Bad / Neutral and grey, with a legend', async () => {
    const c = await part('xl/charts/chart2.xml');
    expect(c).toContain('<c:barDir val="bar"/><c:grouping val="stacked"/>');
    expect(c).toContain('<c:overlap val="100"/>');
    const refs = c.match(/<c:f>[^<]*<\/c:f>/g)!.map((f) => f.replace(/<\/?c:f>/g, ''));
    expect(refs).toEqual([
      "'总览'!$B$38", "'总览'!$A$39:$A$42", "'总览'!$B$39:$B$42",
      "'总览'!$C$38", "'总览'!$A$39:$A$42", "'总览'!$C$39:$C$42",
      "'总览'!$D$38", "'总览'!$A$39:$A$42", "'总览'!$D$39:$D$42",
      "'总览'!$E$38", "'总览'!$A$39:$A$42", "'总览'!$E$39:$E$42",
    ]);
    expect(c.match(/<c:tx><c:strRef>.*?<\/c:tx>/g)!.map((t) => /<c:v>([^<]*)<\/c:v>/.exec(t)![1])).toEqual(['已完成', '逾期', '临期', '正常推进等']);
    expect(c.match(/<c:spPr><a:solidFill><a:srgbClr val="([0-9A-F]{6})"\/>/g)!.slice(0, 4).map((m) => /val="(\w+)"/.exec(m)![1])).toEqual(['70AD47', 'C00000', 'FFC000', 'F2F2F2']);
    // Each part of a stacked bar labelled with its count inside it, zeros unlabelled, white on the dark 逾期.
    expect(c.match(/<c:dLbls>/g)).toHaveLength(4);
    expect(c).toContain('<c:numFmt formatCode="0;-0;;" sourceLinked="0"/>');
    expect(c.match(/<c:dLblPos val="ctr"\/>/g)).toHaveLength(4);
    expect(c.match(/<a:defRPr sz="800" b="1"><a:solidFill><a:srgbClr val="FFFFFF"\/><\/a:solidFill><\/a:defRPr>/g)).toHaveLength(1);
    expect(c).toContain('<c:legend><c:legendPos val="b"/>');
  });

  it('the cells the charts name hold what the chart caches', async () => {
    const wb = await load(specsToXlsx(specs));
    const ws = wb.getWorksheet('总览')!;
    expect([ws.getCell('A30').value, ws.getCell('B30').value, ws.getCell('A31').value, ws.getCell('B31').value]).toEqual(['牵头部门', '完成率', '组织部', 1]);
    expect([ws.getCell('A38').value, ws.getCell('E38').value, ws.getCell('A42').value, ws.getCell('E40').value]).toEqual(['方面', '正常推进等', '其他', 3]);
  });
});

describe('print setup, heights and fonts as written', () => {
  const specs = summarySheets(summarize([ledgerA(), ledgerB()], { asOf: AS_OF, lang: 'zh' }), 'zh');
  let zip: JSZip;
  const part = (name: string) => zip.file(name)!.async('string');
  beforeAll(async () => {
    zip = await JSZip.loadAsync(Buffer.from(specsToXlsx(specs)));
  });

  it('every sheet has the footer with the issuer, the page number and the as-of date, and half-inch side margins', async () => {
    for (let i = 1; i <= 7; i++) {
      const xml = await part('xl/worksheets/sheet' + i + '.xml');
      // The 通报提纲 (sheet 7) numbers its own pages as a 公文 does.
      const center = i === 7 ? '— &amp;P —' : '第 &amp;P 页 共 &amp;N 页';
      expect([i, /<oddFooter>([^<]*)<\/oddFooter>/.exec(xml)![1]]).toEqual([i, '&amp;L整改工作领导小组办公室&amp;C' + center + '&amp;R截至2022年7月15日']);
      expect(xml).toContain('<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>');
    }
    // From page 1 also when the whole workbook is printed (which else numbers on from the sheets before).
    expect(await part('xl/worksheets/sheet7.xml')).toContain('<pageSetup paperSize="9" orientation="portrait" fitToWidth="1" fitToHeight="0" firstPageNumber="1" useFirstPageNumber="1"/>');
    expect(await part('xl/worksheets/sheet1.xml')).toContain('<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="1"/>');
  });

  it('rows with wrapped text get their height; the others are left to the reader', async () => {
    const xml = await part('xl/worksheets/sheet6.xml');
    expect(xml).toContain('<row r="1" ht="26" customHeight="1">');
    // Row 4 is the first aspect's band, one line across the table; row 5 its first item, two lines.
    expect(xml).toMatch(/<row r="4">/);
    expect(xml).toContain('<row r="5" ht="32" customHeight="1">');
    // 逾期临期's first row: its 完成时限 (2022年12月底前) wraps in 10 wide.
    const lagging = await part('xl/worksheets/sheet4.xml');
    expect(lagging).toContain('<row r="4" ht="32" customHeight="1">');
    // The 通报提纲's heights are the text's need, not fixed: no customHeight, so an edited paragraph grows.
    const outline = await part('xl/worksheets/sheet7.xml');
    expect(outline).toContain('<row r="1" ht="36">');
    expect(outline).not.toContain('customHeight');
  });

  it('the document styles carry their Chinese fonts (GB2312 charset)', async () => {
    const styles = await part('xl/styles.xml');
    for (const font of ['仿宋', '黑体', '宋体']) expect(styles).toContain('<name val="' + font + '"/><family val="3"/><charset val="134"/>');
    const wb = await load(specsToXlsx(specs));
    const report = wb.getWorksheet('通报提纲')!;
    expect(report.getCell('A1').font).toMatchObject({ name: '宋体', bold: true, size: 20 });
    expect(report.getCell('A4').font).toMatchObject({ name: '黑体', size: 12 });
    expect(report.getCell('A3').font).toMatchObject({ name: '仿宋', size: 12 });
    expect(report.getCell('A1').alignment).toMatchObject({ horizontal: 'center' });
  });
});
