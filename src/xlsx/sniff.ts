/**
 * Classify a file by its bytes before it is read, so that a legacy .xls, a password-protected
 * workbook (an OLE compound file that wraps the encrypted package) or a truncated download gets one
 * clear message instead of a stack trace. A zip is then opened as a package (package.ts): it is a
 * workbook when its directory is whole and a workbook part can be found in it.
 */
import * as fs from 'fs';
import { isTaizhangError, taizhangError } from '../core/words/errors';
import { openPackage } from './package';

/**
 * 'xls' is a compound file or a bare BIFF5/8 stream that the legacy reader (biff/read-biff.ts) reads:
 * Excel 97-2003 and 5.0/95 .xls and WPS .et. Its own records then say whether it is password
 * protected or damaged. 'legacy-xls' is no longer returned (such files are read); the kind stays for
 * callers that name it.
 */
export type FileKind = 'xlsx' | 'xls' | 'file-missing' | 'file-corrupt' | 'legacy-xls' | 'encrypted' | 'not-xlsx' | 'legacy-biff' | 'lotus' | 'corrupt-et';

const ZIP_LOCAL = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const ZIP_EMPTY = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
/** Office encryption stores the real workbook in these CFB streams (MS-OFFCRYPTO 2.3.4). */
const ENCRYPTION_STREAMS = ['EncryptionInfo', 'EncryptedPackage'].map((s) => Buffer.from(s, 'utf16le'));

function readAt(fd: number, position: number, length: number): Buffer {
  const buf = Buffer.alloc(length);
  const n = fs.readSync(fd, buf, 0, length, position);
  return buf.subarray(0, n);
}

/** The kind of file at `file`, by its first bytes (a zip is 'xlsx' here: openPackage decides). */
export function kindByBytes(file: string): FileKind {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch (e) {
    // A path that is not there (or runs through a file) is missing; any other failure of the system
    // (no permission, a name too long) is thrown as it is, for the command to say in the user's words.
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return 'file-missing';
    throw e;
  }
  if (stat.isDirectory()) throw Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', syscall: 'read', path: file });
  if (!stat.isFile()) return 'not-xlsx';
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = readAt(fd, 0, 8);
    if (head.length >= 4 && (head.subarray(0, 4).equals(ZIP_LOCAL) || head.subarray(0, 4).equals(ZIP_EMPTY))) return 'xlsx';
    if (head.length === 8 && head.equals(CFB)) {
      const all = readAt(fd, 0, size);
      return ENCRYPTION_STREAMS.some((name) => all.indexOf(name) >= 0) ? 'encrypted' : 'xls';
    }
    // A bare BIFF stream starts with its BOF record: 0x0809 is BIFF5/8 (read); 0x0009, 0x0209 and
    // 0x0409 are Excel 2.x, 3.0 and 4.0 ([MS-XLS] 2.4.21; the older formats' own specification).
    if (head.length >= 4 && head[0] === 0x09 && head[1] === 0x08) return 'xls';
    if (head.length >= 4 && head[0] === 0x09 && (head[1] === 0x00 || head[1] === 0x02 || head[1] === 0x04) && head[3] === 0x00) return 'legacy-biff';
    // Lotus 1-2-3: a BOF record of type 0 and length 2 (.wk1, .wks) or 26 (.wk3, .wk4, .123).
    if (head.length >= 6 && head[0] === 0 && head[1] === 0 && (head[2] === 0x02 || head[2] === 0x1a) && head[3] === 0) return 'lotus';
    if (/\.et$/i.test(file)) return 'corrupt-et';
    return /\.(xl[st][xmb]|xls)$/i.test(file) ? 'file-corrupt' : 'not-xlsx';
  } finally {
    fs.closeSync(fd);
  }
}

/** The kind of file at `file`, without throwing. */
export function sniffFile(file: string): FileKind {
  let kind: FileKind;
  try {
    kind = kindByBytes(file);
  } catch {
    return 'file-missing';
  }
  if (kind !== 'xlsx') return kind;
  try {
    openPackage(file, file).zip.close();
    return 'xlsx';
  } catch (e) {
    return isTaizhangError(e) && e.code === 'file-missing' ? 'file-missing' : 'file-corrupt';
  }
}

/** Throws the TaizhangError for anything that is not a zip at all (a .xls, an encrypted workbook, a CSV...). */
export function assertZip(file: string): void {
  const kind = kindByBytes(file);
  if (kind !== 'xlsx') throw taizhangError(kind === 'xls' ? 'legacy-xls' : kind, { file });
}

/**
 * Throws the TaizhangError for anything but a readable workbook. `file` in messages is the name the
 * user gave. A legacy .xls or .et has its workbook globals read (a password or a damaged file shows there).
 */
export function assertXlsx(file: string): void {
  const kind = kindByBytes(file);
  if (kind === 'xls') {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./biff/read-biff') as typeof import('./biff/read-biff')).assertLegacyWorkbook(file, file);
    return;
  }
  if (kind !== 'xlsx') throw taizhangError(kind, { file });
  openPackage(file, file).zip.close();
}

/** True for a file that the legacy reader reads (.xls, .et). */
export function isLegacyWorkbook(file: string): boolean {
  return kindByBytes(file) === 'xls';
}
