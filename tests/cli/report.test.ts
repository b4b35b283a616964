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
