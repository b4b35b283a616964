/**
 * The 督办单 as it is sent (core/sheets/notice.ts), on the sample (six lagging lead departments, as
 * summary lists them: 人事处, 财务处, 办公室, 政策研究处, 机关纪委 with overdue items, 机关党委 with only
 * due-soon ones): a 文号 per notice, 提醒单 against 督办单, 责任领导 and the last 整改进展 shown, 抄送 and
 * 签收 lines, no printed （盖章）, and no invented 截止日期 for 立行立改 without a start date.
 */
import * as path from 'path';
import { isReminder, noticeBookSheets, noticeDepartments, noticeSheets, SheetSpec, Summary } from '../../src/core';
import { summarizeFiles } from '../../src/cli/run-summary';

const SAMPLE = path.join(__dirname, '../..', 'samples', '整改台账-示例.xlsx');
const OPTS = { asOf: '2022-07-15', start: '2022-02-24' };

let summary: Summary;
let noStart: Summary;
beforeAll(async () => {
  summary = (await summarizeFiles([SAMPLE], OPTS)).summary;
  noStart = (await summarizeFiles([SAMPLE], { asOf: OPTS.asOf })).summary;
});

const value = (spec: SheetSpec, r: number, c = 0) => {
  const cell = spec.rows[r] && spec.rows[r][c];
  return cell ? cell.v : null;
};
const texts = (spec: SheetSpec) => spec.rows.map((row) => row.map((c) => (c && typeof c.v === 'string' ? c.v : '')).join('|'));

test('the departments in the order they are listed, and which get a 提醒单', () => {
  expect(noticeDepartments(summary)).toEqual(['人事处', '财务处', '办公室', '政策研究处', '机关纪委', '机关党委']);
  expect(noticeDepartments(summary).map((d) => isReminder(summary, d))).toEqual([false, false, false, false, false, true]);
});

test('{n} in the 文号 numbers the notices 1, 2, … in that order; a 文号 without it stays as it is', () => {
  const book = noticeBookSheets(summary, 'zh', { noticeNumber: '粤巡改督〔2022〕{n}号' });
  expect(book.map((s) => value(s, 1))).toEqual(['粤巡改督〔2022〕1号', '粤巡改督〔2022〕2号', '粤巡改督〔2022〕3号',
    '粤巡改督〔2022〕4号', '粤巡改督〔2022〕5号', '粤巡改督〔2022〕6号']);
  // One department's own workbook carries its own number.
  expect(value(noticeSheets(summary, '办公室', 'zh', { noticeNumber: '粤巡改督〔2022〕{n}号' })[0], 1)).toBe('粤巡改督〔2022〕3号');
  expect(value(noticeSheets(summary, '办公室', 'zh', { noticeNumber: '〔2022〕第5号' })[0], 1)).toBe('〔2022〕第5号');
});

test('提醒单 where items are only due soon, 督办单 where anything is overdue', () => {
  const reminder = noticeSheets(summary, '机关党委')[0];
  expect(reminder.name).toBe('提醒单');
  expect(value(reminder, 0)).toBe('整改提醒单');
  const notice = noticeSheets(summary, '人事处')[0];
  expect(notice.name).toBe('督办单');
  expect(value(notice, 0)).toBe('整改督办单');
});

test('责任领导 and the last 整改进展 shown, a reply column 30 wide, 抄送 and 签收 lines, no （盖章）', () => {
  const notice = noticeSheets(summary, '人事处')[0];
  const header = notice.rows[4].map((c) => (c ? c.v : null));
  expect(header).toEqual(['序号', '存在问题', '整改措施', '责任领导', '完成时限', '截止日期', '逾期/剩余天数', '整改进展', '整改进展及说明']);
  expect(notice.widths![8]).toBe(30);
  expect(value(notice, 6, 3)).toBe('李华');
  expect(value(notice, 6, 7)).toBe('已选调1名专职干部，尚缺1名');
  const all = texts(notice);
  expect(all).toContain('抄送：李华');
  expect(all.filter((t) => /^签收人：/.test(t))).toHaveLength(1);
  expect(all.filter((t) => /盖章/.test(t))).toEqual([]);
  expect(all).toContain('整改工作领导小组办公室');
  expect(notice.print!.landscape).toBe(true);
});

test('立行立改 without a start date: 截止日期 待定（需起始日）, no days; with one, its date', () => {
  const immediate = (s: Summary) => noticeDepartments(s).map((d) => noticeSheets(s, d)[0])
    .map((spec) => spec.rows.filter((r) => r[4] && /立行立改|即知即改/.test(String(r[4].v))))
    .reduce((a, b) => a.concat(b), []);
  const without = immediate(noStart);
  expect(without.length).toBeGreaterThan(0);
  without.forEach((r) => {
    expect(r[5]!.v).toBe('待定（需起始日）');
    expect(r[6]!.v).toBe('');
  });
  // With --start the 截止日期 is start + 30 days, a date.
  expect(immediate(summary).every((r) => typeof r[5]!.v !== 'string' || r[5]!.v !== '待定（需起始日）')).toBe(true);
});
