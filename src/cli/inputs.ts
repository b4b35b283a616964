/**
 * The input paths as staff type them: `*` and `?` expanded by Taizhang itself (cmd and PowerShell
 * pass `"*.xlsx"` as it is), a folder meaning every workbook in it (summary), and Excel's and
 * WPS's `~$` lock files set apart, never read as ledgers. The order is stable on every system:
 * each pattern's or folder's matches by name, digits by their value (部门2 before 部门10), in the
 * order the arguments were given.
 */
import * as fs from 'fs';
import * as path from 'path';

/** The workbooks a folder or a bare `*` means: those read, and those that will be named when they are not (.xls, .et). */
const WORKBOOK = /\.(xlsx|xlsm|xls|et)$/i;
/** The lock file Excel and WPS keep beside an open workbook: ~$ and the name. */
const LOCK = /^~\$/;

export interface ExpandedInputs {
  /** The files to read, in order. */
  files: string[];
  /** Lock files met (named or matched): skipped, said once. */
  locks: string[];
  /** Patterns that matched no file, and folders that hold no workbook. */
  empty: { arg: string; folder: boolean }[];
}

export function isLockFile(file: string): boolean {
  return LOCK.test(path.basename(file));
}

export function hasWildcard(arg: string): boolean {
  return /[*?]/.test(arg);
}

/** Names in a stable order: by code point, with runs of digits compared by value. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.match(re) || [];
  const pb = b.match(re) || [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === y) continue;
    const dx = /^\d/.test(x);
    const dy = /^\d/.test(y);
    if (dx && dy) {
      const d = Number(x) - Number(y) || x.length - y.length;
      if (d) return d;
      continue;
    }
    return x < y ? -1 : 1;
  }
  return pa.length - pb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** File names as Explorer lists them: by the name before the extension (部门01 before 部门01 (1)), then the extension. */
export function compareNames(a: string, b: string): number {
  const pa = path.parse(a);
  const pb = path.parse(b);
  return naturalCompare(pa.name, pb.name) || naturalCompare(pa.ext, pb.ext);
}

/** One path segment with * and ? as a regular expression (case-insensitive where the file system is). */
function segmentPattern(segment: string): RegExp {
  const body = segment.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp('^' + body + '$', process.platform === 'win32' || process.platform === 'darwin' ? 'i' : '');
}

function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

/** The entries of `dir` whose names match `re`, sorted; none when the folder cannot be listed. */
function matching(dir: string, re: RegExp): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir || '.');
  } catch {
    return [];
  }
  // A leading dot is hidden (writeAtomic's temporary files are) unless the pattern names it.
  return names.filter((n) => re.test(n) && (n[0] !== '.' || re.source.startsWith('^\\.'))).sort(compareNames);
}

/** The paths a pattern names: each segment with a wildcard expanded against the folders so far. */
function glob(pattern: string): string[] {
  const parsed = path.parse(pattern);
  const rest = pattern.slice(parsed.root.length).split(/[\\/]+/).filter((s) => s.length);
  let found: string[] = [parsed.root];
  rest.forEach((segment, k) => {
    const last = k === rest.length - 1;
    const next: string[] = [];
    for (const base of found) {
      if (!hasWildcard(segment)) {
        const p = base ? path.join(base, segment) : segment;
        if (last ? fs.existsSync(p) : isDirectory(p)) next.push(p);
        continue;
      }
      for (const name of matching(base, segmentPattern(segment))) {
        const p = base ? path.join(base, name) : name;
        if (last || isDirectory(p)) next.push(p);
      }
    }
    found = next;
  });
  return found;
}

/** The workbooks in a folder (not its subfolders), sorted, lock files apart. */
function folderFiles(dir: string): string[] {
  return matching(dir, /./).filter((n) => WORKBOOK.test(n) && isFile(path.join(dir, n))).map((n) => path.join(dir, n));
}

/**
 * Expands `args`: wildcards always; folders too when `folders` (summary). A pattern's matches are
 * its files (its folders, with `folders`, as every workbook in them); a pattern whose last part has
 * no extension (`台账/*`) keeps only workbooks. A path that exists as it is written is taken as it
 * is, even with * or ? in its name (possible outside Windows).
 */
export function expandInputs(args: string[], opts: { folders: boolean }): ExpandedInputs {
  const out: ExpandedInputs = { files: [], locks: [], empty: [] };
  const seen: Record<string, 'named' | 'matched'> = Object.create(null);
  const add = (file: string, named: boolean) => {
    if (isLockFile(file)) {
      if (out.locks.indexOf(file) < 0) out.locks.push(file);
      return;
    }
    // A file met again through a pattern or folder is the same input: listed once. The same path
    // given twice by name is left in, for the command to refuse plainly.
    const key = path.resolve(file);
    if (seen[key] && (!named || seen[key] === 'matched')) return;
    seen[key] = named ? 'named' : 'matched';
    out.files.push(file);
  };
  for (const arg of args) {
    if (opts.folders && isDirectory(arg)) {
      const files = folderFiles(arg);
      const before = out.files.length + out.locks.length;
      files.forEach((f) => add(f, false));
      if (out.files.length + out.locks.length === before) out.empty.push({ arg, folder: true });
      continue;
    }
    if (!hasWildcard(arg) || fs.existsSync(arg)) {
      add(arg, true);
      continue;
    }
    const workbooksOnly = !/\.[^.*?\\/]+$/.test(path.basename(arg));
    const matches: string[] = [];
    for (const p of glob(arg)) {
      if (isDirectory(p)) {
        if (opts.folders) matches.push(...folderFiles(p));
      } else if (!workbooksOnly || WORKBOOK.test(p)) matches.push(p);
    }
    const before = out.files.length + out.locks.length;
    matches.forEach((f) => add(f, false));
    if (out.files.length + out.locks.length === before) out.empty.push({ arg, folder: false });
  }
  return out;
}
