import { planAnnotations } from '../../../src/core/sheets/annotation';
import { checkWorkbook } from '../../../src/core/check/check';
import { editDistance, findThreeLists, refKey } from '../../../src/core/read/threelists';
import { CheckResult } from '../../../src/core/model/result';
import { combinedEquivalent, problemList, responsibilityList, roster, taskList } from '../helpers/threelists';

const OPTS = { asOf: '2022-07-15', start: '2022-02-24' };

const at = (r: CheckResult, rule: string) => r.findings.filter((f) => f.rule === rule).map((f) => f.sheet + '!' + f.cell);

describe('three lists joined', () => {
  const grids = [roster(), responsibilityList(), taskList(), problemList()];
  const r = checkWorkbook(grids, OPTS);

  test('roles come from the headers, whatever the sheet order', () => {
    expect(r.sheet).toBe('任务清单');
    expect(r.sources).toEqual({ problems: '问题清单', tasks: '任务清单', responsibilities: '责任清单' });
    expect(r.header.rows).toEqual([1]);
  });

  test('each task is one item, with its problem, aspect and responsibility', () => {
    expect(r.items.map((i) => i.seq)).toEqual(['1', '2', '3', '4', '5', '6']);
    const [t1, t2, t3, t4, t5, t6] = r.items;
    expect(t1.problem).toBe('理论学习中心组学习流于形式');
    expect(t1.aspect).toBe('党的领导');
    expect(t2.problem).toBe('理论学习中心组学习流于形式'); // a blank 对应问题 continues the one above
    expect(t3.aspect).toBe('党的领导'); // inherited within the problem list
    expect(t5.problem).toBe('意识形态责任制落实不到位'); // ２ is 2
    expect(t6.aspect).toBe('作风建设');
    expect(t1.leader).toBe('王局长');
    expect(t1.owner).toBe('张三');
    // several responsibility rows for one task are kept together
    expect(t2.leadDept).toBe('人事科、财务处');
    expect(t2.owner).toBe('李四、王五');
    // a task whose problem does not exist is still an item
    expect(t4.problem).toBe('');
    expect(t4.flag).toBe('overdue');
    expect(t5.leadDept).toBe('');
  });

  test('cross-list findings sit on the cell that holds the bad reference or the orphan row', () => {
    expect(at(r, 'problem-without-measure')).toEqual(['问题清单!C5']);
    expect(at(r, 'measure-unknown-problem')).toEqual(['任务清单!B5']);
    expect(at(r, 'measure-without-responsibility')).toEqual(['任务清单!A6']);
    expect(at(r, 'responsibility-unknown-measure')).toEqual(['责任清单!A10']);
    expect(at(r, 'duplicate-seq')).toEqual(['问题清单!A7']);
    expect(at(r, 'lead-dept-not-in-roster')).toEqual(['责任清单!C5']);
    const hint = r.findings.filter((f) => f.rule === 'lead-dept-not-in-roster')[0];
    expect(hint.message).toContain('人事科');
    expect(hint.message).toContain('人事处');
    expect(hint.row).toBe(5);
    // a task without a responsibility row is reported once, not also as lead-dept-missing
    expect(at(r, 'lead-dept-missing')).toEqual([]);
    expect(at(r, 'long-term-no-progress')).toEqual(['任务清单!E6']);
  });

  test('the totals equal those of the same ledger written as one combined sheet', () => {
    const combined = checkWorkbook([combinedEquivalent()], OPTS);
    expect(r.totals).toEqual(combined.totals);
    expect(r.totals).toEqual({ items: 6, done: 2, overdue: 1, dueSoon: 1, onTrack: 1, longTerm: 1, noDeadline: 0 });
    expect(r.items.map((i) => i.flag)).toEqual(combined.items.map((i) => i.flag));
  });

  test('the task list gets the four columns; the other lists get notes on their orphans', () => {
    const plans = planAnnotations(grids, r, 'zh');
    expect(plans.map((p) => [p.sheet, p.column, p.labels.length])).toEqual([
      ['任务清单', 6, 4],
      ['问题清单', 4, 1],
      ['责任清单', 5, 1],
    ]);
    const problems = plans[1];
    expect(problems.values[5 - problems.firstRow][0]).toContain('没有对应的整改措施');
    expect(problems.values[3 - problems.firstRow][0]).toBeNull();
  });
});

describe('reference headers vary', () => {
  test('问题编号 beside 序号 is the reference; 措施序号 names the task', () => {
    const r = checkWorkbook([problemList(), taskList('问题编号'), responsibilityList('措施序号')], OPTS);
    expect(r.sources && r.sources.tasks).toBe('任务清单');
    expect(r.items[0].problem).toBe('理论学习中心组学习流于形式');
    expect(r.items[0].leadDept).toBe('办公室');
  });
  test('a task list with only a responsibility list still joins', () => {
    const r = checkWorkbook([taskList(), responsibilityList()], OPTS);
    expect(r.sources).toEqual({ problems: '', tasks: '任务清单', responsibilities: '责任清单' });
    expect(r.items[1].leadDept).toBe('人事科、财务处');
    expect(at(r, 'problem-without-measure')).toEqual([]);
  });
  test('--sheet checks one sheet alone', () => {
    const r = checkWorkbook([problemList(), taskList(), responsibilityList()], { ...OPTS, sheet: '任务清单' });
    expect(r.sources).toBeUndefined();
  });
  test('a combined ledger next to a cover sheet is not taken for three lists', () => {
    expect(findThreeLists([combinedEquivalent(), roster()])).toBeNull();
  });
});

describe('taught words reach the three lists by the one rule', () => {
  /** The task list as an office keeps it: its reference headed 挂钩问题号, item 1 closed as 复查合格. */
  function ownTaskList() {
    const g = taskList('挂钩问题号');
    g.rows[1] = ['1', '1', '制定年度学习计划', '2022年6月底前', '复查合格'];
    return g;
  }
  const taught = { headers: { problemRef: ['挂钩问题号'] }, status: { closed: ['复查合格'] } };

  test('untaught, 挂钩问题号 is no reference and the lists are not joined', () => {
    expect(findThreeLists([problemList(), ownTaskList(), responsibilityList()])).toBeNull();
  });

  test('a taught header makes the task list, and a taught status word closes its item', () => {
    const lists = findThreeLists([problemList(), ownTaskList(), responsibilityList()], taught);
    expect(lists && [lists.tasks.grid.name, lists.tasks.header.columns.problemRef]).toEqual(['任务清单', 2]);
    const r = checkWorkbook([problemList(), ownTaskList(), responsibilityList()], { ...OPTS, taught });
    expect(r.sources).toEqual({ problems: '问题清单', tasks: '任务清单', responsibilities: '责任清单' });
    expect(r.items[0].problem).toBe('理论学习中心组学习流于形式');
    expect([r.items[0].state, r.items[0].flag]).toEqual(['closed', 'done']);
    // the same totals as the lists with their built-in words (已完成 for item 1)
    expect(r.totals).toEqual({ items: 6, done: 2, overdue: 1, dueSoon: 1, onTrack: 1, longTerm: 1, noDeadline: 0 });
  });
});

describe('helpers', () => {
  test.each([
    ['1', '1'], ['１', '1'], [' 1. ', '1'], ['1、', '1'], ['第3项', '3'], ['A-1', 'a-1'],
  ])('refKey(%j) = %j', (input, expected) => expect(refKey(input)).toBe(expected));
  test('editDistance', () => {
    expect(editDistance('人事科', '人事处')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
