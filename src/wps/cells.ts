/**
 * Writing cells on WPS: values as Value2 rectangles with their number formats first (text '@', so a
 * user's text that starts with = stays text), a CellStyle as VBA members (colours as BGR numbers,
 * alignments and borders as XL constants), and the capability probe.
 */
import { CellStyle } from '../core';
import { Features } from '../host/host';
import { HostValue, STYLE_BORDER_COLOR, rangeAddress, rectEdges } from '../host/cells';
import { EtApp, XL, addinRoot, has, member, vbaColor } from './et';

/**
 * Number formats go per vertical run of one format in each column (a VBA range takes one
 * NumberFormat), then the values as one Value2 array: a 20,000-row column of one format is one call.
 */
export function writeBlock(ws: Et.Worksheet, top: number, left: number, values: HostValue[][], formats: string[][]): void {
  if (!values.length) return;
  const width = values[0].length;
  if (!width) return;
  for (let c = 0; c < width; c++) {
    let start = 0;
    for (let r = 1; r <= values.length; r++) {
      if (r < values.length && formats[r][c] === formats[start][c]) continue;
      ws.Range(rangeAddress(top + start, left + c, top + r - 1, left + c)).NumberFormat = formats[start][c];
      start = r;
    }
  }
  const range = ws.Range(rangeAddress(top, left, top + values.length - 1, left + width - 1));
  range.Value2 = (values.length === 1 && width === 1 ? values[0][0] : values) as unknown as string;
}

/** A CellStyle on a rectangle (the number format goes with the values, writeBlock). */
export function applyStyle(range: Et.Range, style: CellStyle, rows: number, cols: number): void {
  if (style.bold !== undefined) range.Font.Bold = style.bold;
  if (style.size) range.Font.Size = style.size;
  if (style.color) range.Font.Color = vbaColor(style.color);
  if (style.fill) range.Interior.Color = vbaColor(style.fill);
  if (style.wrap !== undefined) range.WrapText = style.wrap;
  if (style.align) range.HorizontalAlignment = XL.hAlign[style.align];
  if (style.valign) range.VerticalAlignment = XL.vAlign[style.valign];
  if (style.border) {
    const edges = rectEdges(rows, cols);
    for (let i = 0; i < edges.length; i++) {
      const b = range.Borders.Item(XL.edge[edges[i]] as Et.XlBordersIndex);
      b.LineStyle = XL.continuous;
      b.Color = vbaColor(STYLE_BORDER_COLOR);
    }
  }
}

/** A "cell value equals text" rule with the style's fill and font colour. */
export function addTextEqualsRule(range: Et.Range, formula: string, style: CellStyle): void {
  const fc = range.FormatConditions.Add(XL.cellValue as Et.XlFormatConditionType, XL.equal, formula) as { Interior: Et.Interior; Font: Et.Font };
  if (style.fill) fc.Interior.Color = vbaColor(style.fill);
  if (style.color) fc.Font.Color = vbaColor(style.color);
}

/**
 * What this WPS offers, asked of live objects: a member a version lacks is absent (has() is false).
 * The ET object model has all of these since the 2019 builds; the probe (docs/wps.md) records which.
 */
export function wpsFeatures(app: EtApp | null): Features & { charts: boolean } {
  const none = { merge: false, columnWidth: false, nullObjects: false, conditionalFormats: false, freezePanes: false, hyperlinks: false, createWorkbook: false, autoFilter: false, pageLayout: false, charts: false };
  if (!app) return none;
  try {
    const wb = member<Et.Workbook>(app, 'ActiveWorkbook');
    const ws = member<Et.Sheets>(wb, 'Worksheets').Item(1) as Et.Worksheet;
    const cell = ws.Range('A1');
    const root = addinRoot();
    return {
      merge: has(cell, 'MergeCells'),
      columnWidth: has(cell, 'ColumnWidth'),
      // Calls are synchronous: a missing sheet throws at once and is caught where it is asked for.
      nullObjects: true,
      conditionalFormats: has(cell, 'FormatConditions'),
      freezePanes: has(app, 'ActiveWindow'),
      hyperlinks: has(ws, 'Hyperlinks'),
      createWorkbook: has(app, 'Workbooks') && !!root && has(root, 'FileSystem') && has(root, 'Env'),
      autoFilter: has(cell, 'AutoFilter'),
      pageLayout: has(ws, 'PageSetup'),
      charts: has(ws, 'ChartObjects'),
    };
  } catch (e) {
    return none;
  }
}
