/**
 * What the WPS host does that the contract does not see: VBA colours (BGR), merges, conditional
 * rules, charts through ChartObjects or a 'charts' note without them, the store in parts under
 * VBA's 255-character limit, and the strict fake refusing what it does not model.
 */
import { createFakeEt } from './fake-et';
import { createWpsHost } from '../../src/wps/host';
import { PART, wpsStore } from '../../src/wps/store';
import { hexColor, vbaColor } from '../../src/wps/et';
import { SheetSpec } from '../../src/core';
import { annotateChecked, readAndCheck } from '../../src/taskpane/flows';

function install(level: 'floor' | 'full') {
  const fake = createFakeEt({ level, sheets: [{ name: '整改台账', rows: [['序号']] }] });
  (global as unknown as { Application: unknown }).Application = fake.root;
  (global as unknown as { wps: unknown }).wps = fake.root;
  return fake;
}

const SPEC: SheetSpec = {
  name: '总览',
  rows: [[{ v: '标题', s: 'title' }], [{ v: '逾期', s: 'bad' }, { v: 3 }], [{ v: '部门', s: 'header' }, { v: '数' , s: 'header' }], [{ v: '办公室' }, { v: 2 }], [{ v: '财务科' }, { v: 1 }]],
  merges: ['A1:B1'],
  widths: [12, 8],
  rules: [{ range: 'A2:A2', textEquals: '逾期', style: 'bad' }],
  charts: [{ kind: 'bar', title: '各部门', source: 'A3:B5', colors: ['4472C4'], from: 'D3', to: 'H10' }],
};

describe('the WPS host on the fake ET', () => {
  it('converts colours to VBA BGR numbers and back: red FF0000 is 255, blue 0000FF is 16711680', () => {
    expect([vbaColor('#FF0000'), vbaColor('0000FF'), vbaColor('FFC7CE')]).toEqual([255, 16711680, 13551615]);
    expect(hexColor(13551615)).toBe('#FFC7CE');
  });

  it('writes a spec with its merge, widths, a cell-value rule in BGR, and a chart from ChartObjects', async () => {
    const fake = install('full');
    const r = await createWpsHost().writeSheets([SPEC]);
    expect(r.skipped).toEqual([]);
    const s = fake.find('总览');
    expect([s.merges, s.widths[1], s.widths[2]]).toEqual([['A1:B1'], 12, 8]);
    expect(s.rules).toEqual([{ range: 'A2', formula: '="逾期"', fill: 13551615 }]);
    expect(s.charts).toEqual([{ type: 57, source: 'A3:B5', title: '各部门' }]);
    expect(fake.value('总览', 'B4')).toBe(2);
    // A rewrite clears the chart before drawing it again: still one.
    await createWpsHost().writeSheets([SPEC]);
    expect(fake.find('总览').charts.length).toBe(1);
  });

  it('without the optional members: the values still, static fills, and each missing feature named once', async () => {
    const fake = install('floor');
    const r = await createWpsHost().writeSheets([SPEC]);
    expect(r.skipped).toEqual(['merges', 'columnWidths', 'charts']);
    expect(fake.cell('总览', 'A2').fill).toBe(13551615);
    expect(fake.value('总览', 'A5')).toBe('财务科');
  });

  it('keeps a value longer than a VBA string property in parts, and a shorter one leaves no tail', async () => {
    const fake = install('floor');
    const long = JSON.stringify({ sheet: '整改台账'.repeat(40) });
    expect(await wpsStore.set('taizhang.options', long)).toBe(true);
    expect(wpsStore.get('taizhang.options')).toBe(long);
    expect(fake.props['taizhang.options']).toBe(String(Math.ceil(long.length / PART)));
    await wpsStore.set('taizhang.options', '{}');
    expect(Object.keys(fake.props).sort()).toEqual(['taizhang.options', 'taizhang.options#1']);
    expect(wpsStore.get('taizhang.options')).toBe('{}');
  });

  it('the added cells take the ledger body’s border: drawn where the ledger has one, none where it has none', async () => {
    for (const bordered of [true, false]) {
      const fake = createFakeEt({
        level: 'full',
        sheets: [{ name: '整改台账', rows: [['序号', '存在问题', '牵头部门', '完成时限', '完成状态'], [1, '纪要归档不及时', '办公室', '2022年6月30日', '推进中'], [2, '资金拨付滞后', '财务科', '2099年7月20日', '推进中']] }],
      });
      (global as unknown as { Application: unknown }).Application = fake.root;
      (global as unknown as { wps: unknown }).wps = fake.root;
      const host = createWpsHost();
      if (bordered) fake.find('整改台账').borders['E2#8'] = 1; // xlEdgeTop, continuous, on a body cell of the last column
      const c = await readAndCheck(host, { asOf: '2022-07-15', lang: 'zh' }, () => Promise.resolve(), 3);
      await annotateChecked(host, c, 'zh');
      expect(fake.value('整改台账', 'F2')).toBe('逾期');
      expect(fake.find('整改台账').borders['F2:I3#8']).toBe(bordered ? 1 : undefined);
    }
  });

  it('an error the ET model throws reaches the pane with a code (WPS named, a re-run offered); ours pass as they are', async () => {
    install('floor');
    const host = createWpsHost();
    await expect(host.selectCell('无此表', 'A1')).rejects.toMatchObject({ code: 'WpsError', message: 'Sheet not found: 无此表' });
    // What a host may throw that cannot take a code (frozen): a new error with its message.
    const wb = (global as unknown as { Application: { ActiveWorkbook: object } }).Application.ActiveWorkbook;
    Object.defineProperty(wb, 'Worksheets', {
      get: () => {
        throw Object.freeze({ message: '不能更改受保护的工作表' });
      },
      configurable: true,
    });
    await expect(host.sheetNames()).rejects.toEqual({ code: 'WpsError', message: '不能更改受保护的工作表' });
  });

  it('the fake is strict: a member it does not model throws', () => {
    const fake = install('floor');
    const app = fake.root as { ActiveWorkbook: { Worksheets: { Item(i: number): Record<string, unknown> } } };
    expect(() => app.ActiveWorkbook.Worksheets.Item(1).Shapes).toThrow('fake ET: Worksheet 整改台账 has no member Shapes');
  });
});
