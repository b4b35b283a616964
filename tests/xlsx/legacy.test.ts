/**
 * The legacy reader (src/xlsx/biff): .xls (BIFF8, BIFF5) and WPS .et into the same Grids as .xlsx.
 * Streams built record by record for what no single real file shows alone; real files from Excel,
 * WPS and LibreOffice (tests/fixtures/legacy/SOURCES.md, tests/fixtures/libreoffice) for the rest.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isTaizhangError, userMessage } from '../../src/core/words/errors';
import { legacyModified, readWorkbookStream } from '../../src/xlsx/biff/read-biff';
import { readGrids, sniffFile } from '../../src/xlsx';
import { checkFile } from '../../src/cli/run-check';
import { bof, cell, EOF, f64, record, u16, u32, workbookStream, xlString } from './helpers/biff';
import { LIBREOFFICE, ROOT, tempDir } from './helpers/files';

const LEGACY = path.join(ROOT, 'tests', 'fixtures', 'legacy');
const dir = tempDir('taizhang-legacy-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function codeOf(file: string): Promise<string> {
  try {
    await readGrids(file);
  } catch (e) {
    if (isTaizhangError(e)) return e.code + ': ' + userMessage(e, 'zh');
    throw e;
  }
  return 'ok';
}

/** 16 style formats, then a date (built-in 14) and a custom date format (164). */
const XFS = [...Array.from({ length: 16 }, () => 0), 14, 164].map((ifmt) => record(0x00e0, Buffer.concat([u16(0), u16(ifmt), Buffer.alloc(16)])));

describe('a BIFF8 stream built record by record', () => {
  // The SST: "整改台账" (UTF-16), "plain" (one byte each), then 150 characters whose first 100 ("A")
  // end the SST record and whose last 50 ("中") come in a CONTINUE record, which starts with its
  // own flags byte saying they are two bytes each.
  const sst = record(0x00fc, Buffer.concat([u32(3), u32(3), xlString('整改台账'), xlString('plain'), u16(150), Buffer.from([0]), Buffer.from('A'.repeat(100), 'latin1')]));
  const cont = record(0x003c, Buffer.concat([Buffer.from([1]), Buffer.from('中'.repeat(50), 'utf16le')]));
  const rk = (n: number) => u32(n);
  const stream = workbookStream(
    [record(0x0042, u16(1200)), record(0x0022, u16(1)), record(0x041e, Buffer.concat([u16(164), xlString('yyyy"年"m"月"d"日"')])), ...XFS, sst, cont],
    [
      {
        name: '台账',
        records: [
          record(0x00fd, Buffer.concat([cell(0, 0, 0), u32(0)])),
          record(0x00fd, Buffer.concat([cell(0, 2, 0), u32(2)])),
          // RK: the integer 42; 12345 divided by 100.
          record(0x027e, Buffer.concat([cell(1, 0, 0), rk((42 << 2) | 2)])),
          record(0x027e, Buffer.concat([cell(1, 1, 0), rk((12345 << 2) | 3)])),
          // MULRK over C2:D2: 7 and -3.
          record(0x00bd, Buffer.concat([u16(1), u16(2), u16(0), rk((7 << 2) | 2), u16(0), rk((-3 << 2) | 2), u16(3)])),
          // Dates in the 1904 system: built-in format 14 and the workbook's own format 164.
          record(0x0203, Buffer.concat([cell(2, 0, 16), f64(43281)])),
          record(0x0203, Buffer.concat([cell(2, 1, 17), f64(43281.5)])),
          record(0x0203, Buffer.concat([cell(2, 2, 0), f64(43281)])),
          // A formula whose result is text: FORMULA, SHRFMLA, then STRING.
          record(0x0006, Buffer.concat([cell(3, 0, 0), Buffer.from([0, 0, 0, 0, 0, 0, 0xff, 0xff]), u16(0), u32(0), u16(0)])),
          record(0x04bc, Buffer.alloc(10)),
          record(0x0207, xlString('已完成')),
          // A formula whose result is empty text: no value, but its column is used.
          record(0x0006, Buffer.concat([cell(3, 5, 0), Buffer.from([3, 0, 0, 0, 0, 0, 0xff, 0xff]), u16(0), u32(0), u16(0)])),
          // BOOLERR: TRUE, and #N/A.
          record(0x0205, Buffer.concat([cell(4, 0, 0), Buffer.from([1, 0])])),
          record(0x0205, Buffer.concat([cell(4, 1, 0), Buffer.from([0x2a, 1])])),
          // A LABEL (as WPS and older writers write text) under a merge over B5:C6 that covers it.
          record(0x0204, Buffer.concat([cell(5, 0, 0), xlString('牵头部门')])),
          record(0x0204, Buffer.concat([cell(5, 2, 0), xlString('covered')])),
          record(0x00e5, Buffer.concat([u16(1), u16(4), u16(5), u16(1), u16(2)])),
          // An embedded chart's substream inside the sheet: its records are not cells of the sheet.
          bof(0x0020),
          record(0x0203, Buffer.concat([cell(9, 9, 0), f64(99)])),
          EOF,
        ],
      },
      { name: '隐藏', state: 1, records: [record(0x0203, Buffer.concat([cell(0, 0, 0), f64(1)]))] },
    ],
  );

  test('values, shared strings across a CONTINUE, RK numbers, dates, formula results, merges and sheets', () => {
    const book = readWorkbookStream(stream, 'built.xls', { keepFormats: true });
    expect(book.biff).toBe(8);
    expect(book.date1904).toBe(true);
    expect(book.sheets.map((s) => [s.name, s.state])).toEqual([
      ['台账', 'visible'],
      ['隐藏', 'hidden'],
    ]);
    const grid = book.sheets[0].grid;
    expect(grid.rows).toEqual([
      ['整改台账', null, 'A'.repeat(100) + '中'.repeat(50)],
      [42, 123.45, 7, -3],
      [{ date: '2022-07-01' }, { date: '2022-07-01' }, 43281],
      ['已完成'],
      [true, '#N/A'],
      ['牵头部门'],
    ]);
    // The formula with an empty result is in column F; the merge reaches C.
    expect(grid.usedRight).toBe(6);
    expect(book.sheets[0].merges).toEqual([{ r1: 5, c1: 2, r2: 6, c2: 3 }]);
    expect(book.sheets[1].grid.rows).toEqual([[1]]);
    // The formats kept for check --out: the date cells' own, and the stored serial with its time.
    expect(book.formatOfXf(17)).toEqual({ id: 164, code: 'yyyy"年"m"月"d"日"' });
    expect(book.formatOfXf(16)).toEqual({ id: 14, code: null });
    expect(book.sheets[0].serials!.get(2 * 65536 + 1)).toBe(43281.5);
  });

  test('a bare stream (no compound file around it) is read too', async () => {
    const file = path.join(dir, 'bare.xls');
    fs.writeFileSync(file, stream);
    expect(sniffFile(file)).toBe('xls');
    expect((await readGrids(file))[0].rows[0][0]).toBe('整改台账');
  });

  test('a stream cut inside a record is damaged, not a crash', async () => {
    const file = path.join(dir, 'cut.xls');
    fs.writeFileSync(file, stream.subarray(0, 300));
    expect(await codeOf(file)).toMatch(/^file-corrupt: 文件“.*cut\.xls”已损坏或不完整/);
  });
});

describe('real legacy files', () => {
  test('a LibreOffice .xls gives the same Grids as the .xlsx LibreOffice wrote from the same source', async () => {
    const xls = await readGrids(path.join(LIBREOFFICE, 'ledger-two-row-header.xls'));
    const xlsx = await readGrids(path.join(LIBREOFFICE, 'ledger-two-row-header.xlsx'));
    // One difference, LibreOffice's own: the text result of G8's formula H6&"（核）" is cached in
    // the .xlsx, while its .xls FORMULA record stores the number 0 as the result (bytes 6-13 zero).
    expect(xls[0].rows[7][6]).toBe(0);
    expect(xlsx[0].rows[7][6]).toBe('已完成（核）');
    xls[0].rows[7][6] = '已完成（核）';
    expect(xls).toEqual(xlsx);
    expect(xls.map((g) => g.name)).toEqual(['整改台账', '说明']);
    expect(xls[0].rows[5]).toEqual([1, '理论学习不够深入', '严格落实第一议题制度', '李四', '办公室', { date: '2022-06-30' }, '已召开党组会议\n制定学习计划', '已完成']);
    // A cached string result of a formula, and text that looks like a formula.
    expect(xls[0].rows[6].slice(2, 5)).toEqual(['=领导批示', '王五', '人事处\n财务处']);
  });

  test('merges from Excel 97-2003: the other cells of each merge are blank', async () => {
    const [grid] = await readGrids(path.join(LEGACY, 'merge_cells.xls'));
    expect(grid.rows).toEqual([['A1:B2', null, 'C1:C2', 'Separate blocks'], [], ['A3:B3', null, 'C3'], ['… are merged separately']]);
  });

  test('the 1904 date system, in an .xls and in the .xlsx Excel saved beside it', async () => {
    const [g1904] = await readGrids(path.join(LEGACY, '1904_1904.xls'));
    const [g1900] = await readGrids(path.join(LEGACY, '1904_1900.xls'));
    // Column B holds 1, 11, 111, 1111 as dates; column C the TEXT() of them Excel cached.
    expect(g1904.rows.slice(0, 4).map((r) => [r[1], r[2]])).toEqual([
      [{ date: '1904-01-02' }, '1904-01-02'],
      [{ date: '1904-01-12' }, '1904-01-12'],
      [{ date: '1904-04-21' }, '1904-04-21'],
      [{ date: '1907-01-16' }, '1907-01-16'],
    ]);
    expect(g1900.rows[1][1]).toEqual({ date: '1900-01-11' });
  });

  test('hidden and very hidden sheets keep their tab order, in BIFF8 and BIFF5', async () => {
    for (const name of ['sheet_visibility.xls', 'sheet_visibility5.xls']) {
      const grids = await readGrids(path.join(LEGACY, name));
      expect(grids.map((g) => g.name)).toEqual(['Visible', 'Hidden', 'VeryHidden']);
      expect(grids[1].rows[0]).toEqual(['H', 'i', 'd', 'd', 'e', 'n']);
    }
  });

  test('BIFF5 text in the code page it states (Windows-1252 here: 0x85 is an ellipsis)', async () => {
    const [grid] = await readGrids(path.join(LEGACY, 'biff5_merge_cells.xls'));
    expect(grid.rows[3]).toEqual(['… are merged separately']);
  });

  test('WPS .et: text, cached results of formulas and errors', async () => {
    const [grid] = await readGrids(path.join(LEGACY, 'wps_fn.et'));
    expect(grid.rows).toEqual([
      ['Name', 'Example', 'Result'],
      ['EVALUATE', '=EVALUATE("1+1")', 2],
      ['FIELDVALUE', '=FIELDVALUE(A2,"Result")', '#VALUE!'],
    ]);
  });

  test('the day a legacy file was last saved (its SummaryInformation), for compare\'s earlier version', () => {
    // Saved 2014-01-04 (UTC) by Excel; in Beijing (UTC+8) and in Honolulu (UTC-10).
    expect(legacyModified(path.join(LEGACY, 'merge_cells.xls'), 480)).toBe('2014-01-04');
    expect(legacyModified(path.join(LEGACY, 'merge_cells.xls'), -600)).toBe('2014-01-03');
    // A password-protected file whose properties are encrypted too: none.
    expect(legacyModified(path.join(LEGACY, 'password_2002_128_strong.xls'), 480)).toBe(null);
  });

  test('the real .xls of the real-ledgers corpus: its header row, read as written', async () => {
    const file = path.resolve(ROOT, '..', '..', 'shared', 'corpora', 'real-ledgers', 'subhsse-richang-xunjian-import-template.xls');
    if (!fs.existsSync(file)) return console.log('skipped: ' + file + ' is not here');
    const grids = await readGrids(file);
    expect(grids.map((g) => g.name)).toEqual(['Sheet1', 'Sheet2', 'Sheet3']);
    expect(grids[0].rows).toEqual([['检查类型', '检查项', '不合格项描述', '整改要求', '检查区域', '责任单位', '处理措施', '限时时间', '整改情况(是/否)']]);
  });
});

test('check --out of an .xls: an .xlsx with the ledger as read and our columns; the base it was made from is gone', async () => {
  const folder = path.join(dir, 'out');
  fs.mkdirSync(folder);
  const out = path.join(folder, '已检查.xlsx');
  const input = path.join(LIBREOFFICE, 'ledger-two-row-header.xls');
  const result = await checkFile(input, { asOf: '2022-07-15', lang: 'zh', out });
  expect(result.items.map((i) => [i.row, i.flag])).toEqual([
    [6, 'done'],
    [7, 'on-track'],
  ]);
  expect(fs.readdirSync(folder)).toEqual(['已检查.xlsx']);
  const [ledger, note] = await readGrids(out);
  const read = await readGrids(input);
  // Columns A-H as read (a row's blanks before our columns are nulls there, absent in the input).
  const ledgerPart = (r: unknown[]) => {
    const row = r.slice(0, 8);
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  };
  expect(ledger.rows.map(ledgerPart)).toEqual(read[0].rows.map(ledgerPart));
  expect(ledger.rows[2].slice(8)).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
  expect(ledger.rows[6].slice(8)).toEqual(['正常推进', { date: '2022-12-31' }, 169]);
  expect(note).toEqual(read[1]);
  await expect(checkFile(input, { asOf: '2022-07-15', lang: 'zh', out: path.join(folder, 'x.xlsm') })).rejects.toMatchObject({ code: 'usage' });
});

describe('refused with one clear line', () => {
  test('a password on an .xls (RC4 and XOR obfuscation) names Excel and WPS; on an .et, WPS and its menu', async () => {
    for (const name of ['password_2002_40_xor.xls', 'password_2002_128_strong.xls']) {
      expect(await codeOf(path.join(LEGACY, name))).toMatch(/^encrypted-xls: .*打开密码.*Excel 中为 文件 > 信息.*WPS 中为 文件 > 文档加密 > 密码加密/);
    }
    const et = path.join(dir, 'secret.et');
    fs.copyFileSync(path.join(LEGACY, 'password_2002_40_xor.xls'), et);
    expect(await codeOf(et)).toMatch(/^encrypted-et: “.*secret\.et”是设置了打开密码的 WPS 表格文件.*WPS 中取消密码（文件 > 文档加密 > 密码加密/);
  });

  test('Excel 2.x-4.0 files (BIFF2-4)', async () => {
    expect(await codeOf(path.join(LEGACY, 'crlf_CRLFX5_2.XLS'))).toMatch(/^legacy-biff: .*Excel 2\.x–4\.0/);
    expect(await codeOf(path.join(LEGACY, 'crlf_CRLFR9_4.XLS'))).toMatch(/^legacy-biff: /);
  });

  test('a Lotus 1-2-3 worksheet', async () => {
    const file = path.join(dir, 'old.wk1');
    // BOF: type 0, length 2, version 0x0406 (1-2-3 release 2).
    fs.writeFileSync(file, Buffer.from([0, 0, 2, 0, 6, 4, 6, 0, 8, 0]));
    expect(await codeOf(file)).toMatch(/^lotus: “.*old\.wk1”是 Lotus 1-2-3 工作表/);
  });

  test('a damaged .et names WPS', async () => {
    const file = path.join(dir, 'bad.et');
    fs.writeFileSync(file, 'not a workbook at all');
    expect(await codeOf(file)).toMatch(/^corrupt-et: WPS 表格文件“.*bad\.et”已损坏/);
  });
});
