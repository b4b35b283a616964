/**
 * A zip archive with STORED (uncompressed) entries, written by hand: local file headers, the central
 * directory and its end record (PKWARE APPNOTE 4.3). Names are UTF-8 (general purpose flag bit 11).
 * No deflate: the pane stays small, and Excel reads stored parts as readily as deflated ones.
 */
import { crc32, utf8 } from './bytes';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** 1980-01-01 00:00 in MS-DOS form: a fixed stamp, so the same specs give the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const UTF8_NAMES = 0x0800;
const VERSION = 20; // 2.0: the version that reads STORED entries with these fields

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

export function zipStored(entries: ZipEntry[]): Uint8Array {
  const names = entries.map((e) => utf8(e.name));
  const crcs = entries.map((e) => crc32(e.data));
  let size = 22;
  for (let i = 0; i < entries.length; i++) size += 30 + names[i].length + entries[i].data.length + 46 + names[i].length;
  if (size > 0xffffffff || entries.length > 0xffff) throw new Error('xlsx too large for a zip without zip64');
  const out = new Uint8Array(size);
  const offsets: number[] = [];
  let p = 0;
  for (let i = 0; i < entries.length; i++) {
    const data = entries[i].data;
    offsets.push(p);
    u32(out, p, 0x04034b50);
    u16(out, p + 4, VERSION);
    u16(out, p + 6, UTF8_NAMES);
    u16(out, p + 8, 0); // STORED
    u16(out, p + 10, DOS_TIME);
    u16(out, p + 12, DOS_DATE);
    u32(out, p + 14, crcs[i]);
    u32(out, p + 18, data.length);
    u32(out, p + 22, data.length);
    u16(out, p + 26, names[i].length);
    u16(out, p + 28, 0);
    out.set(names[i], p + 30);
    p += 30 + names[i].length;
    out.set(data, p);
    p += data.length;
  }
  const cdStart = p;
  for (let i = 0; i < entries.length; i++) {
    const data = entries[i].data;
    u32(out, p, 0x02014b50);
    u16(out, p + 4, VERSION); // made by: MS-DOS, 2.0
    u16(out, p + 6, VERSION);
    u16(out, p + 8, UTF8_NAMES);
    u16(out, p + 10, 0);
    u16(out, p + 12, DOS_TIME);
    u16(out, p + 14, DOS_DATE);
    u32(out, p + 16, crcs[i]);
    u32(out, p + 20, data.length);
    u32(out, p + 24, data.length);
    u16(out, p + 28, names[i].length);
    u16(out, p + 30, 0); // extra
    u16(out, p + 32, 0); // comment
    u16(out, p + 34, 0); // disk
    u16(out, p + 36, 0); // internal attributes
    u32(out, p + 38, 0); // external attributes
    u32(out, p + 42, offsets[i]);
    out.set(names[i], p + 46);
    p += 46 + names[i].length;
  }
  u32(out, p, 0x06054b50);
  u16(out, p + 4, 0);
  u16(out, p + 6, 0);
  u16(out, p + 8, entries.length);
  u16(out, p + 10, entries.length);
  u32(out, p + 12, p - cdStart);
  u32(out, p + 16, cdStart);
  u16(out, p + 20, 0);
  return out;
}
