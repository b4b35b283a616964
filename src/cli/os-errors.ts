/**
 * The operating system's refusals in the user's words. A ledger open in Excel or WPS, a folder
 * without write permission, a full or read-only disk, a folder where a file should be: each is one
 * line that says what to do ("文件正被 Excel/WPS 打开或没有写入权限，请关闭后重试"), never "内部错误",
 * which stays for Taizhang's own defects.
 *
 * `role` says what the file was to the command: an input being read, an output being written, or a
 * folder being made (--notices).
 */
import * as path from 'path';
import { isTaizhangError, taizhangError } from '../core/words/errors';
import type { TaizhangError, Lang } from '../core';
import { cliText, CliTextKey } from './messages';

export type FileRole = 'read' | 'write' | 'folder';

/** A Node system error: it has a code such as EPERM and the call that failed. */
export function isSystemError(e: unknown): e is NodeJS.ErrnoException {
  return !!e && typeof e === 'object' && typeof (e as NodeJS.ErrnoException).code === 'string' && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/** Which message each code gets, by role. Windows says EPERM or EBUSY for a file Excel holds open; POSIX says EACCES. */
const KEYS: Record<FileRole, Record<string, CliTextKey>> = {
  read: {
    EACCES: 'os.read.denied',
    EPERM: 'os.read.denied',
    EBUSY: 'os.read.denied',
    EISDIR: 'os.read.folder',
    ENAMETOOLONG: 'os.read.long',
  },
  write: {
    EACCES: 'os.write.denied',
    EPERM: 'os.write.denied',
    EBUSY: 'os.write.denied',
    EISDIR: 'os.write.folder',
    ENOTEMPTY: 'os.write.folder',
    ENOSPC: 'os.write.full',
    EDQUOT: 'os.write.full',
    EROFS: 'os.write.readonly',
    ENAMETOOLONG: 'os.write.long',
    ENOENT: 'os.write.missing',
    ENOTDIR: 'os.write.missing',
  },
  folder: {
    EACCES: 'os.folder.denied',
    EPERM: 'os.folder.denied',
    EBUSY: 'os.folder.denied',
    EEXIST: 'os.folder.file',
    ENOTDIR: 'os.folder.file',
    ENOSPC: 'os.write.full',
    EDQUOT: 'os.write.full',
    EROFS: 'os.write.readonly',
    ENAMETOOLONG: 'os.write.long',
  },
};

/** The system's own words for a code we have no sentence for, without Node's "EXXX: " prefix and path. */
function detailOf(e: NodeJS.ErrnoException): string {
  return (e.code as string) + ' ' + (e.message || '').replace(/^E[A-Z]+: /, '').replace(/,\s*\w+(\s+'.*)?$/, '');
}

/**
 * The one-line error for a system error `e` met on `file` in `role`, or null when `e` is not a
 * system error (a TaizhangError or a defect goes up as it is).
 */
export function osError(e: unknown, file: string, role: FileRole, lang: Lang): TaizhangError | null {
  if (!isSystemError(e)) return null;
  const code = e.code as string;
  if (role === 'read' && (code === 'ENOENT' || code === 'ENOTDIR')) return taizhangError('file-missing', { file });
  const key = KEYS[role][code];
  const message = key
    ? cliText(lang, key, { file })
    : cliText(lang, role === 'read' ? 'os.read.other' : 'os.write.other', { file, detail: detailOf(e) });
  return taizhangError('usage', { message });
}

/** Runs `fn`; a system error it throws becomes the user's line for `file` in `role`. */
export async function guarded<T>(role: FileRole, file: string, lang: Lang, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw osError(e, file, role, lang) || e;
  }
}

/** The same, for a function that does not wait. */
export function guardedSync<T>(role: FileRole, file: string, lang: Lang, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    throw osError(e, file, role, lang) || e;
  }
}

/** writeAtomic's temporary name for a target: ".<name>.<pid>.tmp" beside it (src/xlsx/write.ts). */
const TMP = /^\.(.+)\.\d+\.tmp$/;

/**
 * The last resort for a system error no command guarded: the file it names (a temporary file as
 * the output it stands for) and the role its call suggests. Still the user's words, not "内部错误".
 */
export function unguardedOsError(e: unknown, lang: Lang): TaizhangError | null {
  if (!isSystemError(e) || isTaizhangError(e)) return null;
  const dest = (e as { dest?: string }).dest;
  const named = dest || e.path;
  if (!named) return null;
  const tmp = TMP.exec(path.basename(named));
  const writing = !!tmp || /^(write|rename|mkdir|unlink|chmod|copyfile|ftruncate|fsync|close)$/.test(e.syscall as string) || !!dest;
  const file = tmp ? path.join(path.dirname(named), tmp[1]) : named;
  return osError(e, file, e.syscall === 'mkdir' ? 'folder' : writing ? 'write' : 'read', lang);
}
