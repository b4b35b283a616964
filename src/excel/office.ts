/**
 * Defensive helpers around Office.context: the pane also runs outside Office (a plain browser, the
 * e2e test before its fake host is ready), where Office or its context may be missing.
 */
import { Lang } from '../core/types';

export function hasOffice(): boolean {
  return typeof Office !== 'undefined' && !!Office;
}

/** True inside Excel (or a fake of it): Office.context and the Excel namespace are there. */
export function inExcel(): boolean {
  try {
    return hasOffice() && !!Office.context && typeof Excel !== 'undefined' && !!Excel && typeof Excel.run === 'function';
  } catch (e) {
    return false;
  }
}

/** English when Office's display language is English, Chinese otherwise (and outside Office). */
export function displayLang(): Lang {
  try {
    const l = hasOffice() && Office.context ? Office.context.displayLanguage : '';
    return l && l.toLowerCase().indexOf('en') === 0 ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

/** Office.onReady, or an immediate call outside Office, so the pane still renders in a browser. */
export function whenReady(cb: (inOffice: boolean) => void): void {
  if (hasOffice() && typeof Office.onReady === 'function') {
    let called = false;
    Office.onReady(() => {
      if (!called) {
        called = true;
        cb(inExcel());
      }
    });
    return;
  }
  cb(false);
}
