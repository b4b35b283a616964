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
 * The added body cells look like the ledger's own (src/host/annotation.ts BodyLook, read with the grid by read.ts): its font,
 * size and alignment, and its borders on every added cell of an item row. 检查意见 wraps.
 * Row heights are never set or autofitted: a height the user fixed is theirs, and ExcelApi 1.1-1.7
 * cannot tell a fixed height from Excel's own, so heights are left to Excel.
 * Where the ledger's sheet prints with Excel's defaults (portrait at 100%, no print area or titles),
 * it is set to print landscape, one page wide, its header rows repeated (ExcelApi 1.9). Section
 * bands and 合计 rows (AnnotationPlan.bands) lend their last cell's fill, font and lines to our
 * cells there, never a value. Both are read first, in one more sync.
 */
import { AnnotationPlan, CellStyle, Grid, STYLES } from '../core';
import { AnnotateReport, SkippedFeature } from '../host/host';
import { rangeAddress, rectEdges } from '../host/cells';
import { BodyLook, COLUMN_WIDTHS, PageLook, annotationBody, borderFor, headerSpan, itemRuns, labelStyles, pickLook, planColumns, printTitleRows, styleRuns, wantsPageSetup } from '../host/annotation';
import { Batch, charsToPoints, writeBlock } from './batch';
import { Capabilities, capabilities } from './caps';
import { addTextEqualsRule, applyStyle, hex } from './style';
import { recordColumnMarks } from './settings';
import { bodyLooks } from './read';

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
  const border = borderFor(look);
  if (!border) return;
  const runs = itemRuns(plan, grid);
  for (let r = 0; r < runs.length; r++) {
    // Room for a run of two rows or more, whose inside horizontal line a one-row run has not.
    await batch.room(120 * rectEdges(2, width).length);
    const range = ws.getRange(rangeAddress(plan.firstRow + runs[r].from, col, plan.firstRow + runs[r].to, lastCol));
    const edges = rectEdges(runs[r].to - runs[r].from + 1, width);
    for (let i = 0; i < edges.length; i++) {
      const b = range.format.borders.getItem(edges[i]);
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
  const span = headerSpan(plan);
  const headerTop = span.top;
  const headerBottom = span.bottom;
  if (caps.merge && headerBottom > headerTop && plan.headerRow === headerTop) {
    // ExcelApi 1.2: merge each label down over a two-row header, like the ledger's own.
    for (let c = col; c <= lastCol; c++) ws.getRange(rangeAddress(headerTop, c, headerBottom, c)).merge(false);
  }
  if (caps.columnWidth) {
    // ExcelApi 1.2: widths in points.
    for (let i = 0; i < width; i++) ws.getRange(rangeAddress(headerTop, col + i, headerTop, col + i)).format.columnWidth = charsToPoints(COLUMN_WIDTHS[kinds[i]]);
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

/** A band row's last cell before our block (AnnotationPlan.bands), read to lend its look to our cells. */
interface BandRead {
  row: number;
  fill: Excel.RangeFill;
  font: Excel.RangeFont;
  /** Its top, bottom and right borders. */
  borders: Excel.RangeBorder[];
}

const BAND_EDGES: Excel.BorderIndex[] = ['EdgeTop' as Excel.BorderIndex, 'EdgeBottom' as Excel.BorderIndex, 'EdgeRight' as Excel.BorderIndex];

function queueBandReads(ctx: Excel.RequestContext, plan: AnnotationPlan): BandRead[] {
  if (plan.column < 2 || !plan.bands || !plan.bands.length) return [];
  const ws = ctx.workbook.worksheets.getItem(plan.sheet);
  return plan.bands.map((row) => {
    const f = ws.getRange(rangeAddress(row, plan.column - 1, row, plan.column - 1)).format;
    f.fill.load('color');
    f.font.load('name,size,bold,color');
    const borders = BAND_EDGES.map((e) => f.borders.getItem(e).load('style,weight,color'));
    return { row, fill: f.fill, font: f.font, borders };
  });
}

/**
 * Our cells on a band row take the look of the row's last cell: its fill, font and top, bottom and
 * right lines, with no value. Only where that cell shows the band reaching it (a fill or a line
 * above or below); a heading that stands in its first cell alone lends nothing.
 */
async function queueBands(batch: Batch, ws: Excel.Worksheet, plan: AnnotationPlan, width: number, reads: BandRead[]): Promise<void> {
  for (let i = 0; i < reads.length; i++) {
    const r = reads[i];
    const fill = r.fill.color && r.fill.color.toUpperCase() !== '#FFFFFF' ? r.fill.color : '';
    const lines = r.borders.map((b) => (b.style && b.style !== 'None' ? b : null));
    if (!fill && !lines[0] && !lines[1]) continue;
    await batch.room(600);
    const f = ws.getRange(rangeAddress(r.row, plan.column, r.row, plan.column + width - 1)).format;
    if (fill) f.fill.color = fill;
    if (r.font.name) f.font.name = r.font.name;
    if (r.font.size) f.font.size = r.font.size;
    f.font.bold = !!r.font.bold;
    if (r.font.color) f.font.color = r.font.color;
    for (let k = 0; k < BAND_EDGES.length; k++) {
      const line = lines[k];
      if (!line) continue;
      const b = f.borders.getItem(BAND_EDGES[k]);
      b.style = line.style;
      b.weight = line.weight;
      b.color = line.color;
    }
  }
}

/**
 * The page setup of each plan's sheet that carries one to add (AnnotationPlan.pageSetup), queued to
 * be read (ExcelApi 1.9: PageLayout and its print area and title ranges); null for the other plans.
 */
function queuePageReads(ctx: Excel.RequestContext, plans: AnnotationPlan[]) {
  return plans.map((plan) => {
    if (!plan.pageSetup) return null;
    const layout = ctx.workbook.worksheets.getItem(plan.sheet).pageLayout;
    layout.load('orientation,zoom');
    return {
      layout,
      area: layout.getPrintAreaOrNullObject().load('address'),
      rows: layout.getPrintTitleRowsOrNullObject().load('address'),
      cols: layout.getPrintTitleColumnsOrNullObject().load('address'),
    };
  });
}

function pageLooks(reads: ReturnType<typeof queuePageReads>): (PageLook | null)[] {
  return reads.map((r) => {
    if (!r) return null;
    const zoom = r.layout.zoom || {};
    const fits = !!zoom.horizontalFitToPages || !!zoom.verticalFitToPages;
    return {
      orientation: r.layout.orientation === 'Landscape' ? 'landscape' : 'portrait',
      scale: fits ? null : zoom.scale === undefined || zoom.scale === null ? 100 : zoom.scale,
      printArea: r.area.isNullObject ? '' : r.area.address,
      printTitleRows: r.rows.isNullObject ? '' : r.rows.address,
      printTitleColumns: r.cols.isNullObject ? '' : r.cols.address,
    };
  });
}

/** Landscape, one page wide and as many tall as needed, the header rows repeated (ExcelApi 1.9). */
function queuePageSetup(ctx: Excel.RequestContext, plan: AnnotationPlan): void {
  const layout = ctx.workbook.worksheets.getItem(plan.sheet).pageLayout;
  layout.orientation = 'Landscape' as Excel.PageOrientation;
  layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintTitleRows(printTitleRows(plan));
}

/**
 * Every plan of a check in one Excel.run and one batch: the sync count does not grow with the rows
 * or with the number of plans (only a payload past ~4 MB adds a sync). `grids` are the ones the
 * plans were made from (readWorkbook's), which carry the ledger's look. Where a plan carries a page
 * setup, one sync first reads the sheet's own (ExcelApi 1.9; below it the setup is skipped and said).
 */
export function annotateAll(plans: AnnotationPlan[], grids: Grid[] = []): Promise<AnnotateReport> {
  const caps = capabilities();
  return Excel.run(async (ctx) => {
    const batch = new Batch(ctx);
    const skipped: SkippedFeature[] = [];
    const pageSetup: string[] = [];
    const wanted = plans.some((p) => !!p.pageSetup);
    if (wanted && !caps.pageLayout) skipped.push('printSettings');
    // What is read before writing, in one sync: the page setups, the band rows' last cells.
    const pageReads = wanted && caps.pageLayout ? queuePageReads(ctx, plans) : null;
    const bands = plans.map((p) => queueBandReads(ctx, p));
    const reading = !!pageReads || bands.some((b) => b.length > 0);
    if (reading) await ctx.sync();
    const pages = pageReads ? pageLooks(pageReads) : null;
    let rows = 0;
    const sheets: AnnotateReport['sheets'] = [];
    for (let i = 0; i < plans.length; i++) {
      const grid = grids.filter((g) => g.name === plans[i].sheet)[0] || null;
      rows += await queuePlan(batch, ctx, plans[i], caps, grid);
      const width = planColumns(plans[i]).length;
      await queueBands(batch, ctx.workbook.worksheets.getItem(plans[i].sheet), plans[i], width, bands[i]);
      sheets.push({ sheet: plans[i].sheet, column: plans[i].column, width });
      if (pages && wantsPageSetup(plans[i], pages[i])) {
        await batch.room(300);
        queuePageSetup(ctx, plans[i]);
        pageSetup.push(plans[i].sheet);
      }
    }
    await batch.room(1);
    await batch.flush();
    await recordColumnMarks(sheets);
    return { syncs: batch.syncs + (reading ? 1 : 0), rows, fills: caps.conditionalFormats ? 'conditional' : 'static', sheets, pageSetup, skipped };
  });
}

/** One plan (the ledger's): the same single round trip. */
export function annotate(plan: AnnotationPlan, grids: Grid[] = []): Promise<AnnotateReport> {
  return annotateAll([plan], grids);
}
