/**
 * Writing back with exceljs. The ledger sheet only ever gains the four columns of an AnnotationPlan;
 * no other cell is touched. Summary sheets are rendered from SheetSpecs (spec.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isDateValue } from '../core/grid';
import { STYLES } from '../core/styles';
import { AnnotationPlan, CellValue } from '../core/types';
import { applyCellStyle } from './style';

/**
 * A Grid value as an exceljs value. Strings stay strings: exceljs only writes a formula for a
 * {formula} object, so text such as "=领导批示" or "-" is stored as a shared string, never run.
 */
export function toExcelValue(v: CellValue): ExcelJS.CellValue {
  if (v === null || v === undefined) return null;
  if (isDateValue(v)) {
    const [y, m, d] = v.date.split('-').map(Number);
    return new Date(Date.UTC(y, m - 1, d));
  }
  return v as string | number | boolean;
}

/** Widths of 期限状态, 截止日期, 剩余天数, 检查意见, in characters. */
const ADDED_WIDTHS = [11, 12, 9, 42];

function cloneStyle(style: Partial<ExcelJS.Style> | undefined): Partial<ExcelJS.Style> | undefined {
  // exceljs shares style objects between cells; a copy keeps a later edit from leaking back.
  return style && Object.keys(style).length ? (JSON.parse(JSON.stringify(style)) as Partial<ExcelJS.Style>) : undefined;
}

/** Applies the plan to `ws` (the ledger sheet). Returns the number of data rows written. */
export function applyAnnotation(ws: ExcelJS.Worksheet, plan: AnnotationPlan): number {
  const col = plan.column;
  const headerRows = plan.headerRows.length ? plan.headerRows : [plan.headerRow];
  const topHeader = Math.min(...headerRows);
  const bottomHeader = Math.max(...headerRows);
  const mergeDown = bottomHeader > topHeader;
  const labelRow = mergeDown ? topHeader : plan.headerRow;

  // The header cells look like the ledger's own header: copy the style of the cell to the left.
  const neighbour = col > 1 ? cloneStyle(ws.getCell(labelRow, col - 1).style) : undefined;
  for (let i = 0; i < plan.labels.length; i++) {
    const cell = ws.getCell(labelRow, col + i);
    cell.value = plan.labels[i];
    if (neighbour) cell.style = cloneStyle(neighbour) as Partial<ExcelJS.Style>;
    else applyCellStyle(cell, STYLES.header);
    if (mergeDown) {
      const below = ws.getCell(bottomHeader, col + i);
      if (!cell.isMerged && !below.isMerged) ws.mergeCells(labelRow, col + i, bottomHeader, col + i);
    }
  }

  for (let r = plan.firstRow; r <= plan.lastRow; r++) {
    const i = r - plan.firstRow;
    const values = plan.values[i] || [null, null, null, null];
    const isItem = values.some((v) => v !== null && v !== undefined);
    for (let j = 0; j < 4; j++) {
      const cell = ws.getCell(r, col + j);
      cell.value = toExcelValue(values[j] === undefined ? null : values[j]);
      if (!isItem) {
        cell.style = {};
        continue;
      }
      if (j === 0) applyCellStyle(cell, STYLES[plan.styles[i] || 'text']);
      else if (j === 1) applyCellStyle(cell, STYLES.date);
      else if (j === 2) applyCellStyle(cell, STYLES.number);
      else applyCellStyle(cell, STYLES.wrap);
    }
  }

  for (let j = 0; j < 4; j++) ws.getColumn(col + j).width = ADDED_WIDTHS[j];
  return plan.lastRow - plan.firstRow + 1;
}

/**
 * Writes to a temporary file beside `out`, then renames it over `out`: a crash or a full disk never
 * leaves a half-written workbook under the user's chosen name.
 */
export async function writeWorkbookAtomic(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  const target = path.resolve(out);
  const tmp = path.join(path.dirname(target), '.' + path.basename(target) + '.' + process.pid + '.tmp');
  try {
    await workbook.xlsx.writeFile(tmp);
    fs.renameSync(tmp, target);
  } catch (e) {
    try {
      fs.unlinkSync(tmp);
    } catch {
      /* nothing was written */
    }
    throw e;
  }
}
