/**
 * .xlsx -> Grid[], with Taizhang's own reader (package.ts, sheet-reader.ts): one pass over each
 * part, the shared strings and the styles read once, sheets in tab order with their own names.
 * readBook keeps the package open for the patch writer (check --out); readGrids only returns the
 * Grids (check --json, the report, summary).
 */
import { isValidYmd, ymd } from '../core/text/dates';
import type { Grid, IsoDate } from '../core';
import { openPackage, Package, readRels, SheetRef, SMALL_PART_BYTES, xmlError } from './package';
import { readSharedStrings, readSheet, SheetContext } from './sheet-reader';
import { assertZip, kindByBytes } from './sniff';
import { MARKER_STYLE, Stylesheet } from './stylesheet';
import { decodePart, localName, parseText } from './xml';

export interface ReadOptions {
  /** Called now and then with the number of rows read so far (for a progress line). */
  onProgress?: (rows: number) => void;
  /** Called once the package is open, before any sheet is read (to refuse early). */
  onOpen?: (pkg: Package) => void;
  /** The file's name in messages, when `file` is not the name the user gave (a legacy workbook's .xlsx base). */
  display?: string;
}

/** A read workbook: its package (still open), its stylesheet and one Grid per worksheet. */
export interface Book {
  file: string;
  pkg: Package;
  styles: Stylesheet | null;
  /** Worksheets in tab order, and their Grids in the same order. */
  sheets: SheetRef[];
  grids: Grid[];
  close(): void;
}

const PROGRESS_EVERY = 5000;

export function readStyles(pkg: Package): Stylesheet | null {
  if (!pkg.stylesPart) return null;
  const entry = pkg.zip.get(pkg.stylesPart);
  if (!entry) return null;
  const text = decodePart(pkg.zip.readWhole(entry, { maxBytes: SMALL_PART_BYTES }));
  try {
    return new Stylesheet(text);
  } catch (e) {
    throw xmlError(pkg.zip, entry.name, e);
  }
}

/** Reads every worksheet. `file` in messages is the name the user gave. */
export async function readBook(file: string, opts: ReadOptions = {}): Promise<Book> {
  assertZip(file);
  const pkg = openPackage(file, opts.display || file);
  try {
    if (opts.onOpen) opts.onOpen(pkg);
    const styles = readStyles(pkg);
    const shared = await readSharedStrings(pkg);
    let rows = 0;
    const progress = opts.onProgress;
    const ctx: SheetContext = {
      pkg,
      shared,
      dateXf: styles ? styles.dateFormats() : new Uint8Array(0),
      markXf: styles ? styles.styledWith(MARKER_STYLE) : new Uint8Array(0),
      cells: { count: 0 },
      onRow: progress
        ? () => {
            if (++rows % PROGRESS_EVERY === 0) progress(rows);
          }
        : undefined,
    };
    const grids: Grid[] = [];
    for (const sheet of pkg.sheets) grids.push(await readSheet(ctx, sheet));
    return { file, pkg, styles, sheets: pkg.sheets, grids, close: () => pkg.zip.close() };
  } catch (e) {
    pkg.zip.close();
    throw e;
  }
}

/**
 * The legacy reader (.xls, .et), loaded only when such a file is read: an .xlsx run never loads it,
 * nor the `cfb` package it uses.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports
export const legacyReader = (): typeof import('./biff/read-biff') => require('./biff/read-biff');

/** Reads every worksheet into Grids and lets the file go. A legacy .xls or .et is read by biff/read-biff.ts. */
export async function readGrids(file: string, opts: ReadOptions = {}): Promise<Grid[]> {
  if (kindByBytes(file) === 'xls') return legacyReader().readLegacyBook(file, file, { onProgress: opts.onProgress }).sheets.map((s) => s.grid);
  const book = await readBook(file, opts);
  book.close();
  return book.grids;
}


/** The relationship type of the core document properties (docProps/core.xml). */
const CORE_PROPERTIES = 'core-properties';

/**
 * The day the workbook was last saved, as its core properties state it (dcterms:modified, a W3CDTF
 * time), on this machine's calendar; null when the package states none. `compare` judges an earlier
 * version at this date when the ledger itself states no 填报时间.
 */
export function documentModified(file: string): IsoDate | null {
  if (kindByBytes(file) === 'xls') return legacyReader().legacyModified(file);
  assertZip(file);
  const pkg = openPackage(file, file);
  try {
    const rel = readRels(pkg.zip, '').filter((r) => r.kind === CORE_PROPERTIES && !r.external)[0];
    const entry = pkg.zip.get(rel ? rel.target : 'docProps/core.xml');
    if (!entry) return null;
    let inModified = false;
    let stamp = '';
    const text = decodePart(pkg.zip.readWhole(entry, { maxBytes: SMALL_PART_BYTES }));
    try {
      parseText(text, {
        open: (tag) => {
          inModified = localName(tag.name) === 'modified';
        },
        close: () => {
          inModified = false;
        },
        text: (t) => {
          if (inModified) stamp += t;
        },
      }, true);
    } catch (e) {
      throw xmlError(pkg.zip, entry.name, e);
    }
    return w3cdtfDay(stamp.trim());
  } finally {
    pkg.zip.close();
  }
}

/** '2022-06-15T08:30:00Z' -> the local day it was; a bare '2022-06-15' as written; null otherwise. */
export function w3cdtfDay(stamp: string, tzOffsetMinutes?: number): IsoDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?)?$/.exec(stamp);
  if (!m) return null;
  if (!m[4] || !m[7]) return isValidYmd(+m[1], +m[2], +m[3]) ? m[1] + '-' + m[2] + '-' + m[3] : null;
  const zone = m[7] === 'Z' ? 0 : (m[7].charAt(0) === '-' ? -1 : 1) * (+m[7].slice(1, 3) * 60 + +m[7].slice(4, 6));
  const utc = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0) - zone * 60000;
  if (!isFinite(utc)) return null;
  // The local calendar: the offset of that moment on this machine, unless the caller fixes one.
  const offset = tzOffsetMinutes === undefined ? -new Date(utc).getTimezoneOffset() : tzOffsetMinutes;
  const local = new Date(utc + offset * 60000);
  return ymd(local.getUTCFullYear(), local.getUTCMonth() + 1, local.getUTCDate());
}
