/**
 * The pane's actions (src/taskpane/flows.ts) on the fake Excel: 生成督办单 and 对比上期.
 */
import { createFakeHost, FakeHost, FakeSheetInit, FakeValue } from '../excel/fake-excel';
import { isoToSerial } from '../../src/core/text/dates';
import { colLetter } from '../../src/core/text/a1';
import { compareWithEarlier, readAndCheck, writeNotices, noticeSpecs } from '../../src/taskpane/flows';
import { userMessage } from '../../src/core/words/errors';
import { createExcelHost } from '../../src/excel/host';
import { earlierLedger, laterLedger } from '../core/helpers/versions';
import { AS_OF, HEADER, LEDGER, install, snapshot, threeListSheets, toFake } from '../excel/helpers';

const noStep = () => Promise.resolve();
/** The Excel host over whichever fake is installed (it reads the Office and Excel globals at each call). */
const excel = createExcelHost();

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
    const c = await readAndCheck(excel, OPTS, noStep, 3);
    const before = host.state.syncCount;
    const w = await writeNotices(excel, c.result, 'zh', DOC);
    expect(host.state.syncCount - before).toBe(2);
    expect(w.report!.syncs).toBe(2);
    expect(w.report!.sheets).toEqual(['督办单-办公室 (2)', '督办单-财务处', '提醒单-宣传部', '提醒单-组织部']);
    expect(w.report!.renamed).toEqual([{ name: '督办单-办公室', sheet: '督办单-办公室 (2)' }]);
    expect(w.stale).toEqual([]);
    expect(sheetText(host, '督办单-办公室')).toEqual(['办公室的回复', '已整改，见附件']);
    expect(host.state.sheets.map((s) => s.name)).toEqual([LEDGER, '督办单-办公室', '督办单-办公室 (2)', '督办单-财务处', '提醒单-宣传部', '提醒单-组织部']);
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
    expect(sheetText(host, '提醒单-宣传部')[3]).toBe('　　截至2022年7月15日，宣传部牵头的整改措施中，有1项即将到期，请抓紧推进，确保按期完成。');
    // The measure that looks like a formula stays text.
    expect(host.cellAt('督办单-财务处', 'C6')).toMatchObject({ v: '=清理2021年以来公务接待台账', fmt: '@' });
    expect(host.cellAt('督办单-财务处', 'C6')!.formula || false).toBe(false);
    // Nothing on the ledger was written.
    expect(host.state.writes.filter((w2) => w2.sheet === LEDGER)).toEqual([]);
  });

  it('a re-run rewrites ours in place; a notice no department needs any more is left as it is and named', async () => {
    const host = notices();
    await writeNotices(excel, (await readAndCheck(excel, OPTS, noStep, 3)).result, 'zh', DOC);
    // 办公室 and 财务处 closed their items since.
    await (host.Excel as { run: (cb: (ctx: Excel.RequestContext) => Promise<unknown>) => Promise<unknown> }).run(async (ctx) => {
      const ws = ctx.workbook.worksheets.getItem(LEDGER);
      ws.getRange('H3').values = [['已完成']];
      ws.getRange('H6').values = [['已完成']];
      await ctx.sync();
    });
    const writesBefore = host.state.writes.length;
    const before = host.state.syncCount;
    const again = await writeNotices(excel, (await readAndCheck(excel, OPTS, noStep, 3)).result, 'zh', DOC);
    expect(host.state.syncCount - before).toBe(2 + 2);
    expect(again.report!.sheets).toEqual(['提醒单-宣传部', '提醒单-组织部']);
    expect(again.report!.rewritten).toEqual(['提醒单-宣传部', '提醒单-组织部']);
    expect(again.stale).toEqual(['督办单-办公室 (2)', '督办单-财务处']);
    const later = host.state.writes.slice(writesBefore);
    expect(later.filter((w) => w.kind === 'deleteSheet' || w.kind === 'addSheet')).toEqual([]);
    expect(later.filter((w) => /办公室|财务处/.test(w.sheet))).toEqual([]);
    expect(sheetText(host, '督办单-办公室')).toEqual(['办公室的回复', '已整改，见附件']);
  });

  it('nothing overdue or due soon: nothing is written, and the earlier notices still there are named (one sync to see them)', async () => {
    const host = notices();
    await writeNotices(excel, (await readAndCheck(excel, OPTS, noStep, 3)).result, 'zh', DOC);
    const early = (await readAndCheck(excel, { ...OPTS, asOf: '2022-01-10' }, noStep, 3)).result;
    expect(noticeSpecs(early, 'zh', DOC)).toEqual([]);
    const writesBefore = host.state.writes.length;
    const before = host.state.syncCount;
    const none = await writeNotices(excel, early, 'zh', DOC);
    expect(host.state.syncCount - before).toBe(1);
    expect(host.state.writes.length).toBe(writesBefore);
    expect(none).toEqual({ report: null, stale: ['督办单-办公室 (2)', '督办单-财务处', '提醒单-宣传部', '提醒单-组织部'] });
  });

  it('on ExcelApi 1.1 the notices are written whole, in the same syncs, and say what this Excel skipped', async () => {
    const host = notices('1.1');
    const c = await readAndCheck(excel, OPTS, noStep, 3);
    const before = host.state.syncCount;
    const w = await writeNotices(excel, c.result, 'zh', DOC);
    expect(host.state.syncCount - before).toBe(2);
    expect(w.report!.skipped).toEqual(['merges', 'columnWidths', 'printSettings', 'rowHeights']);
    // 组织部's items are only due soon: a 提醒单.
    expect(sheetText(host, '提醒单-组织部')[0]).toBe('整改提醒单');
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
      const c = await compareWithEarlier(excel, OPTS, { sheet: '上期台账', since: null }, {}, noStep);
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
    const c = await compareWithEarlier(excel, { ...OPTS, sheet: null }, { sheet: '上期台账', since: null }, { issuer: '县委巡察整改办' }, noStep);
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
    const again = await compareWithEarlier(excel, { ...OPTS, sheet: LEDGER }, { sheet: '上期台账', since: null }, {}, noStep);
    expect(again.report.rewritten).toEqual(c.report.sheets);
    expect(again.comparison.totals).toEqual(c.comparison.totals);
  });

  it('a date given judges the earlier version at it; a sheet that states none, the ledger itself, or a date after the check’s are refused in plain words', async () => {
    const host = versions('1.7', 40, false);
    const given = await compareWithEarlier(excel, OPTS, { sheet: '上期台账', since: '2022-07-01' }, {}, noStep);
    expect([given.since, given.sinceSource, given.comparison.earlier.asOf]).toEqual(['2022-07-01', 'given', '2022-07-01']);
    expect(host.value('对比总览', 'A3')).toBe('上期：县委台账.xlsx（工作表“上期台账”），按 2022-07-01 判断（在加载项中指定）');
    // At 07-01 the 6月底前 items were already overdue: still overdue now, not newly.
    expect([given.comparison.totals['newly-overdue'], given.comparison.totals['still-overdue']]).toEqual([0, 2]);
    const syncs = host.state.syncCount;
    const writes = host.state.writes.length;
    const fails = async (earlier: { sheet: string; since: string | null }, opts = OPTS) => {
      try {
        await compareWithEarlier(excel, opts, earlier, {}, noStep);
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
    const c = await compareWithEarlier(excel, { ...OPTS, start: '2022-02-24' }, { sheet: '任务清单（上期）', since: null }, {}, noStep);
    expect(c.result.sources).toEqual({ problems: '问题清单', tasks: '任务清单', responsibilities: '责任清单' });
    expect(c.comparison.totals['lead-changed']).toBe(0);
    // Task 4 (2022年5月中旬) was overdue then and is now; task 6 (2022年7月20日) is due soon with the same 推进中.
    expect(c.comparison.changes.map((x) => x.kind + ' ' + x.row)).toEqual(['still-overdue 5', 'stalled 7']);
  });
});


/**
 * The compare tests' two versions (tests/unit/helpers/versions.ts: two-row header, sections, 责任清单
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
    const c = await compareWithEarlier(excel, OPTS, { sheet: '上期台账', since: null }, { issuer: '某局巡察整改办' }, noStep);
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
    const again = await compareWithEarlier(excel, OPTS, { sheet: '上期台账', since: null }, { issuer: '某局巡察整改办' }, noStep);
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
    const closed = await compareWithEarlier(excel, OPTS, { sheet: '上期台账', since: null }, { issuer: '某局巡察整改办' }, noStep);
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
