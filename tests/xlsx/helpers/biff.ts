/**
 * A small BIFF8 workbook stream written record by record ([MS-XLS]), for the legacy reader's tests:
 * what a case needs, byte for byte, where no real file holds it alone (a shared string cut by a
 * CONTINUE record and changing width there, a formula's text result after a SHRFMLA...).
 */

export function record(type: number, body: Buffer | number[]): Buffer {
  const data = Buffer.isBuffer(body) ? body : Buffer.from(body);
  const head = Buffer.alloc(4);
  head.writeUInt16LE(type, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

export function u16(n: number): Buffer {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n, 0);
  return b;
}

export function u32(n: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0, 0);
  return b;
}

export function f64(n: number): Buffer {
  const b = Buffer.alloc(8);
  b.writeDoubleLE(n, 0);
  return b;
}

/** BOF of BIFF8: version 0x0600 and the substream type (5 globals, 0x10 worksheet). */
export function bof(dt: number, version = 0x0600): Buffer {
  return record(0x0809, Buffer.concat([u16(version), u16(dt), u16(0), u16(0), u32(0), u32(0)]));
}

export const EOF = record(0x000a, []);

/** An XLUnicodeString with a 2-byte count: compressed when every character fits in a byte. */
export function xlString(s: string): Buffer {
  const wide = /[\u0100-\uffff]/.test(s);
  return Buffer.concat([u16(s.length), Buffer.from([wide ? 1 : 0]), Buffer.from(s, wide ? 'utf16le' : 'latin1')]);
}

/** A cell record's first six bytes: row, column (0-based), cell format. */
export function cell(r: number, c: number, xf: number): Buffer {
  return Buffer.concat([u16(r), u16(c), u16(xf)]);
}

export interface SheetSource {
  name: string;
  /** 0 visible, 1 hidden, 2 very hidden. */
  state?: number;
  records: Buffer[];
}

/** The whole stream: `globals` records after BOF, the sheets' BOUNDSHEETs, EOF, then each sheet. */
export function workbookStream(globals: Buffer[], sheets: SheetSource[]): Buffer {
  const boundsheet = (offset: number, s: SheetSource) => {
    const name = Buffer.from(s.name, 'utf16le');
    return record(0x0085, Buffer.concat([u32(offset), Buffer.from([s.state || 0, 0, s.name.length, 1]), name]));
  };
  const head = Buffer.concat([bof(0x0005), ...globals]);
  const sizes = sheets.map((s) => boundsheet(0, s).length);
  let offset = head.length + sizes.reduce((a, b) => a + b, 0) + EOF.length;
  const bodies = sheets.map((s) => Buffer.concat([bof(0x0010), ...s.records, EOF]));
  const bounds = sheets.map((s, i) => {
    const b = boundsheet(offset, s);
    offset += bodies[i].length;
    return b;
  });
  return Buffer.concat([head, ...bounds, EOF, ...bodies]);
}
