/**
 * Rendering written workbooks as a reader sees them: LibreOffice converts to PDF, pdftoppm draws a
 * page as PNG, and a small PNG decoder (zlib and the five PNG filters) gives the pixels to count.
 * Suites that need them run under describeWithSoffice (helpers/soffice.ts): they fail in CI when a
 * tool is missing, and are skipped with a note elsewhere.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

import { poppler, SOFFICE } from '../../tools';

/** Converts `files` to PDF in `dir` with a LibreOffice profile of its own; returns the PDFs. */
export function toPdf(files: string[], dir: string): string[] {
  execFileSync(SOFFICE as string, ['-env:UserInstallation=file://' + path.join(dir, 'lo-profile'), '--headless', '--convert-to', 'pdf', '--outdir', dir, ...files], {
    stdio: 'pipe',
    timeout: 120000,
  });
  return files.map((f) => path.join(dir, path.basename(f).replace(/\.xlsx$/i, '.pdf')));
}

/** Pages of a PDF, from its page tree's /Count (LibreOffice writes one). */
export function pdfPages(pdf: string): number {
  const text = fs.readFileSync(pdf).toString('latin1');
  const counts = (text.match(/\/Type\s*\/Pages\b[^>]*?\/Count\s+(\d+)/g) || []).map((m) => +(/\/Count\s+(\d+)/.exec(m) as RegExpExecArray)[1]);
  return counts.length ? Math.max(...counts) : 0;
}

/** The text of page `page` (1-based) as pdftotext lays it out. */
export function pdfText(pdf: string, page: number): string {
  return execFileSync(poppler('pdftotext') as string, ['-layout', '-f', String(page), '-l', String(page), pdf, '-'], { stdio: 'pipe' }).toString('utf8');
}

/** Renders page `page` (1-based) at `dpi` as PNG with pdftoppm; returns the PNG's path. */
export function renderPage(pdf: string, page: number, dpi = 60): string {
  const prefix = pdf.replace(/\.pdf$/, '-p' + page);
  execFileSync(poppler('pdftoppm') as string, ['-png', '-r', String(dpi), '-f', String(page), '-l', String(page), '-singlefile', pdf, prefix], { stdio: 'pipe' });
  return prefix + '.png';
}

export interface Image {
  width: number;
  height: number;
  /** RGB triples, row by row. */
  rgb: Uint8Array;
}

/** Decodes an 8-bit RGB or RGBA PNG (what pdftoppm writes). */
export function readPng(file: string): Image {
  const buf = fs.readFileSync(file);
  if (buf.readUInt32BE(0) !== 0x89504e47) throw new Error('not a PNG: ' + file);
  let p = 8;
  let width = 0;
  let height = 0;
  let channels = 3;
  const idat: Buffer[] = [];
  while (p < buf.length) {
    const len = buf.readUInt32BE(p);
    const type = buf.toString('ascii', p + 4, p + 8);
    const data = buf.subarray(p + 8, p + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      if (data[8] !== 8 || (data[9] !== 2 && data[9] !== 6)) throw new Error('PNG is not 8-bit RGB(A)');
      channels = data[9] === 6 ? 4 : 3;
    } else if (type === 'IDAT') idat.push(data);
    p += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = new Uint8Array(width * height * 3);
  let prev = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const cur = new Uint8Array(stride);
    for (let i = 0; i < stride; i++) {
      const a = i >= channels ? cur[i - channels] : 0;
      const b = prev[i];
      const c = i >= channels ? prev[i - channels] : 0;
      let v = line[i];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const pa = Math.abs(b - c);
        const pb = Math.abs(a - c);
        const pc = Math.abs(a + b - 2 * c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      }
      cur[i] = v & 0xff;
    }
    for (let x = 0; x < width; x++) {
      out[(y * width + x) * 3] = cur[x * channels];
      out[(y * width + x) * 3 + 1] = cur[x * channels + 1];
      out[(y * width + x) * 3 + 2] = cur[x * channels + 2];
    }
    prev = cur;
  }
  return { width, height, rgb: out };
}

/**
 * Pixels in a region (fractions of the page: x0, y0, x1, y1) whose colour is within `tolerance` of
 * `hex` on each channel; with no colour, pixels that are not white.
 */
export function countPixels(img: Image, region: [number, number, number, number], hex?: string, tolerance = 24): number {
  const [x0, y0, x1, y1] = region;
  const want = hex ? [parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)] : null;
  let n = 0;
  for (let y = Math.floor(y0 * img.height); y < Math.floor(y1 * img.height); y++) {
    for (let x = Math.floor(x0 * img.width); x < Math.floor(x1 * img.width); x++) {
      const i = (y * img.width + x) * 3;
      const r = img.rgb[i];
      const g = img.rgb[i + 1];
      const b = img.rgb[i + 2];
      if (want) {
        if (Math.abs(r - want[0]) <= tolerance && Math.abs(g - want[1]) <= tolerance && Math.abs(b - want[2]) <= tolerance) n++;
      } else if (r < 245 || g < 245 || b < 245) n++;
    }
  }
  return n;
}
