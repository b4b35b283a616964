import fc from '../../fast-check';
import { parseDeadline, DeadlineContext } from '../../../src/core/read/deadline/parse';
import { isIsoDate } from '../../../src/core/text/dates';
import { CellValue } from '../../../src/core/model/grid';
import { Deadline } from '../../../src/core/model/ledger';

const KINDS = ['date', 'immediate', 'long-term', 'none', 'unparsed'];

function checkShape(d: Deadline): void {
  expect(KINDS).toContain(d.kind);
  expect(typeof d.text).toBe('string');
  expect(typeof d.ongoing).toBe('boolean');
  if (d.kind === 'date') expect(d.due !== null && isIsoDate(d.due)).toBe(true);
  else expect(d.due).toBeNull();
  if (d.kind === 'none') expect(d.ongoing).toBe(false);
}

const isoArb = fc
  .date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

const ctxArb: fc.Arbitrary<DeadlineContext> = fc.record({
  asOf: isoArb,
  start: fc.option(isoArb, { nil: null }),
});

/** Pieces of real deadline wording, glued together at random, reach deep into the rules. */
const pieces = [
  '2022', '年', '月', '日', '号', '底', '末', '前', '之前', '上旬', '中旬', '下旬', '上半年', '下半年', '第', '季度',
  '至', '—', '-', '.', '/', '、', '，', '\n', ' ', '个月内', '工作日内', '天内', '周内', '半年内', '反馈后', '立行立改',
  '长期坚持', '常态化', '二〇二二', '十二', '三十一', '○', '２０２２', '１２', 'Q3', 'H1', 'June', 'end of', '30', '6',
  '13', '2', '29', '0', '99999', '每', '本', '今年', '明年',
];
const wordingArb = fc.array(fc.constantFrom(...pieces), { maxLength: 12 }).map((a) => a.join(''));

const cellArb: fc.Arbitrary<CellValue> = fc.oneof(
  fc.string(),
  fc.string({ unit: 'binary' }),
  wordingArb,
  fc.double(),
  fc.integer({ min: -100000, max: 100000 }),
  fc.boolean(),
  fc.constant(null),
  isoArb.map((date) => ({ date })),
  fc.string().map((date) => ({ date })),
);

describe('parseDeadline properties', () => {
  test('arbitrary strings never throw and give a valid Deadline', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), ctxArb, (s, ctx) => {
        checkShape(parseDeadline(s, ctx));
      }),
      { numRuns: 1000 },
    );
  });

  test('arbitrary cell values never throw and give a valid Deadline', () => {
    fc.assert(
      fc.property(cellArb, ctxArb, (v, ctx) => {
        checkShape(parseDeadline(v, ctx));
      }),
      { numRuns: 2000 },
    );
  });

  test('real-looking wording never throws', () => {
    fc.assert(
      fc.property(wordingArb, ctxArb, (s, ctx) => {
        const d = parseDeadline(s, ctx);
        checkShape(d);
        expect(d.text).toBe(s.trim());
      }),
      { numRuns: 3000 },
    );
  });

  test('a valid DateValue is returned as is', () => {
    fc.assert(
      fc.property(isoArb, ctxArb, (iso, ctx) => {
        expect(parseDeadline({ date: iso }, ctx)).toEqual({ text: iso, kind: 'date', due: iso, ongoing: false });
      }),
    );
  });

  test('relative forms are never before the start', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 120 }),
        fc.constantFrom('个月内', '日内', '天内', '个工作日内', '周内'),
        isoArb,
        (n, unit, start) => {
          const d = parseDeadline(n + unit, { asOf: start, start });
          expect(d.kind).toBe('date');
          expect(d.due! > start).toBe(true);
        },
      ),
    );
  });

  test('year-less dates with a start are never before the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), isoArb, (m, day, start) => {
        const d = parseDeadline(m + '月' + day + '日前', { asOf: start, start });
        expect(d.kind).toBe('date');
        expect(d.due! >= start).toBe(true);
      }),
    );
  });

  test('long random strings still give a valid deadline (their speed is measured in npm run bench)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { minLength: 1500, maxLength: 2000 }), (a) => {
        const d = parseDeadline(a.join(''), { asOf: '2022-07-15', start: '2022-03-10' });
        expect(['date', 'immediate', 'long-term', 'none', 'unparsed']).toContain(d.kind);
        if (d.kind === 'date') expect(d.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      }),
      { numRuns: 20 },
    );
  });
});
