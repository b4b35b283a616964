/**
 * .xlsx -> Grid[], with Taizhang's own reader (package.ts, sheet-reader.ts): one pass over each
 * part, the shared strings and the styles read once, sheets in tab order with their own names.
 * readBook keeps the package open for the patch writer (check --out); readGrids only returns the
 * Grids (check --json, the report, summary).
 */
import { Grid } from '../core/types';
import { openPackage, Package, SheetRef, SMALL_PART_BYTES, xmlError } from './package';
import { readSharedStrings, readSheet, SheetContext } from './sheet-reader';
import { assertZip } from './sniff';
import { MARKER_STYLE, Stylesheet } from './stylesheet';
import { decodePart } from './xml';

export interface ReadOptions {
  /** Called now and then with the number of rows read so far (for a progress line). */
  onProgress?: (rows: number) => void;
  /** Called once the package is open, before any sheet is read (to refuse early). */
  onOpen?: (pkg: Package) => void;
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
  const pkg = openPackage(file, file);
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

/** Reads every worksheet into Grids and lets the file go. */
export async function readGrids(file: string, opts: ReadOptions = {}): Promise<Grid[]> {
  const book = await readBook(file, opts);
  book.close();
  return book.grids;
}

