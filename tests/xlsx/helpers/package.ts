/**
 * Packages built from raw parts, for the reader and the patch writer: a zip written here (not by the
 * code under test) with the shapes real producers use — deflated or stored entries, data
 * descriptors, zip64 records, backslash names, any entry order — and an independent look at a zip's
 * raw entries (local header, compressed bytes, descriptor) to prove what was copied as it was.
 */
import * as zlib from 'zlib';

export interface Part {
  name: string;
  data: string | Buffer;
  /** Default: deflate. */
  store?: boolean;
  /** Sizes and CRC after the data (general purpose bit 3), as streaming writers do. */
  descriptor?: boolean;
  /** The entry already deflated (`data` is then ignored): for parts too big to pass around inflated. */
  deflated?: { data: Buffer; size: number; crc: number };
}

/** A part of `head`, `mb` MB of spaces and `tail`, deflated (a zip bomb: about 1000x). */
export function spacesPart(name: string, head: string, mb: number, tail: string): Part {
  const bytes = Buffer.concat([Buffer.from(head), Buffer.alloc(mb * 1024 * 1024, 0x20), Buffer.from(tail)]);
  return { name, data: '', deflated: { data: zlib.deflateRawSync(bytes, { level: 9 }), size: bytes.length, crc: crc(bytes) } };
}

export interface ZipOptions {
  /** Write zip64 extra fields and end records (as some writers do for every file). */
  zip64?: boolean;
}

let TABLE: Int32Array | null = null;
function crc(data: Buffer): number {
  if (!TABLE) {
    TABLE = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      TABLE[n] = c;
    }
  }
  let c = -1;
  for (let i = 0; i < data.length; i++) c = TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function u16(v: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(v);
  return b;
}
function u32(v: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(v >>> 0);
  return b;
}
function u64(v: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(BigInt(v));
  return b;
}

/** A zip of `parts`, in the order given. */
export function zipParts(parts: Part[], opts: ZipOptions = {}): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let pos = 0;
  const push = (b: Buffer) => {
    chunks.push(b);
    pos += b.length;
  };
  for (const p of parts) {
    const pre = p.deflated;
    const raw = pre ? Buffer.alloc(0) : typeof p.data === 'string' ? Buffer.from(p.data, 'utf8') : p.data;
    const data = pre ? pre.data : p.store ? raw : zlib.deflateRawSync(raw);
    const size = pre ? pre.size : raw.length;
    const name = Buffer.from(p.name, 'utf8');
    const c = pre ? pre.crc : crc(raw);
    const flags = 0x0800 | (p.descriptor ? 0x0008 : 0);
    const method = p.store ? 0 : 8;
    const offset = pos;
    const zip64Local = opts.zip64 ? Buffer.concat([u16(1), u16(16), u64(size), u64(data.length)]) : Buffer.alloc(0);
    push(
      Buffer.concat([
        u32(0x04034b50), u16(opts.zip64 ? 45 : 20), u16(flags), u16(method), u16(0), u16(0x21),
        u32(p.descriptor ? 0 : c), u32(p.descriptor ? 0 : opts.zip64 ? 0xffffffff : data.length),
        u32(p.descriptor ? 0 : opts.zip64 ? 0xffffffff : size), u16(name.length), u16(zip64Local.length), name, zip64Local,
      ]),
    );
    push(data);
    if (p.descriptor) push(opts.zip64 ? Buffer.concat([u32(0x08074b50), u32(c), u64(data.length), u64(size)]) : Buffer.concat([u32(0x08074b50), u32(c), u32(data.length), u32(size)]));
    const zip64Central = opts.zip64 ? Buffer.concat([u16(1), u16(24), u64(size), u64(data.length), u64(offset)]) : Buffer.alloc(0);
    central.push(
      Buffer.concat([
        u32(0x02014b50), u16(opts.zip64 ? 45 : 20), u16(opts.zip64 ? 45 : 20), u16(flags), u16(method), u16(0), u16(0x21), u32(c),
        u32(opts.zip64 ? 0xffffffff : data.length), u32(opts.zip64 ? 0xffffffff : size), u16(name.length), u16(zip64Central.length),
        u16(0), u16(0), u16(0), u32(0), u32(opts.zip64 ? 0xffffffff : offset), name, zip64Central,
      ]),
    );
  }
  const cdStart = pos;
  for (const c of central) push(c);
  const cdSize = pos - cdStart;
  if (opts.zip64) {
    const at = pos;
    push(Buffer.concat([u32(0x06064b50), u64(44), u16(45), u16(45), u32(0), u32(0), u64(parts.length), u64(parts.length), u64(cdSize), u64(cdStart)]));
    push(Buffer.concat([u32(0x07064b50), u32(0), u64(at), u32(1)]));
    push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(0xffff), u16(0xffff), u32(0xffffffff), u32(0xffffffff), u16(0)]));
  } else {
    push(Buffer.concat([u32(0x06054b50), u16(0), u16(0), u16(parts.length), u16(parts.length), u32(cdSize), u32(cdStart), u16(0)]));
  }
  return Buffer.concat(chunks);
}

export interface RawEntry {
  name: string;
  /** The entry as stored: local header, compressed data and descriptor, up to the next entry. */
  raw: Buffer;
  /** The inflated data. */
  data: Buffer;
}

/** The entries of a zip by name, read straight from its central directory (no zip library). */
export function rawEntries(zip: Buffer): Map<string, RawEntry> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw new Error('no end of central directory');
  let count = zip.readUInt16LE(eocd + 10);
  let cdStart = zip.readUInt32LE(eocd + 16);
  if (cdStart === 0xffffffff) {
    const rec = Number(zip.readBigUInt64LE(eocd - 20 + 8));
    count = Number(zip.readBigUInt64LE(rec + 32));
    cdStart = Number(zip.readBigUInt64LE(rec + 48));
  }
  const list: { name: string; offset: number; method: number; compressed: number }[] = [];
  let p = cdStart;
  for (let k = 0; k < count; k++) {
    const nameLen = zip.readUInt16LE(p + 28);
    const extraLen = zip.readUInt16LE(p + 30);
    const commentLen = zip.readUInt16LE(p + 32);
    let offset = zip.readUInt32LE(p + 42);
    let compressed = zip.readUInt32LE(p + 20);
    const extra = zip.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    if (extra.length >= 4 && extra.readUInt16LE(0) === 1) {
      let q = 4;
      if (zip.readUInt32LE(p + 24) === 0xffffffff) q += 8;
      if (compressed === 0xffffffff) {
        compressed = Number(extra.readBigUInt64LE(q));
        q += 8;
      }
      if (offset === 0xffffffff) offset = Number(extra.readBigUInt64LE(q));
    }
    list.push({ name: zip.toString('utf8', p + 46, p + 46 + nameLen), offset, method: zip.readUInt16LE(p + 10), compressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  const sorted = list.slice().sort((a, b) => a.offset - b.offset);
  const out = new Map<string, RawEntry>();
  sorted.forEach((e, i) => {
    const end = i + 1 < sorted.length ? sorted[i + 1].offset : cdStart;
    const start = e.offset + 30 + zip.readUInt16LE(e.offset + 26) + zip.readUInt16LE(e.offset + 28);
    const body = zip.subarray(start, start + e.compressed);
    out.set(e.name, { name: e.name, raw: zip.subarray(e.offset, end), data: e.method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body) });
  });
  return out;
}

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export const CT_SHEET = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';

export function contentTypes(overrides: [string, string][], defaults: [string, string][] = []): string {
  return (
    HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    defaults.map(([e, t]) => '<Default Extension="' + e + '" ContentType="' + t + '"/>').join('') +
    overrides.map(([p, t]) => '<Override PartName="' + p + '" ContentType="' + t + '"/>').join('') +
    '</Types>'
  );
}

export function rels(list: [string, string, string][]): string {
  return (
    HEAD +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    list.map(([id, type, target]) => '<Relationship Id="' + id + '" Type="' + (type.indexOf(':') > 0 ? type : R + '/' + type) + '" Target="' + target + '"/>').join('') +
    '</Relationships>'
  );
}

/** A worksheet part: `body` is everything inside <worksheet> (dimension, sheetData, merges...). */
export function worksheet(body: string, extraNs = ''): string {
  return HEAD + '<worksheet xmlns="' + NS + '" xmlns:r="' + R + '"' + extraNs + '>' + body + '</worksheet>';
}

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export type RawCell = string | number | boolean | null | { f: string; v?: string; t?: string } | { s: number; v: string | number; t?: string };

function colName(n: number): string {
  let s = '';
  for (; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** <sheetData> from rows of values: strings inline, numbers, booleans; {f} formulas; {s} styled cells. */
export function sheetData(rows: RawCell[][], firstRow = 1): string {
  let out = '<sheetData>';
  rows.forEach((cells, i) => {
    const r = firstRow + i;
    let row = '';
    cells.forEach((v, j) => {
      const ref = colName(j + 1) + r;
      if (v === null || v === undefined) return;
      if (typeof v === 'string') row += '<c r="' + ref + '" t="inlineStr"><is><t>' + esc(v) + '</t></is></c>';
      else if (typeof v === 'number') row += '<c r="' + ref + '"><v>' + v + '</v></c>';
      else if (typeof v === 'boolean') row += '<c r="' + ref + '" t="b"><v>' + (v ? 1 : 0) + '</v></c>';
      else if ('f' in v) row += '<c r="' + ref + '"' + (v.t ? ' t="' + v.t + '"' : '') + '><f>' + esc(v.f) + '</f>' + (v.v === undefined ? '' : '<v>' + esc(v.v) + '</v>') + '</c>';
      else {
        const text = typeof v.v === 'string' && v.t !== 's' ? '<is><t>' + esc(v.v) + '</t></is>' : '<v>' + v.v + '</v>';
        const t = typeof v.v === 'string' && v.t !== 's' ? 'inlineStr' : v.t;
        row += '<c r="' + ref + '" s="' + v.s + '"' + (t ? ' t="' + t + '"' : '') + '>' + text + '</c>';
      }
    });
    out += '<row r="' + r + '">' + row + '</row>';
  });
  return out + '</sheetData>';
}

export interface BookSpec {
  sheets: { name: string; xml: string; part?: string; state?: string; rels?: string }[];
  /** styles.xml; null leaves it out. */
  styles?: string | null;
  sharedStrings?: string;
  /** Extra parts (charts, media, docProps...), with their content types. */
  extra?: { part: Part; type?: string }[];
  /** Inside <workbook> after <sheets> (definedNames, calcPr...). */
  workbookTail?: string;
  /** Inside <workbook> before <sheets> (workbookPr, workbookProtection...). */
  workbookHead?: string;
  /** Extra workbook relationships [id, type, target]. */
  workbookRels?: [string, string, string][];
  /** The main content type (macro-enabled: application/vnd.ms-excel.sheet.macroEnabled.main+xml). */
  mainType?: string;
  /** Reorder or rename the parts before zipping. */
  arrange?: (parts: Part[]) => Part[];
  zip?: ZipOptions;
}

export const MAIN_XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml';

/** A minimal but complete styles.xml; `cellXfs` are extra <xf> after the default one. */
export function stylesXml(opts: { fonts?: string[]; fills?: string[]; borders?: string[]; cellXfs?: string[]; numFmts?: string[] } = {}): string {
  const fonts = ['<font><sz val="11"/><name val="宋体"/><family val="3"/><charset val="134"/></font>'].concat(opts.fonts || []);
  const fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'].concat(opts.fills || []);
  const borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'].concat(opts.borders || []);
  const xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'].concat(opts.cellXfs || []);
  const numFmts = opts.numFmts || [];
  return (
    HEAD +
    '<styleSheet xmlns="' + NS + '">' +
    (numFmts.length ? '<numFmts count="' + numFmts.length + '">' + numFmts.join('') + '</numFmts>' : '') +
    '<fonts count="' + fonts.length + '">' + fonts.join('') + '</fonts>' +
    '<fills count="' + fills.length + '">' + fills.join('') + '</fills>' +
    '<borders count="' + borders.length + '">' + borders.join('') + '</borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    '<cellXfs count="' + xfs.length + '">' + xfs.join('') + '</cellXfs>' +
    '<cellStyles count="1"><cellStyle name="常规" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
    '</styleSheet>'
  );
}

/** The parts of a workbook described by `spec`, in the order Excel writes them. */
export function bookParts(spec: BookSpec): Part[] {
  const sheetParts = spec.sheets.map((s, i) => s.part || 'xl/worksheets/sheet' + (i + 1) + '.xml');
  const wbRels: [string, string, string][] = spec.sheets.map((_s, i) => ['rId' + (i + 1), 'worksheet', sheetParts[i].replace(/^xl\//, '')] as [string, string, string]);
  const overrides: [string, string][] = [['/xl/workbook.xml', spec.mainType || MAIN_XLSX]];
  sheetParts.forEach((p) => overrides.push(['/' + p, CT_SHEET]));
  if (spec.styles !== null) {
    wbRels.push(['rIdS', 'styles', 'styles.xml']);
    overrides.push(['/xl/styles.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml']);
  }
  if (spec.sharedStrings !== undefined) {
    wbRels.push(['rIdSS', 'sharedStrings', 'sharedStrings.xml']);
    overrides.push(['/xl/sharedStrings.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml']);
  }
  for (const r of spec.workbookRels || []) wbRels.push(r);
  for (const e of spec.extra || []) if (e.type) overrides.push(['/' + e.part.name, e.type]);
  const workbook =
    HEAD +
    '<workbook xmlns="' + NS + '" xmlns:r="' + R + '">' +
    (spec.workbookHead || '') +
    '<bookViews><workbookView/></bookViews><sheets>' +
    spec.sheets.map((s, i) => '<sheet name="' + esc(s.name) + '" sheetId="' + (i + 1) + '"' + (s.state ? ' state="' + s.state + '"' : '') + ' r:id="rId' + (i + 1) + '"/>').join('') +
    '</sheets>' +
    (spec.workbookTail || '') +
    '</workbook>';
  const parts: Part[] = [
    { name: '[Content_Types].xml', data: contentTypes(overrides, [['png', 'image/png'], ['bin', 'application/vnd.ms-office.vbaProject'], ['vml', 'application/vnd.openxmlformats-officedocument.vmlDrawing']]) },
    { name: '_rels/.rels', data: rels([['rId1', 'officeDocument', 'xl/workbook.xml']]) },
    { name: 'xl/workbook.xml', data: workbook },
    { name: 'xl/_rels/workbook.xml.rels', data: rels(wbRels) },
  ];
  if (spec.styles !== null) parts.push({ name: 'xl/styles.xml', data: spec.styles || stylesXml() });
  if (spec.sharedStrings !== undefined) parts.push({ name: 'xl/sharedStrings.xml', data: spec.sharedStrings });
  spec.sheets.forEach((s, i) => {
    parts.push({ name: sheetParts[i], data: s.xml });
    if (s.rels) {
      const p = sheetParts[i];
      const dir = p.slice(0, p.lastIndexOf('/') + 1);
      parts.push({ name: dir + '_rels/' + p.slice(dir.length) + '.rels', data: s.rels });
    }
  });
  for (const e of spec.extra || []) parts.push(e.part);
  return spec.arrange ? spec.arrange(parts) : parts;
}

export function buildBook(spec: BookSpec): Buffer {
  return zipParts(bookParts(spec), spec.zip);
}
