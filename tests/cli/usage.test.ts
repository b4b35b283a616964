/**
 * The command line's manners: dates as staff write them, options refused where they mean nothing,
 * the nearest option for a typo, a warning for swapped dates, a help page per command within 80
 * columns, long lines wrapped under their own column on a terminal, and compare saying when the
 * two files have almost nothing in common.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cliDate, nearestOption } from '../../src/cli/args';
import { helpText } from '../../src/cli/help';
import { Io, main } from '../../src/cli/main';
import { displayWidth, wrapLine, wrapWidth } from '../../src/cli/wrap';
import { buildBook, worksheet } from '../xlsx/helpers/package';

const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples', '整改台账-示例.xlsx');
const SAMPLE_TWO = path.join(ROOT, 'samples', '整改台账-示例-二.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-usage-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], stdout: { isTTY?: boolean; columns?: number } = {}): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false, ...stdout } as unknown as Io['stdout'],
    stderr: { write: (s: string) => ((err += s), true), isTTY: false } as unknown as Io['stderr'],
    env: {},
    today: () => '2022-07-15',
  };
  const code = await main(argv, io);
  return { code, out, err };
}

describe('dates as staff write them', () => {
  test.each([
    ['2022-07-15', '2022-07-15'],
    ['2022-7-5', '2022-07-05'],
    ['2022/7/15', '2022-07-15'],
    ['2022.7.15', '2022-07-15'],
    ['2022年7月15日', '2022-07-15'],
    ['2022年07月15', '2022-07-15'],
    ['２０２２／７／１５', '2022-07-15'],
    [' 2022 年 7 月 15 日 ', '2022-07-15'],
  ])('%s is %s', (text, iso) => expect(cliDate(text)).toBe(iso));

  test.each([['2022/2/30'], ['2022/13/1'], ['7/15/2022'], ['2022年7月'], ['20220715'], ['2022-07-15T00:00']])('%s is refused', (text) => expect(cliDate(text)).toBeNull());

  test('the report is judged at the date so written', async () => {
    const r = await cli(['check', SAMPLE, '--as-of', '2022年7月15日', '--start', '2022/2/24', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.asOf).toBe('2022-07-15');
    expect(json.start).toEqual({ date: '2022-02-24', source: '--start' });
  });
});

describe('options', () => {
  test.each([
    [['check', SAMPLE, '--notices', 'd'], '选项 --notices 不适用于 check（只用于 summary）。运行 taizhang check --help 查看 check 的选项。'],
    [['compare', SAMPLE, SAMPLE_TWO, '--notices', 'd'], '选项 --notices 不适用于 compare（只用于 summary）。运行 taizhang compare --help 查看 compare 的选项。'],
    [['check', SAMPLE, '--since', '2022-06-30'], '选项 --since 不适用于 check（只用于 summary、compare、report）。运行 taizhang check --help 查看 check 的选项。'],
    [['check', SAMPLE, '--previous', SAMPLE_TWO], '选项 --previous 不适用于 check（只用于 summary、report）。运行 taizhang check --help 查看 check 的选项。'],
    [['check', SAMPLE, '--asof', '2022-07-15'], '未知选项 --asof。是否要用 --as-of？运行 taizhang --help 查看用法。'],
    [['check', SAMPLE, '--as_of=2022-07-15'], '未知选项 --as_of。是否要用 --as-of？运行 taizhang --help 查看用法。'],
    [['check', SAMPLE, '--stat', '2022-02-24'], '未知选项 --stat。是否要用 --start？运行 taizhang --help 查看用法。'],
    [['check', SAMPLE, '--jsno'], '未知选项 --jsno。是否要用 --json？运行 taizhang --help 查看用法。'],
    [['summary', SAMPLE, '--notice', 'd'], '未知选项 --notice。是否要用 --notices？运行 taizhang --help 查看用法。'],
    [['check', SAMPLE, '--colour'], '未知选项 --colour。运行 taizhang --help 查看用法。'],
  ])('%j', async (argv, line) => {
    const r = await cli(argv as string[]);
    expect([r.code, r.err, r.out]).toEqual([2, 'taizhang: ' + line + '\n', '']);
  });

  test('nearestOption: a typo of two letters in a long name, one in a short one, none for another word', () => {
    expect(nearestOption('--due-son-day')).toBe('--due-soon-days');
    expect(nearestOption('--immediate')).toBe('--immediate-days');
    expect(nearestOption('--out-file')).toBe('--out');
    expect(nearestOption('--verbose')).toBeNull();
  });

  test('a start after the as-of date is warned once, and the check goes on', async () => {
    const r = await cli(['check', SAMPLE, '--start', '2022-07-15', '--as-of', '2022-02-24', '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('taizhang: 整改起始日 2022-07-15 晚于判断日期 2022-02-24：请检查 --start 和 --as-of 是否写反。\n');
    expect(JSON.parse(r.out).asOf).toBe('2022-02-24');
  });

  test('-V and --version print the version', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const version = require('../../package.json').version + '\n';
    expect((await cli(['-V'])).out).toBe(version);
    expect((await cli(['--version'])).out).toBe(version);
  });
});

describe('help', () => {
  const pages: [string, string[]][] = [
    ['all', ['--help']],
    ['check', ['check', '--help']],
    ['summary', ['summary', '-h']],
    ['compare', ['help', 'compare']],
  ];

  test.each(pages)('the %s page fits 80 columns in both languages', async (_name, argv) => {
    for (const lang of ['zh', 'en']) {
      const r = await cli([...argv, '--lang', lang]);
      expect(r.code).toBe(0);
      const widest = Math.max(...r.out.split('\n').map(displayWidth));
      expect(widest).toBeLessThanOrEqual(80);
      expect(r.out).toContain('-V, --version');
    }
  });

  test('each command lists its own options and examples, and only those', () => {
    const check = helpText('zh', 'check');
    expect(check).toContain('  taizhang check <台账.xlsx> [选项]\n');
    expect(check).toContain('示例：\n  taizhang check 台账.xlsx --start 2022-02-24\n  taizhang check "D:\\整改\\2022 台账.xlsx" --out 已检查.xlsx\n');
    for (const o of ['--notices', '--since', '--previous', '--issuer', '--reply-days']) expect(check).not.toContain(o);
    const summary = helpText('zh', 'summary');
    for (const o of ['--notices', '--since', '--previous', '--issuer', '--reply-days']) expect(summary).toContain(o);
    expect(summary).toContain('  taizhang summary "*.xlsx" --out 汇总.xlsx --notices 督办单\n');
    const compare = helpText('en', 'compare');
    expect(compare).toContain('  --since DATE            the date the earlier version is judged at (default:\n                          the filing date it states, else its modified date);\n');
    expect(compare).not.toContain('--notices');
    // The page for all commands says which commands an option is for.
    expect(helpText('zh', null)).toContain('  --since 日期            summary/compare/report：上期台账的判断日期');
  });
});

describe('wrapping', () => {
  test('a line wraps at the width, continuing under its hanging indent; closing punctuation stays on its line', () => {
    const line = '  E22     错误  未填写牵头部门  该项措施未填写牵头部门，请补充填写后重新检查，以免漏报逾期事项和督办对象。';
    expect(wrapLine(line, 60, 32).split('\n')).toEqual([
      '  E22     错误  未填写牵头部门  该项措施未填写牵头部门，请补',
      '                                充填写后重新检查，以免漏报逾',
      '                                期事项和督办对象。',
    ]);
    // 60 cells would end the first line at 请补，: the comma does not start the next line, 补 goes down with it.
    expect(wrapLine('  E22     错误  未填写牵头部门  该项措施未填写牵头部门，请补，充填写后重新检查。', 60, 32).split('\n')).toEqual([
      '  E22     错误  未填写牵头部门  该项措施未填写牵头部门，请',
      '                                补，充填写后重新检查。',
    ]);
    expect(wrapLine('Deadline text "2022年13月" is not a date: write it as 2022年12月底前 or 2022-12-31.', 40, 4).split('\n')).toEqual([
      'Deadline text "2022年13月" is not a',
      '    date: write it as 2022年12月底前 or',
      '    2022-12-31.',
    ]);
  });

  test('the width: a terminal\'s own, 80 when it does not say, none for a pipe or a file', () => {
    expect(wrapWidth({ isTTY: true, columns: 100 })).toBe(100);
    expect(wrapWidth({ isTTY: true })).toBe(80);
    expect(wrapWidth({ isTTY: false, columns: 100 })).toBe(0);
  });

  test('check on an 80-column terminal: no line wider than 80, findings continue under their message column', async () => {
    const r = await cli(['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24'], { isTTY: true });
    const lines = r.out.split('\n');
    expect(Math.max(...lines.map(displayWidth))).toBeLessThanOrEqual(80);
    const at = lines.findIndex((l) => /^ {2}G26 /.test(l));
    const column = displayWidth(lines[at].slice(0, lines[at].indexOf('完成时限“')));
    expect(lines[at + 1]).toMatch(new RegExp('^ {' + column + '}\\S'));
    // Piped, the same report keeps each finding on one line.
    const piped = await cli(['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24']);
    expect(Math.max(...piped.out.split('\n').map(displayWidth))).toBeGreaterThan(80);
  });
});

describe('compare of two unrelated ledgers', () => {
  test('says that almost nothing paired, in the report and beside the JSON', async () => {
    const unrelated = path.join(dir, '另一个台账.xlsx');
    const cell = (ref: string, s: string) => '<c r="' + ref + '" t="inlineStr"><is><t>' + s + '</t></is></c>';
    let rows = '<row r="1">' + cell('A1', '序号') + cell('B1', '整改措施') + cell('C1', '牵头部门') + cell('D1', '完成时限') + '</row>';
    for (let r = 2; r <= 6; r++) rows += '<row r="' + r + '">' + cell('A' + r, String(r - 1)) + cell('B' + r, '采购项目' + r + '的合同归档') + cell('C' + r, '采购科') + cell('D' + r, '2022年9月底前') + '</row>';
    fs.writeFileSync(unrelated, buildBook({ sheets: [{ name: '台账', xml: worksheet('<sheetData>' + rows + '</sheetData>') }] }));
    const r = await cli(['compare', SAMPLE, unrelated, '--since', '2022-06-30', '--as-of', '2022-07-15']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('两份台账几乎没有相同事项（只有 0 项对上），是否选错了文件？\n');
    const j = await cli(['compare', SAMPLE, unrelated, '--since', '2022-06-30', '--as-of', '2022-07-15', '--json']);
    expect(j.err).toBe('taizhang: 两份台账几乎没有相同事项（只有 0 项对上），是否选错了文件？\n');
    const same = await cli(['compare', SAMPLE, SAMPLE, '--since', '2022-06-30', '--as-of', '2022-07-15']);
    expect(same.out).not.toContain('几乎没有相同事项');
  });
});
