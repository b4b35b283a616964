/**
 * SpecChart -> worksheet.charts.add (ExcelApi 1.1): the add-in's rendering of the charts that the file
 * writer draws as DrawingML (src/xlsxlite/chart.ts), from the same description: the same source
 * block, series in its columns, the same kind, title, colours and frame.
 *
 * Everything here is ExcelApi 1.1 except where marked: reversing the category axis (1.7), so that the
 * bars read top to bottom in the table's order as in the file, and number formats on the axis and
 * labels (1.8). Below those the chart is the same chart, upside down or with the host's formats.
 */
import { SheetSpec, SpecChart } from '../core';
import type { SkippedFeature } from '../host/host';
import { lastCellOf, seriesCount } from '../host/layout';
import { Batch } from './batch';
import { excelApi } from './caps';

/** Excel's chart type for each kind (Excel.ChartType). */
export const CHART_TYPES: Record<SpecChart['kind'], string> = { bar: 'BarClustered', stackedBar: 'BarStacked' };

function hexColor(rgb: string): string {
  return '#' + rgb.toUpperCase();
}

/** Queues the spec's charts on `ws`; they are sent with the sheet's other writes. */
export async function addCharts(batch: Batch, ws: Excel.Worksheet, spec: SheetSpec, skipped: SkippedFeature[]): Promise<void> {
  const charts = spec.charts || [];
  for (let i = 0; i < charts.length; i++) {
    const c = charts[i];
    await batch.room(600);
    const chart = ws.charts.add(CHART_TYPES[c.kind] as Excel.ChartType, ws.getRange(c.source), 'Columns'); // ExcelApi 1.1
    chart.setPosition(c.from, lastCellOf(c.to)); // ExcelApi 1.1
    chart.title.text = c.title;
    const n = seriesCount(c.source);
    chart.legend.visible = n > 1;
    if (n > 1) chart.legend.position = 'Bottom';
    for (let k = 0; k < n; k++) {
      const [fill, line] = c.colors[k % c.colors.length].split('/');
      const format = chart.series.getItemAt(k).format;
      format.fill.setSolidColor(hexColor(fill));
      if (line) format.line.color = hexColor(line);
    }
    const axis = chart.axes.valueAxis;
    axis.minimum = 0;
    if (c.percent) {
      axis.maximum = 1;
      axis.majorUnit = 0.2;
    }
    if (c.labels) {
      chart.dataLabels.showValue = true;
      chart.dataLabels.position = 'OutsideEnd';
    }
    if (excelApi('1.7')) chart.axes.categoryAxis.reversePlotOrder = true; // ExcelApi 1.7
    else skipped.push('chartOrder');
    if (c.percent) {
      if (excelApi('1.8')) {
        // ExcelApi 1.8
        axis.numberFormat = '0%';
        if (c.labels) chart.dataLabels.numberFormat = '0.0%';
      } else skipped.push('chartFormats');
    }
  }
}
