/**
 * Writing files safely, for every writer of the CLI: the patched ledger (patch.ts) and the summary,
 * notice and comparison workbooks (spec-writer.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
/** Temporary files being written, removed if the process is interrupted. */
const pending = new Set<string>();
let handlersInstalled = false;

function removePending(): void {
  for (const tmp of pending) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* already gone */
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  removePending();
  process.removeListener('SIGINT', onSignal);
  process.removeListener('SIGTERM', onSignal);
  handlersInstalled = false;
  // Die of the same signal, as the shell expects (exit status 128 + n).
  process.kill(process.pid, signal);
}

function track(tmp: string): void {
  pending.add(tmp);
  if (!handlersInstalled) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    handlersInstalled = true;
  }
}

function untrack(tmp: string): void {
  pending.delete(tmp);
  if (!pending.size && handlersInstalled) {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    handlersInstalled = false;
  }
}

/**
 * Writes to a temporary file beside `out` (same folder, so the rename is atomic), then renames it
 * over `out`: a crash, a full disk or Ctrl+C never leaves a half-written workbook under the user's
 * chosen name, and the temporary file is removed on any failure and on SIGINT/SIGTERM. With `mode`,
 * the result gets those permission bits (check --out keeps the input's).
 */
export async function writeAtomic(out: string, write: (tmp: string) => Promise<void>, mode?: number): Promise<void> {
  const target = path.resolve(out);
  const tmp = path.join(path.dirname(target), '.' + path.basename(target) + '.' + process.pid + '.tmp');
  track(tmp);
  try {
    await write(tmp);
    if (mode !== undefined) fs.chmodSync(tmp, mode & 0o7777);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    throw e;
  } finally {
    untrack(tmp);
  }
}

/**
 * Runs `use` with `tmp` as a temporary file of its own (the .xlsx base of a legacy workbook's
 * check --out): removed when `use` ends, fails, or the process is interrupted (SIGINT/SIGTERM).
 */
export async function withTemporary<T>(tmp: string, use: () => Promise<T>): Promise<T> {
  track(tmp);
  try {
    return await use();
  } finally {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* never written */
    }
    untrack(tmp);
  }
}
