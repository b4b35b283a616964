/**
 * One SpreadsheetML cell -> the Grid value Excel shows (ECMA-376 18.3.1.4, 18.18.11): the cell's
 * type (t), its <v> text or inline string, and whether its number format shows a date.
 */
import { isIsoDate, serialToIso } from '../core/text/dates';
import type { CellValue } from '../core';
import { decodeOoxml } from './xml';

/** An Excel serial in the workbook's date system as a date, or null outside Excel's calendar. */
export function serialDate(serial: number, date1904: boolean): CellValue {
  const s = date1904 ? serial + 1462 : serial;
  if (!(s >= 1 && s < 2958466)) return null;
  return { date: serialToIso(s) };
}

export interface CellInput {
  /** The t attribute: s, inlineStr, str, b, e, d, n (or null). */
  type: string | null;
  /** The <v> text, entities decoded ('' when absent). */
  v: string;
  /** The text of an inline string (<is>), rich runs joined and phonetic runs left out. */
  inline?: string;
  /** The shared string table (t="s"). */
  shared?: string[];
  /** True when the cell's number format shows a date. */
  dateFormat?: boolean;
  date1904?: boolean;
}

/** The cell's value; '' and absent values are null. */
export function cellValue(c: CellInput): CellValue {
  const v = c.v;
  switch (c.type) {
    case 's': {
      const s = c.shared ? c.shared[+v] : undefined;
      return s === undefined || s === '' ? null : s;
    }
    case 'inlineStr': {
      const s = c.inline || v;
      return s === '' ? null : decodeOoxml(s);
    }
    case 'str':
      return v === '' ? null : decodeOoxml(v);
    case 'b':
      return v === '1' || v === 'true' ? true : v === '0' || v === 'false' ? false : null;
    case 'e':
      return v === '' ? null : v;
    case 'd': {
      const d = v.slice(0, 10);
      return isIsoDate(d) ? { date: d } : v === '' ? null : v;
    }
    default: {
      if (v === '') return null;
      const n = +v;
      if (!isFinite(n)) return null;
      if (c.dateFormat) {
        const d = serialDate(n, !!c.date1904);
        if (d) return d;
      }
      return n;
    }
  }
}
