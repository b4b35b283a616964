/**
 * The flag rules at their boundaries (docs/rules.md, "Flags, in order"): daysLeft < 0 is overdue,
 * daysLeft <= due-soon-days is due soon, and a 立行立改 item is due start + immediate-days (30 by
 * default). Each boundary is asserted on both sides with literal dates, through flagItem and through a
 * whole check of a ledger, so that moving a boundary by one day fails here.
 */
import { checkWorkbook } from '../../../src/core/check/check';
import { flagItem } from '../../../src/core/check/flags';
import { DEFAULTS } from '../../../src/core/model/options';
import { CheckOptions } from '../../../src/core/model/result';
import { Deadline, Flag, Item } from '../../../src/core/model/ledger';
import { Grid } from '../../../src/core/model/grid';

const AS_OF = '2022-07-15';

function item(deadline: Deadline, state: Item['state'] = 'in-progress'): Item {
  return {
    sheet: '台账', row: 5, seq: '1', aspect: '', problem: '问题', requirement: '', measure: '措施', leader: '', leadDept: '办公室',
    coDept: '', owner: '', deadline, progress: '', statusText: '', state, doneDate: null, closeOut: '', evidence: '', notes: '', cells: {},
  };
}

const on = (due: string): Deadline => ({ text: due, kind: 'date', due, ongoing: false });
const IMMEDIATE: Deadline = { text: '立行立改', kind: 'immediate', due: null, ongoing: false };

function flagOf(deadline: Deadline, opts: Partial<CheckOptions> = {}) {
  const f = flagItem(item(deadline), { asOf: AS_OF, ...opts });
  return { flag: f.flag, due: f.due, daysLeft: f.daysLeft };
}

describe('the defaults are the documented ones', () => {
  test('due-soon-days is 10, immediate-days 30 and reply-days 3', () => {
    expect(DEFAULTS).toEqual({ dueSoonDays: 10, immediateDays: 30, replyDays: 3 });
  });
});

describe('overdue at daysLeft -1, not at 0', () => {
  test.each<[string, Flag, number]>([
    ['2022-07-13', 'overdue', -2],
    ['2022-07-14', 'overdue', -1],
    ['2022-07-15', 'due-soon', 0],
  ])('due %s -> %s (%i)', (due, flag, daysLeft) => {
    expect(flagOf(on(due))).toEqual({ flag, due, daysLeft });
  });
});

describe('due soon up to and including due-soon-days', () => {
  test.each<[string, Flag, number]>([
    ['2022-07-15', 'due-soon', 0],
    ['2022-07-24', 'due-soon', 9],
    ['2022-07-25', 'due-soon', 10],
    ['2022-07-26', 'on-track', 11],
  ])('default window: due %s -> %s (%i)', (due, flag, daysLeft) => {
    expect(flagOf(on(due))).toEqual({ flag, due, daysLeft });
  });

  test.each<[number, string, Flag, number]>([
    [3, '2022-07-18', 'due-soon', 3],
    [3, '2022-07-19', 'on-track', 4],
    [0, '2022-07-15', 'due-soon', 0],
    [0, '2022-07-16', 'on-track', 1],
    [20, '2022-08-04', 'due-soon', 20],
    [20, '2022-08-05', 'on-track', 21],
  ])('due-soon-days %i: due %s -> %s (%i)', (dueSoonDays, due, flag, daysLeft) => {
    expect(flagOf(on(due), { dueSoonDays })).toEqual({ flag, due, daysLeft });
  });
});

describe('立行立改 is due start + immediate-days', () => {
  test('30 days by default: start 2022-06-10 -> due 2022-07-10, 5 days overdue on 2022-07-15', () => {
    expect(flagOf(IMMEDIATE, { start: '2022-06-10' })).toEqual({ flag: 'overdue', due: '2022-07-10', daysLeft: -5 });
  });
  test('the 30th day after the start is the last day: start 2022-06-15 -> due 2022-07-15, due soon', () => {
    expect(flagOf(IMMEDIATE, { start: '2022-06-15' })).toEqual({ flag: 'due-soon', due: '2022-07-15', daysLeft: 0 });
  });
  test('--immediate-days changes it: 45 days from 2022-06-10 -> 2022-07-25', () => {
    expect(flagOf(IMMEDIATE, { start: '2022-06-10', immediateDays: 45 })).toEqual({ flag: 'due-soon', due: '2022-07-25', daysLeft: 10 });
  });
  test('without a start it is judged as of the check date (and warned about, see check.test.ts)', () => {
    expect(flagOf(IMMEDIATE)).toEqual({ flag: 'due-soon', due: AS_OF, daysLeft: 0 });
  });
  test('done is done, whatever the date', () => {
    const f = flagItem(item(on('2022-01-01'), 'done'), { asOf: AS_OF });
    expect({ flag: f.flag, daysLeft: f.daysLeft }).toEqual({ flag: 'done', daysLeft: null });
  });
});

describe('the rules apply in order (docs/rules.md): done first, then long-term, then no deadline', () => {
  const LONG: Deadline = { text: '长期坚持', kind: 'long-term', due: null, ongoing: true };
  const NONE: Deadline = { text: '', kind: 'none', due: null, ongoing: false };
  test.each<[string, Flag, Deadline, Item['state']]>([
    ['长期坚持, 已完成', 'done', LONG, 'done'],
    ['长期坚持, 已销号', 'done', LONG, 'closed'],
    ['长期坚持, 推进中', 'long-term', LONG, 'in-progress'],
    ['no deadline, 已完成', 'done', NONE, 'done'],
    ['no deadline, 推进中', 'no-deadline', NONE, 'in-progress'],
    ['overdue date, 已销号', 'done', { text: '2022年6月底前', kind: 'date', due: '2022-06-30', ongoing: false }, 'closed'],
  ])('%s -> %s', (_name, flag, deadline, state) => {
    const f = flagItem(item(deadline, state), { asOf: AS_OF });
    expect({ flag: f.flag, daysLeft: f.daysLeft }).toEqual({ flag, daysLeft: null });
  });
});

describe('the same boundaries through a whole check', () => {
  const g: Grid = {
    name: '台账',
    rows: [
      ['序号', '整改措施', '牵头部门', '完成时限', '完成状态'],
      ['1', '昨天到期', '办公室', '2022年7月14日', '正在推进'],
      ['2', '今天到期', '办公室', '2022年7月15日', '正在推进'],
      ['3', '十天后到期', '办公室', '2022年7月25日', '正在推进'],
      ['4', '十一天后到期', '办公室', '2022年7月26日', '正在推进'],
      ['5', '立行立改', '办公室', '立行立改', '正在推进'],
    ],
  };
  const flags = (opts: Partial<CheckOptions>) =>
    checkWorkbook([g], { asOf: AS_OF, start: '2022-06-15', ...opts }).items.map((i) => [i.flag, i.due, i.daysLeft]);

  test('defaults', () => {
    expect(flags({})).toEqual([
      ['overdue', '2022-07-14', -1],
      ['due-soon', '2022-07-15', 0],
      ['due-soon', '2022-07-25', 10],
      ['on-track', '2022-07-26', 11],
      ['due-soon', '2022-07-15', 0],
    ]);
  });

  test('due-soon-days 0 and immediate-days 31', () => {
    expect(flags({ dueSoonDays: 0, immediateDays: 31 })).toEqual([
      ['overdue', '2022-07-14', -1],
      ['due-soon', '2022-07-15', 0],
      ['on-track', '2022-07-25', 10],
      ['on-track', '2022-07-26', 11],
      ['on-track', '2022-07-16', 1],
    ]);
  });
});
