import { stripEnumerator } from '../../../src/core/text/departments';
import { summarize } from '../../../src/core/aggregate/summary';
import { Summary } from '../../../src/core/model/summary';
import { CheckedItem } from '../../../src/core/model/result';
import { AS_OF, ledgerA, ledgerB } from '../helpers/results';

function names(s: Summary, which: 'byAspect' | 'byLeadDept'): string[] {
  return s[which].map((g) => g.name);
}

describe('stripEnumerator', () => {
  it.each([
    ['一、政治建设方面', '政治建设方面'],
    ['第三方面问题，落实新时代党的组织路线', '落实新时代党的组织路线'],
    ['（一）关于机关纪委监督责任问题', '关于机关纪委监督责任问题'],
    ['1.加强三公经费管理', '加强三公经费管理'],
    ['(2) 规范课题管理', '规范课题管理'],
    ['1.5亿元资金未及时拨付', '1.5亿元资金未及时拨付'],
    ['2022年度预算', '2022年度预算'],
    ['一把手监督不力', '一把手监督不力'],
    ['=SUM(A1)', '=SUM(A1)'],
  ])('%j -> %j', (text, expected) => {
    expect(stripEnumerator(text)).toBe(expected);
  });
});

describe('summarize one ledger', () => {
  const a = ledgerA();
  const s = summarize([a], { asOf: AS_OF });

  it('totals come from the items, and items is the sum of the six flags', () => {
    // Counted by hand from ledgerA: rows 5 and 7 done, 6 and 13 overdue, 8 due soon, 9 and 11 on track, 10 long-term, 12 no deadline.
    expect(s.totals).toEqual({ items: 9, done: 2, overdue: 2, dueSoon: 1, onTrack: 2, longTerm: 1, noDeadline: 1 });
  });

  it('completion rate is done over all items; done splits into closed and awaiting close-out', () => {
    expect(s.rate).toBeCloseTo(2 / 9, 10);
    expect(s.closed).toBe(1);
    expect(s.doneAwaitingClose).toBe(1);
    expect(s.closed + s.doneAwaitingClose).toBe(s.totals.done);
    expect(s.basicallyDone).toBe(1);
  });

  it('counts the 立行立改 subtotal by flag', () => {
    expect(s.immediate).toEqual({ items: 2, done: 1, overdue: 1, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 });
  });

  it('counts aspects and (aspect, problem) pairs, leaving blanks out', () => {
    expect(s.aspects).toBe(2);
    expect(s.problems).toBe(4);
  });

  it('groups by aspect in ledger order, without enumerators, with 其他 last', () => {
    expect(names(s, 'byAspect')).toEqual(['政治建设方面', '作风建设方面', '其他']);
    expect(s.byAspect[0]).toEqual({
      name: '政治建设方面', blank: false, problems: 2, measures: 3, done: 2, overdue: 1, dueSoon: 0,
      onTrack: 0, longTerm: 0, noDeadline: 0, rate: 2 / 3,
    });
    expect(s.byAspect[2]).toMatchObject({ blank: true, problems: 1, measures: 2, overdue: 1, noDeadline: 1, rate: 0 });
    expect(s.byAspect.reduce((n, g) => n + g.measures, 0)).toBe(s.totals.items);
    expect(s.byAspect.reduce((n, g) => n + g.problems, 0)).toBe(s.problems);
  });

  it('counts a jointly led item under each lead department, most overdue first, blank last', () => {
    expect(names(s, 'byLeadDept')).toEqual(['办公室', '人事处', '财务处', '（未填写）']);
    const dept = (n: string) => s.byLeadDept.filter((g) => g.name === n)[0];
    expect(dept('办公室')).toMatchObject({ measures: 4, problems: 3, done: 1, overdue: 2, longTerm: 1, rate: 0.25 });
    expect(dept('人事处')).toMatchObject({ measures: 3, overdue: 1, dueSoon: 1, onTrack: 1 });
    expect(dept('财务处')).toMatchObject({ measures: 3, done: 1, onTrack: 2 });
    expect(dept('（未填写）')).toMatchObject({ blank: true, measures: 1, noDeadline: 1 });
  });

  it('lists every overdue and due-soon item, most days overdue first, each with its source', () => {
    expect(s.overdueAndDueSoon.map((i) => [i.file, i.sheet, i.row, i.flag, i.daysLeft])).toEqual([
      ['a.xlsx', '整改台账', 6, 'overdue', -15],
      ['a.xlsx', '整改台账', 13, 'overdue', -5],
      ['a.xlsx', '整改台账', 8, 'due-soon', 3],
    ]);
  });

  it('carries the findings and the items with their file, and names the source', () => {
    expect(s.findings.map((f) => [f.file, f.rule])).toEqual([['a.xlsx', 'deadline-missing'], ['a.xlsx', 'done-without-evidence']]);
    expect(s.items).toHaveLength(9);
    expect(s.items.every((i) => i.file === 'a.xlsx')).toBe(true);
    expect(s.sources).toEqual([{ file: 'a.xlsx', sheet: '整改台账', items: 9 }]);
  });

  it('keeps formula-like text verbatim', () => {
    expect(s.items.map((i) => i.measure)).toEqual(expect.arrayContaining(['+86 电话 公开监督电话', '-', '@所有人 严格公务用车管理']));
    expect(s.items[2].problem).toBe('=SUM(A1)');
  });

  it('does not change the results it was given', () => {
    const fresh = ledgerA();
    summarize([fresh], { asOf: AS_OF });
    expect(fresh).toEqual(ledgerA());
  });
});

describe('summarize two ledgers (consolidation)', () => {
  const a = ledgerA();
  const b = ledgerB();
  const sa = summarize([a], { asOf: AS_OF });
  const sb = summarize([b], { asOf: AS_OF });
  const s = summarize([a, b], { asOf: AS_OF });

  it('adds the counts of both', () => {
    // A: 9 items (done 2, overdue 2, due soon 1, on track 2, long-term 1, no deadline 1); B: one overdue, one closed.
    expect(sb.totals).toEqual({ items: 2, done: 1, overdue: 1, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 });
    expect(s.totals).toEqual({ items: 11, done: 3, overdue: 3, dueSoon: 1, onTrack: 2, longTerm: 1, noDeadline: 1 });
    expect(sa.totals.items + sb.totals.items).toBe(s.totals.items);
    // Closed: A's first item and B's second; done awaiting close-out: A's +86 item.
    expect([s.closed, s.doneAwaitingClose, s.basicallyDone]).toEqual([2, 1, 1]);
    expect(s.rate).toBeCloseTo(3 / 11, 10);
    expect(s.immediate).toEqual({ items: 2, done: 1, overdue: 1, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 });
    expect(s.findings.map((f) => f.rule)).toEqual(['deadline-missing', 'done-without-evidence', 'lead-dept-missing']);
    expect(s.findingCounts).toEqual({ errors: 2, warnings: 1, byRule: { 'deadline-missing': 1, 'done-without-evidence': 1, 'lead-dept-missing': 1 } });
  });

  it('names both files on items, findings and sources', () => {
    expect(s.sources).toEqual([{ file: 'a.xlsx', sheet: '整改台账', items: 9 }, { file: 'b.xlsx', sheet: 'Sheet1', items: 2 }]);
    expect(s.items.map((i) => i.file)).toEqual([...Array(9).fill('a.xlsx'), 'b.xlsx', 'b.xlsx']);
    expect(s.findings.map((f) => f.file)).toEqual(['a.xlsx', 'a.xlsx', 'b.xlsx']);
  });

  it('merges the same aspect and problem written with and without numbering', () => {
    expect(names(s, 'byAspect')).toEqual(['政治建设方面', '作风建设方面', '组织建设方面', '其他']);
    expect(s.byAspect[0]).toMatchObject({ measures: 4, problems: 2, overdue: 2 });
    expect(s.aspects).toBe(3);
    expect(s.problems).toBe(5);
  });

  it('sorts departments by overdue, then due soon, then name', () => {
    expect(names(s, 'byLeadDept')).toEqual(['办公室', '人事处', '宣传部', '组织部', '财务处', '（未填写）']);
    // 办公室 2 overdue; 人事处 1 overdue and 1 due soon; 宣传部 1 overdue; then none lagging, by name; the blank last.
    expect(s.byLeadDept.map((g) => [g.name, g.overdue, g.dueSoon])).toEqual([
      ['办公室', 2, 0], ['人事处', 1, 1], ['宣传部', 1, 0], ['组织部', 0, 0], ['财务处', 0, 0], ['（未填写）', 0, 0],
    ]);
  });

  it('orders the overdue list across files', () => {
    expect(s.overdueAndDueSoon.map((i) => [i.file, i.row, i.daysLeft])).toEqual([
      ['b.xlsx', 5, -30], ['a.xlsx', 6, -15], ['a.xlsx', 13, -5], ['a.xlsx', 8, 3],
    ]);
  });
});

describe('summarize edge cases', () => {
  it('has a null rate with no items', () => {
    const s = summarize([], { asOf: AS_OF });
    expect(s.rate).toBeNull();
    expect(s.totals.items).toBe(0);
    expect(s.byAspect).toEqual([]);
    expect(s.overdueAndDueSoon).toEqual([]);
  });

  it('labels blank groups in English with lang en', () => {
    const s = summarize([ledgerA()], { asOf: AS_OF, lang: 'en' });
    expect(s.byAspect[2].name).toBe('Other');
    expect(s.byLeadDept[3].name).toBe('(blank)');
  });

  it('falls back to an empty file name when neither the result nor the item names one', () => {
    const r = ledgerA();
    delete r.file;
    const s = summarize([r], { asOf: AS_OF });
    expect(s.items.every((i: CheckedItem & { file: string }) => i.file === '')).toBe(true);
  });

  it('consolidates ten 5,000-row ledgers: every item is counted once, under its source', () => {
    const big = Array.from({ length: 10 }, (_, k) => {
      const r = ledgerA();
      r.file = 'dept' + k + '.xlsx';
      const items: CheckedItem[] = [];
      for (let n = 0; n < 5000; n++) items.push({ ...r.items[n % r.items.length], row: 5 + n, problem: 'P' + (n % 300) });
      r.items = items;
      return r;
    });
    const s = summarize(big, { asOf: AS_OF });
    expect(s.totals.items).toBe(50000);
    expect(s.sources.map((x) => x.items)).toEqual(big.map(() => 5000));
    expect(s.items.filter((i) => i.file === 'dept7.xlsx')).toHaveLength(5000);
  });
});
