/**
 * The annotation plan, pure: CheckResult -> the four columns added to the ledger sheet (期限状态, 截止日期, 剩余天数, 检查意见).
 * They go after the last column anything on the sheet uses; a re-check finds them by the rule of
 * core/read/ours.ts (the exact run of our labels, or the host's record) and writes the same rectangle
 * again, so nothing is ever duplicated, and no original cell, nor a user's column of the same name,
 * is touched.
 */
import { ADDED_LABELS } from '../read/fields';
import { cellText, gridBottom, gridTop } from '../text/grid';
import { ourColumns, usedRight } from '../read/ours';
import { isSkippedRow, isTotalRow } from '../read/ledger';
import { t } from '../words/check';
import { daysPhrase, FLAG_LABELS, FLAG_STYLES } from '../words/labels';
import { AnnotationPlan } from '../model/spec';
import { CellValue, Grid } from '../model/grid';
import { CheckedItem, CheckResult, Finding, Lang } from '../model/result';
import { dict } from '../text/dict';

function noteFor(item: CheckedItem, findings: Finding[], lang: Lang, start: string | null): string {
  const notes: string[] = [];
  if (item.flag === 'overdue' && item.daysLeft !== null) notes.push(daysPhrase(lang, item.daysLeft));
  if (item.deadline.kind === 'immediate' && item.flag !== 'done') {
    notes.push(start ? t(lang, 'note.immediate', { due: item.due || '' }) : t(lang, 'note.immediate-no-start'));
  }
  findings.forEach((f) => notes.push(f.message));
  return notes.join(lang === 'zh' ? '；' : '; ');
}

/**
 * The rows of the plan's block that are the user's section bands or total rows (AnnotationPlan.bands):
 * a row that is no item, whose first text is a total (合计, 小计) anywhere below the header, or any
 * other heading above the last item (一、…, （一）…) that is not a note or sign-off line.
 */
export function bandRows(grid: Grid, firstRow: number, lastRow: number, isItem: (row: number) => boolean): number[] {
  const top = gridTop(grid);
  let lastItem = 0;
  for (let r = firstRow; r <= lastRow; r++) if (isItem(r)) lastItem = r;
  const bands: number[] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    if (isItem(r)) continue;
    const row = grid.rows[r - top] || [];
    let first = '';
    let nonEmpty = 0;
    for (let c = 0; c < row.length; c++) {
      const text = row[c] === null || row[c] === undefined ? '' : cellText(row[c]);
      if (!text) continue;
      if (!nonEmpty) first = text;
      nonEmpty++;
    }
    if (!nonEmpty) continue;
    if (isTotalRow(first) || (r < lastItem && !isSkippedRow(first, nonEmpty))) bands.push(r);
  }
  return bands;
}

export function planAnnotation(grid: Grid, result: CheckResult, lang: Lang): AnnotationPlan {
  const headerRows = result.header.rows;
  const existing = ourColumns(grid, headerRows, 4);
  const column = existing || Math.max(usedRight(grid), result.header.lastColumn) + 1;
  const firstRow = headerRows[headerRows.length - 1] + 1;
  // Clear down to the old extent too, in case rows were deleted since the last check.
  const lastRow = Math.max(gridBottom(grid), firstRow - 1);

  const byRow: { [row: number]: Finding[] } = {};
  result.findings.forEach((f) => {
    if (f.sheet === grid.name) (byRow[f.row] = byRow[f.row] || []).push(f);
  });
  const itemByRow: { [row: number]: CheckedItem } = {};
  result.items.forEach((i) => {
    if (i.sheet === grid.name) itemByRow[i.row] = i;
  });

  const values: CellValue[][] = [];
  const styles: AnnotationPlan['styles'] = [];
  for (let r = firstRow; r <= lastRow; r++) {
    const item = itemByRow[r];
    if (!item) {
      // Title, section, total and note rows get nothing; this also clears what an earlier check left.
      values.push([null, null, null, null]);
      styles.push(null);
      continue;
    }
    values.push([
      FLAG_LABELS[lang][item.flag],
      item.due ? { date: item.due } : null,
      item.daysLeft,
      noteFor(item, byRow[r] || [], lang, result.start) || null,
    ]);
    styles.push(FLAG_STYLES[item.flag]);
  }
  return {
    sheet: grid.name,
    column,
    reused: existing > 0,
    headerRow: headerRows[0],
    headerRows: headerRows.slice(),
    labels: ADDED_LABELS[lang].slice(),
    firstRow,
    lastRow,
    values,
    styles,
    bands: bandRows(grid, firstRow, lastRow, (r) => !!itemByRow[r]),
    pageSetup: { titleRows: { top: Math.min(...headerRows), bottom: Math.max(...headerRows) } },
  };
}

/**
 * The plans for a whole check: the ledger (task list) sheet gets the four columns; in a three-list
 * workbook the problem and responsibility lists get a 检查意见 column for the orphans found there.
 */
export function planAnnotations(grids: Grid[], result: CheckResult, lang: Lang): AnnotationPlan[] {
  const byName = dict<Grid>();
  grids.forEach((g) => (byName[g.name] = g));
  const plans: AnnotationPlan[] = [];
  if (byName[result.sheet]) plans.push(planAnnotation(byName[result.sheet], result, lang));
  (result.sourceHeaders || []).forEach((h) => {
    const g = byName[h.sheet];
    if (!g || h.sheet === result.sheet) return;
    const notes: { [row: number]: string[] } = {};
    let any = false;
    result.findings.forEach((f) => {
      if (f.sheet !== h.sheet) return;
      (notes[f.row] = notes[f.row] || []).push(f.message);
      any = true;
    });
    const existing = ourColumns(g, h.rows, 1);
    if (!any && !existing) return;
    const firstRow = h.rows[h.rows.length - 1] + 1;
    const lastRow = Math.max(gridBottom(g), firstRow - 1);
    const values: CellValue[][] = [];
    const styles: AnnotationPlan['styles'] = [];
    for (let r = firstRow; r <= lastRow; r++) {
      values.push([notes[r] ? notes[r].join(lang === 'zh' ? '；' : '; ') : null]);
      styles.push(notes[r] ? 'bad' : null);
    }
    plans.push({
      sheet: g.name,
      column: existing || Math.max(usedRight(g), h.lastColumn) + 1,
      reused: existing > 0,
      headerRow: h.rows[0],
      headerRows: h.rows.slice(),
      labels: [ADDED_LABELS[lang][3]],
      firstRow,
      lastRow,
      values,
      styles,
    });
  });
  return plans;
}
