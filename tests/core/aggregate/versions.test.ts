/**
 * Two versions of one ledger in one workbook (src/core/aggregate/versions.ts), as staff have them for the
 * pane's 对比上期: this month's ledger, last month's pasted in beside it, other sheets around.
 */
import { LedgerChoice } from '../../../src/core/check/check';
import { detectHeader } from '../../../src/core/read/header';
import { currentVersion, earlierCandidates, headerLikeness, SAME_LEDGER } from '../../../src/core/aggregate/versions';
import { Grid } from '../../../src/core/model/grid';
import { earlierLedger, laterLedger } from '../helpers/versions';
import { problemList, responsibilityList, roster, taskList } from '../helpers/threelists';

const choice = (grid: Grid): LedgerChoice => ({ grid, header: detectHeader(grid)! });
const named = (g: Grid, name: string): Grid => ({ ...g, name });

/** The same ledger kept with a one-row header: 责任领导 without the 责任清单 above it, 整改进展 alone, no 配合部门. */
const oneRow: Grid = {
  name: '台账（一行表头）',
  rows: [
    ['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态'],
    [1, '公务接待不规范', '清理公务接待台账', '赵副局长', '财务处', '2022年6月10日', '正在清理', '推进中'],
  ],
};

describe('earlierCandidates: the sheets 对比上期 offers as last period’s version', () => {
  test('a ledger whose header only taught words name: its earlier copy is offered with the same words, and not without them', () => {
    const taught = { headers: { seq: ['条目'], problem: ['查出事项'], measure: ['落实办法'], leadDept: ['主办科室'], deadline: ['办结期限'], progress: ['落实情况'] } };
    const sheet = (name: string, state: string): Grid => ({
      name,
      rows: [
        ['条目', '查出事项', '落实办法', '主办科室', '办结期限', '落实情况'],
        [1, '台账更新不及时', '每周更新台账', '办公室', '2022年6月30日', state],
        [2, '值班记录缺页', '补齐值班记录', '保卫科', '2022年7月31日', '正在补记'],
      ],
    });
    const grids = [sheet('本月', '已完成'), sheet('上月', '正在更新'), { name: '说明', rows: [['本台账按月更新']] }];
    expect(detectHeader(grids[1])).toBeNull();
    const ledger = { grid: grids[0], header: detectHeader(grids[0], undefined, taught)! };
    expect(earlierCandidates(grids, ledger, [], taught)).toEqual([{ sheet: '上月', likeness: 1 }]);
    expect(earlierCandidates(grids, ledger)).toEqual([]);
  });

  const later = laterLedger();
  const grids = [{ name: '说明', rows: [['本台账按月更新']] }, later, named(earlierLedger('2022年6月15日'), '上期台账'), oneRow, problemList(), taskList(), responsibilityList(), roster()];

  test('every other sheet with a ledger header, most alike first; never the ledger itself, and none without a header', () => {
    // 上期台账 has the very header; the one-row one matches 7 of 9 fields' words (责任领导 and 整改进展 half, 配合部门 none).
    expect(earlierCandidates(grids, choice(later))).toEqual([
      { sheet: '上期台账', likeness: 1 },
      { sheet: '台账（一行表头）', likeness: 7 / 9 },
      { sheet: '任务清单', likeness: 0.35 },
    ]);
  });

  test('the sheets excluded (the other lists of three) are not offered; ties keep tab order', () => {
    expect(earlierCandidates(grids, choice(later), ['任务清单']).map((c) => c.sheet)).toEqual(['上期台账', '台账（一行表头）']);
    const twice = [later, named(earlierLedger(), '5月'), named(earlierLedger(), '4月')];
    expect(earlierCandidates(twice, choice(later))).toEqual([
      { sheet: '5月', likeness: 1 },
      { sheet: '4月', likeness: 1 },
    ]);
  });

  test('likeness is symmetric, and the one-row version still counts as the same ledger', () => {
    expect(headerLikeness(choice(oneRow), choice(later))).toBe(headerLikeness(choice(later), choice(oneRow)));
    expect(headerLikeness(choice(later), choice(oneRow))).toBeGreaterThanOrEqual(SAME_LEDGER);
    expect(headerLikeness(choice(taskList()), choice(later)) < SAME_LEDGER).toBe(true);
  });
});

describe('currentVersion: of two versions, the one being kept now', () => {
  test('the copy moved in states the date it was filed at; the undated one is this period’s', () => {
    const now = laterLedger();
    const moved = named(earlierLedger('2022年6月15日'), '上期台账');
    expect(currentVersion([choice(moved), choice(now)]).grid.name).toBe('整改台账');
    expect(currentVersion([choice(now), choice(moved)]).grid.name).toBe('整改台账');
  });

  test('both dated: the later 填报时间; neither dated: the first given', () => {
    const june = named(earlierLedger('2022年6月15日'), '6月');
    const july = named(laterLedger('2022年7月15日'), '7月');
    expect(currentVersion([choice(july), choice(june)]).grid.name).toBe('7月');
    expect(currentVersion([choice(june), choice(july)]).grid.name).toBe('7月');
    expect(currentVersion([choice(named(earlierLedger(), 'a')), choice(named(laterLedger(), 'b'))]).grid.name).toBe('a');
  });
});
