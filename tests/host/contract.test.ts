/**
 * The host contract: what the pane relies on of any Host (src/host/host.ts), as one table of cases
 * run on every host's driver (driver.ts). Today the Excel host on the fake Excel; a WPS host adds its
 * driver to DRIVERS and must pass the same cases, writing the same cell values.
 *
 * The ledger: a title row, a header row and four measures, checked at 2022-07-15 (due-soon window 10
 * days). 1 办公室 was due 2022-06-30 (a date cell): 逾期, 15 days past. 2 财务科 is due 2022年7月20日:
 * 临期, 5 days left. 3 is 已完成. 4 办公室 says 长期坚持, and its 整改措施 reads like a formula.
 */
import { Host } from '../../src/host/host';
import { CheckOptions } from '../../src/core/model/result';
import { loadColumnMarks, loadOptions, loadSheetMarks, saveOptions } from '../../src/host/settings';
import { annotateChecked, compareWithEarlier, readAndCheck, writeNotices, writeSummary } from '../../src/taskpane/flows';
import { Book, BookSheet, BookValue, HostDriver, Opened } from './driver';
import { excelDriver } from './excel-driver';
import { wpsDriver } from './wps-driver';

const DRIVERS: HostDriver[] = [excelDriver, wpsDriver];

const LEDGER = '整改台账';
const JUNE_30 = 44742; // 2022-06-30 as a serial: 44562 is 2022-01-01, and 31+28+31+30+31+29 days on.
const OPTS: CheckOptions = { asOf: '2022-07-15', start: '2022-03-01', lang: 'zh' };
const noStep = () => Promise.resolve();

function ledger(name = LEDGER, extra: (BookValue | null)[][] = []): BookSheet {
  const rows: (BookValue | null)[][] = [
    ['某局巡察反馈问题整改台账', null, null, null, null, null, null],
    ['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '完成状态'],
    [1, '会议纪要归档不及时', '建立纪要归档台账', '王局长', '办公室', JUNE_30, '推进中'],
    [2, '专项资金拨付滞后', '按月对账', '李副局长', '财务科', '2022年7月20日', '推进中'],
    [3, '公务用车登记不全', '补齐登记', '王局长', '办公室', '2022年5月底前', '已完成'],
    [4, '制度宣贯不到位', '=组织全员学习', '王局长', '办公室', '长期坚持', '持续推进'],
  ];
  const formats: (string | null)[][] = rows.map((r, i) => r.map((_v, j) => (i === 2 && j === 5 ? 'yyyy/m/d' : null)));
  return { name, rows: rows.map((r, i) => r.concat(extra[i] || [])), formats };
}

const NOTE: BookSheet = { name: '说明', rows: [['本台账按月更新']] };

/** Every cell of the book's sheets still holds what it held. */
function untouched(o: Opened, book: Book): void {
  for (const s of book.sheets) {
    s.rows.forEach((row, r) =>
      row.forEach((v, c) => expect([s.name, r + 1, c + 1, o.value(s.name, String.fromCharCode(65 + c) + (r + 1))]).toEqual([s.name, r + 1, c + 1, v === null ? '' : v])),
    );
  }
}

async function check(host: Host): Promise<void> {
  const c = await readAndCheck(host, OPTS, noStep, 3);
  await annotateChecked(host, c, 'zh');
}

interface Case {
  name: string;
  book: Book;
  run: (o: Opened, book: Book) => Promise<void>;
}

const CASES: Case[] = [
  {
    name: 'reads every sheet as a Grid in tab order: blanks null, a date-formatted serial a date, the used range kept',
    book: { sheets: [NOTE, ledger()], level: 'floor' },
    run: async (o) => {
      const grids = await o.host.readWorkbook();
      expect(grids.map((g) => g.name)).toEqual(['说明', LEDGER]);
      expect(grids[1].rows[0]).toEqual(['某局巡察反馈问题整改台账', null, null, null, null, null, null]);
      expect(grids[1].rows[2]).toEqual([1, '会议纪要归档不及时', '建立纪要归档台账', '王局长', '办公室', { date: '2022-06-30' }, '推进中']);
      expect([grids[1].top, grids[1].left, grids[1].usedRight]).toEqual([1, 1, 7]);
      expect(await o.host.sheetNames()).toEqual(['说明', LEDGER]);
    },
  },
  {
    name: 'reads a user’s sheet whatever its name, one named like an object’s own property included',
    book: { sheets: [{ name: 'constructor', rows: [['甲']] }, { name: 'toString', rows: [['乙']] }, ledger()], level: 'floor' },
    run: async (o) => {
      expect((await o.host.readWorkbook()).map((g) => [g.name, g.rows[0][0]])).toEqual([['constructor', '甲'], ['toString', '乙'], [LEDGER, '某局巡察反馈问题整改台账']]);
    },
  },
  {
    name: 'check writes the four added columns after the ledger, formula-like text as text, and changes no original cell',
    book: { sheets: [NOTE, ledger()], level: 'floor' },
    run: async (o, book) => {
      await check(o.host);
      expect(['H2', 'I2', 'J2', 'K2'].map((a) => o.value(LEDGER, a))).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
      expect(['H3', 'I3', 'J3'].map((a) => o.value(LEDGER, a))).toEqual(['逾期', JUNE_30, -15]);
      expect(['H4', 'I4', 'J4'].map((a) => o.value(LEDGER, a))).toEqual(['临期', JUNE_30 + 20, 5]);
      expect(o.value(LEDGER, 'H5')).toBe('已完成');
      expect(o.value(LEDGER, 'H6')).toBe('长期坚持');
      expect(o.usedWidth(LEDGER)).toBe(11);
      untouched(o, book);
      expect(o.value(LEDGER, 'C6')).toBe('=组织全员学习');
      expect(loadColumnMarks(o.host.store)).toEqual({ [LEDGER]: { column: 8, width: 4 } });
    },
  },
  {
    name: 'check sets a ledger that prints with the defaults to landscape, one page wide, its header row repeated; once',
    book: { sheets: [NOTE, ledger()], level: 'full' },
    run: async (o) => {
      const first = await annotateChecked(o.host, await readAndCheck(o.host, OPTS, noStep, 3), 'zh');
      expect([first.report.pageSetup, first.report.skipped]).toEqual([[LEDGER], []]);
      expect(o.page(LEDGER)).toEqual({ orientation: 'landscape', fit: [1, 0], titleRows: '$2:$2' });
      // Not the other sheet; and a re-check finds the ledger set up and leaves it.
      expect(o.page('说明')).toEqual({ orientation: 'portrait', fit: null, titleRows: '' });
      const again = await annotateChecked(o.host, await readAndCheck(o.host, OPTS, noStep, 3), 'zh');
      expect(again.report.pageSetup).toEqual([]);
      expect(o.page(LEDGER)).toEqual({ orientation: 'landscape', fit: [1, 0], titleRows: '$2:$2' });
    },
  },
  {
    name: 'the 合计 row the user filled across the table reaches over our columns: its fill and bold, no value',
    book: {
      sheets: [
        {
          ...ledger(),
          rows: ledger().rows.concat([['合计', null, '4项', null, null, null, null]]),
          fills: ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((c) => ({ cell: c + '7', color: '#D9D9D9' })),
        },
      ],
      level: 'floor',
    },
    run: async (o) => {
      await check(o.host);
      expect(['H7', 'I7', 'J7', 'K7'].map((a) => [o.value(LEDGER, a), o.look(LEDGER, a)])).toEqual(
        ['H7', 'I7', 'J7', 'K7'].map(() => ['', { fill: '#D9D9D9', bold: true }]),
      );
      // An item row's added cells are not filled by it; the user's own 合计 keeps its text.
      expect(o.look(LEDGER, 'K6')).toEqual({ fill: null, bold: false });
      expect(o.value(LEDGER, 'C7')).toBe('4项');
    },
  },
  {
    name: 'a ledger the user set to landscape, or gave a print area, keeps its page setup as it is',
    book: { sheets: [{ ...ledger(), page: { orientation: 'landscape' } }, { ...ledger('第二台账'), page: { printArea: '$A$1:$G$6' } }], level: 'full' },
    run: async (o) => {
      const c = await readAndCheck(o.host, OPTS, noStep, 3);
      expect((await annotateChecked(o.host, c, 'zh')).report.pageSetup).toEqual([]);
      expect(o.page(LEDGER)).toEqual({ orientation: 'landscape', fit: null, titleRows: '' });
      const other = await readAndCheck(o.host, { ...OPTS, sheet: '第二台账' }, noStep, 3);
      expect((await annotateChecked(o.host, other, 'zh')).report.pageSetup).toEqual([]);
      expect(o.page('第二台账')).toEqual({ orientation: 'portrait', fit: null, titleRows: '' });
    },
  },
  {
    name: 'at the floor the page setup is skipped and said, the columns written all the same',
    book: { sheets: [ledger()], level: 'floor' },
    run: async (o) => {
      const done = await annotateChecked(o.host, await readAndCheck(o.host, OPTS, noStep, 3), 'zh');
      expect([done.report.pageSetup, done.report.skipped]).toEqual([[], ['printSettings']]);
      expect(o.value(LEDGER, 'H2')).toBe('期限状态');
      expect(o.page(LEDGER)).toEqual({ orientation: 'portrait', fit: null, titleRows: '' });
    },
  },
  {
    name: 'a re-check writes the same columns again and adds none',
    book: { sheets: [NOTE, ledger()], level: 'full' },
    run: async (o, book) => {
      await check(o.host);
      const first = ['H3', 'I3', 'J3', 'K3', 'H4'].map((a) => o.value(LEDGER, a));
      await check(o.host);
      expect(['H3', 'I3', 'J3', 'K3', 'H4'].map((a) => o.value(LEDGER, a))).toEqual(first);
      expect(o.usedWidth(LEDGER)).toBe(11);
      expect(o.value(LEDGER, 'L2')).toBe('');
      untouched(o, book);
    },
  },
  {
    name: 'a user’s own column after the ledger is never written: ours go after it',
    book: { sheets: [ledger(LEDGER, [[null], ['备注'], ['已约谈'], [null], ['见附件'], [null]])], level: 'floor' },
    run: async (o, book) => {
      await check(o.host);
      expect(['I2', 'L2'].map((a) => o.value(LEDGER, a))).toEqual(['期限状态', '检查意见']);
      expect(o.value(LEDGER, 'I3')).toBe('逾期');
      untouched(o, book);
    },
  },
  {
    name: '生成汇总 writes its sheets; a user’s 总览 is left alone, ours takes 总览 (2) and is rewritten in place next time',
    book: { sheets: [ledger(), { name: '总览', rows: [['我的总览'], [42]] }], level: 'full' },
    run: async (o, book) => {
      const c = await readAndCheck(o.host, OPTS, noStep, 3);
      const first = await writeSummary(o.host, c.result, 'zh', {});
      expect(first.sheets[0]).toBe('总览 (2)');
      expect(first.renamed).toEqual([{ name: '总览', sheet: '总览 (2)' }]);
      expect(first.rewritten).toEqual([]);
      expect(first.existing).toEqual([LEDGER, '总览']);
      const names = o.sheetNames();
      expect(names.slice(0, 2)).toEqual([LEDGER, '总览']);
      expect(names.slice(2)).toEqual(first.sheets);
      expect(loadSheetMarks(o.host.store)['总览']).toBe('总览 (2)');
      const again = await writeSummary(o.host, (await readAndCheck(o.host, OPTS, noStep, 3)).result, 'zh', {});
      expect(again.sheets).toEqual(first.sheets);
      expect(again.rewritten).toEqual(first.sheets);
      expect(o.sheetNames()).toEqual(names);
      untouched(o, book);
    },
  },
  {
    name: '生成督办单 writes one notice per lead department with overdue or due-soon items, the most overdue first',
    book: { sheets: [ledger()], level: 'floor' },
    run: async (o, book) => {
      const c = await readAndCheck(o.host, OPTS, noStep, 3);
      const w = await writeNotices(o.host, c.result, 'zh', {});
      // 财务科's one item is only due soon: its notice is a 提醒单, and named so.
      expect(w.report!.sheets).toEqual(['督办单-办公室', '提醒单-财务科']);
      expect(w.stale).toEqual([]);
      expect(o.sheetNames()).toEqual([LEDGER, '督办单-办公室', '提醒单-财务科']);
      untouched(o, book);
    },
  },
  {
    name: '对比上期 writes sheets of its own and neither ledger',
    book: {
      sheets: [ledger(), { ...ledger('上期台账'), rows: ledger().rows.map((r, i) => (i === 4 ? r.slice(0, 6).concat(['推进中']) : r)) }],
      level: 'floor',
    },
    run: async (o, book) => {
      const c = await compareWithEarlier(o.host, { ...OPTS, sheet: LEDGER }, { sheet: '上期台账', since: '2022-06-15' }, {}, noStep);
      expect(c.comparison.totals.done).toBe(1);
      expect(c.report.sheets[0]).toBe('对比总览');
      expect(o.sheetNames().slice(0, 2)).toEqual([LEDGER, '上期台账']);
      expect(o.sheetNames().slice(2)).toEqual(c.report.sheets);
      untouched(o, book);
    },
  },
  {
    name: 'the document store keeps the options, saved and read back',
    book: { sheets: [ledger()], level: 'floor' },
    run: async (o) => {
      expect(loadOptions(o.host.store)).toEqual({});
      expect(await saveOptions(o.host.store, { start: '2022-03-01', dueSoonDays: 7, sheet: LEDGER })).toBe(true);
      expect(loadOptions(o.host.store)).toEqual({ start: '2022-03-01', dueSoonDays: 7, sheet: LEDGER });
    },
  },
  {
    name: 'selects a finding’s cell on its sheet',
    book: { sheets: [NOTE, ledger()], level: 'floor' },
    run: async (o) => {
      expect(o.selection()).toBe(null);
      await o.host.selectCell(LEDGER, 'F4');
      expect(o.selection()).toEqual({ sheet: LEDGER, address: 'F4' });
    },
  },
  {
    name: 'at the floor: no optional feature, and no new workbook (the pane explains the manual move)',
    book: { sheets: [ledger()], level: 'floor' },
    run: async (o) => {
      const f = o.host.features();
      expect([f.merge, f.columnWidth, f.conditionalFormats, f.freezePanes, f.hyperlinks, f.createWorkbook, f.autoFilter, f.pageLayout]).toEqual([false, false, false, false, false, false, false, false]);
      expect(await o.host.openAsNewWorkbook(() => Promise.resolve('UEsDBA=='))).toEqual({ status: 'not-supported', reason: 'api' });
      expect(o.openedWorkbooks()).toBe(0);
    },
  },
  {
    name: 'with every feature: a built workbook opens as a new one, built only when asked',
    book: { sheets: [ledger()], level: 'full' },
    run: async (o) => {
      const f = o.host.features();
      expect([f.merge, f.columnWidth, f.conditionalFormats, f.freezePanes, f.hyperlinks, f.createWorkbook, f.autoFilter, f.pageLayout]).toEqual([true, true, true, true, true, true, true, true]);
      expect(await o.host.openAsNewWorkbook(null)).toEqual({ status: 'not-supported', reason: 'no-builder' });
      expect(await o.host.openAsNewWorkbook(() => Promise.resolve('UEsDBA=='))).toEqual({ status: 'opened' });
      expect(o.openedWorkbooks()).toBe(1);
    },
  },
  {
    name: 'the language is English only where the host displays English; the file name is the workbook’s',
    book: { sheets: [ledger()], level: 'floor', lang: 'en', file: '2022年巡察整改台账.xlsx' },
    run: async (o) => {
      expect(o.host.language()).toBe('en');
      expect(o.host.workbookName()).toBe('2022年巡察整改台账.xlsx');
    },
  },
  {
    name: 'Chinese by default, and no file name where the host gives none',
    book: { sheets: [ledger()], level: 'floor' },
    run: async (o) => {
      expect(o.host.language()).toBe('zh');
      expect(o.host.workbookName()).toBe('');
    },
  },
];

describe.each(DRIVERS.map((d) => [d.name, d] as [string, HostDriver]))('the %s host keeps the host contract', (_name, driver) => {
  it.each(CASES.map((c) => [c.name, c] as [string, Case]))('%s', async (_n, c) => {
    await c.run(driver.open(c.book), c.book);
  });
});

/** Every cell of every sheet, as the workbook shows it, over a rectangle larger than any written here. */
function allCells(o: Opened): Record<string, BookValue[][]> {
  const out: Record<string, BookValue[][]> = {};
  for (const name of o.sheetNames()) {
    const rows: BookValue[][] = [];
    for (let r = 1; r <= 40; r++) {
      const row: BookValue[] = [];
      for (let c = 0; c < 14; c++) row.push(o.value(name, String.fromCharCode(65 + c) + r));
      rows.push(row);
    }
    out[name] = rows;
  }
  return out;
}

describe('every host writes the same cell values', () => {
  it('check, re-check, 生成汇总 and 生成督办单 leave identical sheets on the Excel and the WPS host', async () => {
    const seen: Record<string, BookValue[][]>[] = [];
    for (const driver of DRIVERS) {
      const book: Book = { sheets: [NOTE, ledger()], level: 'full' };
      const o = driver.open(book);
      await check(o.host);
      await check(o.host);
      const c = await readAndCheck(o.host, OPTS, noStep, 3);
      await writeSummary(o.host, c.result, 'zh', {});
      await writeNotices(o.host, c.result, 'zh', {});
      seen.push(allCells(o));
    }
    expect(Object.keys(seen[1])).toEqual(Object.keys(seen[0]));
    expect(Object.keys(seen[0]).length).toBeGreaterThan(4);
    expect(seen[1]).toEqual(seen[0]);
  });
});
