/**
 * An AnnotationPlan as cells, the same on every host: which columns it adds (four on the ledger: 期限状态,
 * 截止日期, 剩余天数, 检查意见; one 检查意见 on the other lists), their widths, the body's values and
 * number formats, the runs of the flag column's styles, and which rows get the ledger's look
 * (BodyLook, read with the grid) and borders.
 */
import { AnnotationPlan, CellValue, Grid, isoToSerial, cellText } from '../core';
import { HostValue, formatFor, isIsoDateText, toHostValue } from './cells';
import { emptyRecord } from './settings';

/** What each added column holds. */
export type AddedColumn = 'flag' | 'due' | 'days' | 'notes';

const KINDS: AddedColumn[] = ['flag', 'due', 'days', 'notes'];

/** Widths in characters, by kind. */
export const COLUMN_WIDTHS: Record<AddedColumn, number> = { flag: 10, due: 12, days: 9, notes: 48 };

/** The plan's columns, from its width: four on the ledger, one (检查意见) on the other lists. */
export function planColumns(plan: AnnotationPlan): AddedColumn[] {
  const width = plan.labels.length || (plan.values.length ? plan.values[0].length : 4);
  return width === 1 ? ['notes'] : KINDS.slice(0, Math.min(width, 4));
}

/** The body as host values and number formats: text '@', due date 'yyyy-mm-dd', days '0'. */
export function annotationBody(plan: AnnotationPlan): { values: HostValue[][]; formats: string[][] } {
  const kinds = planColumns(plan);
  const values: HostValue[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < plan.values.length; i++) {
    const src = plan.values[i];
    const vs: HostValue[] = [];
    const fs: string[] = [];
    for (let j = 0; j < kinds.length; j++) {
      const v: CellValue = src[j] === undefined ? null : src[j];
      if (kinds[j] === 'due') {
        vs.push(isIsoDateText(v) ? isoToSerial(v) : toHostValue(v));
        fs.push(isIsoDateText(v) ? 'yyyy-mm-dd' : formatFor(v, 'yyyy-mm-dd'));
      } else if (kinds[j] === 'days') {
        vs.push(toHostValue(v));
        fs.push(typeof v === 'string' ? '@' : '0');
      } else {
        // Text columns are always '@' (even when empty now: a later edit stays text too).
        vs.push(toHostValue(v));
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
  const seen = emptyRecord<boolean>();
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

/**
 * How the ledger's own body cells look, read with the grid (src/excel/read.ts), so that the added
 * columns can match them: the font and its size, the alignment and the borders. Not the colours: a
 * body row may be red for emphasis, and the flag column has colours of its own. Alignments and
 * border styles carry Excel's names (Center, Continuous, Thin); another host maps its own to them.
 */
export interface BodyLook {
  /** The sheet row of the probed cell. */
  row: number;
  fontName: string | null;
  fontSize: number | null;
  hAlign: string | null;
  vAlign: string | null;
  /** Each edge's border, or null when it has none. */
  borders: Record<BorderEdge, { style: string; weight: string; color: string } | null>;
}

export type BorderEdge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight';
export const BORDER_EDGES: BorderEdge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];

/** The border drawn on added item cells when no body cell was read: a thin black line. */
export const DEFAULT_BORDER = { style: 'Continuous', weight: 'Thin', color: '#000000' };

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

/**
 * The border to draw on the added item cells: the first edge the ledger's body cell has; a ledger
 * drawn without borders gets none (null); an unknown one (no look read) gets DEFAULT_BORDER.
 */
export function borderFor(look: BodyLook | null): { style: string; weight: string; color: string } | null {
  if (!look) return DEFAULT_BORDER;
  let border: { style: string; weight: string; color: string } | null = null;
  for (let i = 0; i < BORDER_EDGES.length && !border; i++) border = look.borders[BORDER_EDGES[i]];
  return border;
}

/** The header rows the added labels span: a two-row header's labels merge down over both. */
export function headerSpan(plan: AnnotationPlan): { top: number; bottom: number } {
  const rows = plan.headerRows.length ? plan.headerRows : [plan.headerRow];
  return { top: Math.min.apply(null, rows), bottom: Math.max.apply(null, rows) };
}

/**
 * A sheet's page setup as a host reads it (Excel's PageLayout, WPS's PageSetup), in one shape:
 * the orientation, the scale in percent (null where the sheet fits to pages instead), the print area
 * and print title rows and columns ('' for none).
 */
export interface PageLook {
  orientation: 'portrait' | 'landscape';
  scale: number | null;
  printArea: string;
  printTitleRows: string;
  printTitleColumns: string;
}

/**
 * Whether a host adds the plan's page setup (AnnotationPlan.pageSetup) to a sheet that looks like
 * `page`: only where the user chose nothing a host can see, that is portrait at 100%, no fit to pages,
 * no print area and no print titles (the checked copy of the CLI asks the same, src/xlsx/print.ts).
 */
export function wantsPageSetup(plan: AnnotationPlan, page: PageLook | null): boolean {
  if (!plan.pageSetup || !page) return false;
  return page.orientation === 'portrait' && page.scale === 100 && !page.printArea && !page.printTitleRows && !page.printTitleColumns;
}

/** The plan's header rows as print title rows: '$3:$4'. */
export function printTitleRows(plan: AnnotationPlan): string {
  const t = plan.pageSetup ? plan.pageSetup.titleRows : headerSpan(plan);
  return '$' + t.top + ':$' + t.bottom;
}
