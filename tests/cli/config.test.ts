/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed --json output is read field by field */
/**
 * Words a user can teach (docs/contract.md, "Words a user can teach"): taizhang.json in the working
 * folder or --config FILE, named in the JSON as "config"; a malformed file is one line and exit 2. The
 * same JSON handed to the core as the pane hands it (CheckOptions.taught) gives the same result.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkWorkbook } from '../../src/core/check/check';
import { isTaughtProblem, parseTaught } from '../../src/core/read/taught';
import { readGrids } from '../../src/xlsx';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-config-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A hazard ledger whose office writes 复查合格 for a closed item (no built-in word says so) and 开放 for an open one. */
const ROWS = [
  ['序号', '隐患内容', '责任单位', '整改期限', '整改措施', '隐患状态'],
  [1, '临边未设防护栏杆', '施工一队', '2020-05-10', '设置防护栏杆', '复查合格'],
  [2, '配电箱未上锁', '施工二队', '2020-05-12', '配电箱上锁', '复查合格'],
  [3, '灭火器过期', '施工一队', '2020-05-30', '更换灭火器', '复查合格'],
  [4, '通道堆放杂物', '施工三队', '2020-05-15', '清理通道', '开放'],
];
const TEACH = { status: { closed: ['复查合格'] }, options: { dueSoonDays: 3 } };
const ledger = path.join(dir, 'hazard.xlsx');

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('隐患台账');
  ROWS.forEach((r) => ws.addRow(r));
  await wb.xlsx.writeFile(ledger);
});

const CHECK = ['check', 'hazard.xlsx', '--as-of', '2020-05-20', '--json'];

test('without a file: "config" is null, 复查合格 makes ONE finding listing it with its count, and its items keep their deadline flags', () => {
  const r = run(CHECK, dir);
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout);
  expect(json.config).toBeNull();
  // Due 05-10 and 05-12: overdue; due 05-30: 10 days left, due soon by the default window of 10; 开放 due 05-15: overdue.
  expect(json.items.map((i: any) => [i.state, i.flag])).toEqual([
    ['unknown', 'overdue'],
    ['unknown', 'overdue'],
    ['unknown', 'due-soon'],
    ['not-started', 'overdue'],
  ]);
  const found = json.findings.filter((f: any) => f.rule === 'status-words-unknown');
  expect(found).toHaveLength(1);
  expect(found[0].cell).toBe('F1');
  expect(found[0].message).toContain('“复查合格”（3项）');
  expect(found[0].message).toContain('taizhang.json');
  expect(json.findings.filter((f: any) => f.rule === 'status-unknown')).toEqual([]);
});

test('taizhang.json in the working folder teaches 复查合格 and the due-soon window; the JSON names it', () => {
  const sub = path.join(dir, 'with-file');
  fs.mkdirSync(sub);
  fs.copyFileSync(ledger, path.join(sub, 'hazard.xlsx'));
  fs.writeFileSync(path.join(sub, 'taizhang.json'), JSON.stringify(TEACH));
  const json = JSON.parse(run(CHECK, sub).stdout);
  expect(json.config).toBe('taizhang.json');
  expect(json.items.map((i: any) => [i.state, i.flag])).toEqual([
    ['closed', 'done'],
    ['closed', 'done'],
    ['closed', 'done'],
    ['not-started', 'overdue'],
  ]);
  expect(json.findings.filter((f: any) => f.rule === 'status-words-unknown')).toEqual([]);
  // Three closed, 开放 (due 05-15) overdue.
  expect(json.totals).toEqual({ items: 4, done: 3, overdue: 1, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 });
});

test('--config names another file; the file\'s option default yields to a flag given', () => {
  const teach = path.join(dir, 'office-words.json');
  fs.writeFileSync(teach, JSON.stringify({ status: { 'in-progress': ['复查合格'] }, options: { dueSoonDays: 3 } }));
  const json = JSON.parse(run([...CHECK, '--config', 'office-words.json'], dir).stdout);
  expect(json.config).toBe('office-words.json');
  // 复查合格 taught as in progress; the 05-30 item has 10 days left: on track in the file's window of 3.
  expect(json.items.map((i: any) => i.flag)).toEqual(['overdue', 'overdue', 'on-track', 'overdue']);
  const flagged = JSON.parse(run([...CHECK, '--config', 'office-words.json', '--due-soon-days', '10'], dir).stdout);
  expect(flagged.items.map((i: any) => i.flag)).toEqual(['overdue', 'overdue', 'due-soon', 'overdue']);
});

describe('a malformed file is one line, exit 2', () => {
  test.each<[string, string, RegExp]>([
    ['not JSON', '{"status": ', /配置文件“bad\.json”无效：不是有效的 JSON/],
    ['a state that does not exist', '{"status": {"finished": ["关闭"]}}', /“status\.finished”不是完成状态名/],
    ['words not in an array', '{"status": {"done": "关闭"}}', /“status\.done”应为非空文字的数组/],
    ['an unknown field', '{"headers": {"responsible": ["x"]}}', /“headers\.responsible”不是台账字段名/],
    ['a bad option', '{"options": {"dueSoonDays": "ten"}}', /“options\.dueSoonDays”应为 0 到 99999 的整数/],
  ])('%s', (_name, text, message) => {
    fs.writeFileSync(path.join(dir, 'bad.json'), text);
    const r = run([...CHECK, '--config', 'bad.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });

  test('a --config file that does not exist', () => {
    const r = run([...CHECK, '--config', 'nope.json'], dir);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('taizhang: 找不到文件“nope.json”，请检查路径是否正确。');
  });
});

test('the same JSON handed to the core as the pane hands it gives the same items and flags', async () => {
  const parsed = parseTaught(TEACH);
  if (isTaughtProblem(parsed)) throw new Error('rejected');
  const grids = await readGrids(ledger);
  const core = checkWorkbook(grids, { asOf: '2020-05-20', taught: parsed.taught, dueSoonDays: parsed.options.dueSoonDays });
  const sub = path.join(dir, 'both-hosts');
  fs.mkdirSync(sub);
  fs.copyFileSync(ledger, path.join(sub, 'hazard.xlsx'));
  fs.writeFileSync(path.join(sub, 'taizhang.json'), JSON.stringify(TEACH));
  const cli = JSON.parse(run(CHECK, sub).stdout);
  expect(core.items.map((i) => [i.row, i.state, i.flag])).toEqual(cli.items.map((i: any) => [i.row, i.state, i.flag]));
  expect(core.totals).toEqual(cli.totals);
});
