/**
 * In-workbook links of a written sheet (SpecLink: a summary row's 行号 or 单元格 pointing at the
 * ledger's cell): which cells get one, what each points at, and how many a write may carry.
 */
import { SheetSpec, SpecLink, quoteSheet } from '../core';
import { SheetMarks, emptyRecord } from './settings';

/**
 * The most hyperlinks one writeSheets queues. Each is a range and a property set (~300 bytes), so
 * links on every row of a 20,000-item summary (~35,000 cells) would add ~10 MB, three syncs more on
 * Excel; capped they add ~0.6 MB, which leaves the syncs as they were up to ~12,000 items (measured
 * with the fake). The sheets come in order, so 逾期临期 and 检查问题 are linked first, then 汇总台账.
 * Past the cap a row keeps its 行号 / 单元格 text, which always says where the item is.
 */
export const MAX_LINKS = 2000;

/** A sheet name as a reference takes it: always quoted, a quote inside doubled ('It''s'!A1). */

/** The reference of an in-workbook link: "'整改台账'!C12". */
export function linkReference(link: SpecLink): string {
  return quoteSheet(link.sheet) + '!' + link.cell;
}

/** Whether any cell of the specs carries a link. */
export function anyLinks(specs: SheetSpec[]): boolean {
  return specs.some((s) => s.rows.some((r) => !!r && r.some((c) => !!(c && c.link))));
}

/**
 * The sheets a link may point at (lower-cased): the sheets there were, except ours (recorded, or
 * being written now).
 */
export function linkTargets(existing: string[], marks: SheetMarks, written: string[]): Record<string, boolean> {
  const t = emptyRecord<boolean>();
  existing.forEach((n) => (t[n.toLowerCase()] = true));
  for (const k in marks) if (Object.prototype.hasOwnProperty.call(marks, k)) delete t[String(marks[k]).toLowerCase()];
  written.forEach((sheet) => delete t[sheet.toLowerCase()]);
  return t;
}

/** The linked cells of a spec whose target is one of `targets` (lower-cased sheet names). */
export function specLinks(spec: SheetSpec, targets: Record<string, boolean>): { row: number; col: number; link: SpecLink; text: string | null }[] {
  const out: { row: number; col: number; link: SpecLink; text: string | null }[] = [];
  for (let i = 0; i < spec.rows.length; i++) {
    const row = spec.rows[i] || [];
    for (let j = 0; j < row.length; j++) {
      const cell = row[j];
      if (!cell || !cell.link || !targets[cell.link.sheet.toLowerCase()]) continue;
      out.push({ row: i + 1, col: j + 1, link: cell.link, text: typeof cell.v === 'string' ? cell.v : null });
    }
  }
  return out;
}
