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
import { CellValue, IsoDate } from '../../model/grid';
import { Deadline, DeadlineReason } from '../../model/ledger';
import { addMonths, isIsoDate, isValidYmd, monthEnd, parseIso, serialToIso, ymd } from '../../text/dates';
import { chineseNumeralsToDigits, toHalfWidth } from '../../text/normalize';
import { isDateValue } from '../../text/grid';
import { toSimplified } from '../../text/traditional';
import { DEADLINE_RULES, Hit } from './rules';
import { BLANK_PLACEHOLDERS, IMMEDIATE_WORDS, LONG_TERM_WORDS, PENDING_WORDS } from './words';

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
