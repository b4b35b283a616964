/** SheetSpecs -> worksheets (src/excel/sheets.ts) on the fake Excel: the summary sheets, ours only. */
import { createFakeHost, FakeHost, FakeSheetInit } from './fake-excel';
import { readWorkbook } from '../../src/excel/read';
import { writeSheets } from '../../src/excel/sheets';
import { styleRects } from '../../src/host/cells';
import { freeSheetName } from '../../src/host/ours';
import { MAX_LINKS } from '../../src/host/links';
import { checkWorkbook } from '../../src/core/check/check';
import { summarize } from '../../src/core/aggregate/summary';
import { summarySheets } from '../../src/core/sheets/summary';
import { SheetSpec } from '../../src/core/model/spec';
import { isoToSerial } from '../../src/core/text/dates';
import { AS_OF, LEDGER, install, makeHost, snapshot } from './helpers';

describe('writeSheets (summary sheets)', () => {
  async function summarySpecs(_host: FakeHost): Promise<SheetSpec[]> {
    const grids = await readWorkbook();
    const result = checkWorkbook(grids, { asOf: AS_OF, start: '2022-03-01', lang: 'zh' });
    return summarySheets(summarize([result], { asOf: AS_OF, lang: 'zh' }), 'zh');
  }

  it.each(['1.1', '1.4', '1.7', '1.9'])('rewrites its own summary sheets in place on ExcelApi %s, in a fixed number of syncs', async (v) => {
    const host = makeHost(v, 60);
    const specs = await summarySpecs(host);
    const before = host.state.syncCount;
    const first = await writeSheets(specs);
    const firstSyncs = host.state.syncCount - before;
    expect(firstSyncs).toBe(2);
    expect(first.rewritten).toEqual([]);
    expect(first.sheets).toEqual(['总览', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账', '通报提纲']);
    const mid = host.state.syncCount;
    const second = await writeSheets(specs);
    expect(host.state.syncCount - mid).toBe(2);
    expect(second.rewritten).toEqual(first.sheets);
    expect(second.renamed).toEqual([]);
    // Rewritten, never deleted and added again: the same sheets, in the same tab positions.
    expect(host.state.writes.filter((w) => w.kind === 'deleteSheet')).toEqual([]);
    expect(host.state.writes.filter((w) => w.kind === 'addSheet').map((w) => w.sheet)).toEqual(first.sheets);
    const names = host.state.sheets.map((s) => s.name);
    expect(names).toEqual(['说明', LEDGER].concat(first.sheets));
    expect(host.state.activeSheet).toBe('总览');
    // The second write left the same cells as the first.
    expect(host.value('总览', 'A1')).toBe(specs[0].rows[0][0]!.v);
    // What each version writes of the features it may lack, and what it says it skipped (six of the seven sheets
    // freeze their header, five filter it).
    const kinds = host.state.writes.map((w) => w.kind);
    const features = ['merge', 'columnWidth', 'rowHeight', 'conditionalFormat', 'freeze', 'hyperlink', 'autoFilter', 'pageLayout'];
    const expected: Record<string, { writes: string[]; skipped: string[] }> = {
      '1.1': { writes: [], skipped: ['hyperlinks', 'merges', 'columnWidths', 'freezePanes', 'printSettings', 'chartOrder', 'chartFormats', 'rowHeights', 'autoFilter', 'dataBars'] },
      '1.4': { writes: ['merge', 'columnWidth', 'rowHeight'], skipped: ['hyperlinks', 'freezePanes', 'printSettings', 'chartOrder', 'chartFormats', 'autoFilter', 'dataBars'] },
      '1.7': { writes: ['merge', 'columnWidth', 'rowHeight', 'conditionalFormat', 'freeze', 'hyperlink'], skipped: ['printSettings', 'chartFormats', 'autoFilter'] },
      '1.9': { writes: features, skipped: [] },
    };
    expect(features.filter((k) => kinds.indexOf(k) >= 0)).toEqual(expected[v].writes);
    expect(first.skipped).toEqual(expected[v].skipped);
    expect(specs.map((s) => [s.name, !!s.freeze, !!s.autoFilter])).toEqual([
      ['总览', true, false], ['按方面', true, true], ['按牵头部门', true, true], ['逾期临期', true, true], ['检查问题', true, true], ['汇总台账', true, true], ['通报提纲', false, false],
    ]);
    // No formula was created from any text.
    host.state.sheets.forEach((s) => s.cells.forEach((row) => row.forEach((c) => expect(c.formula || false).toBe(false))));
  });

  it('writes text as text, dates as serials, and merges/widths/freeze/rules where supported', async () => {
    const host = makeHost('1.7', 5);
    const spec: SheetSpec = {
      name: '测试',
      rows: [
        [{ v: '标题', s: 'title' }, null, null],
        [{ v: '=SUM(A1)', s: 'header' }, { v: '+86', s: 'header' }, { v: '@x', s: 'header' }],
        [{ v: { date: '2022-06-30' }, s: 'date' }, { v: 0.5, s: 'percent' }, { v: '逾期', s: 'text' }],
        [{ v: '-', s: 'text' }, { v: 3, s: 'number' }, { v: '已完成', s: 'text' }],
      ],
      merges: ['A1:C1'],
      widths: [10, 20, 8],
      freeze: { rows: 2, cols: 0 },
      autoFilter: 'A2:C4',
      dataBars: ['B3:B4'],
      rules: [{ range: 'C3:C4', textEquals: '逾期', style: 'bad' }],
    };
    const report = await writeSheets([spec]);
    expect(host.value('测试', 'A2')).toBe('=SUM(A1)');
    expect(host.cellAt('测试', 'A2')!.formula).toBe(false);
    expect(host.cellAt('测试', 'B2')!.formula).toBe(false);
    expect(host.cellAt('测试', 'A4')!.formula || false).toBe(false);
    expect(host.value('测试', 'A3')).toBe(isoToSerial('2022-06-30'));
    expect(host.cellAt('测试', 'A3')!.fmt).toBe('yyyy-mm-dd');
    expect(host.cellAt('测试', 'B3')!.fmt).toBe('0.0%');
    const sheet = host.state.sheets.filter((s) => s.name === '测试')[0];
    expect(sheet.merges).toEqual(['A1:C1']);
    expect(sheet.frozen).toEqual({ rows: 2, cols: 0 });
    expect(Object.keys(sheet.columnWidths).length).toBe(3);
    expect(sheet.conditionalFormats.map((c) => c.type).sort()).toEqual(['CellValue', 'DataBar']);
    expect(report.skipped).toEqual(['autoFilter']);
  });

  it('on ExcelApi 1.1 colours rule cells statically', async () => {
    const host = makeHost('1.1', 5);
    const spec: SheetSpec = {
      name: '测试',
      rows: [[{ v: '状态' }], [{ v: '逾期' }], [{ v: '正常推进' }], [{ v: '逾期' }], [{ v: '逾期' }]],
      rules: [{ range: 'A2:A5', textEquals: '逾期', style: 'bad' }],
      freeze: { rows: 1, cols: 0 },
    };
    await writeSheets([spec]);
    expect(host.cellAt('测试', 'A2')!.fill).toBe('#FFC7CE');
    expect(host.cellAt('测试', 'A3')!.fill).toBeUndefined();
    expect(host.cellAt('测试', 'A5')!.fill).toBe('#FFC7CE');
    expect(host.state.writes.filter((w) => w.kind === 'fill').map((w) => w.address)).toEqual(['A2', 'A4:A5']);
  });

  /** The same specs with every link taken off (what 生成汇总 wrote before links). */
  function withoutLinks(specs: SheetSpec[]): SheetSpec[] {
    return specs.map((sp) => ({ ...sp, rows: sp.rows.map((r) => r.map((c) => (c ? { v: c.v, s: c.s } : c))) }));
  }

  function hyperlinkWrites(host: FakeHost) {
    return host.state.writes.filter((w) => w.kind === 'hyperlink');
  }

  it('on ExcelApi 1.7 links each row of 逾期临期, 检查问题 and 汇总台账 to its ledger cell, in the same syncs as without links', async () => {
    const plain = makeHost('1.7', 60);
    const plainSpecs = withoutLinks(await summarySpecs(plain));
    const p0 = plain.state.syncCount;
    await writeSheets(plainSpecs);
    const plainSyncs = plain.state.syncCount - p0;

    const host = makeHost('1.7', 60);
    const specs = await summarySpecs(host);
    const before = host.state.syncCount;
    const report = await writeSheets(specs);
    const syncs = host.state.syncCount - before;
    console.log('生成汇总 syncs, 60 rows: without links = ' + plainSyncs + ', with links = ' + syncs);
    expect(syncs).toBe(plainSyncs);
    expect(report.syncs).toBe(syncs);
    expect(report.skipped).not.toContain('hyperlinks');

    const links = hyperlinkWrites(host);
    const linked = (name: string) => specs.filter((x) => x.name === name)[0].rows.filter((r) => r.some((c) => !!(c && c.link))).length;
    for (const name of ['逾期临期', '检查问题', '汇总台账']) {
      expect(linked(name)).toBeGreaterThan(0);
      expect(links.filter((w) => w.sheet === name)).toHaveLength(linked(name));
    }
    expect(links.every((w) => w.sync === host.state.syncCount)).toBe(true);
    expect(new Set(links.map((w) => w.sheet))).toEqual(new Set(['逾期临期', '检查问题', '汇总台账']));

    // 汇总台账's first item is the row under its aspect's band, under the header (row 3, below the title
    // and the as-of line): its 行号 cell (P) links to the item's 整改措施 cell and keeps its number.
    const ledger = specs.filter((x) => x.name === '汇总台账')[0];
    const h = ledger.freeze!.rows;
    const col = ledger.rows[h - 1].map((c) => c && c.v).indexOf('行号') + 1;
    const first = ledger.rows[h + 1][col - 1]!;
    const cell = host.cellAt('汇总台账', 'P' + (h + 2))!;
    expect(col).toBe(16);
    expect(cell.hyperlink).toEqual({ documentReference: "'" + LEDGER + "'!C" + first.v, screenTip: LEDGER + '!C' + first.v });
    expect(cell.v).toBe(first.v);
    expect(typeof cell.v).toBe('number');

    // 检查问题: the 单元格 text is shown as it was, and the link goes to that cell.
    const f = host.state.sheets.filter((x) => x.name === '检查问题')[0];
    const fl = links.filter((w) => w.sheet === '检查问题')[0];
    const fc = host.cell(f, fl.r0, fl.c0)!;
    expect(fc.hyperlink!.textToDisplay).toBe(fc.v);
    expect(fc.hyperlink!.documentReference).toBe("'" + LEDGER + "'!" + fc.v);
    // Every link points at the ledger, and at a cell of a row that exists.
    for (const w of links) expect((w.value as { documentReference: string }).documentReference).toMatch(/^'整改台账'![A-Z]+\d+$/);
  });

  it('keeps the syncs of 生成汇总 constant with rows, links included (at most MAX_LINKS of them, 逾期临期 first)', async () => {
    const counts: number[] = [];
    // ledgerRows' 35-row cycle has 8 overdue and 4 due-soon rows: 21 of 60 rows lag, 1,029 of 3,000.
    // Linked rows: 逾期临期 + 检查问题 + 汇总台账 = 21 + 22 + 60 = 103, and 1,029 + 1,156 + 3,000 = 5,185.
    const cases = [
      { n: 60, linked: [21, 22, 60], written: 103, sheets: { 逾期临期: 21, 检查问题: 22, 汇总台账: 60 }, pastCap: false },
      { n: 3000, linked: [1029, 1156, 3000], written: 2000, sheets: { 逾期临期: 1029, 检查问题: 971 }, pastCap: true },
    ];
    expect(MAX_LINKS).toBe(2000);
    for (const c of cases) {
      const host = makeHost('1.7', c.n);
      const specs = await summarySpecs(host);
      const before = host.state.syncCount;
      const report = await writeSheets(specs);
      counts.push(host.state.syncCount - before);
      const linkedRows = (name: string) => specs.filter((x) => x.name === name)[0].rows.filter((r) => r.some((cell) => !!(cell && cell.link))).length;
      expect(['逾期临期', '检查问题', '汇总台账'].map(linkedRows)).toEqual(c.linked);
      const links = hyperlinkWrites(host);
      expect(links.length).toBe(c.written);
      const bySheet: Record<string, number> = {};
      for (const w of links) bySheet[w.sheet] = (bySheet[w.sheet] || 0) + 1;
      expect(bySheet).toEqual(c.sheets);
      expect(report.skipped.indexOf('hyperlinksPastCap') >= 0).toBe(c.pastCap);
    }
    console.log('生成汇总 syncs with links: 60 rows = ' + counts[0] + ', 3,000 rows = ' + counts[1]);
    expect(counts[1]).toBe(counts[0]);
  }, 60000);

  it.each(['1.1', '1.4', '1.6'])('on ExcelApi %s writes no hyperlink: the text stays, in the same syncs', async (v) => {
    const host = makeHost(v, 60);
    const specs = await summarySpecs(host);
    const before = host.state.syncCount;
    const report = await writeSheets(specs);
    const plain = makeHost(v, 60);
    const plainSpecs = withoutLinks(await summarySpecs(plain));
    const p0 = plain.state.syncCount;
    await writeSheets(plainSpecs);
    expect(host.state.syncCount - before).toBe(plain.state.syncCount - p0);
    expect(hyperlinkWrites(host)).toEqual([]);
    expect(report.skipped).toContain('hyperlinks');
    const ledger = specs.filter((x) => x.name === '汇总台账')[0];
    // The first item is under its aspect's band: row 5, its 行号 in P.
    expect(host.value('汇总台账', 'P' + (ledger.freeze!.rows + 2))).toBe(ledger.rows[ledger.freeze!.rows + 1][15]!.v);
  });

  it('links only to sheets of this workbook that are not being written, quoting the sheet name', async () => {
    const host = createFakeHost({
      apiVersion: '1.7',
      sheets: [{ name: "It's 台账", rows: [['x']] }, { name: '总览', rows: [['old']] }],
    });
    install(host);
    const spec: SheetSpec = {
      name: '逾期临期',
      rows: [
        [{ v: '行号' }],
        [{ v: 3, link: { sheet: "It's 台账", cell: 'C3' } }],
        [{ v: 'E9', link: { sheet: 'Sheet1', cell: 'E9' } }],
        [{ v: 'A1', link: { sheet: '总览', cell: 'A1' } }],
        [{ v: 'B2', link: { sheet: '逾期临期', cell: 'B2' } }],
      ],
    };
    const overview: SheetSpec = { name: '总览', rows: [[{ v: '新' }]] };
    await writeSheets([spec, overview]);
    const links = hyperlinkWrites(host);
    // 总览 is the user's own sheet (we did not create it): a real target; ours went to 总览 (2).
    expect(links.map((w) => [w.address, (w.value as { documentReference: string }).documentReference])).toEqual([
      ['A2', "'It''s 台账'!C3"],
      ['A4', "'总览'!A1"],
    ]);
    expect(host.state.sheets.map((x) => x.name)).toEqual(["It's 台账", '总览', '逾期临期', '总览 (2)']);
    expect(host.value('逾期临期', 'A3')).toBe('E9');
    expect(host.cellAt('逾期临期', 'A3')!.hyperlink).toBeUndefined();
  });

  it('the fake rejects reading range.hyperlink before load and sync, and below ExcelApi 1.7', async () => {
    const host = makeHost('1.7', 5);
    const run = (host.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run;
    await expect(run(async (ctx) => ctx.workbook.worksheets.getItem(LEDGER).getRange('A1').hyperlink)).rejects.toThrow(/PropertyNotLoaded/);
    const got = await run(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(LEDGER).getRange('B3');
      r.hyperlink = { documentReference: "'说明'!A1", textToDisplay: '说明' };
      r.load('hyperlink');
      await ctx.sync();
      return r.hyperlink;
    });
    expect(got).toEqual({ documentReference: "'说明'!A1", textToDisplay: '说明' });
    const old = makeHost('1.6', 5);
    const oldRun = (old.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run;
    await expect(oldRun(async (ctx) => {
      ctx.workbook.worksheets.getItem(LEDGER).getRange('A1').hyperlink = { documentReference: "'说明'!A1" };
    })).rejects.toThrow(/ApiNotFound/);
  });

  it('groups styled cells into few rectangles', () => {
    const rows = Array.from({ length: 1000 }, () => [{ v: 'a', s: 'text' as const }, { v: 1, s: 'number' as const }, { v: 'b', s: 'text' as const }]);
    const rects = styleRects({ name: 'x', rows });
    expect(rects.length).toBe(3);
    expect(rects[0]).toEqual({ r0: 1, c0: 1, r1: 1000, c1: 1, style: 'text' });
  });
});

describe('summary sheets: ours only, rewritten in place', () => {
  async function specsFor(): Promise<SheetSpec[]> {
    const grids = await readWorkbook();
    const result = checkWorkbook(grids, { asOf: AS_OF, start: '2022-03-01', lang: 'zh' });
    return summarySheets(summarize([result], { asOf: AS_OF, lang: 'zh' }), 'zh');
  }

  it.each(['1.1', '1.9'])('a user’s own sheet named 总览 survives 生成汇总 on ExcelApi %s: ours takes 总览 (2), and keeps it', async (v) => {
    const mine: FakeSheetInit = { name: '总览', rows: [['各处室联系人'], ['办公室', '张三', '8801']], styles: [[{ bold: true, fill: '#DDEBF7' }]] };
    const host = makeHost(v, 20, [mine]);
    const specs = await specsFor();
    const before = snapshot(host, '总览');
    const first = await writeSheets(specs);
    expect(first.sheets[0]).toBe('总览 (2)');
    expect(first.renamed).toEqual([{ name: '总览', sheet: '总览 (2)' }]);
    const second = await writeSheets(specs);
    expect(second.sheets[0]).toBe('总览 (2)');
    expect(second.rewritten).toContain('总览 (2)');
    // The user's 总览: every cell as it was, its look too, and no write ever addressed it.
    const after = snapshot(host, '总览');
    expect(Array.from(after.entries())).toEqual(Array.from(before.entries()));
    expect(host.cellAt('总览', 'A1')!.fill).toBe('#DDEBF7');
    expect(host.state.writes.filter((w) => w.sheet === '总览')).toEqual([]);
    expect(host.state.sheets.map((s) => s.name).filter((n) => /^总览/.test(n))).toEqual(['总览', '总览 (2)']);
    expect(JSON.parse(String(host.state.settings['taizhang.sheets']))['总览']).toBe('总览 (2)');
    // And the pane reads the user's 总览 like any sheet, but never ours.
    expect((await readWorkbook()).map((g) => g.name)).toEqual(['说明', LEDGER, '总览']);
  });

  it('formulas in other sheets that point at our summary sheets keep working across a re-run (deleting would make them #REF!)', async () => {
    const host = makeHost('1.7', 30);
    const specs = await specsFor();
    // The user's report sheet points at the measure count on 总览 and at 汇总台账's first header.
    const countRow = specs[0].rows.findIndex((r) => !!r && !!r[0] && r[0].v === '整改措施总数') + 1;
    expect(countRow).toBeGreaterThan(0);
    const sheet = host.newSheet('报送表');
    host.cellForWrite(sheet, 1, 2).f = "='总览'!B" + countRow;
    const ledgerHeader = specs.filter((x) => x.name === '汇总台账')[0].freeze!.rows;
    expect(ledgerHeader).toBe(3); // the title, the as-of line, then the header
    host.cellForWrite(sheet, 2, 2).f = '=汇总台账!A' + ledgerHeader;
    // Before 生成汇总 there is no 总览: the reference is broken.
    expect(host.value('报送表', 'B1')).toBe('#REF!');
    await writeSheets(specs);
    expect([host.value('报送表', 'B1'), host.value('报送表', 'B2')]).toEqual([30, '序号']);
    await writeSheets(specs);
    expect([host.value('报送表', 'B1'), host.value('报送表', 'B2')]).toEqual([30, '序号']);
    expect(host.cellAt('报送表', 'B1')!.f).toBe("='总览'!B" + countRow);
    const shown = [30, '序号'];
    // What an older writeSheets did (delete, then add) breaks them, as the fake shows.
    await (host.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('总览').delete();
      await ctx.sync();
    });
    expect(host.value('报送表', 'B1')).toBe('#REF!');
    expect(host.value('报送表', 'B2')).toBe(shown[1]);
  });

  it('a re-run replaces the charts on 总览 rather than adding more, in the same syncs', async () => {
    const host = makeHost('1.7', 30);
    const specs = await specsFor();
    const first = await writeSheets(specs);
    expect(host.findSheet('总览')!.charts!.map((c) => c.type)).toEqual(['BarClustered', 'BarStacked']);
    const again = await writeSheets(specs);
    expect(again.rewritten).toContain('总览');
    expect(host.findSheet('总览')!.charts!.map((c) => c.type)).toEqual(['BarClustered', 'BarStacked']);
    expect(host.state.writes.filter((w) => w.kind === 'deleteChart')).toHaveLength(2);
    expect(again.syncs).toBe(first.syncs);
  });

  it('a recorded summary sheet the user deleted is written anew (one read sync more), nothing else lost', async () => {
    const host = makeHost('1.7', 30);
    const specs = await specsFor();
    await writeSheets(specs);
    await (host.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('总览').delete();
      await ctx.sync();
    });
    const before = host.state.syncCount;
    const report = await writeSheets(specs);
    expect(host.state.syncCount - before).toBe(report.syncs);
    expect(report.rewritten).not.toContain('总览');
    expect(report.sheets).toContain('总览');
    expect(host.findSheet('总览')!.charts!.length).toBe(2);
  });

  it('a rewrite clears what the earlier write left beyond the new content (fewer rows, old fills and merges)', async () => {
    const host = makeHost('1.7', 5);
    const big: SheetSpec = { name: '测试', rows: [[{ v: '标题', s: 'title' }, null], [{ v: '逾期', s: 'text' }, { v: 1, s: 'number' }], [{ v: '旧行', s: 'text' }, null]], merges: ['A1:B1'], rules: [{ range: 'A2:A3', textEquals: '逾期', style: 'bad' }] };
    await writeSheets([big]);
    expect(host.findSheet('测试')!.merges).toEqual(['A1:B1']);
    const small: SheetSpec = { name: '测试', rows: [[{ v: '新标题', s: 'title' }]] };
    const report = await writeSheets([small]);
    expect(report.rewritten).toEqual(['测试']);
    expect(host.value('测试', 'A1')).toBe('新标题');
    expect(['A2', 'B2', 'A3'].map((a) => host.value('测试', a))).toEqual(['', '', '']);
    expect(host.findSheet('测试')!.merges).toEqual([]);
    expect(host.findSheet('测试')!.conditionalFormats).toEqual([]);
  });

  it('a free name is free of every sheet, whatever its case, and fits Excel’s 31 characters', () => {
    expect(freeSheetName('总览', { 总览: true, '总览 (2)': true })).toBe('总览 (3)');
    expect(freeSheetName('Overview', { overview: true })).toBe('Overview (2)');
    expect(freeSheetName('逾期临期', {})).toBe('逾期临期');
    const long = 'x'.repeat(31);
    expect(freeSheetName(long, { [long]: true })).toBe('x'.repeat(27) + ' (2)');
  });
});
