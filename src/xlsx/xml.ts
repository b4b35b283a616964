/**
 * A small streaming XML tokenizer for SpreadsheetML parts, written by hand so that:
 * - text is decoded by one StringDecoder per part (XmlStream), never chunk by chunk, so a character
 *   split across two inflated chunks stays whole;
 * - there is no DTD and no entity expansion at all: only the five predefined entities and character
 *   references are decoded, and a <!DOCTYPE> anywhere is refused (XmlDoctypeError);
 * - no element stack is kept, so deep nesting costs nothing but a counter in the handler;
 * - every event carries absolute offsets into the part's text, so the patch writer (patch.ts) can
 *   copy everything it does not change verbatim.
 * Element and attribute names are compared by their local part (`x:c` is `c`): some producers write
 * the main namespace with a prefix.
 */
import { StringDecoder } from 'string_decoder';

/** Thrown for a <!DOCTYPE> (DTDs carry entity definitions; no .xlsx part ever needs one). */
export class XmlDoctypeError extends Error {
  constructor() {
    super('DOCTYPE in a workbook part');
  }
}

/** Thrown for text that cannot be XML: an unterminated construct, or one too big to be real. */
export class XmlSyntaxError extends Error {}

/** No single construct (a tag, a text run) of a real part is anywhere near this long. */
const MAX_PENDING = 64 * 1024 * 1024;

const LT = 60; // <
const GT = 62; // >
const SLASH = 47;
const BANG = 33;
const QUESTION = 63;
const DQUOTE = 34;
const SQUOTE = 39;

/** The local part of a qualified name: 'x:row' -> 'row'. The one place a prefix is taken off. */
export function localName(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
}

/** A qualified name's prefix with its colon ('x:row' -> 'x:'), '' when it has none. */
export function prefixOf(qname: string): string {
  const i = qname.indexOf(':');
  return i < 0 ? '' : qname.slice(0, i + 1);
}

/** The code unit of a predefined entity's name s[from, to), or -1. */
function entityUnit(s: string, from: number, to: number): number {
  switch (s.slice(from, to)) {
    case 'lt':
      return 60;
    case 'gt':
      return 62;
    case 'amp':
      return 38;
    case 'quot':
      return 34;
    case 'apos':
      return 39;
    default:
      return -1;
  }
}

/** The decoded text is built here as code units, then made one string (grown as needed). */
let units = new Uint16Array(1024);
let unitBytes = Buffer.from(units.buffer);
/** Code units are read back as UTF-16LE bytes (three times quicker than String.fromCharCode.apply). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * s[from, to) with the predefined entities and character references decoded (&#25972; &#x6574;
 * and, past the BMP, &#131072; as a surrogate pair) and, with `lineEnds`, CR LF and lone CR made LF
 * (a &#13; stays CR); anything else that starts with & (&foo; &#X41; &#; a code point past U+10FFFF,
 * a lone &) is kept as written. Always a string of its own, never a slice holding s. One pass by
 * character codes: openpyxl writes a reference per CJK character, and a regular expression's
 * callback per reference cost a quarter of reading such a sheet.
 */
function decodeRange(s: string, from: number, to: number, lineEnds: boolean): string {
  // The decoded text is never longer than the text (a reference of 4 or more units gives 1 or 2).
  if (units.length < to - from) {
    units = new Uint16Array(to - from + ((to - from) >> 1));
    unitBytes = Buffer.from(units.buffer);
  }
  const u = units;
  let k = 0;
  let i = from;
  while (i < to) {
    const c0 = s.charCodeAt(i);
    if (c0 !== 38) {
      if (c0 === 13 && lineEnds) {
        u[k++] = 10;
        i += s.charCodeAt(i + 1) === 10 && i + 1 < to ? 2 : 1;
        continue;
      }
      u[k++] = c0;
      i++;
      continue;
    }
    let j = i + 1;
    let code = -1;
    if (s.charCodeAt(j) === 35) {
      const hex = s.charCodeAt(j + 1) === 120;
      j += hex ? 2 : 1;
      const start = j;
      let v = 0;
      let c = 0;
      for (; j < to; j++) {
        c = s.charCodeAt(j);
        let d: number;
        if (c >= 48 && c <= 57) d = c - 48;
        else if (hex && c >= 65 && c <= 70) d = c - 55;
        else if (hex && c >= 97 && c <= 102) d = c - 87;
        else break;
        v = v * (hex ? 16 : 10) + d;
        if (v > 0x10ffff) v = 0x110000;
      }
      if (j > start && j < to && c === 59 && v <= 0x10ffff) code = v;
    } else {
      const semi = s.indexOf(';', j);
      if (semi > j && semi - j <= 4 && semi < to) {
        code = entityUnit(s, j, semi);
        j = semi;
      }
    }
    if (code < 0) {
      u[k++] = 38;
      i++;
      continue;
    }
    if (code >= 0x10000) {
      code -= 0x10000;
      u[k++] = 0xd800 + (code >> 10);
      u[k++] = 0xdc00 + (code & 0x3ff);
    } else u[k++] = code;
    i = j + 1;
  }
  let out = '';
  if (LITTLE_ENDIAN) out = unitBytes.toString('utf16le', 0, 2 * k);
  else for (let p = 0; p < k; p += 4096) out += String.fromCharCode.apply(null, u.subarray(p, Math.min(k, p + 4096)) as unknown as number[]);
  // One very long text (a cell of megabytes) does not keep its buffer for the rest of the process.
  if (units.length > 1 << 20) {
    units = new Uint16Array(1024);
    unitBytes = Buffer.from(units.buffer);
  }
  return out;
}

/** Decodes the predefined entities and character references (see decodeRange). */
export function decodeEntities(s: string): string {
  return s.indexOf('&') < 0 ? s : decodeRange(s, 0, s.length, false);
}

/** XML text: entities decoded, line ends normalized to LF (XML 1.0 section 2.11). */
export function decodeText(raw: string): string {
  return raw.indexOf('&') < 0 && raw.indexOf('\r') < 0 ? raw : decodeRange(raw, 0, raw.length, true);
}

/** The XML text b[from, to) decoded as decodeText does, as a string of its own (not a slice holding b). */
export function textOf(b: string, from: number, to: number): string {
  return decodeRange(b, from, to, true);
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring); _x005F_ is a literal _. */
export function decodeOoxml(s: string): string {
  return s.indexOf('_x') < 0 ? s : s.replace(/_x([0-9A-Fa-f]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/**
 * One start tag (or empty-element tag). Valid only during the open() call that receives it: the
 * scanner reuses the object. Attributes are parsed on the first request.
 */
export class Tag {
  /** The qualified name as written (x:c). */
  qname = '';
  /** The local name (c). */
  name = '';
  /** Absolute offsets of '<' and just after '>'. */
  start = 0;
  end = 0;
  selfClosing = false;
  /** The text between the name and the closing '>' or '/>'. */
  private rest = '';
  private parsed = false;
  private names: string[] = [];
  private values: string[] = [];
  private count = 0;

  reset(qname: string, rest: string, start: number, end: number, selfClosing: boolean): void {
    this.qname = qname;
    this.name = localName(qname);
    this.rest = rest;
    this.start = start;
    this.end = end;
    this.selfClosing = selfClosing;
    this.parsed = false;
  }

  private parse(): void {
    this.parsed = true;
    const names = this.names;
    const values = this.values;
    let count = 0;
    const s = this.rest;
    let i = 0;
    const n = s.length;
    while (i < n) {
      let c = s.charCodeAt(i);
      if (c <= 32) {
        i++;
        continue;
      }
      const eq = s.indexOf('=', i);
      if (eq < 0) break;
      let nameEnd = eq;
      while (nameEnd > i && s.charCodeAt(nameEnd - 1) <= 32) nameEnd--;
      const name = s.slice(i, nameEnd);
      i = eq + 1;
      while (i < n && s.charCodeAt(i) <= 32) i++;
      c = s.charCodeAt(i);
      if (c !== DQUOTE && c !== SQUOTE) break;
      const close = s.indexOf(c === DQUOTE ? '"' : "'", i + 1);
      if (close < 0) break;
      names[count] = name;
      values[count] = s.slice(i + 1, close);
      count++;
      i = close + 1;
    }
    this.count = count;
  }

  /** The decoded value of the attribute with this qualified name (r, s, r:id), or null. */
  attr(qname: string): string | null {
    if (!this.parsed) this.parse();
    const names = this.names;
    for (let i = 0; i < this.count; i++) if (names[i] === qname) return decodeEntities(this.values[i]);
    return null;
  }

  /** The attributes' qualified names, as written. */
  attrNames(): string[] {
    if (!this.parsed) this.parse();
    return this.names.slice(0, this.count);
  }

  /** The decoded value of the first attribute with this local name and a prefix (r:id, ns2:id), or null. */
  prefixedAttr(local: string): string | null {
    if (!this.parsed) this.parse();
    for (let i = 0; i < this.count; i++) {
      const n = this.names[i];
      const colon = n.indexOf(':');
      if (colon > 0 && n.slice(colon + 1) === local && n.slice(0, colon) !== 'xmlns') return decodeEntities(this.values[i]);
    }
    return null;
  }
}

export interface XmlHandler {
  open(tag: Tag): void;
  /** `start` and `end` are the absolute offsets of the end tag. */
  close(qname: string, start: number, end: number): void;
  /** Decoded text (CDATA included), only while `scanner.wantText` is set. */
  text?(text: string): void;
  /** Called before the scanner forgets text before `keep` (patch.ts copies it out first). */
  beforeDrop?(): void;
  /**
   * A fast lane for the few constructs that make up most of a big part (a worksheet's cells): called
   * at each '<' of a start tag with the buffer and its index. It returns the index just after the
   * construct it took whole, -1 when the construct is not complete in the buffer yet, or 0 to let
   * the general path take it.
   */
  fast?(buf: string, at: number): number;
}

/**
 * The fast lane is offered a construct only where at least this many characters follow its '<' in
 * the buffer (nearer the end, the general path takes it), and it stops taking cells as soon as fewer
 * are left: it reads a few characters ahead before it knows what it has, and no read may fall past
 * the end of the buffer. Such a read returns NaN, which the optimized code did not expect: V8 throws
 * that code away (deoptimizes) at the first one at each place, and a read of 50,000 rows lost seven
 * of its hottest functions' optimized code so (--trace-deopt), at the end of its first chunks.
 */
export const FAST_ROOM = 16;

/**
 * Feed it text in pieces; it calls the handler for each complete construct and keeps the unfinished
 * rest. `base` is the absolute offset of buf[0]; nothing at or after `keep` is ever dropped.
 */
export class XmlScanner {
  buf = '';
  base = 0;
  keep = Infinity;
  /** Set by the handler while it wants text events. */
  wantText = false;
  private pos = 0;
  private readonly tag = new Tag();

  constructor(public handler: XmlHandler) {}

  /** The absolute offset up to which the text has been scanned. */
  get position(): number {
    return this.base + this.pos;
  }

  /** The text between two absolute offsets that are still held. */
  slice(from: number, to: number): string {
    return this.buf.slice(from - this.base, to - this.base);
  }

  feed(chunk: string): void {
    this.buf = this.pos === this.buf.length ? chunk : this.buf.slice(this.pos) + chunk;
    this.base += this.pos;
    this.pos = 0;
    this.scan();
    if (this.handler.beforeDrop) this.handler.beforeDrop();
    const drop = Math.min(this.pos, this.keep - this.base);
    if (drop > 0) {
      this.buf = this.buf.slice(drop);
      this.base += drop;
      this.pos -= drop;
    }
    if (this.buf.length - this.pos > MAX_PENDING) throw new XmlSyntaxError('an XML construct is too long');
  }

  /** The end of the part: what is left must be blank. */
  end(): void {
    const rest = this.buf.slice(this.pos);
    if (/\S/.test(rest)) {
      if (rest.indexOf('<') >= 0) throw new XmlSyntaxError('the XML ends inside a tag');
      if (this.wantText && this.handler.text) this.handler.text(decodeText(rest));
    }
    if (this.handler.beforeDrop) this.handler.beforeDrop();
  }

  private scan(): void {
    const b = this.buf;
    const h = this.handler;
    const n = b.length;
    let p = this.pos;
    for (;;) {
      const lt = b.indexOf('<', p);
      if (lt < 0) {
        // Text nobody asked for (whitespace between tags, mostly) is not kept while more arrives.
        if (!this.wantText) p = n;
        break;
      }
      if (lt > p && this.wantText && h.text) h.text(decodeText(b.slice(p, lt)));
      if (lt + 1 >= n) {
        p = lt;
        break;
      }
      const c1 = b.charCodeAt(lt + 1);
      if (c1 === SLASH) {
        const gt = b.indexOf('>', lt + 2);
        if (gt < 0) {
          p = lt;
          break;
        }
        let e = gt;
        while (e > lt + 2 && b.charCodeAt(e - 1) <= 32) e--;
        p = gt + 1;
        h.close(b.slice(lt + 2, e), this.base + lt, this.base + p);
        continue;
      }
      if (c1 === QUESTION) {
        const end = b.indexOf('?>', lt + 2);
        if (end < 0) {
          p = lt;
          break;
        }
        p = end + 2;
        continue;
      }
      if (c1 === BANG) {
        if (b.startsWith('<!--', lt)) {
          const end = b.indexOf('-->', lt + 4);
          if (end < 0) {
            p = lt;
            break;
          }
          p = end + 3;
          continue;
        }
        if (b.startsWith('<![CDATA[', lt)) {
          const end = b.indexOf(']]>', lt + 9);
          if (end < 0) {
            p = lt;
            break;
          }
          if (this.wantText && h.text) h.text(b.slice(lt + 9, end));
          p = end + 3;
          continue;
        }
        if (n - lt < 9) {
          p = lt;
          break;
        }
        if (b.slice(lt, lt + 9).toUpperCase() === '<!DOCTYPE') throw new XmlDoctypeError();
        throw new XmlSyntaxError('a markup declaration in a workbook part');
      }
      if (h.fast !== undefined && lt + FAST_ROOM < n) {
        const q = h.fast(b, lt);
        if (q > 0) {
          p = q;
          continue;
        }
        if (q < 0) {
          p = lt;
          break;
        }
      }
      // A start tag: the name, then attributes up to '>' outside quotes.
      let i = lt + 1;
      while (i < n) {
        const c = b.charCodeAt(i);
        if (c <= 32 || c === SLASH || c === GT) break;
        i++;
      }
      const nameEnd = i;
      let gt = -1;
      while (i < n) {
        const c = b.charCodeAt(i);
        if (c === GT) {
          gt = i;
          break;
        }
        if (c === DQUOTE || c === SQUOTE) {
          const close = b.indexOf(c === DQUOTE ? '"' : "'", i + 1);
          if (close < 0) break;
          i = close + 1;
          continue;
        }
        if (c === LT) throw new XmlSyntaxError('"<" inside a tag');
        i++;
      }
      if (gt < 0) {
        p = lt;
        break;
      }
      const selfClosing = b.charCodeAt(gt - 1) === SLASH;
      const qname = b.slice(lt + 1, nameEnd);
      const rest = b.slice(nameEnd, selfClosing ? gt - 1 : gt);
      p = gt + 1;
      this.tag.reset(qname, rest, this.base + lt, this.base + p, selfClosing);
      h.open(this.tag);
      if (selfClosing) h.close(qname, this.base + p, this.base + p);
    }
    this.pos = p;
  }
}

/**
 * Bytes of one part, in order, to text through one decoder. A leading byte order mark is dropped.
 * UTF-16 parts (allowed by XML, rare in .xlsx) are decoded as such.
 */
export class XmlStream {
  private decoder: StringDecoder | null = null;
  private first = true;

  constructor(readonly scanner: XmlScanner) {}

  write(bytes: Buffer): void {
    let b = bytes;
    if (this.first) {
      if (!b.length) return;
      this.first = false;
      let encoding: BufferEncoding = 'utf8';
      if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) {
        encoding = 'utf16le';
        b = b.subarray(2);
      } else if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) {
        throw new XmlSyntaxError('big-endian UTF-16 parts are not read');
      } else if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
        b = b.subarray(3);
      }
      this.decoder = new StringDecoder(encoding);
    }
    const text = (this.decoder as StringDecoder).write(b);
    if (text) this.scanner.feed(text);
  }

  end(): void {
    if (this.decoder) {
      const rest = this.decoder.end();
      if (rest) this.scanner.feed(rest);
    }
    this.scanner.end();
  }
}

/** A whole part's bytes as text (UTF-8, or UTF-16LE with its byte order mark), without the BOM. */
export function decodePart(bytes: Buffer): string {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) throw new XmlSyntaxError('big-endian UTF-16 parts are not read');
  const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  return bytes.toString('utf8', start);
}

/** Parses a whole part held as text; offsets in the events index into `text`. Text events only with `wantText`. */
export function parseText(text: string, handler: XmlHandler, wantText = false): void {
  const scanner = new XmlScanner(handler);
  scanner.wantText = wantText;
  scanner.keep = 0;
  scanner.feed(text);
  scanner.end();
}

/** Text for XML content and attributes: & < > and quotes escaped (xlsxlite's one escaper). */
export { xmlAttr as escapeXml } from '../xlsxlite/xml';

/** An attribute set to `value` in a start tag (added before its end when absent). */
export function setAttr(tag: string, name: string, value: string): string {
  const re = new RegExp('(\\s' + name + '=")[^"]*(")');
  if (re.test(tag)) return tag.replace(re, '$1' + value + '$2');
  return tag.replace(/\s*(\/?>)$/, ' ' + name + '="' + value + '"$1');
}
