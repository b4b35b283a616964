/**
 * SheetSpec -> exceljs worksheet. The Office.js host renders the same specs, so everything a summary
 * sheet looks like is decided in src/core/sheets.ts and only translated here.
 * Two writers share the translation: renderSheetSpec adds a sheet to an in-memory Workbook (a
 * ledger's checked copy, small workbooks); writeSpecsWorkbook streams new workbooks of any size.
 */
import ExcelJS from 'exceljs';
import { a1, parseA1 } from '../core/grid';
import { STYLES } from '../core/styles';
import { SheetSpec, SpecCell, StyleKey } from '../core/types';
import { applyCellStyle, argb, dxfStyle, excelStyle } from './style';
import { toExcelValue, writeAtomic } from './write';

/** A4 in the OOXML paperSize enumeration. */
const PAPER_A4 = 9;
/** exceljs's default column width, which it does not write out. */
const EXCELJS_DEFAULT_WIDTH = 9;

function topLeft(range: string): string {
  const first = range.split(':')[0];
  const p = parseA1(first);
  return a1(p.row, p.col);
}

/** Lower-cased sheet names, for link targets. */
type SheetNames = Record<string, boolean>;

function namesOf(names: string[]): SheetNames {
  const out: SheetNames = {};
  for (const n of names) out[n.toLowerCase()] = true;
  return out;
}

/**
 * A spec cell's exceljs value: an in-workbook hyperlink ("#'整改台账'!C12") when the cell has a link
 * and its target sheet is one of `names` (in this workbook); else the plain value. A link to a sheet
 * that is not in the file (the CLI summary's ledgers are other files) would be a broken link: none.
 */
function cellValue(cell: SpecCell, names: SheetNames): ExcelJS.CellValue {
  const link = cell.link;
  const v = cell.v;
  if (!link || !names[link.sheet.toLowerCase()] || (typeof v !== 'string' && typeof v !== 'number')) return toExcelValue(v);
  return {
    text: String(v),
    hyperlink: "#'" + link.sheet.replace(/'/g, "''") + "'!" + link.cell,
    tooltip: link.sheet + '!' + link.cell,
  };
}

interface Ordered {
  orderNo: number;
}

/** Freeze panes and print setup: options of addWorksheet in both writers. */
function sheetOptions(spec: SheetSpec): Partial<ExcelJS.AddWorksheetOptions> {
  const options: Partial<ExcelJS.AddWorksheetOptions> = {};
  if (spec.freeze && (spec.freeze.rows || spec.freeze.cols)) {
    options.views = [
      {
        state: 'frozen',
        xSplit: spec.freeze.cols,
        ySplit: spec.freeze.rows,
        topLeftCell: a1(spec.freeze.rows + 1, spec.freeze.cols + 1),
      },
    ];
  }
  if (spec.print) {
    const setup: Partial<ExcelJS.PageSetup> = {
      paperSize: PAPER_A4,
      orientation: spec.print.landscape ? 'landscape' : 'portrait',
    };
    if (spec.print.fitToWidth) {
      setup.fitToPage = true;
      setup.fitToWidth = 1;
      setup.fitToHeight = 0;
    }
    if (spec.print.repeatRows) setup.printTitlesRow = spec.print.repeatRows[0] + ':' + spec.print.repeatRows[1];
    options.pageSetup = setup;
  }
  return options;
}

/** The sheet-level parts that follow the cells: widths, autofilter, data bars and flag colour rules. */
function finishSheet(ws: ExcelJS.Worksheet, spec: SheetSpec): void {
  (spec.widths || []).forEach((w, j) => {
    // exceljs leaves out columns whose width equals its default (9), and Excel then shows its own
    // default (8.43): a hair more keeps the width the spec asked for.
    if (w) ws.getColumn(j + 1).width = w === EXCELJS_DEFAULT_WIDTH ? w + 0.01 : w;
  });
  if (spec.autoFilter) ws.autoFilter = spec.autoFilter;

  let priority = 1;
  for (const range of spec.dataBars || []) {
    const rule = {
      type: 'dataBar',
      priority: priority++,
      // Solid bars: exceljs writes them as an Excel 2010 (x14) data bar with its worksheet extension.
      // A gradient bar is written with an empty x14:id that points at nothing.
      gradient: false,
      cfvo: [
        { type: 'num', value: 0 },
        { type: 'num', value: 1 },
      ],
      color: { argb: argb('638EC6') },
    } as unknown as ExcelJS.ConditionalFormattingRule;
    ws.addConditionalFormatting({ ref: range, rules: [rule] });
  }
  for (const rule of spec.rules || []) {
    // An expression rule on the range's top-left cell (relative), so every cell compares its own text.
    const text = rule.textEquals.replace(/"/g, '""');
    ws.addConditionalFormatting({
      ref: rule.range,
      rules: [
        {
          type: 'expression',
          priority: priority++,
          formulae: ['TRIM(' + topLeft(rule.range) + ')="' + text + '"'],
          style: dxfStyle(STYLES[rule.style]),
        },
      ],
    });
  }
}

/** Writes `spec` as a new worksheet; a sheet of the same name is replaced, keeping its tab position. */
export function renderSheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const old = workbook.getWorksheet(spec.name);
  // orderNo is the tab position; exceljs keeps it on the worksheet but leaves it out of its types.
  const orderNo = old ? (old as unknown as Ordered).orderNo : undefined;
  if (old) workbook.removeWorksheet(old.id);

  // Links may go to the workbook's other sheets (a ledger's checked copy), never to this one.
  const names = namesOf(workbook.worksheets.map((w) => w.name).filter((n) => n.toLowerCase() !== spec.name.toLowerCase()));
  const ws = workbook.addWorksheet(spec.name, sheetOptions(spec));
  if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;

  spec.rows.forEach((row, i) => {
    row.forEach((cell, j) => {
      if (!cell) return;
      const target = ws.getCell(i + 1, j + 1);
      target.value = cellValue(cell, names);
      if (cell.s) applyCellStyle(target, STYLES[cell.s]);
    });
  });

  for (const range of spec.merges || []) ws.mergeCells(range);
  finishSheet(ws, spec);
  return ws;
}

/**
 * exceljs's streaming writer writes each data bar with a link to its Excel 2010 extension (an x14:id)
 * but never writes the extension, so the link is empty and points at nothing (exceljs issue #3015:
 * Excel may offer to repair such a file). Drop the empty link as the sheet's conditional formats are
 * written: what stays is the Excel 2007 data bar that every version reads. exceljs keeps this step in
 * a method of its own; without it (another exceljs), nothing is changed and the tests say so.
 */
const EMPTY_X14_LINK = /<extLst><ext uri="\{B025F937-C7B1-47D3-B67F-A62EFF666E3E\}"[^>]*><x14:id\/><\/ext><\/extLst>/g;

interface StreamingSheet {
  stream: { write(chunk: unknown): unknown };
  _writeConditionalFormatting?: () => void;
}

function dropEmptyX14Links(ws: unknown): void {
  const sheet = ws as StreamingSheet;
  const original = sheet._writeConditionalFormatting;
  if (typeof original !== 'function') return;
  sheet._writeConditionalFormatting = function (this: StreamingSheet) {
    const stream = this.stream;
    const write = stream.write;
    stream.write = (chunk: unknown) => write.call(stream, typeof chunk === 'string' ? chunk.replace(EMPTY_X14_LINK, '') : chunk);
    try {
      original.call(this);
    } finally {
      stream.write = write;
    }
  };
}

/**
 * Writes `specs` as a new workbook at `out` with exceljs's streaming writer: each row is written and
 * let go, so a summary of 50,000 items never holds a workbook in memory. The file is written beside
 * `out` under a temporary name and renamed over it, so `out` is never half written.
 */
export function writeSpecsWorkbook(specs: SheetSpec[], out: string): Promise<void> {
  return writeAtomic(out, async (tmp) => {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: tmp, useSharedStrings: true, useStyles: true });
    workbook.creator = 'Taizhang';
    // One style object per key: exceljs remembers the style id of an object it has seen.
    const styles: Partial<Record<StyleKey, Partial<ExcelJS.Style>>> = {};
    const styleOf = (key: StyleKey) => styles[key] || (styles[key] = excelStyle(STYLES[key]));
    // The new workbook holds only these sheets: a link to any other sheet is left out.
    const names = namesOf(specs.map((s) => s.name));
    for (const spec of specs) {
      const ws = workbook.addWorksheet(spec.name, sheetOptions(spec)) as unknown as ExcelJS.Worksheet;
      dropEmptyX14Links(ws);
      // The streaming writer merges through rows it has not written yet: merge first.
      for (const range of spec.merges || []) ws.mergeCells(range);
      finishSheet(ws, spec);
      spec.rows.forEach((cells, i) => {
        const row = ws.getRow(i + 1);
        cells.forEach((cell, j) => {
          if (!cell) return;
          const target = row.getCell(j + 1);
          target.value = cellValue(cell, names);
          if (cell.s) target.style = styleOf(cell.s);
        });
        row.commit();
      });
      (ws as unknown as { commit(): void }).commit();
    }
    await workbook.commit();
  });
}
