/**
 * The seam between the pane and the spreadsheet it runs in. The pane (src/taskpane) talks only to a
 * Host; src/excel implements one over Office.js, and a WPS host (issue 21) can implement the same over
 * the ET object model. The calls are coarse, one per thing the pane does, and return Promises, so a
 * host batches as its API wants (Excel: one Excel.run and as few syncs as it can; WPS: synchronous
 * calls, resolved at once). What every host would compute alike (which columns and sheets are ours,
 * free sheet names, cell values and styles, link rectangles) is pure and lives beside this file.
 *
 * Pure types: no Office, WPS, DOM or Node names (tsconfig.core.json compiles src/host with none).
 */
import { AnnotationPlan, SheetSpec, Grid, Lang } from '../core';

/**
 * A feature a written sheet wanted and this host lacks (the pane words them in the user's language):
 * merges and column widths, data bars, freeze panes and hyperlinks, autofilter and print settings,
 * the order and number formats of a chart, the heights of merged rows; hyperlinksPastCap when
 * MAX_LINKS (links.ts) were written. Excel names the API set of each in src/excel.
 */
export type SkippedFeature =
  | 'merges' | 'columnWidths' | 'dataBars' | 'freezePanes' | 'hyperlinks' | 'hyperlinksPastCap' | 'autoFilter' | 'printSettings'
  | 'chartOrder' | 'chartFormats' | 'rowHeights' | 'charts';

export interface WriteSheetsReport {
  /** Round trips to the host (Excel's context.sync; 0 where calls are synchronous). */
  syncs: number;
  /** The worksheets written, in the order of the specs: a spec's own name, or the free name it took. */
  sheets: string[];
  /** Our sheets of an earlier run that were cleared and written again in place. */
  rewritten: string[];
  /** Specs whose name a sheet of the user's already had: that sheet was left alone, ours is `sheet`. */
  renamed: { name: string; sheet: string }[];
  /** Features skipped because this host lacks them, each once. */
  skipped: SkippedFeature[];
  /** The workbook's worksheets before the write, in tab order. */
  existing: string[];
}

export interface AnnotateReport {
  /** Round trips to the host. */
  syncs: number;
  /** Rows written, over all plans. */
  rows: number;
  /** The flag column's fills: 'conditional' (they follow the text if a user edits it) or 'static'. */
  fills: 'conditional' | 'static';
  /** Each plan's sheet, first column and width, in the order written. */
  sheets: { sheet: string; column: number; width: number }[];
}

/**
 * The spreadsheet program a host runs in. The pane says its name, its menus and what it lacks in that
 * program's own terms (src/taskpane/strings.ts keeps Excel's words and, per program, those that differ).
 */
export type HostApp = 'excel' | 'wps';

export type OpenResult = { status: 'opened' } | { status: 'not-supported'; reason: 'api' | 'no-builder' };

/**
 * What this host can do beyond the floor (ExcelApi 1.1 on Excel: src/excel/caps.ts asks
 * isSetSupported for each). The writers fall back where one is false; the pane reads createWorkbook.
 */
export interface Features {
  /** Merging cells; column widths. */
  merge: boolean;
  columnWidth: boolean;
  /** Asking for a sheet that may be missing without failing the whole batch. */
  nullObjects: boolean;
  /** Conditional formats: cell-value rules and data bars. */
  conditionalFormats: boolean;
  freezePanes: boolean;
  /** In-workbook hyperlinks on cells. */
  hyperlinks: boolean;
  /** Opening a built .xlsx as a new workbook. */
  createWorkbook: boolean;
  autoFilter: boolean;
  /** Paper, orientation, margins, headers and footers. */
  pageLayout: boolean;
}

/**
 * The workbook's own key-value store, saved with the file (Excel: Office.context.document.settings;
 * WPS: custom document properties or a defined name). It holds the pane's options and our marks
 * (settings.ts). Reads are synchronous (both hosts keep the store in memory); a write resolves true
 * when it was saved, false outside the host or on failure.
 */
export interface DocumentStore {
  /** The value saved under `key`, or null (absent, or no store here). */
  get(key: string): unknown;
  set(key: string, value: string): Promise<boolean>;
}

export interface Host {
  /** The program this host runs in, for the words the pane uses about it. */
  readonly app: HostApp;
  /**
   * Every worksheet as a Grid, in tab order, with our record of its added columns (Grid.ours); our own
   * summary sheets are not read. Each sheet named in `apart` is read on its own (it may be as large
   * as the ledger).
   */
  readWorkbook(apart?: string[]): Promise<Grid[]>;
  /** The worksheet names, in tab order. */
  sheetNames(): Promise<string[]>;
  /**
   * Writes each plan's added columns into its sheet, and nothing else, and records where they are.
   * `grids` are the ones the plans were made from (readWorkbook's): they carry the ledger's look.
   */
  annotate(plans: AnnotationPlan[], grids: Grid[]): Promise<AnnotateReport>;
  /** Writes SheetSpecs as sheets of this workbook: ours rewritten in place, a user's sheet never touched. */
  writeSheets(specs: SheetSpec[]): Promise<WriteSheetsReport>;
  /** Opens a built .xlsx (base64, built on demand) as a new workbook, where the host can. */
  openAsNewWorkbook(build: (() => Promise<string>) | null): Promise<OpenResult>;
  /** Activates the sheet and selects the cell (a finding's). */
  selectCell(sheet: string, address: string): Promise<void>;
  /** The workbook's store: options, our marks, the write consent (settings.ts reads and writes it). */
  readonly store: DocumentStore;
  features(): Features;
  /** The language the host displays: 'en' when it is English, else 'zh'. */
  language(): Lang;
  /** The language to show before the host answers, from the page address it opened (else 'zh'). */
  earlyLanguage(search: string): Lang;
  /**
   * Calls `ready` once the host answers (with false where the page runs outside it, so the pane
   * still renders); `onSilence` once if it has not answered after a while.
   */
  whenReady(ready: (inHost: boolean) => void, onSilence?: () => void): void;
  /** The workbook's file name, '' when the host does not say. */
  workbookName(): string;
}
