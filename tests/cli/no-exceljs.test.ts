/**
 * The command line never loads exceljs (it is a dev dependency: the independent reader of the tests
 * and the bench's reference): not for --help, check (--json, the report, --out) or summary (its
 * workbook and notices are written by src/xlsxlite). Any require of it here fails the test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Io, main } from '../../src/cli/main';

jest.mock('exceljs', () => {
  throw new Error('exceljs was loaded');
});

const SAMPLE = path.resolve(__dirname, '../../samples/整改台账-示例.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-noexceljs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function io(): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => ((out += s), true), once: () => undefined } as unknown as Io['stdout'],
      stderr: { write: (s: string) => ((err += s), true) } as unknown as Io['stderr'],
      env: {},
    },
    out: () => out,
    err: () => err,
  };
}

test.each([
  ['--help', ['--help']],
  ['check --json', ['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24', '--json']],
  ['check (the report)', ['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24']],
  ['check --out', ['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24', '--out', path.join(dir, 'checked.xlsx')]],
  ['summary --out --notices', ['summary', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24', '--out', path.join(dir, 'summary.xlsx'), '--notices', path.join(dir, 'notices')]],
])('%s runs without exceljs', async (_name, argv) => {
  const t = io();
  expect(await main(argv, t.io)).toBe(0);
  expect(t.err()).toBe('');
  expect(t.out().length).toBeGreaterThan(100);
});
