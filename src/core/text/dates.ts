/**
 * Calendar arithmetic on IsoDate strings ('YYYY-MM-DD'). No Date objects cross this module's edge and
 * no time zone is ever consulted, so the same ledger gives the same flags in IE11, Node and Excel.
 */
import { IsoDate } from '../model/grid';

function pad(n: number, width: number): string {
  let s = String(n);
  while (s.length < width) s = '0' + s;
  return s;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (isLeapYear(y) ? 29 : 28) : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

/** True when y-m-d is a real calendar date (2022-02-30 is not). */
export function isValidYmd(y: number, m: number, d: number): boolean {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function ymd(y: number, m: number, d: number): IsoDate {
  return pad(y, 4) + '-' + pad(m, 2) + '-' + pad(d, 2);
}

export function monthEnd(y: number, m: number): IsoDate {
  return ymd(y, m, daysInMonth(y, m));
}

export function parseIso(s: IsoDate): { y: number; m: number; d: number } {
  return { y: +s.slice(0, 4), m: +s.slice(5, 7), d: +s.slice(8, 10) };
}

/** A strict check of user input such as --as-of. */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return !!m && isValidYmd(+m[1], +m[2], +m[3]);
}

/** Days since 1970-01-01 (proleptic Gregorian), computed without Date. */
export function toDayNumber(s: IsoDate): number {
  const p = parseIso(s);
  let y = p.y;
  const m = p.m;
  y -= m <= 2 ? 1 : 0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + p.d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(z: number): IsoDate {
  z += 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return ymd(y, m, d);
}

export function addDays(s: IsoDate, n: number): IsoDate {
  return fromDayNumber(toDayNumber(s) + n);
}

/** b - a in calendar days. */
export function diffDays(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday .. 6 = Saturday. 1970-01-01 was a Thursday. */
export function weekday(s: IsoDate): number {
  return (((toDayNumber(s) + 4) % 7) + 7) % 7;
}

/** Counts n working days after s, skipping Saturdays and Sundays (statutory holidays are not known). */
export function addWorkingDays(s: IsoDate, n: number): IsoDate {
  let day = toDayNumber(s);
  let left = n;
  while (left > 0) {
    day++;
    const wd = (((day + 4) % 7) + 7) % 7;
    if (wd !== 0 && wd !== 6) left--;
  }
  return fromDayNumber(day);
}

/** Same day n months later, clamped to the month's end (1-31 + 1 month = 2-28). */
export function addMonths(s: IsoDate, n: number): IsoDate {
  const p = parseIso(s);
  const total = p.y * 12 + (p.m - 1) + n;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return ymd(y, m, Math.min(p.d, daysInMonth(y, m)));
}

/** Excel's serial date (1900 system, with its fictitious 1900-02-29) to IsoDate. */
export function serialToIso(serial: number): IsoDate {
  const whole = Math.floor(serial);
  // Serial 25569 is 1970-01-01; serials below 61 are off by one because of the 1900 leap-year bug.
  return fromDayNumber(whole - 25569 + (whole < 61 ? 1 : 0));
}

export function isoToSerial(s: IsoDate): number {
  const n = toDayNumber(s) + 25569;
  return n < 61 ? n - 1 : n;
}
