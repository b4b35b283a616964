/**
 * The pane's options, saved in the workbook (Office.context.document.settings, ExcelApi-independent:
 * part of the Common API since Office 2013), so each ledger keeps its own start date and mapping.
 */
import { HeaderMap, IsoDate } from '../core/types';
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
}

function settings(): Office.Settings | null {
  try {
    return hasOffice() && Office.context && Office.context.document ? Office.context.document.settings : null;
  } catch (e) {
    return null;
  }
}

export function loadOptions(): SavedOptions {
  const s = settings();
  if (!s) return {};
  try {
    const v = s.get(KEY);
    if (!v) return {};
    return typeof v === 'string' ? (JSON.parse(v) as SavedOptions) : (v as SavedOptions);
  } catch (e) {
    return {};
  }
}

/** Resolves true when saved, false outside Office or on failure (the check goes on regardless). */
export function saveOptions(options: SavedOptions): Promise<boolean> {
  const s = settings();
  if (!s) return Promise.resolve(false);
  return new Promise<boolean>((resolve) => {
    try {
      s.set(KEY, JSON.stringify(options));
      s.saveAsync((r) => resolve(!r || r.status !== Office.AsyncResultStatus.Failed));
    } catch (e) {
      resolve(false);
    }
  });
}

const COLUMNS_KEY = 'taizhang.columns';

/** Where each sheet holds Taizhang's added columns, as a check wrote them (core/ours.ts reads Grid.ours). */
export type ColumnMarks = Record<string, { column: number; width: number }>;

export function loadColumnMarks(): ColumnMarks {
  const s = settings();
  if (!s) return {};
  try {
    const v = s.get(COLUMNS_KEY);
    if (!v) return {};
    return (typeof v === 'string' ? JSON.parse(v) : v) as ColumnMarks;
  } catch (e) {
    return {};
  }
}

/**
 * Records the columns a check wrote, so that a re-check finds them (the one-column 检查意见 of the
 * other lists has no label run to be known by) and never takes a user's column of the same name.
 */
export function recordColumnMarks(written: { sheet: string; column: number; width: number }[]): Promise<boolean> {
  const s = settings();
  if (!s) return Promise.resolve(false);
  const marks = loadColumnMarks();
  for (let i = 0; i < written.length; i++) marks[written[i].sheet] = { column: written[i].column, width: written[i].width };
  return new Promise<boolean>((resolve) => {
    try {
      s.set(COLUMNS_KEY, JSON.stringify(marks));
      s.saveAsync((r) => resolve(!r || r.status !== Office.AsyncResultStatus.Failed));
    } catch (e) {
      resolve(false);
    }
  });
}
