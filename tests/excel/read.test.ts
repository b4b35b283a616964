/** Worksheets -> Grids (src/excel/read.ts) on the fake Excel. */
import { createFakeHost, FakeWorksheet } from './fake-excel';
import { readWorkbook, readSheet, toGrid } from '../../src/excel/read';
import { HEADER, LEDGER, install, ledgerRows, makeHost } from './helpers';

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
