/**
 * The command line never loads exceljs (it is a dev dependency: the independent reader of the tests
 * and the bench's reference): not for --help, check (--json, the report, --out) or summary (its
 * workbook and notices are written by src/xlsxlite). Any require of it here fails the test.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from './helpers/memory-io';

jest.mock('exceljs', () => {
  throw new Error('exceljs was loaded');
});

const SAMPLE = path.resolve(__dirname, '../../samples/整改台账-示例.xlsx');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-noexceljs-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));


const TOTALS = '共 40 项整改措施：已完成 10，逾期 6，临期 3，正常推进 14，长期坚持 3，无期限 4。';

test.each([
  ['--help', ['--help'], 'taizhang —— 整改台账助手'],
  ['check --json', ['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24', '--json'], '"totals": {\n    "items": 40,\n    "done": 10,'],
  ['check (the report)', ['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24'], TOTALS],
  ['check --out', ['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24', '--out', path.join(dir, 'checked.xlsx')], '已写出检查后的台账：' + path.join(dir, 'checked.xlsx')],
  ['summary --out --notices', ['summary', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24', '--out', path.join(dir, 'summary.xlsx'), '--notices', path.join(dir, 'notices')], '已写出督办单 5 份、提醒单 1 份'],
])('%s runs without exceljs', async (_name, argv, shown) => {
  const t = memoryIo();
  expect(await main(argv, t.io)).toBe(0);
  expect(t.err()).toBe('');
  expect(t.out()).toContain(shown);
});
