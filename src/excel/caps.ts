/**
 * What the running Excel can do. ExcelApi 1.1 (Excel 2016 MSI) is the floor; every newer feature is
 * asked for here, by the API set that brings it, and each caller has a fallback for when it is absent.
 */
import { Features } from '../host/host';

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

/** The features (src/host/host.ts), each by the ExcelApi set that brings it. */
export type Capabilities = Features;

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
