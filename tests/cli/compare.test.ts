/**
 * taizhang compare (and summary --previous) on .xlsx files written by another producer (exceljs):
 * which date the earlier version is judged at, the JSON contract, the report, the workbook, and the
 * one-line refusals.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { Io, main } from '../../src/cli/main';
import { documentModified, w3cdtfDay } from '../../src/xlsx/read';
import { Grid } from '../../src/core/model/grid';
import { earlierLedger, laterLedger } from '../core/helpers/versions';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-compare-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const at = (name: string) => path.join(dir, name);
/** Stated 填报时间 2022年6月15日; saved on 2022-06-20. */
const EARLIER = at('上期台账.xlsx');
/** States nothing above its header; saved 2022-06-18T20:30Z (2022-06-19 in Beijing). */
const EARLIER_UNSTATED = at('上期台账-无填报时间.xlsx');
const LATER = at('本期台账.xlsx');
const DATES = ['--start', '2022-02-24', '--as-of', '2022-07-15'];

async function write(grid: Grid, file: string, modified: Date): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.modified = modified;
  const ws = wb.addWorksheet(grid.name);
  grid.rows.forEach((r) => ws.addRow(r.map((v) => (v === null ? null : (v as string)))));
  await wb.xlsx.writeFile(file);
}

beforeAll(async () => {
  await write(earlierLedger('2022年6月15日'), EARLIER, new Date('2022-06-20T01:00:00Z'));
  await write(earlierLedger(), EARLIER_UNSTATED, new Date('2022-06-18T20:30:00Z'));
  await write(laterLedger('2022年7月15日'), LATER, new Date('2022-07-15T01:00:00Z'));
});

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true), once: () => undefined } as unknown as Io['stdout'],
    stderr: { write: (s: string) => ((err += s), true) } as unknown as Io['stderr'],
    env: {},
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('which date the earlier version is judged at', () => {
  test('the 填报时间 it states', async () => {
    const r = await run(['compare', EARLIER, LATER, ...DATES]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('按 2022-06-15 判断（据上期填报时间）');
  });

  test('else the day its document was last saved, on the local calendar', async () => {
    expect(w3cdtfDay('2022-06-18T20:30:00Z', 8 * 60)).toBe('2022-06-19');
    expect(w3cdtfDay('2022-06-18T20:30:00Z', 0)).toBe('2022-06-18');
    expect(w3cdtfDay('2022-06-18T20:30:00+08:00', 8 * 60)).toBe('2022-06-18');
    expect(w3cdtfDay('2022-06-18')).toBe('2022-06-18');
    expect(w3cdtfDay('昨天')).toBeNull();
    const day = documentModified(EARLIER_UNSTATED) as string;
    expect(day).toBe(w3cdtfDay('2022-06-18T20:30:00Z'));
    const r = await run(['compare', EARLIER_UNSTATED, LATER, ...DATES]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('按 ' + day + ' 判断（据上期文件的修改时间）');
  });

  test('--since over both', async () => {
    const r = await run(['compare', EARLIER, LATER, ...DATES, '--since', '2022-06-01']);
    expect(r.out).toContain('按 2022-06-01 判断（--since 指定）');
  });
});

describe('compare --json', () => {
  test("the later version's check JSON, plus changes and changeTotals", async () => {
    const r = await run(['compare', EARLIER, LATER, ...DATES, '--json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out);
    expect(Object.keys(j)).toEqual(['file', 'sheet', 'asOf', 'start', 'header', 'items', 'findings', 'totals', 'config', 'changes', 'changeTotals']);
    expect(j.file).toBe(LATER);
    expect(j.asOf).toBe('2022-07-15');
    expect(j.items).toHaveLength(8);
    expect(j.changeTotals).toEqual({
      'deadline-later': 1, 'deadline-earlier': 0, 'newly-overdue': 1, 'still-overdue': 1, stalled: 1,
      'went-back': 1, done: 1, 'lead-changed': 1, added: 1, removed: 1,
    });
    expect(j.changes[0]).toEqual({
      kind: 'deadline-later', row: 9, earlierRow: 8, seq: '4', measure: '开展意识形态领域风险排查', leadDept: '宣传处',
      from: { text: '6月底前', due: '2022-06-30' }, to: { text: '2022年9月30日', due: '2022-09-30' },
    });
    const removed = j.changes.filter((c: { kind: string }) => c.kind === 'removed')[0];
    expect(removed).toEqual({
      kind: 'removed', row: null, earlierRow: 13, seq: '7', measure: '清理公务接待台账', leadDept: '财务处',
      from: { state: 'in-progress', flag: 'overdue', daysLeft: -5 }, to: null,
    });
    const still = j.changes.filter((c: { kind: string }) => c.kind === 'still-overdue')[0];
    expect([still.from.daysLeft, still.to.daysLeft]).toEqual([-15, -45]);
  });

  test('a ledger compared with itself at one date: no changes', async () => {
    const r = await run(['compare', EARLIER, at('copy.xlsx'), ...DATES]).catch(() => null);
    expect(r && r.code).toBe(2); // a file that does not exist is refused first
    fs.copyFileSync(LATER, at('copy.xlsx'));
    const same = await run(['compare', at('copy.xlsx'), LATER, ...DATES, '--since', '2022-07-15', '--json']);
    const j = JSON.parse(same.out);
    expect(j.changes).toEqual([]);
    expect(Object.values(j.changeTotals)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });
});

describe('the report and the workbook', () => {
  test('the report opens with the sentence, then the lists, moved deadlines first', async () => {
    const r = await run(['compare', EARLIER, LATER, ...DATES]);
    const lines = r.out.split('\n');
    expect(lines[0]).toBe('整改台账对比');
    expect(lines[4]).toBe('本期新完成1项、新增逾期1项、调整时限1项（推迟1项、提前0项）、持续逾期1项、进展停滞1项、状态倒退1项、牵头部门变更1项、新增事项1项、删除事项1项。');
    const headings = lines.filter((l) => /^[^\s].*（\d+项）$/.test(l));
    expect(headings).toEqual(['时限推迟（1项）', '新增逾期（1项）', '持续逾期（1项）', '进展停滞（1项）', '状态倒退（1项）', '本期完成（1项）', '牵头部门变更（1项）', '新增事项（1项）', '删除事项（1项）']);
    expect(r.out).toMatch(/9\s+4\s+宣传处\s+6月底前（2022-06-30）\s+2022年9月30日（2022-09-30）\s+开展意识形态领域风险排查/);
  });

  test('in English', async () => {
    const r = await run(['compare', EARLIER, LATER, ...DATES, '--lang', 'en']);
    expect(r.out.split('\n')[4]).toBe('This period: 1 newly done, 1 newly overdue, 1 deadlines moved (1 later, 0 earlier), 1 still overdue, 1 stalled, 1 gone back, 1 lead changed, 1 added, 1 removed.');
  });

  test('--out writes the comparison sheets, each list with its rows', async () => {
    const out = at('对比.xlsx');
    const r = await run(['compare', EARLIER, LATER, ...DATES, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('已写出对比工作簿：' + path.resolve(out));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['对比总览', '时限调整', '新增逾期', '本期完成', '进展停滞', '增删事项', '全部变化']);
    const moved = wb.getWorksheet('时限调整') as ExcelJS.Worksheet;
    expect(moved.getCell('A1').value).toBe('完成时限调整情况');
    expect((moved.getRow(3).values as unknown[]).slice(1)).toEqual(['序号', '变化', '台账序号', '整改措施', '牵头部门', '原完成时限', '原截止日期', '现完成时限', '现截止日期', '调整天数', '期限状态', '本期行号', '上期行号']);
    const row = (moved.getRow(4).values as unknown[]).slice(1);
    expect(row.slice(0, 6)).toEqual([1, '推迟', '4', '开展意识形态领域风险排查', '宣传处', '6月底前']);
    expect((row[6] as Date).toISOString().slice(0, 10)).toBe('2022-06-30');
    expect(row[7]).toBe('2022年9月30日');
    expect((row[8] as Date).toISOString().slice(0, 10)).toBe('2022-09-30');
    expect(row.slice(9)).toEqual([92, '正常推进', 9, 8]);
    const overview = wb.getWorksheet('对比总览') as ExcelJS.Worksheet;
    expect(overview.getCell('A5').value).toBe(lines0());
    // The change of the completion rate in words, in percentage points.
    const rateRow = overview.getColumn(1).values.indexOf('完成率');
    expect(String(overview.getCell('D' + rateRow).value)).toMatch(/^(提高|下降)\d+\.\d个百分点$|^持平$/);
    const all = wb.getWorksheet('全部变化') as ExcelJS.Worksheet;
    expect(all.rowCount).toBe(3 + 9);
    const counts = wb.getWorksheet('增删事项') as ExcelJS.Worksheet;
    expect([counts.getCell('B4').value, counts.getCell('B5').value]).toEqual(['新增事项', '删除事项']);
  });
});

function lines0(): string {
  return '本期新完成1项、新增逾期1项、调整时限1项（推迟1项、提前0项）、持续逾期1项、进展停滞1项、状态倒退1项、牵头部门变更1项、新增事项1项、删除事项1项。';
}

describe('exit 2 with one line', () => {
  test.each([
    ['one file', ['compare', LATER], /compare 需要两个台账文件/],
    ['the same file twice', ['compare', LATER, LATER], /同一个文件/],
    ['--out is an input', ['compare', EARLIER, LATER, '--out', LATER], /--out 不能是输入文件本身/],
    ['the earlier judged after the later', ['compare', EARLIER, LATER, '--as-of', '2022-06-01'], /晚于本期的 2022-06-01.*先上期、后本期/],
  ] as [string, string[], RegExp][])('%s', async (_name, argv, message) => {
    const r = await run(argv);
    expect(r.code).toBe(2);
    expect(r.err.split('\n').filter((l) => l)).toHaveLength(1);
    expect(r.err).toMatch(message);
  });
});

describe('summary --previous', () => {
  test('adds 本期进展 to the report outline and this period’s columns to 按牵头部门', async () => {
    const out = at('汇总.xlsx');
    const r = await run(['summary', LATER, '--previous', EARLIER, ...DATES, '--out', out]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('与上期（2022-06-15）相比：本期新完成1项、新增逾期1项、调整时限1项');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const report = wb.getWorksheet('通报提纲') as ExcelJS.Worksheet;
    expect(String(report.getCell('A4').value)).toBe('　　本期进展：与上期（2022年6月15日）相比，' + lines0());
    const depts = wb.getWorksheet('按牵头部门') as ExcelJS.Worksheet;
    const header = (depts.getRow(3).values as unknown[]).slice(1);
    expect(header.slice(-2)).toEqual(['本期新完成', '本期新增逾期']);
    const byName: Record<string, unknown[]> = {};
    depts.eachRow((row, n) => {
      if (n > 3) byName[String(row.getCell(1).value)] = (row.values as unknown[]).slice(-2);
    });
    expect(byName['办公室']).toEqual([1, 1]);
    expect(byName['宣传处']).toEqual([0, 0]);
    // This ledger's departments add up past the distinct 合计 (问题数): the rows' sum beside it, with the note.
    expect(byName['各部门相加']).toEqual([1, 1]);
    expect(byName['合计（不重复计数）']).toEqual([1, 1]);
  });

  test('an earlier file that matches no current ledger is refused in one line', async () => {
    const other = at('别的台账.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('台账').addRows([['序号', '整改措施', '牵头部门', '完成时限', '填报时间：2022年6月1日'], ['1', '更换食堂承包商', '后勤处', '2022年8月31日']]);
    await wb.xlsx.writeFile(other);
    const r = await run(['summary', LATER, '--previous', other, ...DATES, '--json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/上期台账“.*别的台账\.xlsx”与本期的任何台账都对不上/);
  });
});
