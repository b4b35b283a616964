/**
 * Annotate in place on WPS: each AnnotationPlan's added columns, and nothing else (the same plan as
 * the Excel host: src/host/annotation.ts). Headers as text, the body's formats then its Value2, the
 * widths, 检查意见 wrapped, thin borders on item rows, and the flag column's fills: FormatConditions
 * where this WPS has them (they follow the text if a user edits it), else static fills per run. A
 * ledger sheet that prints with the defaults (portrait at 100%, no print area or titles) is set to
 * print landscape, one page wide, its header rows repeated (PageSetup).
 */
import { AnnotationPlan, Grid, STYLES } from '../core';
import { AnnotateReport, SkippedFeature } from '../host/host';
import { rangeAddress, rectEdges, textEqualsFormula } from '../host/cells';
import { COLUMN_WIDTHS, PageLook, annotationBody, borderFor, headerSpan, itemRuns, labelStyles, pickLook, planColumns, printTitleRows, styleRuns, wantsPageSetup } from '../host/annotation';
import { recordColumnMarks } from '../host/settings';
import { XL, etApp, findSheet, vbaColor, workbook } from './et';
import { addTextEqualsRule, applyStyle, wpsFeatures, writeBlock } from './cells';
import { wpsStore } from './store';
import { bodyLooks } from './read';

function annotateOne(ws: Et.Worksheet, plan: AnnotationPlan, grid: Grid | null, caps: ReturnType<typeof wpsFeatures>): number {
  const kinds = planColumns(plan);
  const width = kinds.length;
  const col = plan.column;
  const lastCol = col + width - 1;
  const labels = kinds.map((_k, i) => (plan.labels[i] === undefined ? '' : String(plan.labels[i])));
  writeBlock(ws, plan.headerRow, col, [labels], [labels.map(() => '@')]);
  applyStyle(ws.Range(rangeAddress(plan.headerRow, col, plan.headerRow, lastCol)), STYLES.header, 1, width);
  const span = headerSpan(plan);
  if (caps.merge && span.bottom > span.top && plan.headerRow === span.top) {
    for (let c = col; c <= lastCol; c++) ws.Range(rangeAddress(span.top, c, span.bottom, c)).MergeCells = true;
  }
  if (caps.columnWidth) kinds.forEach((k, i) => (ws.Range(rangeAddress(1, col + i, 1, col + i)).ColumnWidth = COLUMN_WIDTHS[k]));
  const rows = plan.values.length;
  if (!rows) return 0;
  const body = annotationBody(plan);
  writeBlock(ws, plan.firstRow, col, body.values, body.formats);
  const notes = kinds.indexOf('notes');
  if (notes >= 0) ws.Range(rangeAddress(plan.firstRow, col + notes, plan.lastRow, col + notes)).WrapText = true;

  // Borders: what an earlier check drew inside our block goes, then each run of item rows gets the ledger's line.
  const block = ws.Range(rangeAddress(plan.firstRow, col, plan.lastRow, lastCol));
  const inner = ['InsideHorizontal', 'EdgeBottom'].concat(width > 1 ? ['InsideVertical'] : []);
  inner.forEach((e) => (block.Borders.Item(XL.edge[e] as Et.XlBordersIndex).LineStyle = XL.lineNone));
  const look = grid ? pickLook(plan, bodyLooks(grid), grid) : null;
  if (look) {
    if (look.fontName) block.Font.Name = look.fontName;
    if (look.fontSize) block.Font.Size = look.fontSize;
    if (look.hAlign && XL.hAlign[look.hAlign.toLowerCase()] !== undefined) block.HorizontalAlignment = XL.hAlign[look.hAlign.toLowerCase()];
    if (look.vAlign && XL.vAlign[look.vAlign === 'Center' ? 'middle' : look.vAlign.toLowerCase()] !== undefined) block.VerticalAlignment = XL.vAlign[look.vAlign === 'Center' ? 'middle' : look.vAlign.toLowerCase()];
  }
  const border = borderFor(look);
  if (border) {
    itemRuns(plan, grid).forEach((run) => {
      const range = ws.Range(rangeAddress(plan.firstRow + run.from, col, plan.firstRow + run.to, lastCol));
      rectEdges(run.to - run.from + 1, width).forEach((e) => {
        const b = range.Borders.Item(XL.edge[e] as Et.XlBordersIndex);
        b.LineStyle = XL.continuous;
        b.Weight = XL.thin;
        b.Color = vbaColor(border.color);
      });
    });
  }

  // The flag column (or the notes-only column) and its fills.
  const flag = ws.Range(rangeAddress(plan.firstRow, col, plan.lastRow, col));
  if (caps.conditionalFormats) flag.FormatConditions.Delete();
  flag.Interior.ColorIndex = XL.colorNone;
  if (width > 1 && caps.conditionalFormats) {
    labelStyles(plan).forEach((ls) => addTextEqualsRule(flag, textEqualsFormula(ls.text), STYLES[ls.style]));
  } else {
    styleRuns(plan.styles).forEach((r) => {
      const style = STYLES[r.style];
      const range = ws.Range(rangeAddress(plan.firstRow + r.from, col, plan.firstRow + r.to, col));
      if (style.fill) range.Interior.Color = vbaColor(style.fill);
      if (style.color) range.Font.Color = vbaColor(style.color);
    });
  }
  return rows;
}

/** White, the fill of a cell that has none (RGB as VBA's Color: 0xBBGGRR). */
const WHITE = 16777215;

/**
 * Our cells on a band row (AnnotationPlan.bands) take the look of the row's last cell: its fill,
 * font and top, bottom and right lines, with no value; only where that cell shows the band reaching
 * it (a fill or a line above or below). The same rule as the Excel host (src/excel/annotate.ts).
 */
function extendBands(ws: Et.Worksheet, plan: AnnotationPlan, width: number): void {
  if (plan.column < 2) return;
  const edges = [XL.edge.EdgeTop, XL.edge.EdgeBottom, XL.edge.EdgeRight];
  (plan.bands || []).forEach((row) => {
    const src = ws.Range(rangeAddress(row, plan.column - 1, row, plan.column - 1));
    const filled = src.Interior.ColorIndex !== XL.colorNone && src.Interior.Color !== WHITE;
    const lines = edges.map((e) => {
      const b = src.Borders.Item(e as Et.XlBordersIndex);
      return b.LineStyle !== XL.lineNone && b.LineStyle !== null ? b : null;
    });
    if (!filled && !lines[0] && !lines[1]) return;
    const dst = ws.Range(rangeAddress(row, plan.column, row, plan.column + width - 1));
    if (filled) dst.Interior.Color = src.Interior.Color;
    dst.Font.Name = src.Font.Name;
    dst.Font.Size = src.Font.Size;
    dst.Font.Bold = src.Font.Bold;
    dst.Font.Color = src.Font.Color;
    lines.forEach((b, k) => {
      if (!b) return;
      const d = dst.Borders.Item(edges[k] as Et.XlBordersIndex);
      d.LineStyle = b.LineStyle;
      d.Weight = b.Weight;
      d.Color = b.Color;
    });
  });
}

/** xlLandscape (XlPageOrientation; xlPortrait is 1). */
const LANDSCAPE = 2;

/** The sheet's page setup in the hosts' one shape (src/host/annotation.ts PageLook). */
function pageLook(page: Et.PageSetup): PageLook {
  const zoom = page.Zoom as unknown;
  return {
    orientation: (page.Orientation as unknown as number) === LANDSCAPE ? 'landscape' : 'portrait',
    scale: typeof zoom === 'number' ? zoom : null,
    printArea: String(page.PrintArea || ''),
    printTitleRows: String(page.PrintTitleRows || ''),
    printTitleColumns: String(page.PrintTitleColumns || ''),
  };
}

/** Landscape, one page wide and as many tall as needed, the header rows repeated. */
function setPage(page: Et.PageSetup, plan: AnnotationPlan): void {
  page.Orientation = LANDSCAPE as unknown as Et.XlPageOrientation;
  page.Zoom = false;
  page.FitToPagesWide = 1;
  page.FitToPagesTall = false;
  page.PrintTitleRows = printTitleRows(plan);
}

export function annotateAll(plans: AnnotationPlan[], grids: Grid[] = []): Promise<AnnotateReport> {
  const caps = wpsFeatures(etApp());
  const wb = workbook();
  let rows = 0;
  const sheets: AnnotateReport['sheets'] = [];
  const skipped: SkippedFeature[] = [];
  const pageSetup: string[] = [];
  if (plans.some((p) => !!p.pageSetup) && !caps.pageLayout) skipped.push('printSettings');
  for (let i = 0; i < plans.length; i++) {
    const plan = plans[i];
    const ws = findSheet(wb, plan.sheet);
    if (!ws) throw new Error('Sheet not found: ' + plan.sheet);
    const grid = grids.filter((g) => g.name === plan.sheet)[0] || null;
    rows += annotateOne(ws, plan, grid, caps);
    extendBands(ws, plan, planColumns(plan).length);
    sheets.push({ sheet: plan.sheet, column: plan.column, width: planColumns(plan).length });
    if (plan.pageSetup && caps.pageLayout && wantsPageSetup(plan, pageLook(ws.PageSetup))) {
      setPage(ws.PageSetup, plan);
      pageSetup.push(plan.sheet);
    }
  }
  return recordColumnMarks(wpsStore, sheets).then(() => ({ syncs: 0, rows, fills: caps.conditionalFormats ? 'conditional' : 'static', sheets, pageSetup, skipped }));
}
