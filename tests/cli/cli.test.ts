/**
 * The taizhang command as users run it: node bin/taizhang.js after `npm run build:cli`.
 * Exit codes, one-line stderr, the JSON contract and --out.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');
const SAMPLE = path.join('samples', '整改台账-示例.xlsx');
const LO = path.join('tests', 'fixtures', 'libreoffice');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-'));

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: ROOT });
}, 120000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CHECK = ['check', SAMPLE, '--start', '2022-02-24', '--as-of', '2022-07-15'];

describe('exit 2 with one clear line on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /taizhang check/],
    ['unknown command', ['frobnicate'], /frobnicate/],
    ['unknown option', ['check', SAMPLE, '--bogus'], /--bogus/],
    ['missing value', ['check', SAMPLE, '--as-of'], /--as-of/],
    ['a bad date', ['check', SAMPLE, '--as-of', '2022-02-30'], /--as-of.*2022-02-30.*YYYY-MM-DD/],
    ['a negative number', ['check', SAMPLE, '--due-soon-days', '-3'], /--due-soon-days.*-3/],
    ['a bad language', ['check', SAMPLE, '--lang', 'fr'], /--lang.*fr/],
    ['no file', ['check'], /check/],
    ['two files for check', ['check', SAMPLE, SAMPLE], /check/],
    ['a missing file', ['check', 'nope.xlsx'], /找不到文件“nope\.xlsx”/],
    ['a legacy .xls', ['check', path.join(LO, 'ledger-two-row-header.xls')], /\.xls.*另存为.*\.xlsx/],
    ['a CSV', ['check', path.join(LO, 'english-tracker.csv')], /不是 Excel 工作簿/],
    ['a sheet that does not exist', ['check', SAMPLE, '--sheet', '不存在'], /不存在.*整改台账/],
    ['a sheet without a ledger', ['check', SAMPLE, '--sheet', '统计'], /序号.*整改措施.*完成时限/],
    ['--out is the input', [...CHECK, '--out', SAMPLE], /--out/],
    ['--out not .xlsx', [...CHECK, '--out', 'x.csv'], /--out/],
    ['--out in a folder that does not exist', [...CHECK, '--out', 'nowhere/x.xlsx'], /--out.*nowhere.*不存在/],
    ['--out .xlsm for a workbook without macros', [...CHECK, '--out', path.join(os.tmpdir(), 'x.xlsm')], /不含宏，--out 请以 \.xlsx 结尾/],
    ['summary --out .xlsm', ['summary', SAMPLE, '--out', 'x.xlsm'], /summary 的 --out 须以 \.xlsx 结尾/],
  ];
  test.each(cases)('%s', (_name, args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  test('English errors with --lang en', () => {
    const r = run(['check', 'nope.xlsx', '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('taizhang: File "nope.xlsx" was not found. Check the path.');
  });

  test('truncated, encrypted and empty workbooks', () => {
    const bytes = fs.readFileSync(path.join(ROOT, SAMPLE));
    const half = path.join(dir, 'half.xlsx');
    fs.writeFileSync(half, bytes.subarray(0, bytes.length >> 1));
    expect(run(['check', half]).stderr).toMatch(/已损坏或不完整/);

    const cfb = Buffer.alloc(1024);
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(cfb, 0);
    Buffer.from('EncryptedPackage', 'utf16le').copy(cfb, 512);
    const secret = path.join(dir, 'secret.xlsx');
    fs.writeFileSync(secret, cfb);
    const r = run(['check', secret]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/密码/);
  });
});

test('the empty workbook message', async () => {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  const file = path.join(dir, 'blank.xlsx');
  await wb.xlsx.writeFile(file);
  const r = run(['check', file]);
  expect(r.code).toBe(2);
  expect(r.stderr).toMatch(/没有任何内容/);
});

test('--help prints usage and exits 0', () => {
  const r = run(['--help']);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('taizhang check <台账.xlsx>');
  expect(run(['check', '--help', '--lang', 'en']).stdout).toContain('Exit codes');
});

test('an internal error is one line, with the stack only under TAIZHANG_DEBUG=1', () => {
  // A directory named .xlsx whose "file" cannot be renamed onto: force a write failure inside --out.
  const target = path.join(dir, 'is-a-dir.xlsx');
  fs.mkdirSync(path.join(target, 'inside'), { recursive: true });
  const r = run([...CHECK, '--out', target]);
  expect(r.code).toBe(2);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).toMatch(/TAIZHANG_DEBUG=1/);
  const d = run([...CHECK, '--out', target], { TAIZHANG_DEBUG: '1' });
  expect(d.code).toBe(2);
  expect(d.stderr.split('\n').length).toBeGreaterThan(2);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

describe('check --json', () => {
  let json: Record<string, any>;
  beforeAll(() => {
    const r = run([...CHECK, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    json = JSON.parse(r.stdout);
  });

  test('has exactly the contract keys', () => {
    expect(Object.keys(json)).toEqual(['file', 'sheet', 'asOf', 'header', 'items', 'findings', 'totals']);
    expect(json.file).toBe(SAMPLE);
    expect(json.sheet).toBe('整改台账');
    expect(json.asOf).toBe('2022-07-15');
    expect(json.header.rows).toEqual([3, 4]);
    expect(json.header.columns).toMatchObject({ seq: 'A', problem: 'B', measure: 'C', leader: 'D', leadDept: 'E', deadline: 'G', progress: 'H', status: 'I' });
    for (const item of json.items) {
      expect(Object.keys(item)).toEqual(['row', 'seq', 'aspect', 'problem', 'measure', 'leader', 'leadDept', 'deadline', 'state', 'flag', 'daysLeft']);
      expect(Object.keys(item.deadline)).toEqual(['text', 'kind', 'due', 'ongoing']);
      expect(['date', 'immediate', 'long-term', 'none', 'unparsed']).toContain(item.deadline.kind);
      expect(['not-started', 'in-progress', 'basically-done', 'done', 'closed', 'unknown']).toContain(item.state);
      expect(['done', 'overdue', 'due-soon', 'on-track', 'long-term', 'no-deadline']).toContain(item.flag);
    }
    for (const f of json.findings) {
      expect(Object.keys(f)).toEqual(['rule', 'severity', 'cell', 'row', 'message']);
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    }
    expect(Object.keys(json.totals)).toEqual(['items', 'done', 'overdue', 'dueSoon', 'onTrack', 'longTerm', 'noDeadline']);
  });

  test('totals add up and match the items', () => {
    const t = json.totals;
    expect(t.items).toBe(json.items.length);
    expect(t.done + t.overdue + t.dueSoon + t.onTrack + t.longTerm + t.noDeadline).toBe(t.items);
    expect(t.overdue).toBe(json.items.filter((i: any) => i.flag === 'overdue').length);
  });

  test('the sample reads as the ledger it is', () => {
    expect(json.items).toHaveLength(40);
    const first = json.items[0];
    expect(first).toMatchObject({ row: 6, seq: '1', problem: expect.stringContaining('学习贯彻'), aspect: expect.stringContaining('党的领导') });
    const overdue = json.items.find((i: any) => i.deadline.text === '2022年6月底前' && i.flag === 'overdue');
    expect(overdue).toMatchObject({ deadline: { kind: 'date', due: '2022-06-30', ongoing: false }, daysLeft: -15 });
    expect(json.findings.some((f: any) => f.rule === 'deadline-unparsed' && f.severity === 'error')).toBe(true);
  });

  test('the same answer as the in-memory path (--out)', () => {
    const out = path.join(dir, 'same.xlsx');
    const r = run([...CHECK, '--json', '--out', out]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(json);
    expect(fs.existsSync(out)).toBe(true);
  });
});

test('--strict exits 1 when error findings exist, 0 otherwise', () => {
  expect(run([...CHECK, '--strict', '--json']).code).toBe(1);
  expect(run(['check', path.join(LO, 'english-tracker.xlsx'), '--as-of', '2022-07-15', '--strict']).code).toBe(0);
});

test('the report: Chinese by default, English with --lang en', () => {
  const zh = run(CHECK);
  expect(zh.code).toBe(0);
  expect(zh.stdout).toContain('整改台账检查结果');
  expect(zh.stdout).toContain('共 40 项整改措施');
  expect(zh.stdout).toContain('逾期与临期事项');
  expect(zh.stdout).toMatch(/检查问题（错误 \d+ 条，提示 \d+ 条）/);
  expect(zh.stdout.indexOf('逾期与临期事项')).toBeLessThan(zh.stdout.indexOf('检查问题'));
  const en = run([...CHECK, '--lang', 'en']);
  expect(en.stdout).toContain('Ledger check');
  expect(en.stdout).toContain('Overdue and due soon');
  expect(en.stdout).toContain('Overdue');
});

test('--out writes the checked copy and leaves the input alone', () => {
  const before = fs.readFileSync(path.join(ROOT, SAMPLE));
  const out = path.join(dir, '已检查.xlsx');
  const r = run([...CHECK, '--out', out]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain(out);
  expect(fs.readFileSync(path.join(ROOT, SAMPLE)).equals(before)).toBe(true);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  // A re-check of the output finds the same items.
  const again = run(['check', out, '--start', '2022-02-24', '--as-of', '2022-07-15', '--json']);
  expect(JSON.parse(again.stdout).totals).toEqual(JSON.parse(run([...CHECK, '--json']).stdout).totals);
});
