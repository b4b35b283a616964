/**
 * The record layer of a BIFF5/BIFF8 workbook stream ([MS-XLS] 2.1.4): records of a 2-byte type and
 * a 2-byte size, the CONTINUE records that carry the rest of a long one, and the strings inside
 * them. A BIFF8 string is UTF-16LE or, when its flags say "compressed", one byte per character
 * (the low byte of UTF-16: Latin-1); a string cut by a CONTINUE goes on after one new flags byte,
 * whose width may differ (2.5.293 XLUnicodeRichExtendedString). A BIFF5 string is bytes in the
 * workbook's code page (CODEPAGE, 2.4.52).
 */

export const CONTINUE = 0x003c;

/** A record: its type and where its body lies in the stream. */
export interface BiffRecord {
  type: number;
  start: number;
  size: number;
}

/** Thrown for a stream that ends inside a record or a string: the caller makes it one clear line. */
export class BiffTruncated extends Error {}

/**
 * The body of one record and its CONTINUE records, read as one run of bytes that knows where each
 * piece starts, so that a string can take its new flags byte at a boundary.
 */
export class Pieces {
  private piece = 0;
  private pos: number;
  private end: number;

  constructor(
    private readonly data: Buffer,
    /** [start, end) of the record body, then of each CONTINUE body. */
    private readonly spans: number[],
    private readonly decode8: (bytes: Buffer) => string,
  ) {
    this.pos = spans[0];
    this.end = spans[1];
  }

  /** Bytes left in this piece. */
  private left(): number {
    return this.end - this.pos;
  }

  /** Moves to the next piece when this one is used up; false when there is none. */
  private next(): boolean {
    if (this.piece + 1 >= this.spans.length / 2) return false;
    this.piece++;
    this.pos = this.spans[this.piece * 2];
    this.end = this.spans[this.piece * 2 + 1];
    return true;
  }

  /** Whether any byte is left in any piece. */
  more(): boolean {
    while (this.left() <= 0) if (!this.next()) return false;
    return true;
  }

  private ensure(n: number): void {
    while (this.left() <= 0) if (!this.next()) throw new BiffTruncated('record ends early');
    if (this.left() < n) {
      // A number cut by a CONTINUE: join the two pieces (rare; Excel cuts between fields).
      const joined = Buffer.alloc(n);
      let got = 0;
      while (got < n) {
        while (this.left() <= 0) if (!this.next()) throw new BiffTruncated('record ends early');
        const take = Math.min(n - got, this.left());
        this.data.copy(joined, got, this.pos, this.pos + take);
        this.pos += take;
        got += take;
      }
      this.pending = joined;
    }
  }

  private pending: Buffer | null = null;

  u8(): number {
    this.ensure(1);
    return this.data[this.pos++];
  }

  u16(): number {
    this.ensure(2);
    if (this.pending) return this.take().readUInt16LE(0);
    const v = this.data.readUInt16LE(this.pos);
    this.pos += 2;
    return v;
  }

  u32(): number {
    this.ensure(4);
    if (this.pending) return this.take().readUInt32LE(0);
    const v = this.data.readUInt32LE(this.pos);
    this.pos += 4;
    return v;
  }

  private take(): Buffer {
    const b = this.pending as Buffer;
    this.pending = null;
    return b;
  }

  skip(n: number): void {
    while (n > 0) {
      while (this.left() <= 0) if (!this.next()) throw new BiffTruncated('record ends early');
      const step = Math.min(n, this.left());
      this.pos += step;
      n -= step;
    }
  }

  /**
   * `count` characters, the first piece `wide` (UTF-16) or not; a character run cut by a CONTINUE
   * goes on after the next piece's flags byte (BIFF8), or straight on (BIFF5, one byte each).
   */
  chars(count: number, wide: boolean, biff8: boolean): string {
    let out = '';
    while (count > 0) {
      if (this.left() <= 0) {
        if (!this.next()) throw new BiffTruncated('string ends early');
        if (biff8) {
          wide = (this.data[this.pos] & 1) === 1;
          this.pos++;
          continue;
        }
      }
      const per = wide ? 2 : 1;
      const fit = Math.min(count, Math.floor(this.left() / per));
      if (fit <= 0) throw new BiffTruncated('string ends early');
      const a = this.pos;
      const b = a + fit * per;
      out += !biff8 ? this.decode8(this.data.subarray(a, b)) : wide ? this.data.toString('utf16le', a, b) : this.data.toString('latin1', a, b);
      this.pos = b;
      count -= fit;
    }
    return out;
  }

  /**
   * A BIFF8 XLUnicodeRichExtendedString (2.5.293): count, flags, runs and phonetic data skipped; or a
   * BIFF5 string of `lengthBytes` count bytes.
   */
  richString(biff8: boolean, lengthBytes: 1 | 2 = 2): string {
    const count = lengthBytes === 1 ? this.u8() : this.u16();
    if (!biff8) return this.chars(count, false, false);
    const flags = this.u8();
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    const text = this.chars(count, (flags & 1) === 1, true);
    if (runs) this.skip(runs * 4);
    if (ext) this.skip(ext);
    return text;
  }
}

/** Reads the records of a stream in order. */
export class RecordReader {
  pos: number;

  constructor(readonly data: Buffer, start = 0) {
    this.pos = start;
  }

  /** The next record, or null at the end of the stream (a cut record header ends it too). */
  next(): BiffRecord | null {
    const data = this.data;
    if (this.pos + 4 > data.length) return null;
    const type = data.readUInt16LE(this.pos);
    const size = data.readUInt16LE(this.pos + 2);
    const start = this.pos + 4;
    if (start + size > data.length) throw new BiffTruncated('record past the end of the stream');
    this.pos = start + size;
    return { type, start, size };
  }

  /** The spans of `rec` and of the CONTINUE records that follow it (which are consumed). */
  spansWithContinues(rec: BiffRecord): number[] {
    const spans = [rec.start, rec.start + rec.size];
    const data = this.data;
    while (this.pos + 4 <= data.length && data.readUInt16LE(this.pos) === CONTINUE) {
      const size = data.readUInt16LE(this.pos + 2);
      const start = this.pos + 4;
      if (start + size > data.length) throw new BiffTruncated('record past the end of the stream');
      spans.push(start, start + size);
      this.pos = start + size;
    }
    return spans;
  }
}

/** The text decoder of a Windows code page (CODEPAGE), for BIFF5 strings; Windows-1252 when unknown. */
export function codePageDecoder(codePage: number): (bytes: Buffer) => string {
  const labels: Record<number, string> = {
    874: 'windows-874', 932: 'shift_jis', 936: 'gbk', 949: 'euc-kr', 950: 'big5',
    1250: 'windows-1250', 1251: 'windows-1251', 1252: 'windows-1252', 1253: 'windows-1253', 1254: 'windows-1254',
    1255: 'windows-1255', 1256: 'windows-1256', 1257: 'windows-1257', 1258: 'windows-1258',
    10000: 'macintosh', 32768: 'macintosh', 32769: 'windows-1252', 367: 'windows-1252', 20127: 'windows-1252',
  };
  const label = labels[codePage] || 'windows-1252';
  // Node's TextDecoder takes windows-1252 for ISO-8859-1 (0x80-0x9f as control characters): its
  // 27 characters there (€ … ‘ ’ “ ” —) are mapped here.
  if (label === 'windows-1252') return windows1252;
  {
    try {
      const decoder = new TextDecoder(label);
      return (bytes) => decoder.decode(bytes);
    } catch {
      /* this Node has no such decoder: Latin-1 below */
    }
  }
  return windows1252;
}

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

function windows1252(bytes: Buffer): string {
  const text = bytes.toString('latin1');
  if (!/[\u0080-\u009f]/.test(text)) return text;
  return text.replace(/[\u0080-\u009f]/g, (ch) => CP1252_HIGH.charAt(ch.charCodeAt(0) - 0x80));
}
