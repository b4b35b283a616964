/**
 * What a SheetSpec says about the printed page that the add-in can set: the heights of rows that hold
 * merged text (Excel fits other rows itself as values are written, never a merged cell's; ExcelApi
 * 1.2), and the footer with the page number and the issuing office, the margins and the fit to one
 * page wide (Worksheet.pageLayout, ExcelApi 1.9). Below 1.9 the sheet prints with Excel's defaults.
 */
import { SheetSpec } from '../core';
import type { SkippedFeature } from '../host/host';
import { mergedRows } from '../host/layout';
import { Batch } from './batch';
import { excelApi } from './caps';

export async function writePage(batch: Batch, ws: Excel.Worksheet, spec: SheetSpec, skipped: SkippedFeature[]): Promise<void> {
  const heights = spec.heights || [];
  const rows = mergedRows(spec).filter((r) => heights[r - 1] > 0);
  if (rows.length) {
    if (excelApi('1.2')) {
      for (let i = 0; i < rows.length; i++) {
        await batch.room(120);
        ws.getRange(rows[i] + ':' + rows[i]).format.rowHeight = heights[rows[i] - 1]; // ExcelApi 1.2
      }
    } else skipped.push('rowHeights');
  }
  const print = spec.print;
  if (!print) return;
  if (!excelApi('1.9')) {
    skipped.push('printSettings');
    return;
  }
  // ExcelApi 1.9: PageLayout, HeadersFootersGroup (the codes &P and &N are Excel's own).
  await batch.room(600);
  const layout = ws.pageLayout;
  if (print.sideMargin !== undefined) {
    layout.leftMargin = print.sideMargin * 72;
    layout.rightMargin = print.sideMargin * 72;
  }
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: print.fitToHeight || 0 };
  if (print.firstPageNumber) layout.firstPageNumber = print.firstPageNumber;
  const page = layout.headersFooters.defaultForAllPages;
  const footer = print.footer || {};
  if (footer.left) page.leftFooter = footer.left;
  if (footer.center) page.centerFooter = footer.center;
  if (footer.right) page.rightFooter = footer.right;
  const header = print.header || {};
  if (header.left) page.leftHeader = header.left;
  if (header.center) page.centerHeader = header.center;
  if (header.right) page.rightHeader = header.right;
}
