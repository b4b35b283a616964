#!/usr/bin/env node
/**
 * Draws the add-in's icons (16, 32, 64 and 80 px) into assets/ as PNG files, with no image library:
 * a tiny PNG writer over node's zlib. The glyph is a ledger on Office blue: three white rows and a
 * check mark, so it reads at 16 px on the ribbon. Re-run after changing the drawing:
 *   node scripts/make-icons.js
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** rgba: Uint8Array of width*height*4. Returns an 8-bit RGBA PNG. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  const raw = Buffer.alloc((width * 4 + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (width * 4 + 1)] = 0; // filter: none
    Buffer.from(rgba.buffer, rgba.byteOffset + y * width * 4, width * 4).copy(raw, y * (width * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const BLUE = [0x00, 0x78, 0xd4];
const WHITE = [0xff, 0xff, 0xff];

/** Signed distance-ish tests in unit coordinates (0..1). Returns the colour at (x, y) or null. */
function glyph(x, y) {
  // Rounded square background.
  const r = 0.16;
  const m = 0.04;
  const cx = Math.min(Math.max(x, m + r), 1 - m - r);
  const cy = Math.min(Math.max(y, m + r), 1 - m - r);
  if ((x - cx) * (x - cx) + (y - cy) * (y - cy) > r * r) return null;
  // Three ledger rows on the left.
  const rows = [0.26, 0.44, 0.62];
  for (const ry of rows) {
    if (y >= ry && y <= ry + 0.09 && x >= 0.2 && x <= (ry === 0.62 ? 0.46 : 0.8)) return WHITE;
  }
  // Check mark at the bottom right: two thick strokes.
  if (nearSegment(x, y, 0.52, 0.7, 0.62, 0.8, 0.055) || nearSegment(x, y, 0.62, 0.8, 0.82, 0.56, 0.055)) return WHITE;
  return BLUE;
}

function nearSegment(px, py, ax, ay, bx, by, w) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return qx * qx + qy * qy <= w * w;
}

/** Renders with 4x4 supersampling so edges are smooth at 16 px. */
function render(size) {
  const out = new Uint8Array(size * size * 4);
  const S = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < S; sy++) {
        for (let sx = 0; sx < S; sx++) {
          const c = glyph((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            a++;
          }
        }
      }
      const o = (py * size + px) * 4;
      if (a > 0) {
        out[o] = Math.round(r / a);
        out[o + 1] = Math.round(g / a);
        out[o + 2] = Math.round(b / a);
        out[o + 3] = Math.round((255 * a) / (S * S));
      }
    }
  }
  return out;
}

if (require.main === module) {
  const dir = path.resolve(__dirname, '..', 'assets');
  fs.mkdirSync(dir, { recursive: true });
  for (const size of [16, 32, 64, 80]) {
    const file = path.join(dir, 'icon-' + size + '.png');
    fs.writeFileSync(file, encodePng(size, size, render(size)));
    console.log('wrote ' + path.relative(process.cwd(), file));
  }
}

module.exports = { encodePng, crc32 };
