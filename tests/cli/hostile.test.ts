/**
 * Hostile files, as a table: each ends with exit 0 or 2 (one line on stderr, no stack trace) in
 * bounded time and memory. Each runs the real CLI in its own process, whose peak memory is measured.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { LEDGER_ROWS, LEDGER_SHARED, ledgerBody, ledgerBook } from '../xlsx/helpers/ledger';
import { bookParts, buildBook, spacesPart, worksheet, zipParts } from '../xlsx/helpers/package';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-hostile-'));
/** The CLI as built once before the suites (tests/global-setup.js). */
const lib = path.join(ROOT, 'lib');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  code: number | null;
  stderr: string;
  seconds: number;
  peakMb: number;
}

/** Runs `taizhang args...` in a child and measures it. */
function taizhang(args: string[]): Outcome {
  const rssFile = path.join(dir, 'rss-' + Date.now() + '.json');
  const script =
    "const fs = require('fs');" +
    'const { main } = require(' + JSON.stringify(path.join(lib, 'cli', 'main.js')) + ');' +
    'main(' + JSON.stringify(args) + ", { stdout: { write: () => true, once: () => undefined }, stderr: process.stderr, env: {} }).then((code) => {" +
    'fs.writeFileSync(' + JSON.stringify(rssFile) + ', String(process.resourceUsage().maxRSS / 1024)); process.exitCode = code; });';
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8', timeout: 120000 });
  const seconds = (Date.now() - t0) / 1000;
  const peakMb = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : Infinity;
  return { code: r.status, stderr: r.stderr, seconds, peakMb };
}

function save(name: string, bytes: Buffer): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

const withShared = (xml: string) => ledgerBook({ sharedStrings: xml });
const bodyWith = (rows: string) => ledgerBody({ rows: LEDGER_ROWS.replace('</sheetData>', rows + '</sheetData>') });

interface Case {
  name: string;
  make: () => string;
  args?: string[];
  /** 0 or 2, and a pattern of the one line on stderr when 2. */
  code: 0 | 2;
  line?: RegExp;
}

const CHECK = ['--as-of', '2022-07-15', '--start', '2022-02-24'];

const CASES: Case[] = [
  {
    name: 'entity expansion (billion laughs) in the shared strings',
    make: () => {
      let dtd = '<!DOCTYPE sst [<!ENTITY lol "lol">';
      for (let i = 1; i < 10; i++) dtd += '<!ENTITY lol' + i + ' "' + ('&lol' + (i === 1 ? '' : i - 1) + ';').repeat(10) + '">';
      return save('laughs.xlsx', buildBook(withShared(LEDGER_SHARED.replace('<sst', dtd + ']><sst').replace('<si><t>序号</t></si>', '<si><t>&lol9;</t></si>'))));
    },
    code: 2,
    line: /xl\/sharedStrings\.xml 含有文档类型定义/,
  },
  {
    name: 'an external entity in a worksheet',
    make: () => {
      const book = ledgerBook();
      book.sheets[0].xml = book.sheets[0].xml.replace('<worksheet', '<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><worksheet');
      return save('xxe.xlsx', buildBook(book));
    },
    code: 2,
    line: /xl\/worksheets\/sheet1\.xml 含有文档类型定义/,
  },
  {
    // Valid, only very compressible: a ratio is no reason to refuse (the limits are absolute sizes).
    name: 'a worksheet of 64 MB of spaces, deflated 1000x, is read',
    make: () => {
      const parts = bookParts(ledgerBook()).map((p) => (p.name === 'xl/worksheets/sheet2.xml' ? spacesPart(p.name, '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', 64, '</sheetData></worksheet>') : p));
      return save('compressible.xlsx', zipParts(parts));
    },
    code: 0,
  },
  {
    name: 'a zip bomb in the styles (100 MB inflated from 0.1 MB): refused at 64 MB, its absolute limit',
    make: () => {
      const parts = bookParts(ledgerBook()).map((p) => (p.name === 'xl/styles.xml' ? spacesPart(p.name, '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">', 100, '</styleSheet>') : p));
      return save('bomb.xlsx', zipParts(parts));
    },
    code: 2,
    line: /xl\/styles\.xml 解压后超过 64 MB/,
  },
  {
    name: 'a zip bomb in a part Taizhang never reads is never inflated (and copied as it is)',
    make: () => {
      const parts = bookParts(ledgerBook()).concat([spacesPart('docProps/app.xml', '<Properties>', 64, '</Properties>')]);
      return save('bomb-unread.xlsx', zipParts(parts));
    },
    args: [...CHECK, '--out', path.join(dir, 'bomb-unread-out.xlsx')],
    code: 0,
  },
  {
    name: 'a stray value at XFD1048576 on the ledger',
    make: () => save('xfd-value.xlsx', buildBook(ledgerBook({}, bodyWith('<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>')))),
    code: 2,
    line: /工作表“整改台账”在 XFD1048576 处有内容，使用范围（1048576 行 × 16384 列）过大.*Ctrl\+End/,
  },
  {
    name: 'a dimension of A1:XFD1048576 and a styled empty cell there (the 6.8 KB file that took 4 GB)',
    make: () => save('xfd-styled.xlsx', buildBook(ledgerBook({}, bodyWith('<row r="1048576"><c r="XFD1048576" s="3"/></row>').replace('<dimension ref="A1:H9"/>', '<dimension ref="A1:XFD1048576"/>')))),
    args: [...CHECK, '--out', path.join(dir, 'xfd-styled-out.xlsx')],
    code: 0,
  },
  {
    name: '100,000 columns in one row',
    make: () => save('wide.xlsx', buildBook(ledgerBook({}, bodyWith('<row r="10">' + '<c><v>1</v></c>'.repeat(100000) + '</row>')))),
    code: 2,
    line: /已损坏或不完整/,
  },
  {
    // Excel shows only A1 of such a sheet: the ledger is hidden under the merge, as it would be there.
    name: '100,000 merges over the whole sheet',
    make: () => save('merges.xlsx', buildBook(ledgerBook({}, ledgerBody().replace('</mergeCells>', '<mergeCell ref="A1:XFD1048576"/>'.repeat(100000) + '</mergeCells>')))),
    code: 2,
    line: /没有找到可识别的整改台账表头/,
  },
  {
    name: 'elements nested a million deep',
    make: () => save('deep.xlsx', buildBook(ledgerBook({}, ledgerBody({ after: '<extLst><ext uri="{X}">' + '<a>'.repeat(1000000) + '</a>'.repeat(1000000) + '</ext></extLst>' })))),
    args: [...CHECK, '--out', path.join(dir, 'deep-out.xlsx')],
    code: 0,
  },
  {
    name: 'entry names and targets that climb out of the package',
    make: () => {
      const book = ledgerBook();
      book.sheets.push({ name: '外部', xml: worksheet('<sheetData/>'), part: 'xl/worksheets/sheet3.xml' });
      const parts = bookParts(book).map((p) => (p.name === 'xl/_rels/workbook.xml.rels' ? { ...p, data: String(p.data).replace('Target="worksheets/sheet3.xml"', 'Target="../../../../../../../etc/taizhang-escape.xml"') } : p));
      parts.push({ name: '../../taizhang-escape.xml', data: '<x/>' }, { name: '/etc/taizhang-escape.xml', data: worksheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>包内</t></is></c></row></sheetData>') }, { name: 'C:\\taizhang-escape.xml', data: '<x/>' });
      return save('traversal.xlsx', zipParts(parts));
    },
    args: [...CHECK, '--out', path.join(dir, 'traversal-out.xlsx')],
    code: 0,
  },
  {
    name: '1,000 sheets',
    make: () => {
      const book = ledgerBook();
      for (let i = 1; i < 1000; i++) book.sheets.push({ name: '附表' + i, xml: worksheet('<sheetData><row r="1"><c r="A1"><v>' + i + '</v></c></row></sheetData>') });
      return save('sheets.xlsx', buildBook(book));
    },
    args: [...CHECK, '--out', path.join(dir, 'sheets-out.xlsx')],
    code: 0,
  },
];

describe.each(CASES.map((c) => [c.name, c] as [string, Case]))('%s', (_name, c) => {
  test('ends with its exit code, one line, in bounded time and memory', () => {
    const file = c.make();
    const r = taizhang(['check', file, ...(c.args || [...CHECK, '--json'])]);
    expect({ code: r.code, stderr: c.code === 0 ? r.stderr : '' }).toEqual({ code: c.code, stderr: '' });
    if (c.code === 2) {
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(c.line as RegExp);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    expect(r.seconds).toBeLessThan(60);
    expect(r.peakMb).toBeLessThan(400);
  }, 150000);
});

test('nothing was written outside the output folder, and the climbing names came out as they went in', () => {
  expect(fs.existsSync(path.resolve(dir, '../../taizhang-escape.xml'))).toBe(false);
  expect(fs.existsSync('/etc/taizhang-escape.xml')).toBe(false);
  const out = fs.readFileSync(path.join(dir, 'traversal-out.xlsx'));
  for (const name of ['../../taizhang-escape.xml', '/etc/taizhang-escape.xml', 'C:\\taizhang-escape.xml']) expect(out.indexOf(Buffer.from(name))).toBeGreaterThan(0);
  expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
});

