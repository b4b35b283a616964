/**
 * Annotate in place: write each AnnotationPlan's added columns into its sheet. The ledger (task list)
 * gets four (期限状态, 截止日期, 剩余天数, 检查意见); in a three-list workbook the problem and
 * responsibility lists get one (检查意见) for the orphans found there. Only those columns are touched;
 * a plan already points at the earlier check's columns when there are some, so a re-check
 * overwrites rather than adds.
 *
 * One Excel.run and one sync for every plan together (more only when the payload passes ~4 MB): the
 * headers, each body as one 2-D array (formats first), and the fills. The flag column's fills are
 * conditional formats where ExcelApi 1.6 exists, so they follow the text if a user edits it; on 1.1
 * they are static fills per contiguous run. A notes-only column is filled statically ('bad' where a
 * note is) on every version: a note's text is free, so no text-equals rule can match it.
 *
 * The added body cells look like the ledger's own (read with the grid: read.ts BodyLook): its font,
 * size and alignment, and its borders on every added cell of an item row. 检查意见 wraps.
 * Row heights are never set or autofitted: a height the user fixed is theirs, and ExcelApi 1.1-1.7
 * cannot tell a fixed height from Excel's own, so heights are left to Excel.
 */
import { AnnotationPlan, CellStyle, CellValue, Grid, STYLES, isoToSerial, cellText } from '../core';
import { Batch, OfficeValue, charsToPoints, formatFor, isIsoDateText, rangeAddress, toOfficeValue, writeBlock } from './batch';
import { Capabilities, capabilities } from './caps';
import { addTextEqualsRule, applyStyle, hex } from './style';
import { recordColumnMarks } from './settings';
import { BORDER_EDGES, BodyLook, bodyLooks } from './read';

/** What each added column holds. */
export type AddedColumn = 'flag' | 'due' | 'days' | 'notes';

const KINDS: AddedColumn[] = ['flag', 'due', 'days', 'notes'];

/** Widths in characters, by kind. */
const WIDTHS: Record<AddedColumn, number> = { flag: 10, due: 12, days: 9, notes: 48 };

/** The plan's columns, from its width: four on the ledger, one (检查意见) on the other lists. */
export function planColumns(plan: AnnotationPlan): AddedColumn[] {
  const width = plan.labels.length || (plan.values.length ? plan.values[0].length : 4);
  return width === 1 ? ['notes'] : KINDS.slice(0, Math.min(width, 4));
}

export interface AnnotateReport {
  syncs: number;
  /** Rows written, over all plans. */
  rows: number;
  /** 'conditional' (ExcelApi 1.6) or 'static' fills of the flag column. */
  fills: 'conditional' | 'static';
  /** Each plan's sheet, first column and width, in the order written. */
  sheets: { sheet: string; column: number; width: number }[];
}

/** The body as Office values and number formats: text '@', due date 'yyyy-mm-dd', days '0'. */
export function annotationBody(plan: AnnotationPlan): { values: OfficeValue[][]; formats: string[][] } {
  const kinds = planColumns(plan);
  const values: OfficeValue[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < plan.values.length; i++) {
    const src = plan.values[i];
    const vs: OfficeValue[] = [];
    const fs: string[] = [];
    for (let j = 0; j < kinds.length; j++) {
      const v: CellValue = src[j] === undefined ? null : src[j];
      if (kinds[j] === 'due') {
        vs.push(isIsoDateText(v) ? isoToSerial(v) : toOfficeValue(v));
        fs.push(isIsoDateText(v) ? 'yyyy-mm-dd' : formatFor(v, 'yyyy-mm-dd'));
      } else if (kinds[j] === 'days') {
        vs.push(toOfficeValue(v));
        fs.push(typeof v === 'string' ? '@' : '0');
      } else {
        // Text columns are always '@' (even when empty now: a later edit stays text too).
        vs.push(toOfficeValue(v));
        fs.push('@');
      }
    }
    values.push(vs);
    formats.push(fs);
  }
  return { values, formats };
}

/** Contiguous runs of one style in the flag column: [{from, to, style}] as indexes into plan rows. */
export function styleRuns(styles: AnnotationPlan['styles']): { from: number; to: number; style: 'good' | 'neutral' | 'bad' }[] {
  const runs: { from: number; to: number; style: 'good' | 'neutral' | 'bad' }[] = [];
  for (let i = 0; i < styles.length; i++) {
    const s = styles[i];
    if (!s) continue;
    const last = runs[runs.length - 1];
    if (last && last.style === s && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i, style: s });
  }
  return runs;
}

/** The distinct (flag label -> style) pairs of the plan, for one rule per label. */
export function labelStyles(plan: AnnotationPlan): { text: string; style: 'good' | 'neutral' | 'bad' }[] {
  const seen: Record<string, boolean> = {};
  const out: { text: string; style: 'good' | 'neutral' | 'bad' }[] = [];
  for (let i = 0; i < plan.styles.length; i++) {
    const s = plan.styles[i];
    const text = plan.values[i] ? plan.values[i][0] : null;
    if (!s || typeof text !== 'string' || seen[text]) continue;
    seen[text] = true;
    out.push({ text, style: s });
  }
  return out;
}

/** True for a plan row that is an item (it has something in one of the added columns). */
function isItemRow(plan: AnnotationPlan, i: number): boolean {
  const v = plan.values[i];
  if (!v) return false;
  for (let j = 0; j < v.length; j++) if (v[j] !== null && v[j] !== undefined && v[j] !== '') return true;
  return false;
}

/**
 * The rows whose added cells get borders: on the ledger, its item rows (they have a flag); on
 * another list (one 检查意见 column, filled only where a note is), every row of the list that has
 * something in its own columns.
 */
function borderedRow(plan: AnnotationPlan, grid: Grid | null, i: number): boolean {
  if (plan.labels.length !== 1 || !grid) return isItemRow(plan, i);
  if (isItemRow(plan, i)) return true;
  const row = grid.rows[plan.firstRow + i - (grid.top || 1)];
  if (!row) return false;
  const left = grid.left || 1;
  for (let c = left; c < plan.column && c - left < row.length; c++) if (cellText(row[c - left]) !== '') return true;
  return false;
}

/** Contiguous runs of bordered rows (see borderedRow), as indexes into the plan's rows. */
export function itemRuns(plan: AnnotationPlan, grid: Grid | null = null): { from: number; to: number }[] {
  const runs: { from: number; to: number }[] = [];
  for (let i = 0; i < plan.values.length; i++) {
    if (!borderedRow(plan, grid, i)) continue;
    const last = runs[runs.length - 1];
    if (last && last.to === i - 1) last.to = i;
    else runs.push({ from: i, to: i });
  }
  return runs;
}

/**
 * The look to copy: the first probed cell that sits on one of the plan's item rows (a body cell of
 * the ledger), or null when none does (the probes missed the body, or the sheet was read another way).
 */
export function pickLook(plan: AnnotationPlan, looks: BodyLook[], grid: Grid | null = null): BodyLook | null {
  for (let i = 0; i < looks.length; i++) {
    const k = looks[i].row - plan.firstRow;
    if (k >= 0 && k < plan.values.length && borderedRow(plan, grid, k)) return looks[i];
  }
  return null;
}

/** The border drawn on added item cells when no body cell was read: Excel's thin black line. */
const DEFAULT_BORDER = { style: 'Continuous', weight: 'Thin', color: '#000000' };

/**
 * The ledger's look on the added body cells: font, size and alignment over the whole body,
 * and borders around and between the added cells of each run of item rows. Borders an earlier
 * check drew inside our block go first. The block's outer edges are shared with cells that are not
 * ours (the ledger's last column on the left, a user's column on the right, our header above), so
 * they are only ever drawn, never cleared.
 */
async function queueLook(batch: Batch, ws: Excel.Worksheet, plan: AnnotationPlan, width: number, look: BodyLook | null, grid: Grid | null): Promise<void> {
  const col = plan.column;
  const lastCol = col + width - 1;
  const body = ws.getRange(rangeAddress(plan.firstRow, col, plan.lastRow, lastCol));
  await batch.room(600);
  if (look) {
    const f = body.format;
    if (look.fontName) f.font.name = look.fontName;
    if (look.fontSize) f.font.size = look.fontSize;
    if (look.hAlign) f.horizontalAlignment = look.hAlign as Excel.HorizontalAlignment;
    if (look.vAlign) f.verticalAlignment = look.vAlign as Excel.VerticalAlignment;
  }
  const inner = ['InsideHorizontal', 'EdgeBottom'].concat(width > 1 ? ['InsideVertical'] : []);
  for (let i = 0; i < inner.length; i++) body.format.borders.getItem(inner[i] as Excel.BorderIndex).style = 'None';
  // A ledger drawn without borders gets none; an unknown one gets thin lines.
  let border: { style: string; weight: string; color: string } | null = DEFAULT_BORDER;
  if (look) {
    border = null;
    for (let i = 0; i < BORDER_EDGES.length && !border; i++) border = look.borders[BORDER_EDGES[i]];
  }
  if (!border) return;
  const edges = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal'].concat(width > 1 ? ['InsideVertical'] : []);
  const runs = itemRuns(plan, grid);
  for (let r = 0; r < runs.length; r++) {
    await batch.room(120 * edges.length);
    const range = ws.getRange(rangeAddress(plan.firstRow + runs[r].from, col, plan.firstRow + runs[r].to, lastCol));
    for (let i = 0; i < edges.length; i++) {
      // A one-row run has no inside horizontal border to draw.
      if (edges[i] === 'InsideHorizontal' && runs[r].from === runs[r].to) continue;
      const b = range.format.borders.getItem(edges[i] as Excel.BorderIndex);
      b.style = border.style as Excel.BorderLineStyle;
      b.weight = border.weight as Excel.BorderWeight;
      b.color = border.color;
    }
  }
}

/** Queues one plan's writes on its sheet (no sync of its own beyond the payload budget). */
async function queuePlan(batch: Batch, ctx: Excel.RequestContext, plan: AnnotationPlan, caps: Capabilities, grid: Grid | null): Promise<number> {
  const look = grid ? pickLook(plan, bodyLooks(grid), grid) : null;
  const ws = ctx.workbook.worksheets.getItem(plan.sheet);
  const kinds = planColumns(plan);
  const width = kinds.length;
  const col = plan.column;
  const lastCol = col + width - 1;
  const labels: string[] = [];
  const textFormats: string[] = [];
  for (let i = 0; i < width; i++) {
    labels.push(plan.labels[i] === undefined ? '' : String(plan.labels[i]));
    textFormats.push('@');
  }

  // Header labels: text format first, then the values.
  await batch.room(JSON.stringify(labels).length * 2 + 400);
  const head = ws.getRange(rangeAddress(plan.headerRow, col, plan.headerRow, lastCol));
  head.numberFormat = [textFormats];
  head.values = [labels];
  applyStyle(head, STYLES.header, 1, width);
  const headerTop = Math.min.apply(null, plan.headerRows.length ? plan.headerRows : [plan.headerRow]);
  const headerBottom = Math.max.apply(null, plan.headerRows.length ? plan.headerRows : [plan.headerRow]);
  if (caps.merge && headerBottom > headerTop && plan.headerRow === headerTop) {
    // ExcelApi 1.2: merge each label down over a two-row header, like the ledger's own.
    for (let c = col; c <= lastCol; c++) ws.getRange(rangeAddress(headerTop, c, headerBottom, c)).merge(false);
  }
  if (caps.columnWidth) {
    // ExcelApi 1.2: widths in points.
    for (let i = 0; i < width; i++) ws.getRange(rangeAddress(headerTop, col + i, headerTop, col + i)).format.columnWidth = charsToPoints(WIDTHS[kinds[i]]);
  }

  const rows = plan.lastRow - plan.firstRow + 1;
  if (rows <= 0 || !plan.values.length) return 0;
  const body = annotationBody(plan);
  await writeBlock(batch, ws, plan.firstRow, col, body.values, body.formats);
  await queueLook(batch, ws, plan, width, look, grid);
  const notesAt = kinds.indexOf('notes');
  if (notesAt >= 0) ws.getRange(rangeAddress(plan.firstRow, col + notesAt, plan.lastRow, col + notesAt)).format.wrapText = true;

  // The styled column is the first: the flag label, or the note itself on a notes-only plan.
  const styled = ws.getRange(rangeAddress(plan.firstRow, col, plan.lastRow, col));
  // Earlier static fills (a check on ExcelApi 1.1, or an orphan since fixed) go; the colour comes from what follows.
  styled.format.fill.clear();
  styled.format.font.color = '#000000';
  if (kinds[0] === 'flag' && caps.conditionalFormats) {
    // ExcelApi 1.6: one rule per flag label over the column; cleared first so a re-check adds none.
    styled.conditionalFormats.clearAll();
    const pairs = labelStyles(plan);
    for (let i = 0; i < pairs.length; i++) addTextEqualsRule(styled, pairs[i].text, STYLES[pairs[i].style]);
  } else {
    // Static fills, one range per contiguous run of a style (ExcelApi 1.1 fallback for flags).
    const runs = styleRuns(plan.styles);
    for (let i = 0; i < runs.length; i++) {
      await batch.room(160);
      const r = runs[i];
      const style: CellStyle = STYLES[r.style];
      const range = ws.getRange(rangeAddress(plan.firstRow + r.from, col, plan.firstRow + r.to, col));
      if (style.fill) range.format.fill.color = hex(style.fill);
      if (style.color) range.format.font.color = hex(style.color);
    }
  }
  return rows;
}

/**
 * Every plan of a check in one Excel.run and one batch: the sync count does not grow with the rows
 * or with the number of plans (only a payload past ~4 MB adds a sync). `grids` are the ones the
 * plans were made from (readWorkbook's), which carry the ledger's look.
 */
export function annotateAll(plans: AnnotationPlan[], grids: Grid[] = []): Promise<AnnotateReport> {
  const caps = capabilities();
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    let rows = 0;
    const sheets: AnnotateReport['sheets'] = [];
    for (let i = 0; i < plans.length; i++) {
      const grid = grids.filter((g) => g.name === plans[i].sheet)[0] || null;
      rows += await queuePlan(batch, ctx, plans[i], caps, grid);
      sheets.push({ sheet: plans[i].sheet, column: plans[i].column, width: planColumns(plans[i]).length });
    }
    await batch.room(1);
    await batch.flush();
    await recordColumnMarks(sheets);
    return { syncs: batch.syncs, rows, fills: caps.conditionalFormats ? 'conditional' : 'static', sheets };
  });
}

/** One plan (the ledger's): the same single round trip. */
export function annotate(plan: AnnotationPlan, grids: Grid[] = []): Promise<AnnotateReport> {
  return annotateAll([plan], grids);
}
