/**
 * Classify a file by its bytes before exceljs sees it, so that a legacy .xls, a password-protected
 * workbook (an OLE compound file that wraps the encrypted package) or a truncated download gets one
 * clear message instead of a zip library's stack trace.
 */
import * as fs from 'fs';
import { ErrorCode, taizhangError } from '../core/errors';

export type FileKind = 'xlsx' | Exclude<ErrorCode, 'empty-workbook' | 'sheet-not-found' | 'no-ledger' | 'bad-option' | 'usage'>;

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EOCD = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office encryption stores the real workbook in these CFB streams (MS-OFFCRYPTO 2.3.4). */
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((s) => Buffer.from(s, 'utf16le'));

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/**
 * A zip is whole when its end-of-central-directory record is there and the central directory it
 * points to fits in the file. The streaming reader (unzipper) reads local headers front to back and
 * would silently stop early on a truncated file, so this check must come first.
 */
function zipHoldsWorkbook(fd: number, size: number): boolean {
  const tailLen = Math.min(size, 22 + 0xffff);
  const tail = readAt(fd, size - tailLen, tailLen);
  const at = tail.lastIndexOf(ZIP_EOCD);
  if (at < 0 || at + 22 > tail.length) return false;
  let cdSize = tail.readUInt32LE(at + 12);
  let cdOffset = tail.readUInt32LE(at + 16);
  if (cdOffset === 0xffffffff || cdSize === 0xffffffff) {
    // Zip64: the real figures are in the zip64 EOCD record; trust the layout and look for the name.
    cdOffset = 0;
    cdSize = size;
  }
  if (cdOffset + cdSize > size) return false;
  const cd = readAt(fd, cdOffset, Math.min(cdSize, size - cdOffset));
  return cd.indexOf('xl/workbook.xml') >= 0;
}

/** The kind of file at `file`, without throwing. */
export function sniffFile(file: string): FileKind {
  let fd: number;
  try {
    if (!fs.statSync(file).isFile()) return 'file-missing';
    fd = fs.openSync(file, 'r');
  } catch {
    return 'file-missing';
  }
  try {
    const size = fs.fstatSync(fd).size;
    const head = readAt(fd, 0, 8);
    if (head.length >= 4 && head.subarray(0, 4).equals(ZIP_LOCAL)) {
      return zipHoldsWorkbook(fd, size) ? 'xlsx' : 'file-corrupt';
    }
    if (head.length === 8 && head.equals(CFB)) {
      const all = readAt(fd, 0, size);
      return ENCRYPTION_STREAMS.some((name) => all.indexOf(name) >= 0) ? 'encrypted' : 'legacy-xls';
    }
    return /\.xls[xm]$/i.test(file) ? 'file-corrupt' : 'not-xlsx';
  } finally {
    fs.closeSync(fd);
  }
}

/** Throws the TaizhangError for anything but a whole .xlsx. `file` in messages is the name the user gave. */
export function assertXlsx(file: string): void {
  const kind = sniffFile(file);
  if (kind !== 'xlsx') throw taizhangError(kind, { file });
}
