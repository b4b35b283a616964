/** The cells of SheetSpecs: text, numbers, dates, rates and in-workbook links. */
import { DateValue } from '../model/grid';
import { CheckedItem } from '../model/result';
import { SpecCell, SpecLink, StyleKey } from '../model/spec';
import { cellOf } from '../read/ledger';

export type Row = (SpecCell | null)[];

export function text(v: string, s: StyleKey = 'text'): SpecCell {
  return { v, s };
}

export function num(v: number | null, s: StyleKey = 'number'): SpecCell {
  return { v, s };
}

export function date(iso: string | null): SpecCell {
  const v: DateValue | null = iso ? { date: iso } : null;
  return { v, s: 'date' };
}

export function rate(v: number | null): SpecCell {
  return { v, s: 'percent' };
}

const A1_CELL = /^[A-Z]{1,3}[1-9]\d*$/;

/** `cell` with a link to `target` when the target is a plain A1 cell on a named sheet. */
export function linked(cell: SpecCell, target: SpecLink): SpecCell {
  return target.sheet && A1_CELL.test(target.cell) ? { v: cell.v, s: cell.s, link: target } : cell;
}

/** An item's cell in its ledger: its 整改措施 cell when that is on the item's sheet, else column A of its row. */
export function itemTarget(i: CheckedItem): SpecLink {
  const measureSheet = (i.cellSheets && i.cellSheets.measure) || i.sheet;
  const m = cellOf(i, 'measure');
  const cell = m && measureSheet === i.sheet && A1_CELL.test(m) ? m : 'A' + i.row;
  return { sheet: i.sheet, cell };
}
