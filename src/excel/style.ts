/** CellStyle (core/styles.ts) -> Office.js range formats. All of these are ExcelApi 1.1. */
import { CellStyle } from '../core';
import { STYLE_BORDER_COLOR, rectEdges, textEqualsFormula } from '../host/cells';

export function hex(color: string): string {
  return color.charAt(0) === '#' ? color : '#' + color;
}

const ALIGN: Record<string, string> = { left: 'Left', center: 'Center', right: 'Right' };
const VALIGN: Record<string, string> = { top: 'Top', middle: 'Center' };

/**
 * Applies a style to a rectangle. The number format is not set here: it goes with the values
 * (src/host/cells.ts formatFor), before them, so text stays text.
 */
export function applyStyle(range: Excel.Range, style: CellStyle, rows: number, cols: number): void {
  const f = range.format;
  if (style.bold !== undefined) f.font.bold = style.bold;
  if (style.size) f.font.size = style.size;
  if (style.color) f.font.color = hex(style.color);
  if (style.fill) f.fill.color = hex(style.fill);
  if (style.wrap !== undefined) f.wrapText = style.wrap;
  if (style.align) f.horizontalAlignment = ALIGN[style.align] as Excel.HorizontalAlignment;
  if (style.valign) f.verticalAlignment = VALIGN[style.valign] as Excel.VerticalAlignment;
  if (style.border) {
    const edges = rectEdges(rows, cols);
    for (let i = 0; i < edges.length; i++) {
      const b = f.borders.getItem(edges[i]);
      b.style = 'Continuous';
      b.color = STYLE_BORDER_COLOR;
    }
  }
}

/**
 * A cell-value "equal to" rule with the style's fill and font colour (ExcelApi 1.6). Not a
 * textComparison rule: its operators are Contains / BeginsWith / EndsWith only, and "contains 完成"
 * would also colour 未完成.
 */
export function addTextEqualsRule(range: Excel.Range, text: string, style: CellStyle): void {
  const cf = range.conditionalFormats.add('CellValue'); // ExcelApi 1.6
  if (style.fill) cf.cellValue.format.fill.color = hex(style.fill);
  if (style.color) cf.cellValue.format.font.color = hex(style.color);
  cf.cellValue.rule = { formula1: textEqualsFormula(text), operator: 'EqualTo' };
}
