/**
 * Writing back with exceljs. The ledger sheet only ever gains the four columns of an AnnotationPlan;
 * no other cell is touched. Summary sheets are rendered from SheetSpecs (spec.ts).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { isDateValue } from '../core/grid';
import { STYLES } from '../core/styles';
import { AnnotationPlan, CellStyle, CellValue } from '../core/types';
import { applyCellStyle, StyleCache } from './style';

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

/** What each added column holds, by the plan's width: the ledger's four, or 检查意见 alone on another list. */
type AddedKind = 'flag' | 'date' | 'days' | 'notes';
const KINDS_4: AddedKind[] = ['flag', 'date', 'days', 'notes'];
/** Widths in characters. */
const WIDTHS: Record<AddedKind, number> = { flag: 11, date: 12, days: 9, notes: 42 };

function cloneStyle(style: Partial<ExcelJS.Style> | undefined): Partial<ExcelJS.Style> | undefined {
  // exceljs shares style objects between cells; a copy keeps a later edit from leaking back.
  return style && Object.keys(style).length ? (JSON.parse(JSON.stringify(style)) as Partial<ExcelJS.Style>) : undefined;
}

/**
 * Applies the plan to `ws`. Only the plan's rectangle (and its header cells) is written.
 * Returns the number of data rows written.
 */
export function applyAnnotation(ws: ExcelJS.Worksheet, plan: AnnotationPlan): number {
  const col = plan.column;
  const width = plan.labels.length;
  const kinds: AddedKind[] = width === 4 ? KINDS_4 : new Array<AddedKind>(width).fill('notes');
  const headerRows = plan.headerRows.length ? plan.headerRows : [plan.headerRow];
  const topHeader = Math.min(...headerRows);
  const bottomHeader = Math.max(...headerRows);
  const mergeDown = bottomHeader > topHeader;
  const labelRow = mergeDown ? topHeader : plan.headerRow;

  // The header cells look like the ledger's own header: copy the style of the cell to the left.
  const neighbour = col > 1 ? cloneStyle(ws.getCell(labelRow, col - 1).style) : undefined;
  for (let j = 0; j < width; j++) {
    const cell = ws.getCell(labelRow, col + j);
    cell.value = plan.labels[j];
    if (neighbour) cell.style = cloneStyle(neighbour) as Partial<ExcelJS.Style>;
    else applyCellStyle(cell, STYLES.header);
    if (mergeDown) {
      const below = ws.getCell(bottomHeader, col + j);
      if (!cell.isMerged && !below.isMerged) ws.mergeCells(labelRow, col + j, bottomHeader, col + j);
    }
  }

  const styles = new StyleCache();
  const EMPTY: Partial<ExcelJS.Style> = {};
  const notesFlag: Record<string, CellStyle> = {};
  const styleFor = (kind: AddedKind, j: number, flagStyle: 'good' | 'neutral' | 'bad' | null): Partial<ExcelJS.Style> => {
    if (j === 0 && flagStyle) {
      if (kind !== 'notes') return styles.get(STYLES[flagStyle]);
      notesFlag[flagStyle] = notesFlag[flagStyle] || { ...STYLES[flagStyle], wrap: true };
      return styles.get(notesFlag[flagStyle]);
    }
    if (kind === 'flag') return styles.get(STYLES.text);
    if (kind === 'date') return styles.get(STYLES.date);
    if (kind === 'days') return styles.get(STYLES.number);
    return styles.get(STYLES.wrap);
  };
  for (let r = plan.firstRow; r <= plan.lastRow; r++) {
    const i = r - plan.firstRow;
    const values = plan.values[i] || [];
    const flagStyle = plan.styles[i] || null;
    const row = ws.getRow(r);
    for (let j = 0; j < width; j++) {
      const v = values[j];
      const empty = v === null || v === undefined;
      if (empty) {
        // Nothing of ours goes there (a non-item row, an item without notes). Clear what an earlier
        // check left, if anything; creating cells that stay empty would only bloat a big ledger.
        const old = row.findCell(col + j);
        if (old) {
          old.value = null;
          old.style = EMPTY;
        }
        continue;
      }
      const cell = row.getCell(col + j);
      cell.value = toExcelValue(v as CellValue);
      cell.style = styleFor(kinds[j], j, flagStyle);
    }
  }

  for (let j = 0; j < width; j++) ws.getColumn(col + j).width = WIDTHS[kinds[j]];
  return plan.lastRow - plan.firstRow + 1;
}

/**
 * Writes to a temporary file beside `out`, then renames it over `out`: a crash or a full disk never
 * leaves a half-written workbook under the user's chosen name.
 */
export async function writeAtomic(out: string, write: (tmp: string) => Promise<void>): Promise<void> {
  const target = path.resolve(out);
  const tmp = path.join(path.dirname(target), '.' + path.basename(target) + '.' + process.pid + '.tmp');
  try {
    await write(tmp);
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

export function writeWorkbookAtomic(workbook: ExcelJS.Workbook, out: string): Promise<void> {
  return writeAtomic(out, (tmp) => workbook.xlsx.writeFile(tmp));
}
