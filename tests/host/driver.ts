/**
 * What the host contract (contract.test.ts) needs of a host under test: a workbook built from a
 * plain description, the Host over it, and a look at the workbook afterwards. Each host brings a
 * driver over its own fake (excel-driver.ts: the fake Excel; a WPS host: a fake ET object model),
 * and the same table of cases runs on every driver.
 */
import { Host } from '../../src/host/host';

/** A cell as a workbook holds it: text, a number (a date is a serial with a date format) or a boolean. */
export type BookValue = string | number | boolean;

export interface BookSheet {
  name: string;
  /** Row-major from A1; null is an empty cell. */
  rows: (BookValue | null)[][];
  /** Number formats, same shape as rows (missing: General). */
  formats?: (string | null)[][];
  /** Cells the user filled ('#D9D9D9') and set in bold, by address. */
  fills?: { cell: string; color: string }[];
  /** A print setting the user chose (default: portrait at 100%, no print area). */
  page?: { orientation?: 'landscape'; printArea?: string };
}

/** A sheet's page setup as the contract compares it on every host. */
export interface PageState {
  orientation: 'portrait' | 'landscape';
  /** Pages wide and tall where the sheet fits to pages (0: as many as needed), null at a scale. */
  fit: [number, number] | null;
  /** The print title rows, '' for none. */
  titleRows: string;
}

export interface Book {
  sheets: BookSheet[];
  /**
   * 'floor': the oldest host the add-in supports (Excel: ExcelApi 1.1, no merges, conditional
   * formats, links or new workbooks); 'full': every feature there.
   */
  level: 'floor' | 'full';
  /** The host's display language (default zh). */
  lang?: 'zh' | 'en';
  /** The workbook's file name, when the host knows one. */
  file?: string;
}

export interface Opened {
  host: Host;
  /** The worksheet names, in tab order. */
  sheetNames(): string[];
  /** A cell's value as the workbook shows it; '' when empty. */
  value(sheet: string, address: string): BookValue;
  /** The last column (1-based) that holds a value on the sheet, 0 on an empty one. */
  usedWidth(sheet: string): number;
  /** The sheet and cell the user's selection is on, null before any. */
  selection(): { sheet: string; address: string } | null;
  /** How many workbooks the host opened as new ones. */
  openedWorkbooks(): number;
  /** A cell's fill ('#RRGGBB', null for none) and whether it is bold. */
  look(sheet: string, address: string): { fill: string | null; bold: boolean };
  /** The sheet's page setup as it now stands. */
  page(sheet: string): PageState;
}

export interface HostDriver {
  name: string;
  open(book: Book): Opened;
}
