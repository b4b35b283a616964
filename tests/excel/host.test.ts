/**
 * The Office.js host (src/excel) against a fake Excel that enforces Office.js semantics
 * (tests/excel/fake-excel.ts): load before read, counted syncs, recorded writes, API versions.
 */
import { createFakeHost, FakeHost, FakeSheetInit, FakeValue, FakeWorksheet } from './fake-excel';
import { annotate, annotateAll, annotationBody, planColumns } from '../../src/excel/annotate';
import { readWorkbook, readSheet, toGrid } from '../../src/excel/read';
import { writeSheets, styleRects, freeSheetName, MAX_LINKS } from '../../src/excel/sheets';
import { selectCell, openAsNewWorkbook } from '../../src/excel/workbook';
import { loadOptions, saveOptions } from '../../src/excel/settings';
import { displayLang, hostInfoLang, whenReady } from '../../src/excel/office';
import { checkWorkbook } from '../../src/core/check/check';
import { planAnnotation, planAnnotations } from '../../src/core/sheets/annotation';
import { summarize } from '../../src/core/aggregate/summary';
import { summarySheets } from '../../src/core/sheets/summary';
import { AnnotationPlan, SheetSpec } from '../../src/core/model/spec';
import { CellValue, Grid } from '../../src/core/model/grid';
import { problemList, responsibilityList, roster, taskList } from '../core/helpers/threelists';
import { isoToSerial } from '../../src/core/text/dates';
import { colLetter } from '../../src/core/text/grid';
import { CHART_TYPES, lastCellOf } from '../../src/excel/charts';
import { mergedRows } from '../../src/excel/page';
import { chartSeries, parseBlock } from '../../src/xlsxlite';

const LEDGER = '整改台账';
const AS_OF = '2022-07-15';
const HEADER = ['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态'];

/** A realistic ledger: a title row, a header row, then `n` measure rows of varied deadlines and states. */
export function ledgerRows(n: number): { rows: (FakeValue | null)[][]; formats: (string | null)[][] } {
  const rows: (FakeValue | null)[][] = [['某单位巡察反馈问题整改台账', null, null, null, null, null, null, null], HEADER.slice()];
  const formats: (string | null)[][] = [[], []];
  const deadlines: (FakeValue | null)[] = [isoToSerial('2022-06-30'), '2022年12月底前', '长期坚持', '立行立改', '2022年7月20日', null, '2022年2月30日'];
  const states = ['已完成', '推进中', '未启动', '持续推进', '基本完成'];
  for (let i = 0; i < n; i++) {
    const d = deadlines[i % deadlines.length];
    rows.push([
      i + 1,
      i % 50 === 3 ? '=SUM(A1)' : '问题' + (i + 1) + '：制度执行不到位',
      i % 50 === 4 ? '+86 电话回访' : '措施' + (i + 1) + '：完善制度并组织培训',
      '张三',
      i % 10 === 9 ? null : '办公室',
      d,
      '已开展专项检查' + (i % 3 ? '' : '，形成报告'),
      states[i % states.length],
    ]);
    formats.push([null, i % 50 === 3 ? '@' : null, i % 50 === 4 ? '@' : null, null, null, typeof d === 'number' ? 'yyyy/m/d' : null, null, null]);
  }
  return { rows, formats };
}

function install(host: FakeHost): void {
  (global as unknown as { Office: unknown }).Office = host.Office;
  (global as unknown as { Excel: unknown }).Excel = host.Excel;
}

function makeHost(apiVersion: string, n = 40, extra: FakeSheetInit[] = []): FakeHost {
  const l = ledgerRows(n);
  const host = createFakeHost({
    apiVersion,
    sheets: ([{ name: '说明', rows: [['本台账按月更新']] }, { name: LEDGER, rows: l.rows, formats: l.formats }] as FakeSheetInit[]).concat(extra),
  });
  install(host);
  return host;
}

/** The pane's check: read every sheet, check, plan, annotate. Returns the plan and the syncs it took. */
async function runCheck(host: FakeHost): Promise<{ plan: AnnotationPlan; syncs: number; grids: Grid[] }> {
  const before = host.state.syncCount;
  const grids = await readWorkbook();
  const result = checkWorkbook(grids, { asOf: AS_OF, start: '2022-03-01', lang: 'zh' });
  const grid = grids.filter((g) => g.name === result.sheet)[0];
  const plan = planAnnotation(grid, result, 'zh');
  await annotate(plan, grids);
  return { plan, syncs: host.state.syncCount - before, grids };
}

function snapshot(host: FakeHost, sheet: string): Map<string, FakeValue> {
  const s = host.state.sheets.filter((x) => x.name === sheet)[0];
  const out = new Map<string, FakeValue>();
  s.cells.forEach((row, r) => row.forEach((cell, c) => out.set(r + ',' + c, cell.v)));
  return out;
}

const CELL_WRITES = /^(values|numberFormat|fill|fillClear|font\.|wrapText|horizontalAlignment|verticalAlignment|border|columnWidth|merge|conditionalFormat)/;

describe('fake Excel enforces Office.js semantics', () => {
  type Run = (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown>;
  const runOn = (host: FakeHost) => (host.Excel as { run: Run }).run;

  it('null in a values or numberFormat array leaves the cell as it is; an explicit "" clears it', async () => {
    const host = makeHost('1.1', 5);
    await runOn(host)(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem(LEDGER).getRange('B3:C3');
      r.numberFormat = [[null as unknown as string, '@']];
      r.values = [[null as unknown as string, '']];
      await ctx.sync();
    });
    expect(host.value(LEDGER, 'B3')).toBe('问题1：制度执行不到位');
    expect(host.value(LEDGER, 'C3')).toBe('');
    expect(host.cellAt(LEDGER, 'B3')!.fmt).toBe('General');
    expect(host.cellAt(LEDGER, 'C3')!.fmt).toBe('@');
  });

  it('a General cell turns typed-looking text into a date, a percentage, a number or a boolean; a text cell keeps it', async () => {
    const host = makeHost('1.1', 2);
    const texts = ['2022-06-30', '1/2', '10%', '12', 'TRUE', '2022年6月底前'];
    await runOn(host)(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem('说明');
      ws.getRange('A2:F2').values = [texts];
      const asText = ws.getRange('A3:F3');
      asText.numberFormat = [texts.map(() => '@')];
      asText.values = [texts];
      await ctx.sync();
    });
    expect(['A2', 'B2', 'C2', 'D2', 'E2', 'F2'].map((a) => host.value('说明', a))).toEqual([
      isoToSerial('2022-06-30'),
      isoToSerial(new Date().getFullYear() + '-01-02'),
      0.1,
      12,
      true,
      '2022年6月底前',
    ]);
    expect(host.cellAt('说明', 'A2')!.fmt).toBe('yyyy/m/d');
    expect(host.cellAt('说明', 'C2')!.fmt).toBe('0%');
    expect(host.cellAt('说明', 'A2')!.converted).toBe('2022-06-30');
    expect(['A3', 'B3', 'C3', 'D3', 'E3', 'F3'].map((a) => host.value('说明', a))).toEqual(texts);
  });

  it('a sync that loads more than ~5 MB fails with ResponsePayloadSizeLimitExceeded', async () => {
    const host = makeHost('1.1', 200);
    const small = createFakeHost({ apiVersion: '1.1', sheets: [{ name: 'S', rows: ledgerRows(200).rows }], responseLimit: 10 * 1024 });
    await expect(
      runOn(small)(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getUsedRange().load('values');
        await ctx.sync();
      }),
    ).rejects.toThrow(/ResponsePayloadSizeLimitExceeded/);
    // The same load under the default limit passes.
    await runOn(host)(async (ctx) => {
      ctx.workbook.worksheets.getItem(LEDGER).getUsedRange().load('values');
      await ctx.sync();
    });
    expect(host.state.syncResponses[0]).toBeGreaterThan(10 * 1024);
  });

  it('a merged area holds its value in its top-left cell, counts as used, and refuses a value in another cell', async () => {
    const host = createFakeHost({ apiVersion: '1.2', sheets: [{ name: 'S', rows: [['标题'], ['a', 'b']], merges: ['A1:D1'] }] });
    const used = (await runOn(host)(async (ctx) => {
      const r = ctx.workbook.worksheets.getItem('S').getUsedRange();
      r.load('address,values');
      await ctx.sync();
      return { address: r.address, values: r.values };
    })) as { address: string; values: unknown[][] };
    expect(used).toEqual({ address: 'S!A1:D2', values: [['标题', '', '', ''], ['a', 'b', '', '']] });
    await expect(
      runOn(host)(async (ctx) => {
        ctx.workbook.worksheets.getItem('S').getRange('C1').values = [['x']];
        await ctx.sync();
      }),
    ).rejects.toThrow(/merged cell: C1/);
    expect(() => createFakeHost({ apiVersion: '1.1', sheets: [{ name: 'S', rows: [['a', 'b']], merges: ['A1:B1'] }] })).toThrow(/inside the merge/);
  });

  it('a property the fake does not model throws when read, set, called or loaded', async () => {
    const host = makeHost('1.9', 2);
    const run = runOn(host);
    await expect(run(async (ctx) => (ctx.workbook.worksheets.getItem(LEDGER) as unknown as { tabColor: string }).tabColor)).rejects.toThrow(/PropertyNotModelled: Worksheet.tabColor/);
    await expect(
      run(async (ctx) => {
        (ctx.workbook.worksheets.getItem(LEDGER).getRange('A1').format as unknown as { indentLevel: number }).indentLevel = 2;
      }),
    ).rejects.toThrow(/PropertyNotModelled: RangeFormat.indentLevel/);
    await expect(
      run(async (ctx) => {
        (ctx.workbook.worksheets.getItem(LEDGER).getRange('A1') as unknown as { getMergedAreas(): void }).getMergedAreas();
      }),
    ).rejects.toThrow(/PropertyNotModelled: Range.getMergedAreas/);
    await expect(
      run(async (ctx) => {
        ctx.workbook.worksheets.getItem(LEDGER).getRange('A1').load('valueTypes');
        await ctx.sync();
      }),
    ).rejects.toThrow(/load\('valueTypes'\) is not modelled/);
  });

  it("a formula that names a sheet follows it while it exists, and becomes #REF! when the sheet is deleted", async () => {
    const host = createFakeHost({
      apiVersion: '1.1',
      sheets: [
        { name: '报送', rows: [['逾期项数', 0]], formulas: [[null, "='总览'!B3"]] },
        { name: '总览', rows: [[], [], ['逾期', 6]] },
      ],
    });
    expect(host.value('报送', 'B1')).toBe(6);
    await runOn(host)(async (ctx) => {
      ctx.workbook.worksheets.getItem('总览').getRange('B3').values = [[9]];
      await ctx.sync();
    });
    expect(host.value('报送', 'B1')).toBe(9);
    await runOn(host)(async (ctx) => {
      ctx.workbook.worksheets.getItem('总览').delete();
      ctx.workbook.worksheets.add('总览');
      await ctx.sync();
    });
    expect(host.value('报送', 'B1')).toBe('#REF!');
    expect(host.cellAt('报送', 'B1')!.f).toBe('=#REF!B3');
  });

  it('reading a property before load() and sync() throws PropertyNotLoaded', async () => {
    const host = makeHost('1.7');
    await expect(
      (host.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run(async (ctx) => {
        const r = ctx.workbook.worksheets.getItem(LEDGER).getUsedRange();
        r.load('values');
        return r.values; // not synced yet
      }),
    ).rejects.toThrow(/PropertyNotLoaded/);
  });

  it('an API newer than the host throws ApiNotFound', async () => {
    const host = makeHost('1.1');
    await expect(
      (host.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run(async (ctx) => {
        ctx.workbook.worksheets.getItem(LEDGER).freezePanes.freezeRows(1);
        await ctx.sync();
      }),
    ).rejects.toThrow(/ApiNotFound/);
  });

  it('text that looks like a formula becomes one unless the cell is text first', async () => {
    const host = makeHost('1.7');
    await (host.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run(async (ctx) => {
      ctx.workbook.worksheets.getItem('说明').getRange('B1').values = [['=SUM(A1)']];
      await ctx.sync();
    });
    expect(host.cellAt('说明', 'B1')!.formula).toBe(true);
  });
});

describe('readWorkbook / readSheet', () => {
  it('turns used ranges into Grids: blanks are null, date-formatted serials are dates; two syncs for all sheets', async () => {
    const host = makeHost('1.1', 10);
    const grids = await readWorkbook();
    expect(host.state.syncCount).toBe(2);
    expect(grids.map((g) => g.name)).toEqual(['说明', LEDGER]);
    const g = grids[1];
    expect(g.top).toBe(1);
    expect(g.left).toBe(1);
    expect(g.rows[1]).toEqual(HEADER);
    expect(g.rows[2][5]).toEqual({ date: '2022-06-30' });
    expect(g.rows[2][0]).toBe(1);
    expect(g.rows[0][1]).toBeNull();
  });

  it('readSheet is one sync and keeps the used range offset', async () => {
    const host = createFakeHost({ apiVersion: '1.1', sheets: [{ name: 'S', rows: [['a', 'b']], top: 3, left: 2 }] });
    install(host);
    const g = await readSheet('S');
    expect(host.state.syncCount).toBe(1);
    expect(g).toEqual({ name: 'S', rows: [['a', 'b']], top: 3, left: 2, usedRight: 3 });
  });

  it('readSheet carries the add-in’s record of its columns, as readWorkbook does', async () => {
    const host = createFakeHost({
      apiVersion: '1.1',
      sheets: [{ name: 'S', rows: [['序号', '检查意见']] }],
      settings: { 'taizhang.columns': JSON.stringify({ S: { column: 2, width: 1 } }) },
    });
    install(host);
    expect((await readSheet('S')).ours).toEqual({ column: 2, width: 1 });
    expect((await readWorkbook())[0].ours).toEqual({ column: 2, width: 1 });
  });

  it('Grid.usedRight is the used range’s right edge: formatted cells and merges count', async () => {
    const host = createFakeHost({
      apiVersion: '1.1',
      sheets: [
        {
          name: '台账',
          rows: [['巡察整改台账'], ['序号', '整改措施', '完成时限'], [1, '措施', '2022年6月底前']],
          merges: ['A1:F1'],
          styles: [[], [], [null, null, null, null, null, null, null, { fill: '#FFFF00' }]],
        },
      ],
    });
    install(host);
    const g = (await readWorkbook())[0];
    expect(g.usedRight).toBe(8);
    expect(g.rows[0]).toEqual(['巡察整改台账', null, null, null, null, null, null, null]);
  });

  it("skips Taizhang's own summary sheets (as recorded, either language) without loading their used ranges, and reads a user's sheet of the same name", async () => {
    const big = Array.from({ length: 3000 }, (_, i) => [i, '汇总事项' + i, '办公室']);
    const l = ledgerRows(10);
    const host = createFakeHost({
      apiVersion: '1.7',
      sheets: [
        { name: '说明', rows: [['本台账按月更新']] },
        { name: LEDGER, rows: l.rows, formats: l.formats },
        { name: '总览', rows: [['我自己的总览：各处室联系人']] },
        { name: '汇总台账', rows: big },
        { name: 'Consolidated ledger', rows: big },
        { name: '总览 (2)', rows: [['整改落实情况汇总']] },
      ],
      settings: { 'taizhang.sheets': JSON.stringify({ 汇总台账: '汇总台账', 'Consolidated ledger': 'Consolidated ledger', 总览: '总览 (2)' }) },
    });
    install(host);
    const used = jest.spyOn(FakeWorksheet.prototype, 'getUsedRange');
    try {
      const grids = await readWorkbook();
      expect(host.state.syncCount).toBe(2);
      expect(grids.map((g) => g.name)).toEqual(['说明', LEDGER, '总览']);
      // The used ranges of our sheets were never asked for.
      expect(used).toHaveBeenCalledTimes(3);
    } finally {
      used.mockRestore();
    }
  });

  it('past Office’s ~5 MB response limit, the read goes in row slices and the grids are the same', async () => {
    const l = ledgerRows(3000);
    const sheets = [{ name: LEDGER, rows: l.rows, formats: l.formats }];
    const whole = createFakeHost({ apiVersion: '1.1', sheets });
    install(whole);
    const expected = await readWorkbook();
    expect(whole.state.syncCount).toBe(2);
    // The same workbook where Office answers at most 200 KB per sync.
    const small = createFakeHost({ apiVersion: '1.1', sheets, responseLimit: 200 * 1024 });
    install(small);
    const grids = await readWorkbook();
    expect(grids.map((g) => ({ name: g.name, rows: g.rows, top: g.top, left: g.left, usedRight: g.usedRight }))).toEqual(
      expected.map((g) => ({ name: g.name, rows: g.rows, top: g.top, left: g.left, usedRight: g.usedRight })),
    );
    // Every sync that Office refused brought back too much; the slices that were used fit.
    const responses = small.state.syncResponses;
    const refused = responses.filter((b) => b > 200 * 1024).length;
    expect(refused).toBeGreaterThan(0);
    expect(Math.max(...responses.slice(responses.length - 3))).toBeLessThanOrEqual(200 * 1024);
    console.log('read of 3,000 rows with a 200 KB response limit: ' + small.state.syncCount + ' syncs (' + whole.state.syncCount + ' without)');
    expect(small.state.syncCount).toBeGreaterThan(4);
  });

  it('toGrid handles sheet names that need quotes', () => {
    expect(toGrid('a b', "'a b'!C5:D5", [['x', '']], [['General', 'General']])).toEqual({ name: 'a b', rows: [['x', null]], top: 5, left: 3, usedRight: 4 });
  });
});

describe('annotate in place', () => {
  it('writes only the four added columns, and no original cell changes', async () => {
    const host = makeHost('1.7');
    const before = snapshot(host, LEDGER);
    const { plan } = await runCheck(host);
    expect(plan.column).toBe(9); // after 完成状态 (H)
    const cellWrites = host.state.writes.filter((w) => CELL_WRITES.test(w.kind));
    expect(cellWrites.length).toBeGreaterThan(0);
    for (const w of cellWrites) {
      expect(w.sheet).toBe(LEDGER);
      expect(w.c0).toBeGreaterThanOrEqual(plan.column);
      expect(w.c1).toBeLessThanOrEqual(plan.column + 3);
    }
    const after = snapshot(host, LEDGER);
    before.forEach((v, k) => expect(after.get(k)).toBe(v));
    // Header labels and a flagged row.
    expect(host.value(LEDGER, 'I2')).toBe('期限状态');
    expect(host.value(LEDGER, 'L2')).toBe('检查意见');
    expect(host.value(LEDGER, 'I3')).toBe('已完成');
    expect(host.cellAt(LEDGER, 'J3')!.fmt).toBe('yyyy-mm-dd');
    expect(host.value(LEDGER, 'J3')).toBe(isoToSerial('2022-06-30'));
  });

  it('a re-check updates the same columns and adds none (and no duplicate rules)', async () => {
    const host = makeHost('1.7');
    const first = await runCheck(host);
    const sheet = host.state.sheets.filter((s) => s.name === LEDGER)[0];
    const rulesAfterFirst = sheet.conditionalFormats.length;
    const second = await runCheck(host);
    expect(second.plan.reused).toBe(true);
    expect(second.plan.column).toBe(first.plan.column);
    expect(sheet.conditionalFormats.length).toBe(rulesAfterFirst);
    const grid = second.grids.filter((g) => g.name === LEDGER)[0];
    expect((grid.left || 1) + Math.max(...grid.rows.map((r) => r.length)) - 1).toBe(first.plan.column + 3);
    let maxCol = 0;
    sheet.cells.forEach((row) => row.forEach((cell, c) => (maxCol = cell.v !== '' ? Math.max(maxCol, c) : maxCol)));
    expect(maxCol).toBe(first.plan.column + 3);
  });

  it('costs the same number of syncs for 100 and 20,000 rows, at most 4', async () => {
    const small = makeHost('1.7', 100);
    const s = await runCheck(small);
    const big = makeHost('1.7', 20000);
    const b = await runCheck(big);
    console.log('syncs per check: 100 rows = ' + s.syncs + ', 20,000 rows = ' + b.syncs + '; largest payload of the 20,000-row check = ' + Math.max(...big.state.syncPayloads) + ' bytes');
    expect(b.syncs).toBe(s.syncs);
    expect(b.syncs).toBeLessThanOrEqual(4);
    expect(Math.max(...big.state.syncPayloads)).toBeLessThan(4.5 * 1024 * 1024);
    // The same on the 1.1 fallback (static fills).
    const old = makeHost('1.1', 20000);
    const o = await runCheck(old);
    expect(o.syncs).toBe(s.syncs);
  }, 120000);

  it('splits a write that would pass ~4 MB into several syncs instead of failing', async () => {
    const host = makeHost('1.7', 10);
    const long = 'x'.repeat(2000);
    const rows = 3000; // ~6 MB of notes
    const plan: AnnotationPlan = {
      sheet: LEDGER, column: 9, reused: false, headerRow: 2, headerRows: [2], labels: ['期限状态', '截止日期', '剩余天数', '检查意见'],
      firstRow: 3, lastRow: 2 + rows,
      values: Array.from({ length: rows }, () => ['逾期', { date: '2022-06-30' }, -15, long]),
      styles: Array.from({ length: rows }, () => 'bad' as const),
    };
    const report = await annotate(plan);
    expect(report.syncs).toBeGreaterThan(1);
    expect(Math.max(...host.state.syncPayloads)).toBeLessThan(5 * 1024 * 1024);
    expect(host.value(LEDGER, 'L' + (2 + rows))).toBe(long);
  });

  it('writes formula-like text as text: numberFormat @ before the values', async () => {
    const host = makeHost('1.7', 5);
    const tricky = ['=SUM(A1)', '+86', '-', '@x'];
    const plan: AnnotationPlan = {
      sheet: LEDGER, column: 9, reused: false, headerRow: 2, headerRows: [2], labels: ['=期限', '+截止', '-剩余', '@意见'],
      firstRow: 3, lastRow: 6,
      values: tricky.map((t) => [t, null, null, t]),
      styles: [null, null, null, null],
    };
    await annotate(plan);
    for (let r = 3; r <= 6; r++) {
      for (const col of ['I', 'L']) {
        const cell = host.cellAt(LEDGER, col + r)!;
        expect(cell.formula).toBe(false);
        expect(cell.fmt).toBe('@');
        expect(cell.v).toBe(tricky[r - 3]);
      }
    }
    expect(host.cellAt(LEDGER, 'I2')!.formula).toBe(false);
    // Order: the header, then the body, each as a numberFormat write before the values on the same range.
    const writes = host.state.writes.filter((w) => w.kind === 'values' || w.kind === 'numberFormat').map((w) => w.kind + ' ' + w.address);
    expect(writes).toEqual(['numberFormat I2:L2', 'values I2:L2', 'numberFormat I3:L6', 'values I3:L6']);
  });

  it('uses conditional formats on ExcelApi 1.6+, one rule per flag label', async () => {
    const host = makeHost('1.7');
    const { plan } = await runCheck(host);
    const cfs = host.state.writes.filter((w) => w.kind === 'conditionalFormat');
    expect(cfs.length).toBeGreaterThan(0);
    const rules = cfs.map((w) => (w.value as { rule: { formula1: string } }).rule.formula1).sort();
    expect(rules).toEqual(rules.filter((r, i) => rules.indexOf(r) === i));
    expect(rules).toContain('="逾期"');
    // No static fill on the body (the header row has its own style).
    const statics = host.state.writes.filter((w) => w.kind === 'fill' && w.r0 >= plan.firstRow);
    expect(statics).toEqual([]);
  });

  it('falls back on ExcelApi 1.1: static fills by run, no conditional formats, no merges or widths', async () => {
    const host = makeHost('1.1');
    const { plan } = await runCheck(host);
    const kinds = host.state.writes.map((w) => w.kind);
    expect(kinds).not.toContain('conditionalFormat');
    expect(kinds).not.toContain('conditionalFormatClear');
    expect(kinds).not.toContain('merge');
    expect(kinds).not.toContain('columnWidth');
    // ledgerRows cycles 7 deadlines against 5 states: done (green) on rows 3, 8, 13, ..., overdue (red) on 6, 10, 17, ...
    expect(plan.firstRow).toBe(3);
    expect(['I3', 'I4', 'I6', 'I7', 'I8', 'I10'].map((a) => host.cellAt(LEDGER, a)!.fill)).toEqual(['#C6EFCE', undefined, '#FFC7CE', '#FFEB9C', '#C6EFCE', '#FFC7CE']);
  });

  it('on ExcelApi 1.1 one static fill per contiguous run of a style, and none on unstyled flags', async () => {
    // Rows 3-4 overdue, 5 done, 6 on track, 7-8 due soon, 9 long-term: three colours, four runs.
    const rows: (FakeValue | null)[][] = [
      ['某单位巡察反馈问题整改台账', null, null, null, null, null, null, null], HEADER.slice(),
      [1, '问题一', '措施一', '张三', '办公室', '2022年6月底前', '', '推进中'],
      [2, '问题二', '措施二', '张三', '办公室', '立行立改', '', '未启动'],
      [3, '问题三', '措施三', '张三', '办公室', '2022年5月底前', '已印发', '已完成'],
      [4, '问题四', '措施四', '张三', '办公室', '2022年12月底前', '', '推进中'],
      [5, '问题五', '措施五', '张三', '办公室', '2022年7月20日', '', '推进中'],
      [6, '问题六', '措施六', '张三', '办公室', '7月25日前', '', '推进中'],
      [7, '问题七', '措施七', '张三', '办公室', '长期坚持', '已开展', '持续推进'],
    ];
    const host = createFakeHost({ apiVersion: '1.1', sheets: [{ name: LEDGER, rows }] });
    install(host);
    const { plan } = await runCheck(host);
    expect(plan.values.map((v) => v[0])).toEqual(['逾期', '逾期', '已完成', '正常推进', '临期', '临期', '长期坚持']);
    const fills = host.state.writes.filter((w) => w.kind === 'fill' && w.r0 >= 3).map((w) => [w.address, w.value]);
    expect(fills).toEqual([['I3:I4', '#FFC7CE'], ['I5', '#C6EFCE'], ['I7:I8', '#FFEB9C']]);
  });

  it('the body formats are text for labels and notes, a date format for the due date', () => {
    const body = annotationBody({
      sheet: 'x', column: 1, reused: false, headerRow: 1, headerRows: [1], labels: [], firstRow: 2, lastRow: 2,
      values: [['逾期', { date: '2022-06-30' }, -15, '逾期15天']], styles: ['bad'],
    });
    expect(body.formats[0]).toEqual(['@', 'yyyy-mm-dd', '0', '@']);
    expect(body.values[0]).toEqual(['逾期', isoToSerial('2022-06-30'), -15, '逾期15天']);
  });
});

/* ------------------------------------- three lists ------------------------------------- */

function toFake(g: Grid): FakeSheetInit {
  return { name: g.name, rows: g.rows.map((r) => r.map((v: CellValue) => (v === null || typeof v === 'object' ? null : v))) };
}

/** 问题清单, 任务清单, 责任清单 of the core's tests (planted orphans of every kind), plus a roster. */
function threeListSheets(): FakeSheetInit[] {
  return [{ name: '说明', rows: [['三个清单按月更新']] }, toFake(problemList()), toFake(taskList()), toFake(responsibilityList()), toFake(roster())];
}

/** The same shape with n problems, n tasks and n responsibilities (every 7th problem has no task). */
function bigThreeLists(n: number): FakeSheetInit[] {
  const problems: FakeValue[][] = [['序号', '问题类别', '存在问题']];
  const tasks: FakeValue[][] = [['序号', '对应问题', '整改措施', '完成时限', '完成情况']];
  const resp: FakeValue[][] = [['任务序号', '责任领导', '牵头部门', '责任人']];
  for (let i = 1; i <= n; i++) {
    problems.push([String(i), '方面' + (1 + (i % 5)), '问题' + i]);
    if (i % 7 !== 0) tasks.push([String(i), String(i), '措施' + i, i % 3 ? '2022年6月底前' : '长期坚持', i % 2 ? '已完成' : '推进中']);
    if (i % 11 !== 0) resp.push([String(i), '王局长', '办公室', '张三']);
  }
  return [{ name: '问题清单', rows: problems }, { name: '任务清单', rows: tasks }, { name: '责任清单', rows: resp }];
}

async function runThreeListCheck(host: FakeHost): Promise<{ plans: AnnotationPlan[]; syncs: number; sources: unknown }> {
  const before = host.state.syncCount;
  const grids = await readWorkbook();
  const result = checkWorkbook(grids, { asOf: AS_OF, start: '2022-02-24', lang: 'zh' });
  const plans = planAnnotations(grids, result, 'zh');
  const report = await annotateAll(plans, grids);
  expect(report.syncs).toBe(host.state.syncCount - before - 2);
  return { plans, syncs: host.state.syncCount - before, sources: result.sources };
}

function maxUsedColumn(host: FakeHost, sheet: string): number {
  let max = 0;
  host.findSheet(sheet)!.cells.forEach((row) => row.forEach((cell, c) => (max = cell.v !== '' ? Math.max(max, c) : max)));
  return max;
}

describe('three lists in one workbook', () => {
  it('annotates the task list (four columns) and notes orphans on the other lists, writing only the added columns', async () => {
    const host = createFakeHost({ apiVersion: '1.7', sheets: threeListSheets() });
    install(host);
    const names = host.state.sheets.map((s) => s.name);
    const before = new Map(names.map((n) => [n, snapshot(host, n)] as [string, Map<string, FakeValue>]));
    const { plans, sources } = await runThreeListCheck(host);
    expect(sources).toEqual({ problems: '问题清单', tasks: '任务清单', responsibilities: '责任清单' });
    expect(plans.map((p) => [p.sheet, p.column, planColumns(p).length])).toEqual([
      ['任务清单', 6, 4],
      ['问题清单', 4, 1],
      ['责任清单', 5, 1],
    ]);
    const bySheet: Record<string, AnnotationPlan> = {};
    plans.forEach((p) => (bySheet[p.sheet] = p));
    const cellWrites = host.state.writes.filter((w) => CELL_WRITES.test(w.kind));
    expect(cellWrites.length).toBeGreaterThan(0);
    for (const w of cellWrites) {
      const plan = bySheet[w.sheet];
      expect(plan).toBeDefined(); // nothing on 说明 or 部门名单
      expect(w.c0).toBeGreaterThanOrEqual(plan.column);
      expect(w.c1).toBeLessThanOrEqual(plan.column + planColumns(plan).length - 1);
    }
    names.forEach((n) => {
      const after = snapshot(host, n);
      before.get(n)!.forEach((v, k) => expect(after.get(k)).toBe(v));
    });
    // Task list: the four labels; problem list: 检查意见 as text, the orphan in Bad colours.
    expect(['F1', 'G1', 'H1', 'I1'].map((a) => host.value('任务清单', a))).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
    expect(host.value('问题清单', 'D2')).toBe('检查意见');
    const orphan = host.cellAt('问题清单', 'D5')!;
    expect(orphan.v).toBe('问题（序号3）在任务清单中没有对应的整改措施。');
    expect(orphan.fmt).toBe('@');
    expect(orphan.fill).toBe('#FFC7CE');
    expect(host.cellAt('问题清单', 'D3')!.fill).toBeUndefined();
    expect(host.value('问题清单', 'D3')).toBe('');
    // Responsibility list: the row for task 8, which does not exist.
    expect(host.value('责任清单', 'E10')).toBe('任务序号“8”在任务清单中不存在。');
    expect(host.cellAt('责任清单', 'E10')!.fill).toBe('#FFC7CE');
    // The notes column wraps; the notes plans use no conditional formats (their text is free).
    expect(host.state.writes.some((w) => w.kind === 'wrapText' && w.sheet === '问题清单' && w.c0 === 4)).toBe(true);
    expect(host.state.writes.filter((w) => w.kind === 'conditionalFormat' && w.sheet !== '任务清单')).toEqual([]);
  });

  it('a re-check reuses every added column and adds none', async () => {
    const host = createFakeHost({ apiVersion: '1.7', sheets: threeListSheets() });
    install(host);
    const first = await runThreeListCheck(host);
    const widths = first.plans.map((p) => maxUsedColumn(host, p.sheet));
    const rules = host.findSheet('任务清单')!.conditionalFormats.length;
    const second = await runThreeListCheck(host);
    expect(second.plans.map((p) => [p.sheet, p.column, p.reused])).toEqual(first.plans.map((p) => [p.sheet, p.column, true]));
    expect(second.plans.map((p) => maxUsedColumn(host, p.sheet))).toEqual(widths);
    expect(host.findSheet('任务清单')!.conditionalFormats.length).toBe(rules);
    expect(maxUsedColumn(host, '说明')).toBe(1);
    expect(maxUsedColumn(host, '部门名单')).toBe(1);
  });

  it('costs the same syncs as a single ledger, for 20 and 20,000 rows, whatever the number of plans', async () => {
    const single = makeHost('1.7', 100);
    const one = await runCheck(single);
    const counts: number[] = [];
    for (const [v, sheets] of [['1.7', threeListSheets()], ['1.7', bigThreeLists(20000)], ['1.1', threeListSheets()], ['1.1', bigThreeLists(20000)]] as [string, FakeSheetInit[]][]) {
      const host = createFakeHost({ apiVersion: v, sheets });
      install(host);
      const r = await runThreeListCheck(host);
      expect(r.plans.length).toBe(3);
      counts.push(r.syncs);
    }
    console.log('syncs per three-list check: small = ' + counts[0] + ', 20,000 rows = ' + counts[1] + '; on ExcelApi 1.1: small = ' + counts[2] + ', 20,000 rows = ' + counts[3] + ' (single ledger: ' + one.syncs + ')');
    expect(counts.slice(0, 3)).toEqual([one.syncs, one.syncs, one.syncs]);
    expect(one.syncs).toBeLessThanOrEqual(4);
    // On 1.1 every run of one flag colour is a static fill of its own; 20,000 rows whose flags change
    // on every row pass the ~4 MB budget once, and the batch splits rather than fail: one sync more.
    expect(counts[3]).toBeLessThanOrEqual(4);
  }, 120000);
});

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

    // 汇总台账's first item is the row under its header (row 3, below the title and the as-of line):
    // its 行号 cell (Q) links to the item's 整改措施 cell and keeps its number.
    const ledger = specs.filter((x) => x.name === '汇总台账')[0];
    const h = ledger.freeze!.rows;
    const col = ledger.rows[h - 1].map((c) => c && c.v).indexOf('行号') + 1;
    const first = ledger.rows[h][col - 1]!;
    const cell = host.cellAt('汇总台账', 'Q' + (h + 1))!;
    expect(col).toBe(17);
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
    expect(host.value('汇总台账', 'Q' + (ledger.freeze!.rows + 1))).toBe(ledger.rows[ledger.freeze!.rows][16]!.v);
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

describe('never touch what is not ours', () => {
  /** The ledger with the user's own 期限状态 column (I) after 完成状态, and a 检查意见 of theirs (J). */
  function userColumnsHost(): FakeHost {
    const l = ledgerRows(12);
    const rows = l.rows.map((r, i) => r.concat(i === 1 ? ['期限状态', '检查意见'] : i === 0 ? [null, null] : ['按期', '处室已核实']));
    const host = createFakeHost({ apiVersion: '1.7', sheets: [{ name: LEDGER, rows, formats: l.formats }] });
    install(host);
    return host;
  }

  it('a user’s own 期限状态 and 检查意见 columns survive 检查 and a re-check; ours go after them and stay there', async () => {
    const host = userColumnsHost();
    const before = snapshot(host, LEDGER);
    const first = await runCheck(host);
    expect(first.plan.column).toBe(11); // K: after the user's I and J
    expect(['K2', 'L2', 'M2', 'N2'].map((a) => host.value(LEDGER, a))).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
    expect(host.state.settings['taizhang.columns']).toBe(JSON.stringify({ [LEDGER]: { column: 11, width: 4 } }));
    const second = await runCheck(host);
    expect(second.plan.column).toBe(11);
    expect(second.plan.reused).toBe(true);
    const after = snapshot(host, LEDGER);
    before.forEach((v, k) => expect([k, after.get(k)]).toEqual([k, v]));
    expect(host.value(LEDGER, 'I3')).toBe('按期');
    expect(host.value(LEDGER, 'J3')).toBe('处室已核实');
    // No write of either check reached the user's columns.
    for (const w of host.state.writes.filter((x) => CELL_WRITES.test(x.kind))) expect(w.c0).toBeGreaterThanOrEqual(11);
  });

  it('a problem list’s own 检查意见 is never rewritten: ours is recorded and found again by the record', async () => {
    const sheets = threeListSheets();
    const problems = sheets.filter((x) => x.name === '问题清单')[0];
    problems.rows = problems.rows.map((r, i) => r.concat(i === 1 ? ['检查意见'] : i > 1 ? ['请处室核实'] : [null]));
    const host = createFakeHost({ apiVersion: '1.7', sheets });
    install(host);
    const first = await runThreeListCheck(host);
    const plan = first.plans.filter((p) => p.sheet === '问题清单')[0];
    expect(plan.column).toBe(5);
    expect(JSON.parse(String(host.state.settings['taizhang.columns']))['问题清单']).toEqual({ column: 5, width: 1 });
    const second = await runThreeListCheck(host);
    expect(second.plans.filter((p) => p.sheet === '问题清单')[0].column).toBe(5);
    for (let r = 3; r <= 6; r++) expect(host.value('问题清单', 'D' + r)).toBe('请处室核实');
    expect(maxUsedColumn(host, '问题清单')).toBe(5);
  });

  it('a re-check clears what an earlier one wrote on a row that is no longer an item, by writing "" (null would leave it)', async () => {
    const host = makeHost('1.7', 8);
    await runCheck(host);
    // Row 5 is the third measure: 长期坚持, 未启动.
    expect(host.value(LEDGER, 'I5')).toBe('长期坚持');
    // The user empties row 5 (it is no longer an item).
    const sheet = host.findSheet(LEDGER)!;
    for (let c = 1; c <= 8; c++) {
      const cell = host.cell(sheet, 5, c);
      if (cell) cell.v = '';
    }
    const { plan } = await runCheck(host);
    expect(plan.values[5 - plan.firstRow]).toEqual([null, null, null, null]);
    expect(['I5', 'J5', 'K5', 'L5'].map((a) => host.value(LEDGER, a))).toEqual(['', '', '', '']);
    // The neighbours are still annotated.
    expect(host.value(LEDGER, 'I4')).not.toBe('');
    expect(host.value(LEDGER, 'I6')).not.toBe('');
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

describe('the added cells look like the ledger', () => {
  const BODY = { fontName: '仿宋_GB2312', fontSize: 14, fontColor: '#C00000', hAlign: 'Center', vAlign: 'Center', borders: { EdgeTop: { style: 'Continuous', weight: 'Thin', color: '#000000' }, EdgeBottom: { style: 'Continuous', weight: 'Thin', color: '#000000' }, EdgeLeft: { style: 'Continuous', weight: 'Thin', color: '#000000' }, EdgeRight: { style: 'Continuous', weight: 'Thin', color: '#000000' } } };

  /** A ledger set in 仿宋_GB2312 14, centred, with borders on every body cell; rows 3..(n+2), and a 注 row at the end. */
  function styledHost(apiVersion: string, n = 10): FakeHost {
    const l = ledgerRows(n);
    const rows = l.rows.concat([['注：本表每月25日前更新。', null, null, null, null, null, null, null]]);
    const styles = rows.map((r, i) => (i >= 2 && i < rows.length - 1 ? r.map(() => BODY) : []));
    const host = createFakeHost({ apiVersion, sheets: [{ name: LEDGER, rows, formats: l.formats, styles }] });
    install(host);
    return host;
  }

  it.each(['1.1', '1.7'])('on ExcelApi %s: font, size and alignment of the body cells; borders on every added cell of an item row; 检查意见 wraps', async (v) => {
    const host = styledHost(v);
    const { plan, syncs } = await runCheck(host);
    expect(plan.column).toBe(9);
    for (let r = 3; r <= 12; r++) {
      for (const col of ['I', 'J', 'K', 'L']) {
        const cell = host.cellAt(LEDGER, col + r)!;
        expect([col + r, cell.fontName, cell.fontSize, cell.hAlign, cell.vAlign]).toEqual([col + r, '仿宋_GB2312', 14, 'Center', 'Center']);
        // Not the ledger's (red) text colour.
        expect([col + r, cell.fontColor === '#C00000']).toEqual([col + r, false]);
        for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']) expect([col + r, edge, cell.borders![edge].style]).toEqual([col + r, edge, 'Continuous']);
      }
      expect(host.cellAt(LEDGER, 'L' + r)!.wrap).toBe(true);
    }
    // The 注 row (13) is not an item: no borders drawn there.
    const note = host.cellAt(LEDGER, 'J13');
    expect(note && note.borders ? Object.keys(note.borders).filter((e) => note.borders![e].style !== 'None') : []).toEqual([]);
    // Row heights are left to Excel and the user: never set, never autofitted.
    expect(host.state.writes.filter((w) => /rowHeight|autofit/.test(w.kind))).toEqual([]);
    expect(syncs).toBe(3);
  });

  it('a ledger without borders gets none on the added cells, and a re-check keeps the look it gave', async () => {
    const l = ledgerRows(6);
    const plain = { fontName: '宋体', fontSize: 12, hAlign: 'Left', vAlign: 'Top' };
    const host = createFakeHost({ apiVersion: '1.7', sheets: [{ name: LEDGER, rows: l.rows, formats: l.formats, styles: l.rows.map((r, i) => (i >= 2 ? r.map(() => plain) : [])) }] });
    install(host);
    await runCheck(host);
    await runCheck(host);
    const cell = host.cellAt(LEDGER, 'K4')!;
    expect([cell.fontName, cell.fontSize, cell.hAlign, cell.vAlign]).toEqual(['宋体', 12, 'Left', 'Top']);
    expect(Object.keys(cell.borders || {}).filter((e) => cell.borders![e].style !== 'None')).toEqual([]);
  });

  it('the look is read in the same sync as the grid: a check still costs the same syncs for 100 and 20,000 rows', async () => {
    const small = styledHost('1.7', 100);
    const s = await runCheck(small);
    const big = styledHost('1.7', 20000);
    const b = await runCheck(big);
    console.log('syncs per check of a styled ledger: 100 rows = ' + s.syncs + ', 20,000 rows = ' + b.syncs);
    expect(b.syncs).toBe(s.syncs);
    expect(b.syncs).toBe(3);
  }, 120000);
});

describe('selection, new workbook, settings, language', () => {
  it('selectCell activates the sheet and selects the cell in one sync', async () => {
    const host = makeHost('1.1');
    await selectCell(LEDGER, 'F12');
    expect(host.state.syncCount).toBe(1);
    expect(host.state.activeSheet).toBe(LEDGER);
    expect(host.state.selection).toEqual({ sheet: LEDGER, address: 'F12' });
  });

  it('openAsNewWorkbook needs ExcelApi 1.8', async () => {
    makeHost('1.7');
    expect(await openAsNewWorkbook(() => Promise.resolve('UEsDBA=='))).toEqual({ status: 'not-supported', reason: 'api' });
    const host = makeHost('1.8');
    expect(await openAsNewWorkbook(() => Promise.resolve('UEsDBA=='))).toEqual({ status: 'opened' });
    expect(host.state.createdWorkbooks).toEqual(['UEsDBA==']);
  });

  it('options are saved in the workbook settings and read back', async () => {
    const host = makeHost('1.1');
    expect(loadOptions()).toEqual({});
    expect(await saveOptions({ start: '2022-03-01', dueSoonDays: 7, immediateDays: 30 })).toBe(true);
    expect(host.state.settingsSaved).toBe(1);
    expect(loadOptions()).toEqual({ start: '2022-03-01', dueSoonDays: 7, immediateDays: 30 });
  });

  it('before Office answers, the language is the one in the page address office.js reads, else Chinese', () => {
    expect(hostInfoLang('?_host_Info=Excel$Win32$16.01$en-US$$$$0')).toBe('en');
    expect(hostInfoLang('?_host_Info=Excel$Win32$16.00$zh-CN$$$$0')).toBe('zh');
    expect(hostInfoLang('?et=&_host_Info=Excel%24Win32%2416.01%24en-GB%24%24%24%240')).toBe('en');
    expect(hostInfoLang('?_host_Info=Excel|Win32|16.01|en-US|||')).toBe('en');
    expect(hostInfoLang('')).toBe('zh');
    expect(hostInfoLang('?_host_Info=%E0%A4%A')).toBe('zh');
  });

  it('whenReady says so once when Office never answers, and still starts if it answers later', () => {
    jest.useFakeTimers();
    try {
      let answer: (() => void) | null = null;
      // Office answers, but there is no Excel behind it (as in a plain browser).
      (global as unknown as { Excel: unknown }).Excel = undefined;
      (global as unknown as { Office: unknown }).Office = { onReady: (cb: () => void) => (answer = cb), context: {} };
      const calls: string[] = [];
      whenReady((inOffice) => calls.push('ready ' + inOffice), () => calls.push('silent'), 10000);
      jest.advanceTimersByTime(9999);
      expect(calls).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(calls).toEqual(['silent']);
      jest.advanceTimersByTime(60000);
      answer!();
      answer!();
      expect(calls).toEqual(['silent', 'ready false']);
      // Answered in time: no silence line.
      const quick: string[] = [];
      (global as unknown as { Office: unknown }).Office = { onReady: (cb: () => void) => setTimeout(cb, 50), context: {} };
      whenReady(() => quick.push('ready'), () => quick.push('silent'), 10000);
      jest.advanceTimersByTime(20000);
      expect(quick).toEqual(['ready']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('English only when Office displays English', () => {
    const host = createFakeHost({ apiVersion: '1.1', sheets: [{ name: 'a', rows: [] }], displayLanguage: 'en-US' });
    install(host);
    expect(displayLang()).toBe('en');
    install(createFakeHost({ apiVersion: '1.1', sheets: [{ name: 'a', rows: [] }], displayLanguage: 'zh-CN' }));
    expect(displayLang()).toBe('zh');
  });
});

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
      expect([spec.name, get('defaultForAllPages.centerFooter')]).toEqual([spec.name, ['第 &P 页 共 &N 页']]);
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

/* ------------------------------------------------------------------------------------------------ */
/* The pane's actions (src/taskpane/flows.ts) on the fake Excel: 生成督办单 and 对比上期.              */
/* ------------------------------------------------------------------------------------------------ */

import { compareWithEarlier, readAndCheck, writeNotices, noticeSpecs } from '../../src/taskpane/flows';
import { userMessage } from '../../src/core/words/errors';

const noStep = () => Promise.resolve();

/** A county ledger whose overdue and due-soon items fall to four lead departments, one jointly led. */
function noticeLedger(): FakeSheetInit {
  const rows: (FakeValue | null)[][] = [
    ['某县2022年巡察反馈问题整改台账', null, null, null, null, null, null, null],
    HEADER.slice(),
    [1, '理论学习不深入', '制定年度学习计划', '张某', '办公室', '2022年6月底前', '已起草', '推进中'],
    [2, '选人用人不规范', '完善干部选拔任用流程', '钱某', '组织部', '2022年7月20日', '正在修订', '推进中'],
    [3, '意识形态责任制落实不到位', '开展专项检查', '李某', '宣传部', '2022年12月底前', '方案已印发', '推进中'],
    [4, '公务接待不规范', '=清理2021年以来公务接待台账', '赵某', '办公室、财务处', isoToSerial('2022-05-31'), '正在核对', '推进中'],
    [5, '八项规定执行不严', '开展自查自纠', '孙某', '纪检组', '立行立改', '已完成自查', '已完成'],
    [6, '基层党组织换届不及时', '督促到期党组织按期换届', '孙某', '组织部', '长期坚持', '已完成3个支部换届', '持续推进'],
    [7, '档案管理不规范', '整理近三年文书档案', '周某', null, '2022年6月30日', '', '未启动'],
    [8, '网站内容更新不及时', '建立信息发布审核制度', '吴某', '宣传部', '2022年7月25日', '', '未启动'],
  ];
  const formats = rows.map((r) => r.map((v, j) => (j === 5 && typeof v === 'number' ? 'yyyy/m/d' : null)));
  return { name: LEDGER, rows, formats };
}

/** A sheet's cells as text rows (blank cells ''), for literal comparison. */
function sheetText(host: FakeHost, name: string): string[] {
  const s = host.state.sheets.filter((x) => x.name === name)[0];
  const out: string[] = [];
  s.cells.forEach((row, r) => {
    const cells: string[] = [];
    row.forEach((cell, c) => (cells[c - 1] = String(host.value(name, colLetter(c) + r))));
    const line = cells.join('|').replace(/\|+$/, '');
    if (line) out[r - 1] = line;
  });
  return out.filter((l) => l !== undefined);
}

describe('生成督办单: the notices as sheets of this workbook (src/taskpane/flows.ts writeNotices)', () => {
  const DOC = { issuer: '县委巡察整改办', noticeNumber: '县巡改〔2022〕7号', replyDays: 5 };
  const OPTS = { asOf: AS_OF, start: '2022-03-01', lang: 'zh' as const };

  function notices(apiVersion = '1.7'): FakeHost {
    const host = createFakeHost({
      apiVersion,
      sheets: [noticeLedger(), { name: '督办单-办公室', rows: [['办公室的回复'], ['已整改，见附件']] }],
    });
    install(host);
    return host;
  }

  it('one sheet per lead department with overdue or due-soon items, most overdue first; a user’s sheet of the same name is left alone', async () => {
    const host = notices();
    const c = await readAndCheck(OPTS, noStep, 3);
    const before = host.state.syncCount;
    const w = await writeNotices(c.result, 'zh', DOC);
    expect(host.state.syncCount - before).toBe(2);
    expect(w.report!.syncs).toBe(2);
    expect(w.report!.sheets).toEqual(['督办单-办公室 (2)', '督办单-财务处', '督办单-宣传部', '督办单-组织部']);
    expect(w.report!.renamed).toEqual([{ name: '督办单-办公室', sheet: '督办单-办公室 (2)' }]);
    expect(w.stale).toEqual([]);
    expect(sheetText(host, '督办单-办公室')).toEqual(['办公室的回复', '已整改，见附件']);
    expect(host.state.sheets.map((s) => s.name)).toEqual([LEDGER, '督办单-办公室', '督办单-办公室 (2)', '督办单-财务处', '督办单-宣传部', '督办单-组织部']);
    // The notice itself: title, 文号, addressee, the tone of an overdue unit, the items, the reply by 5 working days, the seal.
    expect(sheetText(host, '督办单-办公室 (2)')).toEqual([
      '整改督办单',
      '县巡改〔2022〕7号',
      '办公室：',
      '　　截至2022年7月15日，办公室牵头的整改措施中，有2项已逾期，请立即整改并说明原因。',
      '序号|存在问题|整改措施|责任领导|完成时限|截止日期|逾期/剩余天数|整改进展|整改进展及说明',
      '1|公务接待不规范|=清理2021年以来公务接待台账|赵某|2022-05-31|' + isoToSerial('2022-05-31') + '|逾期45天|正在核对',
      '2|理论学习不深入|制定年度学习计划|张某|2022年6月底前|' + isoToSerial('2022-06-30') + '|逾期15天|已起草',
      '　　请于2022年7月22日前将整改进展及说明（填入上表最后一列）报送县委巡察整改办。',
      '　　联系人：　　　　　　　　联系电话：',
      // The seal's space, no （盖章） printed; 抄送 the leaders in charge; the line signed on receipt.
      '县委巡察整改办',
      '2022年7月15日',
      '抄送：赵某、张某',
      '签收人：　　　　　　　　签收时间：　　　　年　　月　　日',
    ]);
    expect(sheetText(host, '督办单-宣传部')[3]).toBe('　　截至2022年7月15日，宣传部牵头的整改措施中，有1项即将到期，请抓紧推进，确保按期完成。');
    // The measure that looks like a formula stays text.
    expect(host.cellAt('督办单-财务处', 'C6')).toMatchObject({ v: '=清理2021年以来公务接待台账', fmt: '@' });
    expect(host.cellAt('督办单-财务处', 'C6')!.formula || false).toBe(false);
    // Nothing on the ledger was written.
    expect(host.state.writes.filter((w2) => w2.sheet === LEDGER)).toEqual([]);
  });

  it('a re-run rewrites ours in place; a notice no department needs any more is left as it is and named', async () => {
    const host = notices();
    await writeNotices((await readAndCheck(OPTS, noStep, 3)).result, 'zh', DOC);
    // 办公室 and 财务处 closed their items since.
    await (host.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(LEDGER);
      ws.getRange('H3').values = [['已完成']];
      ws.getRange('H6').values = [['已完成']];
      await ctx.sync();
    });
    const writesBefore = host.state.writes.length;
    const before = host.state.syncCount;
    const again = await writeNotices((await readAndCheck(OPTS, noStep, 3)).result, 'zh', DOC);
    expect(host.state.syncCount - before).toBe(2 + 2);
    expect(again.report!.sheets).toEqual(['督办单-宣传部', '督办单-组织部']);
    expect(again.report!.rewritten).toEqual(['督办单-宣传部', '督办单-组织部']);
    expect(again.stale).toEqual(['督办单-办公室 (2)', '督办单-财务处']);
    const later = host.state.writes.slice(writesBefore);
    expect(later.filter((w) => w.kind === 'deleteSheet' || w.kind === 'addSheet')).toEqual([]);
    expect(later.filter((w) => /办公室|财务处/.test(w.sheet))).toEqual([]);
    expect(sheetText(host, '督办单-办公室')).toEqual(['办公室的回复', '已整改，见附件']);
  });

  it('nothing overdue or due soon: nothing is written, and the earlier notices still there are named (one sync to see them)', async () => {
    const host = notices();
    await writeNotices((await readAndCheck(OPTS, noStep, 3)).result, 'zh', DOC);
    const early = (await readAndCheck({ ...OPTS, asOf: '2022-01-10' }, noStep, 3)).result;
    expect(noticeSpecs(early, 'zh', DOC)).toEqual([]);
    const writesBefore = host.state.writes.length;
    const before = host.state.syncCount;
    const none = await writeNotices(early, 'zh', DOC);
    expect(host.state.syncCount - before).toBe(1);
    expect(host.state.writes.length).toBe(writesBefore);
    expect(none).toEqual({ report: null, stale: ['督办单-办公室 (2)', '督办单-财务处', '督办单-宣传部', '督办单-组织部'] });
  });

  it('on ExcelApi 1.1 the notices are written whole, in the same syncs, and say what this Excel skipped', async () => {
    const host = notices('1.1');
    const c = await readAndCheck(OPTS, noStep, 3);
    const before = host.state.syncCount;
    const w = await writeNotices(c.result, 'zh', DOC);
    expect(host.state.syncCount - before).toBe(2);
    expect(w.report!.skipped).toEqual(['merges', 'columnWidths', 'printSettings', 'rowHeights']);
    // 组织部's items are only due soon: a 提醒单.
    expect(sheetText(host, '督办单-组织部')[0]).toBe('整改提醒单');
  });
});

/**
 * Two versions of a ledger of `n` measures, in the mix of a real one (most on track or done, one in
 * twenty overdue), the earlier filed on 2022-06-15, with changes planted at known rates: a deadline
 * moved later (every 100th, k=1), newly done (k=9), newly overdue (every 20th, k=18; every 100th of
 * those with the same progress as before, so stalled), one in 200 removed and one in 200 added.
 */
function versionSheets(n: number, earlierFirst = true): FakeSheetInit[] {
  const later: (FakeValue | null)[][] = [['某县2022年巡察反馈问题整改台账', null, null, null, null, null, null, null], HEADER.slice()];
  const earlier: (FakeValue | null)[][] = [
    ['某县2022年巡察反馈问题整改台账', null, null, null, null, null, null, null],
    ['填报单位：县委办公室　　填报时间：2022年6月15日', null, null, null, null, null, null, null],
    HEADER.slice(),
  ];
  const kinds: [string, string][] = [
    ['2022年12月底前', '推进中'], ['2022年12月底前', '推进中'], ['2022年12月底前', '推进中'], ['2022年12月底前', '推进中'],
    ['2022年12月底前', '推进中'], ['2022年12月底前', '推进中'], ['长期坚持', '持续推进'], ['长期坚持', '持续推进'], ['长期坚持', '持续推进'],
    ['2022年6月底前', '已完成'], ['2022年6月底前', '已完成'], ['2022年6月底前', '已完成'], ['2022年6月底前', '已完成'], ['2022年6月底前', '已完成'],
    ['2022年6月底前', '已完成'], ['2022年9月30日', '推进中'], ['2022年9月30日', '推进中'], ['2022年7月20日', '推进中'], ['2022年6月底前', '推进中'],
    ['立行立改', '已完成'],
  ];
  for (let i = 0; i < n; i++) {
    const [deadline, state] = kinds[i % 20];
    const problem = i % 200 === 50 ? '公车使用登记不全（第' + i + '处）' : i % 200 === 150 ? '谈心谈话开展不够（第' + i + '批）' : '问题' + (i + 1) + '：制度执行不到位';
    const measure = i % 200 === 50 ? '补登公务用车使用记录' + i : i % 200 === 150 ? '建立谈心谈话制度' + i : i % 50 === 18 ? '=核查' + (i + 1) + '号台账' : '措施' + (i + 1) + '：完善制度并组织培训';
    const row = (d: string, st: string, progress: string): FakeValue[] => [i + 1, problem, measure, '张三', i % 3 ? '办公室' : '组织部', d, progress, st];
    if (i % 200 !== 50) later.push(row(deadline, state, '本期：已推进' + i));
    if (i % 200 !== 150) {
      earlier.push(row(i % 100 === 1 ? '2022年10月31日' : deadline, i % 100 === 9 ? '推进中' : state, i % 100 === 18 ? '本期：已推进' + i : '上期：已部署' + i));
    }
  }
  const text = (rows: (FakeValue | null)[][]) => rows.map((r) => r.map((_v, j) => (j === 2 ? '@' : null)));
  const e: FakeSheetInit = { name: '上期台账', rows: earlier, formats: text(earlier) };
  const l: FakeSheetInit = { name: LEDGER, rows: later, formats: text(later) };
  const note: FakeSheetInit = { name: '说明', rows: [['本台账按月更新']] };
  return [note].concat(earlierFirst ? [e, l] : [l, e]);
}

describe('对比上期: the ledger against last period’s sheet in the same workbook (src/taskpane/flows.ts compareWithEarlier)', () => {
  const OPTS = { asOf: AS_OF, start: '2022-03-01', lang: 'zh' as const, file: '县委台账.xlsx' };

  function versions(apiVersion: string, n: number, earlierFirst = true): FakeHost {
    const host = createFakeHost({ apiVersion, sheets: versionSheets(n, earlierFirst) });
    install(host);
    return host;
  }

  it.each(['1.1', '1.7'])('costs the same syncs for 100 and 20,000 rows on ExcelApi %s: three to read (the earlier sheet apart), two to write', async (v) => {
    const runs: { syncs: number; totals: unknown; read: number; write: number; sheets: string[] }[] = [];
    for (const n of [100, 20000]) {
      const host = versions(v, n);
      const before = host.state.syncCount;
      const c = await compareWithEarlier(OPTS, { sheet: '上期台账', since: null }, {}, noStep);
      const responses = host.state.syncResponses.slice(before);
      const payloads = host.state.syncPayloads.slice(before);
      runs.push({ syncs: host.state.syncCount - before, totals: c.comparison.totals, read: Math.max(...responses), write: Math.max(...payloads), sheets: c.report.sheets });
      expect(c.report.syncs).toBe(2);
      expect(c.since).toBe('2022-06-15');
      expect(c.sinceSource).toBe('filled-in');
    }
    console.log('对比上期 syncs on ExcelApi ' + v + ': 100 rows = ' + runs[0].syncs + ', 20,000 rows = ' + runs[1].syncs +
      '; at 20,000 rows the largest response = ' + runs[1].read + ' bytes, the largest request = ' + runs[1].write + ' bytes');
    expect(runs.map((r) => r.syncs)).toEqual([5, 5]);
    expect(runs[0].totals).toEqual({
      'deadline-later': 1, 'deadline-earlier': 0, 'newly-overdue': 5, 'still-overdue': 0, stalled: 1, 'went-back': 0, done: 1, 'lead-changed': 0, added: 0, removed: 1,
    });
    expect(runs[1].totals).toEqual({
      'deadline-later': 200, 'deadline-earlier': 0, 'newly-overdue': 1000, 'still-overdue': 0, stalled: 200, 'went-back': 0, done: 200, 'lead-changed': 0, added: 100, removed: 100,
    });
    expect(runs[1].sheets).toEqual(['对比总览', '时限调整', '新增逾期', '本期完成', '进展停滞', '增删事项', '全部变化']);
  }, 120000);

  it('neither sheet is written, the earlier one is never taken for the ledger (first in tab order, no sheet picked), and text stays text', async () => {
    const host = versions('1.7', 120);
    const before = new Map(['上期台账', LEDGER].map((n) => [n, snapshot(host, n)] as [string, Map<string, FakeValue>]));
    const writesBefore = host.state.writes.length;
    const c = await compareWithEarlier({ ...OPTS, sheet: null }, { sheet: '上期台账', since: null }, { issuer: '县委巡察整改办' }, noStep);
    expect([c.comparison.earlier.sheet, c.comparison.later.sheet, c.result.sheet]).toEqual(['上期台账', LEDGER, LEDGER]);
    const written = host.state.writes.slice(writesBefore);
    expect(written.filter((w) => w.sheet === LEDGER || w.sheet === '上期台账')).toEqual([]);
    for (const [name, cells] of before) expect(snapshot(host, name)).toEqual(cells);
    expect(host.value('对比总览', 'A3')).toBe('上期：县委台账.xlsx（工作表“上期台账”），按 2022-06-15 判断（据上期填报时间）');
    expect(host.value('对比总览', 'A4')).toBe('本期：县委台账.xlsx（工作表“整改台账”），按 2022-07-15 判断');
    expect(host.value('时限调整', 'D4')).toBe('措施2：完善制度并组织培训');
    // Measures that look like formulas (=核查19号台账, newly overdue) are listed as the text they are.
    const all = host.state.sheets.filter((s) => s.name === '全部变化')[0];
    const texts: FakeValue[] = [];
    all.cells.forEach((row) => row.forEach((cell) => typeof cell.v === 'string' && cell.v.charAt(0) === '=' && texts.push(cell.v)));
    expect(texts).toEqual(['=核查19号台账', '=核查119号台账', '=核查19号台账', '=核查119号台账']);
    host.state.sheets.forEach((s) => s.cells.forEach((row) => row.forEach((cell) => expect(cell.formula || false).toBe(false))));
    // Rows of the ledger link to it (ExcelApi 1.7), never to the earlier version or to our own sheets.
    const links = written.filter((w) => w.kind === 'hyperlink').map((w) => (w.value as { documentReference: string }).documentReference);
    expect(links.length).toBeGreaterThan(0);
    expect(links.every((l) => l.indexOf("'整改台账'!") === 0)).toBe(true);
    // A re-run rewrites our comparison sheets in place and still reads the earlier one apart.
    const again = await compareWithEarlier({ ...OPTS, sheet: LEDGER }, { sheet: '上期台账', since: null }, {}, noStep);
    expect(again.report.rewritten).toEqual(c.report.sheets);
    expect(again.comparison.totals).toEqual(c.comparison.totals);
  });

  it('a date given judges the earlier version at it; a sheet that states none, the ledger itself, or a date after the check’s are refused in plain words', async () => {
    const host = versions('1.7', 40, false);
    const given = await compareWithEarlier(OPTS, { sheet: '上期台账', since: '2022-07-01' }, {}, noStep);
    expect([given.since, given.sinceSource, given.comparison.earlier.asOf]).toEqual(['2022-07-01', 'given', '2022-07-01']);
    expect(host.value('对比总览', 'A3')).toBe('上期：县委台账.xlsx（工作表“上期台账”），按 2022-07-01 判断（在加载项中指定）');
    // At 07-01 the 6月底前 items were already overdue: still overdue now, not newly.
    expect([given.comparison.totals['newly-overdue'], given.comparison.totals['still-overdue']]).toEqual([0, 2]);
    const syncs = host.state.syncCount;
    const writes = host.state.writes.length;
    const fails = async (earlier: { sheet: string; since: string | null }, opts = OPTS) => {
      try {
        await compareWithEarlier(opts, earlier, {}, noStep);
      } catch (e) {
        return userMessage(e as never, 'zh');
      }
      return 'no error';
    };
    // The undated sheet as the earlier one, the dated one as the ledger.
    expect(await fails({ sheet: LEDGER, since: null }, { ...OPTS, sheet: '上期台账' } as typeof OPTS)).toBe(
      '上期工作表“整改台账”没有写明填报时间，无法确定上期截至哪一天。请在“上期日期”中填写上期的日期，例如 2022-06-15。',
    );
    expect(await fails({ sheet: '说明', since: '2022-06-01' })).toBe(
      '“县委台账.xlsx / 说明”中没有找到可识别的整改台账表头。请确认表头包含以下列中的几列：序号、存在问题、整改措施、责任领导、牵头部门、完成时限、整改进展、完成状态。',
    );
    const asked = host.state.syncCount;
    expect(await fails({ sheet: LEDGER, since: null }, { ...OPTS, sheet: LEDGER } as typeof OPTS)).toBe('“整改台账”是本期的台账，不能同时作为上期。请在“上期工作表”中选择上期的台账。');
    expect(host.state.syncCount).toBe(asked); // refused before anything is read
    expect(await fails({ sheet: '上期台账', since: '2022-08-01' })).toBe('上期“上期台账”的日期 2022-08-01 晚于本期的检查日期 2022-07-15。请核对“上期日期”或“检查日期”。');
    expect(host.state.syncCount).toBe(asked); // a given date is refused before anything is read
    // The sheets named are the user's: our comparison sheets are not offered.
    expect(await fails({ sheet: '上期台帐', since: null })).toBe('找不到名为“上期台帐”的工作表。现有工作表：说明、整改台账、上期台账。');
    expect(host.state.writes.length).toBe(writes);
    expect(host.state.syncCount - syncs).toBe(3 + 3 + 0 + 0 + 2);
  });

  it('three lists: the earlier copy of the task list is kept out of the join, and a version that names no lead department changes none', async () => {
    const sheets = threeListSheets();
    const tasks = sheets.filter((x) => x.name === '任务清单')[0];
    const earlierTasks: FakeSheetInit = {
      name: '任务清单（上期）',
      rows: ([['填报时间：2022年6月15日', null, null, null, null]] as (FakeValue | null | undefined)[][]).concat(tasks.rows.map((r, i) => (i === 4 ? r.map((v, j) => (j === 4 ? '正在清理' : v)) : r))),
    };
    const host = createFakeHost({ apiVersion: '1.7', sheets: [sheets[0], earlierTasks].concat(sheets.slice(1)) });
    install(host);
    const c = await compareWithEarlier({ ...OPTS, start: '2022-02-24' }, { sheet: '任务清单（上期）', since: null }, {}, noStep);
    expect(c.result.sources).toEqual({ problems: '问题清单', tasks: '任务清单', responsibilities: '责任清单' });
    expect(c.comparison.totals['lead-changed']).toBe(0);
    // Task 4 (2022年5月中旬) was overdue then and is now; task 6 (2022年7月20日) is due soon with the same 推进中.
    expect(c.comparison.changes.map((x) => x.kind + ' ' + x.row)).toEqual(['still-overdue 5', 'stalled 7']);
  });
});

import { earlierLedger, laterLedger } from '../core/helpers/versions';

/**
 * The compare tests' two versions (tests/core/helpers/versions.ts: two-row header, sections, 责任清单
 * columns, every kind of change planted) as staff have them: this month's ledger, last month's pasted
 * in after it as 上期台账 (stating its 填报时间), a note, and a sheet of the user's own named 时限调整.
 */
function pastedVersions(): FakeSheetInit[] {
  return [
    { name: '填报说明', rows: [['请于每月25日前更新整改进展。']] },
    toFake(laterLedger()),
    { ...toFake(earlierLedger('2022年6月15日')), name: '上期台账' },
    { name: '时限调整', rows: [['处室', '申请调整时限'], ['财务处', '已报分管领导']] },
  ];
}

describe('对比上期 on the messy ledger of the compare tests: last month’s version pasted in beside this month’s', () => {
  const OPTS = { asOf: AS_OF, start: '2022-02-24', lang: 'zh' as const, file: '某局整改台账.xlsx', sheet: LEDGER };
  const OURS = ['对比总览', '时限调整 (2)', '新增逾期', '本期完成', '进展停滞', '增删事项', '全部变化'];

  it('on ExcelApi 1.1: every planted change in the sheets written, in five syncs; the user’s 时限调整 and both ledgers untouched; a re-run rewrites ours in place', async () => {
    const host = createFakeHost({ apiVersion: '1.1', sheets: pastedVersions() });
    install(host);
    const kept = new Map(['填报说明', LEDGER, '上期台账', '时限调整'].map((n) => [n, snapshot(host, n)] as [string, Map<string, FakeValue>]));
    const before = host.state.syncCount;
    const c = await compareWithEarlier(OPTS, { sheet: '上期台账', since: null }, { issuer: '某局巡察整改办' }, noStep);
    expect(host.state.syncCount - before).toBe(5);
    expect([c.since, c.sinceSource]).toEqual(['2022-06-15', 'filled-in']);
    expect(c.view.sentence).toBe('本期新完成1项、新增逾期1项、调整时限1项（推迟1项、提前0项）、持续逾期1项、进展停滞1项、状态倒退1项、牵头部门变更1项、新增事项1项、删除事项1项。');
    expect(c.report.sheets).toEqual(OURS);
    expect(c.report.renamed).toEqual([{ name: '时限调整', sheet: '时限调整 (2)' }]);
    expect(host.state.sheets.map((s) => s.name)).toEqual(['填报说明', LEDGER, '上期台账', '时限调整'].concat(OURS));
    for (const [name, cells] of kept) expect(snapshot(host, name)).toEqual(cells);
    expect(host.state.writes.filter((w) => kept.has(w.sheet))).toEqual([]);

    expect(sheetText(host, '对比总览').slice(0, 5)).toEqual([
      '整改进展对比总览',
      '截至2022年7月15日',
      '上期：某局整改台账.xlsx（工作表“上期台账”），按 2022-06-15 判断（据上期填报时间）',
      '本期：某局整改台账.xlsx（工作表“整改台账”），按 2022-07-15 判断',
      '本期新完成1项、新增逾期1项、调整时限1项（推迟1项、提前0项）、持续逾期1项、进展停滞1项、状态倒退1项、牵头部门变更1项、新增事项1项、删除事项1项。',
    ]);
    // 6月底前 -> 2022年9月30日 (item 3, now 4 after the new item on top): 92 days later, rows 9 and 8.
    expect(sheetText(host, '时限调整 (2)')).toEqual([
      '完成时限调整情况',
      '截至2022年7月15日',
      '序号|变化|台账序号|整改措施|牵头部门|原完成时限|原截止日期|现完成时限|现截止日期|调整天数|期限状态|本期行号|上期行号',
      '1|推迟|4|开展意识形态领域风险排查|宣传处|6月底前|' + isoToSerial('2022-06-30') + '|2022年9月30日|' + isoToSerial('2022-09-30') + '|92|正常推进|9|8',
    ]);
    // 2022年7月10日 was 25 days off on 06-15 and is 5 days past now; 2022年5月31日 was 15 days past, now 45.
    expect(sheetText(host, '新增逾期')).toEqual([
      '新增逾期和持续逾期事项',
      '截至2022年7月15日',
      '序号|变化|台账序号|整改措施|牵头部门|完成时限|截止日期|逾期天数|上期逾期天数|上期期限状态|期限状态|本期行号',
      '1|新增逾期|6|修订《下属单位管理办法》|办公室|2022年7月10日|' + isoToSerial('2022-07-10') + '|5||正常推进|逾期|12',
      '2|持续逾期|3|建立学习考勤和通报制度|办公室|2022年5月31日|' + isoToSerial('2022-05-31') + '|45|15|逾期|逾期|8',
    ]);
    expect(sheetText(host, '本期完成')).toEqual([
      '本期完成和状态倒退事项',
      '截至2022年7月15日',
      '序号|变化|台账序号|整改措施|牵头部门|上期状态|本期状态|期限状态|整改进展|本期行号',
      '1|状态倒退|5|定期分析研判意识形态形势|宣传处|已完成|推进中|长期坚持|每季度研判一次|10',
      '2|本期完成|2|制定年度学习计划，每季度开展专题研讨|办公室|推进中|已完成|已完成|已制定计划并开展2次研讨|7',
    ]);
    expect(sheetText(host, '进展停滞').slice(3)).toEqual(['1|3|建立学习考勤和通报制度|办公室|逾期|' + isoToSerial('2022-05-31') + '|逾期45天|制度初稿已完成|8']);
    expect(sheetText(host, '增删事项').slice(3)).toEqual([
      '1|新增事项|1|公务接待不规范|建立公务接待审批登记制度|财务处|2022年9月30日|正常推进|6',
      '2|删除事项|7|公务接待不规范|清理公务接待台账|财务处|2022年6月10日|逾期||13',
    ]);
    expect(sheetText(host, '全部变化').slice(3).map((l) => l.split('|').slice(1, 7).join('|'))).toEqual([
      '时限推迟|4|开展意识形态领域风险排查|宣传处|6月底前（2022-06-30）|2022年9月30日（2022-09-30）',
      '新增逾期|6|修订《下属单位管理办法》|办公室|正常推进|逾期5天',
      '持续逾期|3|建立学习考勤和通报制度|办公室|逾期15天|逾期45天',
      '进展停滞|3|建立学习考勤和通报制度|办公室|制度初稿已完成|制度初稿已完成',
      '状态倒退|5|定期分析研判意识形态形势|宣传处|已完成|推进中',
      '本期完成|2|制定年度学习计划，每季度开展专题研讨|办公室|推进中|已完成',
      '牵头部门变更|7|开展专项检查|纪检组|财务处|纪检组',
      '新增事项|1|建立公务接待审批登记制度|财务处|（无）|推进中',
      '删除事项|7|清理公务接待台账|财务处|推进中|（无）',
    ]);

    // The same again: ours rewritten in place to the same text, nothing added, nothing of the user's touched.
    const first = new Map(OURS.map((n) => [n, sheetText(host, n)] as [string, string[]]));
    const again = await compareWithEarlier(OPTS, { sheet: '上期台账', since: null }, { issuer: '某局巡察整改办' }, noStep);
    expect(again.report.rewritten).toEqual(OURS);
    expect(again.report.renamed).toEqual([{ name: '时限调整', sheet: '时限调整 (2)' }]);
    expect(host.state.sheets.map((s) => s.name)).toEqual(['填报说明', LEDGER, '上期台账', '时限调整'].concat(OURS));
    for (const n of OURS) expect([n, sheetText(host, n)]).toEqual([n, first.get(n)]);
    for (const [name, cells] of kept) expect(snapshot(host, name)).toEqual(cells);

    // The user closes item 3 (row 8) in this month's ledger and compares again: it is no longer
    // overdue or stalled but done, and the rows the first run wrote below are gone.
    const ledger = host.state.sheets.filter((x) => x.name === LEDGER)[0];
    ledger.cells.get(8)!.get(8)!.v = '已印发考勤和通报制度';
    ledger.cells.get(8)!.get(9)!.v = '已完成';
    const closed = await compareWithEarlier(OPTS, { sheet: '上期台账', since: null }, { issuer: '某局巡察整改办' }, noStep);
    expect(closed.report.rewritten).toEqual(OURS);
    expect([closed.comparison.totals.done, closed.comparison.totals['still-overdue'], closed.comparison.totals.stalled]).toEqual([2, 0, 0]);
    expect(sheetText(host, '新增逾期').slice(3)).toEqual(['1|新增逾期|6|修订《下属单位管理办法》|办公室|2022年7月10日|' + isoToSerial('2022-07-10') + '|5||正常推进|逾期|12']);
    expect(sheetText(host, '本期完成').slice(3)).toEqual([
      '1|状态倒退|5|定期分析研判意识形态形势|宣传处|已完成|推进中|长期坚持|每季度研判一次|10',
      '2|本期完成|2|制定年度学习计划，每季度开展专题研讨|办公室|推进中|已完成|已完成|已制定计划并开展2次研讨|7',
      '3|本期完成|3|建立学习考勤和通报制度|办公室|推进中|已完成|已完成|已印发考勤和通报制度|8',
    ]);
    expect(sheetText(host, '进展停滞')).toEqual(['逾期临期但进展无变化事项', '截至2022年7月15日', '序号|台账序号|整改措施|牵头部门|期限状态|截止日期|逾期/剩余天数|整改进展|本期行号']);
    expect(host.state.sheets.map((s) => s.name)).toEqual(['填报说明', LEDGER, '上期台账', '时限调整'].concat(OURS));
  });
});
