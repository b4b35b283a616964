/** The contract's driver for the WPS host (src/wps/host.ts) on the fake ET object model (tests/wps/fake-et.ts). */
import { createFakeEt } from '../wps/fake-et';
import { createWpsHost } from '../../src/wps/host';
import { Book, HostDriver, Opened } from './driver';

export const wpsDriver: HostDriver = {
  name: 'WPS',
  open(book: Book): Opened {
    const fake = createFakeEt({
      level: book.level,
      sheets: book.sheets.map((s) => ({
        name: s.name,
        rows: s.rows,
        formats: s.formats,
        page: s.page ? { ...(s.page.orientation ? { Orientation: 2 } : {}), ...(s.page.printArea ? { PrintArea: s.page.printArea } : {}) } : undefined,
      })),
      languageId: book.lang === 'en' ? 1033 : 2052,
      file: book.file ? { path: 'C:\\Users\\督查室\\Documents', name: book.file } : undefined,
    });
    const g = global as unknown as { Application?: unknown; wps?: unknown };
    g.Application = fake.root;
    g.wps = fake.root;
    return {
      host: createWpsHost(),
      sheetNames: () => fake.sheets.map((s) => s.name),
      value: (sheet, address) => fake.value(sheet, address),
      usedWidth: (sheet) => {
        let max = 0;
        fake.find(sheet).cells.forEach((row) => row.forEach((cell, c) => (max = cell.v !== '' ? Math.max(max, c + 1) : max)));
        return max;
      },
      selection: () => fake.selection,
      openedWorkbooks: () => fake.opened.length,
      page: (sheet) => {
        const p = fake.find(sheet).page;
        return {
          orientation: p.Orientation === 2 ? 'landscape' : 'portrait',
          fit: p.Zoom === false ? [Number(p.FitToPagesWide) || 0, p.FitToPagesTall === false ? 0 : Number(p.FitToPagesTall)] : null,
          titleRows: String(p.PrintTitleRows),
        };
      },
    };
  },
};
