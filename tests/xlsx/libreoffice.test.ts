/** Reading .xlsx written by LibreOffice (see tests/fixtures/libreoffice/README.md). */
import * as path from 'path';
import { readGrids } from '../../src/xlsx';
import { Grid } from '../../src/core/model/grid';

const dir = path.join(__dirname, '../fixtures/libreoffice');

const bothPaths = (file: string): Promise<Grid[]> => readGrids(file);

describe('LibreOffice ledger with a two-row header', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await bothPaths(path.join(dir, 'ledger-two-row-header.xlsx'));
  });

  test('sheets in tab order', () => {
    expect(grids.map((g) => g.name)).toEqual(['整改台账', '说明']);
  });

  test('merged cells read as top-left only', () => {
    const rows = grids[0].rows;
    expect(rows[0]).toEqual(['某局巡察整改台账']);
    expect(rows[2]).toEqual(['序号', '存在问题', '整改措施', '责任清单', null, '完成时限', '整改进展']);
    expect(rows[3]).toEqual([null, null, null, '责任领导', '牵头部门', null, '进展情况', '完成状态']);
    // B6:B7 is merged: the problem is in B6 only.
    expect(rows[5][1]).toBe('理论学习不够深入');
    expect(rows[6][1]).toBeNull();
  });

  test('a real date cell becomes a DateValue', () => {
    expect(grids[0].rows[5][5]).toEqual({ date: '2022-06-30' });
  });

  test('line breaks inside cells are kept', () => {
    expect(grids[0].rows[5][6]).toBe('已召开党组会议\n制定学习计划');
    expect(grids[0].rows[6][4]).toBe('人事处\n财务处');
  });

  test('formula-like text stays text', () => {
    expect(grids[0].rows[6][2]).toBe('=领导批示');
  });

  test('formulas give their cached results: number, date and string', () => {
    expect(grids[0].rows[7]).toEqual(['合计', 2, null, null, null, { date: '2022-07-30' }, '已完成（核）']);
  });

  test('trailing empty rows and cells are trimmed; merges and values reach column H', () => {
    expect(grids[0].rows).toHaveLength(8);
    expect(grids[0].rows.map((r) => r.length)).toEqual([1, 1, 7, 8, 1, 8, 8, 7]);
    expect(grids[0].usedRight).toBe(8);
    expect(grids[1].rows).toEqual([['注：本表由LibreOffice生成，用于测试。']]);
  });
});

test('LibreOffice CSV import: English tracker with real dates', async () => {
  const grids = await bothPaths(path.join(dir, 'english-tracker.xlsx'));
  expect(grids).toHaveLength(1);
  expect(grids[0].rows[0]).toEqual([
    'No.', 'Category', 'Finding', 'Corrective action', 'Owner', 'Department', 'Due date', 'Status', 'Progress',
  ]);
  expect(grids[0].rows[1][6]).toEqual({ date: '2022-06-30' });
  expect(grids[0].rows[3]).toEqual([3, 'Finance', 'No asset register', 'Build the register', 'A. Lee', 'Finance', 'ongoing', 'Open']);
});
