/**
 * The WPS 表格 host: the pane's Host (src/host/host.ts) over the ET object model. Calls are
 * synchronous, so each resolves at once (syncs: 0); the store is the workbook's custom document
 * properties (store.ts). The pane's start-up for WPS (src/taskpane/taskpane.ts, built by
 * `npm run build:wps`) is the one place that names this module.
 */
import { Lang } from '../core';
import { Host } from '../host/host';
import { annotateAll } from './annotate';
import { wpsFeatures } from './cells';
import { XL, addinRoot, etApp, findSheet, has, member, workbook } from './et';
import { readWorkbook, sheetNames } from './read';
import { writeSheets } from './sheets';
import { wpsStore } from './store';

/**
 * Runs a synchronous call as the Promise the Host gives, its throw a rejection. An error the ET object
 * model threw carries a code, as Office's errors do: the pane then names WPS (officeError) and, since
 * the calls before it were not rolled back, says what a write may have left partly written and that a
 * re-run completes it. Our own errors (taizhang) pass as they are.
 */
function later<T>(f: () => T | Promise<T>): Promise<T> {
  try {
    return Promise.resolve(f()).then(undefined, (e) => Promise.reject(fromWps(e)));
  } catch (e) {
    return Promise.reject(fromWps(e));
  }
}

function fromWps(e: unknown): unknown {
  const err = e as { taizhang?: boolean; code?: string; message?: string } | null;
  if (err && typeof err === 'object' && (err.taizhang || err.code)) return e;
  try {
    if (err && typeof err === 'object') {
      err.code = 'WpsError';
      if (err.code === 'WpsError') return e;
    }
  } catch (x) {
    // a frozen object from the host: a new one below
  }
  return { code: 'WpsError', message: err && typeof err === 'object' ? String(err.message) : String(e) };
}

/** 'en' when WPS shows English (an LCID whose primary language is 9), else 'zh'. */
export function wpsLanguage(): Lang {
  try {
    const app = etApp();
    const id = app ? +member<Kso.LanguageSettings>(app, 'LanguageSettings').LanguageID(XL.uiLanguage as Kso.MsoAppLanguageID) : 0;
    return (id & 0x3ff) === 9 ? 'en' : 'zh';
  } catch (e) {
    return 'zh';
  }
}

/** The workbook's file name, '' for a workbook never saved (no Path). */
export function wpsWorkbookName(): string {
  try {
    const wb = workbook();
    return member<string>(wb, 'Path') ? String(member<string>(wb, 'Name')) : '';
  } catch (e) {
    return '';
  }
}

function atobCompat(b64: string): string {
  return (globalThis as unknown as { atob: (s: string) => string }).atob(b64);
}

export function createWpsHost(): Host {
  return {
    app: 'wps',
    readWorkbook: (apart) => later(() => readWorkbook(apart)),
    sheetNames: () => later(sheetNames),
    annotate: (plans, grids) => later(() => annotateAll(plans, grids)),
    writeSheets: (specs) => later(() => writeSheets(specs)),
    openAsNewWorkbook: (build) =>
      later(() => {
        const app = etApp();
        if (!wpsFeatures(app).createWorkbook) return { status: 'not-supported' as const, reason: 'api' as const };
        if (!build) return { status: 'not-supported' as const, reason: 'no-builder' as const };
        return build().then((b64) => {
          // The built .xlsx goes to the temp folder, then opens as a workbook of its own.
          const root = addinRoot() as WPS.AddonRoot;
          const dir = root.Env.GetTempPath().replace(/[\\/]+$/, '');
          const path = dir + '/taizhang-' + new Date().getTime() + '.xlsx';
          root.FileSystem.writeAsBinaryString(path, atobCompat(b64));
          member<Et.Workbooks>(app, 'Workbooks').Open(path);
          return { status: 'opened' as const };
        });
      }),
    selectCell: (sheet, address) =>
      later(() => {
        const ws = findSheet(workbook(), sheet);
        if (!ws) throw new Error('Sheet not found: ' + sheet);
        ws.Activate();
        ws.Range(address).Select();
      }),
    store: wpsStore,
    features: () => {
      const f = wpsFeatures(etApp());
      return { merge: f.merge, columnWidth: f.columnWidth, nullObjects: f.nullObjects, conditionalFormats: f.conditionalFormats, freezePanes: f.freezePanes, hyperlinks: f.hyperlinks, createWorkbook: f.createWorkbook, autoFilter: f.autoFilter, pageLayout: f.pageLayout };
    },
    language: wpsLanguage,
    earlyLanguage: (search) => (/[?&]lang=en/i.test(search) ? 'en' : 'zh'),
    whenReady: (ready) => {
      setTimeout(() => ready(!!etApp() && has(etApp(), 'ActiveWorkbook')), 0);
    },
    workbookName: wpsWorkbookName,
  };
}
