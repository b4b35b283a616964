/**
 * taizhang compare's core (src/core/aggregate/compare.ts): two versions of one messy ledger, built in code, with
 * every kind of change planted, judged each at its own date.
 */
import { checkWorkbook } from '../../../src/core/check/check';
import { CHANGE_KINDS } from '../../../src/core/model/comparison';
import { compareResults, MATCH_THRESHOLD, pairItems, similarity, comparable } from '../../../src/core/aggregate/compare';
import { Grid } from '../../../src/core/model/grid';
import { stripEnumerator } from '../../../src/core/text/departments';
import fc from '../../fast-check';
import { earlierLedger, laterLedger } from '../helpers/versions';

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

  test('立行立改 with no start date, the same words in both versions: due at each one\'s as-of, but not a moved deadline', () => {
    const ledger: Grid = {
      name: '台账',
      rows: [
        ['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '整改进展'],
        ['1', '会议制度执行不严', '严格落实第一议题制度', '办公室', '立行立改', '已制定学习计划'],
        ['2', '保密宣传不到位', '制定保密宣传月方案', '保密办', '即知即改', ''],
        ['3', '调研不深入', '形成专题调研报告', '政策研究处', '2022年6月30日', '正在征求意见'],
      ],
    };
    const e = checkWorkbook([ledger], { asOf: '2022-06-15' });
    const l = checkWorkbook([ledger], { asOf: '2022-07-15' });
    // Without a start, 立行立改 and 即知即改 are due on the day each version is judged.
    expect(e.items.map((i) => i.due)).toEqual(['2022-06-15', '2022-06-15', '2022-06-30']);
    expect(l.items.map((i) => i.due)).toEqual(['2022-07-15', '2022-07-15', '2022-06-30']);
    const cmp = compareResults(e, l);
    expect(cmp.totals['deadline-later']).toBe(0);
    expect(cmp.totals['deadline-earlier']).toBe(0);
    // What did change (changes in CHANGE_KINDS order): item 3 went overdue; none of the three shows new progress while due.
    expect(cmp.changes.map((c) => c.kind + ' ' + c.seq)).toEqual(['newly-overdue 3', 'stalled 1', 'stalled 2', 'stalled 3']);
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

  test('a version that names no lead department (a task list kept alone) changes no department', () => {
    // Last period's task list was pasted in alone; this period's names 牵头部门 for each task.
    const alone: Grid = {
      name: '任务清单（上期）',
      rows: [
        ['序号', '整改措施', '完成时限', '整改进展'],
        ['1', '开展专项审计', '2022年6月30日', '正在审计'],
        ['2', '组织全员廉政教育', '2022年8月31日', '已制定方案'],
      ],
    };
    const named: Grid = {
      name: '任务清单',
      rows: [
        ['序号', '整改措施', '牵头部门', '完成时限', '整改进展'],
        ['1', '开展专项审计', '财务处', '2022年6月30日', '已完成审计'],
        ['2', '组织全员廉政教育', '纪检组', '2022年8月31日', '已开展2次'],
      ],
    };
    const at = (g: Grid, asOf: string) => checkWorkbook([g], { asOf, start: START });
    expect(compareResults(at(alone, '2022-06-15'), at(named, '2022-07-15')).changes.map((c) => c.kind + ' ' + c.seq)).toEqual(['newly-overdue 1']);
    expect(compareResults(at(named, '2022-06-15'), at(alone, '2022-07-15')).totals['lead-changed']).toBe(0);
    // Both name one: a change is a change (and task 1, overdue now with the same progress, stalled).
    const moved: Grid = { ...named, rows: named.rows.map((r, i) => (i === 2 ? r.map((v, j) => (j === 2 ? '办公室' : v)) : r)) };
    expect(compareResults(at(named, '2022-06-15'), at(moved, '2022-07-15')).changes.map((c) => c.kind + ' ' + c.seq)).toEqual(['newly-overdue 1', 'stalled 1', 'lead-changed 2']);
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

  test('comparable: full-width forms fold to ASCII, then spaces and punctuation go, as written in one order or the other', () => {
    expect(comparable('ＡＢＣ－１２３，整改（第２批）')).toBe('abc123整改第2批');
    expect(comparable('ＸＸ　Ｙ．Ｚ')).toBe('xxyz');
    // The definition, folding first, over texts of every character the rule names.
    const byDefinition = (t: string) =>
      stripEnumerator(t)
        .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/[\s\u3000.,;:!?'"()[\]{}<>、，。；：！？“”‘’（）【】《》〈〉…—\-_/\\|·]+/g, '')
        .toLowerCase();
    const ascii = Array.from({ length: 95 }, (_, i) => String.fromCharCode(0x20 + i));
    const wide = Array.from({ length: 94 }, (_, i) => String.fromCharCode(0xff01 + i));
    const pool = ascii.concat(wide, ['\u3000', '\n', '\t', '、', '。', '“', '”', '【', '】', '…', '—', '·', '整', '改', '（一）', '一、', '1.', '第一',
      '\u00a0', '\u2003', '\u2028', '\ufeff', 'É', 'Σ', '\ud840\udc00', '\ud840', '〈', '》']);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pool), { maxLength: 30 }), (parts) => {
        const t = parts.join('');
        expect(comparable(t)).toBe(byDefinition(t));
      }),
      { numRuns: 2000 },
    );
  });

  test('comparable: every BMP code unit, alone and between two characters, as the definition reads it', () => {
    const byDefinition = (t: string) =>
      stripEnumerator(t)
        .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
        .replace(/[\s\u3000.,;:!?'"()[\]{}<>、，。；：！？“”‘’（）【】《》〈〉…—\-_/\\|·]+/g, '')
        .toLowerCase();
    const differ: number[] = [];
    for (let u = 0; u < 0x10000; u++) {
      const c = String.fromCharCode(u);
      for (const t of [c, '整' + c + '改', 'A' + c + c + 'b']) if (comparable(t) !== byDefinition(t)) differ.push(u);
    }
    expect(differ).toEqual([]);
  });

  test('joint leads in another order are the same lead', () => {
    const grid = (dept: string): Grid => ({ name: 'a', rows: [['序号', '整改措施', '牵头部门', '完成时限'], ['1', '开展专项审计', dept, '2022年6月30日']] });
    const cmp = compareResults(checkWorkbook([grid('办公室、财务处')], { asOf: '2022-06-01' }), checkWorkbook([grid('财务处，办公室')], { asOf: '2022-06-10' }));
    expect(cmp.totals['lead-changed']).toBe(0);
  });
});
