/**
 * Bytes for the .xlsx writer: UTF-8, CRC-32 and base64, by hand. ES5 and pure (no TextEncoder, no
 * btoa, no Buffer): it runs in IE11's task pane and in Node tests alike. btoa is avoided on purpose:
 * it takes a "binary string", which would need a second copy of the file as one char per byte.
 */

/** UTF-8 bytes of a string. Lone surrogates become U+FFFD, as TextEncoder does. */
export function utf8(text: string): Uint8Array {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  const out = new Uint8Array(n);
  let p = 0;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      out[p++] = c;
      continue;
    }
    if (c < 0x800) {
      out[p++] = 0xc0 | (c >> 6);
      out[p++] = 0x80 | (c & 63);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (c <= 0xdbff && (next & 0xfc00) === 0xdc00) {
        const cp = 0x10000 + ((c - 0xd800) << 10) + (next - 0xdc00);
        out[p++] = 0xf0 | (cp >> 18);
        out[p++] = 0x80 | ((cp >> 12) & 63);
        out[p++] = 0x80 | ((cp >> 6) & 63);
        out[p++] = 0x80 | (cp & 63);
        i++;
        continue;
      }
      c = 0xfffd;
    }
    out[p++] = 0xe0 | (c >> 12);
    out[p++] = 0x80 | ((c >> 6) & 63);
    out[p++] = 0x80 | (c & 63);
  }
  return out;
}

let CRC_TABLE: number[] | null = null;

/**
 * The CRC-32 (IEEE 802.3, reflected 0xEDB88320) that zip entries carry, as an unsigned number.
 * `previous` continues the CRC of the bytes before `data` (the same as zlib's crc32(data, value)).
 */
export function crc32(data: Uint8Array, previous = 0): number {
  if (!CRC_TABLE) {
    CRC_TABLE = [];
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      CRC_TABLE.push(c >>> 0);
    }
  }
  const table = CRC_TABLE;
  let crc = (previous ^ 0xffffffff) >>> 0;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
let PAIRS: string[] | null = null;

/** Standard base64 with padding (what Excel.createWorkbook takes). Two characters per 12 bits. */
export function toBase64(bytes: Uint8Array): string {
  if (!PAIRS) {
    PAIRS = [];
    for (let i = 0; i < 4096; i++) PAIRS.push(B64.charAt(i >> 6) + B64.charAt(i & 63));
  }
  const pairs = PAIRS;
  const parts: string[] = [];
  const CHUNK = 3 * 8192;
  const whole = bytes.length - (bytes.length % 3);
  for (let start = 0; start < whole; start += CHUNK) {
    const end = Math.min(start + CHUNK, whole);
    const out: string[] = [];
    for (let i = start; i < end; i += 3) {
      const n = (bytes[i] << 16) | (bytes[i + 1] << 8) | bytes[i + 2];
      out.push(pairs[n >> 12], pairs[n & 4095]);
    }
    parts.push(out.join(''));
  }
  const rest = bytes.length - whole;
  if (rest) {
    const a = bytes[whole];
    const b = rest > 1 ? bytes[whole + 1] : 0;
    const n = (a << 16) | (b << 8);
    parts.push(B64.charAt(n >> 18) + B64.charAt((n >> 12) & 63) + (rest > 1 ? B64.charAt((n >> 6) & 63) : '=') + '=');
  }
  return parts.join('');
}
