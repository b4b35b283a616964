/**
 * What the add-in keeps in the workbook's own store (host.ts DocumentStore), as JSON under its keys:
 * the pane's options (so each ledger keeps its own start date and mapping), our marks (the columns a
 * check added, the sheets we created) and the write consent. The same keys and shapes on every host.
 */
import { HeaderMap, IsoDate, TaughtWords, isTaughtProblem, parseTaught } from '../core';
import { DocumentStore } from './host';

/** An object with no prototype: a key from user text (a sheet named "constructor") finds nothing inherited. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

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

/** A JSON value saved under `key`, or `fallback` when absent, unreadable or without a store. */
function loadJson<T>(store: DocumentStore, key: string, fallback: T): T {
  try {
    const v = store.get(key);
    if (!v) return fallback;
    return (typeof v === 'string' ? JSON.parse(v) : v) as T;
  } catch (e) {
    return fallback;
  }
}

/** Saves `value` under `key` as JSON; resolves false without a store or on failure. */
function saveJson(store: DocumentStore, key: string, value: unknown): Promise<boolean> {
  return store.set(key, JSON.stringify(value));
}

export function loadOptions(store: DocumentStore): SavedOptions {
  return loadJson<SavedOptions>(store, KEY, {});
}

/** Resolves true when saved, false outside the host or on failure (the check goes on regardless). */
export function saveOptions(store: DocumentStore, options: SavedOptions): Promise<boolean> {
  return saveJson(store, KEY, options);
}

const COLUMNS_KEY = 'taizhang.columns';

/** Where each sheet holds Taizhang's added columns, as a check wrote them (core/ours.ts reads Grid.ours). */
export type ColumnMarks = Record<string, { column: number; width: number }>;

export function loadColumnMarks(store: DocumentStore): ColumnMarks {
  return loadJson<ColumnMarks>(store, COLUMNS_KEY, {});
}

/**
 * Records the columns a check wrote, so that a re-check finds them (the one-column 检查意见 of the
 * other lists has no label run to be known by) and never takes a user's column of the same name.
 */
export function recordColumnMarks(store: DocumentStore, written: { sheet: string; column: number; width: number }[]): Promise<boolean> {
  const marks = loadColumnMarks(store);
  for (let i = 0; i < written.length; i++) marks[written[i].sheet] = { column: written[i].column, width: written[i].width };
  return saveJson(store, COLUMNS_KEY, marks);
}

/** Our record of a sheet's added columns, when there is one (read with its grid). */
export function columnsOf(marks: ColumnMarks, sheet: string): { column: number; width: number } | null {
  return Object.prototype.hasOwnProperty.call(marks, sheet) ? marks[sheet] : null;
}

const SHEETS_KEY = 'taizhang.sheets';

/**
 * The sheets Taizhang created in this workbook: for each spec's own name (总览, Overview, ...) the
 * worksheet that holds it, which is that name, or a free one such as 总览 (2) when the workbook
 * already had a sheet of that name that was not ours. Only these are ever rewritten; any other
 * sheet, whatever its name, is the user's.
 */
export type SheetMarks = Record<string, string>;

export function loadSheetMarks(store: DocumentStore): SheetMarks {
  return loadJson<SheetMarks>(store, SHEETS_KEY, {});
}

export function recordSheetMarks(store: DocumentStore, marks: SheetMarks): Promise<boolean> {
  return saveJson(store, SHEETS_KEY, marks);
}

/** The worksheets that hold our sheets, lower-cased (sheet names are case-insensitive). */
export function ourSheetNames(marks: SheetMarks): Record<string, boolean> {
  const out = emptyRecord<boolean>();
  for (const k in marks) if (Object.prototype.hasOwnProperty.call(marks, k) && typeof marks[k] === 'string') out[marks[k].toLowerCase()] = true;
  return out;
}

const CONSENT_KEY = 'taizhang.writeConsent';

/**
 * Whether the user agreed, in this workbook, that the add-in writes into it although the host
 * cannot undo what an add-in writes (Excel: the undo of add-in changes arrives only with ExcelApi 1.19).
 */
export function loadWriteConsent(store: DocumentStore): boolean {
  const v = loadJson<{ accepted?: boolean } | null>(store, CONSENT_KEY, null);
  return !!(v && v.accepted === true);
}

export function saveWriteConsent(store: DocumentStore, on: string): Promise<boolean> {
  return saveJson(store, CONSENT_KEY, { accepted: true, on });
}

/** The words a user taught in the pane (src/taskpane/teach.ts): taizhang.json's headers and status, as JSON. */
export const TAUGHT_KEY = 'taizhang.taught';

/**
 * The taught words saved in this workbook, checked by the core's one reader (parseTaught) as the CLI
 * checks taizhang.json: a setting that does not read (edited by hand, an older shape) teaches nothing.
 */
export function loadTaught(store: DocumentStore): TaughtWords {
  const parsed = parseTaught(loadJson<unknown>(store, TAUGHT_KEY, {}));
  return isTaughtProblem(parsed) ? {} : parsed.taught;
}

/** Saves the taught words (headers and status only: the options live in the options form). */
export function saveTaught(store: DocumentStore, taught: TaughtWords): Promise<boolean> {
  const out: TaughtWords = {};
  if (taught.headers && Object.keys(taught.headers).length) out.headers = taught.headers;
  if (taught.status && Object.keys(taught.status).length) out.status = taught.status;
  return saveJson(store, TAUGHT_KEY, out);
}
