/**
 * Every BIFF file of another reader's public suite (../shared/corpora/sheetjs: the .xls, .XLS and .et
 * of SheetJS/test_files) through the real command: each ends with exit 0 or 2, one line on stderr
 * and no stack trace, in bounded time, and the whole run in bounded memory. The files run in one
 * child process (the CLI as built by tests/global-setup.js), whose peak memory is measured.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');
/** The corpus beside the repository's checkout (../shared), or the team's copy. */
const CORPUS = [path.resolve(ROOT, '..', 'shared', 'corpora', 'sheetjs'), path.resolve(ROOT, '..', '..', 'shared', 'corpora', 'sheetjs')].filter((p) => fs.existsSync(p))[0];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-corpus-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

interface Outcome {
  file: string;
  code: number;
  stderr: string;
  seconds: number;
  /** The same file with --out, when check alone ended 0. */
  outCode?: number;
  outStderr?: string;
}

/** Runs check (and check --out where check passes) on every file in one child; its outcomes and peak memory. */
function sweep(files: string[]): { outcomes: Outcome[]; peakMb: number } {
  const result = path.join(dir, 'result.json');
  const script = `
    const fs = require('fs');
    const { main } = require(${JSON.stringify(path.join(ROOT, 'lib', 'cli', 'main.js'))});
    const files = ${JSON.stringify(files)};
    (async () => {
      const outcomes = [];
      for (const file of files) {
        let stderr = '';
        const io = { stdout: { write: () => true, once: () => undefined }, stderr: { write: (s) => { stderr += s; return true; } }, env: {}, today: () => '2022-07-15' };
        const t0 = Date.now();
        const code = await main(['check', file], io);
        const o = { file, code, stderr, seconds: (Date.now() - t0) / 1000 };
        if (code === 0) {
          let outStderr = '';
          const io2 = { ...io, stderr: { write: (s) => { outStderr += s; return true; } } };
          o.outCode = await main(['check', file, '--out', ${JSON.stringify(dir)} + '/checked.xlsx'], io2);
          o.outStderr = outStderr;
        }
        outcomes.push(o);
      }
      fs.writeFileSync(${JSON.stringify(result)}, JSON.stringify({ outcomes, peakMb: process.resourceUsage().maxRSS / 1024 }));
    })();`;
  const r = spawnSync(process.execPath, ['--max-old-space-size=512', '-e', script], { encoding: 'utf8', timeout: 300000 });
  if (!fs.existsSync(result)) throw new Error('the sweep did not finish: ' + r.stderr);
  return JSON.parse(fs.readFileSync(result, 'utf8'));
}

const run = CORPUS ? describe : describe.skip;
if (!CORPUS) console.log('legacy corpus sweep skipped: ../shared/corpora/sheetjs is not beside this checkout');

run('every .xls, .XLS and .et of the SheetJS test files', () => {
  let outcomes: Outcome[] = [];
  let peakMb = 0;
  beforeAll(() => {
    const files = fs.readdirSync(CORPUS as string).filter((f) => /\.(xls|et)$/i.test(f)).sort();
    ({ outcomes, peakMb } = sweep(files.map((f) => path.join(CORPUS as string, f))));
  }, 320000);

  test('108 files, each exit 0 or 2 with at most one line on stderr, never a stack trace or an internal error, each in under 10 s', () => {
    expect(outcomes.length).toBe(108);
    for (const o of outcomes) {
      const lines = o.stderr.split('\n').filter((l) => l);
      const seen = path.basename(o.file) + ' -> ' + o.code + ' ' + o.stderr;
      expect([seen, [0, 2].indexOf(o.code) >= 0]).toEqual([seen, true]);
      expect([seen, lines.length <= 1, /^\s+at /m.test(o.stderr), /内部错误/.test(o.stderr)]).toEqual([seen, true, false, false]);
      if (o.code === 2) expect([seen, /^taizhang: /.test(o.stderr)]).toEqual([seen, true]);
      expect(o.seconds).toBeLessThan(10);
      if (o.outCode !== undefined) expect([seen, o.outCode, /原文件未作任何改动/.test(o.outStderr || '')]).toEqual([seen, 0, true]);
    }
  });

  test('what they end as: refused only for a password, an Excel 2.x-4.0 format or no ledger; never as damaged', () => {
    const by = (re: RegExp) => outcomes.filter((o) => re.test(o.stderr)).map((o) => path.basename(o.file));
    // Eleven files carry a password (RC4, CryptoAPI, XOR obfuscation; one of them BIFF5).
    expect(by(/设置了打开密码/).length).toBe(11);
    expect(by(/Excel 2\.x–4\.0/).sort()).toEqual(['crlf_CRLFR9_4.XLS', 'crlf_CRLFX5_2.XLS', 'crlf_CRLFX5_3.XLS', 'crlf_CRLFX5_4.XLS']);
    expect(by(/损坏或不完整/)).toEqual([]);
    expect(by(/不是 Excel 工作簿/)).toEqual([]);
    // The rest are read: exit 0, or "no ledger header" for a workbook that holds no ledger.
    const rest = outcomes.filter((o) => !/设置了打开密码|Excel 2\.x–4\.0/.test(o.stderr));
    expect(rest.length).toBe(93);
    for (const o of rest) expect([path.basename(o.file), o.code === 0 || /没有找到可识别的整改台账表头|没有任何内容/.test(o.stderr)]).toEqual([path.basename(o.file), true]);
  });

  test('the whole run stays under 400 MB', () => {
    expect(peakMb).toBeLessThan(400);
  });
});

run('a valid workbook of 57 MB of sheet XML that compresses 121:1 (the same suite\'s large_strings.xlsx)', () => {
  test('recompressed at level 9 it is read whole, not refused as a bomb: the limits are absolute sizes', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const JSZip = require('jszip') as typeof import('jszip');
    const zip = await JSZip.loadAsync(fs.readFileSync(path.join(CORPUS as string, 'large_strings.xlsx')));
    const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    const file = path.join(dir, 'large_strings-9.xlsx');
    fs.writeFileSync(file, bytes);
    const again = await JSZip.loadAsync(bytes);
    const sheet = (again.files['xl/worksheets/sheet1.xml'] as unknown as { _data: { compressedSize: number; uncompressedSize: number } })._data;
    expect(sheet.uncompressedSize).toBe(57032955);
    expect(Math.round(sheet.uncompressedSize / sheet.compressedSize)).toBe(121);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readGrids } = require('../../src/xlsx') as typeof import('../../src/xlsx');
    const grids = await readGrids(file);
    expect(grids.map((g) => [g.name, g.rows.length])).toEqual([['Large Strings', 9999], ['Simple', 26], ['longwordslist', 17619]]);
  }, 120000);
});

run('the .xlsx base of check --out, for every readable BIFF file of the suite', () => {
  test('reads back to the same Grids: 86 of 93 exactly; the rest differ only where documented (CR LF kept as LF, comments not carried)', async () => {
    /* eslint-disable @typescript-eslint/no-require-imports */
    const { readLegacyBook } = require('../../src/xlsx/biff/read-biff') as typeof import('../../src/xlsx/biff/read-biff');
    const { writeLegacyAsXlsx } = require('../../src/xlsx/biff/to-xlsx') as typeof import('../../src/xlsx/biff/to-xlsx');
    const { readGrids } = require('../../src/xlsx') as typeof import('../../src/xlsx');
    /* eslint-enable @typescript-eslint/no-require-imports */
    const files = fs.readdirSync(CORPUS as string).filter((f) => /\.(xls|et)$/i.test(f)).sort();
    const exact: string[] = [];
    const other: string[] = [];
    for (const f of files) {
      let book;
      try {
        book = readLegacyBook(path.join(CORPUS as string, f), f, { keepFormats: true });
      } catch {
        continue; // refused: a password or BIFF2-4 (the sweep above)
      }
      const base = path.join(dir, 'base.xlsx');
      writeLegacyAsXlsx(book, base);
      const back = await readGrids(base);
      const read = book.sheets.map((s) => s.grid);
      if (JSON.stringify(back) === JSON.stringify(read)) {
        exact.push(f);
        continue;
      }
      other.push(f);
      // CR LF is written as LF (as Excel keeps line breaks); comments are not carried, so the
      // column they used is no longer used.
      const crlf = (g: typeof read) => JSON.parse(JSON.stringify(g).replace(/\\r\\n/g, '\\n').replace(/"usedRight":\d+/g, '"usedRight":0'));
      expect([f, crlf(back)]).toEqual([f, crlf(read)]);
    }
    expect(exact.length).toBe(86);
    expect(other.sort()).toEqual(['biff5_comments_stress_test.xls', 'comments_stress_test.xls', 'crlf_CRLFR9.XLS', 'crlf_CRLFR9_5.XLS', 'crlf_CRLFX5_5.XLS', 'crlf_crlf.xls', 'crlf_crlf5.xls']);
  }, 120000);
});
