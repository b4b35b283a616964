/**
 * exceljs cell value -> Grid CellValue. One function for both the in-memory and the streaming reader,
 * so a ledger reads the same whichever path the CLI takes.
 */
import { CellValue } from '../core/types';
import { isDateNumberFormat } from '../core/grid';

/** OOXML escapes control characters as _xHHHH_ (Excel writes a carriage return as _x000D_). */
function decodeOoxmlEscapes(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function pad2(n: number): string {
  return n < 10 ? '0' + n : String(n);
}

/** exceljs dates are UTC midnight of the Excel serial: the UTC parts are the date the user sees. */
export function dateToCell(d: Date): CellValue {
  const t = d.getTime();
  if (!isFinite(t)) return null;
  return { date: d.getUTCFullYear() + '-' + pad2(d.getUTCMonth() + 1) + '-' + pad2(d.getUTCDate()) };
}

/** Excel serial (1900 system) as exceljs turns it into a Date, for formula results in date cells. */
function serialToCell(serial: number): CellValue {
  return dateToCell(new Date(Math.round((serial - 25569) * 864e5)));
}

interface RichTextRun {
  text?: string | null;
}

/**
 * `numFmt` is the cell's number format: the streaming reader gives formula results in date cells as
 * bare serials, which only the format tells apart from numbers.
 */
export function toCellValue(value: unknown, numFmt?: string): CellValue {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'string': {
      if (value === '') return null;
      return decodeOoxmlEscapes(value);
    }
    case 'number':
      return isFinite(value) ? value : null;
    case 'boolean':
      return value;
    case 'object':
      break;
    default:
      return null;
  }
  if (value instanceof Date) return dateToCell(value);
  const o = value as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    const text = (o.richText as RichTextRun[]).map((r) => (r && r.text) || '').join('');
    return text === '' ? null : decodeOoxmlEscapes(text);
  }
  if ('formula' in o || 'sharedFormula' in o) {
    const result = o.result;
    if (typeof result === 'number' && isDateNumberFormat(numFmt)) return serialToCell(result);
    // A formula whose cached result is an error: exceljs gives {error} (in memory) or NaN (streaming).
    return toCellValue(result, numFmt);
  }
  if ('hyperlink' in o || 'text' in o) return toCellValue(o.text, numFmt);
  if (typeof o.error === 'string') return o.error;
  return null;
}
