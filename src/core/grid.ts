/** Grid helpers: sheet coordinates (1-based), A1 addresses and cell text. */
import { CellValue, DateValue, Grid } from './types';

export function colLetter(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colNumber(letters: string): number {
  let n = 0;
  const up = letters.toUpperCase();
  for (let i = 0; i < up.length; i++) n = n * 26 + (up.charCodeAt(i) - 64);
  return n;
}

export function a1(row: number, col: number): string {
  return colLetter(col) + row;
}

/** 'B3' -> { row: 3, col: 2 }. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]+)\$?(\d+)$/.exec(address);
  if (!m) throw new Error('bad A1 address: ' + address);
  return { row: +m[2], col: colNumber(m[1]) };
}

export function isDateValue(v: CellValue): v is DateValue {
  return !!v && typeof v === 'object' && typeof (v as DateValue).date === 'string';
}

/** The text a user sees, trimmed; line breaks inside are kept (multi-line cells stay whole). */
export function cellText(v: CellValue | undefined): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v.replace(/^[\s\u3000]+|[\s\u3000]+$/g, '').replace(/\r\n?/g, '\n');
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
