/** Annotate in place (src/excel/annotate.ts) on the fake Excel: the added columns, and nothing else. */
import { createFakeHost, FakeHost, FakeSheetInit, FakeValue } from './fake-excel';
import { annotate } from '../../src/excel/annotate';
import { annotationBody, planColumns } from '../../src/host/annotation';
import { AnnotationPlan } from '../../src/core/model/spec';
import { isoToSerial } from '../../src/core/text/dates';
import { CELL_WRITES, HEADER, LEDGER, bigThreeLists, install, ledgerRows, makeHost, maxUsedColumn, runCheck, runThreeListCheck, snapshot, threeListSheets } from './helpers';

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
