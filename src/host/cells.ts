/**
 * The cells a host writes, as values, number formats and rectangles, the same on every host: text is
 * written as text ('@' first), dates as serials with a date format, styles as few rectangles as a
 * sweep finds. A host turns these into its own calls (src/excel: Range.values, numberFormat, format).
 */
import { CellValue, SheetSpec, StyleKey, STYLES, a1, cellText, isDateValue, rangeRef, isoToSerial } from '../core';

/** What a host takes as a cell's value: Office.js Range.values, WPS Value2. */
export type HostValue = string | number | boolean;

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/** A CellValue as a host takes it: dates become serials (their format says date), null clears. */
export function toHostValue(v: CellValue): HostValue {
  if (v === null || v === undefined) return '';
  if (isDateValue(v)) return isoToSerial(v.date);
  return v as HostValue;
}

/**
 * The number format a cell must carry BEFORE its value is written: text is '@' so that user text
 * starting with = + - @ stays text (a host parses it as a formula otherwise); dates get a date format.
 */
export function formatFor(v: CellValue, styleFormat?: string): string {
  if (typeof v === 'string') return '@';
  if (isDateValue(v)) return styleFormat && /[yd]/i.test(styleFormat) ? styleFormat : 'yyyy-mm-dd';
  return styleFormat || 'General';
}

/** Whether an ISO date string should be written as a date (the annotation's due column). */
export function isIsoDateText(v: CellValue): v is string {
  return typeof v === 'string' && ISO.test(v);
}

/** 'B2' or 'B2:D9' from 1-based corners. */
export function rangeAddress(r0: number, c0: number, r1: number, c1: number): string {
  const tl = a1(r0, c0);
  return r0 === r1 && c0 === c1 ? tl : tl + ':' + a1(r1, c1);
}

/** A border edge of a rectangle, by Excel's name (Excel.BorderIndex; VBA's xlEdgeTop, ...). */
export type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** The edges that draw every cell's border in a rows x cols rectangle: the inside lines only where there are two rows or columns. */
export function rectEdges(rows: number, cols: number): Edge[] {
  const edges: Edge[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'];
  if (rows > 1) edges.push('InsideHorizontal');
  if (cols > 1) edges.push('InsideVertical');
  return edges;
}

/** The light grey of a CellStyle's border (the written sheets' table lines). */
export const STYLE_BORDER_COLOR = '#BFBFBF';

/** The formula that makes a cell-value rule match text exactly: ="逾期" (quotes doubled). */
export function textEqualsFormula(text: string): string {
  return '="' + text.replace(/"/g, '""') + '"';
}

export interface StyleRect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
  style: StyleKey;
}

/**
 * The styled cells of a spec as few rectangles as a simple sweep finds: runs along each row, then
 * identical runs on consecutive rows stacked. A 20,000-row ledger sheet gives a handful per column.
 */
export function styleRects(spec: SheetSpec): StyleRect[] {
  const done: StyleRect[] = [];
  let open: Record<string, StyleRect> = {};
  for (let r = 0; r < spec.rows.length; r++) {
    const row = spec.rows[r] || [];
    const next: Record<string, StyleRect> = {};
    let c = 0;
    while (c < row.length) {
      const cell = row[c];
      const s = cell && cell.s;
      if (!s) {
        c++;
        continue;
      }
      let end = c;
      while (end + 1 < row.length && row[end + 1] && (row[end + 1] as { s?: StyleKey }).s === s) end++;
      const key = c + ':' + end + ':' + s;
      const prev = open[key];
      if (prev) {
        prev.r1 = r + 1;
        next[key] = prev;
        delete open[key];
      } else next[key] = { r0: r + 1, c0: c + 1, r1: r + 1, c1: end + 1, style: s };
      c = end + 1;
    }
    for (const k in open) done.push(open[k]);
    open = next;
  }
  for (const k in open) done.push(open[k]);
  return done;
}

/** Values and formats of a spec as full rectangles (width = its widest row). */
export function specMatrix(spec: SheetSpec): { values: HostValue[][]; formats: string[][]; width: number } {
  let width = 0;
  for (let i = 0; i < spec.rows.length; i++) width = Math.max(width, (spec.rows[i] || []).length);
  const values: HostValue[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < spec.rows.length; i++) {
    const row = spec.rows[i] || [];
    const vs: HostValue[] = [];
    const fs: string[] = [];
    for (let j = 0; j < width; j++) {
      const cell = row[j];
      const numFmt = cell && cell.s ? STYLES[cell.s].numFmt : undefined;
      vs.push(cell ? toHostValue(cell.v) : '');
      fs.push(cell ? formatFor(cell.v, numFmt) : 'General');
    }
    values.push(vs);
    formats.push(fs);
  }
  return { values, formats, width };
}

/** Cells of a rule's range whose text equals the rule's text, as vertical runs (static fallback). */
export function ruleCells(spec: SheetSpec, range: string, text: string): { r0: number; r1: number; c: number }[] {
  const at = rangeRef(range);
  if (!at) return [];
  const c0 = at.c1;
  const r0 = at.r1;
  const c1 = at.c2;
  const r1 = at.r2 > r0 ? Math.min(at.r2, spec.rows.length) : r0;
  const runs: { r0: number; r1: number; c: number }[] = [];
  for (let c = c0; c <= c1; c++) {
    let start = 0;
    for (let r = r0; r <= r1 + 1; r++) {
      const row = spec.rows[r - 1];
      const cell = r <= r1 && row ? row[c - 1] : null;
      const hit = !!cell && cellText(cell.v) === text;
      if (hit && !start) start = r;
      if (!hit && start) {
        runs.push({ r0: start, r1: r - 1, c });
        start = 0;
      }
    }
  }
  return runs;
}
