/**
 * The start date when --start is not given, which is how most users first run a check: the year comes
 * from what the workbook states (its title, its 填报时间 row, its own dates), and items that need the
 * start date itself are warned about, each on its cell and once for the ledger, saying how to give it.
 */
import { checkWorkbook } from '../../../src/core/check/check';
import { detectHeader } from '../../../src/core/read/header';
import { inferStart, ledgerYear, readStatedDates } from '../../../src/core/read/stated';
import { CellValue, Grid } from '../../../src/core/model/grid';
import { CheckResult } from '../../../src/core/model/result';
import { problemList, responsibilityList, taskList } from '../helpers/threelists';
import { twoRowHeaderLedger } from '../helpers/ledgers';

const _ = null;
/** Two years after the ledger: year-less dates must not take this year. */
const AS_OF = '2024-07-15';
const HEADER: CellValue[] = ['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '完成状态'];

function ledger(above: CellValue[][], rows: CellValue[][]): Grid {
  return { name: '整改台账', rows: above.concat([HEADER], rows) };
}

const dues = (r: CheckResult) => r.items.map((i) => [i.deadline.text, i.deadline.kind, i.deadline.due]);
const rules = (r: CheckResult) => r.findings.map((f) => f.rule + '@' + f.cell);

describe('the year from the title', () => {
  const g = ledger(
    [['2022年市委第三巡察组反馈意见整改落实台账', _, _, _, _, _]],
    [
      ['1', '理论学习不深入', '制定学习计划', '办公室', '9月底前', '正在推进'],
      ['2', '理论学习不深入', '开展专题研讨', '办公室', '年底前', '正在推进'],
      ['3', '制度不健全', '修订制度', '财务处', '2023年6月底前', '正在推进'],
    ],
  );
  const r = checkWorkbook([g], { asOf: AS_OF });

  test('year-less dates take the title year, not the as-of year', () => {
    expect(dues(r)).toEqual([
      ['9月底前', 'date', '2022-09-30'],
      ['年底前', 'date', '2022-12-31'],
      ['2023年6月底前', 'date', '2023-06-30'],
    ]);
    expect(r.items.map((i) => i.flag)).toEqual(['overdue', 'overdue', 'overdue']);
  });

  test('the result says where the year came from', () => {
    expect(r.startBasis).toEqual({ year: 2022, source: 'title' });
    expect(r.start).toBeNull();
    expect(r.needsStart).toBe(0);
  });

  test('nothing depends on a start date here, so nothing is said about it', () => {
    expect(r.findings.filter((f) => /start/.test(f.rule))).toEqual([]);
  });
});

describe('the year from the 填报时间 row, and from the ledger\'s dates', () => {
  test('填报时间：2022年7月10日 (the title names no year)', () => {
    const r = checkWorkbook([twoRowHeaderLedger()], { asOf: AS_OF });
    expect(r.startBasis).toEqual({ year: 2022, source: 'filled-in' });
  });

  test('no title or form row: the year most deadline cells state', () => {
    const g = ledger([], [
      ['1', '问题甲', '措施1', '办公室', '2022年6月底前', '正在推进'],
      ['2', '问题甲', '措施2', '办公室', '2022年12月31日', '正在推进'],
      ['3', '问题乙', '措施3', '办公室', { date: '2023-03-31' }, '正在推进'],
      ['4', '问题乙', '措施4', '办公室', '9月底前', '正在推进'],
    ]);
    const r = checkWorkbook([g], { asOf: AS_OF });
    expect(r.startBasis).toEqual({ year: 2022, source: 'dates' });
    expect(r.items[3].deadline.due).toBe('2022-09-30');
  });

  test('a tie between years goes to the earlier one', () => {
    const g = ledger([], [
      ['1', '问题甲', '措施1', '办公室', '2023年6月底前', '正在推进'],
      ['2', '问题甲', '措施2', '办公室', '2022年12月31日', '正在推进'],
    ]);
    const h = detectHeader(g);
    expect(h && ledgerYear(g, h)).toBe(2022);
  });

  test('--start wins over anything the workbook states', () => {
    const r = checkWorkbook([twoRowHeaderLedger()], { asOf: AS_OF, start: '2022-02-24' });
    expect(r.startBasis).toEqual({ date: '2022-02-24', source: 'given' });
  });

  test('three lists: the task list first, then the others', () => {
    const r = checkWorkbook([problemList(), taskList(), responsibilityList()], { asOf: AS_OF });
    // The task list has no title; its deadlines are mostly 2022.
    expect(r.startBasis).toEqual({ year: 2022, source: 'dates' });
    expect(r.findings.filter((f) => f.rule === 'start-missing').map((f) => f.sheet + '!' + f.cell)).toEqual([]);
  });
});

describe('no year anywhere and deadlines that count from the start', () => {
  const g = ledger(
    [['某局巡视整改落实台账', _, _, _, _, _], ['填报单位：某局办公室', _, _, _, _, _]],
    [
      ['1', '问题甲', '压减文件', '办公室', '反馈后1个月内', '正在推进'],
      ['2', '问题甲', '清理台账', '办公室', '立行立改', '正在推进'],
      ['3', '问题乙', '制定办法', '财务处', '30个工作日内', '已完成'],
      ['4', '问题乙', '开展检查', '财务处', '本月底前', '未启动'],
      ['5', '问题丙', '建立机制', '人事处', '长期坚持', '正在推进'],
    ],
  );
  const zh = checkWorkbook([g], { asOf: AS_OF });
  const en = checkWorkbook([g], { asOf: AS_OF, lang: 'en' });

  test('no start is known, and the relative deadlines are unparsed for want of one', () => {
    expect(zh.startBasis).toBeNull();
    expect(dues(zh)).toEqual([
      ['反馈后1个月内', 'unparsed', null],
      ['立行立改', 'immediate', null],
      ['30个工作日内', 'unparsed', null],
      ['本月底前', 'unparsed', null],
      ['长期坚持', 'long-term', null],
    ]);
    expect(zh.items.map((i) => i.deadline.reason)).toEqual(['needs-start', undefined, 'needs-start', 'needs-start', undefined]);
  });

  test('each open item that needs the start gets a warning on its deadline cell, not an error', () => {
    expect(rules(zh)).toEqual(['start-missing@E3', 'deadline-needs-start@E4', 'deadline-needs-start@E5', 'deadline-needs-start@E7']);
    expect(zh.findings.every((f) => f.severity === 'warning')).toBe(true);
    expect(zh.findings[1].message).toBe('完成时限“反馈后1个月内”从整改起始日期起算，未提供起始日期，无法确定截止日期。');
    expect(zh.findings[2].message).toBe('立行立改的截止日期为整改起始日期后30天，请提供整改起始日期。');
  });

  test('one finding for the ledger says how many items depend on the start and how to give it', () => {
    expect(zh.needsStart).toBe(3);
    expect(zh.findings[0]).toEqual({
      rule: 'start-missing',
      severity: 'warning',
      cell: 'E3',
      row: 3,
      sheet: '整改台账',
      message: '3项整改措施的完成时限从整改起始日期起算（如“反馈后1个月内”“立行立改”），但未提供起始日期：请用 --start YYYY-MM-DD 指定（在任务窗格中填写“整改起始日期”）。',
    });
    expect(en.findings[0].message).toBe(
      '3 measures have deadlines counted from the start date (such as "within 1 month of feedback" or "immediately"), but no start date was given: give it with --start YYYY-MM-DD (the start date field in the task pane).',
    );
  });

  test('with --start the same ledger reads whole and nothing is said about the start', () => {
    const r = checkWorkbook([g], { asOf: '2022-07-15', start: '2022-02-24' });
    expect(dues(r)).toEqual([
      ['反馈后1个月内', 'date', '2022-03-24'],
      ['立行立改', 'immediate', null],
      ['30个工作日内', 'date', '2022-04-07'],
      ['本月底前', 'date', '2022-02-28'],
      ['长期坚持', 'long-term', null],
    ]);
    expect(r.items[1].due).toBe('2022-03-26');
    expect(r.needsStart).toBe(0);
    expect(rules(r)).toEqual([]);
  });
});

describe('findings say why a deadline is refused', () => {
  const g = ledger([['2022年巡察整改台账', _, _, _, _, _]], [
    ['1', '问题甲', '措施1', '办公室', '待定', '正在推进'],
    ['2', '问题甲', '措施2', '办公室', '2020年1月以后', '正在推进'],
    ['3', '问题甲', '措施3', '办公室', '30/06/2022', '正在推进'],
    ['4', '问题甲', '措施4', '办公室', '2022年2月30日', '正在推进'],
    ['5', '问题甲', '措施5', '办公室', '按要求', '正在推进'],
    ['6', '问题甲', '措施6', '办公室', '', '正在推进'],
  ]);
  const r = checkWorkbook([g], { asOf: '2022-07-15', start: '2022-02-24' });

  test('待定 is pending, not missing; the others are unparsed with their reason', () => {
    expect(r.findings.map((f) => [f.rule, f.severity, f.cell, f.message])).toEqual([
      ['deadline-pending', 'error', 'E3', '完成时限待定（“待定”），请确定后填写完成时限。'],
      ['deadline-unparsed', 'error', 'E4', '完成时限“2020年1月以后”写的是开始时间（以后、之后、起），不是完成时限，请写明何时完成。'],
      ['deadline-unparsed', 'error', 'E5', '完成时限“30/06/2022”的日、月顺序无法确定，请写成如“2022年6月30日”的形式。'],
      ['deadline-unparsed', 'error', 'E6', '完成时限“2022年2月30日”不是有效的日期（如2月30日、13月、第5季度），请更正。'],
      ['deadline-unparsed', 'error', 'E7', '无法识别完成时限“按要求”，请写成如“2022年6月底前”“立行立改”“长期坚持”的形式。'],
      ['deadline-missing', 'error', 'E8', '未填写完成时限。'],
    ]);
    expect(r.items.map((i) => i.flag)).toEqual(['no-deadline', 'no-deadline', 'no-deadline', 'no-deadline', 'no-deadline', 'no-deadline']);
  });
});

describe('readStatedDates: the title and 填报时间 as full dates, for other code to reuse', () => {
  test('the sample\'s shape: a title without a year, then 填报时间 in a form row', () => {
    const g = twoRowHeaderLedger();
    expect(readStatedDates(g, detectHeader(g))).toEqual({
      title: null,
      filledIn: { source: 'filled-in', year: 2022, date: '2022-07-10', cell: 'A2', text: '填报单位（盖章）：某某局办公室        填报人：张三        填报时间：2022年7月10日' },
    });
  });

  test('a label in its own cell with an Excel date beside it', () => {
    const g = ledger([['2021年度审计整改台账', _, _, _, _, _], ['填报单位：', '某局', '填报时间：', { date: '2022-03-05' }, _, _]], [
      ['1', '问题甲', '措施1', '办公室', '2022年6月底前', '正在推进'],
    ]);
    expect(readStatedDates(g, detectHeader(g))).toEqual({
      title: { source: 'title', year: 2021, date: null, cell: 'A1', text: '2021年度审计整改台账' },
      filledIn: { source: 'filled-in', year: 2022, date: '2022-03-05', cell: 'D2', text: '2022-03-05' },
    });
  });

  test('截至 in the title, a 填表日期 sign-off row at the bottom, traditional script and Chinese numerals', () => {
    const asOfTitle = ledger([['整改落实情况台账（截至2022年6月30日）', _, _, _, _, _]], [['1', '问题甲', '措施1', '办公室', '2022年6月底前', '正在推进']]);
    expect(readStatedDates(asOfTitle, detectHeader(asOfTitle))).toEqual({
      title: { source: 'title', year: 2022, date: '2022-06-30', cell: 'A1', text: '整改落实情况台账（截至2022年6月30日）' },
      filledIn: { source: 'filled-in', year: 2022, date: '2022-06-30', cell: 'A1', text: '整改落实情况台账（截至2022年6月30日）' },
    });
    const signed = ledger([['整改台账', _, _, _, _, _]], [
      ['1', '问题甲', '措施1', '办公室', '2022年6月底前', '正在推进'],
      ['填表人：张三', _, '填表日期：2022年7月15日', _, _, _],
    ]);
    expect(readStatedDates(signed, detectHeader(signed)).filledIn).toEqual({
      source: 'filled-in', year: 2022, date: '2022-07-15', cell: 'C4', text: '填表日期：2022年7月15日',
    });
    const traditional = ledger([['整改臺賬', _, _, _, _, _], ['填報單位：某局    填報時間：二〇二二年七月十日', _, _, _, _, _]], [
      ['1', '問題甲', '措施1', '辦公室', '2022年6月底前', '正在推進'],
    ]);
    expect(readStatedDates(traditional, detectHeader(traditional)).filledIn).toEqual({
      source: 'filled-in', year: 2022, date: '2022-07-10', cell: 'A2', text: '填報單位：某局    填報時間：二〇二二年七月十日',
    });
  });

  test('a month alone is a year without a date; nothing stated is null', () => {
    const g = ledger([['填报时间：2022年7月', _, _, _, _, _]], [['1', '问题甲', '措施1', '办公室', '反馈后1个月内', '正在推进']]);
    expect(readStatedDates(g, detectHeader(g)).filledIn).toEqual({ source: 'filled-in', year: 2022, date: null, cell: 'A1', text: '填报时间：2022年7月' });
    const bare = ledger([], [['1', '问题甲', '措施1', '办公室', '立行立改', '正在推进']]);
    expect(readStatedDates(bare, detectHeader(bare))).toEqual({ title: null, filledIn: null });
    const h = detectHeader(bare);
    expect(h && inferStart([{ grid: bare, header: h }], null)).toBeNull();
  });

  test('without a header the first rows are read', () => {
    expect(readStatedDates(twoRowHeaderLedger()).filledIn).toMatchObject({ date: '2022-07-10', cell: 'A2' });
  });
});
