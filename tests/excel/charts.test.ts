/** Charts and the printed page in the add-in (src/excel/charts.ts, src/excel/page.ts) on the fake Excel. */
import { readWorkbook } from '../../src/excel/read';
import { writeSheets } from '../../src/excel/sheets';
import { checkWorkbook } from '../../src/core/check/check';
import { summarize } from '../../src/core/aggregate/summary';
import { summarySheets } from '../../src/core/sheets/summary';
import { colLetter } from '../../src/core/text/a1';
import { CHART_TYPES } from '../../src/excel/charts';
import { lastCellOf, mergedRows } from '../../src/host/layout';
import { chartSeries, parseBlock } from '../../src/xlsxlite';
import { AS_OF, makeHost } from './helpers';

describe('charts and the printed page in the add-in (excel/charts.ts, excel/page.ts)', () => {
  async function run(v: string) {
    const host = makeHost(v, 60);
    const grids = await readWorkbook();
    const result = checkWorkbook(grids, { asOf: AS_OF, start: '2022-03-01', lang: 'zh' });
    const specs = summarySheets(summarize([result], { asOf: AS_OF, lang: 'zh' }), 'zh');
    const before = host.state.syncCount;
    const report = await writeSheets(specs);
    return { host, specs, report, syncs: host.state.syncCount - before };
  }

  it.each(['1.1', '1.7', '1.9'])('ExcelApi %s: charts.add with the ranges and types the file writer draws', async (v) => {
    const { host, specs, report, syncs } = await run(v);
    const overview = specs[0];
    const sheet = host.state.sheets.filter((s) => s.name === '总览')[0];
    expect(overview.charts!.map((c) => c.kind)).toEqual(['bar', 'stackedBar']);
    expect(sheet.charts!.map((c) => [c.type, c.source, c.seriesBy, c.position])).toEqual(overview.charts!.map((c) => [
      CHART_TYPES[c.kind], c.source, 'Columns', { start: c.from, end: lastCellOf(c.to) },
    ]));
    expect(CHART_TYPES).toEqual({ bar: 'BarClustered', stackedBar: 'BarStacked' });
    // The file writer's series cover the same block: names from its header row, categories from its first column.
    overview.charts!.forEach((c, i) => {
      const series = chartSeries(overview, '总览', c);
      const b = parseBlock(c.source);
      const col = (k: number) => '$' + colLetter(b.c0 + 1 + k) + '$';
      expect(series.map((s) => s.valuesRef)).toEqual(series.map((_s, k) => "'总览'!" + col(k) + (b.r0 + 1) + (b.r1 > b.r0 + 1 ? ':' + col(k) + b.r1 : '')));
      expect(series.map((s) => s.nameRef)).toEqual(series.map((_s, k) => "'总览'!" + col(k) + b.r0));
      expect(sheet.charts![i].props['title.text']).toBe(c.title);
      // One colour per series, the fill and the outline.
      series.forEach((_s, k) => {
        const [fill, line] = c.colors[k].split('/');
        expect(sheet.charts![i].props['series.' + k + '.format.fill.solidColor']).toBe('#' + fill);
        expect(sheet.charts![i].props['series.' + k + '.format.line.color']).toBe('#' + line);
      });
    });
    expect(sheet.charts![0].props).toMatchObject({ 'axes.valueAxis.minimum': 0, 'axes.valueAxis.maximum': 1, 'dataLabels.showValue': true, 'legend.visible': false });
    expect(sheet.charts![1].props).toMatchObject({ 'legend.visible': true, 'legend.position': 'Bottom' });
    // Newer properties only where the API set is there.
    expect(sheet.charts![0].props['axes.categoryAxis.reversePlotOrder']).toBe(v === '1.1' ? undefined : true);
    expect(sheet.charts![0].props['axes.valueAxis.numberFormat']).toBe(v === '1.9' ? '0%' : undefined);
    expect(report.skipped.indexOf('chartOrder') >= 0).toBe(v === '1.1');
    // Charts ride in the same syncs as the rest.
    expect(syncs).toBeLessThanOrEqual(2);
    // The chart's source cells hold the values the chart shows.
    const src = parseBlock(overview.charts![0].source);
    expect(host.value('总览', 'A' + src.r0)).toBe('牵头部门');
    expect(host.value('总览', 'B' + src.r0)).toBe('完成率');
  });

  it('ExcelApi 1.9: every sheet gets the footer with the issuer and page number, the margins and the fit to width', async () => {
    const { host, specs } = await run('1.9');
    for (const spec of specs) {
      const page = host.state.writes.filter((w) => w.kind === 'pageLayout' && w.sheet === spec.name).map((w) => w.value as { what: string; v: unknown });
      const get = (what: string) => page.filter((p) => p.what === what).map((p) => p.v);
      // The 通报提纲 numbers its own pages from 1 (— 1 —); the tables number on (第 N 页 共 M 页).
      const outline = spec.name === '通报提纲';
      expect([spec.name, get('defaultForAllPages.centerFooter')]).toEqual([spec.name, [outline ? '— &P —' : '第 &P 页 共 &N 页']]);
      expect([spec.name, get('firstPageNumber')]).toEqual([spec.name, outline ? [1] : []]);
      expect(get('defaultForAllPages.leftFooter')).toEqual(['整改工作领导小组办公室']);
      expect(get('defaultForAllPages.rightFooter')).toEqual(['截至2022年7月15日']);
      expect(get('leftMargin')).toEqual([36]);
      expect(get('zoom')).toEqual([{ horizontalFitToPages: 1, verticalFitToPages: spec.print!.fitToHeight || 0 }]);
    }
  });

  it('below ExcelApi 1.9 no page layout is touched, and the report says so', async () => {
    const { host, report } = await run('1.7');
    expect(host.state.writes.filter((w) => w.kind === 'pageLayout')).toEqual([]);
    expect(report.skipped).toContain('printSettings');
  });

  it('sets the height of rows with merged text (the titles), which Excel would not fit', async () => {
    const { host, specs } = await run('1.7');
    const heights = host.state.writes.filter((w) => w.kind === 'rowHeight');
    const expected: string[] = [];
    for (const spec of specs) for (const r of mergedRows(spec)) if (spec.heights && spec.heights[r - 1]) expected.push(spec.name + '!' + r + ':' + r + '=' + spec.heights[r - 1]);
    expect(heights.map((w) => w.sheet + '!' + w.r0 + ':' + w.r1 + '=' + w.value)).toEqual(expected);
    expect(expected).toContain('逾期临期!1:1=26');
  });
});
