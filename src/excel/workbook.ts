/** Selection and the new-workbook export. */
import { OpenResult } from '../host/host';
import { excelApi } from './caps';

/** Activates the sheet and selects the cell (a finding's cell): one sync. ExcelApi 1.1. */
export function selectCell(sheet: string, address: string): Promise<void> {
  return Excel.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    ws.getRange(address).select();
    await ctx.sync();
  });
}

/**
 * Opens the summary as a new workbook (for email) with Excel.createWorkbook, ExcelApi 1.8. The pane
 * passes a builder that produces the .xlsx as base64 on demand, so its code loads only when used.
 * Where 1.8 is missing (Excel 2016/2019 MSI), returns 'not-supported' and the pane explains how to
 * move the sheets by hand (right-click the tab > Move or Copy > (new book)).
 */
export async function openAsNewWorkbook(buildBase64: (() => Promise<string>) | null): Promise<OpenResult> {
  if (!excelApi('1.8')) return { status: 'not-supported', reason: 'api' }; // ExcelApi 1.8: Excel.createWorkbook
  if (!buildBase64) return { status: 'not-supported', reason: 'no-builder' };
  const base64 = await buildBase64();
  await Excel.createWorkbook(base64);
  return { status: 'opened' };
}
