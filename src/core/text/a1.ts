/**
 * A1 addresses, the one module for them (exceljs's col-cache is the model): column letters and numbers,
 * cells and ranges with or without $ and a sheet prefix, and a sheet name quoted for a reference. Every
 * host and the core read and write addresses through it.
 */

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

/**
 * The column of an A1 reference ("AB12" -> 28, "$C$3" -> 3), 0 when it has none. By character codes,
 * for the readers' hot loops (a sheet's every cell reference goes through it).
 */
export function refColumn(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c !== 36) break;
  }
  return col;
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

/** 'B3', '$B$3', 'b3' -> { row: 3, col: 2 }; null when it is not one cell. */
export function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref);
  return m ? { row: +m[2], col: colNumber(m[1]) } : null;
}

/**
 * 'B3:D9', '$B$3:$D$9', 'B3' (its own range), "Sheet1!B2:F30" or "'My sheet'!B2" (the sheet is dropped)
 * -> its corners, top-left first whichever way it was written; null when unreadable.
 */
export function rangeRef(ref: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const bare = ref.slice(ref.lastIndexOf('!') + 1).trim();
  const parts = bare.split(':');
  if (parts.length > 2) return null;
  const a = cellRef(parts[0]);
  const b = parts.length === 2 ? cellRef(parts[1]) : a;
  if (!a || !b) return null;
  return { r1: Math.min(a.row, b.row), c1: Math.min(a.col, b.col), r2: Math.max(a.row, b.row), c2: Math.max(a.col, b.col) };
}

/** A sheet's name as a reference writes it: 'My sheet' (quotes doubled inside), always quoted. */
export function quoteSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}
