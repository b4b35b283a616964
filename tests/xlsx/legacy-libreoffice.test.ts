/**
 * LibreOffice writes the same ledger as .xlsx and as .xls at test time (soffice with a profile of its
 * own): the two give the same items, flags and findings. check --out of the .xls writes an .xlsx that
 * LibreOffice opens and saves again: the ledger's values are those of the input, with our four
 * columns added. A 3,000-row ledger makes LibreOffice continue its shared strings over CONTINUE
 * records, as real ledgers do.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkFile } from '../../src/cli/run-check';
import { contractJson } from '../../src/cli/json';
import { readGrids } from '../../src/xlsx';
import { LIBREOFFICE, tempDir } from './helpers/files';
import { convert, describeWithSoffice } from './helpers/soffice';

const dir = tempDir('taizhang-lo-legacy-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OPTS = { asOf: '2022-07-15', lang: 'zh' as const };

/** The check's JSON without the file's name: items, flags, findings, totals. */
async function checked(file: string): Promise<unknown> {
  const json = contractJson(await checkFile(file, { ...OPTS, file: 'ledger' }), 'ledger') as Record<string, unknown>;
  return json;
}

describeWithSoffice('LibreOffice writes a ledger as .xlsx and as .xls', () => {
  let xlsx: string;
  let xls: string;
  let big: { xlsx: string; xls: string };

  beforeAll(async () => {
    const source = path.join(LIBREOFFICE, 'ledger-two-row-header.fods');
    xlsx = convert(source, 'xlsx', path.join(dir, 'small'));
    xls = convert(source, 'xls', path.join(dir, 'small'));
    // 3,000 measures, each text its own: the shared strings outgrow one SST record.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('整改台账');
    ws.addRow(['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态']);
    const depts = ['办公室', '人事处', '财务处', '机关纪委'];
    for (let i = 1; i <= 3000; i++) {
      ws.addRow([i, '第' + i + '个问题：制度执行不到位，台账记录不完整', '第' + i + '项措施：建立健全工作机制并长期坚持', '领导' + (i % 7), depts[i % 4], i % 3 === 0 ? '2022年6月底前' : i % 3 === 1 ? new Date(Date.UTC(2022, 11, 31)) : '长期坚持', i % 5 ? '正在推进' : '', i % 4 === 0 ? '已完成' : '推进中']);
    }
    ws.getColumn(6).numFmt = 'yyyy-mm-dd';
    const built = path.join(dir, 'built', 'big.xlsx');
    fs.mkdirSync(path.dirname(built), { recursive: true });
    await wb.xlsx.writeFile(built);
    big = { xlsx: convert(built, 'xlsx', path.join(dir, 'big')), xls: convert(built, 'xls', path.join(dir, 'big')) };
  }, 600000);

  test('the small ledger: the same items, flags and findings from both', async () => {
    const a = (await checked(xlsx)) as { items: unknown[]; totals: unknown };
    const b = await checked(xls);
    expect(b).toEqual(a);
    expect(a.items.length).toBe(2);
    expect(a.totals).toEqual({ items: 2, done: 1, overdue: 0, dueSoon: 0, onTrack: 1, longTerm: 0, noDeadline: 0 });
  });

  test('3,000 rows, shared strings over CONTINUE records: the same Grids and the same check from both', async () => {
    const a = await readGrids(big.xlsx);
    const b = await readGrids(big.xls);
    expect(b).toEqual(a);
    expect(b[0].rows[3000]).toEqual([3000, '第3000个问题：制度执行不到位，台账记录不完整', '第3000项措施：建立健全工作机制并长期坚持', '领导4', '办公室', '2022年6月底前', null, '已完成']);
    expect(b[0].rows[2998][5]).toEqual({ date: '2022-12-31' });
    const ja = (await checked(big.xlsx)) as { totals: unknown };
    expect(await checked(big.xls)).toEqual(ja);
    // 750 done (every fourth); of the rest, the 2022年6月底前 ones overdue, 12-31 on track, 长期坚持 long-term.
    expect(ja.totals).toEqual({ items: 3000, done: 750, overdue: 750, dueSoon: 0, onTrack: 750, longTerm: 750, noDeadline: 0 });
  });

  test('check --out of the .xls: an .xlsx that LibreOffice opens, with the input values and our four columns', async () => {
    const out = path.join(dir, 'checked', '已检查.xlsx');
    fs.mkdirSync(path.dirname(out), { recursive: true });
    const before = fs.readFileSync(xls);
    await checkFile(xls, { ...OPTS, out });
    expect(fs.readFileSync(xls).equals(before)).toBe(true);
    // LibreOffice opens the copy and saves it again as its own .xlsx.
    const resaved = convert(out, 'xlsx', path.join(dir, 'resaved'));
    const input = await readGrids(xlsx);
    const grids = await readGrids(resaved);
    expect(grids.map((g) => g.name)).toEqual(['整改台账', '说明']);
    // Columns A-H as the input (G8 is the cached result LibreOffice's .xls stored: 0), then ours.
    // A row's trailing blanks before our columns are nulls there, and absent in the input.
    const trim = (r: unknown[]) => {
      const row = r.slice(0, 8);
      while (row.length && row[row.length - 1] === null) row.pop();
      return row;
    };
    const ledger = grids[0].rows.map(trim);
    const expected = input[0].rows.map(trim);
    expected[7][6] = 0;
    expect(ledger).toEqual(expected);
    expect(grids[0].rows[2].slice(8)).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
    expect(grids[0].rows[5].slice(8)).toEqual(['已完成', { date: '2022-06-30' }]);
    expect(grids[0].rows[6].slice(8)).toEqual(['正常推进', { date: '2022-12-31' }, 169]);
    expect(grids[1]).toEqual(input[1]);
  });
});
