/**
 * What the running Excel can do. ExcelApi 1.1 (Excel 2016 MSI) is the floor; every newer feature is
 * asked for here, by the API set that brings it, and each caller has a fallback for when it is absent.
 */

/** Office.context.requirements.isSetSupported('ExcelApi', version), false outside Office. */
export function excelApi(version: string): boolean {
  try {
    return (
      typeof Office !== 'undefined' &&
      !!Office.context &&
      !!Office.context.requirements &&
      Office.context.requirements.isSetSupported('ExcelApi', version)
    );
  } catch (e) {
    return false;
  }
}

export interface Capabilities {
  /** range.merge, format.columnWidth: ExcelApi 1.2 */
  merge: boolean;
  columnWidth: boolean;
  /** worksheets.getItemOrNullObject: ExcelApi 1.4 */
  nullObjects: boolean;
  /** range.conditionalFormats (cell value rules, data bars): ExcelApi 1.6 */
  conditionalFormats: boolean;
  /** worksheet.freezePanes: ExcelApi 1.7 */
  freezePanes: boolean;
  /** range.hyperlink (Excel.RangeHyperlink, documentReference for in-workbook links): ExcelApi 1.7 */
  hyperlinks: boolean;
  /** Excel.createWorkbook: ExcelApi 1.8 */
  createWorkbook: boolean;
  /** worksheet.autoFilter, worksheet.pageLayout: ExcelApi 1.9 */
  autoFilter: boolean;
  pageLayout: boolean;
}

export function capabilities(): Capabilities {
  return {
    merge: excelApi('1.2'), // ExcelApi 1.2: Range.merge
    columnWidth: excelApi('1.2'), // ExcelApi 1.2: RangeFormat.columnWidth
    nullObjects: excelApi('1.4'), // ExcelApi 1.4: getItemOrNullObject
    conditionalFormats: excelApi('1.6'), // ExcelApi 1.6: ConditionalFormatCollection
    freezePanes: excelApi('1.7'), // ExcelApi 1.7: WorksheetFreezePanes
    hyperlinks: excelApi('1.7'), // ExcelApi 1.7: Range.hyperlink
    createWorkbook: excelApi('1.8'), // ExcelApi 1.8: Excel.createWorkbook
    autoFilter: excelApi('1.9'), // ExcelApi 1.9: Worksheet.autoFilter
    pageLayout: excelApi('1.9'), // ExcelApi 1.9: Worksheet.pageLayout
  };
}
