/**
 * Which sheets are ours, and where each written spec goes. Never touch what is not ours
 * (docs/deploy.md): our sheets are the ones we created, as recorded in the workbook's store
 * (settings.ts SheetMarks). A re-run rewrites each of ours in place; a sheet of the same name that we
 * did not create is never a target: ours takes a free name (总览 (2)) and keeps it from then on.
 * (Our columns are recorded the same way, settings.ts ColumnMarks, and found by core/ours.ts.)
 */
import { SheetSpec } from '../core';
import { SheetMarks, emptyRecord, ourSheetNames } from './settings';

/** The longest sheet name Excel (and WPS) takes. */
export const MAX_SHEET_NAME = 31;

/** `name`, or `name (2)`, `name (3)`, ... : the first that no sheet in `taken` (lower-cased) has. */
export function freeSheetName(name: string, taken: Record<string, boolean>): string {
  if (!taken[name.toLowerCase()]) return name;
  for (let n = 2; ; n++) {
    const suffix = ' (' + n + ')';
    const candidate = name.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (!taken[candidate.toLowerCase()]) return candidate;
  }
}

/** Where each spec goes: our recorded sheet (rewritten), its own name when free, or a free name. */
export interface SheetTarget {
  spec: SheetSpec;
  sheet: string;
  rewrite: boolean;
}

/**
 * The worksheet for each spec, given the workbook's sheet names and our record of the sheets we
 * created. A sheet we did not create is never a target, whatever its name.
 */
export function planTargets(specs: SheetSpec[], existing: string[], marks: SheetMarks): SheetTarget[] {
  const byLower = emptyRecord<string>();
  existing.forEach((n) => (byLower[n.toLowerCase()] = n));
  const taken = emptyRecord<boolean>();
  existing.forEach((n) => (taken[n.toLowerCase()] = true));
  const claimed = emptyRecord<boolean>();
  return specs.map((spec) => {
    const recorded = Object.prototype.hasOwnProperty.call(marks, spec.name) ? marks[spec.name] : null;
    const mine = recorded ? byLower[recorded.toLowerCase()] : undefined;
    if (mine && !claimed[mine.toLowerCase()]) {
      claimed[mine.toLowerCase()] = true;
      return { spec, sheet: mine, rewrite: true };
    }
    const sheet = freeSheetName(spec.name, taken);
    taken[sheet.toLowerCase()] = true;
    claimed[sheet.toLowerCase()] = true;
    return { spec, sheet, rewrite: false };
  });
}

/** The worksheets our record names, each once (a rewrite clears what an earlier run drew on them). */
export function recordedSheets(marks: SheetMarks): string[] {
  const names: string[] = [];
  for (const k in marks) if (Object.prototype.hasOwnProperty.call(marks, k) && names.indexOf(marks[k]) < 0) names.push(marks[k]);
  return names;
}

/** The record after a write: the earlier one, with each written spec's sheet. */
export function marksAfter(marks: SheetMarks, targets: SheetTarget[]): SheetMarks {
  const recorded: SheetMarks = {};
  for (const k in marks) if (Object.prototype.hasOwnProperty.call(marks, k)) recorded[k] = marks[k];
  targets.forEach((x) => (recorded[x.spec.name] = x.sheet));
  return recorded;
}

/**
 * The sheets to read, in tab order, in groups of one round trip each: our own sheets are left out
 * (an earlier 汇总台账 repeats every item and is never a ledger; a user's sheet that merely has its
 * name is read), and each sheet named in `apart` (the earlier version of 对比上期, as large as the
 * ledger) goes alone after the rest.
 */
export function readPlan(sheets: string[], marks: SheetMarks, apart: string[]): { names: string[]; groups: string[][] } {
  const ours = ourSheetNames(marks);
  const names = sheets.filter((n) => !ours[n.toLowerCase()]);
  const alone = emptyRecord<boolean>();
  apart.forEach((n) => (alone[n.toLowerCase()] = true));
  const groups: string[][] = [names.filter((n) => !alone[n.toLowerCase()])];
  names.forEach((n) => alone[n.toLowerCase()] && groups.push([n]));
  return { names, groups };
}
