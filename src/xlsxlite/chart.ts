/**
 * SpecChart -> DrawingML: the chart part (c:chartSpace, ECMA-376 Part 1, 21.2) and the drawing part
 * that anchors it over the sheet (xdr:wsDr, 20.5). The series refer to the sheet's own cells, with
 * caches of their values so a reader that does not recalculate still draws them; Excel edits these
 * charts like any it made itself.
 *
 * A source block is read as Excel's wizard reads it with series in columns: the header row names the
 * series, the first column holds the categories, each further column is one series.
 */
import { CellValue, SheetSpec, SpecChart, cellRef, cellText, colLetter, quoteSheet, rangeRef } from '../core';
import { xmlAttr } from './xml';

export const CHART_NS = 'http://schemas.openxmlformats.org/drawingml/2006/chart';
export const DRAWING_NS = 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing';
export const A_NS = 'http://schemas.openxmlformats.org/drawingml/2006/main';
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface Block {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** 'A30:E36' -> its bounds (1-based). */
export function parseBlock(range: string): Block {
  const r = range.indexOf(':') > 0 ? rangeRef(range) : null;
  if (!r) throw new Error('not a block: ' + range);
  return { c0: r.c1, r0: r.r1, c1: r.c2, r1: r.r2 };
}

/** 'G3' -> 0-based column and row, as an anchor takes them. */
function anchorCell(cell: string): { col: number; row: number } {
  const c = cellRef(cell);
  if (!c) throw new Error('not a cell: ' + cell);
  return { col: c.col - 1, row: c.row - 1 };
}


function ref(sheet: string, col: number, r0: number, r1: number): string {
  const c = '$' + colLetter(col) + '$';
  return quoteSheet(sheet) + '!' + c + r0 + (r1 > r0 ? ':' + c + r1 : '');
}

function valueAt(spec: SheetSpec, row: number, col: number): CellValue {
  const r = spec.rows[row - 1];
  const cell = r ? r[col - 1] : null;
  return cell ? cell.v : null;
}

/** The ranges a chart's series take from its source block, the same for both hosts (the add-in's charts.add too). */
export interface ChartSeries {
  name: string;
  /** Absolute references on the sheet. */
  nameRef: string;
  categoriesRef: string;
  valuesRef: string;
  categories: string[];
  values: (number | null)[];
}

export function chartSeries(spec: SheetSpec, sheetName: string, chart: SpecChart): ChartSeries[] {
  const b = parseBlock(chart.source);
  const categories: string[] = [];
  for (let r = b.r0 + 1; r <= b.r1; r++) categories.push(cellText(valueAt(spec, r, b.c0)));
  const out: ChartSeries[] = [];
  for (let c = b.c0 + 1; c <= b.c1; c++) {
    const values: (number | null)[] = [];
    for (let r = b.r0 + 1; r <= b.r1; r++) {
      const v = valueAt(spec, r, c);
      values.push(typeof v === 'number' && isFinite(v) ? v : null);
    }
    out.push({
      name: cellText(valueAt(spec, b.r0, c)),
      nameRef: ref(sheetName, c, b.r0, b.r0),
      categoriesRef: ref(sheetName, b.c0, b.r0 + 1, b.r1),
      valuesRef: ref(sheetName, c, b.r0 + 1, b.r1),
      categories,
      values,
    });
  }
  return out;
}

function colorFill(color: string): string {
  const [fill, line] = color.split('/');
  return '<c:spPr><a:solidFill><a:srgbClr val="' + fill.toUpperCase() + '"/></a:solidFill>' +
    (line ? '<a:ln w="9525"><a:solidFill><a:srgbClr val="' + line.toUpperCase() + '"/></a:solidFill></a:ln>' : '') + '</c:spPr>';
}

function strCache(list: string[]): string {
  let out = '<c:strCache><c:ptCount val="' + list.length + '"/>';
  for (let i = 0; i < list.length; i++) out += '<c:pt idx="' + i + '"><c:v>' + xmlAttr(list[i]) + '</c:v></c:pt>';
  return out + '</c:strCache>';
}

function numCache(list: (number | null)[], format: string): string {
  let out = '<c:numCache><c:formatCode>' + xmlAttr(format) + '</c:formatCode><c:ptCount val="' + list.length + '"/>';
  for (let i = 0; i < list.length; i++) if (list[i] !== null) out += '<c:pt idx="' + i + '"><c:v>' + list[i] + '</c:v></c:pt>';
  return out + '</c:numCache>';
}

/** Text properties: a size in hundredths of a point, bold or not, and a colour. */
function txPr(size: number, bold: boolean, color?: string): string {
  return '<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="' + size + '" b="' + (bold ? 1 : 0) + '">' +
    (color ? '<a:solidFill><a:srgbClr val="' + color + '"/></a:solidFill>' : '') + '</a:defRPr></a:pPr><a:endParaRPr lang="zh-CN"/></a:p></c:txPr>';
}

/** The grey level of a fill (ITU-R BT.601 luma, 0-255): labels on a dark fill are white. */
export function greyLevel(hex: string): number {
  const v = parseInt(hex.slice(0, 6), 16);
  return 0.299 * ((v >> 16) & 255) + 0.587 * ((v >> 8) & 255) + 0.114 * (v & 255);
}

/** Labels at the bar's end; inside a stacked bar's part (where outEnd is not allowed), zero parts unlabelled. */
function dataLabels(format: string, stacked: boolean, fill: string): string {
  return '<c:dLbls><c:numFmt formatCode="' + xmlAttr(stacked ? format + ';-' + format + ';;' : format) + '" sourceLinked="0"/><c:spPr><a:noFill/><a:ln><a:noFill/></a:ln></c:spPr>' +
    txPr(800, stacked, stacked && greyLevel(fill) < 100 ? 'FFFFFF' : undefined) + '<c:dLblPos val="' + (stacked ? 'ctr' : 'outEnd') + '"/><c:showLegendKey val="0"/><c:showVal val="1"/><c:showCatName val="0"/>' +
    '<c:showSerName val="0"/><c:showPercent val="0"/><c:showBubbleSize val="0"/></c:dLbls>';
}

const CAT_AX = 500100;
const VAL_AX = 500200;

/** The chart part. */
export function chartXml(spec: SheetSpec, sheetName: string, chart: SpecChart): string {
  const series = chartSeries(spec, sheetName, chart);
  const stacked = chart.kind === 'stackedBar';
  const format = chart.percent ? '0.0%' : '0';
  const parts: string[] = [];
  parts.push(XML_HEAD + '<c:chartSpace xmlns:c="' + CHART_NS + '" xmlns:a="' + A_NS + '" xmlns:r="' + R_NS + '">');
  parts.push('<c:lang val="zh-CN"/><c:roundedCorners val="0"/><c:chart>');
  parts.push('<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="zh-CN" sz="1200" b="1"/><a:t>' +
    xmlAttr(chart.title) + '</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>');
  parts.push('<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="bar"/>');
  parts.push('<c:grouping val="' + (stacked ? 'stacked' : 'clustered') + '"/><c:varyColors val="0"/>');
  series.forEach((s, i) => {
    parts.push('<c:ser><c:idx val="' + i + '"/><c:order val="' + i + '"/>');
    parts.push('<c:tx><c:strRef><c:f>' + xmlAttr(s.nameRef) + '</c:f>' + strCache([s.name]) + '</c:strRef></c:tx>');
    const fill = chart.colors[i % chart.colors.length] || '5B9BD5';
    parts.push(colorFill(fill));
    parts.push('<c:invertIfNegative val="0"/>');
    if (chart.labels) parts.push(dataLabels(format, stacked, fill));
    parts.push('<c:cat><c:strRef><c:f>' + xmlAttr(s.categoriesRef) + '</c:f>' + strCache(s.categories) + '</c:strRef></c:cat>');
    parts.push('<c:val><c:numRef><c:f>' + xmlAttr(s.valuesRef) + '</c:f>' + numCache(s.values, format) + '</c:numRef></c:val>');
    parts.push('</c:ser>');
  });
  parts.push('<c:gapWidth val="60"/>' + (stacked ? '<c:overlap val="100"/>' : ''));
  parts.push('<c:axId val="' + CAT_AX + '"/><c:axId val="' + VAL_AX + '"/></c:barChart>');
  // Categories top to bottom in the table's order (a bar chart draws the first at the bottom unless
  // its axis is reversed), the value axis along the bottom all the same.
  parts.push('<c:catAx><c:axId val="' + CAT_AX + '"/><c:scaling><c:orientation val="maxMin"/></c:scaling><c:delete val="0"/>' +
    '<c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/><c:majorTickMark val="none"/><c:minorTickMark val="none"/>' +
    '<c:tickLblPos val="nextTo"/>' + txPr(900, false) + '<c:crossAx val="' + VAL_AX + '"/><c:crosses val="autoZero"/><c:auto val="1"/>' +
    '<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>');
  parts.push('<c:valAx><c:axId val="' + VAL_AX + '"/><c:scaling><c:orientation val="minMax"/>' +
    (chart.percent ? '<c:max val="1"/><c:min val="0"/>' : '<c:min val="0"/>') + '</c:scaling><c:delete val="0"/><c:axPos val="b"/>' +
    '<c:majorGridlines><c:spPr><a:ln w="6350"><a:solidFill><a:srgbClr val="D9D9D9"/></a:solidFill></a:ln></c:spPr></c:majorGridlines>' +
    '<c:numFmt formatCode="' + (chart.percent ? '0%' : '0') + '" sourceLinked="0"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>' +
    '<c:tickLblPos val="nextTo"/>' + txPr(900, false) + '<c:crossAx val="' + CAT_AX + '"/><c:crosses val="max"/><c:crossBetween val="between"/>' +
    (chart.percent ? '<c:majorUnit val="0.2"/>' : '') + '</c:valAx>');
  parts.push('</c:plotArea>');
  if (series.length > 1) parts.push('<c:legend><c:legendPos val="b"/><c:overlay val="0"/>' + txPr(900, false) + '</c:legend>');
  parts.push('<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>');
  parts.push('<c:spPr><a:solidFill><a:srgbClr val="FFFFFF"/></a:solidFill><a:ln w="9525"><a:solidFill><a:srgbClr val="BFBFBF"/></a:solidFill></a:ln></c:spPr>');
  parts.push(txPr(900, false));
  parts.push('</c:chartSpace>');
  return parts.join('');
}

/** The drawing part of a sheet: one frame per chart, anchored from one cell to another; rId1.. are its charts. */
export function drawingXml(charts: SpecChart[]): string {
  const parts: string[] = [XML_HEAD + '<xdr:wsDr xmlns:xdr="' + DRAWING_NS + '" xmlns:a="' + A_NS + '">'];
  charts.forEach((chart, i) => {
    const from = anchorCell(chart.from);
    const to = anchorCell(chart.to);
    const point = (tag: string, p: { col: number; row: number }) =>
      '<xdr:' + tag + '><xdr:col>' + p.col + '</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>' + p.row + '</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:' + tag + '>';
    parts.push('<xdr:twoCellAnchor editAs="oneCell">' + point('from', from) + point('to', to) +
      '<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="' + (i + 2) + '" name="' + xmlAttr(chart.title) + '"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>' +
      '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="' + CHART_NS + '">' +
      '<c:chart xmlns:c="' + CHART_NS + '" xmlns:r="' + R_NS + '" r:id="rId' + (i + 1) + '"/></a:graphicData></a:graphic></xdr:graphicFrame>' +
      '<xdr:clientData/></xdr:twoCellAnchor>');
  });
  parts.push('</xdr:wsDr>');
  return parts.join('');
}
