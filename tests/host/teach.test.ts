/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed --json output is read field by field */
/**
 * Words a user can teach, the same in both hosts (issue 18): a taizhang.json that teaches 关闭 read by
 * the command line, and its pane equivalent on the Excel host (fake Excel) and the WPS host (fake ET):
 * a choice in 识别设置 for the word the check offers, then the same file imported, both saved in the
 * workbook's settings and read back by every check. Same item states, same flags, same findings.
 * (The pane's DOM over the same steps: tests/e2e/teach.e2e.test.ts.)
 *
 * The ledger: a project's hazard list (隐患排查治理台账), judged at 2023-06-15, due-soon window 10 days.
 * This office closes (关闭) a hazard when it is fixed and closes it out (销号) only when re-inspection
 * passes (复查合格), so it teaches 关闭 as done (the grammar alone reads 关闭 as closed) and 复查合格,
 * which no built-in word places, as closed; and its 隐患级别 column (一般隐患, 重大隐患), which no field
 * takes, as the 方面 the summary groups by.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { CheckOptions, CheckResult } from '../../src/core/model/result';
import { colLetter } from '../../src/core/text/a1';
import { loadTaught, saveTaught, TAUGHT_KEY } from '../../src/host/settings';
import { annotateChecked, compareWithEarlier, readAndCheck, writeNotices } from '../../src/taskpane/flows';
import { importTaught, teachChoices, teachColumn, teachWord } from '../../src/taskpane/teach';
import { BookSheet } from './driver';
import { excelDriver } from './excel-driver';
import { wpsDriver } from './wps-driver';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');
const SHEET = '隐患台账';

const ROWS: (string | number | null)[][] = [
  ['某项目部隐患排查治理台账', null, null, null, null, null, null],
  ['序号', '隐患内容', '责任单位', '整改期限', '整改措施', '隐患状态', '隐患级别'],
  [1, '配电箱未上锁', '机电队', '2023年5月10日', '配电箱加锁并张贴警示', '关闭', '一般隐患'],
  [2, '基坑临边防护缺失', '土建一队', '2023年5月20日', '设置防护栏杆', '关闭', '重大隐患'],
  [3, '灭火器过期未更换', '后勤组', '2023年6月1日', '更换灭火器', '复查合格', '一般隐患'],
  [4, '通道堆放钢管', '土建二队', '2023年6月20日', '清理通道', '复查合格', '一般隐患'],
  [5, '脚手板未满铺', '土建一队', '2023年6月10日', '满铺脚手板', '整改中', '一般隐患'],
  [6, '消防通道被占用', '后勤组', '2023年7月30日', '清理并划线', '开放', '一般隐患'],
  [7, '塔吊限位器失灵', '机电队', '2023年6月12日', '更换限位器', '未关闭', '重大隐患'],
];
const BOOK: BookSheet = { name: SHEET, rows: ROWS };

/** The file the command line reads, byte for byte the text the pane imports. */
const FILE = JSON.stringify({ headers: { aspect: ['隐患级别'] }, status: { done: ['关闭'], closed: ['复查合格'] } }, null, 2) + '\n';

const OPTS: CheckOptions = { asOf: '2023-06-15', lang: 'zh' };
const noStep = () => Promise.resolve();

/** What the test compares: each item's row, state and flag, the columns found, the totals, the findings' rules and cells. */
function outcome(r: { items: any[]; header: any; totals: any; findings: any[] }) {
  return {
    items: r.items.map((i: any) => [i.row, i.state, i.flag]),
    aspects: r.items.map((i: any) => i.aspect || ''),
    // The JSON names each column by its letter, the core by its number.
    columns: Object.keys(r.header.columns).reduce((m: any, f) => ((m[f] = typeof r.header.columns[f] === 'number' ? colLetter(r.header.columns[f]) : r.header.columns[f]), m), {}),
    totals: r.totals,
    findings: r.findings.map((f: any) => f.rule + ' ' + f.cell),
  };
}

/**
 * Counted by hand. Untaught: 关闭 is closed (rows 3 and 4 of the sheet); 复查合格 is unknown, so rows 5
 * (due 06-01) and 6 (due 06-20, 5 days left) keep the flags their deadlines give; 整改中 due 06-10 and
 * 未关闭 due 06-12 are overdue; 开放 due 07-30 is not started and on track.
 */
const UNTAUGHT = {
  items: [
    [3, 'closed', 'done'],
    [4, 'closed', 'done'],
    [5, 'unknown', 'overdue'],
    [6, 'unknown', 'due-soon'],
    [7, 'in-progress', 'overdue'],
    [8, 'not-started', 'on-track'],
    [9, 'in-progress', 'overdue'],
  ],
  aspects: ['', '', '', '', '', '', ''],
  columns: { seq: 'A', problem: 'B', leadDept: 'C', deadline: 'D', measure: 'E', status: 'F' },
  totals: { items: 7, done: 2, overdue: 3, dueSoon: 1, onTrack: 1, longTerm: 0, noDeadline: 0 },
  findings: ['status-words-unknown F2'],
};

/** Taught: 关闭 is done, 复查合格 closed: four done, the two overdue left, no finding on the words; 隐患级别 is the 方面. */
const TAUGHT = {
  items: [
    [3, 'done', 'done'],
    [4, 'done', 'done'],
    [5, 'closed', 'done'],
    [6, 'closed', 'done'],
    [7, 'in-progress', 'overdue'],
    [8, 'not-started', 'on-track'],
    [9, 'in-progress', 'overdue'],
  ],
  aspects: ['一般隐患', '重大隐患', '一般隐患', '一般隐患', '一般隐患', '一般隐患', '重大隐患'],
  columns: { seq: 'A', problem: 'B', leadDept: 'C', deadline: 'D', measure: 'E', status: 'F', aspect: 'G' },
  totals: { items: 7, done: 4, overdue: 2, dueSoon: 0, onTrack: 1, longTerm: 0, noDeadline: 0 },
  findings: [] as string[],
};

describe('the command line with taizhang.json', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-teach-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const run = () => {
    const r = spawnSync(process.execPath, [BIN, 'check', '隐患台账.xlsx', '--as-of', '2023-06-15', '--json'], { cwd: dir, encoding: 'utf8' });
    expect([r.status, r.stderr]).toEqual([0, '']);
    return JSON.parse(r.stdout);
  };

  beforeAll(async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET);
    ROWS.forEach((r) => ws.addRow(r));
    await wb.xlsx.writeFile(path.join(dir, '隐患台账.xlsx'));
  });

  test('without the file: 复查合格 is unknown, 关闭 closed', () => {
    const json = run();
    expect(json.config).toBeNull();
    expect(outcome(json)).toEqual(UNTAUGHT);
  });

  test('with the file: 关闭 done, 复查合格 closed, 隐患级别 the 方面; "config" names the file', () => {
    fs.writeFileSync(path.join(dir, 'taizhang.json'), FILE);
    const json = run();
    expect(path.basename(json.config)).toBe('taizhang.json');
    expect(outcome(json)).toEqual(TAUGHT);
  });
});

describe.each([excelDriver, wpsDriver])('the pane on the $name host', (driver) => {
  const check = async (o: ReturnType<typeof driver.open>): Promise<CheckResult> => {
    const c = await readAndCheck(o.host, OPTS, noStep, 3);
    await annotateChecked(o.host, c, 'zh');
    return c.result;
  };

  test('a choice in 识别设置, then the same file imported, give the command line’s result', async () => {
    const o = driver.open({ sheets: [BOOK], level: 'floor' });
    const before = await check(o);
    expect(outcome(before)).toEqual(UNTAUGHT);
    // The added 期限状态 column (H) says what the flags say.
    expect(['H5', 'H6'].map((a) => o.value(SHEET, a))).toEqual(['逾期', '临期']);
    const grid = (await o.host.readWorkbook()).filter((g) => g.name === SHEET)[0];
    // The card offers the one word the check could not place, with its count, and the one column no field took.
    expect(teachChoices(before, grid)).toEqual({ words: [{ text: '复查合格', count: 2 }], columns: [{ col: 7, letter: 'G', text: '隐患级别' }] });

    // The user picks 已销号 for 复查合格: saved in the workbook's settings, and the next check reads it.
    expect(await saveTaught(o.host.store, teachWord(loadTaught(o.host.store), '复查合格', 'closed'))).toBe(true);
    expect(o.host.store.get(TAUGHT_KEY)).toBe('{"status":{"closed":["复查合格"]}}');
    const chosen = await check(o);
    expect(outcome(chosen).items.slice(0, 4)).toEqual([
      [3, 'closed', 'done'],
      [4, 'closed', 'done'],
      [5, 'closed', 'done'],
      [6, 'closed', 'done'],
    ]);
    // And 方面 for 隐患级别: the next check reads the column.
    expect(await saveTaught(o.host.store, teachColumn(loadTaught(o.host.store), '隐患级别', 'aspect'))).toBe(true);
    expect(o.host.store.get(TAUGHT_KEY)).toBe('{"headers":{"aspect":["隐患级别"]},"status":{"closed":["复查合格"]}}');
    expect(outcome(await check(o)).aspects).toEqual(TAUGHT.aspects);

    // Then imports the office's taizhang.json: its words replace the taught ones.
    const imported = importTaught(FILE, 'zh');
    if ('error' in imported) throw new Error(imported.error);
    expect(await saveTaught(o.host.store, imported.taught)).toBe(true);
    expect(JSON.parse(String(o.host.store.get(TAUGHT_KEY)))).toEqual(JSON.parse(FILE));
    const after = await check(o);
    expect(outcome(after)).toEqual(TAUGHT);
    expect(['H3', 'H5', 'H6', 'H7'].map((a) => o.value(SHEET, a))).toEqual(['已完成', '已完成', '已完成', '逾期']);
    expect(teachChoices(after, grid)).toEqual({ words: [], columns: [] });

    // 生成督办单 reads with the same words: notices for the two departments still overdue, not four.
    const notices = await writeNotices(o.host, after, 'zh', {});
    expect(notices.report && notices.report.sheets).toEqual(['督办单-土建一队', '督办单-机电队']);
  });

  test('对比上期 reads both versions with the saved words: the two closed out since are done, not overdue', async () => {
    // Last period's copy, judged at 2023-05-31: the two 复查合格 items were still 整改中 then.
    const earlier: BookSheet = { name: '上期台账', rows: ROWS.map((r, i) => (i === 4 || i === 5 ? r.slice(0, 5).concat(['整改中', r[6]]) : r)) };
    const o = driver.open({ sheets: [earlier, BOOK], level: 'floor' });
    const imported = importTaught(FILE, 'zh');
    if ('error' in imported) throw new Error(imported.error);
    await saveTaught(o.host.store, imported.taught);
    const c = await compareWithEarlier(o.host, { ...OPTS, sheet: SHEET }, { sheet: '上期台账', since: '2023-05-31' }, {}, noStep);
    expect(outcome(c.result)).toEqual(TAUGHT);
    // Done since: 灭火器 and 通道 (复查合格). Newly overdue: 脚手板 (06-10) and 塔吊 (06-12), on track at 05-31,
    // and stalled too: their status says what it said then.
    expect(c.comparison.totals).toEqual({
      'deadline-later': 0, 'deadline-earlier': 0, 'newly-overdue': 2, 'still-overdue': 0, stalled: 2, 'went-back': 0, done: 2, 'lead-changed': 0, added: 0, removed: 0,
    });
  });
});
