/**
 * Inputs as staff give them: a folder, "*.xlsx" passed as it is typed (cmd and PowerShell do not
 * expand it), Chinese names with spaces, an Excel lock file beside an open ledger, one ledger
 * without a header among fifty, and the same ledger saved twice under two names. summary goes on
 * past the bad ones, lists each with its reason (stderr, JSON, 总览) and exits 2.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';
import { compareNames, expandInputs } from '../../src/cli/inputs';
import { LEDGER_ROWS, ledgerBody, ledgerBook } from '../xlsx/helpers/ledger';
import { buildBook, worksheet } from '../xlsx/helpers/package';

const ROOT = path.resolve(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'taizhang.js');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-inputs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A ledger of four measures: the helper's three (done, overdue, long-term at 2022-07-15) and one of `dept`'s own, on track. */
function ledgerOf(dept: string): Buffer {
  const row =
    '<row r="10"><c r="A10"><v>4</v></c><c r="C10" t="inlineStr"><is><t>' + dept + '建立长效机制</t></is></c>' +
    '<c r="E10" t="inlineStr"><is><t>' + dept + '</t></is></c><c r="F10" t="inlineStr"><is><t>2022年12月底前</t></is></c></row>';
  const body = ledgerBody({ rows: LEDGER_ROWS.replace('</sheetData>', row + '</sheetData>') }).replace('<dimension ref="A1:H9"/>', '<dimension ref="A1:H10"/>');
  return buildBook(ledgerBook({}, body));
}

/** A workbook with no ledger header: a contact list. */
const HEADERLESS = buildBook({
  sheets: [{ name: '通讯录', xml: worksheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>姓名</t></is></c><c r="B1" t="inlineStr"><is><t>电话</t></is></c></row></sheetData>') }],
});

function run(args: string[], cwd = ROOT) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const DATES = ['--as-of', '2022-07-15', '--start', '2022-02-24'];

describe('a folder of fifty ledgers with a lock file, a headerless workbook and a copy', () => {
  // 部门 01 … 部门 48 (distinct), 部门 49 the contact list, 部门 50 a byte-for-byte copy of 部门 07,
  // ~$部门 07.xlsx the lock file Excel keeps while 部门 07 is open, and a note that is no workbook.
  const folder = path.join(dir, '各部门 台账');
  const name = (n: number) => '部门 ' + (n < 10 ? '0' + n : String(n)) + '.xlsx';
  beforeAll(() => {
    fs.mkdirSync(folder);
    for (let n = 1; n <= 48; n++) fs.writeFileSync(path.join(folder, name(n)), ledgerOf('部门' + n));
    fs.writeFileSync(path.join(folder, name(49)), HEADERLESS);
    fs.copyFileSync(path.join(folder, name(7)), path.join(folder, name(50)));
    fs.writeFileSync(path.join(folder, '~$' + name(7)), Buffer.from([0x08, 0x41, 0x64, 0x6d, 0x69, 0x6e]));
    fs.writeFileSync(path.join(folder, '说明.txt'), '各部门每月15日前报送');
  });

  test('writes the summary from the 48 good ones, lists the three others, and exits 2', async () => {
    const out = path.join(dir, '汇总 七月.xlsx');
    const r = run(['summary', folder, ...DATES, '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n')).toEqual([
      'taizhang: 已跳过 1 个 Excel/WPS 临时锁定文件（~$ 开头，对应的台账正被打开，汇总的是其已保存的内容）：~$部门 07.xlsx',
      'taizhang: 未纳入汇总：“部门 49.xlsx”中没有找到可识别的整改台账表头。请确认表头包含以下列中的几列：序号、存在问题、整改措施、责任领导、牵头部门、完成时限、整改进展、完成状态。',
      'taizhang: 未纳入汇总：“' + path.join(folder, name(50)) + '”与“' + path.join(folder, name(7)) + '”内容完全相同，只计一次。',
      '',
    ]);
    expect(r.stdout).toContain('来源：48 个台账\n');
    expect(r.stdout).toContain('未纳入汇总的文件 2 个（原因见上方提示，汇总工作簿的总览中也已列出）。');
    // Four measures each: one done, one overdue, one long-term, one on track.
    expect(r.stdout).toContain('共 192 项整改措施：已完成 48，逾期 48，临期 0，正常推进 48，长期坚持 48，无期限 0。');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);

    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    const overview = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const texts = (overview.match(/<t[^>]*>[^<]*<\/t>/g) || []).map((t) => t.replace(/<[^>]+>/g, ''));
    const at = texts.indexOf('未纳入汇总的文件');
    expect(texts.slice(at, at + 9)).toEqual([
      '未纳入汇总的文件', '来源文件', '原因',
      '~$' + name(7), '“~$部门 07.xlsx”是 Excel/WPS 打开台账时生成的临时锁定文件，不是台账。',
      name(49), '“部门 49.xlsx”中没有找到可识别的整改台账表头。请确认表头包含以下列中的几列：序号、存在问题、整改措施、责任领导、牵头部门、完成时限、整改进展、完成状态。',
      name(50), '“' + path.join(folder, name(50)) + '”与“' + path.join(folder, name(7)) + '”内容完全相同，只计一次。',
    ]);
    // The 48 sources are listed on 总览 above them, 部门 01 first.
    expect(texts.slice(0, at).filter((t) => /^部门 \d\d\.xlsx$/.test(t))).toHaveLength(48);
  });

  test('--json: files in folder order and "skipped" with path, reason and message', () => {
    const r = run(['summary', folder, ...DATES, '--json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    const names = json.files.map((f: { file: string }) => f.file);
    expect(names).toHaveLength(48);
    expect(names.slice(0, 3)).toEqual(['部门 01.xlsx', '部门 02.xlsx', '部门 03.xlsx']);
    expect(names[47]).toBe('部门 48.xlsx');
    expect(json.totals).toEqual({ items: 192, done: 48, overdue: 48, dueSoon: 0, onTrack: 48, longTerm: 48, noDeadline: 0 });
    expect(json.skipped.map((k: { path: string; reason: string }) => [path.basename(k.path), k.reason])).toEqual([
      ['~$部门 07.xlsx', 'lock-file'],
      ['部门 49.xlsx', 'unusable'],
      ['部门 50.xlsx', 'duplicate'],
    ]);
    expect(json.skipped[0].message).toBe('“~$部门 07.xlsx”是 Excel/WPS 打开台账时生成的临时锁定文件，不是台账。');
  });

  test('"*.xlsx" as cmd passes it, from inside the folder: the same files, the same order', () => {
    const r = run(['summary', '*.xlsx', ...DATES, '--json'], folder);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout);
    expect(json.files.map((f: { path: string }) => f.path).slice(0, 2)).toEqual(['部门 01.xlsx', '部门 02.xlsx']);
    expect(json.files).toHaveLength(48);
    expect(json.skipped.map((k: { path: string }) => k.path)).toEqual(['~$部门 07.xlsx', '部门 49.xlsx', '部门 50.xlsx']);
  });

  test('a lock file alone is no reason for exit 2: it is said once and the summary exits 0', () => {
    const small = path.join(dir, '两个 部门');
    fs.mkdirSync(small);
    fs.copyFileSync(path.join(folder, name(1)), path.join(small, name(1)));
    fs.copyFileSync(path.join(folder, name(2)), path.join(small, name(2)));
    fs.writeFileSync(path.join(small, '~$' + name(2)), 'lock');
    const r = run(['summary', path.join(small, '部门 0?.xlsx'), path.join(small, '~$*'), ...DATES, '--out', path.join(dir, 'two.xlsx')]);
    expect(r.stderr).toBe('taizhang: 已跳过 1 个 Excel/WPS 临时锁定文件（~$ 开头，对应的台账正被打开，汇总的是其已保存的内容）：~$部门 02.xlsx\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('来源：2 个台账');
  });
});

describe('patterns and folders that name nothing usable', () => {
  test('a pattern that matches nothing is listed and the rest is summarized', () => {
    const r = run(['summary', path.join('samples', '*.xlsx'), path.join(dir, '没有 这些*.xlsx'), ...DATES, '--json']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('taizhang: 未纳入汇总：没有与“' + path.join(dir, '没有 这些*.xlsx') + '”匹配的文件。\n');
    expect(JSON.parse(r.stdout).files.map((f: { path: string }) => f.path)).toEqual([path.join('samples', '整改台账-示例.xlsx'), path.join('samples', '整改台账-示例-二.xlsx')]);
  });

  test('nothing usable at all: one line that names every input, nothing written', () => {
    const empty = path.join(dir, '空 文件夹');
    fs.mkdirSync(empty);
    const out = path.join(dir, 'none.xlsx');
    const r = run(['summary', empty, path.join(dir, '*.xlsm'), '--out', out]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('taizhang: 2 个输入都无法汇总：文件夹“' + empty + '”中没有 .xlsx 或 .xlsm 工作簿。；没有与“' + path.join(dir, '*.xlsm') + '”匹配的文件。\n');
    expect(fs.existsSync(out)).toBe(false);
  });

  test('check takes a pattern that names one file, and refuses a lock file and a folder plainly', () => {
    const one = run(['check', path.join('samples', '*示例-二.xlsx'), ...DATES, '--json']);
    expect(one.code).toBe(0);
    expect(JSON.parse(one.stdout).file).toBe(path.join('samples', '整改台账-示例-二.xlsx'));
    const lock = path.join(dir, '~$台账.xlsx');
    fs.writeFileSync(lock, 'lock');
    expect(run(['check', lock]).stderr).toBe('taizhang: “' + lock + '”是 Excel/WPS 打开台账时生成的临时锁定文件，不是台账。请给出台账文件本身（不带 ~$ 的那个）。\n');
    expect(run(['check', dir]).stderr).toBe('taizhang: “' + dir + '”是一个文件夹，不是台账文件。请给出其中的台账文件（summary 可以直接给文件夹，汇总其中所有工作簿）。\n');
  });
});

describe('expandInputs', () => {
  const tree = path.join(dir, 'tree');
  beforeAll(() => {
    for (const sub of ['一 科', '二 科']) {
      fs.mkdirSync(path.join(tree, sub), { recursive: true });
      for (const f of ['台账 10.xlsx', '台账 2.xlsx', '台账 2 (1).xlsm', '~$台账 2.xlsx', '说明.docx', '.台账 2.xlsx.123.tmp']) fs.writeFileSync(path.join(tree, sub, f), 'x');
    }
  });

  test('a folder: its workbooks, numbers by value, a copy after its original, lock files apart, no subfolders', () => {
    expect(expandInputs([path.join(tree, '一 科'), tree], { folders: true })).toEqual({
      files: ['台账 2.xlsx', '台账 2 (1).xlsm', '台账 10.xlsx'].map((f) => path.join(tree, '一 科', f)),
      locks: [path.join(tree, '一 科', '~$台账 2.xlsx')],
      empty: [{ arg: tree, folder: true }],
    });
  });

  test('wildcards in any part of the path; a bare * keeps workbooks only; each file once', () => {
    const x = expandInputs([path.join(tree, '* 科', '台账 ?.xlsx'), path.join(tree, '二 科', '*'), path.join(tree, '二 科', '台账 2.xlsx')], { folders: true });
    expect(x.files).toEqual([
      path.join(tree, '一 科', '台账 2.xlsx'),
      path.join(tree, '二 科', '台账 2.xlsx'),
      path.join(tree, '二 科', '台账 2 (1).xlsm'),
      path.join(tree, '二 科', '台账 10.xlsx'),
    ]);
    expect(x.locks).toEqual([path.join(tree, '二 科', '~$台账 2.xlsx')]);
    expect(expandInputs([path.join(tree, '一 科', '*.docx')], { folders: false }).files).toEqual([path.join(tree, '一 科', '说明.docx')]);
  });

  test('names in Explorer\'s order', () => {
    expect(['部门10.xlsx', '部门2.xlsx', '部门1 (1).xlsx', '部门1.xlsx', '部门02.xlsx'].sort(compareNames)).toEqual(['部门1.xlsx', '部门1 (1).xlsx', '部门2.xlsx', '部门02.xlsx', '部门10.xlsx']);
  });
});
