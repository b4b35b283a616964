/**
 * `taizhang check` loads what a check needs and no more (scripts/layout.js holds the static imports;
 * this runs the command): not the whole core through its façade, and no workbook writer unless --out
 * asks for the checked copy. Loading code is most of a check of a small ledger. Any require of those
 * modules here fails the test.
 */
import * as path from 'path';
import { main } from '../../src/cli/main';
import { memoryIo } from './helpers/memory-io';

jest.mock('../../src/core/index', () => {
  throw new Error('the core façade was loaded');
});
jest.mock('../../src/xlsx/patch', () => {
  throw new Error('the patch writer was loaded');
});
jest.mock('../../src/xlsx/spec-writer', () => {
  throw new Error('the summary writer was loaded');
});
jest.mock('../../src/xlsxlite/index', () => {
  throw new Error('xlsxlite was loaded');
});

const SAMPLE = path.resolve(__dirname, '../../samples/整改台账-示例.xlsx');
const LEGACY = path.resolve(__dirname, '../fixtures/libreoffice/ledger-two-row-header.xls');


test.each([
  ['check --json', ['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24', '--json'], '"totals": {\n    "items": 40,\n    "done": 10,'],
  ['check (the report)', ['check', SAMPLE, '--as-of', '2022-07-15', '--start', '2022-02-24'], '共 40 项整改措施：已完成 10，逾期 6，临期 3，正常推进 14，长期坚持 3，无期限 4。'],
  ['check of an .xls', ['check', LEGACY, '--as-of', '2022-07-15'], '共 2 项整改措施：已完成 1，逾期 0，临期 0，正常推进 1，长期坚持 0，无期限 0。'],
])('%s loads neither the whole core nor a writer', async (_name, argv, shown) => {
  const t = memoryIo();
  expect(await main(argv, t.io)).toBe(0);
  expect(t.err()).toBe('');
  expect(t.out()).toContain(shown);
});

test('a bad file is still one line, without the façade', async () => {
  const t = memoryIo();
  expect(await main(['check', path.resolve(__dirname, '../fixtures/legacy/password_2002_40_xor.xls')], t.io)).toBe(2);
  expect(t.err()).toMatch(/^taizhang: [^\n]*密码[^\n]*\n$/);
});
