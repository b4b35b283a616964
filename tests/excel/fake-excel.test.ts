/** The fake Excel (tests/excel/fake-excel.ts) enforces Office.js semantics: load before read, counted syncs, recorded writes, API versions. */
import { createFakeHost, FakeHost } from './fake-excel';
import { isoToSerial } from '../../src/core/text/dates';
import { LEDGER, ledgerRows, makeHost } from './helpers';

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
