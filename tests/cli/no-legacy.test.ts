/**
 * The legacy reader (src/xlsx/biff and the `cfb` package) loads only for an .xls or .et: --help,
 * check (--json, --out) and summary of .xlsx files never load it. Any require of either fails here.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from './helpers/memory-io';

jest.mock('cfb', () => {
  throw new Error('cfb was loaded');
});
jest.mock('../../src/xlsx/biff/read-biff', () => {
  throw new Error('the legacy reader was loaded');
});

const SAMPLE = path.resolve(__dirname, '../../samples/整改台账-示例.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-nolegacy-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


const OPTS = ['--as-of', '2022-07-15', '--start', '2022-02-24'];

test.each([
  ['--help', ['--help']],
  ['check --json', ['check', SAMPLE, ...OPTS, '--json']],
  ['check --out', ['check', SAMPLE, ...OPTS, '--out', path.join(dir, 'checked.xlsx')]],
  ['summary --out', ['summary', SAMPLE, ...OPTS, '--out', path.join(dir, 'summary.xlsx')]],
])('%s of an .xlsx runs without the legacy reader', async (_name, argv) => {
  const t = memoryIo();
  expect(await main(argv, t.io)).toBe(0);
  expect(t.err()).toBe('');
});

test('an .xls does load it (and here, where it cannot, says so as an internal error, not a crash)', async () => {
  const t = memoryIo();
  expect(await main(['check', path.resolve(__dirname, '../fixtures/libreoffice/ledger-two-row-header.xls'), ...OPTS], t.io)).toBe(2);
  expect(t.err()).toMatch(/^taizhang: 内部错误：the legacy reader was loaded/);
});
