/**
 * `taizhang report <台账.xlsx>... --out 通报.docx` and `summary --report 通报.docx` as users run them
 * (node bin/taizhang.js after `npm run build:cli`): the files, the one line that names them, and the
 * one-line errors of exit 2 with nothing written.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');
const SAMPLE = path.join('samples', '整改台账-示例.xlsx');
const SAMPLE_TWO = path.join('samples', '整改台账-示例-二.xlsx');
const DATES = ['--start', '2022-02-24', '--as-of', '2022-07-15'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-cli-report-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function run(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function documentXml(file: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  return zip.file('word/document.xml')!.async('string');
}

test('report writes the 通报 of two ledgers and says where, with --issuer as the title and 落款', async () => {
  const out = path.join(dir, '通报.docx');
  const r = run(['report', SAMPLE, SAMPLE_TWO, ...DATES, '--issuer', '中共某某党组', '--out', out]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  expect(r.stdout).toBe('已写出通报：' + out + '（文中带底色的文字为待填写处，请替换后再印发）\n');
  const xml = await documentXml(out);
  expect(xml.match(/中共某某党组/g)).toHaveLength(2);
  expect(xml).toContain('<w:pStyle w:val="annexLabel"/><w:pageBreakBefore/>');
  // No temporary file is left beside it.
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

test('summary --report writes the summary workbook and the 通报', async () => {
  const xlsx = path.join(dir, '汇总.xlsx');
  const docx = path.join(dir, '汇总通报.docx');
  const r = run(['summary', SAMPLE, ...DATES, '--out', xlsx, '--report', docx]);
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('已写出通报：' + docx);
  expect(fs.existsSync(xlsx)).toBe(true);
  expect(await documentXml(docx)).toContain('第一方面问题，党的领导不够坚强有力');
});

describe('exit 2 with one line, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    ['report without --out', ['report', SAMPLE], /report 需要用 --out 指定通报文件/],
    ['report without a ledger', ['report', '--out', path.join(dir, 'a.docx')], /report 需要至少一个台账文件/],
    ['report --out a workbook', ['report', SAMPLE, '--out', path.join(dir, 'a.xlsx')], /--out.*\.docx/],
    ['summary --out a document', ['summary', SAMPLE, '--out', path.join(dir, 'a.docx')], /--out.*\.xlsx/],
    ['summary --report not a .docx', ['summary', SAMPLE, '--out', path.join(dir, 'b.xlsx'), '--report', path.join(dir, 'b.pdf')], /--report.*\.docx/],
    ['report into a missing folder', ['report', SAMPLE, '--out', path.join(dir, 'nope', 'a.docx')], /通报文件所在的文件夹“.*nope”不存在/],
  ];
  test.each(cases)('%s', (_name, args, message) => {
    const before = fs.readdirSync(dir).sort();
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(message);
    expect(fs.readdirSync(dir).sort()).toEqual(before);
  });

  test('--lang en', () => {
    const r = run(['report', SAMPLE, '--lang', 'en']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/report needs --out for the report document/);
  });
});

describe('summary --notices as sent', () => {
  test('numbered 文号, 督办单 and 提醒单, each department\'s file listed, an earlier run\'s file named and kept', async () => {
    const notices = path.join(dir, 'notices');
    fs.mkdirSync(notices);
    // A notice of an earlier run, for a department that has nothing overdue now.
    fs.writeFileSync(path.join(notices, '督办单-宣传处.xlsx'), 'earlier');
    const r = run(['summary', SAMPLE, ...DATES, '--out', path.join(dir, 'n.xlsx'), '--notices', notices, '--notice-number', '粤巡改督〔2022〕{n}号']);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    // Five 督办单 and 机关党委's 提醒单, each kind by its own word.
    const at = lines.indexOf('已写出督办单 5 份、提醒单 1 份，位于：' + notices);
    expect(lines.slice(at + 1, at + 8)).toEqual([
      '  人事处：督办单-人事处.xlsx',
      '  财务处：督办单-财务处.xlsx',
      '  办公室：督办单-办公室.xlsx',
      '  政策研究处：督办单-政策研究处.xlsx',
      '  机关纪委：督办单-机关纪委.xlsx',
      '  机关党委：提醒单-机关党委.xlsx',
      '文件夹中另有1份以前生成的督办单或提醒单，本次没有重写，也没有删除（请勿误发）：督办单-宣传处.xlsx',
    ]);
    expect(fs.readFileSync(path.join(notices, '督办单-宣传处.xlsx'), 'utf8')).toBe('earlier');
    const numberOf = async (file: string) => {
      const zip = await JSZip.loadAsync(fs.readFileSync(path.join(notices, file)));
      return /<t>(粤巡改督〔2022〕\d+号)<\/t>/.exec(await zip.file('xl/worksheets/sheet1.xml')!.async('string'))![1];
    };
    expect(await numberOf('督办单-人事处.xlsx')).toBe('粤巡改督〔2022〕1号');
    expect(await numberOf('督办单-机关纪委.xlsx')).toBe('粤巡改督〔2022〕5号');
    expect(await numberOf('提醒单-机关党委.xlsx')).toBe('粤巡改督〔2022〕6号');
  });
});
