import { chineseNumeralsToDigits, toHalfWidth } from '../../../src/core/text/normalize';
import { DeadlineContext, normalizeDeadlineText, parseDeadline, resolveYearWords } from '../../../src/core/read/deadline/parse';
import { IMMEDIATE_WORDS, LONG_TERM_WORDS } from '../../../src/core/read/deadline/words';
import { CellValue } from '../../../src/core/model/grid';
import { DeadlineKind, DeadlineReason } from '../../../src/core/model/ledger';

const NO_START: DeadlineContext = { asOf: '2022-07-15' };
const START: DeadlineContext = { asOf: '2022-07-15', start: '2022-03-10' };

/** [cell, expected due] with kind 'date' and ongoing false. */
type DateRow = [CellValue, string];

function expectDate(rows: DateRow[], ctx: DeadlineContext) {
  test.each(rows)('%p -> %s', (cell, due) => {
    const d = parseDeadline(cell, ctx);
    expect({ kind: d.kind, due: d.due, ongoing: d.ongoing }).toEqual({ kind: 'date', due, ongoing: false });
  });
}

describe('normalization', () => {
  test.each([
    ['２０２２年１２月底前', '2022年12月底前'],
    ['２０２２．８．３１', '2022.8.31'],
    ['（含）', '(含)'],
    ['a\u3000b', 'a b'],
  ])('toHalfWidth %p -> %p', (input, out) => expect(toHalfWidth(input)).toBe(out));

  test.each([
    ['二〇二二年十月底前', '2022年10月底前'],
    ['二○二二年十二月三十一日', '2022年12月31日'],
    ['二零二三年', '2023年'],
    ['十二月二十日', '12月20日'],
    ['三十一日', '31日'],
    ['第三季度', '第3季度'],
    ['两个月内', '2个月内'],
    ['一年内', '1年内'],
    ['一百零五天', '105天'],
  ])('chineseNumeralsToDigits %p -> %p', (input, out) => expect(chineseNumeralsToDigits(input)).toBe(out));

  test.each([
    ['2022年5月至8月', '2022年5月-8月'],
    ['5—8月', '5-8月'],
    ['5–8月', '5-8月'],
    ['5~8月', '5-8月'],
    ['5～8月', '5-8月'],
    ['5月到8月', '5月-8月'],
    ['  2022年6月底前\n  完成 ', '2022年6月底前 完成'],
    ['End of June 2022', 'end of june 2022'],
  ])('normalizeDeadlineText %p -> %p', (input, out) => expect(normalizeDeadlineText(input)).toBe(out));
});

describe('cell values that are not text', () => {
  test.each<[CellValue, DeadlineKind, string | null, string, DeadlineReason | null]>([
    [{ date: '2022-06-30' }, 'date', '2022-06-30', '2022-06-30', null],
    [{ date: '2022-02-30' }, 'unparsed', null, '2022-02-30', 'impossible'],
    [44742, 'date', '2022-06-30', '2022-06-30', null],
    [44742.75, 'date', '2022-06-30', '2022-06-30', null],
    [25569, 'date', '1970-01-01', '1970-01-01', null],
    [73050, 'date', '2099-12-31', '2099-12-31', null],
    [73051, 'date', '2100-01-01', '2100-01-01', null],
    [73052, 'unparsed', null, '73052', 'unreadable'],
    [2022, 'date', '2022-12-31', '2022', null],
    [1900, 'date', '1900-12-31', '1900', null],
    [2200, 'date', '2200-12-31', '2200', null],
    [12, 'unparsed', null, '12', 'unreadable'],
    [2022.5, 'unparsed', null, '2022.5', 'unreadable'],
    [100000, 'unparsed', null, '100000', 'unreadable'],
    [-1, 'unparsed', null, '-1', 'unreadable'],
    [NaN, 'unparsed', null, 'NaN', 'unreadable'],
    [true, 'unparsed', null, 'TRUE', 'unreadable'],
    ['44742', 'date', '2022-06-30', '44742', null],
    ['2022', 'date', '2022-12-31', '2022', null],
  ])('%p -> %s %s (text %p)', (cell, kind, due, text, reason) => {
    const expected: Record<string, unknown> = { text, kind, due, ongoing: false };
    if (reason) expected.reason = reason;
    expect(parseDeadline(cell, NO_START)).toEqual(expected);
  });
});

describe('blank cells are none', () => {
  test.each<[CellValue, string]>([
    [null, ''],
    ['', ''],
    ['   ', ''],
    ['\n\t', ''],
    ['\u3000', ''],
    ['/', '/'],
    ['—', '—'],
    ['无', '无'],
  ])('%p', (cell, text) => {
    expect(parseDeadline(cell, START)).toEqual({ text, kind: 'none', due: null, ongoing: false });
  });
});

describe('text is the trimmed cell', () => {
  test('keeps inner line breaks', () => {
    expect(parseDeadline('  2022年6月底前\n2022年12月底前 ', START).text).toBe('2022年6月底前\n2022年12月底前');
  });
});

describe('year-month-day', () => {
  expectDate(
    [
      ['2022年12月31日', '2022-12-31'],
      ['2022年12月31日前', '2022-12-31'],
      ['2022年6月30号之前', '2022-06-30'],
      ['2022年6月30前', '2022-06-30'],
      ['2022.8.31', '2022-08-31'],
      ['2022/6/30', '2022-06-30'],
      ['2022-06-30', '2022-06-30'],
      ['2022-6-5', '2022-06-05'],
      ['2022 年 6 月 30 日', '2022-06-30'],
      ['２０２２年６月３０日', '2022-06-30'],
      ['２０２２．８．３１', '2022-08-31'],
      ['二〇二二年十二月三十一日', '2022-12-31'],
      ['二○二二年六月二十日', '2022-06-20'],
      ['2024年2月29日', '2024-02-29'],
    ],
    START,
  );
});

describe('year-month = the month end, with 上旬/中旬/下旬', () => {
  expectDate(
    [
      ['2022年6月', '2022-06-30'],
      ['2022年6月底前', '2022-06-30'],
      ['2022年6月末', '2022-06-30'],
      ['2022年2月底', '2022-02-28'],
      ['2024年2月底', '2024-02-29'],
      ['2022年12月份', '2022-12-31'],
      ['2022.8', '2022-08-31'],
      ['2022-06', '2022-06-30'],
      ['2022年5月上旬', '2022-05-10'],
      ['2022年5月中旬', '2022-05-20'],
      ['2022年5月下旬', '2022-05-31'],
      ['２０２２年１２月底前', '2022-12-31'],
      ['二〇二二年十月底前', '2022-10-31'],
      ['二零二二年十二月底', '2022-12-31'],
    ],
    START,
  );
});

describe('year, half-year and quarter', () => {
  expectDate(
    [
      ['2022年', '2022-12-31'],
      ['2022年底前', '2022-12-31'],
      ['2022年年底', '2022-12-31'],
      ['2022年末', '2022-12-31'],
      ['2022年内', '2022-12-31'],
      ['2022年度', '2022-12-31'],
      ['2023-2025年', '2025-12-31'],
      ['2023年-2025年', '2025-12-31'],
      ['2023至2025年', '2025-12-31'],
      ['2022年上半年', '2022-06-30'],
      ['2022年下半年', '2022-12-31'],
      ['2022年第三季度', '2022-09-30'],
      ['2022年第一季度', '2022-03-31'],
      ['2022年3季度末', '2022-09-30'],
      ['2022年四季度', '2022-12-31'],
    ],
    START,
  );
});

describe('year-less words take the start year', () => {
  expectDate(
    [
      ['上半年', '2022-06-30'],
      ['下半年', '2022-12-31'],
      ['年底', '2022-12-31'],
      ['年底前', '2022-12-31'],
      ['年末', '2022-12-31'],
      ['年内', '2022-12-31'],
      ['今年底', '2022-12-31'],
      ['今年年底', '2022-12-31'],
      ['本年度内', '2022-12-31'],
      ['明年底', '2023-12-31'],
      ['第三季度', '2022-09-30'],
      ['三季度', '2022-09-30'],
      ['3季度末', '2022-09-30'],
      ['第2季度', '2022-06-30'],
      ['月底前', '2022-03-31'],
      ['本月底', '2022-03-31'],
    ],
    START,
  );
});

describe('year-less months and days', () => {
  expectDate(
    [
      ['6月30日前', '2022-06-30'],
      ['6月底', '2022-06-30'],
      ['6月末', '2022-06-30'],
      ['9月底前', '2022-09-30'],
      ['8月底之前', '2022-08-31'],
      ['8月底以前', '2022-08-31'],
      ['5月中旬', '2022-05-20'],
      ['5月上旬', '2022-05-10'],
      ['5月下旬', '2022-05-31'],
      ['十二月三十一日', '2022-12-31'],
      ['十月二十日前', '2022-10-20'],
    ],
    START,
  );
});

describe('the year rule for year-less dates', () => {
  test.each<[string, DeadlineContext, string]>([
    // With a start: the start year...
    ['6月30日前', { asOf: '2023-01-10', start: '2022-03-10' }, '2022-06-30'],
    // ...rolled forward when the date would fall before the start.
    ['2月底前', { asOf: '2022-07-15', start: '2022-03-10' }, '2023-02-28'],
    ['3月9日', { asOf: '2022-07-15', start: '2022-03-10' }, '2023-03-09'],
    ['上半年', { asOf: '2022-07-15', start: '2022-07-01' }, '2023-06-30'],
    ['第一季度', { asOf: '2022-07-15', start: '2022-05-01' }, '2023-03-31'],
    // The start day itself is not before the start.
    ['3月10日', { asOf: '2022-07-15', start: '2022-03-10' }, '2022-03-10'],
    // A leap day: valid in the rolled-forward year only when that year is a leap year.
    ['2月29日', { asOf: '2023-07-15', start: '2023-03-10' }, '2024-02-29'],
    // Without a start: the as-of year, never rolled.
    ['2月底前', { asOf: '2022-07-15' }, '2022-02-28'],
    ['6月30日前', { asOf: '2023-01-10' }, '2023-06-30'],
    ['年底', { asOf: '2023-01-10' }, '2023-12-31'],
    // A year written earlier in the cell wins over start and as-of.
    ['2021年6月底前完成方案，12月底前全面完成', { asOf: '2022-07-15', start: '2022-03-10' }, '2021-12-31'],
    ['2023年5-8月', { asOf: '2022-07-15', start: '2022-03-10' }, '2023-08-31'],
    ['2023年6月底前完成方案，年底前完成', { asOf: '2022-07-15', start: '2022-03-10' }, '2023-12-31'],
  ])('%p with %j -> %s', (cell, ctx, due) => {
    expect(parseDeadline(cell, ctx)).toMatchObject({ kind: 'date', due });
  });
});

describe('前, 之前, 以前, 底前 change nothing', () => {
  test.each(['2022年6月30日', '2022年6月30日前', '2022年6月30日之前', '2022年6月30日以前', '2022年6月底前', '2022年6月底之前'])(
    '%p',
    (cell) => expect(parseDeadline(cell, START).due).toBe('2022-06-30'),
  );
});

describe('ranges and several dates give the latest', () => {
  expectDate(
    [
      ['5月-8月', '2022-08-31'],
      ['5月至8月', '2022-08-31'],
      ['5—8月', '2022-08-31'],
      ['1-8月', '2022-08-31'],
      ['7、8月', '2022-08-31'],
      ['6月1-15日', '2022-06-15'],
      ['2022年5月至2022年8月', '2022-08-31'],
      ['2022年5月-8月', '2022-08-31'],
      ['2022年8月-2022年5月', '2022-08-31'],
      ['2022年6月底前完成方案\n2022年12月底前全面完成', '2022-12-31'],
      ['2022年12月底前全面完成；2022年6月底前完成方案', '2022-12-31'],
      ['2022年6月底前完成方案，12月底前全面完成', '2022-12-31'],
      ['2022.6.30-2022.8.31', '2022-08-31'],
      ['2022年-2023年6月', '2023-06-30'],
      ['11月-2月', '2023-02-28'],
    ],
    START,
  );
});

describe('relative forms count from the start', () => {
  test.each<[string, string]>([
    ['1个月内', '2022-04-10'],
    ['反馈后1个月内', '2022-04-10'],
    ['反馈后2个月内', '2022-05-10'],
    ['两个月内', '2022-05-10'],
    ['2个月内', '2022-05-10'],
    ['三个月', '2022-06-10'],
    ['30日内', '2022-04-09'],
    ['30天内', '2022-04-09'],
    ['30天以内', '2022-04-09'],
    ['三十日内', '2022-04-09'],
    // 2022-03-10 is a Thursday: 30 working days = 6 weeks.
    ['30个工作日内', '2022-04-21'],
    ['5个工作日内', '2022-03-17'],
    ['半个月内', '2022-03-25'],
    ['半年内', '2022-09-10'],
    ['一年内', '2023-03-10'],
    ['3周内', '2022-03-31'],
    ['两周内', '2022-03-24'],
    ['within 30 days', '2022-04-09'],
    ['within 2 months', '2022-05-10'],
    ['within 10 working days', '2022-03-24'],
  ])('%p -> %s', (cell, due) => {
    expect(parseDeadline(cell, START)).toEqual({ text: cell, kind: 'date', due, ongoing: false });
  });

  test('addMonths clamps to the month end', () => {
    expect(parseDeadline('1个月内', { asOf: '2022-07-15', start: '2022-01-31' }).due).toBe('2022-02-28');
  });

  test.each(['1个月内', '反馈后2个月内', '30日内', '30个工作日内', '半年内', '一年内', '3周内'])(
    '%p without a start is unparsed',
    (cell) => expect(parseDeadline(cell, NO_START)).toEqual({ text: cell, kind: 'unparsed', due: null, ongoing: false, reason: 'needs-start' }),
  );

  test('a written date beside a relative form is kept without a start', () => {
    expect(parseDeadline('反馈后2个月内（2022年5月10日前）', NO_START)).toMatchObject({ kind: 'date', due: '2022-05-10' });
  });
});

describe('immediate', () => {
  test.each<[string, boolean]>([
    ['立行立改', false],
    ['即知即改', false],
    ['立即', false],
    ['立即整改', false],
    ['马上就办', false],
    ['Immediately', false],
    ['immediate', false],
    ['立行立改，长期坚持', true],
    ['立行立改、长期坚持', true],
    ['立即整改并常态化', true],
  ])('%p (ongoing %p)', (cell, ongoing) => {
    expect(parseDeadline(cell, START)).toEqual({ text: cell, kind: 'immediate', due: null, ongoing });
  });

  test('a date beside 立行立改 is a date', () => {
    expect(parseDeadline('立行立改，2022年6月底前完成', START)).toMatchObject({ kind: 'date', due: '2022-06-30' });
  });

  test('the word lists are exported for extension', () => {
    expect(IMMEDIATE_WORDS).toContain('立行立改');
    expect(LONG_TERM_WORDS).toContain('长期坚持');
  });
});

describe('long-term', () => {
  test.each(['长期坚持', '长期', '持续推进', '持续整改', '常态化', '长效', '常态化推进', 'Ongoing', 'continuous', 'long-term', 'Long term'])(
    '%p',
    (cell) => expect(parseDeadline(cell, START)).toEqual({ text: cell, kind: 'long-term', due: null, ongoing: true }),
  );

  test.each<[string, string]>([
    ['2024年底前，并长期坚持', '2024-12-31'],
    ['2022年6月底前完成，长期坚持', '2022-06-30'],
    ['2022年底前建立长效机制', '2022-12-31'],
    ['持续推进，2022年12月底前取得阶段性成效', '2022-12-31'],
    ['ongoing, review by 2022-12-31', '2022-12-31'],
  ])('%p is a date with ongoing', (cell, due) => {
    expect(parseDeadline(cell, START)).toEqual({ text: cell, kind: 'date', due, ongoing: true });
  });
});

describe('English dates', () => {
  expectDate(
    [
      ['2022-06-30', '2022-06-30'],
      ['Jun 30, 2022', '2022-06-30'],
      ['June 30 2022', '2022-06-30'],
      ['Sept. 5th, 2022', '2022-09-05'],
      ['30 June 2022', '2022-06-30'],
      ['1st of March, 2023', '2023-03-01'],
      ['end of June 2022', '2022-06-30'],
      ['June 2022', '2022-06-30'],
      ['Feb 2024', '2024-02-29'],
      ['Q3 2022', '2022-09-30'],
      ['2022 Q4', '2022-12-31'],
      ['2022Q1', '2022-03-31'],
      ['H1 2022', '2022-06-30'],
      ['H2 2022', '2022-12-31'],
      ['end of 2022', '2022-12-31'],
      ['by 2023', '2023-12-31'],
    ],
    START,
  );
});

describe('unparsed, with the reason', () => {
  test.each<[string, DeadlineReason]>([
    ['2022年2月30日', 'impossible'],
    ['2022年13月', 'impossible'],
    ['2022年0月', 'impossible'],
    ['2022年13月底前', 'impossible'],
    ['2023年2月29日', 'impossible'],
    ['2022.2.30', 'impossible'],
    ['2022-02-30', 'impossible'],
    ['6月31日', 'impossible'],
    ['13月底', 'impossible'],
    ['2022年第5季度', 'impossible'],
    ['第5季度', 'impossible'],
    ['30/06/2022', 'ambiguous'],
    ['06/30/2022', 'ambiguous'],
    ['Feb 30, 2022', 'impossible'],
    ['2025-2023年', 'impossible'],
    ['分阶段整改', 'unreadable'],
    ['按要求', 'unreadable'],
    ['见附件', 'unreadable'],
    ['asap-ish', 'unreadable'],
    ['TBD by owner', 'pending'],
    ['2022年6月底前完成方案，2022年2月30日前全面完成', 'impossible'],
  ])('%p (%s)', (cell, reason) => {
    expect(parseDeadline(cell, START)).toEqual({ text: cell, kind: 'unparsed', due: null, ongoing: false, reason });
  });

  test('2月29日 in a common year is impossible', () => {
    expect(parseDeadline('2月29日', { asOf: '2022-07-15' }).kind).toBe('unparsed');
  });

  test('分阶段整改 with a date is a date', () => {
    expect(parseDeadline('分阶段整改，2022年底前全面完成', START)).toMatchObject({ kind: 'date', due: '2022-12-31' });
  });

  test('分阶段整改 with a long-term word is long-term', () => {
    expect(parseDeadline('分阶段整改，长期坚持', START).kind).toBe('long-term');
  });
});

describe('deadline wording seen in real ledgers, end to end', () => {
  test.each<[string, DeadlineKind, string | null, boolean]>([
    ['2022年6月底前', 'date', '2022-06-30', false],
    ['2022年12月31日', 'date', '2022-12-31', false],
    ['6月30日前', 'date', '2022-06-30', false],
    ['9月底前', 'date', '2022-09-30', false],
    ['8月底之前', 'date', '2022-08-31', false],
    ['2022年5月中旬', 'date', '2022-05-20', false],
    ['2022年底前', 'date', '2022-12-31', false],
    ['2024年底前，并长期坚持', 'date', '2024-12-31', true],
    ['立行立改', 'immediate', null, false],
    ['立行立改，长期坚持', 'immediate', null, true],
    ['即知即改', 'immediate', null, false],
    ['长期坚持', 'long-term', null, true],
    ['持续整改', 'long-term', null, true],
    ['常态化', 'long-term', null, true],
    ['2022.8.31', 'date', '2022-08-31', false],
    ['2022/6/30', 'date', '2022-06-30', false],
    ['二〇二二年十月底前', 'date', '2022-10-31', false],
    ['２０２２年１２月底前', 'date', '2022-12-31', false],
    ['2022年第三季度', 'date', '2022-09-30', false],
    ['上半年', 'date', '2022-06-30', false],
    ['1-8月', 'date', '2022-08-31', false],
    ['7、8月', 'date', '2022-08-31', false],
    ['2023-2025年', 'date', '2025-12-31', false],
    ['反馈后1个月内', 'date', '2022-04-10', false],
    ['2个月内', 'date', '2022-05-10', false],
    ['30个工作日内', 'date', '2022-04-21', false],
  ])('%p', (cell, kind, due, ongoing) => {
    expect(parseDeadline(cell, START)).toEqual({ text: cell, kind, due, ongoing });
  });
});

describe('hostile cells (their speed is measured in npm run bench)', () => {
  test('10k-character cells give a kind and keep their text', () => {
    const cells = [
      '1'.repeat(10000),
      '2022年'.repeat(2000),
      '1-'.repeat(5000),
      ' '.repeat(5000) + 'x',
      '2022.'.repeat(2000),
      '月'.repeat(10000),
      '12月'.repeat(3000),
      'a'.repeat(10000),
      '前'.repeat(10000),
      '1 '.repeat(5000),
      'june '.repeat(2000),
      '2022 年 '.repeat(1500),
      '一二三四五六七八九十'.repeat(1000),
    ];
    for (const cell of cells) {
      const d = parseDeadline(cell, START);
      expect(['date', 'immediate', 'long-term', 'none', 'unparsed']).toContain(d.kind);
      expect(d.text).toBe(cell.trim());
    }
  });
});

/**
 * Wordings from published rectification tables and reports (环保督察 整改方案: 短期6个月内、中期1-2年、
 * 长期3-5年; 督办 rules: 5日内, 30个工作日内; hazard checks: 当场整改; audit reports: 边审边改, 即查即改),
 * and the forms issue 10 names. Each row: the cell, its context, the expected kind, due date, ongoing
 * and (for unparsed) the reason.
 */
describe('real wordings, table', () => {
  const YEAR_ONLY: DeadlineContext = { asOf: '2024-07-15', year: 2022 };
  type Row = [string, DeadlineContext, DeadlineKind, string | null, boolean, DeadlineReason | null];
  const date = (cell: string, due: string, ctx: DeadlineContext = START, ongoing = false): Row => [cell, ctx, 'date', due, ongoing, null];
  const unparsed = (cell: string, reason: DeadlineReason, ctx: DeadlineContext = START): Row => [cell, ctx, 'unparsed', null, false, reason];
  const rows: Row[] = [
    // traditional script
    date('2個月內', '2022-05-10'),
    date('5日內', '2022-03-15'),
    ['長期堅持', START, 'long-term', null, true, null],
    date('反饋後1個月內', '2022-04-10'),
    ['立行立改，長期堅持', START, 'immediate', null, true, null],
    ['持續推進', START, 'long-term', null, true, null],
    date('2022年12月31日前完成並長期堅持', '2022-12-31', START, true),
    unparsed('2020年1月以後', 'starts-at'),
    unparsed('完成時限待定', 'pending'),
    ['即時整改', START, 'immediate', null, false, null],
    date('本月內', '2022-03-31'),
    date('二〇二二年十月底前', '2022-10-31'),
    // 去年/今年/明年: relative to the start year, else the workbook's year, else the as-of year
    date('去年12月23日', '2021-12-23'),
    date('去年12月23日', '2021-12-23', YEAR_ONLY),
    date('去年12月23日', '2021-12-23', NO_START),
    date('今年6月底前', '2022-06-30'),
    date('今年6月底前', '2022-06-30', YEAR_ONLY),
    date('今年2月底前', '2022-02-28'),
    date('今年年底前', '2022-12-31'),
    date('明年6月底', '2023-06-30'),
    date('明年上半年', '2023-06-30'),
    date('次年3月底前', '2023-03-31'),
    date('本年度内', '2022-12-31'),
    // a two-digit year before a month or a year word
    date('22年6月底前', '2022-06-30'),
    date('23年底前', '2023-12-31'),
    // 以后/之后/起/以来 after a date: a start, not a deadline
    unparsed('2020年1月以后', 'starts-at'),
    unparsed('2022年7月起', 'starts-at'),
    unparsed('自2022年7月1日起', 'starts-at'),
    unparsed('6月30日之后', 'starts-at'),
    unparsed('2019年以来', 'starts-at'),
    ['2022年7月起长期坚持', START, 'long-term', null, true, null],
    date('自2022年3月1日起2个月内', '2022-05-01', NO_START),
    date('自2022年7月1日起3个月内', '2022-10-01'),
    unparsed('2022年7月起3个月内', 'starts-at'),
    date('2022年6月底前完成方案，7月起全面推行', '2022-06-30'),
    date('6月起草方案，9月底前印发', '2022-09-30'),
    // 本月内, 当月, 当月下旬: the start's month
    date('本月内', '2022-03-31'),
    date('当月', '2022-03-31'),
    date('当月下旬', '2022-03-31'),
    date('当月中旬', '2022-03-20'),
    date('本月15日前', '2022-03-15'),
    date('下月底前', '2022-04-30'),
    date('次月上旬', '2022-04-10'),
    date('月底前', '2022-03-31'),
    unparsed('本月内', 'needs-start', NO_START),
    unparsed('月底前', 'needs-start', NO_START),
    unparsed('当月下旬', 'needs-start', YEAR_ONLY),
    unparsed('每月底报送进展', 'unreadable'),
    // 每半年 recurs: not six months after the start (督办 lists: 每半年报告一次)
    unparsed('每半年', 'unreadable'),
    unparsed('每半年报送一次', 'unreadable'),
    // 左右 / 约
    date('2个月左右', '2022-05-10'),
    date('约3个月', '2022-06-10'),
    date('半年左右', '2022-09-10'),
    date('6月底左右', '2022-06-30'),
    date('约30天', '2022-04-09'),
    // durations without 内 (2022-03-10 is a Thursday)
    date('3个月', '2022-06-10'),
    date('半个月', '2022-03-25'),
    date('15个工作日', '2022-03-31'),
    date('2周', '2022-03-24'),
    date('1年', '2023-03-10'),
    date('半年', '2022-09-10'),
    // N年内 and 1-2年 as durations
    date('3年内', '2025-03-10'),
    date('6个月内', '2022-09-10'),
    date('1-2年', '2024-03-10'),
    date('3-5年', '2027-03-10'),
    date('1至2年', '2024-03-10'),
    date('两年左右', '2024-03-10'),
    date('1年半', '2023-09-10'),
    date('两年半内', '2024-09-10'),
    date('一个半月内', '2022-04-25'),
    unparsed('1-2年', 'needs-start', NO_START),
    unparsed('3年内', 'needs-start', YEAR_ONLY),
    // immediate
    ['立查立改', START, 'immediate', null, false, null],
    ['即查即改', START, 'immediate', null, false, null],
    ['边查边改', START, 'immediate', null, false, null],
    ['边审边改', START, 'immediate', null, false, null],
    ['当场整改', START, 'immediate', null, false, null],
    // 待定 / 另行确定: not decided, which is not the same as blank
    unparsed('待定', 'pending'),
    unparsed('另行确定', 'pending'),
    unparsed('完成时限待定', 'pending'),
    unparsed('视情况而定', 'pending'),
    unparsed('TBD', 'pending'),
    date('2022年底前（具体时间待定）', '2022-12-31'),
    // the year the workbook states, when there is no start date
    date('9月底前', '2022-09-30', YEAR_ONLY),
    date('年底前', '2022-12-31', YEAR_ONLY),
    date('第三季度', '2022-09-30', YEAR_ONLY),
    unparsed('反馈后1个月内', 'needs-start', YEAR_ONLY),
  ];
  test.each(rows)('%p with %j -> %s %s', (cell, ctx, kind, due, ongoing, reason) => {
    const expected: Record<string, unknown> = { text: cell, kind, due, ongoing };
    if (reason) expected.reason = reason;
    expect(parseDeadline(cell, ctx)).toEqual(expected);
  });

  test('the year words are resolved before the rules run', () => {
    expect(resolveYearWords('去年12月23日', 2022)).toBe('2021年12月23日');
    expect(resolveYearWords('今年以来', 2022)).toBe('今年以来');
    expect(resolveYearWords('明年底', null)).toBe('明年底');
  });
});
