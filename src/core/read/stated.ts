/**
 * What a workbook states about its own dates, and the start year inferred from it.
 *
 * Above the header a ledger usually carries a title ("2022年…巡察整改台账") and a form row
 * ("填报单位（盖章）：…  填报人：…  填报时间：2022年7月15日"); sign-off rows below the items may carry a
 * 填表日期 too. readStatedDates reads both and returns the full date wherever the row states one, so
 * other code can use it: the start year of a check (inferStart), and the date an earlier version of a
 * ledger describes (its 填报时间) when two versions are compared.
 */
import { chineseNumeralsToDigits, toHalfWidth } from '../text/normalize';
import { statedYears } from './deadline/parse';
import { isValidYmd, serialToIso, ymd } from '../text/dates';
import { cellAt, cellText, gridBottom, gridLeft, gridRight, gridTop, isDateValue } from '../text/grid';
import { a1 } from '../text/a1';
import { isSkippedRow } from './ledger';
import { toSimplified } from '../text/traditional';
import { CellValue, Grid, IsoDate } from '../model/grid';
import { HeaderMap } from '../model/ledger';
import { StartBasis } from '../model/result';
import { dict } from '../text/dict';

export interface StatedDate {
  /** Where it was read: the title row, or a 填报时间 / 填表日期 / 截至 row. */
  source: 'title' | 'filled-in';
  year: number;
  /** The full date when the cell states one (填报时间：2022年7月15日); null for a year or a month alone. */
  date: IsoDate | null;
  /** A1 address of the cell that states it. */
  cell: string;
  /** That cell's text (an Excel date as YYYY-MM-DD). */
  text: string;
}

export interface StatedDates {
  title: StatedDate | null;
  filledIn: StatedDate | null;
}

/** Rows searched when the header is not known, and sign-off rows searched below the items. */
const TOP_ROWS = 30;
const BOTTOM_ROWS = 10;

/** Labels before the date a ledger was filled in or stands at (simplified script, half-width). */
const FILLED_IN = /(?:填报|填表|报送|统计|制表|更新)(?:时间|日期)|截至|截止到?|(?:^|[\s,;，；])日期/;

const MIN_YEAR = 1990;
const MAX_YEAR = 2100;

/** Text for matching: simplified, half-width. */
function plain(text: string): string {
  return toHalfWidth(toSimplified(text));
}

/** A date at the start of `s` (after an optional colon): full, or year and month, or year alone. */
function leadingDate(s: string): { year: number; date: IsoDate | null } | null {
  const t = chineseNumeralsToDigits(s).replace(/^[\s:：]+/, '');
  const m = /^(\d{4}) ?[年./-] ?(?:(\d{1,2}) ?(?:[月./-] ?(?:(\d{1,2}) ?[日号]?)?)?)?/.exec(t);
  if (!m) return null;
  const y = +m[1];
  if (y < MIN_YEAR || y > MAX_YEAR) return null;
  const month = m[2] ? +m[2] : 0;
  const day = m[3] ? +m[3] : 0;
  return { year: y, date: month && day && isValidYmd(y, month, day) ? ymd(y, month, day) : null };
}

/** A cell's own value as a date: an Excel date or serial, or a date written as text. */
function valueDate(v: CellValue): { year: number; date: IsoDate | null } | null {
  if (isDateValue(v)) return { year: +v.date.slice(0, 4), date: v.date };
  if (typeof v === 'number' && v >= 32874 && v < 73051) {
    // 1990-01-01 .. 2099-12-31 as an Excel serial.
    const iso = serialToIso(v);
    return { year: +iso.slice(0, 4), date: iso };
  }
  return typeof v === 'string' ? leadingDate(plain(v)) : null;
}

/** The 填报时间 a row states: after its label in the same cell, or in the next non-empty cell. */
function filledInOf(g: Grid, row: number): StatedDate | null {
  const left = gridLeft(g);
  const right = gridRight(g);
  for (let c = left; c <= right; c++) {
    const v = cellAt(g, row, c);
    const text = cellText(v);
    if (!text) continue;
    const t = plain(text);
    const re = new RegExp(FILLED_IN.source, 'g');
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      const after = t.slice(m.index + m[0].length);
      const here = leadingDate(after);
      if (here) return { source: 'filled-in', year: here.year, date: here.date, cell: a1(row, c), text };
      if (/^[\s:：]*$/.test(after)) {
        // The label stands alone: the date is the next cell that holds anything.
        for (let cc = c + 1; cc <= right; cc++) {
          const nv = cellAt(g, row, cc);
          if (!cellText(nv)) continue;
          const d = valueDate(nv);
          if (d) return { source: 'filled-in', year: d.year, date: d.date, cell: a1(row, cc), text: cellText(nv) };
          break;
        }
      }
    }
  }
  return null;
}

function firstText(g: Grid, row: number): string {
  for (let c = gridLeft(g); c <= gridRight(g); c++) {
    const text = cellText(cellAt(g, row, c));
    if (text) return text;
  }
  return '';
}

/** A title row: its first text names a year (2022年…台账, 二〇二二年…). */
function titleOf(g: Grid, row: number): StatedDate | null {
  const left = gridLeft(g);
  const right = gridRight(g);
  for (let c = left; c <= right; c++) {
    const v = cellAt(g, row, c);
    const text = cellText(v);
    if (!text) continue;
    if (typeof v !== 'string') return null;
    const t = chineseNumeralsToDigits(plain(text));
    const re = /(\d{4}) ?年/g;
    let m: RegExpExecArray | null;
    while ((m = re.exec(t)) !== null) {
      if (m.index > 0 && /\d/.test(t.charAt(m.index - 1))) continue;
      const y = +m[1];
      if (y < MIN_YEAR || y > MAX_YEAR) continue;
      const d = leadingDate(t.slice(m.index));
      return { source: 'title', year: y, date: d ? d.date : null, cell: a1(row, c), text };
    }
    return null;
  }
  return null;
}

/**
 * The title's year and the 填报时间 a sheet states. Rows above the header are read (the first 30 rows
 * when no header is given), and the last 10 rows for a 填表日期 sign-off line. The title is the first
 * row above the header whose first text names a year and is not a 填报单位, 填报人 or 注 row.
 */
export function readStatedDates(g: Grid, header?: HeaderMap | null): StatedDates {
  const top = gridTop(g);
  const bottom = gridBottom(g);
  const above = header ? header.rows[0] - 1 : Math.min(bottom, top + TOP_ROWS - 1);
  const out: StatedDates = { title: null, filledIn: null };
  for (let r = top; r <= above; r++) {
    if (!out.filledIn) out.filledIn = filledInOf(g, r);
    // A 填报单位 / 填报人 / 注 row is never the title, whatever year it names.
    if (!out.title && !isSkippedRow(firstText(g, r))) out.title = titleOf(g, r);
  }
  if (!out.filledIn && header) {
    for (let r = Math.max(above + 1, bottom - BOTTOM_ROWS + 1); r <= bottom && !out.filledIn; r++) out.filledIn = filledInOf(g, r);
  }
  return out;
}

/**
 * The year most deadline cells state (ties: the earliest), for a ledger that says nothing above its
 * header: 2022年6月底前, 2022年第三季度 and 9月底前 beside them make 2022. null when no cell states one.
 */
export function ledgerYear(g: Grid, header: HeaderMap): number | null {
  const col = header.columns.deadline;
  if (col === undefined) return null;
  const counts: { [year: number]: number } = {};
  const seen = dict<number[]>();
  for (let r = header.rows[header.rows.length - 1] + 1; r <= gridBottom(g); r++) {
    const v = cellAt(g, r, col);
    if (v === null || v === undefined) continue;
    const key = isDateValue(v) ? 'd' + v.date : typeof v + ':' + String(v);
    const years = seen[key] || (seen[key] = statedYears(v));
    years.forEach((y) => {
      if (y >= MIN_YEAR && y <= MAX_YEAR) counts[y] = (counts[y] || 0) + 1;
    });
  }
  let best: number | null = null;
  Object.keys(counts).forEach((k) => {
    const y = +k;
    if (best === null || counts[y] > counts[best] || (counts[y] === counts[best] && y < best)) best = y;
  });
  return best;
}

/**
 * Where the start comes from: the given start date; else the year the workbook states (the title, then
 * the 填报时间 row, then the dates its ledger holds), from the first sheet that states one; else null.
 */
export function inferStart(sheets: { grid: Grid; header: HeaderMap }[], start: IsoDate | null | undefined): StartBasis | null {
  if (start) return { date: start, source: 'given' };
  const stated = sheets.map((s) => readStatedDates(s.grid, s.header));
  for (let i = 0; i < stated.length; i++) {
    const title = stated[i].title;
    if (title) return { year: title.year, source: 'title' };
  }
  for (let i = 0; i < stated.length; i++) {
    const filledIn = stated[i].filledIn;
    if (filledIn) return { year: filledIn.year, source: 'filled-in' };
  }
  for (let i = 0; i < sheets.length; i++) {
    const y = ledgerYear(sheets[i].grid, sheets[i].header);
    if (y !== null) return { year: y, source: 'dates' };
  }
  return null;
}
