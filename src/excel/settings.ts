/**
 * The pane's options, saved in the workbook (Office.context.document.settings, ExcelApi-independent:
 * part of the Common API since Office 2013), so each ledger keeps its own start date and mapping.
 */
import { HeaderMap, IsoDate } from '../core';
import { hasOffice } from './office';

const KEY = 'taizhang.options';

export interface SavedOptions {
  /** Only saved when the user fixed it; otherwise the check uses today. */
  asOf?: IsoDate | null;
  start?: IsoDate | null;
  dueSoonDays?: number;
  immediateDays?: number;
  /** The ledger sheet the user picked. */
  sheet?: string | null;
  /** A mapping the user corrected. */
  header?: HeaderMap | null;
  /** The documents' sender (发文单位: the 督办单's signature, every sheet's footer); blank for the default. */
  issuer?: string | null;
  /** The 督办单's 文号; blank for the placeholder to fill in by hand. */
  noticeNumber?: string | null;
  /** Working days a department has to reply to its 督办单. */
  replyDays?: number;
  /** The sheet last compared as the earlier version (对比上期): never picked as the ledger. */
  previousSheet?: string | null;
}

function settings(): Office.Settings | null {
  try {
    return hasOffice() && Office.context && Office.context.document ? Office.context.document.settings : null;
  } catch (e) {
    return null;
  }
}

/** A JSON value saved under `key`, or `fallback` outside Office, when absent or unreadable. */
function loadJson<T>(key: string, fallback: T): T {
  const s = settings();
  if (!s) return fallback;
  try {
    const v = s.get(key);
    if (!v) return fallback;
    return (typeof v === 'string' ? JSON.parse(v) : v) as T;
  } catch (e) {
    return fallback;
  }
}

/** Saves `value` under `key` as JSON; resolves false outside Office or on failure. */
function saveJson(key: string, value: unknown): Promise<boolean> {
  const s = settings();
  if (!s) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    try {
      s.set(key, JSON.stringify(value));
      s.saveAsync((r) => resolve(!r || r.status !== Office.AsyncResultStatus.Failed));
    } catch (e) {
      resolve(false);
    }
  });
}

export function loadOptions(): SavedOptions {
  return loadJson<SavedOptions>(KEY, {});
}

/** Resolves true when saved, false outside Office or on failure (the check goes on regardless). */
export function saveOptions(options: SavedOptions): Promise<boolean> {
  return saveJson(KEY, options);
}

const COLUMNS_KEY = 'taizhang.columns';

/** Where each sheet holds Taizhang's added columns, as a check wrote them (core/read/ours.ts reads Grid.ours). */
export type ColumnMarks = Record<string, { column: number; width: number }>;

export function loadColumnMarks(): ColumnMarks {
  return loadJson<ColumnMarks>(COLUMNS_KEY, {});
}

/**
 * Records the columns a check wrote, so that a re-check finds them (the one-column 检查意见 of the
 * other lists has no label run to be known by) and never takes a user's column of the same name.
 */
export function recordColumnMarks(written: { sheet: string; column: number; width: number }[]): Promise<boolean> {
  const marks = loadColumnMarks();
  for (let i = 0; i < written.length; i++) marks[written[i].sheet] = { column: written[i].column, width: written[i].width };
  return saveJson(COLUMNS_KEY, marks);
}

const SHEETS_KEY = 'taizhang.sheets';

/**
 * The summary sheets Taizhang created in this workbook: for each summary sheet's own name (总览,
 * Overview, ...) the worksheet that holds it, which is that name, or a free one such as 总览 (2)
 * when the workbook already had a sheet of that name that was not ours. Only these are ever
 * rewritten; any other sheet, whatever its name, is the user's.
 */
export type SheetMarks = Record<string, string>;

export function loadSheetMarks(): SheetMarks {
  return loadJson<SheetMarks>(SHEETS_KEY, {});
}

export function recordSheetMarks(marks: SheetMarks): Promise<boolean> {
  return saveJson(SHEETS_KEY, marks);
}

/** The worksheets that hold our summary sheets, lower-cased (sheet names are case-insensitive). */
export function ourSheetNames(marks: SheetMarks = loadSheetMarks()): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const k in marks) if (Object.prototype.hasOwnProperty.call(marks, k) && typeof marks[k] === 'string') out[marks[k].toLowerCase()] = true;
  return out;
}

const CONSENT_KEY = 'taizhang.writeConsent';

/**
 * Whether the user agreed, in this workbook, that the add-in writes into it although Excel cannot
 * undo what an add-in writes (the undo of add-in changes arrives only with ExcelApi 1.19).
 */
export function loadWriteConsent(): boolean {
  const v = loadJson<{ accepted?: boolean } | null>(CONSENT_KEY, null);
  return !!(v && v.accepted === true);
}

export function saveWriteConsent(on: string): Promise<boolean> {
  return saveJson(CONSENT_KEY, { accepted: true, on });
}
