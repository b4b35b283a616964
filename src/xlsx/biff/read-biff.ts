/**
 * A legacy workbook (Excel 97-2003 .xls, Excel 5/95 .xls, WPS .et) -> the same Grids as an .xlsx
 * ([MS-XLS]). The compound file (CFB) is opened by the `cfb` package; its Workbook (BIFF8) or Book
 * (BIFF5) stream is read here, record by record:
 * - the workbook globals: the code page, the date system (1900 or 1904), number formats and cell
 *   formats, the shared strings (SST, continued over CONTINUE records), and the sheets in tab order
 *   with their names and visibility;
 * - each worksheet: numbers (NUMBER, RK, MULRK), text (LABELSST, LABEL, RSTRING), booleans and
 *   errors, the cached results of formulas (FORMULA, and STRING for a text result), merges, column
 *   widths. Charts, macro sheets and the charts embedded in a worksheet are passed over.
 * A number in a cell whose format shows a date is a date, as in an .xlsx; the other cells of a merge
 * are blank. A password (FILEPASS), a BIFF2-4 stream or a damaged file is one clear error.
 * Loaded only for such files (read.ts requires it lazily): an .xlsx never loads it or `cfb`.
 */
import { taizhangError } from '../../core/words/errors';
import { a1 } from '../../core/text/a1';
import { isDateNumberFormat } from '../../core/text/grid';
import type { CellValue, Grid } from '../../core';
import { serialDate } from '../cell';
import { SheetState } from '../package';
import { MAX_AREA, MAX_CELLS, trimRows } from '../sheet-reader';
import { BUILTIN_DATE_FORMATS } from '../stylesheet';
import { BiffRecord, BiffTruncated, codePageDecoder, Pieces, RecordReader } from './records';

/* Record types ([MS-XLS] 2.3). */
const BOF = 0x0809;
const EOF = 0x000a;
const FILEPASS = 0x002f;
const CODEPAGE = 0x0042;
const DATEMODE = 0x0022;
const FORMAT = 0x041e;
const XF = 0x00e0;
const FONT = 0x0031;
const SST = 0x00fc;
const BOUNDSHEET = 0x0085;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const RSTRING = 0x00d6;
const BOOLERR = 0x0205;
const FORMULA = 0x0006;
const STRING = 0x0207;
const MERGECELLS = 0x00e5;
const COLINFO = 0x007d;
const DEFCOLWIDTH = 0x0055;
const NOTE = 0x001c;
/** What may stand between a FORMULA record and the STRING of its text result (2.4.127). */
const SHRFMLA = 0x04bc;
const ARRAY = 0x0221;
const TABLE = 0x0236;

/** BOF's substream types. */
const DT_GLOBALS = 0x0005;
const DT_WORKSHEET = 0x0010;

/** The error values of BOOLERR and FORMULA (2.5.10 BErr), as Excel shows them. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

/** A merged range, 1-based and inclusive. */
export interface Merge {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

/** Column widths as COLINFO states them: 1-based columns, width in characters. */
export interface ColumnWidth {
  first: number;
  last: number;
  width: number;
  hidden: boolean;
}

export interface LegacySheet {
  name: string;
  state: SheetState;
  grid: Grid;
  merges: Merge[];
  widths: ColumnWidth[];
  /** The sheet's default column width in characters (DEFCOLWIDTH), when it states one. */
  defaultWidth: number | null;
  /** With keepFormats: the cell format index (XF) of each value, rows and columns as in grid.rows. */
  xfs?: number[][];
  /** With keepFormats: the serial of each date cell as stored (its time of day too), by row * 65536 + column (0-based). */
  serials?: Map<number, number>;
}

export interface LegacyBook {
  file: string;
  /** 8 for Excel 97-2003 and WPS; 5 for Excel 5.0/95. */
  biff: 5 | 8;
  date1904: boolean;
  /** Worksheets in tab order (hidden ones too, as for an .xlsx). */
  sheets: LegacySheet[];
  /** The number format of each cell format (XF): a built-in id, or the code the workbook defines. */
  formatOfXf: (xf: number) => { id: number; code: string | null };
  /** The workbook's default font (the first FONT record). */
  font: { name: string; size: number } | null;
}

export interface LegacyReadOptions {
  /** Keep each value's cell format, for writing the workbook again (check --out). */
  keepFormats?: boolean;
  onProgress?: (rows: number) => void;
}

const PROGRESS_EVERY = 5000;

/** Why a file is not read: the error the user sees. `et` says the file is a WPS .et. */
function corrupt(file: string): unknown {
  return taizhangError(/\.et$/i.test(file) ? 'corrupt-et' : 'file-corrupt', { file });
}

interface Globals {
  biff8: boolean;
  date1904: boolean;
  decode8: (bytes: Buffer) => string;
  formats: Map<number, string>;
  /** The number format id of each XF. */
  xfFormat: number[];
  /** 1 where the XF shows dates. */
  dateXf: Uint8Array;
  shared: string[];
  sheets: { name: string; state: SheetState; offset: number; kind: number }[];
  font: { name: string; size: number } | null;
}

/** The workbook stream of a compound file: Workbook (BIFF8) before Book (BIFF5). */
export function workbookStream(bytes: Buffer, file: string): Buffer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CFB = require('cfb') as typeof import('cfb');
  let container: import('cfb').CFB$Container;
  try {
    container = CFB.read(bytes, { type: 'buffer' });
  } catch {
    throw corrupt(file);
  }
  const streams = container.FileIndex.filter((e) => e.type === 2);
  const named = (re: RegExp) => streams.filter((e) => re.test(e.name))[0];
  if (named(/^(EncryptionInfo|EncryptedPackage)$/i)) throw encrypted(file);
  const entry = named(/^Workbook$/i) || named(/^Book$/i);
  if (!entry) throw taizhangError('not-xlsx', { file });
  const content = entry.content as unknown;
  if (!content || !(content as { length: number }).length) throw corrupt(file);
  return Buffer.isBuffer(content) ? content : Buffer.from(content as number[]);
}

function encrypted(file: string): unknown {
  return taizhangError(/\.et$/i.test(file) ? 'encrypted-et' : 'encrypted-xls', { file });
}

/** The text of `rec` and its CONTINUE records as pieces. */
function piecesOf(reader: RecordReader, rec: BiffRecord, g: { decode8: (b: Buffer) => string }): Pieces {
  return new Pieces(reader.data, reader.spansWithContinues(rec), g.decode8);
}

function readGlobals(stream: Buffer, file: string): Globals {
  const reader = new RecordReader(stream);
  const bof = reader.next();
  if (!bof || bof.type !== BOF || bof.size < 4) throw bof && (bof.type & 0xff) === 0x09 ? taizhangError('legacy-biff', { file }) : corrupt(file);
  const version = stream.readUInt16LE(bof.start);
  const dt = stream.readUInt16LE(bof.start + 2);
  if (dt !== DT_GLOBALS) throw taizhangError('legacy-biff', { file });
  const g: Globals = {
    biff8: version !== 0x0500,
    date1904: false,
    decode8: codePageDecoder(1252),
    formats: new Map(),
    xfFormat: [],
    dateXf: new Uint8Array(0),
    shared: [],
    sheets: [],
    font: null,
  };
  for (let rec = reader.next(); rec && rec.type !== EOF; rec = reader.next()) {
    const at = rec.start;
    switch (rec.type) {
      case FILEPASS:
        throw encrypted(file);
      case CODEPAGE:
        if (rec.size >= 2) g.decode8 = codePageDecoder(stream.readUInt16LE(at));
        break;
      case DATEMODE:
        if (rec.size >= 2) g.date1904 = stream.readUInt16LE(at) === 1;
        break;
      case FORMAT: {
        const p = piecesOf(reader, rec, g);
        const id = p.u16();
        g.formats.set(id, p.richString(g.biff8, g.biff8 ? 2 : 1));
        break;
      }
      case XF:
        if (rec.size >= 4) g.xfFormat.push(stream.readUInt16LE(at + 2));
        break;
      case FONT:
        if (!g.font && rec.size >= 16) {
          const p = piecesOf(reader, rec, g);
          const height = p.u16();
          p.skip(12);
          const count = p.u8();
          const name = g.biff8 ? p.chars(count, (p.u8() & 1) === 1, true) : p.chars(count, false, false);
          g.font = { name, size: height / 20 };
        }
        break;
      case SST: {
        const p = piecesOf(reader, rec, g);
        p.u32();
        const unique = p.u32();
        // The count is the writer's word: stop where the strings end.
        for (let i = 0; i < unique && p.more(); i++) g.shared.push(p.richString(true));
        break;
      }
      case BOUNDSHEET: {
        const p = piecesOf(reader, rec, g);
        const offset = p.u32();
        const state = p.u8() & 3;
        const kind = p.u8();
        const count = p.u8();
        const name = g.biff8 ? p.chars(count, (p.u8() & 1) === 1, true) : p.chars(count, false, false);
        g.sheets.push({ name, state: state === 1 ? 'hidden' : state === 2 ? 'veryHidden' : 'visible', offset, kind });
        break;
      }
      default:
        break;
    }
  }
  g.dateXf = new Uint8Array(g.xfFormat.length);
  const memo = new Map<number, boolean>();
  g.xfFormat.forEach((id, i) => {
    let d = memo.get(id);
    if (d === undefined) {
      const code = g.formats.has(id) ? g.formats.get(id) : BUILTIN_DATE_FORMATS[id];
      d = isDateNumberFormat(code);
      memo.set(id, d);
    }
    if (d) g.dateXf[i] = 1;
  });
  return g;
}

/** An RK number (2.5.217): a 30-bit integer or the top of a double, maybe divided by 100. */
function rkValue(rk: number): number {
  let n: number;
  if (rk & 2) n = rk >> 2;
  else {
    const b = Buffer.alloc(8);
    b.writeInt32LE(rk & ~3, 4);
    n = b.readDoubleLE(0);
  }
  return rk & 1 ? n / 100 : n;
}

/** One worksheet's cells, merges and widths, as the stream states them. */
class SheetBuilder {
  readonly rows: CellValue[][] = [];
  readonly xfs: number[][] | null;
  readonly serials: Map<number, number> | null;
  readonly merges: Merge[] = [];
  readonly widths: ColumnWidth[] = [];
  defaultWidth: number | null = null;
  lastRow = 0;
  maxCol = 0;
  farColRow = 0;
  usedRight = 0;
  private rowsSeen = 0;
  private lastSeenRow = -1;

  constructor(
    private readonly g: Globals,
    private readonly file: string,
    private readonly cells: { count: number },
    keepFormats: boolean,
    private readonly onProgress?: (rows: number) => void,
  ) {
    this.xfs = keepFormats ? [] : null;
    this.serials = keepFormats ? new Map() : null;
  }

  /** A number in cell format `xf`: a date when the format shows one. */
  number(r: number, c: number, xf: number, n: number): void {
    if (!isFinite(n)) return;
    const date = this.g.dateXf[xf] === 1 ? serialDate(n, this.g.date1904) : null;
    if (date && this.serials) this.serials.set(r * 65536 + c, n);
    this.put(r, c, xf, date || n);
  }

  put(r: number, c: number, xf: number, v: CellValue): void {
    if (r !== this.lastSeenRow) {
      this.lastSeenRow = r;
      if (++this.rowsSeen % PROGRESS_EVERY === 0 && this.onProgress) this.onProgress(this.rowsSeen);
    }
    if (v === null || v === '') return;
    const row1 = r + 1;
    const col1 = c + 1;
    let row = this.rows[r];
    if (!row) row = this.rows[r] = [];
    if (row[c] === undefined && ++this.cells.count > MAX_CELLS) {
      throw taizhangError('too-many-cells', { file: this.file, limit: MAX_CELLS.toLocaleString('en-US') });
    }
    row[c] = v;
    if (this.xfs) (this.xfs[r] || (this.xfs[r] = []))[c] = xf;
    if (row1 > this.lastRow) this.lastRow = row1;
    if (col1 > this.maxCol) {
      this.maxCol = col1;
      this.farColRow = row1;
    }
  }
}

function readSheet(stream: Buffer, offset: number, g: Globals, b: SheetBuilder): void {
  const reader = new RecordReader(stream, offset);
  const bof = reader.next();
  if (!bof || bof.type !== BOF) return;
  /** The formula cell whose text result the next STRING record holds. */
  let pending: { r: number; c: number; xf: number } | null = null;
  let depth = 0;
  for (let rec = reader.next(); rec; rec = reader.next()) {
    if (rec.type === BOF) {
      depth++; // a chart embedded in the sheet: its own substream, passed over
      continue;
    }
    if (rec.type === EOF) {
      if (depth-- === 0) return;
      continue;
    }
    if (depth) continue;
    const at = rec.start;
    const size = rec.size;
    if (rec.type !== STRING && rec.type !== SHRFMLA && rec.type !== ARRAY && rec.type !== TABLE) pending = null;
    if (size < 6 && rec.type !== STRING && rec.type !== MERGECELLS && rec.type !== DEFCOLWIDTH) continue;
    const r = size >= 6 ? stream.readUInt16LE(at) : 0;
    const c = size >= 6 ? stream.readUInt16LE(at + 2) : 0;
    const xf = size >= 6 ? stream.readUInt16LE(at + 4) : 0;
    switch (rec.type) {
      case NUMBER:
        if (size >= 14) b.number(r, c, xf, stream.readDoubleLE(at + 6));
        break;
      case RK:
        if (size >= 10) b.number(r, c, xf, rkValue(stream.readInt32LE(at + 6)));
        break;
      case MULRK: {
        const n = Math.floor((size - 6) / 6);
        for (let i = 0; i < n; i++) b.number(r, c + i, stream.readUInt16LE(at + 4 + i * 6), rkValue(stream.readInt32LE(at + 6 + i * 6)));
        break;
      }
      case LABELSST:
        if (size >= 10) {
          const s = g.shared[stream.readUInt32LE(at + 6)];
          if (s !== undefined) b.put(r, c, xf, s);
        }
        break;
      case LABEL:
      case RSTRING: {
        const p = piecesOf(reader, rec, g);
        p.skip(6);
        b.put(r, c, xf, p.richString(g.biff8));
        break;
      }
      case BOOLERR:
        if (size >= 8) {
          const v = stream[at + 6];
          b.put(r, c, xf, stream[at + 7] ? ERRORS[v] || '#N/A' : v !== 0);
        }
        break;
      case FORMULA: {
        if (size < 14) break;
        if (c + 1 > b.usedRight) b.usedRight = c + 1;
        if (stream.readUInt16LE(at + 12) !== 0xffff) {
          b.number(r, c, xf, stream.readDoubleLE(at + 6));
          break;
        }
        const type = stream[at + 6];
        if (type === 0) pending = { r, c, xf };
        else if (type === 1) b.put(r, c, xf, stream[at + 8] !== 0);
        else if (type === 2) b.put(r, c, xf, ERRORS[stream[at + 8]] || '#N/A');
        break;
      }
      case STRING:
        if (pending) {
          const p = piecesOf(reader, rec, g);
          b.put(pending.r, pending.c, pending.xf, p.richString(g.biff8));
          pending = null;
        }
        break;
      case MERGECELLS: {
        const n = Math.min(stream.readUInt16LE(at), Math.floor((size - 2) / 8));
        for (let i = 0; i < n; i++) {
          const o = at + 2 + i * 8;
          const m = { r1: stream.readUInt16LE(o) + 1, r2: stream.readUInt16LE(o + 2) + 1, c1: stream.readUInt16LE(o + 4) + 1, c2: stream.readUInt16LE(o + 6) + 1 };
          if (m.r2 >= m.r1 && m.c2 >= m.c1) b.merges.push(m);
        }
        break;
      }
      case COLINFO:
        if (size >= 10) {
          const first = stream.readUInt16LE(at) + 1;
          const last = Math.min(stream.readUInt16LE(at + 2) + 1, 256);
          if (last >= first) b.widths.push({ first, last, width: stream.readUInt16LE(at + 4) / 256, hidden: (stream.readUInt16LE(at + 8) & 1) === 1 });
        }
        break;
      case NOTE:
        // A comment's cell counts as used, as an .xlsx's comments part does (sheet-reader.ts).
        if (c + 1 > b.usedRight) b.usedRight = c + 1;
        break;
      case DEFCOLWIDTH:
        if (size >= 2 && b.defaultWidth === null) b.defaultWidth = stream.readUInt16LE(at);
        break;
      default:
        break;
    }
  }
}

/** The builder's cells as a Grid, as sheet-reader.ts makes one: merges blanked, trailing blanks trimmed. */
function gridOf(name: string, b: SheetBuilder, file: string): Grid {
  const lastRow = b.lastRow;
  if (lastRow * b.maxCol > MAX_AREA) {
    throw taizhangError('sheet-too-large', { file, sheet: name, cell: a1(b.farColRow, b.maxCol), rows: lastRow, cols: b.maxCol });
  }
  const rows = b.rows;
  rows.length = lastRow;
  for (let r = 0; r < lastRow; r++) {
    const row = rows[r];
    if (!row) {
      rows[r] = [];
      continue;
    }
    for (let c = 0; c < row.length; c++) if (row[c] === undefined) row[c] = null;
  }
  let usedRight = Math.max(b.maxCol, b.usedRight);
  for (const m of b.merges) {
    usedRight = Math.max(usedRight, m.c2);
    for (let r = m.r1; r <= Math.min(m.r2, lastRow); r++) {
      const row = rows[r - 1];
      for (let c = r === m.r1 ? m.c1 + 1 : m.c1; c <= Math.min(m.c2, row.length); c++) row[c - 1] = null;
    }
  }
  trimRows(rows, lastRow);
  return { name, rows, top: 1, left: 1, usedRight };
}

/** Reads a BIFF5/BIFF8 workbook stream. `file` in messages is the name the user gave. */
export function readWorkbookStream(stream: Buffer, file: string, opts: LegacyReadOptions = {}): LegacyBook {
  try {
    const g = readGlobals(stream, file);
    const cells = { count: 0 };
    const sheets: LegacySheet[] = [];
    let rowsBefore = 0;
    for (const s of g.sheets) {
      if (s.kind !== 0 || s.offset >= stream.length) continue;
      // The sheet's BOF must say worksheet (a dialog sheet or a chart is listed as one in BIFF5).
      if (stream.readUInt16LE(s.offset) !== BOF || s.offset + 8 > stream.length || stream.readUInt16LE(s.offset + 6) !== DT_WORKSHEET) continue;
      const progress = opts.onProgress;
      const before = rowsBefore;
      const b = new SheetBuilder(g, file, cells, !!opts.keepFormats, progress ? (rows) => progress(before + rows) : undefined);
      readSheet(stream, s.offset, g, b);
      rowsBefore += b.lastRow;
      const sheet: LegacySheet = { name: s.name, state: s.state, grid: gridOf(s.name, b, file), merges: b.merges, widths: b.widths, defaultWidth: b.defaultWidth };
      if (b.xfs) sheet.xfs = b.xfs;
      if (b.serials) sheet.serials = b.serials;
      sheets.push(sheet);
    }
    if (!sheets.length) throw corrupt(file);
    return {
      file,
      biff: g.biff8 ? 8 : 5,
      date1904: g.date1904,
      sheets,
      formatOfXf: (xf) => {
        const id = g.xfFormat[xf] || 0;
        return { id, code: g.formats.has(id) ? (g.formats.get(id) as string) : null };
      },
      font: g.font,
    };
  } catch (e) {
    if (e instanceof BiffTruncated || e instanceof RangeError) throw corrupt(file);
    throw e;
  }
}

/** Reads a legacy workbook file (a compound file holding a BIFF5/BIFF8 stream, or a bare BIFF5/8 stream). */
export function readLegacyBook(path: string, file: string, opts: LegacyReadOptions = {}): LegacyBook {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bytes = (require('fs') as typeof import('fs')).readFileSync(path);
  const bare = bytes.length >= 4 && bytes.readUInt16LE(0) === BOF;
  return readWorkbookStream(bare ? bytes : workbookStream(bytes, file), file, opts);
}

/** PIDSI_LASTSAVE_DTM of the SummaryInformation property set ([MS-OLEPS] 2.21, [MS-OSHARED] 2.3.3.2.1). */
const LAST_SAVED = 0x0d;
const VT_FILETIME = 0x40;

/**
 * The day a legacy workbook was last saved, from its SummaryInformation stream, on this machine's
 * calendar; null when it states none. compare judges an earlier version at it when the ledger
 * states no 填报时间 (as documentModified does with an .xlsx's core properties).
 */
export function legacyModified(path: string, tzOffsetMinutes?: number): string | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const CFB = require('cfb') as typeof import('cfb');
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const container = CFB.read((require('fs') as typeof import('fs')).readFileSync(path), { type: 'buffer' });
    const entry = container.FileIndex.filter((e) => e.type === 2 && e.name === '\u0005SummaryInformation')[0];
    if (!entry || !entry.content) return null;
    const s = Buffer.isBuffer(entry.content) ? entry.content : Buffer.from(entry.content as unknown as number[]);
    // Header (28 bytes), then the first property set's FMTID (16) and offset (4).
    const set = s.readUInt32LE(44);
    const count = s.readUInt32LE(set + 4);
    for (let i = 0; i < count; i++) {
      const id = s.readUInt32LE(set + 8 + i * 8);
      if (id !== LAST_SAVED) continue;
      const at = set + s.readUInt32LE(set + 12 + i * 8);
      if (s.readUInt16LE(at) !== VT_FILETIME) return null;
      // 100-ns ticks since 1601-01-01 UTC.
      const ticks = s.readUInt32LE(at + 8) * 4294967296 + s.readUInt32LE(at + 4);
      const ms = ticks / 10000 - 11644473600000;
      if (!(ms > 0)) return null;
      // The local calendar: the offset of that moment on this machine, unless the caller fixes one.
      const offset = tzOffsetMinutes === undefined ? -new Date(ms).getTimezoneOffset() : tzOffsetMinutes;
      const d = new Date(ms + offset * 60000);
      if (!isFinite(d.getTime()) || d.getUTCFullYear() < 1980) return null;
      const pad = (n: number) => (n < 10 ? '0' : '') + n;
      return d.getUTCFullYear() + '-' + pad(d.getUTCMonth() + 1) + '-' + pad(d.getUTCDate());
    }
    return null;
  } catch {
    return null;
  }
}

/**
 * Throws the error a legacy workbook's full read would meet in its globals (a password, BIFF2-4, a
 * damaged container), without reading its sheets: summary checks every input before it reads any.
 */
export function assertLegacyWorkbook(path: string, file: string): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const bytes = (require('fs') as typeof import('fs')).readFileSync(path);
  const bare = bytes.length >= 4 && bytes.readUInt16LE(0) === BOF;
  try {
    readGlobals(bare ? bytes : workbookStream(bytes, file), file);
  } catch (e) {
    if (e instanceof BiffTruncated || e instanceof RangeError) throw corrupt(file);
    throw e;
  }
}
