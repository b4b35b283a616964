/**
 * The zip layer of an .xlsx, over node:zlib: the central directory (zip64 included) is the index,
 * entries are inflated on demand and checked against their CRC-32, and every entry's raw bytes (local
 * header, compressed data, data descriptor) can be copied as they are (patch.ts). PKWARE APPNOTE 6.3.
 * An entry's name is only ever a key into this index: it is never turned into a file path.
 *
 * Bounds: an entry is inflated only up to a limit the caller gives, and one whose output outgrows its
 * compressed size by more than any real workbook part does (a zip bomb) is refused early.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { taizhangError } from '../core/words/errors';
import { crc32, Deflated } from './deflate';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;

/**
 * The most a workbook may inflate to, all the parts it reads together (each part is also bounded:
 * package.ts, sheet-reader.ts). The bounds are absolute sizes, never a compression ratio: a valid
 * worksheet of repeated rows deflates 120x as Excel writes it and past 250x recompressed (SheetJS's
 * large_strings.xlsx: 57 MB of XML), while a bomb is stopped by what it inflates to, before that
 * costs more than this much memory or time (about 10 s to inflate and scan here).
 */
export const MAX_INFLATED = 2 * 1024 * 1024 * 1024;
/** The size of the inflated pieces a part is read in. */
export const INFLATE_CHUNK = 1 << 18;

export interface ZipEntry {
  /** The name as stored (UTF-8 when flagged, else as UTF-8 when valid, else Latin-1). */
  name: string;
  /** The normalized part key (see partKey). */
  key: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** The central directory record as stored. */
  central: Buffer;
  /** Where in `central` the local header offset lives (42, or inside the zip64 extra field). */
  offsetField: { at: number; wide: boolean };
  /** The raw extent in the file: from the local header to the next entry (or the directory). */
  extentEnd: number;
}

/**
 * A part name as a lookup key: backslashes as some Windows tools write them become slashes, a leading
 * slash goes, %XX escapes are decoded and case is folded (OPC part names compare case-insensitively).
 */
export function partKey(name: string): string {
  let s = name.replace(/\\/g, '/').replace(/^\/+/, '');
  if (s.indexOf('%') >= 0) {
    try {
      s = decodeURIComponent(s);
    } catch {
      /* not an escape sequence: keep it as written */
    }
  }
  return s.toLowerCase();
}


const UTF8 = new TextDecoder('utf-8', { fatal: true });

function decodeName(raw: Buffer, utf8Flag: boolean): string {
  if (utf8Flag) return raw.toString('utf8');
  try {
    return UTF8.decode(raw);
  } catch {
    return raw.toString('latin1');
  }
}

export interface InflateLimit {
  /** The largest inflated size accepted. */
  maxBytes: number;
}

export class ZipFile {
  readonly entries: ZipEntry[] = [];
  private readonly byKey = new Map<string, ZipEntry>();
  /** Offset and size of the central directory, and the archive comment. */
  cdOffset = 0;
  cdSize = 0;
  comment: Buffer = Buffer.alloc(0);

  private constructor(
    readonly path: string,
    /** The file as the user named it, for messages. */
    readonly display: string,
    private readonly fd: number,
    readonly size: number,
  ) {}

  static open(path: string, display: string): ZipFile {
    const fd = fs.openSync(path, 'r');
    try {
      const zip = new ZipFile(path, display, fd, fs.fstatSync(fd).size);
      zip.readDirectory();
      return zip;
    } catch (e) {
      fs.closeSync(fd);
      throw e;
    }
  }

  close(): void {
    fs.closeSync(this.fd);
  }

  corrupt(): unknown {
    return taizhangError('file-corrupt', { file: this.display });
  }

  get(name: string): ZipEntry | undefined {
    return this.byKey.get(partKey(name));
  }

  read(position: number, length: number): Buffer {
    if (position < 0 || length < 0 || position + length > this.size) throw this.corrupt();
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
      const n = fs.readSync(this.fd, buf, done, length - done, position + done);
      if (n <= 0) throw this.corrupt();
      done += n;
    }
    return buf;
  }

  private readDirectory(): void {
    const tailLen = Math.min(this.size, 22 + 0xffff);
    if (tailLen < 22) throw this.corrupt();
    const tail = this.read(this.size - tailLen, tailLen);
    let at = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === SIG_EOCD && i + 22 + tail.readUInt16LE(i + 20) <= tailLen) {
        at = i;
        break;
      }
    }
    if (at < 0) throw this.corrupt();
    const eocdPos = this.size - tailLen + at;
    let count = tail.readUInt16LE(at + 10);
    let cdSize = tail.readUInt32LE(at + 12);
    let cdOffset = tail.readUInt32LE(at + 16);
    this.comment = Buffer.from(tail.subarray(at + 22, at + 22 + tail.readUInt16LE(at + 20)));
    if (eocdPos >= 20) {
      const loc = this.read(eocdPos - 20, 20);
      if (loc.readUInt32LE(0) === SIG_EOCD64_LOCATOR) {
        const rec = this.read(Number(loc.readBigUInt64LE(8)), 56);
        if (rec.readUInt32LE(0) !== SIG_EOCD64) throw this.corrupt();
        count = Number(rec.readBigUInt64LE(32));
        cdSize = Number(rec.readBigUInt64LE(40));
        cdOffset = Number(rec.readBigUInt64LE(48));
      }
    }
    if (cdOffset + cdSize > this.size || count > cdSize / 46) throw this.corrupt();
    this.cdOffset = cdOffset;
    this.cdSize = cdSize;
    const cd = this.read(cdOffset, cdSize);
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== SIG_CENTRAL) throw this.corrupt();
      const flags = cd.readUInt16LE(p + 8);
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      const recLen = 46 + nameLen + extraLen + commentLen;
      if (p + recLen > cd.length) throw this.corrupt();
      const central = Buffer.from(cd.subarray(p, p + recLen));
      let size = central.readUInt32LE(24);
      let compressedSize = central.readUInt32LE(20);
      let localOffset = central.readUInt32LE(42);
      const offsetField = { at: 42, wide: false };
      // Zip64: the fields stored as 0xFFFFFFFF are in the extra field 0x0001, in this order.
      let e = 46 + nameLen;
      const extraEnd = e + extraLen;
      while (e + 4 <= extraEnd) {
        const id = central.readUInt16LE(e);
        const len = central.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let q = e + 4;
          const take = () => {
            if (q + 8 > e + 4 + len) throw this.corrupt();
            const v = Number(central.readBigUInt64LE(q));
            q += 8;
            return v;
          };
          if (size === 0xffffffff) size = take();
          if (compressedSize === 0xffffffff) compressedSize = take();
          if (localOffset === 0xffffffff) {
            offsetField.at = q;
            offsetField.wide = true;
            localOffset = take();
          }
        }
        e += 4 + len;
      }
      const name = decodeName(central.subarray(46, 46 + nameLen), (flags & 0x0800) !== 0);
      const entry: ZipEntry = {
        name,
        key: partKey(name),
        flags,
        method: central.readUInt16LE(10),
        crc: central.readUInt32LE(16),
        compressedSize,
        size,
        localOffset,
        central,
        offsetField,
        extentEnd: 0,
      };
      if (localOffset + 30 > cdOffset) throw this.corrupt();
      this.entries.push(entry);
      if (!/\/$/.test(entry.key)) {
        // Two entries for one part would let two readers see two different workbooks.
        if (this.byKey.has(entry.key)) throw this.corrupt();
        this.byKey.set(entry.key, entry);
      }
      p += recLen;
    }
    const byOffset = this.entries.slice().sort((a, b) => a.localOffset - b.localOffset);
    for (let i = 0; i < byOffset.length; i++) {
      byOffset[i].extentEnd = i + 1 < byOffset.length ? byOffset[i + 1].localOffset : cdOffset;
      if (byOffset[i].extentEnd < byOffset[i].localOffset + 30) throw this.corrupt();
    }
  }

  /** Where the entry's compressed data starts (after its local header). */
  dataStart(entry: ZipEntry): number {
    const head = this.read(entry.localOffset, 30);
    if (head.readUInt32LE(0) !== SIG_LOCAL) throw this.corrupt();
    const start = entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    if (start + entry.compressedSize > entry.extentEnd) throw this.corrupt();
    return start;
  }

  private checkReadable(entry: ZipEntry): void {
    // Bit 0: traditional zip encryption (Office encrypts differently: sniff.ts finds that first).
    if (entry.flags & 1 || (entry.method !== 0 && entry.method !== 8)) throw this.corrupt();
  }

  /** Bytes inflated so far from this file, all parts together (MAX_INFLATED). */
  private inflatedTotal = 0;

  private bound(entry: ZipEntry, inflated: number, limit: InflateLimit, before = this.inflatedTotal): void {
    if (before + inflated > MAX_INFLATED) {
      throw taizhangError('zip-bomb', { file: this.display, part: entry.name, limit: megabytes(MAX_INFLATED) });
    }
    if (inflated > limit.maxBytes) {
      throw taizhangError('too-large', { file: this.display, part: entry.name, limit: megabytes(limit.maxBytes) });
    }
  }

  /** The whole inflated entry, for the small parts (workbook, rels, styles, tables). */
  readWhole(entry: ZipEntry, limit: InflateLimit): Buffer {
    this.checkReadable(entry);
    const raw = this.read(this.dataStart(entry), entry.compressedSize);
    let data: Buffer;
    if (entry.method === 0) data = raw;
    else {
      const allowed = Math.min(limit.maxBytes, MAX_INFLATED - this.inflatedTotal);
      try {
        data = zlib.inflateRawSync(raw, { maxOutputLength: allowed + 1 });
      } catch (e) {
        if (e instanceof RangeError || (e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') this.bound(entry, allowed + 1, limit);
        throw this.corrupt();
      }
    }
    this.bound(entry, data.length, limit);
    this.inflatedTotal += data.length;
    if (data.length !== entry.size || crc32(data) !== entry.crc) throw this.corrupt();
    return data;
  }

  /** The inflated entry in chunks, checked as it goes and against its CRC at the end. */
  async *chunks(entry: ZipEntry, limit: InflateLimit): AsyncGenerator<Buffer> {
    this.checkReadable(entry);
    const start = this.dataStart(entry);
    const source = entry.compressedSize
      ? fs.createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 })
      : null;
    let stream: NodeJS.ReadableStream | null = source;
    let inflater: zlib.InflateRaw | null = null;
    if (source && entry.method === 8) {
      inflater = zlib.createInflateRaw({ chunkSize: INFLATE_CHUNK });
      source.on('error', (e) => (inflater as zlib.InflateRaw).destroy(e));
      source.pipe(inflater);
      stream = inflater;
    }
    let total = 0;
    let crc = 0;
    const before = this.inflatedTotal;
    try {
      if (stream) {
        for await (const chunk of stream as AsyncIterable<Buffer>) {
          total += chunk.length;
          this.inflatedTotal = before + total;
          this.bound(entry, total, limit, before);
          crc = crc32(chunk, crc);
          yield chunk;
        }
      }
    } catch (e) {
      if (e && (e as { taizhang?: boolean }).taizhang) throw e;
      throw this.corrupt();
    } finally {
      if (source) source.destroy();
      if (inflater) inflater.destroy();
    }
    if (total !== entry.size || crc !== entry.crc) throw this.corrupt();
  }
}

function megabytes(n: number): string {
  return Math.round(n / 1048576) + ' MB';
}

/** A replaced or added entry of the output zip. */
export interface NewEntry {
  name: string;
  data: Deflated;
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

/** The zip: original entries copied (or replaced) in their order, added ones after, a new directory. */
export function writeZip(zip: ZipFile, replaced: Map<ZipEntry, NewEntry>, added: NewEntry[], target: string, mode: number): void {
  const fd = fs.openSync(target, 'w', mode);
  try {
    let pos = 0;
    const write = (b: Buffer) => {
      let done = 0;
      while (done < b.length) done += fs.writeSync(fd, b, done, b.length - done, null);
      pos += b.length;
    };
    const central: Buffer[] = [];
    const offsets = new Map<ZipEntry, number>();
    const newCentral = new Map<ZipEntry, Buffer>();
    const writeNew = (e: NewEntry, base: ZipEntry | null): Buffer => {
      if (pos > 0xfffffffe || e.data.compressedSize > 0xfffffffe || e.data.size > 0xfffffffe) {
        throw taizhangError('too-large', { file: zip.display, part: e.name, limit: '4096 MB' });
      }
      const name = base ? base.central.subarray(46, 46 + base.central.readUInt16LE(28)) : Buffer.from(e.name, 'utf8');
      const flags = base ? base.flags & 0x0800 : 0x0800;
      const time = base ? base.central.readUInt16LE(12) : 0;
      const date = base ? base.central.readUInt16LE(14) : (1 << 5) | 1;
      const offset = pos;
      write(
        Buffer.concat([u32(0x04034b50), u16(20), u16(flags), u16(8), u16(time), u16(date), u32(e.data.crc), u32(e.data.compressedSize), u32(e.data.size), u16(name.length), u16(0), name]),
      );
      for (const c of e.data.chunks) write(c);
      const comment = base ? base.central.subarray(46 + name.length + base.central.readUInt16LE(30), base.central.length) : Buffer.alloc(0);
      return Buffer.concat([
        u32(0x02014b50), base ? u16(base.central.readUInt16LE(4)) : u16(20), u16(20), u16(flags), u16(8), u16(time), u16(date),
        u32(e.data.crc), u32(e.data.compressedSize), u32(e.data.size), u16(name.length), u16(0), u16(comment.length), u16(0),
        base ? u16(base.central.readUInt16LE(36)) : u16(0), base ? u32(base.central.readUInt32LE(38)) : u32(0), u32(offset), name, comment,
      ]);
    };
    const byOffset = zip.entries.slice().sort((a, b) => a.localOffset - b.localOffset);
    for (const e of byOffset) {
      const rep = replaced.get(e);
      if (rep) {
        newCentral.set(e, writeNew(rep, e));
        continue;
      }
      offsets.set(e, pos);
      // The entry as it is: local header, compressed bytes, data descriptor.
      for (let at = e.localOffset; at < e.extentEnd; ) {
        const n = Math.min(1 << 20, e.extentEnd - at);
        write(zip.read(at, n));
        at += n;
      }
    }
    for (const e of zip.entries) {
      const rec = newCentral.get(e);
      if (rec) {
        central.push(rec);
        continue;
      }
      const copy = Buffer.from(e.central);
      const offset = offsets.get(e) as number;
      if (e.offsetField.wide) copy.writeBigUInt64LE(BigInt(offset), e.offsetField.at);
      else if (offset > 0xfffffffe) throw taizhangError('too-large', { file: zip.display, part: e.name, limit: '4096 MB' });
      else copy.writeUInt32LE(offset, e.offsetField.at);
      central.push(copy);
    }
    for (const a of added) central.push(writeNew(a, null));
    const cdStart = pos;
    for (const c of central) write(c);
    const cdSize = pos - cdStart;
    const count = central.length;
    if (count > 0xfffe || cdStart > 0xfffffffe) {
      // Zip64 end records (APPNOTE 4.3.14, 4.3.15).
      const eocd64At = pos;
      const rec = Buffer.alloc(56);
      rec.writeUInt32LE(0x06064b50, 0);
      rec.writeBigUInt64LE(BigInt(44), 4);
      rec.writeUInt16LE(45, 12);
      rec.writeUInt16LE(45, 14);
      rec.writeBigUInt64LE(BigInt(count), 24);
      rec.writeBigUInt64LE(BigInt(count), 32);
      rec.writeBigUInt64LE(BigInt(cdSize), 40);
      rec.writeBigUInt64LE(BigInt(cdStart), 48);
      write(rec);
      const loc = Buffer.alloc(20);
      loc.writeUInt32LE(0x07064b50, 0);
      loc.writeBigUInt64LE(BigInt(eocd64At), 8);
      loc.writeUInt32LE(1, 16);
      write(loc);
    }
    write(
      Buffer.concat([
        u32(0x06054b50), u16(0), u16(0), u16(Math.min(count, 0xffff)), u16(Math.min(count, 0xffff)), u32(Math.min(cdSize, 0xffffffff)),
        u32(Math.min(cdStart, 0xffffffff)), u16(zip.comment.length), zip.comment,
      ]),
    );
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}
