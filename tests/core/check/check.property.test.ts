import fc from '../../fast-check';
import { planAnnotation } from '../../../src/core/sheets/annotation';
import { checkWorkbook } from '../../../src/core/check/check';
import { isTaizhangError } from '../../../src/core/words/errors';
import { FLAGS } from '../../../src/core/model/ledger';
import { CellValue, Grid } from '../../../src/core/model/grid';

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
