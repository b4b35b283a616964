/**
 * Every workbook in ../shared/corpora/real-ledgers (SOURCES.md there names each one's repository and
 * commit), read through src/xlsx and checked as a user would, at the date each was filled in. The
 * columns, item counts and flag counts are literals counted by hand from the sheets (the comments say
 * how). The files are third-party, licence not stated: test input only, never copied into the repo,
 * and no name in them appears here. The one .xls (a header-only import template) is read through a
 * Grid built by hand from its header, until the legacy reader lands.
 */
import * as path from 'path';
import { readGrids } from '../../../src/xlsx';
import { checkWorkbook } from '../../../src/core/check/check';
import { detectHeader } from '../../../src/core/read/header';
import { colLetter } from '../../../src/core/text/a1';
import { CheckResult } from '../../../src/core/model/result';
import { Grid } from '../../../src/core/model/grid';
import { describeWithTools, firstExisting } from '../../tools';

const ROOT = path.resolve(__dirname, '../../..');
const CORPUS = firstExisting([
  process.env.TAIZHANG_REAL_LEDGERS || '',
  path.join(ROOT, '..', 'shared', 'corpora', 'real-ledgers'),
  path.join(ROOT, '..', '..', 'shared', 'corpora', 'real-ledgers'),
].filter(Boolean));

function letters(columns: { [f: string]: number | undefined }): Record<string, string> {
  const out: Record<string, string> = {};
  Object.keys(columns).forEach((k) => (out[k] = colLetter(columns[k] as number)));
  return out;
}

async function check(file: string, asOf: string): Promise<CheckResult> {
  const grids = await readGrids(path.join(CORPUS as string, file));
  return checkWorkbook(grids, { asOf, lang: 'zh', file });
}

function rules(r: CheckResult): Record<string, number> {
  return r.findingCounts.byRule;
}

function states(r: CheckResult): Record<string, number> {
  const out: Record<string, number> = {};
  r.items.forEach((i) => (out[i.state] = (out[i.state] || 0) + 1));
  return out;
}

describeWithTools('real ledgers (../shared/corpora/real-ledgers)', CORPUS ? [] : ['the real-ledgers corpus (../shared/corpora/real-ledgers)'], () => {
  describe('hazard ledgers (隐患排查治理统计表): every row 关闭, so every item closed, none overdue', () => {
    // Row 1 a title, row 2 序号 (merged down) beside 项目名称：… / 填报人：… / 填报时间：… (metadata, not
    // headers), row 3 the header. 复查结果 holds 已整改 on every row, 隐患状态 关闭.
    const HAZARD_COLUMNS = { seq: 'A', problem: 'B', aspect: 'D', leadDept: 'F', owner: 'G', deadline: 'H', measure: 'I', progress: 'N', status: 'Q' };

    test('2019-06: 38 numbered rows, 3 legend rows after them', async () => {
      const r = await check('subhsse-yidu-yinhuan-tongjibiao-2019-06.xlsx', '2019-06-25');
      expect(r.header.rows).toEqual([2, 3]);
      expect(letters(r.header.columns)).toEqual(HAZARD_COLUMNS);
      expect(r.totals).toEqual({ items: 38, done: 38, overdue: 0, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 });
      expect(states(r)).toEqual({ closed: 38 });
      expect([r.items[0].row, r.items[37].row]).toEqual([4, 41]);
      // 整改期限 are date cells: the first row's is 2019-05-28.
      expect(r.items[0].deadline.due).toBe('2019-05-28');
      expect(r.findings).toEqual([]);
    });

    test('2020-05: 98 numbered rows, then an empty numbered row 99 and 3 legend rows that are not items', async () => {
      const r = await check('subhsse-yidu-yinhuan-tongjibiao-2020-05.xlsx', '2020-05-25');
      expect(r.header.rows).toEqual([2, 3]);
      expect(letters(r.header.columns)).toEqual(HAZARD_COLUMNS);
      expect(r.totals).toEqual({ items: 98, done: 98, overdue: 0, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 });
      expect(states(r)).toEqual({ closed: 98 });
      expect(r.items[97].row).toBe(101);
      expect(r.findings).toEqual([]);
    });

    test('the software export: 57 rows, 复查结果 empty on all, 处置措施 blank on one', async () => {
      const r = await check('subhsse-yinhuan-huizong-qingdan-export-2020-05.xlsx', '2020-05-25');
      expect(r.header.rows).toEqual([1]);
      expect(letters(r.header.columns)).toEqual({ seq: 'A', problem: 'B', aspect: 'D', leadDept: 'F', owner: 'G', deadline: 'H', measure: 'I', progress: 'J', status: 'M' });
      expect(r.totals).toEqual({ items: 57, done: 57, overdue: 0, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 });
      expect(states(r)).toEqual({ closed: 57 });
      // Closed with an empty 复查结果: 57; the one blank 处置措施 (counted in the sheet: 45 + 8 + 3 + 1 blank).
      expect(rules(r)).toEqual({ 'done-without-evidence': 57, 'measure-missing': 1 });
    });
  });

  describe('task and work lists', () => {
    test('a work list (问题描述 / 修改要求 / 完成日期): a section row, 小计 and 合计 rows are not items', async () => {
      // Row 2 the header; rows 3 and 29 section rows, 28 and 33 小计, 34 合计; 27 numbered rows. No state
      // column, so 完成日期 states when the work is due: 18 dates (12 of them serials stored as plain
      // numbers, SOURCES.md), all between 2019-03-01 and 2019-05-31, before the list's date; 9 blanks.
      const r = await check('subhsse-wuhuan-gongneng-wanshan-qingdan-2019-06.xlsx', '2019-06-03');
      expect(r.header.rows).toEqual([2]);
      expect(letters(r.header.columns)).toEqual({ seq: 'A', problem: 'D', requirement: 'E', deadline: 'I' });
      expect(r.totals).toEqual({ items: 27, done: 0, overdue: 18, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 9 });
      expect(r.items[0].deadline.due).toBe('2019-03-01');
      expect(rules(r)).toEqual({ 'column-missing': 2, 'deadline-missing': 9 });
    });

    test('a work plan: 完成情况 of 已完成 / 未完成 is the status column; 计划完成时间 the deadline', async () => {
      // 75 rows name a 功能 (74 numbered, 成长空间 under a merged 序号); 完成情况 已完成 24, 未完成 31, blank 20.
      // 25 dated 计划完成时间, all on 未完成 rows: before 03-15 fifteen (03-09 x3, 03-10 x3, 03-11,
      // 03-12 x4, 03-13 x3, 03-14), 03-15 … 03-20 ten. 完成时间 after 计划完成时间 once (HSE日志).
      const r = await check('subhsse-saiding-gongneng-jihua-wancheng-2020-03.xlsx', '2020-03-15');
      expect(letters(r.header.columns)).toEqual({ seq: 'A', measure: 'C', notes: 'F', status: 'G', deadline: 'H', doneDate: 'I' });
      expect(states(r)).toEqual({ done: 24, 'in-progress': 31, unknown: 20 });
      expect(r.totals).toEqual({ items: 75, done: 24, overdue: 15, dueSoon: 10, onTrack: 0, longTerm: 0, noDeadline: 26 });
      expect(rules(r)).toEqual({ 'column-missing': 1, 'deadline-missing': 50, 'completed-late': 1 });
    });
  });

  describe('督办 import formats (one test row each; dates stored as ISO text)', () => {
    test('工作事项 / 完成时间 / 责任部门 / 责任领导: 完成时间 is the deadline of a list that records no state', async () => {
      const r = await check('supervision-system-truth-main-import.xlsx', '2026-05-01');
      expect(letters(r.header.columns)).toEqual({ aspect: 'A', measure: 'B', deadline: 'D', leadDept: 'F', leader: 'G' });
      expect(r.items[0].deadline.due).toBe('2026-06-30');
      expect(r.totals).toEqual({ items: 1, done: 0, overdue: 0, dueSoon: 0, onTrack: 1, longTerm: 0, noDeadline: 0 });
    });

    test('the 重点工作 format: 是否为创新工作 names no field', async () => {
      const r = await check('supervision-system-truth-priority-import.xlsx', '2026-05-01');
      expect(letters(r.header.columns)).toEqual({ aspect: 'A', measure: 'B', deadline: 'E', leadDept: 'G', leader: 'H' });
      expect(r.items[0].deadline.due).toBe('2026-12-31');
      expect(r.totals).toEqual({ items: 1, done: 0, overdue: 0, dueSoon: 0, onTrack: 1, longTerm: 0, noDeadline: 0 });
    });

    test('the 待办 format: 事项提出领导 and 指定审批领导 are not the responsible leader; 待办事项 is the measure', async () => {
      const r = await check('supervision-system-truth-todo-import.xlsx', '2026-05-20');
      expect(letters(r.header.columns)).toEqual({ measure: 'D', leadDept: 'F', owner: 'G', coDept: 'H', deadline: 'K', progress: 'L' });
      expect(r.header.columns.leader).toBeUndefined();
      expect(r.items[0].deadline.due).toBe('2026-05-15');
      expect(r.totals).toEqual({ items: 1, done: 0, overdue: 1, dueSoon: 0, onTrack: 0, longTerm: 0, noDeadline: 0 });
    });
  });
});

describe('the 日常巡检 import template (.xls, header only), as a Grid built from its header', () => {
  const HEADER = ['检查类型', '检查项', '不合格项描述', '整改要求', '检查区域', '责任单位', '处理措施', '限时时间', '整改情况(是/否)'];

  test('problem, deadline and a yes/no status are found', () => {
    const h = detectHeader({ name: 'Sheet1', rows: [HEADER] });
    expect(h && letters(h.columns)).toEqual({ aspect: 'A', problem: 'C', requirement: 'D', leadDept: 'F', measure: 'G', deadline: 'H', status: 'I' });
  });

  test('是 in its yes/no column is done, 否 is not', () => {
    const g: Grid = {
      name: 'Sheet1',
      rows: [
        HEADER,
        ['专项检查', '临时用电', '配电箱未上锁', '立即上锁', '一区', '施工一队', '限时整改', '2020-05-20', '是'],
        ['专项检查', '消防', '灭火器过期', '更换灭火器', '二区', '施工二队', '限时整改', '2020-05-20', '否'],
      ],
    };
    const r = checkWorkbook([g], { asOf: '2020-05-25' });
    expect(r.items.map((i) => [i.state, i.flag])).toEqual([
      ['done', 'done'],
      ['not-started', 'overdue'],
    ]);
  });
});
