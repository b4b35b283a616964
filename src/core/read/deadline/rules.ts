/** DEADLINE_RULES: one regex and one small function per deadline form, most specific first. Their order matters, so the table stays in this one file. */
import { IsoDate } from '../../model/grid';
import { addDays, addMonths, addWorkingDays, isValidYmd, monthEnd, parseIso, ymd } from '../../text/dates';

/* ------------------------------------------------------------------------------------------ */
/* Rules                                                                                       */
/* ------------------------------------------------------------------------------------------ */

/** What one rule match means. */
export type Hit =
  /** A date with its year written in the cell. */
  | { t: 'date'; due: IsoDate; year: number }
  /** A date without a year: make(year) gives the date, or null when impossible in that year. */
  | { t: 'yearless'; make: (year: number) => IsoDate | null; yearOffset?: number }
  /** Counted from the start date. */
  | { t: 'relative'; make: (start: IsoDate) => IsoDate }
  /** 本月内, 当月, 当月下旬, 月底, 下月底: a day of the start's month (or the month after); needs the start. */
  | { t: 'this-month'; monthOffset: number; day: number | 'end' }
  /** An impossible or ambiguous date: the whole cell is 'unparsed'. */
  | { t: 'bad'; why: 'impossible' | 'ambiguous' };

export interface DeadlineRule {
  name: string;
  /** Must be global and must never match the empty string. */
  re: RegExp;
  /** undefined = not a match after all (the span is left for later rules). */
  hit: (m: RegExpExecArray, s: string) => Hit | undefined;
  /** The rule reads a day, not a period's end: only such a date can be the start a duration counts from. */
  day?: boolean;
}

const BAD: Hit = { t: 'bad', why: 'impossible' };

export function date(y: number, m: number, d: number): Hit {
  return isValidYmd(y, m, d) ? { t: 'date', due: ymd(y, m, d), year: y } : BAD;
}

/** The day a month suffix points at: 上旬 10th, 中旬 20th, 下旬/底/末/none the month's end. */
function suffixDay(y: number, m: number, suffix: string | undefined): number {
  if (suffix === '上旬' || suffix === '初') return 10;
  if (suffix === '中旬') return 20;
  return m >= 1 && m <= 12 ? parseIso(monthEnd(y, m)).d : 31;
}

function monthDate(y: number, m: number, suffix?: string): Hit {
  if (m < 1 || m > 12) return BAD;
  return date(y, m, suffixDay(y, m, suffix));
}

export function yearless(fn: (y: number) => Hit, yearOffset?: number): Hit {
  return {
    t: 'yearless',
    yearOffset,
    make: (y: number) => {
      const h = fn(y);
      return h.t === 'date' ? h.due : null;
    },
  };
}

function yearlessChecked(probe: Hit, fn: (y: number) => Hit, yearOffset?: number): Hit {
  // Month 13 is impossible in every year; Feb 29 is possible in some, so it is checked once the year is known.
  return probe.t === 'bad' ? BAD : yearless(fn, yearOffset);
}

function quarterEnd(y: number, q: number): Hit {
  return q >= 1 && q <= 4 ? monthDate(y, q * 3) : BAD;
}

export function relative(make: (start: IsoDate) => IsoDate): Hit {
  return { t: 'relative', make };
}

const MONTHS: { [name: string]: number } = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};
const MONTH_NAME =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\.?';
const ORD = '(?:st|nd|rd|th)?';
const SUFFIX = '(上旬|中旬|下旬|初|底|末)?';

/**
 * The rules, most specific first. Each concept is one rule; a span matched by one rule is hidden from
 * the rules after it. Year-less rules come after the dated ones, relative rules after the month-day ones
 * (6月30日内 is a date, 30日内 is relative) and the bare year words (年底, 年内, 上半年) last.
 */
export const DEADLINE_RULES: DeadlineRule[] = [
  {
    // 30/06/2022 or 06/30/2022: day and month cannot be told apart, so the cell is not trusted.
    name: 'ambiguous-dmy',
    re: /\d{1,2}[./-]\d{1,2}[./-]\d{4}/g,
    // 2022.6.30-2022.8.31 holds "6.30-2022": not a d/m/y when a separator comes right before it.
    hit: (m, s) => (/[./-]/.test(s.charAt(m.index - 1)) ? undefined : { t: 'bad', why: 'ambiguous' }),
  },
  {
    // 2023-2025年, 2022年-2023年: a range of years ends at the last year's end.
    name: 'year-range',
    re: /(\d{4}) ?年?度? ?- ?(\d{4}) ?年?度?(?! ?[年\d第上下./-])/g,
    hit: (m) => (+m[2] >= +m[1] ? date(+m[2], 12, 31) : BAD),
  },
  {
    // 2022年6月30日, 2022.8.31, 2022/6/30, 2022-06-30, 2022年6月30号
    name: 'year-month-day',
    day: true,
    // (2023年5-8月 is a range of months, so 年 pairs with 月 and the other separators with themselves.)
    re: /(\d{4}) ?(?:年 ?(\d{1,2}) ?月 ?(\d{1,2})(?!\d) ?[日号]?|([./-]) ?(\d{1,2}) ?\4 ?(\d{1,2})(?!\d))/g,
    hit: (m) => (m[2] ? date(+m[1], +m[2], +m[3]) : date(+m[1], +m[5], +m[6])),
  },
  {
    // Jun 30, 2022 · June 30th 2022
    name: 'en-month-day-year',
    day: true,
    re: new RegExp('\\b' + MONTH_NAME + ' ?(\\d{1,2})' + ORD + ',? ?(\\d{4})\\b', 'g'),
    hit: (m) => date(+m[3], MONTHS[m[1]], +m[2]),
  },
  {
    // 30 June 2022 · 30th of June, 2022
    name: 'en-day-month-year',
    day: true,
    re: new RegExp('\\b(\\d{1,2})' + ORD + ' ?(?:of )?' + MONTH_NAME + ',? ?(\\d{4})\\b', 'g'),
    hit: (m) => date(+m[3], MONTHS[m[2]], +m[1]),
  },
  {
    // 2022年6月, 2022年6月底, 2022年5月中旬, 2022.8, 2022-06, 2022年12月份
    name: 'year-month',
    // (年 needs its 月: 2022年3季度 is a quarter.)
    re: new RegExp('(\\d{4}) ?(?:年 ?(\\d{1,2}) ?月|[./-] ?(\\d{1,2})(?!\\d) ?月?)份? ?' + SUFFIX, 'g'),
    hit: (m) => monthDate(+m[1], +(m[2] || m[3]), m[4]),
  },
  {
    // end of June 2022 · June 2022
    name: 'en-month-year',
    re: new RegExp('\\b' + MONTH_NAME + ',? ?(\\d{4})\\b', 'g'),
    hit: (m) => monthDate(+m[2], MONTHS[m[1]]),
  },
  {
    // 2022年第三季度, 2022年3季度末
    name: 'year-quarter',
    re: /(\d{4}) ?年?度? ?第? ?(\d{1,2}) ?季度?[末底]?/g,
    hit: (m) => quarterEnd(+m[1], +m[2]),
  },
  {
    // Q3 2022 · 2022 Q3 · 2022-Q3
    name: 'en-quarter',
    re: /\bq([1-4]),? ?(?:fy)?(\d{4})\b|\b(?:fy)?(\d{4}) ?-? ?q([1-4])\b/g,
    hit: (m) => (m[1] ? quarterEnd(+m[2], +m[1]) : quarterEnd(+m[3], +m[4])),
  },
  {
    // 2022年上半年, 2022年下半年
    name: 'year-half',
    re: /(\d{4}) ?年?度? ?([上下])半年/g,
    hit: (m) => (m[2] === '上' ? date(+m[1], 6, 30) : date(+m[1], 12, 31)),
  },
  {
    // H1 2022 · 2022 H2
    name: 'en-half',
    re: /\bh([12]),? ?(\d{4})\b|\b(\d{4}) ?-? ?h([12])\b/g,
    hit: (m) => {
      const half = m[1] ? +m[1] : +m[4];
      const y = m[1] ? +m[2] : +m[3];
      return half === 1 ? date(y, 6, 30) : date(y, 12, 31);
    },
  },
  {
    // 2022年, 2022年底, 2022年年底, 2022年末, 2022年内, 2022年度 -> 12-31 (not 2022年6月: see the lookahead)
    name: 'year',
    re: /(\d{4}) ?年(?! ?[\d第上下])度? ?年?[底末内]?/g,
    hit: (m) => date(+m[1], 12, 31),
  },
  {
    // end of 2022 · by 2022 · year-end 2022 · fy2022
    name: 'en-year',
    re: /\b(?:end of|by|year-end|year end|fy) ?(\d{4})\b/g,
    hit: (m) => date(+m[1], 12, 31),
  },
  {
    // 6月1-15日: a range of days in one month ends at the last day.
    name: 'month-day-range',
    day: true,
    re: /(\d{1,2}) ?月 ?(\d{1,2}) ?[日号]? ?- ?(\d{1,2}) ?[日号]/g,
    hit: (m) => {
      const mo = +m[1];
      const d = +m[3];
      return yearlessChecked(date(2000, mo, d), (y) => date(y, mo, d));
    },
  },
  {
    // 6月30日, 6月30号, 6月30前
    name: 'month-day',
    day: true,
    re: /(\d{1,2}) ?月 ?(\d{1,2})(?!\d) ?[日号]?/g,
    hit: (m) => {
      const mo = +m[1];
      const d = +m[2];
      // 2000 is a leap year, so 2月29日 passes here and is checked again against the real year.
      return yearlessChecked(date(2000, mo, d), (y) => date(y, mo, d));
    },
  },
  {
    // 6月, 6月底, 9月底前, 5月中旬, 12月份; in 5月-8月, 1-8月 and 7、8月 every month is a hit and the last wins.
    name: 'month',
    re: new RegExp('(\\d{1,2}) ?月份? ?' + SUFFIX, 'g'),
    hit: (m) => {
      const mo = +m[1];
      const suffix = m[2];
      return yearlessChecked(monthDate(2000, mo, suffix), (y) => monthDate(y, mo, suffix));
    },
  },
  {
    // 30个工作日内
    name: 'working-days',
    re: /(\d{1,4}) ?个? ?工作日 ?以?内?|within (\d{1,4}) (?:working|business) days?/g,
    hit: (m) => {
      const n = +(m[1] || m[2]);
      return relative((s) => addWorkingDays(s, n));
    },
  },
  {
    // 1个月内, 反馈后2个月内, 两个月内, 3个月, 2个月左右, 约2个月, 1-2个月, 一个半月 (n months and 15 days) ;
    // within 2 months
    name: 'months-within',
    re: /(\d{1,3}) ?个 ?(半 ?)?(?:自然)?月 ?以?内?|within (\d{1,3}) months?/g,
    hit: (m) => {
      const n = +(m[1] || m[3]);
      const half = !!m[2];
      return relative((s) => (half ? addDays(addMonths(s, n), 15) : addMonths(s, n)));
    },
  },
  {
    // 半个月内, 半个月
    name: 'half-month-within',
    re: /半 ?个 ?月 ?以?内?/g,
    hit: () => relative((s) => addDays(s, 15)),
  },
  {
    // 30日内, 30天内, 30天 ; within 30 days
    name: 'days-within',
    re: /(\d{1,4}) ?(?:天|日|个?自然日) ?以?内|(\d{1,4}) ?天|within (\d{1,4}) (?:calendar )?days?/g,
    hit: (m) => {
      const n = +(m[1] || m[2] || m[3]);
      return relative((s) => addDays(s, n));
    },
  },
  {
    // 3周内, 2个星期内 ; within 3 weeks
    name: 'weeks-within',
    re: /(\d{1,3}) ?个? ?(?:周|星期|礼拜) ?以?内?|within (\d{1,3}) weeks?/g,
    hit: (m) => {
      const n = +(m[1] || m[2]);
      return relative((s) => addDays(s, 7 * n));
    },
  },
  {
    // 半年内, 半年, 半年左右 (but not 上半年 / 下半年, nor 每半年: a recurring date, not a deadline)
    name: 'half-year-within',
    re: /半 ?年 ?(?:以内|内|左右)?(?! ?度)/g,
    hit: (m, s) => (/[上下每]/.test(s.charAt(m.index - 1)) ? undefined : relative((st) => addMonths(st, 6))),
  },
  {
    // 一年内, 2年内, 1年, 1-2年 and 3-5年 (环保督察 整改时限: 短期6个月内、中期1-2年、长期3-5年), 2年左右 ;
    // within 1 year. A number of years is a duration, never a year: 4-digit years are taken above, and
    // 22年6月 / 22年底 (a two-digit year) are left alone by the lookahead and the limit of 10.
    name: 'years-within',
    // 1年半 / 两年半: six months more.
    re: /(\d{1,2}) ?个? ?年( ?半)?(?! ?[\d第上下底末度])(?: ?以?内| ?左右)?|within (\d{1,2}) years?/g,
    hit: (m) => {
      const n = +(m[1] || m[3]);
      const months = 12 * n + (m[2] ? 6 : 0);
      return n >= 1 && n <= 10 ? relative((s) => addMonths(s, months)) : undefined;
    },
  },
  {
    // 上半年 -> 06-30, 下半年 -> 12-31
    name: 'half',
    re: /([上下])半年度?/g,
    hit: (m) => (m[1] === '上' ? yearless((y) => date(y, 6, 30)) : yearless((y) => date(y, 12, 31))),
  },
  {
    // 第三季度, 3季度, 3季度末
    name: 'quarter',
    re: /第? ?(\d{1,2}) ?季度?[末底]?/g,
    hit: (m) => {
      const q = +m[1];
      return yearlessChecked(quarterEnd(2000, q), (y) => quarterEnd(y, q));
    },
  },
  {
    // 本月内, 本月底, 当月, 当月下旬, 本月15日, 月底, 下月底, 次月中旬: the start's month (每月底 is a
    // recurring date, not a deadline).
    name: 'this-month',
    re: /(本|当|次|下) ?个? ?月(?: ?(\d{1,2}) ?[日号]| ?(上旬|中旬|下旬|初|底|末|内|份))?|月([底末])/g,
    hit: (m, s) => {
      if (s.charAt(m.index - 1) === '每') return undefined;
      const monthOffset = m[1] === '次' || m[1] === '下' ? 1 : 0;
      const suffix = m[3] || m[4];
      const day: number | 'end' = m[2] ? +m[2] : suffix === '上旬' || suffix === '初' ? 10 : suffix === '中旬' ? 20 : 'end';
      if (typeof day === 'number' && (day < 1 || day > 31)) return BAD;
      return { t: 'this-month', monthOffset, day };
    },
  },
  {
    // 年底, 年末, 年内, 今年底, 今年年底, 本年度内, 明年底 (每年底 is a recurring date, not a deadline)
    name: 'year-end',
    re: /(今|本|当|明|次)?年度? ?年?[底末内]/g,
    hit: (m, s) =>
      s.charAt(m.index - 1) === '每' ? undefined : yearless((y) => date(y, 12, 31), m[1] === '明' || m[1] === '次' ? 1 : 0),
  },
];
