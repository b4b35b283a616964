/**
 * Zip archives written by hand: local file headers, the central directory and its end record
 * (PKWARE APPNOTE 4.3). Names are UTF-8 (general purpose flag bit 11).
 *
 * ZipWriter streams: a part's XML is written as UTF-8 into chunks of a megabyte (out.ts) and, where
 * the host gives a deflate, compressed chunk by chunk, so only that part's compressed bytes wait for
 * its header. Each chunk is deflated on its own with the previous 32 KB as its dictionary and ends
 * on a sync flush, so the chunks join into one deflate stream that compresses as well as a single
 * pass (the way pigz splits its work). Without a deflate (the task pane: no zlib in IE11), entries
 * are STORED; Excel reads them as readily.
 */
import { crc32, utf8 } from './bytes';
import { XmlOut } from './out';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/**
 * Raw deflate (RFC 1951, no zlib header) of one chunk of a part. `dictionary` is the previous up to
 * 32 KB of the part (null for its first chunk). The output ends on a byte boundary: a sync flush,
 * or on the `last` chunk the final block.
 */
export type Deflate = (data: Uint8Array, dictionary: Uint8Array | null, last: boolean) => Uint8Array;

/**
 * The compression of one part that the host may run elsewhere, on another thread (the CLI does:
 * xlsx/spec-writer.ts), while the part's XML is still being written: every full chunk is pushed as
 * it is made, and `end` takes the last one and returns the part's compressed bytes, in order, and
 * the CRC-32 of its data. The bytes must be those `deflate` gives the same chunks.
 */
export interface PartDeflate {
  /** A full chunk: a view of the writer's buffer, written over after push returns (copy it to keep it). */
  push(data: Uint8Array): void;
  end(last: Uint8Array): { data: Uint8Array[]; crc: number };
}

export interface ZipOptions {
  deflate?: Deflate;
  /** A compressor per part, for the parts written through `text` (with `deflate` for the others). */
  deflatePart?: () => PartDeflate;
  /** CRC-32 continued from `previous` (zlib.crc32 in Node). */
  crc32?: (data: Uint8Array, previous: number) => number;
}

/** Where the archive's bytes go, in order. */
export type ByteSink = (bytes: Uint8Array) => void;

/** 1980-01-01 00:00 in MS-DOS form: a fixed stamp, so the same specs give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: deflate, and the fields used here
const WINDOW = 32768;
const MAX_U32 = 0xffffffff;

function u16(out: Uint8Array, at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
}

function u32(out: Uint8Array, at: number, v: number): void {
  out[at] = v & 0xff;
  out[at + 1] = (v >>> 8) & 0xff;
  out[at + 2] = (v >>> 16) & 0xff;
  out[at + 3] = (v >>> 24) & 0xff;
}

interface Written {
  name: Uint8Array;
  method: number;
  crc: number;
  size: number;
  csize: number;
  offset: number;
}

/**
 * The last 32 KB of `prev` followed by `next`: the dictionary of the chunk after `next`. A copy, never
 * a view: `next` is the writer's buffer, written over by the chunk after it.
 */
function window(prev: Uint8Array | null, next: Uint8Array): Uint8Array {
  const keep = prev ? Math.min(prev.length, WINDOW - Math.min(next.length, WINDOW)) : 0;
  const take = Math.min(next.length, WINDOW);
  const out = new Uint8Array(keep + take);
  if (keep && prev) out.set(prev.subarray(prev.length - keep), 0);
  out.set(next.subarray(next.length - take), keep);
  return out;
}

export class ZipWriter {
  private readonly entries: Written[] = [];
  private offset = 0;
  private readonly crc: (data: Uint8Array, previous: number) => number;

  constructor(private readonly sink: ByteSink, private readonly opts: ZipOptions = {}) {
    this.crc = opts.crc32 || crc32;
  }

  private emit(bytes: Uint8Array): void {
    if (!bytes.length) return;
    this.sink(bytes);
    this.offset += bytes.length;
    if (this.offset > MAX_U32) throw new Error('xlsx too large for a zip without zip64');
  }

  /**
   * Adds a part whose XML `produce` writes, in as many pieces as it likes: as strings into `write`,
   * or through `out` (markup, numbers and escaped cell text straight into bytes). No more than one
   * chunk of it (out.ts, CHUNK_BYTES) is held at a time.
   */
  text(name: string, produce: (write: (piece: string) => void, out: XmlOut) => void): void {
    if (this.opts.deflatePart) {
      const part = this.opts.deflatePart();
      let length = 0;
      const chunks = new XmlOut((bytes) => {
        length += bytes.length;
        part.push(bytes);
      });
      produce((piece) => chunks.markup(piece), chunks);
      const last = chunks.rest();
      length += last.length;
      const done = part.end(last);
      let packed = 0;
      for (let i = 0; i < done.data.length; i++) packed += done.data[i].length;
      this.entry(name, 8, done.crc, length, packed, done.data);
      return;
    }
    const deflate = this.opts.deflate;
    const data: Uint8Array[] = [];
    let crc = 0;
    let size = 0;
    let csize = 0;
    let dictionary: Uint8Array | null = null;
    const take = (bytes: Uint8Array, last: boolean) => {
      crc = this.crc(bytes, crc);
      size += bytes.length;
      let packed: Uint8Array;
      if (deflate) {
        packed = deflate(bytes, dictionary, last);
        if (!last) dictionary = window(dictionary, bytes);
      } else {
        // STORED: a copy, since the writer's buffer takes the next chunk.
        packed = new Uint8Array(bytes.length);
        packed.set(bytes);
      }
      if (packed.length) {
        data.push(packed);
        csize += packed.length;
      }
    };
    const out = new XmlOut((bytes) => take(bytes, false));
    produce((piece) => out.markup(piece), out);
    take(out.rest(), true);
    this.entry(name, deflate ? 8 : 0, crc, size, csize, data);
  }

  /** Adds a part whose bytes are all here already. */
  bytes(name: string, data: Uint8Array): void {
    const deflate = this.opts.deflate;
    const packed = deflate ? deflate(data, null, true) : data;
    this.entry(name, deflate ? 8 : 0, this.crc(data, 0), data.length, packed.length, [packed]);
  }

  private entry(name: string, method: number, crc: number, size: number, csize: number, data: Uint8Array[]): void {
    if (size > MAX_U32 || csize > MAX_U32) throw new Error('xlsx part too large for a zip without zip64');
    const bytes = utf8(name);
    const head = new Uint8Array(30 + bytes.length);
    u32(head, 0, 0x04034b50);
    u16(head, 4, VERSION);
    u16(head, 6, UTF8_NAMES);
    u16(head, 8, method);
    u16(head, 10, DOS_TIME);
    u16(head, 12, DOS_DATE);
    u32(head, 14, crc);
    u32(head, 18, csize);
    u32(head, 22, size);
    u16(head, 26, bytes.length);
    u16(head, 28, 0);
    head.set(bytes, 30);
    this.entries.push({ name: bytes, method, crc, size, csize, offset: this.offset });
    this.emit(head);
    for (let i = 0; i < data.length; i++) this.emit(data[i]);
  }

  /** Writes the central directory and its end record. */
  finish(): void {
    const n = this.entries.length;
    if (n > 0xffff) throw new Error('xlsx has too many parts for a zip without zip64');
    let size = 22;
    for (let i = 0; i < n; i++) size += 46 + this.entries[i].name.length;
    const out = new Uint8Array(size);
    const cdStart = this.offset;
    let p = 0;
    for (let i = 0; i < n; i++) {
      const e = this.entries[i];
      u32(out, p, 0x02014b50);
      u16(out, p + 4, VERSION); // made by: MS-DOS, 2.0
      u16(out, p + 6, VERSION);
      u16(out, p + 8, UTF8_NAMES);
      u16(out, p + 10, e.method);
      u16(out, p + 12, DOS_TIME);
      u16(out, p + 14, DOS_DATE);
      u32(out, p + 16, e.crc);
      u32(out, p + 20, e.csize);
      u32(out, p + 24, e.size);
      u16(out, p + 28, e.name.length);
      u16(out, p + 30, 0); // extra
      u16(out, p + 32, 0); // comment
      u16(out, p + 34, 0); // disk
      u16(out, p + 36, 0); // internal attributes
      u32(out, p + 38, 0); // external attributes
      u32(out, p + 42, e.offset);
      out.set(e.name, p + 46);
      p += 46 + e.name.length;
    }
    u32(out, p, 0x06054b50);
    u16(out, p + 4, 0);
    u16(out, p + 6, 0);
    u16(out, p + 8, n);
    u16(out, p + 10, n);
    u32(out, p + 12, p);
    u32(out, p + 16, cdStart);
    u16(out, p + 20, 0);
    this.emit(out);
  }
}

/** Bytes collected from a sink into one array (the pane's path, which needs the whole file as base64). */
export function collect(write: (sink: ByteSink) => void): Uint8Array {
  const parts: Uint8Array[] = [];
  let size = 0;
  write((b) => {
    parts.push(b);
    size += b.length;
  });
  const out = new Uint8Array(size);
  let p = 0;
  for (let i = 0; i < parts.length; i++) {
    out.set(parts[i], p);
    p += parts[i].length;
  }
  return out;
}

/** A STORED zip of whole entries. */
export function zipStored(entries: ZipEntry[]): Uint8Array {
  return collect((sink) => {
    const zip = new ZipWriter(sink);
    for (let i = 0; i < entries.length; i++) zip.bytes(entries[i].name, entries[i].data);
    zip.finish();
  });
}
