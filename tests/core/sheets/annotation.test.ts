import { planAnnotation } from '../../../src/core/sheets/annotation';
import { checkWorkbook } from '../../../src/core/check/check';
import { AnnotationPlan } from '../../../src/core/model/spec';
import { CellValue, Grid } from '../../../src/core/model/grid';
import { aspectColumnLedger, twoRowHeaderLedger } from '../helpers/ledgers';

const OPTS = { asOf: '2022-07-15', start: '2022-02-24' };

/** What a host does with a plan: write the labels and the block, nothing else. */
function apply(g: Grid, plan: AnnotationPlan): Grid {
  const rows = g.rows.map((r) => r.slice());
  const put = (row: number, col: number, v: CellValue) => {
    while (rows.length < row) rows.push([]);
    const r = rows[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = v;
  };
  plan.labels.forEach((l, k) => put(plan.headerRow, plan.column + k, l));
  plan.values.forEach((vals, i) => vals.forEach((v, k) => put(plan.firstRow + i, plan.column + k, v)));
  return { name: g.name, rows };
}

describe('planAnnotation', () => {
  const grid = twoRowHeaderLedger();
  const result = checkWorkbook([grid], OPTS);
  const plan = planAnnotation(grid, result, 'zh');

  test('bands: the two aspect headings and 合计, not the note under the table; the header rows to repeat in print', () => {
    // Rows 5 一、 and 10 二、 head the items, 15 is 合计, 16 is 注：… (a note, below the last item).
    expect(plan.bands).toEqual([5, 10, 15]);
    expect(plan.pageSetup).toEqual({ titleRows: { top: 3, bottom: 4 } });
  });

  test('the four columns go after the last used column, labelled in the first header row', () => {
    expect(plan.column).toBe(11); // A..J are the ledger's
    expect(plan.headerRow).toBe(3);
    expect(plan.headerRows).toEqual([3, 4]);
    expect(plan.labels).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
    expect(plan.reused).toBe(false);
  });

  test('one row of values per sheet row below the header; only item rows are filled', () => {
    expect(plan.firstRow).toBe(5);
    expect(plan.lastRow).toBe(16);
    expect(plan.values).toHaveLength(12);
    const at = (row: number) => plan.values[row - plan.firstRow];
    expect(at(5)).toEqual([null, null, null, null]); // section row
    expect(at(15)).toEqual([null, null, null, null]); // 合计
    expect(at(12)[0]).toBe('逾期');
    expect(at(12)[1]).toEqual({ date: '2022-05-20' });
    expect(at(12)[2]).toBe(-56);
    expect(at(12)[3]).toContain('逾期56天');
    expect(at(12)[3]).toContain('未填写牵头部门');
    expect(at(6)[0]).toBe('已完成');
    expect(at(13)[3]).toContain('2022年2月30日');
  });

  test('styles follow Excel Good/Neutral/Bad by flag', () => {
    const at = (row: number) => plan.styles[row - plan.firstRow];
    expect(at(6)).toBe('good');
    expect(at(12)).toBe('bad');
    expect(at(7)).toBeNull();
  });

  test('a re-check reuses the same columns and writes identical values (idempotent)', () => {
    const once = apply(grid, plan);
    const again = checkWorkbook([once], OPTS);
    expect(again.header.columns).toEqual(result.header.columns);
    expect(again.items.map((i) => [i.row, i.flag])).toEqual(result.items.map((i) => [i.row, i.flag]));
    const plan2 = planAnnotation(once, again, 'zh');
    expect(plan2.column).toBe(plan.column);
    expect(plan2.reused).toBe(true);
    expect(plan2.values).toEqual(plan.values);
    const twice = apply(once, plan2);
    expect(twice.rows).toEqual(once.rows);
  });

  test('the original cells are never part of the plan: applied, every cell of A..J is as it was, K..N hold the plan', () => {
    const once = apply(grid, plan);
    expect(once.rows.map((r) => r.slice(0, 10))).toEqual(grid.rows.map((r) => r.concat(new Array(10).fill(null)).slice(0, 10)));
    // The labels on the first header row (3), values from row 5 on; the title rows and the second header row are not touched.
    expect(once.rows.map((r) => r.length)).toEqual([10, 10, 14, 10, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14, 14]);
    expect(plan.values.every((v) => v.length === 4)).toBe(true);
    expect(once.rows[2].slice(10)).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
    expect(once.rows[4].slice(10)).toEqual([null, null, null, null]);
  });

  test('a re-check in English finds the Chinese columns and relabels them in place', () => {
    const g = aspectColumnLedger();
    const zh = apply(g, planAnnotation(g, checkWorkbook([g], OPTS), 'zh'));
    const en = planAnnotation(zh, checkWorkbook([zh], { ...OPTS, lang: 'en' }), 'en');
    expect(en.column).toBe(8);
    expect(en.labels[0]).toBe('Deadline flag');
  });
});
