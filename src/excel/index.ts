/** The Office.js host: worksheets <-> Grids, AnnotationPlans and SheetSpecs -> worksheets. */
export { readSheet, readWorkbook, toGrid, isOurSummarySheet, bodyLooks, BodyLook } from './read';
export { annotate, annotateAll, AnnotateReport } from './annotate';
export { writeSheets, WriteSheetsReport } from './sheets';
export { selectCell, openAsNewWorkbook, OpenResult } from './workbook';
export { loadOptions, saveOptions, SavedOptions, loadSheetMarks, loadWriteConsent, saveWriteConsent } from './settings';
export { capabilities, excelApi, Capabilities } from './caps';
export { displayLang, hostInfoLang, inExcel, whenReady, READY_WAIT_MS } from './office';
