/**
 * A part's XML written straight into UTF-8 bytes, a chunk at a time. The summary's sheets are about
 * 190 MB of XML for two 50,000-row ledgers: building each row as a string, joining the rows into
 * chunks and encoding those costs more than writing the bytes once, here. ES5 and pure (typed arrays
 * only as IE11 has them: no slice, fill or copyWithin), for the pane and the CLI alike.
 *
 * Cell text is escaped in the same one scan that encodes it: the rules of cellText and xmlAttr
 * (xml.ts), and xml:space="preserve" exactly where KEEP_SPACE (sheet.ts) would put it.
 */
import { xmlAttr } from './xml';

/** Bytes per chunk: what zip.ts deflates (or stores) at a time. */
export const CHUNK_BYTES = 1 << 20;

const AMP = [38, 97, 109, 112, 59]; // &amp;
const LT = [38, 108, 116, 59]; // &lt;
const GT = [38, 103, 116, 59]; // &gt;
const QUOT = [38, 113, 117, 111, 116, 59]; // &quot;
/** `_x005F`: what an underscore that starts an _xHHHH_ escape of the user's own text is written as. */
const X005F = [95, 120, 48, 48, 53, 70, 95];
const PRESERVE = ' xml:space="preserve">';
/** Worst bytes of one UTF-16 unit of cell text: a control character as _x0001_. */
const WORST = 7;

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
}

/** What \s matches above ASCII (ECMAScript WhiteSpace and LineTerminator). */
function isWideSpace(c: number): boolean {
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f ||
    c === 0x205f || c === 0x3000 || c === 0xfeff;
}

const HEX = '0123456789ABCDEF';

export class XmlOut {
  private buf: Uint8Array;
  private n = 0;

  /** `full` takes each chunk as it fills (a view of this writer's buffer: used before it returns, not kept). */
  constructor(private readonly full: (bytes: Uint8Array) => void, private readonly size: number = CHUNK_BYTES) {
    this.buf = new Uint8Array(size);
  }

  /** Room for `k` more bytes: the chunk is handed on first when they would not fit. */
  private room(k: number): void {
    if (this.n + k <= this.buf.length) return;
    this.flush();
    // One cell of more text than a chunk holds (never from a spreadsheet's 32,767 characters) gets
    // a chunk of its own size; the next chunk is a normal one again.
    if (k > this.size) this.buf = new Uint8Array(k);
    else if (this.buf.length !== this.size) this.buf = new Uint8Array(this.size);
  }

  /** How many chunks have been handed on: a mark (`at`) holds while this stays the same. */
  chunks = 0;

  /** Hands on what the chunk holds, if anything. */
  flush(): void {
    if (!this.n) return;
    const n = this.n;
    this.n = 0;
    this.chunks++;
    this.full(this.buf.subarray(0, n));
  }

  /** Where the next byte goes in the current chunk. */
  at(): number {
    return this.n;
  }

  /** A copy of the bytes written since the mark `at`, in the same chunk (`chunks` unchanged since). */
  since(at: number): Uint8Array {
    const copy = new Uint8Array(this.n - at);
    copy.set(this.buf.subarray(at, this.n));
    return copy;
  }

  /** The bytes written since the last chunk was handed on (a view, as `full` gets them); the writer is then empty. */
  rest(): Uint8Array {
    const n = this.n;
    this.n = 0;
    return this.buf.subarray(0, n);
  }

  /** Bytes as they are: markup encoded once, written for many cells. */
  bytes(bytes: Uint8Array): void {
    this.copy(bytes, bytes.length);
  }

  /** The first `len` of `bytes`. */
  copy(bytes: Uint8Array, len: number): void {
    this.room(len);
    const b = this.buf;
    const n = this.n;
    // A loop beats set() on the few bytes around each cell.
    if (len > 32) b.set(len === bytes.length ? bytes : bytes.subarray(0, len), n);
    else for (let k = 0; k < len; k++) b[n + k] = bytes[k];
    this.n = n + len;
  }

  /** Markup, or any text as it is: UTF-8, nothing escaped. */
  markup(s: string): void {
    const len = s.length;
    if (len * 3 > this.size) {
      // A long string goes in pieces that fit a chunk, never splitting a surrogate pair.
      const step = (this.size / 3) | 0;
      for (let start = 0; start < len;) {
        let end = Math.min(len, start + step);
        const last = s.charCodeAt(end - 1);
        if (end < len && last >= 0xd800 && last <= 0xdbff) end--;
        this.markup(s.substring(start, end));
        start = end;
      }
      return;
    }
    this.room(len * 3);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c < 0x80) b[n++] = c;
      else {
        n = this.wide(s, i, c, n);
        if (this.pair) i++;
      }
    }
    this.n = n;
  }

  /** Set by `wide` when it wrote a surrogate pair (and the caller skips its second half). */
  private pair = false;

  /** Writes the UTF-8 of the non-ASCII unit `c` at `s[i]` into the buffer at `n`; returns the new end. */
  private wide(s: string, i: number, c: number, n: number): number {
    const b = this.buf;
    this.pair = false;
    if (c < 0x800) {
      b[n] = 0xc0 | (c >> 6);
      b[n + 1] = 0x80 | (c & 63);
      return n + 2;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && (next & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        b[n] = 0xf0 | (cp >> 18);
        b[n + 1] = 0x80 | ((cp >> 12) & 63);
        b[n + 2] = 0x80 | ((cp >> 6) & 63);
        b[n + 3] = 0x80 | (cp & 63);
        this.pair = true;
        return n + 4;
      }
      c = 0xfffd; // a lone surrogate, as TextEncoder and Buffer write it
    }
    b[n] = 0xe0 | (c >> 12);
    b[n + 1] = 0x80 | ((c >> 6) & 63);
    b[n + 2] = 0x80 | (c & 63);
    return n + 3;
  }

  /** A whole number of 0 or more, in decimal (what String(v) gives). */
  digits(v: number): void {
    if (v < 0 || v > 0x7fffffff || v !== (v | 0)) {
      this.markup(String(v));
      return;
    }
    this.room(10);
    const b = this.buf;
    let n = this.n;
    if (v < 10) b[n++] = 48 + v;
    else {
      let k = v;
      let len = 0;
      while (k > 0) {
        len++;
        k = (k / 10) | 0;
      }
      n += len;
      for (let p = n - 1; v > 0; p--) {
        b[p] = 48 + (v % 10);
        v = (v / 10) | 0;
      }
    }
    this.n = n;
  }

  /** Text in an attribute (or element): & < > " escaped, as xmlAttr does. */
  attr(s: string): void {
    const len = s.length;
    if (len * 6 > this.size) {
      // Never in a sheet (sheet names, A1 cells, a cell's display text); kept exact all the same.
      this.markup(xmlAttr(s));
      return;
    }
    this.room(len * 6);
    const b = this.buf;
    let n = this.n;
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        n = this.wide(s, i, c, n);
        if (this.pair) i++;
      } else if (c === 38) n = put(b, n, AMP);
      else if (c === 60) n = put(b, n, LT);
      else if (c === 62) n = put(b, n, GT);
      else if (c === 34) n = put(b, n, QUOT);
      else b[n++] = c;
    }
    this.n = n;
  }

  /**
   * An inline string's <t> element: `<t>` (or `<t xml:space="preserve">` where leading, trailing or
   * doubled white space, a tab or a line break would otherwise be lost), the text, `</t>`. The text
   * as cellText (xml.ts) writes it: CR LF and CR become LF, an underscore that starts _xHHHH_ is
   * written _x005F_, characters XML cannot hold become _xHHHH_, and & < > " are escaped.
   */
  t(s: string): void {
    const len = s.length;
    this.room(len * WORST + PRESERVE.length + 8);
    const b = this.buf;
    let n = this.n;
    b[n++] = 60; // <
    b[n++] = 116; // t
    const at = n; // where ' xml:space="preserve"' goes if the text needs it
    b[n++] = 62; // >
    let keep = false;
    let space = false; // the previous unit was white space
    for (let i = 0; i < len; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80) {
        if (c >= 0x800 && c < 0xd800 && c !== 0x3000 && (c < 0x2000 || c > 0x205f) && c !== 0x1680) {
          // Most of Chinese text: three bytes, nothing to escape, not a space.
          b[n] = 0xe0 | (c >> 12);
          b[n + 1] = 0x80 | ((c >> 6) & 63);
          b[n + 2] = 0x80 | (c & 63);
          n += 3;
          space = false;
          continue;
        }
        const sp = isWideSpace(c);
        if (sp && (space || i === 0 || i === len - 1)) keep = true;
        space = sp;
        if (c === 0xfffe || c === 0xffff) n = hex4(b, n, c);
        else {
          n = this.wide(s, i, c, n);
          if (this.pair) i++;
        }
        continue;
      }
      if (c > 62 && c !== 95) {
        // Letters, and the rest of ASCII above '>' but the underscore: as they are.
        b[n++] = c;
        space = false;
        continue;
      }
      if (c === 32 || (c >= 9 && c <= 13)) {
        if (c === 9 || c === 10 || c === 13 || space || i === 0 || i === len - 1) keep = true;
        space = true;
        if (c === 13) {
          // CR LF and a lone CR are one LF.
          b[n++] = 10;
          if (i + 1 < len && s.charCodeAt(i + 1) === 10) i++;
        } else if (c === 11 || c === 12) n = hex4(b, n, c);
        else b[n++] = c;
        continue;
      }
      space = false;
      if (c === 95) {
        if (i + 6 < len && s.charCodeAt(i + 1) === 120 && isHex(s.charCodeAt(i + 2)) && isHex(s.charCodeAt(i + 3)) &&
          isHex(s.charCodeAt(i + 4)) && isHex(s.charCodeAt(i + 5)) && s.charCodeAt(i + 6) === 95) {
          // The user's own "_x0041_": its underscore escaped, the rest as it is (one match, as the regex makes).
          n = put(b, n, X005F);
          for (let k = 1; k <= 6; k++) b[n++] = s.charCodeAt(i + k);
          i += 6;
        } else b[n++] = 95;
      } else if (c === 38) n = put(b, n, AMP);
      else if (c === 60) n = put(b, n, LT);
      else if (c === 62) n = put(b, n, GT);
      else if (c === 34) n = put(b, n, QUOT);
      else if (c < 32) n = hex4(b, n, c);
      else b[n++] = c;
    }
    if (keep) {
      // Move the text up to make room for the attribute (set() copies overlapping ranges as if
      // through a temporary one; a loop from the end down for a short text).
      const shift = PRESERVE.length - 1;
      if (n - at > 64) b.set(b.subarray(at + 1, n), at + 1 + shift);
      else for (let p = n - 1; p > at; p--) b[p + shift] = b[p];
      for (let k = 0; k < PRESERVE.length; k++) b[at + k] = PRESERVE.charCodeAt(k);
      n += shift;
    }
    b[n++] = 60; // </t>
    b[n++] = 47;
    b[n++] = 116;
    b[n++] = 62;
    this.n = n;
  }
}

function put(b: Uint8Array, n: number, bytes: number[]): number {
  for (let k = 0; k < bytes.length; k++) b[n + k] = bytes[k];
  return n + bytes.length;
}

/** _xHHHH_, the OOXML escape of a character XML cannot hold. */
function hex4(b: Uint8Array, n: number, c: number): number {
  b[n] = 95;
  b[n + 1] = 120;
  b[n + 2] = HEX.charCodeAt((c >> 12) & 15);
  b[n + 3] = HEX.charCodeAt((c >> 8) & 15);
  b[n + 4] = HEX.charCodeAt((c >> 4) & 15);
  b[n + 5] = HEX.charCodeAt(c & 15);
  b[n + 6] = 95;
  return n + 7;
}
