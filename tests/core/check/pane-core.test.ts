/**
 * The pure functions the task pane renders from (it computes no numbers or orders of its own):
 * the findings list's order, and which sheet of a workbook is the ledger and which its earlier version.
 */
import { renderReport } from '../../../src/cli/report';
import { checkWorkbook } from '../../../src/core/check/check';
import { errorsFirst } from '../../../src/core/check/rules';
import { Finding } from '../../../src/core/model/result';
import { twoRowHeaderLedger } from '../helpers/ledgers';
import { problemList, responsibilityList, roster, taskList } from '../helpers/threelists';

const at = (f: Finding) => f.severity + ' ' + f.rule + ' ' + (f.sheet === '整改台账' ? '' : f.sheet + '!') + f.cell;

describe('errorsFirst: the findings as the pane lists them', () => {
  it('puts every error before every warning, each in the check’s order (by row)', () => {
    const result = checkWorkbook([twoRowHeaderLedger()], { asOf: '2022-07-15', lang: 'zh' });
    const expected = [
      'error lead-dept-missing E7',
      'error lead-dept-missing E9',
      'error lead-dept-missing E11',
      'error lead-dept-missing E12',
      'error deadline-unparsed G13',
      'error deadline-missing G14',
      'error lead-dept-missing E14',
      'warning long-term-no-progress H9',
      'warning duplicate-seq A13',
    ];
    expect(errorsFirst(result.findings).map(at)).toEqual(expected);
    // The result carries that order and the counts, so the pane and the CLI only render them.
    expect(result.findingsByLevel.map(at)).toEqual(expected);
    expect(result.findingCounts).toEqual({
      errors: 7,
      warnings: 2,
      byRule: { 'lead-dept-missing': 5, 'deadline-unparsed': 1, 'deadline-missing': 1, 'long-term-no-progress': 1, 'duplicate-seq': 1 },
    });
  });

  it('keeps the order it was given within each severity (the sheets of three lists stay in the core’s order)', () => {
    const f = (severity: 'error' | 'warning', sheet: string, cell: string): Finding => ({ rule: 'duplicate-seq', severity, sheet, cell, row: +cell.slice(1), message: '' });
    const given = [f('warning', '任务清单', 'B3'), f('error', '任务清单', 'C9'), f('warning', '问题清单', 'C2'), f('error', '问题清单', 'D5'), f('error', '责任清单', 'A2')];
    expect(errorsFirst(given).map(at)).toEqual([
      'error duplicate-seq 任务清单!C9', 'error duplicate-seq 问题清单!D5', 'error duplicate-seq 责任清单!A2', 'warning duplicate-seq 任务清单!B3', 'warning duplicate-seq 问题清单!C2',
    ]);
    expect(given.map(at)[0]).toBe('warning duplicate-seq 任务清单!B3'); // not sorted in place
  });
});

describe('the terminal report lists the findings in the same order as the pane', () => {
  it('every error first, then every warning, each in sheet order (the task list first), on three lists', () => {
    const result = checkWorkbook([problemList(), taskList(), responsibilityList(), roster()], { asOf: '2022-07-15', lang: 'zh' });
    const lines = renderReport(result, { lang: 'zh', file: 'a.xlsx' }).split('\n');
    const from = lines.indexOf('检查问题（错误 3 条，提示 4 条）');
    expect(lines.slice(from + 2, from + 9).map((l) => l.trim().split(/\s+/).slice(0, 2).join(' '))).toEqual([
      'B5 错误', 'A6 错误', '问题清单!C5 错误', 'E6 提示', '问题清单!A7 提示', '责任清单!C5 提示', '责任清单!A10 提示',
    ]);
    expect(result.findingsByLevel.map(at)).toEqual([
      'error measure-unknown-problem 任务清单!B5', 'error measure-without-responsibility 任务清单!A6',
      'error problem-without-measure 问题清单!C5', 'warning long-term-no-progress 任务清单!E6', 'warning duplicate-seq 问题清单!A7',
      'warning lead-dept-not-in-roster 责任清单!C5', 'warning responsibility-unknown-measure 责任清单!A10',
    ]);
  });
});
