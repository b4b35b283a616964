/**
 * SheetSpec[] -> worksheets of this workbook on WPS, with the same planning as the Excel host
 * (src/host/ours.ts): our recorded sheets are cleared and rewritten in place, a user's sheet is never
 * a target, a spec whose name a user's sheet has takes a free name. Values, formats, styles, merges,
 * widths, freeze panes, autofilter, rules, data bars, links, merged rows' heights, the page setup and
 * charts (ChartObjects), each where this WPS has it, else named in `skipped`.
 */
import { SheetSpec, STYLES, SpecChart } from '../core';
import { SkippedFeature, WriteSheetsReport } from '../host/host';
import { rangeAddress, ruleCells, specMatrix, styleRects, textEqualsFormula } from '../host/cells';
import { MAX_LINKS, anyLinks, linkReference, linkTargets, specLinks } from '../host/links';
import { marksAfter, planTargets } from '../host/ours';
import { lastCellOf, mergedRows, seriesCount } from '../host/layout';
import { loadSheetMarks, recordSheetMarks } from '../host/settings';
import { XL, etApp, findSheet, member, sheetName, vbaColor, workbook, worksheets } from './et';
import { addTextEqualsRule, applyStyle, wpsFeatures, writeBlock } from './cells';
import { wpsStore } from './store';

type Caps = ReturnType<typeof wpsFeatures>;

function clearOurSheet(ws: Et.Worksheet, caps: Caps): void {
  if (caps.charts) {
    const charts = member<Et.ChartObjects>(ws, 'ChartObjects');
    for (let i = member<number>(charts, 'Count'); i >= 1; i--) (charts.Item(i) as Et.ChartObject).Delete();
  }
  const used = member<Et.Range>(ws, 'UsedRange');
  if (caps.merge) used.UnMerge();
  if (caps.conditionalFormats) ws.Cells.FormatConditions.Delete();
  if (caps.autoFilter) ws.AutoFilterMode = false;
  used.Clear();
}

function drawChart(ws: Et.Worksheet, c: SpecChart): void {
  const from = ws.Range(c.from);
  const to = ws.Range(lastCellOf(c.to));
  const left = from.Left as number;
  const top = from.Top as number;
  const obj = member<Et.ChartObjects>(ws, 'ChartObjects').Add(left, top, (to.Left as number) + (to.Width as number) - left, (to.Top as number) + (to.Height as number) - top);
  const chart = obj.Chart;
  chart.ChartType = (c.kind === 'bar' ? XL.barClustered : XL.barStacked) as Kso.XlChartType;
  chart.SetSourceData(ws.Range(c.source), XL.byColumns);
  chart.HasTitle = true;
  chart.ChartTitle.Text = c.title;
  const n = seriesCount(c.source);
  chart.HasLegend = n > 1;
  for (let k = 1; k <= n; k++) {
    const fill = c.colors[(k - 1) % c.colors.length].split('/')[0];
    chart.SeriesCollection().Item(k).Format.Fill.ForeColor.RGB = vbaColor(fill);
  }
  // Bars top to bottom in the table's order, as the file writer draws them.
  chart.Axes().Item(XL.category as Kso.XlAxisType).ReversePlotOrder = true;
  const axis = chart.Axes().Item(XL.value as Kso.XlAxisType);
  axis.MinimumScale = 0;
  if (c.percent) {
    axis.MaximumScale = 1;
    axis.TickLabels.NumberFormat = '0%';
  }
  if (c.labels) chart.ApplyDataLabels();
}

function writeSpec(ws: Et.Worksheet, spec: SheetSpec, caps: Caps, skipped: SkippedFeature[], links: { targets: Record<string, boolean>; room: number } | null): void {
  const m = specMatrix(spec);
  writeBlock(ws, 1, 1, m.values, m.formats);
  styleRects(spec).forEach((r) => applyStyle(ws.Range(rangeAddress(r.r0, r.c0, r.r1, r.c1)), STYLES[r.style], r.r1 - r.r0 + 1, r.c1 - r.c0 + 1));
  const merges = spec.merges || [];
  if (merges.length) {
    if (caps.merge) merges.forEach((a) => (ws.Range(a).MergeCells = true));
    else skipped.push('merges');
  }
  const widths = spec.widths || [];
  if (widths.length) {
    if (caps.columnWidth) widths.forEach((w, i) => w > 0 && (ws.Range(rangeAddress(1, i + 1, 1, i + 1)).ColumnWidth = w));
    else skipped.push('columnWidths');
  }
  if (spec.freeze && (spec.freeze.rows || spec.freeze.cols)) {
    if (caps.freezePanes) {
      ws.Activate();
      const win = member<Et.Window>(etApp(), 'ActiveWindow');
      win.FreezePanes = false;
      win.SplitColumn = spec.freeze.cols;
      win.SplitRow = spec.freeze.rows;
      win.FreezePanes = true;
    } else skipped.push('freezePanes');
  }
  if (spec.autoFilter) {
    if (caps.autoFilter) ws.Range(spec.autoFilter).AutoFilter();
    else skipped.push('autoFilter');
  }
  (spec.rules || []).forEach((rule) => {
    const style = STYLES[rule.style];
    if (caps.conditionalFormats) addTextEqualsRule(ws.Range(rule.range), textEqualsFormula(rule.textEquals), style);
    else
      ruleCells(spec, rule.range, rule.textEquals).forEach((run) => {
        const range = ws.Range(rangeAddress(run.r0, run.c, run.r1, run.c));
        if (style.fill) range.Interior.Color = vbaColor(style.fill);
        if (style.color) range.Font.Color = vbaColor(style.color);
      });
  });
  const bars = spec.dataBars || [];
  if (bars.length) {
    if (caps.conditionalFormats) bars.forEach((a) => ws.Range(a).FormatConditions.AddDatabar());
    else skipped.push('dataBars');
  }
  if (links) {
    const cells = specLinks(spec, links.targets);
    if (cells.length > links.room) skipped.push('hyperlinksPastCap');
    cells.slice(0, links.room).forEach((l) => ws.Hyperlinks.Add(ws.Range(rangeAddress(l.row, l.col, l.row, l.col)), '', linkReference(l.link), '', l.text === null ? undefined : l.text));
    links.room = Math.max(0, links.room - cells.length);
  }
  const heights = spec.heights || [];
  mergedRows(spec)
    .filter((r) => heights[r - 1] > 0)
    .forEach((r) => (ws.Range(r + ':' + r).RowHeight = heights[r - 1]));
  if (spec.print) {
    if (caps.pageLayout) {
      const p = spec.print;
      const page = ws.PageSetup;
      if (p.sideMargin !== undefined) {
        page.LeftMargin = p.sideMargin * 72;
        page.RightMargin = p.sideMargin * 72;
      }
      if (p.fitToWidth) {
        page.Zoom = false;
        page.FitToPagesWide = 1;
        page.FitToPagesTall = p.fitToHeight || false;
      }
      if (p.firstPageNumber) page.FirstPageNumber = p.firstPageNumber;
      const footer = p.footer || {};
      if (footer.left) page.LeftFooter = footer.left;
      if (footer.center) page.CenterFooter = footer.center;
      if (footer.right) page.RightFooter = footer.right;
      const header = p.header || {};
      if (header.left) page.LeftHeader = header.left;
      if (header.center) page.CenterHeader = header.center;
      if (header.right) page.RightHeader = header.right;
    } else skipped.push('printSettings');
  }
  const charts = spec.charts || [];
  if (charts.length) {
    if (caps.charts) charts.forEach((c) => drawChart(ws, c));
    else skipped.push('charts');
  }
}

export function writeSheets(specs: SheetSpec[]): Promise<WriteSheetsReport> {
  const caps = wpsFeatures(etApp());
  const wb = workbook();
  const skipped: SkippedFeature[] = [];
  const marks = loadSheetMarks(wpsStore);
  const existing = worksheets(wb).map(sheetName);
  const targets = planTargets(specs, existing, marks);
  const linked = anyLinks(specs);
  if (linked && !caps.hyperlinks) skipped.push('hyperlinks');
  const links = linked && caps.hyperlinks ? { targets: linkTargets(existing, marks, targets.map((x) => x.sheet)), room: MAX_LINKS } : null;
  let first: Et.Worksheet | null = null;
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    let ws: Et.Worksheet;
    if (target.rewrite) {
      ws = findSheet(wb, target.sheet) as Et.Worksheet;
      clearOurSheet(ws, caps);
    } else {
      const sheets = member<Et.Sheets>(wb, 'Worksheets');
      ws = sheets.Add(undefined, sheets.Item(member<number>(sheets, 'Count'))) as Et.Worksheet;
      ws.Name = target.sheet;
    }
    if (!first) first = ws;
    writeSpec(ws, target.spec, caps, skipped, links);
  }
  if (first) first.Activate();
  return recordSheetMarks(wpsStore, marksAfter(marks, targets)).then(() => ({
    syncs: 0,
    sheets: targets.map((x) => x.sheet),
    rewritten: targets.filter((x) => x.rewrite).map((x) => x.sheet),
    renamed: targets.filter((x) => x.sheet !== x.spec.name).map((x) => ({ name: x.spec.name, sheet: x.sheet })),
    skipped: skipped.filter((s, i) => skipped.indexOf(s) === i),
    existing,
  }));
}
