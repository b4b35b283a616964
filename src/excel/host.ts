/**
 * The Excel host: the pane's Host (src/host/host.ts) over Office.js. Each call is one Excel.run of
 * its own module here, batched and synced as that module says (read.ts, annotate.ts, sheets.ts,
 * workbook.ts); the settings are Office's document settings (settings.ts). The pane's start-up
 * (src/taskpane/taskpane.ts) is the one place that names this module.
 */
import { Host } from '../host/host';
import { annotateAll } from './annotate';
import { capabilities } from './caps';
import { displayLang, hasOffice, hostInfoLang, whenReady } from './office';
import { readWorkbook, sheetNames } from './read';
import { officeStore } from './settings';
import { writeSheets } from './sheets';
import { openAsNewWorkbook, selectCell } from './workbook';

/** The open workbook's file name from its address, '' when Office does not give one. */
export function workbookName(): string {
  try {
    const url = (hasOffice() && Office.context.document.url) || '';
    const name = url.replace(/\\/g, '/').split('/').pop() || '';
    return decodeURIComponent(name);
  } catch (e) {
    return '';
  }
}

export function createExcelHost(): Host {
  return {
    app: 'excel',
    readWorkbook: (apart) => readWorkbook(apart),
    sheetNames: () => sheetNames(),
    annotate: (plans, grids) => annotateAll(plans, grids),
    writeSheets: (specs) => writeSheets(specs),
    openAsNewWorkbook: (build) => openAsNewWorkbook(build),
    selectCell: (sheet, address) => selectCell(sheet, address),
    store: officeStore,
    features: () => capabilities(),
    language: () => displayLang(),
    earlyLanguage: (search) => hostInfoLang(search),
    whenReady: (ready, onSilence) => whenReady(ready, onSilence),
    workbookName,
  };
}
