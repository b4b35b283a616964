/**
 * Deadline cell -> Deadline (docs/rules.md, "Deadlines").
 *
 * A small pipeline:
 *   1. the cell value: real dates, Excel serials, years and blanks are settled here;
 *   2. normalizeDeadlineText: traditional -> simplified script, full-width -> half-width, Chinese
 *      numerals -> digits, every range word (至 到 ~ — –) -> '-', whitespace collapsed, lower case;
 *      then 去年/今年/明年 before a date become the year they mean (relative to the start year);
 *   3. DEADLINE_RULES, most specific first: each is one regex and one small function that turns a match
 *      into a Hit. A matched span is blanked out so that a less specific rule cannot read it again
 *      (2022年6月 is never also read as 2022年 = 12-31);
 *   4. year-less hits get their year, relative hits are counted from the start (or from a date written
 *      before them with 起: 自2022年3月1日起2个月内), and the latest date wins;
 *   5. what is left decides: a date; a relative form with no start ('needs-start'); a date that only
 *      marks a start (2020年1月以后: 'starts-at'); 立行立改; 长期坚持; 待定 ('pending'). The rule, in
 *      order of preference: read the cell right, else refuse it with a reason, never return a date the
 *      text does not mean.
 *
 * No lookbehind, no sticky or unicode flags (the core runs in IE11), and no unbounded quantifier
 * next to another quantifier over the same characters, so a 10k-character cell parses in milliseconds.
 */
import { addDays, addMonths, addWorkingDays, isIsoDate, isValidYmd, monthEnd, parseIso, serialToIso, ymd } from './dates';
import { toSimplified } from './traditional';
import { CellValue, Deadline, DeadlineReason, IsoDate } from './types';

export interface DeadlineContext {
  /** The date deadlines are judged against; gives year-less dates their year when there is no start. */
  asOf: IsoDate;
  /** The rectification start (feedback) date: the base of relative forms and the year of year-less dates. */
  start?: IsoDate | null;
  /**
   * The start year when only the year is known (from the workbook's title, its 填报时间 row or its
   * dates): year-less dates and 今年/去年 take it when there is no start date. Relative forms still
   * need the full start date.
   */
  year?: number | null;
}

/** Words that make a cell 'immediate' (立行立改). Matched as substrings of the normalized, lower-case text. */
export const IMMEDIATE_WORDS: string[] = [
  '立行立改',
  '即知即改',
  '立即整改',
  '立即',
  '马上就办',
  '即时整改',
  '即查即改',
  '边查边改',
  // 立查立改 (inspection feedback), 边审边改 (audit reports), 当场整改 / 现场整改 (hazard checks: "能立即整改的需当场整改")
  '立查立改',
  '边审边改',
  '立知立改',
  '当场整改',
  '现场整改',
  'immediately',
  'immediate',
];

/** Words that make a cell 'long-term' when it holds no date, and set `ongoing` when it does. */
export const LONG_TERM_WORDS: string[] = [
  '长期坚持',
  '长期',
  '持续推进',
  '持续整改',
  '持续坚持',
  '常态化',
  '长效',
  '常抓不懈',
  '持续开展',
  '久久为功',
  '长期推进',
  'ongoing',
  'continuous',
  'continuing',
  'long-term',
  'long term',
];

/** Cell texts that mean "nothing filled in" and are treated like a blank cell ('none'). */
export const BLANK_PLACEHOLDERS: string[] = ['-', '/', '\\', '无', '暂无', 'n/a', 'na'];

/**
 * Words that say the deadline is not decided yet: without a date beside them the cell is 'unparsed'
 * with reason 'pending' (完成时限待定), which is not the same as a blank cell.
 */
export const PENDING_WORDS: string[] = [
  '待定',
  '待确定',
  '另行确定',
  '另行安排',
  '另行通知',
  '视情况而定',
  'tbd',
  'tbc',
  'to be determined',
  'to be confirmed',
];

/* ------------------------------------------------------------------------------------------ */
/* Normalization                                                                               */
/* ------------------------------------------------------------------------------------------ */

/** Full-width ASCII (！..～) and the ideographic space -> their half-width forms. */
export function toHalfWidth(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0x3000) out += ' ';
    else out += s.charAt(i);
  }
  return out;
}

const CN_DIGITS: { [ch: string]: number } = {
  '〇': 0,
  '○': 0,
  '零': 0,
  '一': 1,
  '二': 2,
  '两': 2,
  '三': 3,
  '四': 4,
  '五': 5,
  '六': 6,
  '七': 7,
  '八': 8,
  '九': 9,
};

function cnRunValue(run: string): string {
  if (run.indexOf('十') < 0 && run.indexOf('百') < 0) {
    // 二〇二二 -> 2022, 一 -> 1: digit by digit.
    let digits = '';
    for (let i = 0; i < run.length; i++) digits += String(CN_DIGITS[run.charAt(i)]);
    return digits;
  }
  // 十 -> 10, 十二 -> 12, 二十 -> 20, 三十一 -> 31, 一百零五 -> 105.
  let total = 0;
  let cur = 0;
  for (let i = 0; i < run.length; i++) {
    const ch = run.charAt(i);
    if (ch === '十') {
      total += (cur || 1) * 10;
      cur = 0;
    } else if (ch === '百') {
      total += (cur || 1) * 100;
      cur = 0;
    } else {
      cur = CN_DIGITS[ch];
    }
  }
  return String(total + cur);
}

/** Chinese numerals -> Arabic digits: 二〇二二年十二月三十一日 -> 2022年12月31日, 两个月 -> 2个月. */
export function chineseNumeralsToDigits(s: string): string {
  return s.replace(/[〇○零一二两三四五六七八九十百]+/g, cnRunValue);
}

/** The text every rule reads: simplified, half-width, Arabic digits, '-' for ranges, single spaces, lower case. */
export function normalizeDeadlineText(s: string): string {
  let t = toHalfWidth(toSimplified(s));
  t = chineseNumeralsToDigits(t);
  t = t.replace(/[\u2010-\u2015\u2212~\u301c至到]/g, '-');
  t = t.replace(/[。]/g, ';');
  // A two-digit year before a month or a year word: 22年6月底前, 22年底 -> 2022年… (never 10年内, a duration).
  t = t.replace(/(^|[^\d])(\d{2}) ?年(?= ?(?:\d{1,2} ?月|底|末|度|上半|下半|第))/g, '$120$2年');
  t = t.replace(/\s+/g, ' ');
  return t.trim().toLowerCase();
}

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

function date(y: number, m: number, d: number): Hit {
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

function yearless(fn: (y: number) => Hit, yearOffset?: number): Hit {
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

function relative(make: (start: IsoDate) => IsoDate): Hit {
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
    // 半年内, 半年, 半年左右 (but not 上半年 / 下半年)
    name: 'half-year-within',
    re: /半 ?年 ?(?:以内|内|左右)?(?! ?度)/g,
    hit: (m, s) => (/[上下]/.test(s.charAt(m.index - 1)) ? undefined : relative((st) => addMonths(st, 6))),
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


/* ------------------------------------------------------------------------------------------ */
/* The pipeline                                                                                */
/* ------------------------------------------------------------------------------------------ */

interface Located {
  pos: number;
  hit: Hit;
  /** A date followed by 以后/之后/起/开始/以来: it marks a start, not a deadline. */
  from?: boolean;
  /** The hit names a day (DeadlineRule.day). */
  day?: boolean;
}

function blank(n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += '#';
  return s;
}

function isDigit(ch: string): boolean {
  return ch >= '0' && ch <= '9';
}

/** What follows a date when the date is a start: 2020年1月以后, 2022年7月起 (not 起草), 6月30日后, 2019年以来. */
const FROM_AFTER = /^ ?(?:以后|之后|以来|开始|起(?![草诉])|后)/;

/** Runs the rules over normalized text, in the order of the rules. Exported for tests. */
export function findHits(text: string): Located[] {
  let work = text;
  const found: Located[] = [];
  for (let r = 0; r < DEADLINE_RULES.length; r++) {
    const rule = DEADLINE_RULES[r];
    const re = new RegExp(rule.re.source, 'g');
    const spans: { start: number; end: number }[] = [];
    let m: RegExpExecArray | null;
    while ((m = re.exec(work)) !== null) {
      const all = m[0];
      if (all.length === 0) {
        re.lastIndex++;
        continue;
      }
      const end = m.index + all.length;
      // No lookbehind in IE11: a number never starts or ends in the middle of a longer number.
      if (isDigit(all.charAt(0)) && isDigit(work.charAt(m.index - 1))) continue;
      if (isDigit(all.charAt(all.length - 1)) && isDigit(work.charAt(end))) continue;
      const hit = rule.hit(m, work);
      if (hit === undefined) continue;
      const located: Located = { pos: m.index, hit, day: !!rule.day };
      if ((hit.t === 'date' || hit.t === 'yearless') && FROM_AFTER.test(work.slice(end, end + 4))) located.from = true;
      found.push(located);
      spans.push({ start: m.index, end });
    }
    if (spans.length) {
      let next = '';
      let at = 0;
      for (let i = 0; i < spans.length; i++) {
        next += work.slice(at, spans[i].start) + blank(spans[i].end - spans[i].start);
        at = spans[i].end;
      }
      work = next + work.slice(at);
    }
  }
  return found;
}

/** Years written in the cell, by position: a year-less date takes the nearest one before it. */
function yearAnchors(text: string): { pos: number; year: number }[] {
  const out: { pos: number; year: number }[] = [];
  const re = /(\d{4}) ?[年./-]/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (isDigit(text.charAt(m.index - 1))) continue;
    const y = +m[1];
    if (y >= 1900 && y <= 2200) out.push({ pos: m.index, year: y });
  }
  return out;
}

const YEAR_WORDS: { [word: string]: number } = { 去: -1, 今: 0, 本: 0, 当: 0, 明: 1, 次: 1 };

/**
 * 去年/今年/本年/当年/明年/次年 before a date -> the year they mean, counted from `base` (the start year,
 * else the as-of year): 去年12月23日 -> 2021年12月23日 when the start is in 2022. Exported for tests.
 */
export function resolveYearWords(text: string, base: number | null): string {
  if (base === null) return text;
  return text.replace(/(去|今|本|当|明|次)年(?= ?度? ?(?:\d|第|上半|下半|底|末|内|年))/g, (_m, w: string) => String(base + YEAR_WORDS[w]) + '年');
}

function result(text: string, kind: Deadline['kind'], due: IsoDate | null, ongoing: boolean, reason?: DeadlineReason): Deadline {
  const d: Deadline = { text, kind, due, ongoing };
  if (kind === 'unparsed') d.reason = reason || 'unreadable';
  return d;
}

function containsAny(text: string, words: string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.indexOf(normalizeDeadlineText(words[i])) >= 0) return true;
  return false;
}

function isDateValue(v: unknown): v is { date: IsoDate } {
  return typeof v === 'object' && v !== null && typeof (v as { date?: unknown }).date === 'string';
}

/** The lowest and highest Excel serials read as dates: 1970-01-01 .. 2099-12-31. */
export const SERIAL_MIN = 25569;
export const SERIAL_MAX = 73051;

function fromNumber(n: number): Deadline {
  if (isFinite(n) && n >= SERIAL_MIN && n < SERIAL_MAX + 1) {
    const iso = serialToIso(n);
    return result(iso, 'date', iso, false);
  }
  if (isFinite(n) && n === Math.floor(n) && n >= 1900 && n <= 2200) {
    return result(String(n), 'date', ymd(n, 12, 31), false);
  }
  return result(String(n), 'unparsed', null, false);
}

/** Parses one deadline cell. Never throws. */
export function parseDeadline(value: CellValue, ctx: DeadlineContext): Deadline {
  if (value === null || value === undefined) return result('', 'none', null, false);
  if (typeof value === 'number') return fromNumber(value);
  if (typeof value === 'boolean') return result(value ? 'TRUE' : 'FALSE', 'unparsed', null, false);
  if (isDateValue(value)) {
    return isIsoDate(value.date)
      ? result(value.date, 'date', value.date, false)
      : result(value.date, 'unparsed', null, false, 'impossible');
  }
  if (typeof value !== 'string') return result('', 'unparsed', null, false);
  return parseText(value, ctx);
}

/** A day of a month counted from the start's month: null when the day does not exist in that month. */
function monthDay(start: IsoDate, monthOffset: number, day: number | 'end'): IsoDate | null {
  const p = parseIso(addMonths(ymd(parseIso(start).y, parseIso(start).m, 1), monthOffset));
  if (day === 'end') return monthEnd(p.y, p.m);
  return isValidYmd(p.y, p.m, day) ? ymd(p.y, p.m, day) : null;
}

function parseText(raw: string, ctx: DeadlineContext): Deadline {
  const text = raw.trim();
  if (text === '') return result('', 'none', null, false);
  const start = ctx.start && isIsoDate(ctx.start) ? ctx.start : null;
  const asOf = isIsoDate(ctx.asOf) ? ctx.asOf : null;
  const knownYear = ctx.year && ctx.year >= 1900 && ctx.year <= 2200 ? ctx.year : null;
  const baseYear = start ? parseIso(start).y : knownYear !== null ? knownYear : asOf ? parseIso(asOf).y : null;
  const norm = resolveYearWords(normalizeDeadlineText(text), baseYear);
  if (BLANK_PLACEHOLDERS.indexOf(norm) >= 0 || /^[-/\\ ]+$/.test(norm)) return result(text, 'none', null, false);
  // A number typed as text: an Excel serial or a bare year.
  if (/^\d{5}(\.\d+)?$/.test(norm) || /^\d{4}$/.test(norm)) {
    const d = fromNumber(+norm);
    return result(text, d.kind, d.due, false);
  }

  const hits = findHits(norm).sort((a, b) => a.pos - b.pos);
  const anchors = yearAnchors(norm);
  const ongoing = containsAny(norm, LONG_TERM_WORDS);

  const dates: IsoDate[] = [];
  let bad: DeadlineReason | null = null;
  let unresolved = false;
  let startsAt = false;
  // The latest date written before a relative form as its start (自2022年3月1日起2个月内). A month or a
  // period (2022年7月起3个月内) does not say which day the count starts on: the cell is refused.
  let from: IsoDate | null = null;
  let fromPeriod = false;
  for (let i = 0; i < hits.length; i++) {
    const h = hits[i].hit;
    const pos = hits[i].pos;
    let d: IsoDate | null | undefined;
    if (h.t === 'bad') {
      if (!bad || h.why === 'ambiguous') bad = h.why;
      continue;
    } else if (h.t === 'date') d = h.due;
    else if (h.t === 'yearless') d = resolveYearless(h.make, h.yearOffset || 0, pos, anchors, start, knownYear, asOf);
    else if (h.t === 'relative') {
      if (fromPeriod) {
        bad = bad || 'starts-at';
        continue;
      }
      const base = from || start;
      if (base) dates.push(h.make(base));
      else unresolved = true;
      continue;
    } else {
      if (!start) {
        unresolved = true;
        continue;
      }
      d = monthDay(start, h.monthOffset, h.day);
    }
    if (d === null) {
      bad = bad || 'impossible';
      continue;
    }
    if (d === undefined) {
      unresolved = true;
      continue;
    }
    if (hits[i].from) {
      // 2020年1月以后: a start, never the deadline.
      startsAt = true;
      from = hits[i].day ? d : null;
      fromPeriod = !hits[i].day;
    } else dates.push(d);
  }

  if (bad) return result(text, 'unparsed', null, false, bad);
  if (dates.length) {
    let max = dates[0];
    for (let i = 1; i < dates.length; i++) if (dates[i] > max) max = dates[i];
    return result(text, 'date', max, ongoing);
  }
  // A relative form with no start, and no written date beside it: nothing to count from.
  if (unresolved) return result(text, 'unparsed', null, false, 'needs-start');
  if (startsAt) return ongoing ? result(text, 'long-term', null, true) : result(text, 'unparsed', null, false, 'starts-at');
  if (containsAny(norm, IMMEDIATE_WORDS)) return result(text, 'immediate', null, ongoing);
  if (ongoing) return result(text, 'long-term', null, true);
  if (containsAny(norm, PENDING_WORDS)) return result(text, 'unparsed', null, false, 'pending');
  return result(text, 'unparsed', null, false);
}

/**
 * The year of a year-less date: the nearest year written before it in the cell; else the start's year,
 * rolled forward a year when the date would fall before the start; else the year the workbook states
 * (title, 填报时间, its dates); else the as-of year.
 * null = impossible (2月29日 in a common year); undefined = no year to be had.
 */
function resolveYearless(
  make: (y: number) => IsoDate | null,
  offset: number,
  pos: number,
  anchors: { pos: number; year: number }[],
  start: IsoDate | null,
  knownYear: number | null,
  asOf: IsoDate | null,
): IsoDate | null | undefined {
  let anchor: number | null = null;
  for (let i = 0; i < anchors.length; i++) if (anchors[i].pos < pos) anchor = anchors[i].year;
  if (anchor !== null) return make(anchor + offset);
  if (start) {
    // Compare month and day with the start's; 2000 is a leap year, so 2月29日 has a month and day to compare.
    const probe = make(2000);
    const y = parseIso(start).y + offset;
    if (probe !== null && probe.slice(5) < start.slice(5)) return make(y + 1);
    return make(y);
  }
  if (knownYear !== null) return make(knownYear + offset);
  if (asOf) return make(parseIso(asOf).y + offset);
  return undefined;
}

/**
 * The years a deadline cell states itself (not the ones it would be given): an Excel date's year, a
 * year written in the text. For inferring the start year from the ledger's own dates.
 */
export function statedYears(value: CellValue): number[] {
  if (value === null || value === undefined || typeof value === 'boolean') return [];
  if (typeof value === 'number') {
    const d = fromNumber(value);
    return d.kind === 'date' && d.due ? [+d.due.slice(0, 4)] : [];
  }
  if (isDateValue(value)) return isIsoDate(value.date) ? [+value.date.slice(0, 4)] : [];
  if (typeof value !== 'string') return [];
  return yearAnchors(normalizeDeadlineText(value)).map((a) => a.year);
}
