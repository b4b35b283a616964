/**
 * Files the CLI writes: the temporary file sits beside the output and is removed on any failure and
 * when the process is interrupted (SIGINT, SIGTERM); a big check --out shows its progress on a
 * terminal, reading and writing.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Io, main } from '../../src/cli/main';
import { writeAtomic } from '../../src/xlsx/write';
import { LEDGER_ROWS, ledgerBody, ledgerBook } from '../xlsx/helpers/ledger';
import { buildBook } from '../xlsx/helpers/package';

const ROOT = path.resolve(__dirname, '../..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-files-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

test('a failed write leaves neither the temporary file nor the output', async () => {
  const out = path.join(dir, 'failed.xlsx');
  let tmpSeen = '';
  await expect(
    writeAtomic(out, async (tmp) => {
      tmpSeen = tmp;
      fs.writeFileSync(tmp, 'half a workbook');
      throw new Error('disk full');
    }),
  ).rejects.toThrow('disk full');
  expect(path.dirname(tmpSeen)).toBe(dir);
  expect(fs.readdirSync(dir).filter((f) => f.indexOf('failed') >= 0)).toEqual([]);
});

describe('an interrupted write removes its temporary file', () => {
  // The child runs the real writeAtomic of lib/, built once before the suites (tests/global-setup.js).
  const lib = path.join(ROOT, 'lib');

  test.each([['SIGTERM'], ['SIGINT']] as [NodeJS.Signals][])('%s', async (signal) => {
    const out = path.join(dir, 'interrupted-' + signal + '.xlsx');
    const script =
      "const fs = require('fs');" +
      'const { writeAtomic } = require(' + JSON.stringify(path.join(lib, 'xlsx', 'write.js')) + ');' +
      'writeAtomic(' + JSON.stringify(out) + ", async (tmp) => { fs.writeFileSync(tmp, 'partial'); process.stdout.write(tmp + '\\n'); await new Promise((r) => setTimeout(r, 60000)); });";
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    const tmp = await new Promise<string>((resolve) => child.stdout.once('data', (b: Buffer) => resolve(b.toString().trim())));
    expect(path.dirname(tmp)).toBe(dir);
    expect(fs.existsSync(tmp)).toBe(true);
    const ended = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, sig) => resolve(sig)));
    child.kill(signal);
    expect(await ended).toBe(signal);
    expect(fs.existsSync(tmp)).toBe(false);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('progress on a big file', () => {
  // 20,000 measure rows, stored (not deflated) so that the file is past the progress threshold (4 MB).
  const file = path.join(dir, 'big.xlsx');
  beforeAll(() => {
    const row = (r: number) =>
      '<row r="' + r + '"><c r="A' + r + '"><v>' + (r - 9) + '</v></c><c r="C' + r + '" t="inlineStr"><is><t>整改措施' + r + '：建立健全工作机制，开展专项检查并形成台账，逐项对账销号' + '</t></is></c>' +
      '<c r="E' + r + '" t="inlineStr"><is><t>办公室</t></is></c><c r="F' + r + '" t="inlineStr"><is><t>2022年12月底前</t></is></c><c r="H' + r + '" t="inlineStr"><is><t>正在推进</t></is></c></row>';
    let rows = '';
    for (let r = 10; r < 20010; r++) rows += row(r);
    const body = ledgerBody({ rows: LEDGER_ROWS.replace('</sheetData>', rows + '</sheetData>') });
    const book = ledgerBook({ arrange: (ps) => ps.map((p) => ({ ...p, store: true })) }, body.replace('<dimension ref="A1:H9"/>', '<dimension ref="A1:H20009"/>'));
    fs.writeFileSync(file, buildBook(book));
  });

  /** main() with a stderr that is (or is not) a terminal; what each stream received. */
  async function runWith(argv: string[], stderrIsTTY: boolean): Promise<{ code: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const io: Io = {
      stdout: { write: (s: string) => ((out += s), true), isTTY: false } as unknown as Io['stdout'],
      stderr: { write: (s: string) => ((err += s), true), isTTY: stderrIsTTY } as unknown as Io['stderr'],
      env: {},
    };
    const code = await main(argv, io);
    return { code, out, err };
  }
  const DATES = ['--as-of', '2022-07-15', '--start', '2022-02-24'];

  test('check --out shows reading and writing progress on a terminal, and clears it', async () => {
    expect(fs.statSync(file).size).toBeGreaterThan(4 * 1024 * 1024);
    const out = path.join(dir, 'big-checked.xlsx');
    const r = await runWith(['check', file, ...DATES, '--out', out], true);
    expect(r.code).toBe(0);
    expect(r.err).toContain('\r\x1b[K正在读取“' + file + '”：已读 5000 行…');
    expect(r.err).toContain('\r\x1b[K正在读取“' + file + '”：已读 20000 行…');
    expect(r.err).toContain('\r\x1b[K正在写出“' + out + '”：已写 20000 行…');
    expect(r.err.endsWith('\r\x1b[K')).toBe(true);
    // Nothing but the line that is rewritten in place: no newline of its own.
    expect(r.err).not.toContain('\n');
    expect(r.out).toContain('已写出检查后的台账：' + out);
    expect(fs.existsSync(out)).toBe(true);
  }, 120000);

  test('in English with --lang en', async () => {
    const out = path.join(dir, 'big-checked-en.xlsx');
    const r = await runWith(['check', file, ...DATES, '--out', out, '--lang', 'en'], true);
    expect(r.code).toBe(0);
    expect(r.err).toContain('\r\x1b[KReading "' + file + '": 5000 rows…');
    expect(r.err).toContain('\r\x1b[KWriting "' + out + '": 20000 rows…');
    expect(r.err.endsWith('\r\x1b[K')).toBe(true);
  }, 120000);

  test('none when stderr is not a terminal (a log file, a pipe)', async () => {
    const r = await runWith(['check', file, ...DATES, '--out', path.join(dir, 'big-checked-pipe.xlsx')], false);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
  }, 120000);

  test('with --json the progress stays on stderr: stdout is the JSON alone', async () => {
    const r = await runWith(['check', file, ...DATES, '--json'], true);
    expect(r.code).toBe(0);
    expect(r.err).toContain('\r\x1b[K正在读取“' + file + '”：已读 20000 行…');
    expect(r.err.endsWith('\r\x1b[K')).toBe(true);
    expect(r.out).not.toContain('正在读取');
    const json = JSON.parse(r.out);
    // The helper ledger's three measures (one done, one long-term, one overdue), then 20,000 due 2022年12月底前.
    expect(json.totals).toEqual({ items: 20003, done: 1, overdue: 1, dueSoon: 0, onTrack: 20000, longTerm: 1, noDeadline: 0 });
  }, 120000);
});
