/**
 * Defensive helpers around Office.context: the pane also runs outside Office (a plain browser, the
 * e2e test before its fake host is ready), where Office or its context may be missing.
 */
import { Lang } from '../core';

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

/**
 * The language before Office answers: the locale of the host information Office puts in the page
 * address (?_host_Info=Excel$Win32$16.01$en-US$…, which office.js reads too), else Chinese.
 */
export function hostInfoLang(search: string): Lang {
  const m = /[?&]_host_Info=([^&#]*)/i.exec(search || '');
  let info = '';
  try {
    info = m ? decodeURIComponent(m[1]) : '';
  } catch (e) {
    info = '';
  }
  const locale = info.split(info.indexOf('$') >= 0 ? '$' : '|')[3] || '';
  return locale.toLowerCase().indexOf('en') === 0 ? 'en' : 'zh';
}

/** How long the pane waits for Office.onReady before it says that Office did not answer. */
export const READY_WAIT_MS = 10000;

/**
 * Office.onReady, or an immediate call outside Office, so the pane still renders in a browser.
 * When onReady has not fired after `waitMs` (office.js found no host it could talk to, or a script it
 * needs did not load), `onSilence` is called once; `cb` still runs if Office answers later.
 */
export function whenReady(cb: (inOffice: boolean) => void, onSilence?: () => void, waitMs: number = READY_WAIT_MS): void {
  if (hasOffice() && typeof Office.onReady === 'function') {
    let called = false;
    const timer = onSilence ? setTimeout(() => !called && onSilence(), waitMs) : null;
    try {
      Office.onReady(() => {
        if (called) return;
        called = true;
        if (timer !== null) clearTimeout(timer);
        cb(inExcel());
      });
    } catch (e) {
      // office.js half-loaded: the timer says so.
    }
    return;
  }
  cb(false);
}
