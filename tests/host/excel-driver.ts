/** The contract's driver for the Excel host (src/excel/host.ts) on the fake Excel (tests/excel/fake-excel.ts). */
import { createFakeHost, FakeStyle } from '../excel/fake-excel';
import { createExcelHost } from '../../src/excel/host';
import { Book, HostDriver, Opened } from './driver';

/** The fake's styles grid (row-major from A1) for cells filled and in bold. */
function styleGrid(fills: { cell: string; color: string }[]): (FakeStyle | null)[][] {
  const grid: (FakeStyle | null)[][] = [];
  for (const f of fills) {
    const m = /^([A-Z])(\d+)$/.exec(f.cell) as RegExpExecArray;
    const r = +m[2] - 1;
    while (grid.length <= r) grid.push([]);
    grid[r][m[1].charCodeAt(0) - 65] = { fill: f.color, bold: true };
  }
  return grid;
}

export const excelDriver: HostDriver = {
  name: 'Excel',
  open(book: Book): Opened {
    const fake = createFakeHost({
      apiVersion: book.level === 'floor' ? '1.1' : '1.9',
      sheets: book.sheets.map((s) => ({
        name: s.name,
        rows: s.rows,
        formats: s.formats,
        styles: s.fills ? styleGrid(s.fills) : undefined,
        page: s.page ? { ...(s.page.orientation ? { orientation: 'Landscape' } : {}), ...(s.page.printArea ? { printArea: s.page.printArea } : {}) } : undefined,
      })),
      displayLanguage: book.lang === 'en' ? 'en-US' : 'zh-CN',
    });
    // Office.js gives the document's address; the fake leaves it out unless a case names a file.
    if (book.file) (fake.Office as { context: { document: { url?: string } } }).context.document.url = 'C:\\Users\\督查室\\Documents\\' + book.file;
    (global as unknown as { Office: unknown }).Office = fake.Office;
    (global as unknown as { Excel: unknown }).Excel = fake.Excel;
    return {
      host: createExcelHost(),
      sheetNames: () => fake.state.sheets.map((s) => s.name),
      value: (sheet, address) => fake.value(sheet, address),
      usedWidth: (sheet) => {
        let max = 0;
        fake.findSheet(sheet)!.cells.forEach((row) => row.forEach((cell, c) => (max = cell.v !== '' ? Math.max(max, c) : max)));
        return max;
      },
      selection: () => fake.state.selection,
      openedWorkbooks: () => fake.state.createdWorkbooks.length,
      look: (sheet, address) => {
        const m = /^([A-Z]+)(\d+)$/.exec(address) as RegExpExecArray;
        const cell = fake.findSheet(sheet)!.cells.get(+m[2])?.get(m[1].charCodeAt(0) - 64);
        return { fill: cell && cell.fill ? cell.fill.toUpperCase() : null, bold: !!(cell && cell.bold) };
      },
      page: (sheet) => {
        const p = fake.findSheet(sheet)!.page;
        const fits = p.zoom.horizontalFitToPages !== undefined || p.zoom.verticalFitToPages !== undefined;
        return {
          orientation: p.orientation === 'Landscape' ? 'landscape' : 'portrait',
          fit: fits ? [p.zoom.horizontalFitToPages || 0, p.zoom.verticalFitToPages || 0] : null,
          titleRows: p.printTitleRows,
        };
      },
    };
  },
};
