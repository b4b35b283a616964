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
    // Fills as VBA's Color (0xBBGGRR), bold.
    for (const s of book.sheets) {
      for (const f of s.fills || []) {
        const cell = fake.cell(s.name, f.cell);
        const rgb = parseInt(f.color.slice(1), 16);
        cell.fill = ((rgb & 0xff) << 16) | (rgb & 0xff00) | (rgb >> 16);
        cell.bold = true;
      }
    }
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
      look: (sheet, address) => {
        const cell = fake.cell(sheet, address);
        if (cell.fill === undefined) return { fill: null, bold: !!cell.bold };
        const bgr = cell.fill;
        const hex = (((bgr & 0xff) << 16) | (bgr & 0xff00) | (bgr >> 16)).toString(16).toUpperCase();
        return { fill: '#' + ('000000' + hex).slice(-6), bold: !!cell.bold };
      },
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
