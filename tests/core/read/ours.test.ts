/**
 * Which columns are ours (src/core/read/ours.ts): a user's own column is never written, whatever it is
 * called; ours are found again only by the exact run of our labels or by the host's record.
 */
import { planAnnotation, planAnnotations } from '../../../src/core/sheets/annotation';
import { checkWorkbook } from '../../../src/core/check/check';
import { ledgerRight, ourColumns } from '../../../src/core/read/ours';
import { CellValue, Grid } from '../../../src/core/model/grid';
import { twoRowHeaderLedger } from '../helpers/ledgers';
import { problemList, responsibilityList, roster, taskList } from '../helpers/threelists';

const OPTS = { asOf: '2022-07-15', start: '2022-02-24' };

/** The ledger with extra header cells from column K on (in header row 3) and a value in each body row. */
function withColumns(labels: string[], body: CellValue[] = []): Grid {
  const g = twoRowHeaderLedger();
  const rows = g.rows.map((r) => r.slice());
  labels.forEach((label, j) => {
    rows[2][10 + j] = label;
    for (let r = 5; r < rows.length; r++) rows[r][10 + j] = body[j] === undefined ? null : body[j];
  });
  return { name: g.name, rows };
}

describe('a user column with one of our names is the user’s', () => {
  test('a lone 期限状态 column: the ledger keeps it, our four columns go after it', () => {
    const g = withColumns(['期限状态'], ['按期']);
    const result = checkWorkbook([g], OPTS);
    expect(result.header.lastColumn).toBe(11);
    const plan = planAnnotation(g, result, 'zh');
    expect(plan.column).toBe(12);
    expect(plan.reused).toBe(false);
  });

  test('three of our four labels in a row are not ours', () => {
    const g = withColumns(['期限状态', '截止日期', '剩余天数', '处理意见']);
    expect(ourColumns(g, [3, 4], 4)).toBe(0);
    expect(planAnnotation(g, checkWorkbook([g], OPTS), 'zh').column).toBe(15);
  });

  test('our four labels out of order are not ours', () => {
    const g = withColumns(['截止日期', '期限状态', '剩余天数', '检查意见']);
    expect(ourColumns(g, [3, 4], 4)).toBe(0);
  });

  test('a user’s 检查意见 column is never taken for the one-column block, without a record', () => {
    const g = withColumns(['检查意见'], ['已核实']);
    expect(ourColumns(g, [3, 4], 1)).toBe(0);
    expect(ledgerRight(g, [3, 4])).toBe(11);
  });
});

describe('our own columns are found again', () => {
  test('the exact run of the four labels, with user columns after it', () => {
    const g = withColumns(['期限状态', '截止日期', '剩余天数', '检查意见', '处室意见'], [null, null, null, null, '同意']);
    expect(ourColumns(g, [3, 4], 4)).toBe(11);
    // The user's column after ours is part of the ledger; ours are reused, not moved.
    expect(ledgerRight(g, [3, 4])).toBe(15);
    const plan = planAnnotation(g, checkWorkbook([g], OPTS), 'zh');
    expect(plan.column).toBe(11);
    expect(plan.reused).toBe(true);
  });

  test('the English run is ours too (a re-check in the other language)', () => {
    const g = withColumns(['Deadline flag', 'Normalized due date', 'Days left', 'Check notes']);
    expect(ourColumns(g, [3, 4], 4)).toBe(11);
    expect(ledgerRight(g, [3, 4])).toBe(10);
  });

  test('a recorded one-column block is ours while its label stands, and not once it is gone', () => {
    const g = withColumns(['检查意见']);
    g.ours = { column: 11, width: 1 };
    expect(ourColumns(g, [3, 4], 1)).toBe(11);
    expect(ledgerRight(g, [3, 4])).toBe(10);
    const renamed = withColumns(['核查意见']);
    renamed.ours = { column: 11, width: 1 };
    expect(ourColumns(renamed, [3, 4], 1)).toBe(0);
    // A record of another width says nothing about this block.
    const wrongWidth = withColumns(['检查意见']);
    wrongWidth.ours = { column: 11, width: 4 };
    expect(ourColumns(wrongWidth, [3, 4], 1)).toBe(0);
  });
});

describe('new columns go after everything the sheet uses', () => {
  test('Grid.usedRight (a merge, a table or an empty-result formula the host saw) moves them right', () => {
    const g = twoRowHeaderLedger();
    g.usedRight = 14;
    const plan = planAnnotation(g, checkWorkbook([g], OPTS), 'zh');
    expect(plan.column).toBe(15);
  });
});

describe('three lists: the other lists’ 检查意见', () => {
  test('a problem list’s own 检查意见 column is not rewritten; ours goes after it, and a record finds ours again', () => {
    // 问题清单 is A..C with its header in row 2; the user keeps a 检查意见 of their own in D.
    const problems = problemList();
    problems.rows[1][3] = '检查意见';
    problems.rows[2][3] = '请处室核实';
    const grids = [problems, taskList(), responsibilityList(), roster()];
    const result = checkWorkbook(grids, OPTS);
    const plan = planAnnotations(grids, result, 'zh').filter((p) => p.sheet === '问题清单')[0];
    expect(plan.column).toBe(5);
    expect(plan.reused).toBe(false);
    expect(plan.labels).toEqual(['检查意见']);

    // After the check wrote E and the host recorded it, a re-check writes E again, never D.
    problems.rows[1][4] = '检查意见';
    problems.ours = { column: 5, width: 1 };
    const again = planAnnotations(grids, checkWorkbook(grids, OPTS), 'zh').filter((p) => p.sheet === '问题清单')[0];
    expect(again.column).toBe(5);
    expect(again.reused).toBe(true);
  });
});
