/* eslint-disable @typescript-eslint/no-explicit-any -- the parsed --json output is read field by field */
/**
 * The taizhang command as users run it: node bin/taizhang.js after `npm run build:cli`.
 * Exit codes, one-line stderr, the JSON contract and --out.
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');
const SAMPLE = path.join('samples', '整改台账-示例.xlsx');
const LO = path.join('tests', 'fixtures', 'libreoffice');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-'));

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const CHECK = ['check', SAMPLE, '--start', '2022-02-24', '--as-of', '2022-07-15'];

describe('exit 2 with one clear line on stderr', () => {
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /taizhang check/],
    ['unknown command', ['frobnicate'], /frobnicate/],
    ['unknown option', ['check', SAMPLE, '--bogus'], /--bogus/],
    ['missing value', ['check', SAMPLE, '--as-of'], /--as-of/],
    ['a bad date', ['check', SAMPLE, '--as-of', '2022-02-30'], /--as-of.*2022-02-30.*真实的日期，例如 2022-07-15、2022\/7\/15 或 2022年7月15日/],
    ['a negative number', ['check', SAMPLE, '--due-soon-days', '-3'], /--due-soon-days.*-3/],
    ['a bad language', ['check', SAMPLE, '--lang', 'fr'], /--lang.*fr/],
    ['no file', ['check'], /check/],
    ['two files for check', ['check', SAMPLE, SAMPLE], /check/],
    ['a missing file', ['check', 'nope.xlsx'], /找不到文件“nope\.xlsx”/],
    ['a password-protected .xls', ['check', path.join('tests', 'fixtures', 'legacy', 'password_2002_40_xor.xls')], /password_2002_40_xor\.xls.*打开密码.*Excel.*WPS/],
    ['--out x.xls', ['check', path.join(LO, 'ledger-two-row-header.xls'), '--out', 'x.xls'], /--out.*x\.xls.*不写旧版 \.xls\/\.et.*\.xlsx/],
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
  // A defect planted in lib/ before the command starts: the check throws a TypeError.
  const plant = path.join(dir, 'plant-defect.js');
  fs.writeFileSync(plant, 'require(' + JSON.stringify(path.join(ROOT, 'lib', 'core', 'check', 'check.js')) + ').checkWorkbook = () => { throw new TypeError("planted defect"); };');
  const withDefect = (env: Record<string, string>) => spawnSync(process.execPath, ['-r', plant, BIN, ...CHECK], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
  const r = withDefect({});
  expect(r.status).toBe(2);
  expect(r.stderr).toBe('taizhang: 内部错误：planted defect。这是 Taizhang 的缺陷，请把这一行和所用命令报告给维护者（设置环境变量 TAIZHANG_DEBUG=1 可看到详细信息）。\n');
  const d = withDefect({ TAIZHANG_DEBUG: '1' });
  expect(d.status).toBe(2);
  expect(d.stderr).toMatch(/^taizhang: 内部错误：planted defect[^\n]*\nTypeError: planted defect\n\s+at /);
});

test('a folder in the way of --out is the user\'s line, not an internal error, and leaves no temporary file', () => {
  const target = path.join(dir, 'is-a-dir.xlsx');
  fs.mkdirSync(path.join(target, 'inside'), { recursive: true });
  const r = run([...CHECK, '--out', target]);
  expect(r.code).toBe(2);
  expect(r.stderr).toBe('taizhang: 无法写入“' + target + '”：已有同名的文件夹。请换一个输出文件名。\n');
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
    // `start` was added after the first version of the contract (keys are only ever added).
    expect(Object.keys(json)).toEqual(['file', 'sheet', 'asOf', 'start', 'header', 'items', 'findings', 'totals', 'config']);
    expect(json.file).toBe(SAMPLE);
    expect(json.sheet).toBe('整改台账');
    expect(json.asOf).toBe('2022-07-15');
    expect(json.start).toEqual({ date: '2022-02-24', source: '--start' });
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

  test('totals: the sample counted by hand (scripts/make-sample.ts, judged on 2022-07-15 from a start of 2022-02-24)', () => {
    // Done: 已完成/已办结/已落实/已销号/已整改/是/待销号 (rows 6, 7, 12, 13, 14, 17, 18, 21, 32, 47). Overdue: 2022年6月底前 (9, 45),
    // 6月30日前 (25), 2个月内 = 04-24 (20), 立行立改 = 03-26 (33, 34). Due soon: 7月20日 (30), 7月22日 (41), 反馈后5个月内 =
    // 07-24 (48). Long-term: 常态化, 长期坚持, 持续整改. No deadline: 2022年2月30日前, 分阶段整改, 尽快, a blank. On track: the other 14.
    expect(json.totals).toEqual({ items: 40, done: 10, overdue: 6, dueSoon: 3, onTrack: 14, longTerm: 3, noDeadline: 4 });
    const rowsOf = (flag: string) => json.items.filter((i: any) => i.flag === flag).map((i: any) => i.row);
    expect(rowsOf('done')).toEqual([6, 7, 12, 13, 14, 17, 18, 21, 32, 47]);
    expect(rowsOf('overdue')).toEqual([9, 20, 25, 33, 34, 45]);
    expect(rowsOf('due-soon')).toEqual([30, 41, 48]);
    expect(rowsOf('long-term')).toEqual([8, 15, 29]);
    expect(rowsOf('no-deadline')).toEqual([26, 38, 44, 46]);
  });

  test('the sample reads as the ledger it is', () => {
    expect(json.items).toHaveLength(40);
    expect(json.items[0]).toEqual({
      row: 6, seq: '1', aspect: '一、党的领导不够坚强有力，落实党的理论路线方针政策和党中央重大决策部署不到位',
      problem: '（一）学习贯彻落实习近平新时代中国特色社会主义思想不够深入', measure: '严格落实第一议题制度，每次党组会议首先学习习近平总书记最新重要讲话精神',
      leader: '张明', leadDept: '办公室', deadline: { text: '立行立改，长期坚持', kind: 'immediate', due: null, ongoing: true },
      state: 'done', flag: 'done', daysLeft: null,
    });
    expect(json.items.filter((i: any) => i.row === 9)[0]).toMatchObject({ deadline: { text: '2022年6月底前', kind: 'date', due: '2022-06-30', ongoing: false }, flag: 'overdue', daysLeft: -15 });
    expect(json.findings.map((f: any) => [f.rule, f.severity, f.cell])).toEqual([
      ['long-term-no-progress', 'warning', 'H8'],
      ['done-without-evidence', 'warning', 'J13'],
      ['done-without-evidence', 'warning', 'J21'],
      ['lead-dept-missing', 'error', 'E22'],
      ['deadline-unparsed', 'error', 'G26'],
      ['duplicate-seq', 'warning', 'A36'],
      ['deadline-unparsed', 'error', 'G38'],
      ['deadline-unparsed', 'error', 'G44'],
      ['deadline-missing', 'error', 'G46'],
      ['done-without-evidence', 'warning', 'J47'],
    ]);
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
  const lines = zh.stdout.split('\n');
  expect(lines.slice(5, 11)).toEqual([
    '',
    '共 40 项整改措施：已完成 10，逾期 6，临期 3，正常推进 14，长期坚持 3，无期限 4。',
    '',
    '逾期与临期事项',
    '  行号  序号  期限状态  截止日期    剩余/逾期  牵头部门    整改措施',
    '  33    26    逾期      2022-03-26  逾期111天  办公室      落实“三重一大”集体决策制度',
  ]);
  // The most overdue first, then by row; due soon last.
  const late = lines.slice(10, 19).map((l) => l.trim().split(/ +/).slice(0, 5).join(' '));
  expect(late).toEqual([
    '33 26 逾期 2022-03-26 逾期111天', '34 27 逾期 2022-03-26 逾期111天', '20 14 逾期 2022-04-24 逾期82天',
    '9 4 逾期 2022-06-30 逾期15天', '25 19 逾期 2022-06-30 逾期15天', '45 37 逾期 2022-06-30 逾期15天',
    '30 24 临期 2022-07-20 剩余5天', '41 34 临期 2022-07-22 剩余7天', '48 40 临期 2022-07-24 剩余9天',
  ]);
  // Errors first, each on its cell, the rule by its Chinese name.
  expect(lines.slice(19, 23)).toEqual(['', '检查问题（错误 5 条，提示 5 条）', '  单元格  级别  规则              说明', '  E22     错误  未填牵头部门      未填写牵头部门。']);
  expect(lines.slice(27, 33)).toEqual([
    '  H8      提示  长期事项无进展    长期坚持事项未填写整改进展。',
    '  J13     提示  已完成但无佐证    已标记完成，但佐证材料为空。',
    '  J21     提示  已完成但无佐证    已标记完成，但佐证材料为空。',
    '  A36     提示  序号重复          序号“26”与第33行重复。',
    '  J47     提示  已完成但无佐证    已标记完成，但佐证材料为空。',
    '',
  ]);
  expect(lines).toHaveLength(33);
  const en = run([...CHECK, '--lang', 'en']).stdout.split('\n');
  expect(en.slice(0, 11)).toEqual([
    'Ledger check',
    'File: samples/整改台账-示例.xlsx',
    'Sheet: 整改台账',
    'Header: rows 3–4; No. A, Problem B, Measure C, Leader D, Lead department E, Supporting department F, Deadline G, Progress H, Status I, Evidence J, Notes K',
    'As of: 2022-07-15    Start: 2022-02-24',
    '',
    '40 measures: 10 done, 6 overdue, 3 due soon, 14 on track, 3 long-term, 4 without a deadline.',
    '',
    'Overdue and due soon',
    '  Row  No.  Deadline status  Due date    Days              Lead department  Measure',
    '  33   26   Overdue          2022-03-26  111 days overdue  办公室           落实“三重一大”集体决策制度',
  ]);
  expect(en[20]).toBe('Findings (5 errors, 5 warnings)');
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

/** Writes a one-sheet workbook of `rows` (header included) and returns its path. */
async function workbook(name: string, rows: unknown[][]): Promise<string> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('整改台账');
  rows.forEach((r) => ws.addRow(r));
  const file = path.join(dir, name);
  await wb.xlsx.writeFile(file);
  return file;
}

const HEADER = ['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '完成状态'];
/** The finding's message, shared with the task pane (in the JSON). */
const START_FINDING =
  '2项整改措施的完成时限从整改起始日期起算（如“反馈后1个月内”“立行立改”），但未提供起始日期：请用 --start YYYY-MM-DD 指定（在任务窗格中填写“整改起始日期”）。';
/** The command line's own line: what to do in the CLI, no word of the task pane. */
const START_LINE =
  '有 2 项整改措施的完成时限从整改起始日起算（如“反馈后1个月内”“立行立改”），但没有给出起始日：请加上 --start 和巡视反馈的日期，例如 --start 2022-02-24。';

describe('without --start', () => {
  let titled: string;
  let yearless: string;
  beforeAll(async () => {
    titled = await workbook('titled.xlsx', [
      ['2022年市委第三巡察组反馈意见整改落实台账'],
      HEADER,
      [1, '理论学习不深入', '制定学习计划', '办公室', '9月底前', '正在推进'],
      [2, '制度不健全', '修订制度', '财务处', '年底前', '已完成'],
    ]);
    yearless = await workbook('yearless.xlsx', [
      ['某局巡视整改落实台账'],
      HEADER,
      [1, '问题甲', '压减文件', '办公室', '反馈后1个月内', '正在推进'],
      [2, '问题甲', '清理台账', '办公室', '立行立改', '正在推进'],
      [3, '问题乙', '建立机制', '人事处', '长期坚持', '正在推进'],
    ]);
  });

  test('the year comes from the title, and JSON says so', () => {
    const r = run(['check', titled, '--as-of', '2024-07-15', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout);
    expect(json.start).toEqual({ year: 2022, source: 'title' });
    expect(json.items.map((i: any) => [i.deadline.text, i.deadline.due, i.flag])).toEqual([
      ['9月底前', '2022-09-30', 'overdue'],
      ['年底前', '2022-12-31', 'done'],
    ]);
    expect(run(['check', titled, '--as-of', '2024-07-15']).stdout).toContain('检查日期：2024-07-15    起始年份：2022（据标题）\n');
  });

  test('the sample states its year in the 填报时间 row', () => {
    const r = run(['check', SAMPLE, '--as-of', '2022-07-15', '--json']);
    expect(JSON.parse(r.stdout).start).toEqual({ year: 2022, source: 'filled-in' });
  });

  test('no year anywhere: the report carries one clear line about the start date', () => {
    const r = run(['check', yearless, '--as-of', '2022-07-15']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout.split('\n');
    const at = lines.indexOf(START_LINE);
    expect(lines[at - 1]).toBe('检查日期：2022-07-15');
    // Once, at the top; the finding among the others points there.
    expect(r.stdout.split(START_LINE)).toHaveLength(2);
    expect(r.stdout).not.toContain('任务窗格');
    expect(r.stdout).toMatch(/E2 +提示 +未提供整改起始日 +见上方关于 --start 的说明。\n/);
  });

  test('no year anywhere, --json: start is null, the line goes to stderr and the finding into the JSON', () => {
    const r = run(['check', yearless, '--as-of', '2022-07-15', '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('taizhang: ' + START_LINE + '\n');
    const json = JSON.parse(r.stdout);
    expect(json.start).toBeNull();
    expect(json.findings.map((f: any) => [f.rule, f.severity, f.cell])).toEqual([
      ['start-missing', 'warning', 'E2'],
      ['deadline-needs-start', 'warning', 'E3'],
      ['deadline-needs-start', 'warning', 'E4'],
    ]);
    expect(json.findings[0].message).toBe(START_FINDING);
    // A warning, not an error: --strict passes.
    expect(run(['check', yearless, '--as-of', '2022-07-15', '--strict', '--json']).code).toBe(0);
  });

  test('summary says it once for all its ledgers', () => {
    const out = path.join(dir, 'start-summary.xlsx');
    const r = run(['summary', yearless, titled, '--as-of', '2022-07-15', '--out', out, '--json']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('taizhang: ' + START_LINE + '\n');
    expect(JSON.parse(r.stdout).files.map((f: any) => f.start)).toEqual([null, { year: 2022, source: 'title' }]);
  });
});

describe('--due-soon-days and --immediate-days reach the engine', () => {
  let file: string;
  beforeAll(async () => {
    file = await workbook('options.xlsx', [
      HEADER,
      [1, '问题甲', '十五天后到期', '办公室', '2022年7月30日', '正在推进'],
      [2, '问题甲', '立行立改', '办公室', '立行立改', '正在推进'],
    ]);
  });
  const BASE = ['--start', '2022-06-20', '--as-of', '2022-07-15', '--json'];
  const flags = (json: any) => json.items.map((i: any) => [i.flag, i.daysLeft]);

  test('check: the defaults, then each option alone', () => {
    const defaults = JSON.parse(run(['check', file, ...BASE]).stdout);
    // 立行立改 from 2022-06-20 + 30 days = 2022-07-20: 5 days left, within the 10-day window.
    expect(flags(defaults)).toEqual([['on-track', 15], ['due-soon', 5]]);
    const soon = JSON.parse(run(['check', file, ...BASE, '--due-soon-days', '15']).stdout);
    expect(flags(soon)).toEqual([['due-soon', 15], ['due-soon', 5]]);
    const immediate = JSON.parse(run(['check', file, ...BASE, '--immediate-days', '45']).stdout);
    expect(flags(immediate)).toEqual([['on-track', 15], ['on-track', 20]]);
  });

  test('check --out (the in-memory path) passes them on too', () => {
    const out = path.join(dir, 'options-checked.xlsx');
    const r = JSON.parse(run(['check', file, ...BASE, '--due-soon-days', '15', '--immediate-days', '45', '--out', out]).stdout);
    expect(flags(r)).toEqual([['due-soon', 15], ['on-track', 20]]);
  });

  test('summary passes them on', () => {
    const out = path.join(dir, 'options-summary.xlsx');
    const r = JSON.parse(run(['summary', file, ...BASE, '--due-soon-days', '15', '--immediate-days', '45', '--out', out]).stdout);
    expect(flags(r)).toEqual([['due-soon', 15], ['on-track', 20]]);
  });
});

describe('a big ledger: the report is cut to 50 lines a list, and a reader may stop early', () => {
  // 3,000 measures: every third deadline impossible (2022年2月30日: an error, no deadline), the rest
  // 2022年6月底前 (15 days overdue on 2022-07-15), every seventh 牵头部门 blank (an error). So 2,000
  // overdue items and 1,000 + 428 = 1,428 error findings.
  let big: string;
  beforeAll(async () => {
    const rows: unknown[][] = [HEADER];
    for (let i = 1; i <= 3000; i++) {
      rows.push([i, '问题' + i, '措施' + i + '：建立健全工作机制', i % 7 ? '办公室' : '', i % 3 ? '2022年6月底前' : '2022年2月30日', '正在推进']);
    }
    big = await workbook('big.xlsx', rows);
  }, 60000);
  const BIG = () => ['check', big, '--as-of', '2022-07-15'];

  test('the first 50 overdue items and the first 50 findings, then one line each saying how many more and where they are', () => {
    const r = run(BIG());
    expect([r.code, r.stderr]).toEqual([0, '']);
    const lines = r.stdout.split('\n');
    expect(lines.slice(5, 8)).toEqual(['', '共 3000 项整改措施：已完成 0，逾期 2000，临期 0，正常推进 0，长期坚持 0，无期限 1000。', '']);
    const late = lines.indexOf('逾期与临期事项');
    const findings = lines.indexOf('检查问题（错误 1428 条，提示 0 条）');
    // The heading, the column names, 50 items, the line about the 1,950 others, a blank line.
    expect(findings - late).toBe(1 + 1 + 50 + 1 + 1);
    expect(lines[late + 2]).toMatch(/^ {2}2 +1 +逾期 +2022-06-30 +逾期15天 +办公室 +措施1：建立健全工作机制$/);
    expect(lines[late + 51]).toMatch(/^ {2}75 +74 +逾期 +2022-06-30 +逾期15天 +办公室 +措施74：建立健全工作机制$/);
    expect(lines[late + 52]).toBe('  ……另有1950项未列出：全部事项见 --json 的输出，或 --out 写出的检查后台账。');
    // The findings: the column names, 50 of them, the line about the 1,378 others, the end.
    expect(lines.slice(findings + 52)).toEqual(['  ……另有1378条未列出：全部检查问题见 --json 的输出（--out 写出的检查后台账在各事项的检查意见中注明）。', '']);
    expect(lines).toHaveLength(findings + 54);
    // All of them are in --json.
    const json = JSON.parse(run([...BIG(), '--json']).stdout);
    expect([json.items.length, json.findings.length]).toEqual([3000, 1428]);
  });

  test('in English', () => {
    const lines = run([...BIG(), '--lang', 'en']).stdout.split('\n');
    expect(lines).toContain('  ... 1950 more not shown: --json prints them all, and so does the checked ledger --out writes.');
    expect(lines).toContain("  ... 1378 more not shown: --json prints them all; in the checked ledger --out writes, each is in its item's Check notes.");
  });

  test('a ledger of fewer items than the limit is shown whole, with no such line', () => {
    expect(run(CHECK).stdout).not.toMatch(/另有\d+[项条]未列出/);
  });

  /** `taizhang args | head -3` in bash with pipefail: the exit status is taizhang's own, head's is 0. */
  function throughHead(args: string[]) {
    const r = spawnSync('bash', ['-c', 'set -o pipefail; "$NODE" "$BIN" "$@" | head -3', 'taizhang', ...args], {
      cwd: ROOT, encoding: 'utf8', env: { ...process.env, NODE: process.execPath, BIN },
    });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  test('taizhang check … --json | head -3: the three lines, nothing on stderr, and the check\'s own exit code', () => {
    const head = ['{', '  "file": ' + JSON.stringify(big) + ',', '  "sheet": "整改台账",', ''].join('\n');
    expect(throughHead([...BIG(), '--json'])).toEqual({ code: 0, stdout: head, stderr: '' });
    // With --strict the errors still make it 1: the reader stopping early changes no verdict.
    expect(throughHead([...BIG(), '--json', '--strict'])).toEqual({ code: 1, stdout: head, stderr: '' });
    expect(throughHead(BIG())).toEqual({ code: 0, stdout: '整改台账检查结果\n文件：' + big + '\n工作表：整改台账\n', stderr: '' });
  });

  test('a reader that closes the pipe after the first chunk: no stack trace, the exit code of the check', async () => {
    const child = spawn(process.execPath, [BIN, ...BIG(), '--json', '--strict'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (b: Buffer) => (err += b.toString()));
    const first = await new Promise<string>((resolve) => child.stdout.once('data', (b: Buffer) => resolve(b.toString())));
    // 1.2 MB of JSON does not fit the pipe: the command is still writing when the reader goes.
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.once('close', (c: number | null) => resolve(c)));
    expect(first.slice(0, 12)).toBe('{\n  "file": ');
    expect({ code, err }).toEqual({ code: 1, err: '' });
  });
});
