/**
 * The workbook's store on Excel: Office.context.document.settings (ExcelApi-independent: part of the
 * Common API since Office 2013), so each ledger keeps its own options and our marks. What is kept
 * there, under which keys, is src/host/settings.ts; the writers here read and record our marks.
 */
import { DocumentStore } from '../host/host';
import * as kept from '../host/settings';
import { hasOffice } from './office';

function settings(): Office.Settings | null {
  try {
    return hasOffice() && Office.context && Office.context.document ? Office.context.document.settings : null;
  } catch (e) {
    return null;
  }
}

/** The document settings as a DocumentStore: nothing there outside Office. */
export const officeStore: DocumentStore = {
  get(key: string): unknown {
    const s = settings();
    return s ? s.get(key) : null;
  },
  set(key: string, value: string): Promise<boolean> {
    const s = settings();
    if (!s) return Promise.resolve(false);
    return new Promise<boolean>((resolve) => {
      try {
        s.set(key, value);
        s.saveAsync((r) => resolve(!r || r.status !== Office.AsyncResultStatus.Failed));
      } catch (e) {
        resolve(false);
      }
    });
  },
};

export function loadColumnMarks(): kept.ColumnMarks {
  return kept.loadColumnMarks(officeStore);
}

export function recordColumnMarks(written: { sheet: string; column: number; width: number }[]): Promise<boolean> {
  return kept.recordColumnMarks(officeStore, written);
}

export function loadSheetMarks(): kept.SheetMarks {
  return kept.loadSheetMarks(officeStore);
}

export function recordSheetMarks(marks: kept.SheetMarks): Promise<boolean> {
  return kept.recordSheetMarks(officeStore, marks);
}
