/** Grid helpers: cell values, cell text and a Grid's edges (1-based sheet coordinates; A1 addresses are a1.ts). */
import { CellValue, DateValue, Grid } from '../model/grid';

export function isDateValue(v: CellValue): v is DateValue {
  return !!v && typeof v === 'object' && typeof (v as DateValue).date === 'string';
}

/**
 * The characters JavaScript's \s matches (\u3000, the full-width space, among them), by code: cellText
 * tests both ends of every cell of a ledger, and a comparison costs less than a regex and a one-character string.
 */
export function isSpaceCode(c: number): boolean {
  if (c > 32 && c < 160) return false;
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** The text a user sees, trimmed; line breaks inside are kept (multi-line cells stay whole). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') {
    // Most cells need no trimming: test the ends before running a regex over every cell of a big ledger.
    const n = v.length;
    const clean = n > 0 && !isSpaceCode(v.charCodeAt(0)) && !isSpaceCode(v.charCodeAt(n - 1)) && v.indexOf('\r') < 0;
    return clean ? v : v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/\r\n?/g, '\n');
  }
  if (typeof v === 'number') return isFinite(v) ? String(Math.round(v * 1e10) / 1e10) : '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) return v.date;
  return '';
}

export function gridTop(g: Grid): number {
  return g.top || 1;
}

export function gridLeft(g: Grid): number {
  return g.left || 1;
}

/** Last used sheet row (1-based); top - 1 when the grid is empty. */
export function gridBottom(g: Grid): number {
  return gridTop(g) + g.rows.length - 1;
}

/** Last used sheet column (1-based), over all rows. */
export function gridRight(g: Grid): number {
  let w = 0;
  for (let i = 0; i < g.rows.length; i++) {
    const row = g.rows[i];
    for (let j = row.length - 1; j >= w; j--) {
      if (cellText(row[j]) !== '' || typeof row[j] === 'number') {
        w = j + 1;
        break;
      }
    }
  }
  return gridLeft(g) + w - 1;
}

/** The value at a sheet row and column (1-based), or null outside the grid. */
export function cellAt(g: Grid, row: number, col: number): CellValue {
  const r = g.rows[row - gridTop(g)];
  if (!r) return null;
  const v = r[col - gridLeft(g)];
  return v === undefined ? null : v;
}

export function isEmptyGrid(g: Grid): boolean {
  for (let i = 0; i < g.rows.length; i++) {
    const row = g.rows[i];
    for (let j = 0; j < row.length; j++) if (cellText(row[j]) !== '') return false;
  }
  return true;
}

/**
 * True when an Excel number format code shows a date (so a number in such a cell is a date serial).
 * Only the first section counts (a positive serial is shown by it). Quoted text ("年"), escaped
 * characters (\d), the width and fill operands of _ and *, and [..] sections ([$-F800], [DBNum1],
 * [Red], [<=100]) carry no date code; [h], [m] and [s] are elapsed time. A date code is y, d, e (the
 * era year), g (the era name), b (the Buddhist year), aaa (a Chinese weekday) or an m that is a
 * month: an m right after an h or right before an s is minutes. Digit placeholders (0 # ?) make a
 * number format, except the fraction of seconds (ss.000). General, '@' and time-only formats
 * (h:mm, mm:ss, [h]:mm) are not dates.
 */
export function isDateNumberFormat(fmt: string | null | undefined): boolean {
  if (!fmt) return false;
  // The first section, split on ';' outside quotes and escapes.
  let section = '';
  for (let i = 0, quoted = false; i < fmt.length; i++) {
    const ch = fmt.charAt(i);
    if (ch === '\\' && !quoted) {
      section += ch + fmt.charAt(++i);
      continue;
    }
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) break;
    section += ch;
  }
  if (/^\s*(general|@)?\s*$/i.test(section)) return false;

  // Tokens: runs of one date/time letter; everything else is a literal or ignored.
  const tokens: string[] = [];
  let digits = false;
  let i = 0;
  while (i < section.length) {
    const ch = section.charAt(i);
    const lower = ch.toLowerCase();
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      i = end < 0 ? section.length : end + 1;
    } else if (ch === '\\' || ch === '_' || ch === '*') {
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i + 1);
      const inner = section.slice(i + 1, end < 0 ? section.length : end).toLowerCase();
      if (/^(h+|m+|s+)$/.test(inner)) tokens.push(inner.charAt(0)); // elapsed time
      i = end < 0 ? section.length : end + 1;
    } else if (/^general/i.test(section.slice(i))) {
      i += 7;
    } else if (/^(am\/pm|a\/p)/i.test(section.slice(i))) {
      tokens.push('h'); // a 12-hour clock: part of a time
      i += section.charAt(i + 1) === '/' ? 3 : 5;
    } else if (lower === 'e' && /^[eE][+-]/.test(section.slice(i))) {
      digits = true; // scientific: 0.00E+00
      i += 2;
    } else if (/[ymdhsegba]/.test(lower)) {
      let j = i;
      while (j < section.length && section.charAt(j).toLowerCase() === lower) j++;
      // 'a' is a weekday only as aaa/aaaa; a lone 'b' or 'g' is ignored like other stray letters.
      if ((lower !== 'a' || j - i >= 3) && (lower !== 'b' || j - i >= 2)) tokens.push(lower);
      i = j;
    } else if (ch === '0' || ch === '#' || ch === '?') {
      // Fractions of seconds (ss.0, ss.000) follow an s and a decimal point.
      const last = tokens[tokens.length - 1];
      if (!(last === 's' && /\.0*$/.test(section.slice(0, i)))) digits = true;
      i++;
    } else {
      i++;
    }
  }
  if (digits) return false;
  for (let k = 0; k < tokens.length; k++) {
    const tk = tokens[k];
    if (tk === 'y' || tk === 'd' || tk === 'e' || tk === 'g' || tk === 'b' || tk === 'a') return true;
    if (tk === 'm' && tokens[k - 1] !== 'h' && tokens[k + 1] !== 's') return true;
  }
  return false;
}
