/**
 * SheetSpec -> exceljs worksheet. The Office.js host renders the same specs, so everything a summary
 * sheet looks like is decided in src/core/sheets.ts and only translated here.
 */
import ExcelJS from 'exceljs';
import { a1, parseA1 } from '../core/grid';
import { STYLES } from '../core/styles';
import { SheetSpec } from '../core/types';
import { applyCellStyle, argb, dxfStyle } from './style';
import { toExcelValue } from './write';

/** A4 in the OOXML paperSize enumeration. */
const PAPER_A4 = 9;
/** exceljs's default column width, which it does not write out. */
const EXCELJS_DEFAULT_WIDTH = 9;

function topLeft(range: string): string {
  const first = range.split(':')[0];
  const p = parseA1(first);
  return a1(p.row, p.col);
}

interface Ordered {
  orderNo: number;
}

/** Writes `spec` as a new worksheet; a sheet of the same name is replaced, keeping its tab position. */
export function renderSheetSpec(workbook: ExcelJS.Workbook, spec: SheetSpec): ExcelJS.Worksheet {
  const old = workbook.getWorksheet(spec.name);
  // orderNo is the tab position; exceljs keeps it on the worksheet but leaves it out of its types.
  const orderNo = old ? (old as unknown as Ordered).orderNo : undefined;
  if (old) workbook.removeWorksheet(old.id);

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
  const ws = workbook.addWorksheet(spec.name, options);
  if (orderNo !== undefined) (ws as unknown as Ordered).orderNo = orderNo;

  spec.rows.forEach((row, i) => {
    row.forEach((cell, j) => {
      if (!cell) return;
      const target = ws.getCell(i + 1, j + 1);
      target.value = toExcelValue(cell.v);
      if (cell.s) applyCellStyle(target, STYLES[cell.s]);
    });
  });

  for (const range of spec.merges || []) ws.mergeCells(range);
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
  return ws;
}
