/**
 * `taizhang summary` as users run it (node bin/taizhang.js after `npm run build:cli`): exit codes,
 * one-line errors that name the file, the JSON in the shape of check --json, the report and the files.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');
const SAMPLE = path.join('samples', '整改台账-示例.xlsx');
const SAMPLE_TWO = path.join('samples', '整改台账-示例-二.xlsx');
const LEGACY = path.join('tests', 'fixtures', 'legacy');
const DATES = ['--start', '2022-02-24', '--as-of', '2022-07-15'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-summary-'));

/** A clean ledger: no error findings. */
const CLEAN = path.join(dir, 'clean.xlsx');
/** A workbook with no ledger in it. */
const NO_LEDGER = path.join(dir, '通讯录.xlsx');
/** The sample cut short, as an interrupted download leaves it. */
const TRUNCATED = path.join(dir, 'truncated.xlsx');

beforeAll(async () => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态']);
  ws.addRow([1, '制度不健全', '修订管理办法', '张明', '办公室', '2022年6月30日', '已印发', '已完成']);
  ws.addRow([2, '制度不健全', '开展专项检查', '李华', '财务处', '2022年12月31日', '检查方案已制定', '正在推进']);
  await wb.xlsx.writeFile(CLEAN);
  const other = new ExcelJS.Workbook();
  other.addWorksheet('通讯录').addRows([['姓名', '电话'], ['王某某', '12345678']]);
  await other.xlsx.writeFile(NO_LEDGER);
  const bytes = fs.readFileSync(path.join(ROOT, SAMPLE));
  fs.writeFileSync(TRUNCATED, bytes.subarray(0, Math.floor(bytes.length / 2)));
}, 120000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function out(name: string): string {
  return path.join(dir, name);
}

describe('exit 2 with one line on stderr that names the file', () => {
  /** [name, args, stderr, an --out that must not exist afterwards ('' for none)] */
  const cases: [string, () => string[], RegExp, string][] = [
    ['no file', () => ['summary', '--out', out('a.xlsx')], /summary.*台账\.xlsx/, 'a.xlsx'],
    ['no --out and no --json', () => ['summary', SAMPLE], /--out/, ''],
    ['a missing file, alone', () => ['summary', 'nope.xlsx', '--out', out('b.xlsx')], /找不到文件“nope\.xlsx”/, 'b.xlsx'],
    ['a password-protected .xls, alone', () => ['summary', path.join(LEGACY, 'password_2002_40_xor.xls'), '--out', out('c.xlsx')], /password_2002_40_xor\.xls.*打开密码/, 'c.xlsx'],
    ['a truncated file, alone', () => ['summary', TRUNCATED, '--out', out('d.xlsx')], /truncated\.xlsx.*损坏或不完整/, 'd.xlsx'],
    ['a workbook with no ledger, alone', () => ['summary', NO_LEDGER, '--out', out('e.xlsx')], /通讯录\.xlsx.*整改措施/, 'e.xlsx'],
    ['a sheet missing from one file', () => ['summary', SAMPLE_TWO, '--sheet', '整改台账', '--out', out('f.xlsx')], /整改台账-示例-二\.xlsx.*整改台账.*巡察整改台账/, 'f.xlsx'],
    ['--out is an input', () => ['summary', SAMPLE, SAMPLE_TWO, '--out', SAMPLE_TWO], /--out/, ''],
    ['a file listed twice', () => ['summary', SAMPLE, './' + SAMPLE, '--out', out('g.xlsx')], /重复/, 'g.xlsx'],
    ['--notices names a file', () => ['summary', SAMPLE, '--out', out('h.xlsx'), '--notices', SAMPLE_TWO], /--notices/, 'h.xlsx'],
    ['--notices without a folder', () => ['summary', SAMPLE, '--out', out('i.xlsx'), '--notices'], /--notices/, 'i.xlsx'],
    ['--out in a folder that does not exist', () => ['summary', SAMPLE, '--out', out('nowhere/k.xlsx')], /--out.*nowhere.*不存在/, 'nowhere'],
  ];
  test.each(cases)('%s', (_name, args, message, written) => {
    const r = run(args());
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    if (written) expect(fs.existsSync(out(written))).toBe(false);
  });

  test('in English with --lang en', () => {
    const r = run(['summary', SAMPLE_TWO, '--sheet', 'Ledger', '--out', out('j.xlsx'), '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim()).toBe('taizhang: "' + SAMPLE_TWO + '": There is no sheet named "Ledger". Sheets: 巡察整改台账.');
  });
});

describe('an unusable file beside a good one: the summary is written from the good one, the other is listed, exit 2', () => {
  /** [name, the second file, the stderr line, its reason in --json] */
  const cases: [string, () => string, string, string][] = [
    ['a missing file', () => 'nope.xlsx', 'taizhang: 未纳入汇总：找不到文件“nope.xlsx”，请检查路径是否正确。', 'unusable'],
    ['a password-protected .xls', () => path.join(LEGACY, 'password_2002_40_xor.xls'), 'taizhang: 未纳入汇总：“' + path.join(LEGACY, 'password_2002_40_xor.xls') + '”设置了打开密码，无法读取。请取消密码后另存一份再检查：Excel 中为 文件 > 信息 > 保护工作簿 > 用密码进行加密，WPS 中为 文件 > 文档加密 > 密码加密。', 'unusable'],
    ['a truncated file', () => TRUNCATED, 'taizhang: 未纳入汇总：文件“' + TRUNCATED + '”已损坏或不完整，无法读取。请在 Excel 中打开并重新保存为 .xlsx 后再试。', 'unusable'],
    ['a workbook with no ledger', () => NO_LEDGER, 'taizhang: 未纳入汇总：“通讯录.xlsx”中没有找到可识别的整改台账表头。请确认表头包含以下列中的几列：序号、存在问题、整改措施、责任领导、牵头部门、完成时限、整改进展、完成状态。', 'unusable'],
  ];
  test.each(cases)('%s', (name, second, line, reason) => {
    const file = out('partial-' + name.replace(/ /g, '-') + '.xlsx');
    const r = run(['summary', SAMPLE, second(), ...DATES, '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(line + '\n');
    expect(r.stdout).toContain('来源：1 个台账\n  整改台账-示例.xlsx（工作表“整改台账”，40 项）\n未纳入汇总的文件 1 个（原因见上方提示，汇总工作簿的总览中也已列出）。\n');
    expect(fs.existsSync(file)).toBe(true);
    const json = JSON.parse(run(['summary', SAMPLE, second(), ...DATES, '--json']).stdout);
    expect(json.totals.items).toBe(40);
    expect(json.skipped).toEqual([{ path: second(), reason, message: line.replace('taizhang: 未纳入汇总：', '') }]);
  });
});

describe('a summary that works', () => {
  test('writes the workbook and the notices, says where, and exits 0', () => {
    const file = out('汇总.xlsx');
    const notices = out('督办单');
    const r = run(['summary', SAMPLE, SAMPLE_TWO, ...DATES, '--out', file, '--notices', notices]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('来源：2 个台账');
    expect(r.stdout).toContain('整改台账-示例.xlsx（工作表“整改台账”，40 项）');
    expect(r.stdout).toContain('整改台账-示例-二.xlsx（工作表“巡察整改台账”，16 项）');
    expect(r.stdout).toContain('共 56 项整改措施：已完成 13，逾期 9，临期 6，正常推进 19，长期坚持 4，无期限 5。');
    expect(r.stdout).toContain('完成率 23.2%');
    expect(r.stdout).toContain('已写出汇总工作簿：' + file);
    // The lead departments with overdue or due-soon items in either ledger (the joint 办公室、财务处 counts for both).
    const written = fs.readdirSync(notices).filter((f) => f.endsWith('.xlsx')).sort();
    expect(written).toEqual(['办公室', '人事处', '宣传科', '政策研究处', '机关党委', '机关纪委', '财务处'].map((d) => '督办单-' + d + '.xlsx').sort());
    expect(r.stdout).toContain('已写出督办单 7 份，位于：' + notices);
    expect(fs.statSync(file).size).toBeGreaterThan(5000);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  test('speaks English with --lang en', () => {
    const file = out('summary-en.xlsx');
    const r = run(['summary', SAMPLE, ...DATES, '--out', file, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Ledger summary');
    expect(r.stdout).toContain('40 measures: 10 done, 6 overdue, 3 due soon');
    expect(r.stdout).toContain('Summary workbook written to ' + file);
  });

  test('--strict: exit 1 when error findings exist, 0 when none; the workbook is written either way', () => {
    const a = run(['summary', SAMPLE, ...DATES, '--out', out('strict-a.xlsx'), '--strict']);
    expect(a.code).toBe(1);
    expect(fs.existsSync(out('strict-a.xlsx'))).toBe(true);
    const b = run(['summary', CLEAN, ...DATES, '--out', out('strict-b.xlsx'), '--strict']);
    expect(b.stderr).toBe('');
    expect(b.code).toBe(0);
    expect(run(['summary', SAMPLE, ...DATES, '--out', out('strict-c.xlsx')]).code).toBe(0);
  });
});

describe('the notice options', () => {
  test('--notice-number, --issuer and --reply-days go into every notice and every footer', async () => {
    const file = out('options.xlsx');
    const notices = out('options-notices');
    const r = run(['summary', SAMPLE, ...DATES, '--out', file, '--notices', notices, '--notice-number', '〔2022〕第12号', '--issuer', '巡察整改办', '--reply-days', '5']);
    expect([r.code, r.stderr]).toEqual([0, '']);
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(notices, '督办单-财务处.xlsx')));
    const sheet = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheet).toContain('<t>〔2022〕第12号</t>');
    // Five working days after Friday 15 July 2022: Friday 22 July.
    expect(sheet).toContain('请于2022年7月22日前将整改进展及说明（填入上表最后一列）报送巡察整改办。');
    expect(sheet).toContain('<t>巡察整改办</t>');
    expect(sheet).not.toContain('盖章');
    const summary = await JSZip.loadAsync(fs.readFileSync(file));
    for (let i = 1; i <= 7; i++) {
      expect((await summary.file('xl/worksheets/sheet' + i + '.xml')!.async('string'))).toContain('<oddFooter>&amp;L巡察整改办&amp;C');
    }
  });

  test.each([
    [['--reply-days', 'three'], /--reply-days/],
    [['--reply-days', '-1'], /--reply-days/],
    [['--issuer', '  '], /--issuer.*发文单位/],
    [['--notice-number', ''], /--notice-number.*文号/],
  ])('%j is refused with one line', (args, message) => {
    const r = run(['summary', SAMPLE, ...DATES, '--out', out('refused.xlsx'), ...(args as string[])]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message as RegExp);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(fs.existsSync(out('refused.xlsx'))).toBe(false);
  });

  test('a notice that cannot be written: the others are, the report says so, one line on stderr and exit 2', () => {
    const notices = out('blocked');
    fs.mkdirSync(path.join(notices, '督办单-财务处.xlsx'), { recursive: true });
    const r = run(['summary', SAMPLE, ...DATES, '--out', out('blocked.xlsx'), '--notices', notices]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('taizhang: 1 份督办单未能写出（其余已写出）：财务处（无法写入“' + path.join(notices, '督办单-财务处.xlsx') + '”：已有同名的文件夹。请换一个输出文件名。）\n');
    const written = fs.readdirSync(notices).filter((f) => fs.statSync(path.join(notices, f)).isFile()).sort();
    // The sample's six lagging departments but 财务处, whose file name is taken by a folder.
    // (机关党委's one item is only due soon: a 提醒单.)
    expect(written).toEqual(['办公室', '人事处', '政策研究处', '机关纪委'].map((d) => '督办单-' + d + '.xlsx').concat(['提醒单-机关党委.xlsx']).sort());
    // Four 督办单 and the one 提醒单 written, each kind counted by its own word.
    expect(r.stdout).toContain('已写出督办单 4 份、提醒单 1 份');
    expect(fs.existsSync(out('blocked.xlsx'))).toBe(true);
  });

  test('names 督办单 and 提醒单 apart in English too', () => {
    const notices = out('notices-en');
    const r = run(['summary', SAMPLE, ...DATES, '--out', out('en.xlsx'), '--notices', notices, '--lang', 'en']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('5 supervision notice(s) and 1 reminder(s) written to ' + notices + '\n');
    expect(r.stdout).toContain('  机关党委: 提醒单-机关党委.xlsx\n');
  });

  test('--help names the options', () => {
    const zh = run(['--help']).stdout;
    for (const o of ['--notice-number', '--issuer', '--reply-days']) expect(zh).toContain(o);
    expect(run(['--help', '--lang', 'en']).stdout).toContain('--reply-days N          summary: working days after --as-of');
  });
});

describe('summary --json', () => {
  type Json = Record<string, unknown> & { items: Record<string, unknown>[]; findings: Record<string, unknown>[]; totals: Record<string, number> };
  let both: Json;
  let checks: Json[];

  beforeAll(() => {
    const r = run(['summary', SAMPLE, SAMPLE_TWO, ...DATES, '--json']);
    expect(r.code).toBe(0);
    both = JSON.parse(r.stdout) as Json;
    checks = [SAMPLE, SAMPLE_TWO].map((f) => JSON.parse(run(['check', f, ...DATES, '--json']).stdout) as Json);
  });

  test('totals: the two samples counted by hand, and each file\'s own', () => {
    // The sample: 40 (done 10, overdue 6, due soon 3, on track 14, long-term 3, no deadline 4; see cli.test.ts). The second:
    // 16, done 3 (rows 3 and 12 closed by 销号时间, 立行立改 已完成), overdue 3 (7月10日, 6月底, 6月30日), due soon 3
    // (7月20日, 7月22日, 7月中旬 = 07-20), long-term 1 (常态化), no deadline 1 (blank), on track the other 5.
    expect(both.totals).toEqual({ items: 56, done: 13, overdue: 9, dueSoon: 6, onTrack: 19, longTerm: 4, noDeadline: 5 });
    expect((both.files as { totals: unknown }[]).map((f) => f.totals)).toEqual([
      { items: 40, done: 10, overdue: 6, dueSoon: 3, onTrack: 14, longTerm: 3, noDeadline: 4 },
      { items: 16, done: 3, overdue: 3, dueSoon: 3, onTrack: 5, longTerm: 1, noDeadline: 1 },
    ]);
    expect(Object.keys(both)).toEqual(['asOf', 'files', 'items', 'findings', 'totals', 'skipped', 'config']);
    expect(both.skipped).toEqual([]);
    expect(both.asOf).toBe('2022-07-15');
  });

  test('items have the shape of check --json, with file and sheet', () => {
    expect(both.items).toHaveLength(56);
    const expected = checks[0].items.map((i) => ({ file: '整改台账-示例.xlsx', sheet: '整改台账', ...i }))
      .concat(checks[1].items.map((i) => ({ file: '整改台账-示例-二.xlsx', sheet: '巡察整改台账', ...i })));
    expect(both.items).toEqual(expected);
    expect(Object.keys(both.items[0])).toEqual(['file', 'sheet', ...Object.keys(checks[0].items[0])]);
  });

  test('findings carry file and sheet; files lists each ledger with its header and totals', () => {
    // The sample's ten findings, then the second's one (its blank 整改时限 in H15).
    expect(both.findings.map((f) => [f.file, f.sheet, f.rule, f.cell])).toEqual([
      ...[['long-term-no-progress', 'H8'], ['done-without-evidence', 'J13'], ['done-without-evidence', 'J21'], ['lead-dept-missing', 'E22'],
        ['deadline-unparsed', 'G26'], ['duplicate-seq', 'A36'], ['deadline-unparsed', 'G38'], ['deadline-unparsed', 'G44'],
        ['deadline-missing', 'G46'], ['done-without-evidence', 'J47']].map(([rule, cell]) => ['整改台账-示例.xlsx', '整改台账', rule, cell]),
      ['整改台账-示例-二.xlsx', '巡察整改台账', 'deadline-missing', 'H15'],
    ]);
    expect(both.files).toEqual([
      { file: '整改台账-示例.xlsx', path: SAMPLE, sheet: '整改台账', start: { date: '2022-02-24', source: '--start' }, header: checks[0].header, totals: checks[0].totals },
      { file: '整改台账-示例-二.xlsx', path: SAMPLE_TWO, sheet: '巡察整改台账', start: { date: '2022-02-24', source: '--start' }, header: checks[1].header, totals: checks[1].totals },
    ]);
  });
});
