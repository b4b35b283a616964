/**
 * taizhang compare's core (src/core/compare.ts): two versions of one messy ledger, built in code, with
 * every kind of change planted, judged each at its own date.
 */
import { checkWorkbook } from '../../src/core/check';
import { CHANGE_KINDS, compareResults, MATCH_THRESHOLD, pairItems, similarity, comparable } from '../../src/core/compare';
import { CellValue, Grid } from '../../src/core/types';

const _ = null;
type Row = CellValue[];

const HEAD: Row[] = [
  ['某局巡察反馈问题整改落实台账', _, _, _, _, _, _, _, _],
  ['填报单位（盖章）：某局办公室        填报人：张三', _, _, _, _, _, _, _, _],
  ['序号', '存在问题', '整改措施', '责任清单', _, _, '完成时限', '整改进展', _],
  [_, _, _, '责任领导', '牵头部门', '配合部门', _, '进展情况', '完成状态'],
];

/** Last month's version. */
function earlierLedger(): Grid {
  const rows: Row[] = HEAD.concat([
    ['一、理论学习不够深入', _, _, _, _, _, _, _, _],
    ['1', '理论学习中心组学习流于形式', '制定年度学习计划，每季度开展专题研讨', '王局长', '办公室', _, '2022年6月底前', '已制定计划', '正在推进'],
    ['2', _, '建立学习考勤和通报制度', _, '办公室', _, '2022年5月31日', '制度初稿已完成', '正在推进'],
    ['3', '意识形态工作责任制落实不到位', '开展意识形态领域风险排查', '李副局长', '宣传处', _, '6月底前', '正在排查', '整改中'],
    ['4', _, '定期分析研判意识形态形势', _, '宣传处', _, '长期坚持', '每季度研判一次', '已完成'],
    ['二、全面从严治党主体责任落实有差距', _, _, _, _, _, _, _, _],
    ['5', '对下属单位监督管理偏松偏软', '修订《下属单位管理办法》', '赵副局长', '办公室', _, '2022年7月10日', '已形成征求意见稿', '整改中'],
    ['6', _, '开展专项检查', _, '财务处', _, '2022年12月31日', '已制定检查方案', '正在推进'],
    ['7', '公务接待不规范', '清理公务接待台账', '赵副局长', '财务处', _, '2022年6月10日', '正在清理', '推进中'],
    ['8', '督查检查考核过多', '压减督查检查考核事项', '钱副局长', '督查室', _, '2022年8月31日', '已梳理事项清单', '正在推进'],
  ]);
  return { name: '整改台账', rows };
}

/** This month's version: renumbered (a new item on top, one removed), reworded, moved, closed, gone back. */
function laterLedger(): Grid {
  const rows: Row[] = HEAD.concat([
    ['一、理论学习不够深入', _, _, _, _, _, _, _, _],
    ['1', '公务接待不规范', '建立公务接待审批登记制度', '赵副局长', '财务处', _, '2022年9月30日', '已起草', '正在推进'],
    ['2', '理论学习中心组学习流于形式', '制定年度学习计划，每季度开展专题研讨', '王局长', '办公室', _, '2022年6月底前', '已制定计划并开展2次研讨', '已完成'],
    ['3', _, '建立学习考勤和通报制度', _, '办公室', _, '2022年5月31日', '制度初稿已完成', '正在推进'],
    ['4', '意识形态工作责任制落实不到位', '开展意识形态领域风险排查', '李副局长', '宣传处', _, '2022年9月30日', '已完成2个处室排查', '整改中'],
    ['5', _, '定期分析研判意识形态形势', _, '宣传处', _, '长期坚持', '每季度研判一次', '正在推进'],
    ['二、全面从严治党主体责任落实有差距', _, _, _, _, _, _, _, _],
    ['6', '对下属单位监督管理偏松偏软', '修订《下属单位管理办法》', '赵副局长', '办公室', _, '2022年7月10日', '已提交党组会审议', '整改中'],
    ['7', _, '开展专项检查', _, '纪检组', _, '2022年12月31日', '已制定检查方案', '正在推进'],
    ['8', '督查检查考核过多', '压减各类督查检查考核事项', '钱副局长', '督查室', _, '2022年8月31日', '事项清单已报审', '正在推进'],
  ]);
  return { name: '整改台账', rows };
}

const START = '2022-02-24';
const earlier = () => checkWorkbook([earlierLedger()], { asOf: '2022-06-15', start: START });
const later = () => checkWorkbook([laterLedger()], { asOf: '2022-07-15', start: START });

describe('compare: two versions with every kind of change planted', () => {
  const cmp = compareResults(earlier(), later());
  const of = (kind: string) => cmp.changes.filter((c) => c.kind === kind);

  test('each version is judged at its own date', () => {
    expect(cmp.periodDays).toBe(30);
    expect(cmp.earlier.items.map((i) => i.flag)).toEqual(['on-track', 'overdue', 'on-track', 'done', 'on-track', 'on-track', 'overdue', 'on-track']);
    expect(cmp.later.items.map((i) => i.flag)).toEqual(['on-track', 'done', 'overdue', 'on-track', 'long-term', 'overdue', 'on-track', 'on-track']);
  });

  test('renumbered and reworded items pair with their earlier selves; nothing pairs wrongly', () => {
    expect(cmp.pairs.map((p) => [p.later.seq, p.earlier.seq])).toEqual([
      ['2', '1'],
      ['3', '2'],
      ['4', '3'],
      ['5', '4'],
      ['6', '5'],
      ['7', '6'],
      ['8', '8'],
    ]);
  });

  test('the moved deadline, in other words: 6月底前 -> 2022年9月30日', () => {
    expect(of('deadline-later').map((c) => [c.row, c.earlierRow, c.seq, c.from, c.to])).toEqual([
      [9, 8, '4', { text: '6月底前', due: '2022-06-30' }, { text: '2022年9月30日', due: '2022-09-30' }],
    ]);
    expect(of('deadline-earlier')).toEqual([]);
  });

  test('closed, newly overdue, still overdue (with the days), stalled, gone back, lead changed', () => {
    expect(of('done').map((c) => [c.row, c.earlierRow, c.from!.state, c.to!.state])).toEqual([[7, 6, 'in-progress', 'done']]);
    expect(of('newly-overdue').map((c) => [c.row, c.measure, c.from!.flag, c.to!.flag, c.to!.daysLeft])).toEqual([
      [12, '修订《下属单位管理办法》', 'on-track', 'overdue', -5],
    ]);
    expect(of('still-overdue').map((c) => [c.row, c.from!.daysLeft, c.to!.daysLeft])).toEqual([[8, -15, -45]]);
    expect(of('stalled').map((c) => [c.row, c.from!.progress, c.to!.progress])).toEqual([[8, '制度初稿已完成', '制度初稿已完成']]);
    expect(of('went-back').map((c) => [c.row, c.from!.state, c.to!.state])).toEqual([[10, 'done', 'in-progress']]);
    expect(of('lead-changed').map((c) => [c.row, c.from, c.to])).toEqual([[13, { leadDept: '财务处' }, { leadDept: '纪检组' }]]);
  });

  test('added and removed', () => {
    expect(of('added').map((c) => [c.row, c.earlierRow, c.measure])).toEqual([[6, null, '建立公务接待审批登记制度']]);
    expect(of('removed').map((c) => [c.row, c.earlierRow, c.measure])).toEqual([[null, 13, '清理公务接待台账']]);
  });

  test('totals count each kind, every kind present', () => {
    expect(cmp.totals).toEqual({
      'deadline-later': 1,
      'deadline-earlier': 0,
      'newly-overdue': 1,
      'still-overdue': 1,
      stalled: 1,
      'went-back': 1,
      done: 1,
      'lead-changed': 1,
      added: 1,
      removed: 1,
    });
    expect(Object.keys(cmp.totals)).toEqual(CHANGE_KINDS);
  });

  test('changes come in report order: moved deadlines first', () => {
    expect(cmp.changes.map((c) => c.kind)).toEqual([
      'deadline-later',
      'newly-overdue',
      'still-overdue',
      'stalled',
      'went-back',
      'done',
      'lead-changed',
      'added',
      'removed',
    ]);
  });
});

describe('compare: the edges', () => {
  test('a ledger compared with itself at the same date has no changes', () => {
    const a = later();
    const cmp = compareResults(a, later());
    expect(cmp.changes).toEqual([]);
    expect(cmp.pairs).toHaveLength(8);
  });

  test('two ledgers that share nothing: all removed and added, no pair', () => {
    const other: Grid = {
      name: '台账',
      rows: [
        ['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '完成状态'],
        ['1', '食堂管理混乱', '更换食堂承包商', '后勤处', '2022年8月31日', '正在推进'],
        ['2', '车辆使用不规范', '安装公车定位系统', '后勤处', '2022年9月30日', '未启动'],
      ],
    };
    const cmp = compareResults(earlier(), checkWorkbook([other], { asOf: '2022-07-15', start: START }));
    expect(cmp.pairs).toEqual([]);
    expect(cmp.totals.added).toBe(2);
    expect(cmp.totals.removed).toBe(8);
    expect(cmp.changes).toHaveLength(10);
  });

  test('a different measure under the same number never pairs', () => {
    const e = checkWorkbook(
      [{ name: 'a', rows: [['序号', '整改措施', '牵头部门', '完成时限'], ['1', '开展专项审计', '财务处', '2022年6月30日']] }],
      { asOf: '2022-06-01' },
    );
    const l = checkWorkbook(
      [{ name: 'a', rows: [['序号', '整改措施', '牵头部门', '完成时限'], ['1', '组织全员廉政教育', '财务处', '2022年6月30日']] }],
      { asOf: '2022-07-01' },
    );
    expect(pairItems(e.items, l.items)).toEqual([]);
  });

  test('similarity: 1 for equal, high for a small edit, low for another text', () => {
    expect(similarity('开展专项检查', '开展专项检查')).toBe(1);
    expect(similarity(comparable('压减督查检查考核事项'), comparable('压减各类督查检查考核事项'))).toBeCloseTo(0.8, 5);
    expect(similarity('开展专项审计', '组织全员廉政教育')).toBe(0);
    expect(comparable('（一）建立健全 制度。')).toBe('建立健全制度');
    expect(MATCH_THRESHOLD).toBeGreaterThan(0.5);
  });

  test('joint leads in another order are the same lead', () => {
    const grid = (dept: string): Grid => ({ name: 'a', rows: [['序号', '整改措施', '牵头部门', '完成时限'], ['1', '开展专项审计', dept, '2022年6月30日']] });
    const cmp = compareResults(checkWorkbook([grid('办公室、财务处')], { asOf: '2022-06-01' }), checkWorkbook([grid('财务处，办公室')], { asOf: '2022-06-10' }));
    expect(cmp.totals['lead-changed']).toBe(0);
  });
});
