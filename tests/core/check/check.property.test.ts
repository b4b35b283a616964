import fc from '../../fast-check';
import { planAnnotation } from '../../../src/core/sheets/annotation';
import { checkWorkbook } from '../../../src/core/check/check';
import { isTaizhangError } from '../../../src/core/words/errors';
import { FLAGS } from '../../../src/core/model/ledger';
import { CellValue, Grid } from '../../../src/core/model/grid';
import { Finding } from '../../../src/core/model/result';
import { sortFindings } from '../../../src/core/check/rules';

const WORDS = ['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '完成状态', '整改进展', '责任清单', '一、', '合计', '注：',
  '2022年6月底前', '立行立改', '长期坚持', '已完成', '未完成', '=SUM(A1)', '6月中旬', '反馈后2个月内', '\n', '办公室'];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string(),
  fc.constantFrom(...WORDS),
  fc.array(fc.constantFrom(...WORDS), { maxLength: 4 }).map((a) => a.join('')),
  fc.double({ noNaN: false }),
  fc.integer({ min: -100000, max: 100000 }),
  fc.boolean(),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2200-12-31'), noInvalidDate: true }).map((d) => ({ date: d.toISOString().slice(0, 10) })),
);

const grid: fc.Arbitrary<Grid> = fc.array(fc.array(cell, { maxLength: 12 }), { maxLength: 40 }).map((rows) => ({ name: 'S', rows }));

const HEADER: CellValue[] = ['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '完成状态'];

describe('random grids', () => {
  test('never throw anything but a typed, user-facing error', () => {
    fc.assert(
      fc.property(grid, fc.constantFrom<'zh' | 'en'>('zh', 'en'), (g, lang) => {
        try {
          const r = checkWorkbook([g], { asOf: '2022-07-15', start: '2022-02-24', lang });
          planAnnotation(g, r, lang);
        } catch (e) {
          if (!isTaizhangError(e)) throw e;
        }
      }),
      { numRuns: 400 },
    );
  });

  test('under a real header: every flag is valid and the totals add up', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 6, maxLength: 6 }), { maxLength: 40 }), (body) => {
        const g: Grid = { name: '台账', rows: [HEADER].concat(body) };
        const r = checkWorkbook([g], { asOf: '2022-07-15' });
        r.items.forEach((i) => expect(FLAGS).toContain(i.flag));
        const t = r.totals;
        expect(t.done + t.overdue + t.dueSoon + t.onTrack + t.longTerm + t.noDeadline).toBe(t.items);
        expect(t.items).toBe(r.items.length);
        const plan = planAnnotation(g, r, 'zh');
        expect(plan.values.length).toBe(plan.lastRow - plan.firstRow + 1);
        expect(plan.column).toBeGreaterThan(6);
      }),
      { numRuns: 300 },
    );
  });
});

describe('sortFindings', () => {
  // The order as first written: a sort of (finding, position) pairs by sheet rank, row, errors first, position.
  const byDefinition = (findings: Finding[], sheets: string[]) => {
    const rank = (f: Finding) => (sheets.indexOf(f.sheet) < 0 ? sheets.length : sheets.indexOf(f.sheet));
    return findings
      .map((f, i) => ({ f, i }))
      .sort((a, b) => rank(a.f) - rank(b.f) || a.f.row - b.f.row || (a.f.severity === b.f.severity ? a.i - b.i : a.f.severity === 'error' ? -1 : 1))
      .map((x) => x.f);
  };
  const finding: fc.Arbitrary<Finding> = fc.record({
    rule: fc.constantFrom<Finding['rule']>('deadline-missing', 'lead-dept-missing', 'duplicate-seq'),
    severity: fc.constantFrom<Finding['severity']>('error', 'warning'),
    cell: fc.constant('A1'),
    row: fc.integer({ min: 1, max: 6 }),
    sheet: fc.constantFrom('任务清单', '问题清单', '责任清单', '别的'),
    message: fc.string({ maxLength: 3 }),
  });

  test('orders sheets as given, then rows, errors first, else as they came: sorted or not, the same findings', () => {
    fc.assert(
      fc.property(fc.array(finding, { maxLength: 40 }), fc.boolean(), (list, presort) => {
        const sheets = ['任务清单', '问题清单', '责任清单'];
        const input = presort ? byDefinition(list, sheets) : list;
        const out = sortFindings(input, sheets);
        expect(out).toEqual(byDefinition(input, sheets));
        // Each finding once, the very objects given, and the input left as it was.
        expect(out.every((f, i) => f === byDefinition(input, sheets)[i])).toBe(true);
        expect(out).not.toBe(input);
      }),
      { numRuns: 1500 },
    );
  });

  test('two errors and a warning on one row, given warning first, come errors first in their order', () => {
    const f = (severity: Finding['severity'], message: string, row = 5): Finding => ({ rule: 'deadline-missing', severity, cell: 'G' + row, row, sheet: 'S', message });
    const list = [f('warning', 'w'), f('error', 'e1'), f('error', 'e2'), f('warning', 'top', 2)];
    expect(sortFindings(list, ['S']).map((x) => x.message)).toEqual(['top', 'e1', 'e2', 'w']);
  });
});
