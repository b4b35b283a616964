/**
 * The CLI's writer of summary and notice workbooks: src/xlsxlite (the pane's writer too) with what
 * Node adds, node:zlib's deflate and CRC-32, and a file. The XML is written a row at
 * a time and compressed as it goes; the file is written beside `out` and renamed over it
 * (writeAtomic), so `out` is never half written. exceljs is not loaded on this path.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { SheetSpec } from '../core/types';
import { writeXlsx, ZipOptions } from '../xlsxlite';
import { writeAtomic } from './write';

const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;

/** zlib.crc32 is Node 20.15+ (and 22.2+); before it, xlsxlite's own. */
const nodeCrc32 = (zlib as unknown as { crc32?: (data: Uint8Array, value: number) => number }).crc32;

/**
 * zlib level 2. On the 116 MB of 汇总台账 XML of a summary of 100,000 items, in 1 MB chunks: level 2
 * deflates in 0.26 s to 9.7 MB, level 3 in 0.46 s to 9.3 MB, level 6 in about 1.0 s to 7.9 MB, and
 * level 1 is both slower and larger than 2 (0.29 s, 10.8 MB) with this zlib.
 */
const DEFLATE_LEVEL = 2;

export const NODE_ZIP: ZipOptions = {
  deflate: (data, dictionary, last) =>
    zlib.deflateRawSync(data, { level: DEFLATE_LEVEL, dictionary: dictionary || undefined, finishFlush: last ? Z_FINISH : Z_SYNC_FLUSH }),
  crc32: nodeCrc32 ? (data, previous) => nodeCrc32(data, previous) : undefined,
};

/** Bytes gathered before each write to the file. */
const BUFFER = 1 << 20;

/** Writes `specs` as a workbook to the file `file` (synchronously: the CLI has nothing else to do meanwhile). */
export function writeSpecsFile(specs: SheetSpec[], file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    const buffer = Buffer.allocUnsafe(BUFFER);
    let used = 0;
    const flush = () => {
      let done = 0;
      while (done < used) done += fs.writeSync(fd, buffer, done, used - done);
      used = 0;
    };
    writeXlsx(specs, (bytes) => {
      if (bytes.length >= BUFFER) {
        flush();
        let done = 0;
        while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
        return;
      }
      if (used + bytes.length > BUFFER) flush();
      buffer.set(bytes, used);
      used += bytes.length;
    }, NODE_ZIP);
    flush();
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `specs` as a new workbook at `out`, through a temporary file beside it. */
export function writeSpecsWorkbook(specs: SheetSpec[], out: string): Promise<void> {
  return writeAtomic(out, async (tmp) => writeSpecsFile(specs, tmp));
}
