/**
 * Cells whose text is the name of a member every JavaScript object has ("constructor", "toString",
 * "__proto__", "hasOwnProperty") are keys like any other: as 序号 and 任务序号 of the three lists, as a
 * department, a sheet name, a header and a comparison's text. Before text/dict.ts a 任务序号 reading
 * "constructor" threw "push is not a function" out of the three-list join.
 */
import { checkWorkbook } from '../../../src/core/check/check';
import { compareResults } from '../../../src/core/aggregate/compare';
import { summarize } from '../../../src/core/aggregate/summary';
import { safeSheetNames } from '../../../src/core/sheets/names';
import { CellValue, Grid } from '../../../src/core/model/grid';

const _ = null;
const opts = { asOf: '2022-07-15', start: '2022-02-24' };

function lists(): Grid[] {
  const problems: CellValue[][] = [
    ['序号', '问题类别', '存在问题'],
    ['constructor', '党的领导', '理论学习中心组学习流于形式'],
    ['toString', _, '意识形态责任制落实不到位'],
  ];
  const tasks: CellValue[][] = [
    ['序号', '对应问题', '整改措施', '完成时限', '完成情况'],
    ['__proto__', 'constructor', '制定年度学习计划', '2022年6月底前', '已完成'],
    ['hasOwnProperty', 'toString', '开展意识形态风险排查', '2022年12月底前', '正在推进'],
  ];
  const responsibilities: CellValue[][] = [
    ['任务序号', '责任领导', '牵头部门', '责任人'],
    ['__proto__', '王局长', 'constructor', '张三'],
    ['hasOwnProperty', '李副局长', 'toString', '李四'],
  ];
  const roster: CellValue[][] = [['部门名称'], ['constructor'], ['办公室']];
  return [
    { name: '问题清单', rows: problems },
    { name: '任务清单', rows: tasks },
    { name: '责任清单', rows: responsibilities },
    { name: '部门名单', rows: roster },
  ];
}

test('three lists joined by 序号 that name Object members', () => {
  const r = checkWorkbook(lists(), opts);
  expect(r.items.map((i) => [i.seq, i.problem, i.leadDept, i.flag])).toEqual([
    ['__proto__', '理论学习中心组学习流于形式', 'constructor', 'done'],
    ['hasOwnProperty', '意识形态责任制落实不到位', 'toString', 'on-track'],
  ]);
  // Every task finds its problem and its responsibility; only toString is not on the roster.
  expect(r.findings.map((f) => f.rule)).toEqual(['lead-dept-not-in-roster']);
});

test('a summary and a comparison of such items count them once, by their own names', () => {
  const r = checkWorkbook(lists(), opts);
  const s = summarize([r], { asOf: opts.asOf });
  expect(s.byLeadDept.map((g) => [g.name, g.measures])).toEqual([
    ['constructor', 1],
    ['toString', 1],
  ]);
  const c = compareResults(r, r);
  expect(c.pairs.length).toBe(2);
  expect(c.changes).toEqual([]);
});

test('sheet names that name Object members stay as they are', () => {
  expect(safeSheetNames(['constructor', 'toString', 'Constructor'])).toEqual(['constructor', 'toString', 'Constructor_2']);
});
