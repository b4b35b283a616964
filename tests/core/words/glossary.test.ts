/**
 * One glossary: a field or a term reads the same in the findings, the terminal report, the summary
 * and comparison sheets and the pane (src/core/words/glossary.ts), and one formatter fills every template.
 */
import { checkWorkbook } from '../../../src/core/check/check';
import { COMPARE_TEXT } from '../../../src/core/words/compare';
import { format } from '../../../src/core/text/format';
import { term } from '../../../src/core/words/glossary';
import { SUMMARY_TEXT } from '../../../src/core/words/summary';
import { Grid } from '../../../src/core/model/grid';
import { renderReport } from '../../../src/cli/report';
import { fill } from '../../../src/taskpane/strings';
import { aspectColumnLedger } from '../helpers/ledgers';

const AS_OF = '2022-07-15';

/** A list with no 整改措施 or 牵头部门 column. */
function problemsOnly(): Grid {
  return {
    name: 'Sheet1',
    rows: [
      ['序号', '存在问题', '完成时限', '完成状态'],
      ['1', '民主集中制执行不严格', '2022年6月30日前', '已完成'],
      ['2', '三重一大决策程序不规范', '2022年9月底前', '正在推进'],
    ],
  };
}

describe('the names of fields, the same on every surface', () => {
  it('names a missing column as the sheets do: Measure and Lead department', () => {
    const en = checkWorkbook([problemsOnly()], { asOf: AS_OF, lang: 'en' });
    expect(en.findings.filter((f) => f.rule === 'column-missing').map((f) => f.message)).toEqual([
      'The ledger has no "Measure" column; the checks that need it were skipped.',
      'The ledger has no "Lead department" column; the checks that need it were skipped.',
    ]);
    const zh = checkWorkbook([problemsOnly()], { asOf: AS_OF, lang: 'zh' });
    expect(zh.findings.filter((f) => f.rule === 'column-missing').map((f) => f.message)).toEqual([
      '台账中没有“整改措施”列，相关检查已跳过。',
      '台账中没有“牵头部门”列，相关检查已跳过。',
    ]);
  });

  it('lists the recognized columns of the header by those names in the terminal report', () => {
    const header = (lang: 'zh' | 'en') =>
      renderReport(checkWorkbook([aspectColumnLedger()], { asOf: AS_OF, lang }), { lang, file: 'a.xlsx' })
        .split('\n')
        .filter((l) => /^(表头|Header)/.test(l));
    expect(header('en')).toEqual(['Header: rows 2; No. A, Aspect B, Problem C, Measure D, Lead department E, Deadline F, Progress G']);
    expect(header('zh')).toEqual(['表头：第2行；序号 A，方面 B，存在问题 C，整改措施 D，牵头部门 E，完成时限 F，整改进展 G']);
  });

  it('heads the columns of the summary and comparison sheets with the same words', () => {
    const c = SUMMARY_TEXT.en.columns;
    expect([c.seq, c.aspect, c.problem, c.measure, c.leadDept, c.deadline, c.flag, c.due, c.severity]).toEqual([
      'No.', 'Aspect', 'Problem', 'Measure', 'Lead department', 'Deadline', 'Deadline status', 'Due date', 'Severity',
    ]);
    const x = COMPARE_TEXT.en.columns;
    expect([x.problem, x.measure, x.leadDept, x.flag]).toEqual(['Problem', 'Measure', 'Lead department', 'Deadline status']);
    expect([term('zh', 'aspect'), SUMMARY_TEXT.zh.columns.aspect, SUMMARY_TEXT.zh.sheets.byAspect]).toEqual(['方面', '方面', '按方面']);
  });
});

describe('one formatter', () => {
  it('fills the named places and leaves unknown ones as written, for the core and the pane alike', () => {
    expect(format('逾期{days}天，{other}', { days: 15 })).toBe('逾期15天，{other}');
    expect(fill('step {n} of {of}', { n: 2, of: 3 })).toBe('step 2 of 3');
  });

  it.each([
    ['{a}{a}', { a: 'x' }, 'xx'],
    ['{a}', { a: 0 }, '0'],
    ['开头{a}', { a: '' }, '开头'],
    ['{ a } {a-b} {}', { a: 1 }, '{ a } {a-b} {}'],
    ['{{a}}', { a: '值' }, '{值}'],
    ['无参数', {}, '无参数'],
    ['{a}含{b}', { b: '{a}' }, '{a}含{a}'],
  ])('%j with %j is %j, as a regex replace gives it, from a template parsed once', (template, params, out) => {
    const replaced = template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String((params as Record<string, unknown>)[key]) : whole));
    expect(replaced).toBe(out);
    expect(format(template, params)).toBe(out);
    expect(format(template, params)).toBe(out);
  });
});
