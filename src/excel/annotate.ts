/**
 * Annotate in place: write the four added columns (期限状态, 截止日期, 剩余天数, 检查意见) of an
 * AnnotationPlan into the ledger sheet. Only those columns are touched; the plan already points at
 * the earlier check's columns when there are some, so a re-check overwrites rather than adds.
 *
 * One sync for everything (more only when the payload passes ~4 MB): the header, the body as one
 * 2-D array (formats first), and the fills. Fills are conditional formats where ExcelApi 1.6 exists,
 * so they follow the text if a user edits it; on 1.1 they are static fills per contiguous run.
 */
import { AnnotationPlan, CellStyle, CellValue } from '../core/types';
import { STYLES } from '../core/styles';
import { Batch, OfficeValue, charsToPoints, formatFor, isIsoDateText, rangeAddress, toOfficeValue, writeBlock } from './batch';
import { capabilities } from './caps';
import { addTextEqualsRule, applyStyle, hex } from './style';
import { isoToSerial } from '../core/dates';

/** Widths of the four columns, in characters. */
const WIDTHS = [10, 12, 9, 48];

export interface AnnotateReport {
  syncs: number;
  rows: number;
  /** 'conditional' (ExcelApi 1.6) or 'static' fills. */
  fills: 'conditional' | 'static';
}

/** The body as Office values and number formats: text '@', due date 'yyyy-mm-dd', days '0'. */
export function annotationBody(plan: AnnotationPlan): { values: OfficeValue[][]; formats: string[][] } {
  const values: OfficeValue[][] = [];
  const formats: string[][] = [];
  for (let i = 0; i < plan.values.length; i++) {
    const src = plan.values[i];
    const flag = src[0];
    const due: CellValue = src[1];
    const days = src[2];
    const notes = src[3];
    values.push([
      toOfficeValue(flag),
      isIsoDateText(due) ? isoToSerial(due) : toOfficeValue(due),
      toOfficeValue(days),
      toOfficeValue(notes),
    ]);
    // Text columns are always '@' (even when empty now: a later edit stays text too).
    formats.push(['@', isIsoDateText(due) ? 'yyyy-mm-dd' : formatFor(due, 'yyyy-mm-dd'), typeof days === 'string' ? '@' : '0', '@']);
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

export function annotate(plan: AnnotationPlan): Promise<AnnotateReport> {
  const caps = capabilities();
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const ws = ctx.workbook.worksheets.getItem(plan.sheet);
    const col = plan.column;
    const lastCol = col + 3;

    // Header labels: text format first, then the values.
    const head = ws.getRange(rangeAddress(plan.headerRow, col, plan.headerRow, lastCol));
    head.numberFormat = [['@', '@', '@', '@']];
    head.values = [plan.labels.slice(0, 4).map((l) => String(l))];
    applyStyle(head, STYLES.header, 1, 4);
    const headerTop = Math.min.apply(null, plan.headerRows.length ? plan.headerRows : [plan.headerRow]);
    const headerBottom = Math.max.apply(null, plan.headerRows.length ? plan.headerRows : [plan.headerRow]);
    if (caps.merge && headerBottom > headerTop && plan.headerRow === headerTop) {
      // ExcelApi 1.2: merge each label down over a two-row header, like the ledger's own.
      for (let c = col; c <= lastCol; c++) ws.getRange(rangeAddress(headerTop, c, headerBottom, c)).merge(false);
    }
    if (caps.columnWidth) {
      // ExcelApi 1.2: widths in points.
      for (let i = 0; i < 4; i++) ws.getRange(rangeAddress(headerTop, col + i, headerTop, col + i)).format.columnWidth = charsToPoints(WIDTHS[i]);
    }

    const rows = plan.lastRow - plan.firstRow + 1;
    if (rows > 0 && plan.values.length) {
      const body = annotationBody(plan);
      await writeBlock(batch, ws, plan.firstRow, col, body.values, body.formats);
      const notes = ws.getRange(rangeAddress(plan.firstRow, lastCol, plan.lastRow, lastCol));
      notes.format.wrapText = true;

      const flags = ws.getRange(rangeAddress(plan.firstRow, col, plan.lastRow, col));
      // Earlier static fills (a check on ExcelApi 1.1) go; the colour comes from what follows.
      flags.format.fill.clear();
      flags.format.font.color = '#000000';
      if (caps.conditionalFormats) {
        // ExcelApi 1.6: one rule per flag label over the column; cleared first so a re-check adds none.
        flags.conditionalFormats.clearAll();
        const pairs = labelStyles(plan);
        for (let i = 0; i < pairs.length; i++) addTextEqualsRule(flags, pairs[i].text, STYLES[pairs[i].style]);
      } else {
        // ExcelApi 1.1 fallback: static fills, one range per contiguous run of a style.
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
    }
    await batch.room(1);
    await batch.flush();
    return { syncs: batch.syncs, rows: Math.max(rows, 0), fills: caps.conditionalFormats ? 'conditional' : 'static' };
  });
}
