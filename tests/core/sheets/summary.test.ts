import { chartLabel, summarySheets } from '../../../src/core/sheets/summary';
import { greyLevel } from '../../../src/xlsxlite/chart';
import { headerFooterText } from '../../../src/core/sheets/print';
import { noticeBookSheets, noticeDepartments, noticeSheets } from '../../../src/core/sheets/notice';
import { reportLines } from '../../../src/core/sheets/report';
import { safeSheetNames } from '../../../src/core/sheets/names';
import { columnPixels, fitToWidthScale, printableWidth, textLines } from '../../../src/core/sheets/print';
import { ruleName } from '../../../src/core/words/check';
import { STYLES } from '../../../src/core/sheets/styles';
import { summarize } from '../../../src/core/aggregate/summary';
import { CellValue } from '../../../src/core/model/grid';
import { CheckResult } from '../../../src/core/model/result';
import { SheetSpec, SpecCell } from '../../../src/core/model/spec';
import { AS_OF, ledgerA, ledgerB, result } from '../helpers/results';
import { checkWorkbook } from '../../../src/core/check/check';
import { aspectColumnLedger, combinedHeaderLedger, englishTracker, twoRowHeaderLedger } from '../helpers/ledgers';
import { problemList, responsibilityList, roster, taskList } from '../helpers/threelists';

const ZH_NAMES = ['总览', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账', '通报提纲'];
const EN_NAMES = ['Overview', 'By aspect', 'By department', 'Overdue & due soon', 'Findings', 'Consolidated ledger', 'Report outline'];

function sheetsOf(results: CheckResult[], lang: 'zh' | 'en' = 'zh'): SheetSpec[] {
  return summarySheets(summarize(results, { asOf: AS_OF, lang }), lang);
}

function sheet(specs: SheetSpec[], name: string): SheetSpec {
  const s = specs.filter((x) => x.name === name)[0];
  if (!s) throw new Error('no sheet ' + name);
  return s;
}

function values(s: SheetSpec): CellValue[][] {
  return s.rows.map((r) => r.map((c) => (c ? c.v : null)));
}

/** The header row (the row above the freeze line) as text. */
function header(s: SheetSpec): string[] {
  return s.rows[s.freeze!.rows - 1].map((c) => String(c && c.v));
}

/** The band rows of a table (汇总台账's aspects): [sheet row, text]. */
function bandRows(s: SheetSpec): [number, CellValue][] {
  const out: [number, CellValue][] = [];
  s.rows.forEach((r, i) => r[0] && r[0].s === 'band' && out.push([i + 1, r[0].v]));
  return out;
}

/** The data rows below the header, as records keyed by header text (band rows left out). */
function records(s: SheetSpec): Record<string, CellValue>[] {
  const h = header(s);
  return s.rows.slice(s.freeze!.rows).filter((r) => !(r[0] && r[0].s === 'band')).map((r) => {
    const o: Record<string, CellValue> = {};
    h.forEach((name, i) => (o[name] = r[i] ? r[i]!.v : null));
    return o;
  });
}

function cellOfLabel(s: SheetSpec, label: string): SpecCell {
  const row = s.rows.filter((r) => r[0] && r[0].v === label)[0];
  if (!row) throw new Error('no row ' + label);
  return row[1]!;
}

describe('summarySheets', () => {
  const a = ledgerA();
  const b = ledgerB();
  const specs = sheetsOf([a, b]);

  it('writes seven sheets in order, named in Chinese by default and in English with lang en', () => {
    expect(specs.map((s) => s.name)).toEqual(ZH_NAMES);
    expect(sheetsOf([a, b], 'en').map((s) => s.name)).toEqual(EN_NAMES);
  });

  it('总览: every number, counted by hand from the two ledgers', () => {
    const o = sheet(specs, '总览');
    // A (rows 5-13): closed, overdue, done (立行立改), due soon, basically done (on track), long-term,
    // on track, no deadline, overdue (立行立改, not started). B (rows 5-6): overdue (not started), closed.
    const expected: Record<string, number> = {
      整改措施总数: 11,
      已完成: 3,
      '其中：已销号': 2,
      '其中：已完成待销号': 1,
      基本完成: 1,
      逾期: 3,
      临期: 1,
      正常推进: 2,
      长期坚持: 1,
      无期限: 1,
      方面数: 3,
      问题数: 5,
      '立行立改：整改措施': 2,
      '立行立改：已完成': 1,
      '立行立改：逾期': 1,
      '立行立改：临期': 0,
      '检查问题：错误': 2,
      '检查问题：提示': 1,
    };
    for (const label of Object.keys(expected)) {
      expect([label, cellOfLabel(o, label)]).toEqual([label, { v: expected[label], s: 'number' }]);
    }
  });

  it('总览: title, as-of date, completion rate as a percent number, and both sources', () => {
    const o = sheet(specs, '总览');
    expect(o.rows[0][0]).toEqual({ v: '整改台账汇总', s: 'title' });
    expect(o.rows[1][1]).toEqual({ v: { date: '2022-07-15' }, s: 'date' });
    const rate = cellOfLabel(o, '完成率');
    expect(rate.s).toBe('percent');
    expect(rate.v).toBeCloseTo(3 / 11, 10);
    expect(STYLES.percent.numFmt).toBe('0.0%');
    const v = values(o);
    expect(v).toContainEqual(['a.xlsx', '整改台账', 9]);
    expect(v).toContainEqual(['b.xlsx', 'Sheet1', 2]);
  });

  it('按方面: one row per aspect and a 合计 row, rates with data bars', () => {
    const s = sheet(specs, '按方面');
    expect(header(s)).toEqual(['方面', '问题数', '整改措施数', '已完成', '逾期', '临期', '正常推进', '长期坚持', '无期限', '完成率']);
    const v = values(s).slice(3);
    expect(v.map((r) => r[0])).toEqual(['政治建设方面', '作风建设方面', '组织建设方面', '其他', '合计']);
    expect(v[4].slice(1, 9)).toEqual([5, 11, 3, 3, 1, 2, 1, 1]);
    expect(v[4][9]).toBeCloseTo(3 / 11, 10);
    expect(v[0]).toEqual(['政治建设方面', 2, 4, 2, 2, 0, 0, 0, 0, 0.5]);
    expect(s.rows[3][9]!.s).toBe('percent');
    expect(s.dataBars).toEqual(['J4:J7']);
    expect(s.autoFilter).toBe('A3:J7');
  });

  it('按牵头部门: every department, the most overdue first; the rows\' sum and the distinct 合计 beside it, and a note', () => {
    const s = sheet(specs, '按牵头部门');
    const v = values(s).slice(3);
    expect(v.map((r) => r[0])).toEqual(['办公室', '人事处', '宣传部', '组织部', '财务处', '（未填写）', '各部门相加', '合计（不重复计数）', undefined,
      '注：1.一个问题的整改措施由多个部门牵头的，该问题在每个部门各计一次，因此“问题数”各部门相加为11个，不重复计数的合计为5个。' +
      '2.3项整改措施由多个部门共同牵头（如“办公室、财务处”），在每个牵头部门下各计一次，因此“整改措施数”各部门相加为14项，' +
      '不重复计数的合计为11项，已完成、逾期等各列同理。']);
    expect(v[0].slice(0, 5)).toEqual(['办公室', 3, 4, 1, 2]);
    // The departments added up: 办公室、人事处 and 人事处/财务处 and 组织部/人事处 count twice each.
    expect(v[6]).toEqual(['各部门相加', 11, 14, 4, 4, 1, 3, 1, 1, null]);
    // The distinct measures: each once.
    expect(v[7].slice(0, 9)).toEqual(['合计（不重复计数）', 5, 11, 3, 3, 1, 2, 1, 1]);
    expect(v[7][9]).toBeCloseTo(3 / 11, 10);
    // The note spans the table, with a height for its two lines; the filter covers the departments only.
    expect(s.merges).toContain('A13:J13');
    expect(s.heights![12]).toBeGreaterThanOrEqual(30);
    expect(s.autoFilter).toBe('A3:J9');
  });

  it('按牵头部门 without jointly led measures: a problem shared by departments still gets both totals and its note', () => {
    const one = ledgerA();
    one.items = one.items.filter((i) => !/[、\n等]/.test(i.leadDept));
    const s = sheet(sheetsOf([one]), '按牵头部门');
    const v = values(s).slice(3);
    // 四风问题禁而不止 under 人事处, 财务处 and 办公室; 档案管理不规范 under 办公室 and （未填写）:
    // 办公室 3 problems, the others 1 each, 6 in all against 3 distinct. The measures add up (6).
    expect(v.map((r) => r[0])).toEqual(['办公室', '人事处', '财务处', '（未填写）', '各部门相加', '合计（不重复计数）', undefined,
      '注：一个问题的整改措施由多个部门牵头的，该问题在每个部门各计一次，因此“问题数”各部门相加为6个，不重复计数的合计为3个。']);
    expect(v[4].slice(0, 3)).toEqual(['各部门相加', 6, 6]);
    expect(v[5].slice(0, 3)).toEqual(['合计（不重复计数）', 3, 6]);
  });

  it('按牵头部门 where every problem has one department and every measure one: one 合计 row and no note', () => {
    const one = ledgerA();
    // 办公室's two problems and 人事处's one.
    one.items = [one.items[0], one.items[3], one.items[8]];
    const s = sheet(sheetsOf([one]), '按牵头部门');
    const v = values(s).slice(3);
    expect(v.map((r) => r[0])).toEqual(['办公室', '人事处', '合计']);
    expect(v[2].slice(0, 3)).toEqual(['合计', 3, 3]);
  });

  it('逾期临期: every overdue and due-soon item, in order, with source, labels as text and rules', () => {
    const s = sheet(specs, '逾期临期');
    expect(header(s)).toEqual(['序号', '期限状态', '来源文件', '工作表', '行号', '存在问题', '整改措施',
      '牵头部门', '责任领导', '完成时限', '截止日期', '逾期天数', '剩余天数', '整改进展']);
    const r = records(s);
    expect(r.map((x) => [x['序号'], x['期限状态'], x['来源文件'], x['工作表'], x['行号'], x['逾期天数'], x['剩余天数']])).toEqual([
      [1, '逾期', 'b.xlsx', 'Sheet1', 5, 30, null],
      [2, '逾期', 'a.xlsx', '整改台账', 6, 15, null],
      [3, '逾期', 'a.xlsx', '整改台账', 13, 5, null],
      [4, '临期', 'a.xlsx', '整改台账', 8, null, 3],
    ]);
    expect(r[1]['牵头部门']).toBe('办公室、人事处');
    // 完成时限 as the ledger words it, beside the date it was read as; 整改进展 as reported.
    expect(r.map((x) => [x['完成时限'], x['整改进展']])).toEqual([
      ['2022年12月底前', ''], ['2022年6月底前', ''], ['立行立改', ''], ['2022年12月底前', '@所有人'],
    ]);
    expect(r[1]['截止日期']).toEqual({ date: '2022-06-30' });
    expect(s.rows[4][10]!.s).toBe('date');
    expect(s.rules).toEqual(expect.arrayContaining([
      { range: 'B4:B7', textEquals: '逾期', style: 'bad' },
      { range: 'B4:B7', textEquals: '临期', style: 'neutral' },
    ]));
  });

  it('检查问题: 错误 / 提示, the rule by its Chinese name, and its id in the last, narrow column', () => {
    const s = sheet(specs, '检查问题');
    // Errors first (a.xlsx's G12, then b.xlsx's E9), then the 提示; each with the 序号, 牵头部门 and 整改措施
    // of the item on its row: G12 is row 12, ledger A's 8th item (整理历史档案, no department); H7 its 3rd;
    // b.xlsx has no item on row 9.
    expect(values(s).slice(2)).toEqual([
      ['级别', '序号', '规则', '牵头部门', '整改措施', '来源文件', '工作表', '单元格', '说明', '规则编号'],
      ['错误', '8', '未填完成时限', '', '整理历史档案', 'a.xlsx', '整改台账', 'G12', '检查意见：deadline-missing', 'deadline-missing'],
      ['错误', '', '未填牵头部门', '', '', 'b.xlsx', 'Sheet1', 'E9', '检查意见：lead-dept-missing', 'lead-dept-missing'],
      ['提示', '3', '已完成但无佐证', '财务处等3家单位', '+86 电话 公开监督电话', 'a.xlsx', '整改台账', 'H7', '检查意见：done-without-evidence', 'done-without-evidence'],
    ]);
    expect(s.rows[3][9]!.s).toBe('code');
    expect(STYLES.code.size).toBe(8);
    expect(s.widths![9]).toBeLessThan(s.widths![8]);
    expect(s.rules).toEqual([
      { range: 'A4:A6', textEquals: '错误', style: 'bad' }, { range: 'A4:A6', textEquals: '提示', style: 'neutral' },
    ]);
  });

  it('names every rule of the catalogue in Chinese and English; an unknown id stays itself', () => {
    const ids = ['deadline-missing', 'deadline-unparsed', 'lead-dept-missing', 'measure-missing', 'duplicate-seq',
      'deadline-before-start', 'completed-late', 'done-without-evidence', 'long-term-no-progress', 'deadline-needs-start',
      'problem-without-measure', 'measure-unknown-problem', 'measure-without-responsibility', 'deadline-pending',
      'start-missing', 'status-unknown', 'column-missing', 'responsibility-unknown-measure', 'lead-dept-not-in-roster', 'status-words-unknown'];
    // Every rule the engine raises on the messy ledgers of the tests, checked without a start date too.
    const grids = [twoRowHeaderLedger(), aspectColumnLedger(), englishTracker(), combinedHeaderLedger()];
    const raised: Record<string, true> = {};
    for (const g of grids) for (const o of [{ asOf: '2022-07-15' }, { asOf: '2022-07-15', start: '2022-02-24' }]) {
      checkWorkbook([g], o).findings.forEach((f) => (raised[f.rule] = true));
    }
    checkWorkbook([problemList(), taskList(), responsibilityList(), roster()], { asOf: '2022-07-15' }).findings.forEach((f) => (raised[f.rule] = true));
    expect(Object.keys(raised).sort()).toEqual([
      'deadline-missing', 'deadline-needs-start', 'deadline-unparsed', 'duplicate-seq', 'lead-dept-missing', 'lead-dept-not-in-roster',
      'long-term-no-progress', 'measure-unknown-problem', 'measure-without-responsibility', 'problem-without-measure',
      'responsibility-unknown-measure', 'start-missing',
    ]);
    for (const id of Object.keys(raised)) if (ids.indexOf(id) < 0) ids.push(id);
    for (const id of ids) {
      expect([id, /[\u4e00-\u9fff]/.test(ruleName('zh', id))]).toEqual([id, true]);
      expect([id, ruleName('en', id) !== id]).toEqual([id, true]);
    }
    expect(ruleName('zh', 'completed-late')).toBe('超期完成');
    expect(ruleName('zh', 'some-new-rule')).toBe('some-new-rule');
  });

  it('汇总台账: every item with a fresh 序号, labels, and 来源文件 naming both files', () => {
    const s = sheet(specs, '汇总台账');
    expect(header(s)).toEqual(['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '配合部门', '责任人',
      '完成时限', '截止日期', '完成状态', '期限状态', '剩余天数', '整改进展', '来源文件', '工作表', '行号']);
    const r = records(s);
    expect(r.map((x) => x['序号'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(r.map((x) => x['来源文件'])).toEqual([...Array(9).fill('a.xlsx'), 'b.xlsx', 'b.xlsx']);
    expect(r.map((x) => x['期限状态'])).toEqual(['已完成', '逾期', '已完成', '临期', '正常推进', '长期坚持', '正常推进', '无期限', '逾期', '逾期', '已完成']);
    expect(r.map((x) => x['完成状态'])).toEqual(['已销号', '推进中', '已完成', '推进中', '基本完成', '推进中', '推进中', '未启动', '未启动', '未启动', '已销号']);
    expect(r.map((x) => x['完成时限'])).toEqual(['2022年12月底前', '2022年6月底前', '立行立改', '2022年12月底前', '2022年12月底前', '长期坚持', '2022年12月底前', '', '立行立改', '2022年12月底前', '2022年12月底前']);
    expect(r.map((x) => x['剩余天数'])).toEqual([null, -15, null, 3, 40, null, 30, null, -5, -30, null]);
    expect(s.rules!.map((x) => [x.range, x.textEquals, x.style])).toEqual([
      ['K4:K19', '已完成', 'good'], ['K4:K19', '逾期', 'bad'], ['K4:K19', '临期', 'neutral'],
    ]);
  });

  it('汇总台账: the items under a band row per aspect, as written, across the table; 其他 for items without one', () => {
    const s = sheet(specs, '汇总台账');
    // Ledger A: 3 items of 一、, 4 of 二、, 2 without an aspect; ledger B: one 政治建设方面, one 三、.
    expect(bandRows(s)).toEqual([[4, '一、政治建设方面'], [8, '二、作风建设方面'], [13, '其他'], [16, '政治建设方面'], [18, '三、组织建设方面']]);
    expect(s.rows[3]).toEqual([{ v: '一、政治建设方面', s: 'band' }]);
    expect(s.merges).toEqual(['A1:P1', 'A2:P2', 'A4:P4', 'A8:P8', 'A13:P13', 'A16:P16', 'A18:P18']);
    // The filter covers the bands too, to the last item.
    expect(s.autoFilter).toBe('A3:P19');
    expect(STYLES.band).toEqual({ bold: true, fill: 'F2F2F2', border: true, wrap: true, valign: 'middle' });
    // A ledger without aspects has no band.
    const none = ledgerA();
    none.items.forEach((i) => (i.aspect = ''));
    expect(bandRows(sheet(sheetsOf([none]), '汇总台账'))).toEqual([]);
  });

  /** The links of a sheet's data rows, as [column index, value, sheet, cell] (one per row). */
  function links(s: SheetSpec): [number, CellValue, string, string][] {
    const out: [number, CellValue, string, string][] = [];
    s.rows.slice(s.freeze!.rows).forEach((r) => r.forEach((c, j) => {
      if (c && c.link) out.push([j, c.v, c.link.sheet, c.link.cell]);
    }));
    return out;
  }

  it('逾期临期: the 行号 cell of each row links to the item\'s 整改措施 cell; the row number stays its value', () => {
    const s = sheet(specs, '逾期临期');
    const col = header(s).indexOf('行号');
    expect(links(s)).toEqual([
      [col, 5, 'Sheet1', 'C5'],
      [col, 6, '整改台账', 'C6'],
      [col, 13, '整改台账', 'C13'],
      [col, 8, '整改台账', 'C8'],
    ]);
    // The header and the title rows carry no link.
    expect(s.rows.slice(0, s.freeze!.rows).some((r) => r.some((c) => !!(c && c.link)))).toBe(false);
  });

  it('检查问题: the 单元格 cell links to the finding\'s cell on its sheet, its A1 text unchanged', () => {
    const s = sheet(specs, '检查问题');
    expect(links(s)).toEqual([
      [7, 'G12', '整改台账', 'G12'],
      [7, 'E9', 'Sheet1', 'E9'],
      [7, 'H7', '整改台账', 'H7'],
    ]);
  });

  it('汇总台账: every row links from its 行号 cell to its item', () => {
    const s = sheet(specs, '汇总台账');
    const col = header(s).indexOf('行号');
    expect(col).toBe(15);
    expect(links(s)).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 13].map((row) => [15, row, '整改台账', 'C' + row]).concat([[15, 5, 'Sheet1', 'C5'], [15, 6, 'Sheet1', 'C6']]));
  });

  it('links to column A of the row when the measure cell is missing or on another sheet; no link without an A1 cell', () => {
    const one = ledgerA();
    one.items[0].cells = { measure: '' };
    one.items[1].cellSheets = { measure: '任务清单' };
    one.findings = [{ ...one.findings[0], cell: '' }];
    const s = sheet(sheetsOf([one]), '汇总台账');
    const ls = links(s);
    expect(ls[0].slice(2)).toEqual([one.items[0].sheet, 'A' + one.items[0].row]);
    expect(ls[1].slice(2)).toEqual([one.items[1].sheet, 'A' + one.items[1].row]);
    expect(links(sheet(sheetsOf([one]), '检查问题'))).toEqual([]);
  });

  it('no other sheet carries links', () => {
    for (const s of specs) {
      if (['逾期临期', '检查问题', '汇总台账'].indexOf(s.name) >= 0) continue;
      expect(s.rows.some((r) => r.some((c) => !!(c && c.link)))).toBe(false);
    }
  });

  it('keeps text that looks like a formula verbatim, as strings, in every sheet', () => {
    const texts: string[] = [];
    for (const s of specs) for (const r of s.rows) for (const c of r) if (c && typeof c.v === 'string') texts.push(c.v);
    expect(texts).toEqual(expect.arrayContaining(['=SUM(A1)', '+86 电话 公开监督电话', '-', '@所有人', '@所有人 严格公务用车管理']));
    expect(texts.filter((t) => t.charAt(0) === "'")).toEqual([]);
    expect(texts).toContain('　　（二）=SUM(A1)');
  });

  it('gives every list sheet a title, an as-of line, a styled header with freeze panes below it and print setup; tables get a filter', () => {
    const titles: Record<string, string> = {
      总览: '整改台账汇总', 按方面: '整改进展情况统计表（按方面）', 按牵头部门: '整改进展情况统计表（按牵头部门）',
      逾期临期: '逾期及临期整改措施清单', 检查问题: '台账检查问题清单', 汇总台账: '整改台账汇总表',
    };
    for (const s of specs.slice(0, 6)) {
      const h = s.freeze!.rows;
      expect([s.name, h, s.rows[0][0]]).toEqual([s.name, 3, { v: titles[s.name], s: 'title' }]);
      if (s.name !== '总览') {
        expect(s.rows[1][0]).toEqual({ v: '截至2022年7月15日', s: 'subtitle' });
        expect(s.merges!.slice(0, 2)).toEqual(['A1:' + s.autoFilter!.replace(/^.*:([A-Z]+)\d+$/, '$1') + '1', 'A2:' + s.autoFilter!.replace(/^.*:([A-Z]+)\d+$/, '$1') + '2']);
      }
      expect(s.heights![0]).toBe(26);
      const repeat = s.name === '总览' ? undefined : [h, h];
      expect([s.name, s.print]).toEqual([s.name, {
        landscape: true, fitToWidth: true, sideMargin: 0.5, ...(repeat ? { repeatRows: repeat } : { fitToHeight: 1 }),
        footer: { left: '整改工作领导小组办公室', center: '第 &P 页 共 &N 页', right: '截至2022年7月15日' },
      }]);
      expect(s.rows[h - 1].every((c) => c !== null && c.s === 'header')).toBe(true);
      expect(s.widths!.length).toBeGreaterThanOrEqual(s.rows[h - 1].length);
      const table = ['按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账'].indexOf(s.name) >= 0;
      expect([s.name, !!s.autoFilter]).toEqual([s.name, table]);
      if (table) expect(s.autoFilter!.startsWith('A' + h + ':')).toBe(true);
    }
  });

  it('signs every footer with --issuer, its & written as && (a code character in footers)', () => {
    const mine = summarySheets(summarize([a, b], { asOf: AS_OF }), 'zh', { issuer: '巡察整改办 & 督查室' });
    for (const s of mine) expect([s.name, s.print!.footer!.left]).toEqual([s.name, '巡察整改办 && 督查室']);
    expect(headerFooterText('A&B&&C')).toBe('A&&B&&&&C');
  });

  it('prints every sheet on A4 one page wide at 80% or more', () => {
    const scales = specs.map((s) => [s.name, fitToWidthScale(s.widths!, s.print!.landscape, s.print!.sideMargin)]);
    // 总览 holds its tables in A:F and the charts in G:P (ten columns of Excel's default width).
    scales[0][1] = fitToWidthScale(specs[0].widths!.concat(new Array(10).fill(8.43)), true, 0.5);
    expect(scales).toEqual([['总览', 0.84], ['按方面', 1], ['按牵头部门', 1], ['逾期临期', 0.89], ['检查问题', 0.99], ['汇总台账', 0.8], ['通报提纲', 1]]);
    expect(specs.map((s) => s.print!.landscape)).toEqual([true, true, true, true, true, true, false]);
  });

  it('gives each row the height its longest wrapped text needs (Excel does not grow rows when it opens a file)', () => {
    const s = sheet(specs, '汇总台账');
    // 完善党组理论学习中心组学习制度 (15 characters) in 整改措施, 27.5 wide: two lines of 11 pt.
    expect(textLines('完善党组理论学习中心组学习制度', 27.5)).toBe(2);
    expect(s.heights![4]).toBe(32);
    // The band above it (一、政治建设方面) is one line across the table: no height of its own.
    expect(s.heights![3]).toBeUndefined();
    // The header wraps 剩余天数 (6 wide) onto two lines.
    expect(s.heights![2]).toBe(32);
    // 逾期临期's first row: its 完成时限 (2022年12月底前, 13 units) wraps in 10 wide.
    const lagging = sheet(specs, '逾期临期');
    expect(lagging.heights![3]).toBe(32);
  });

  it('uses English headers and labels with lang en', () => {
    const en = sheetsOf([a, b], 'en');
    expect(header(sheet(en, 'Overdue & due soon')).slice(0, 3)).toEqual(['No.', 'Deadline status', 'Source file']);
    expect(records(sheet(en, 'Overdue & due soon')).map((x) => x['Deadline status'])).toEqual(['Overdue', 'Overdue', 'Overdue', 'Due soon']);
    expect(cellOfLabel(sheet(en, 'Overview'), 'Measures').v).toBe(11);
    expect(values(sheet(en, 'By department')).map((r) => r[0]).slice(-5, -2)).toEqual(['(blank)', 'Sum of departments', 'Total (each counted once)']);
    expect(values(sheet(en, 'Findings'))[3].slice(0, 3)).toEqual(['Error', '8', 'Deadline blank']);
    expect(en[0].print!.footer).toEqual({ left: 'Rectification Office', center: 'Page &P of &N', right: 'As of 2022-07-15' });
  });

  it('writes an empty summary without invalid ranges', () => {
    for (const s of summarySheets(summarize([], { asOf: AS_OF }))) {
      expect(s.rules).toBeUndefined();
      expect(s.dataBars).toBeUndefined();
      expect(s.charts).toBeUndefined();
    }
    const o = summarySheets(summarize([], { asOf: AS_OF }))[0];
    expect(cellOfLabel(o, '完成率').v).toBeNull();
  });
});

describe('汇总台账: cells a column repeats', () => {
  // Ledger A's items in 汇总台账: rows 5-7 under 一、 (4-6 counted from 0), 9-12 under 二、, 14-15 under 其他.
  const specs = sheetsOf([ledgerA()]);
  const ledger = sheet(specs, '汇总台账');
  const col = (name: string) => header(ledger).indexOf(name);
  const at = (r: number, name: string) => ledger.rows[r][col(name)]!;

  it('are one object where value and style are the same; distinct values, and linked cells, are not', () => {
    expect(at(4, '存在问题')).toBe(at(5, '存在问题')); // 理论学习不够深入
    expect(at(4, '存在问题').v).toBe('理论学习不够深入');
    expect(at(4, '牵头部门')).toBe(at(10, '牵头部门')); // 办公室
    expect(at(4, '牵头部门')).not.toBe(at(5, '牵头部门')); // 办公室 and 办公室、人事处
    expect(at(4, '整改措施')).not.toBe(at(5, '整改措施'));
    // 行号 links to its item: never shared, even where values repeat in another ledger.
    expect(at(4, '行号').link).toEqual({ sheet: '整改台账', cell: 'C5' });
    expect(at(5, '行号').link).toEqual({ sheet: '整改台账', cell: 'C6' });
    // 来源文件: one object down the whole column, over the bands.
    expect(at(4, '来源文件').v).toBe('a.xlsx');
    expect(at(4, '来源文件')).toBe(at(14, '来源文件'));
  });

  it('a shared wrapped text gives every row it is in the same height as one of its own would', () => {
    const long = '严格落实“三重一大”集体决策制度，完善议事规则，建立健全重大事项请示报告制度并长期坚持';
    const r = result('c.xlsx', '整改台账', [
      { aspect: '一、政治建设方面', problem: long, measure: '措施一', flag: 'on-track', daysLeft: 30 },
      { aspect: '一、政治建设方面', problem: long, measure: '措施二', flag: 'on-track', daysLeft: 30 },
      { aspect: '一、政治建设方面', problem: long, measure: '措施三', flag: 'on-track', daysLeft: 30 },
    ]);
    const s = sheet(sheetsOf([r]), '汇总台账');
    // Row 4 is the band; the items are rows 5-7.
    expect(s.rows[4][1]).toBe(s.rows[6][1]);
    // The same due date (30 days on) is one cell too.
    expect(s.rows[4][8]).toEqual({ v: { date: '2022-08-14' }, s: 'date' });
    expect(s.rows[4][8]).toBe(s.rows[5][8]);
    // 存在问题 is 24.5 wide: 44 characters of two units each take 4 lines of 11 pt, ceil(4 * 11 * 1.3 + 3) points.
    expect(s.heights!.slice(4, 7)).toEqual([61, 61, 61]);
  });
});

describe('总览 charts', () => {
  const specs = sheetsOf([ledgerA(), ledgerB()]);
  const o = specs[0];

  /** The cells of an A1 block as values. */
  function block(range: string): CellValue[][] {
    const m = /^([A-Z])(\d+):([A-Z])(\d+)$/.exec(range)!;
    const c0 = m[1].charCodeAt(0) - 65;
    const c1 = m[3].charCodeAt(0) - 65;
    return o.rows.slice(+m[2] - 1, +m[4]).map((r) => r.slice(c0, c1 + 1).map((c) => (c ? c.v : null)));
  }

  it('a bar chart of completion by lead department, from a table of the departments, highest rate first', () => {
    const bar = o.charts![0];
    expect(bar).toEqual({
      kind: 'bar', title: '各牵头部门整改完成率', source: 'A30:B35', colors: ['638EC6/41719C'],
      from: 'G3', to: 'Q17', percent: true, labels: true,
    });
    expect(o.rows[28][0]).toEqual({ v: '各牵头部门完成率', s: 'subtitle' });
    expect(block(bar.source)).toEqual([
      ['牵头部门', '完成率'], ['组织部', 1], ['财务处', 1 / 3], ['办公室', 0.25], ['人事处', 0.25], ['宣传部', 0],
    ]);
    // The blank department is no department: not on the chart.
    expect(block(bar.source).map((r) => r[0])).not.toContain('（未填写）');
  });

  it('a stacked bar of flags by aspect in fills apart in grey, 逾期 the darkest, labelled; the rest of the flags as 正常推进等', () => {
    const stacked = o.charts![1];
    expect(stacked).toEqual({
      kind: 'stackedBar', title: '各方面整改措施期限状态', source: 'A38:E42',
      colors: ['70AD47/375623', 'C00000/7F0000', 'FFC000/7F6000', 'F2F2F2/7F7F7F'], from: 'G18', to: 'Q32', labels: true,
    });
    // Grey levels (BT.601 luma) of the four fills, worked out by hand: 逾期 the darkest, each 46 or more apart.
    const grey = stacked.colors.map((c) => Math.round(greyLevel(c)));
    expect(grey).toEqual([143, 57, 189, 242]);
    // The aspects keep their 一、 numbers; the blank group (其他) has none.
    expect(block(stacked.source)).toEqual([
      ['方面', '已完成', '逾期', '临期', '正常推进等'],
      ['一、政治建设方面', 2, 2, 0, 0], ['二、作风建设方面', 0, 0, 1, 3], ['三、组织建设方面', 1, 0, 0, 0], ['其他', 0, 1, 0, 1],
    ]);
    // Each row adds up to the aspect's measures on 按方面.
    const byAspect = values(sheet(specs, '按方面')).slice(3, 7).map((r) => r[2]);
    expect(block(stacked.source).slice(1).map((r) => (r.slice(1) as number[]).reduce((x, y) => x + y, 0))).toEqual(byAspect);
  });

  it('wraps long names on the chart at 10 characters a line, cut with … only past three lines', () => {
    expect(chartLabel('党的领导不够坚强有力，落实党的理论路线方针政策', '一、')).toBe('一、党的领导不够坚强\n有力，落实党的理论路\n线方针政策');
    expect(chartLabel('党的领导不够坚强有力，落实党的理论路线方针政策和党中央重大决策部署不到位', '一、'))
      .toBe('一、党的领导不够坚强\n有力，落实党的理论路\n线方针政策和党中央…');
    expect(chartLabel('办公室')).toBe('办公室');
  });

  it('grows with the categories, within a page', () => {
    const r = ledgerA();
    r.items = Array.from({ length: 30 }, (_, k) => ({ ...r.items[0], leadDept: '部门' + (k + 1) }));
    const bar = summarySheets(summarize([r], { asOf: AS_OF }))[0].charts![0];
    // One source this time: the table starts a row higher. 30 bars take 5 + 30 x 1.4 rows, capped at 44.
    expect([bar.source, bar.from, bar.to]).toEqual(['A29:B59', 'G3', 'Q47']);
  });
});

describe('通报提纲: a 整改进展情况通报', () => {
  const s = summarize([ledgerA()], { asOf: AS_OF });
  const lines = reportLines(s);

  it('has its title, the totals sentence, then 一、分方面进展 二、存在的问题 三、下一步工作, then the annex', () => {
    expect(lines.filter((l) => !l.annex).map((l) => [l.level, l.style, l.text])).toEqual([
      [0, 'docTitle', '整改进展情况通报'],
      [0, 'docNumber', '截至2022年7月15日'],
      [0, 'paragraph', '　　截至2022年7月15日，共2个方面4个问题9项整改措施，已完成2项（其中已销号1项），基本完成1项，逾期2项，完成率22.2%。现将有关情况通报如下。'],
      [1, 'heading1', '　　一、分方面进展情况'],
      [2, 'paragraph', '　　（一）政治建设方面。共2个问题、3项整改措施，已完成2项，完成率66.7%；逾期1项，临期0项。'],
      [2, 'paragraph', '　　（二）作风建设方面。共1个问题、4项整改措施，已完成0项，完成率0.0%；逾期0项，临期1项。'],
      [2, 'paragraph', '　　（三）其他。共1个问题、2项整改措施，已完成0项，完成率0.0%；逾期1项，临期0项。'],
      [1, 'heading1', '　　二、存在的问题'],
      [2, 'paragraph', '　　（一）逾期未完成的整改措施2项，临期（10日内到期）1项，需加快推进。'],
      // Departments named only with more than one overdue item; no pointer to a sheet in a document that goes out.
      [2, 'paragraph', '　　（二）逾期事项较多的牵头部门：办公室2项。'],
      [2, 'paragraph', '　　（三）1项整改措施完成时限待明确，1项基本完成、尚未完成整改。'],
      [2, 'paragraph', '　　（四）台账检查发现1处错误，请各牵头部门核实更正。'],
      [1, 'heading1', '　　三、下一步工作'],
      [0, 'paragraph', '　　各牵头部门要对照整改台账逐项推进：对已逾期的整改措施立即整改，并书面说明逾期原因；对临期事项倒排工期、抓紧推进，确保按期完成；已完成的整改措施要及时报送佐证材料，按程序申请销号；长期坚持的整改措施要定期报告进展，巩固整改成效。'],
      [0, 'paragraph', ''],
    ]);
  });

  it('lists the measures as 附件, indented by level, in one status vocabulary', () => {
    expect(lines.filter((l) => l.annex).map((l) => [l.level, l.style, l.text])).toEqual([
      [1, 'heading1', '附件：整改措施完成情况'],
      [1, 'heading1', '一、政治建设方面'],
      [2, 'paragraph', '　　（一）理论学习不够深入'],
      [3, 'paragraph', '　　　　1.完善党组理论学习中心组学习制度【已销号】'],
      [3, 'paragraph', '　　　　2.开展专题学习研讨（办公室、人事处）【逾期15天】'],
      [2, 'paragraph', '　　（二）=SUM(A1)'],
      [3, 'paragraph', '　　　　1.+86 电话 公开监督电话【已完成】'],
      [1, 'heading1', '二、作风建设方面'],
      [2, 'paragraph', '　　（一）四风问题禁而不止'],
      [3, 'paragraph', '　　　　1.-（人事处）【临期（剩3天）】'],
      [3, 'paragraph', '　　　　2.@所有人 严格公务用车管理【正常推进】'],
      [3, 'paragraph', '　　　　3.建立长效机制【长期坚持】'],
      [3, 'paragraph', '　　　　4.加强督促检查【正常推进】'],
      [1, 'heading1', '三、其他'],
      [2, 'paragraph', '　　（一）档案管理不规范'],
      [3, 'paragraph', '　　　　1.整理历史档案【时限待明确】'],
      [3, 'paragraph', '　　　　2.立即清理过期文件（办公室）【逾期5天】'],
    ]);
    const words = lines.filter((l) => l.level === 3).map((l) => /【([^】]*)】$/.exec(l.text)![1]);
    const vocabulary = /^(已完成|已销号|逾期\d+天|临期（剩\d+天）|正常推进|长期坚持|时限待明确)$/;
    expect(words.filter((w) => !vocabulary.test(w))).toEqual([]);
  });

  it('says so when nothing is lagging, and names at most five departments', () => {
    const calm = summarize([result('c.xlsx', '台账', [{ measure: '修订制度', leadDept: '办公室', flag: 'on-track', daysLeft: 40 }])], { asOf: AS_OF });
    expect(reportLines(calm).map((l) => l.text)).toContain('　　（一）暂无逾期和临期的整改措施。');
    // Seven departments with two overdue items each: five named. (k + 1 days overdue for the first, k + 11 for the second.)
    const many = summarize([result('d.xlsx', '台账', Array.from({ length: 14 }, (_, k) => ({
      measure: '措施' + k, leadDept: '部门' + (k % 7), flag: 'overdue' as const, daysLeft: -1 - k,
    })))], { asOf: AS_OF });
    const named = reportLines(many).filter((l) => /较多的牵头部门/.test(l.text))[0].text;
    expect(named).toBe('　　（二）逾期事项较多的牵头部门：部门0 2项、部门1 2项、部门2 2项、部门3 2项、部门4 2项。'.replace(/ /g, ''));
    // One overdue item each: no list of departments at all.
    const single = summarize([result('e.xlsx', '台账', Array.from({ length: 7 }, (_, k) => ({
      measure: '措施' + k, leadDept: '部门' + k, flag: 'overdue' as const, daysLeft: -1 - k,
    })))], { asOf: AS_OF });
    expect(reportLines(single).filter((l) => /较多的牵头部门/.test(l.text))).toEqual([]);
  });

  it('is one cell per paragraph, on A4 portrait, with the issuer in the footer and its own page numbers', () => {
    const sheetSpec = summarySheets(s)[6];
    expect(sheetSpec.name).toBe('通报提纲');
    expect(values(sheetSpec).map((r) => r[0])).toEqual(lines.map((l) => l.text));
    expect(sheetSpec.rows.every((r) => r.length === 1)).toBe(true);
    expect(sheetSpec.rows.map((r) => r[0]!.s)).toEqual(lines.map((l) => l.style));
    expect(sheetSpec.widths).toEqual([92]);
    // Numbered — 1 — from its first page, also when printed with the whole workbook; no 共N页 of the workbook.
    expect(sheetSpec.print).toEqual({ landscape: false, fitToWidth: true, sideMargin: 0.5, firstPageNumber: 1,
      footer: { left: '整改工作领导小组办公室', center: '— &P —', right: '截至2022年7月15日' } });
    // Heights the text needs today, which the reader still grows when the text is edited.
    expect(sheetSpec.growRows).toBe(true);
    expect(sheetSpec.heights!.slice(0, 2)).toEqual([36, 22]);
    expect(sheetSpec.merges).toBeUndefined();
    expect([STYLES.heading1.font, STYLES.paragraph.font]).toEqual(['黑体', '仿宋']);
  });

  it('has an English variant', () => {
    const en = reportLines(summarize([ledgerA()], { asOf: AS_OF, lang: 'en' }), 'en').map((l) => l.text);
    expect(en[2]).toBe('As of 2022-07-15: 2 aspects, 4 problems, 9 measures; 2 done (1 closed), 1 basically done, 2 overdue; completion rate 22.2%.');
    expect(en).toContain('I. Progress by aspect');
    expect(en).toContain('I. 政治建设方面');
    expect(en).toContain('  (1) 理论学习不够深入');
    expect(en).toContain('    2. 开展专题学习研讨 (办公室、人事处) [Overdue 15 days]');
    expect(en).toContain('    1. - (人事处) [Due soon (3 days left)]');
    expect(en).toContain('    1. 整理历史档案 [Deadline to be set]');
  });
});

describe('督办单 (notices)', () => {
  const s = summarize([ledgerA(), ledgerB()], { asOf: AS_OF });

  it('goes to each lead department with overdue or due-soon items, most overdue first', () => {
    expect(noticeDepartments(s)).toEqual(['办公室', '人事处', '宣传部']);
  });

  it('is a supervision notice: title, 文号, addressee, the paragraph, the items with 责任领导, 整改进展 and a reply column, reply deadline, contact, the seal\'s space, 抄送, 签收', () => {
    const [n] = noticeSheets(s, '人事处');
    expect(n.name).toBe('督办单');
    expect(n.rows.map((r) => r.map((c) => (c ? [c.v, c.s] : null)))).toEqual([
      [['整改督办单', 'docTitle']],
      [['〔2022〕第__号', 'docNumber']],
      [['人事处：', 'paragraph']],
      [['　　截至2022年7月15日，人事处牵头的整改措施中，有1项已逾期，请立即整改并说明原因；1项即将到期，请抓紧推进，确保按期完成。', 'paragraph']],
      [['序号', 'header'], ['存在问题', 'header'], ['整改措施', 'header'], ['责任领导', 'header'], ['完成时限', 'header'], ['截止日期', 'header'],
        ['逾期/剩余天数', 'header'], ['整改进展', 'header'], ['整改进展及说明', 'header']],
      [[1, 'number'], ['理论学习不够深入', 'wrap'], ['开展专题学习研讨', 'wrap'], ['张三', 'wrap'], ['2022年6月底前', 'wrap'], [{ date: '2022-06-30' }, 'date'], ['逾期15天', 'bad'], ['', 'wrap'], [null, 'wrap']],
      // The progress as reported, text that looks like a mention included.
      [[2, 'number'], ['四风问题禁而不止', 'wrap'], ['-', 'wrap'], ['张三', 'wrap'], ['2022年12月底前', 'wrap'], [{ date: '2022-07-18' }, 'date'], ['剩余3天', 'neutral'], ['@所有人', 'wrap'], [null, 'wrap']],
      [null],
      // 3 working days after Friday 2022-07-15: Wednesday the 20th.
      [['　　请于2022年7月20日前将整改进展及说明（填入上表最后一列）报送整改工作领导小组办公室。', 'paragraph']],
      [['　　联系人：　　　　　　　　联系电话：', 'paragraph']],
      [null],
      // The issuer under the seal's space: no （盖章） printed.
      [['整改工作领导小组办公室', 'signature']],
      [['2022年7月15日', 'signature']],
      [null],
      [['抄送：张三', 'paragraph']],
      [['签收人：　　　　　　　　签收时间：　　　　年　　月　　日', 'paragraph']],
    ]);
    // No internal columns (来源文件, 工作表, 行号) and no 贵单位.
    expect(JSON.stringify(n.rows)).not.toMatch(/来源文件|工作表|行号|贵单位|按期完成整改并|盖章/);
    expect(n.merges).toEqual(['A1:I1', 'A2:I2', 'A3:I3', 'A4:I4', 'A8:I8', 'A9:I9', 'A10:I10', 'A11:I11', 'A12:I12', 'A13:I13', 'A14:I14', 'A15:I15', 'A16:I16']);
    // Landscape, so that the reply column can be 30 wide (it was 20) and still fit the page.
    expect(n.widths).toEqual([5, 14, 22, 7, 10, 10.5, 9, 16, 30]);
    expect(n.print).toEqual({ landscape: true, fitToWidth: true, fitToHeight: 1, sideMargin: 0.5, repeatRows: [5, 5], footer: { center: '第 &P 页 共 &N 页' } });
    expect(n.freeze).toBeUndefined();
    expect(fitToWidthScale(n.widths!, true, 0.5)).toBe(1);
  });

  it('takes --notice-number, --issuer and --reply-days, and speaks to an overdue-only department in that tone alone', () => {
    const [n] = noticeSheets(s, '宣传部', 'zh', { noticeNumber: '〔2022〕第7号', issuer: '巡察整改办', replyDays: 5 });
    const text = n.rows.map((r) => (r[0] ? r[0].v : null));
    expect(text[1]).toBe('〔2022〕第7号');
    expect(text[3]).toBe('　　截至2022年7月15日，宣传部牵头的整改措施中，有1项已逾期，请立即整改并说明原因。');
    expect(text[text.length - 8]).toBe('　　请于2022年7月22日前将整改进展及说明（填入上表最后一列）报送巡察整改办。');
    expect(text[text.length - 5]).toBe('巡察整改办');
    const dueSoonOnly = summarize([result('e.xlsx', '台账', [{ measure: '修订制度', leadDept: '财务处', flag: 'due-soon', daysLeft: 2 }])], { asOf: AS_OF });
    // Only due soon: a 提醒单.
    expect(noticeSheets(dueSoonOnly, '财务处')[0].rows[0][0]!.v).toBe('整改提醒单');
    expect(noticeSheets(dueSoonOnly, '财务处')[0].rows[3][0]!.v).toBe('　　截至2022年7月15日，财务处牵头的整改措施中，有1项即将到期，请抓紧推进，确保按期完成。');
  });

  it('prints on as many pages as a long list needs, the header repeated', () => {
    const r = ledgerA();
    r.items = Array.from({ length: 40 }, (_, k) => ({ ...r.items[1], measure: '开展第' + (k + 1) + '次专题学习研讨，形成学习材料并报送办公室备案', leadDept: '人事处' }));
    const [n] = noticeSheets(summarize([r], { asOf: AS_OF }), '人事处');
    expect(n.print!.fitToHeight).toBeUndefined();
    expect(n.print!.repeatRows).toEqual([5, 5]);
  });

  it('all in one workbook for the task pane: one sheet per department, named after it', () => {
    const book = noticeBookSheets(s);
    expect(book.map((x) => x.name)).toEqual(['办公室', '人事处', '宣传部']);
    expect(book[1].rows).toEqual(noticeSheets(s, '人事处')[0].rows);
    expect(safeSheetNames(['财务处/审计科', '某某单位'.repeat(10), 'a', 'A'])).toEqual(['财务处_审计科', '某某单位'.repeat(10).slice(0, 31), 'a', 'A_2']);
  });

  it('has an English variant', () => {
    const [n] = noticeSheets(s, '宣传部', 'en');
    expect(n.name).toBe('Notice');
    expect(n.rows[3][0]!.v).toBe('As of 2022-07-15, of the measures led by 宣传部, 1 is overdue: rectify at once and explain the delay.');
    expect(n.rows[4].map((c) => c!.v)).toEqual(['No.', 'Problem', 'Measure', 'Leader', 'Deadline', 'Due date', 'Days overdue / left', 'Progress', 'Progress and explanation']);
    expect(n.rows[5][6]!.v).toBe('30 days overdue');
  });
});

describe('print arithmetic (core/sheets/print.ts)', () => {
  it('turns a width into Excel\'s pixels: 7 per character of Calibri 11 and 5 of padding', () => {
    expect([columnPixels(8.43), columnPixels(10), columnPixels(0.5), columnPixels(0)]).toEqual([64, 75, 6, 0]);
  });

  it('knows A4 between margins of half an inch', () => {
    expect(printableWidth(true)).toBeCloseTo(769.89, 2);
    expect(printableWidth(false)).toBeCloseTo(523.28, 2);
  });

  it('fits columns to one page wide at the scale Excel prints them', () => {
    // 17 columns of 16 characters: 17 x 117 px = 1989 px = 1491.75 pt over 769.89 pt.
    expect(fitToWidthScale(new Array(17).fill(16), true)).toBe(0.51);
    expect(fitToWidthScale([30, 12], true)).toBe(1);
    expect(fitToWidthScale([100], false)).toBe(0.98);
  });

  it('counts the lines of wrapped text: two units per Chinese character, a line per line break', () => {
    expect(textLines('整改', 10)).toBe(1);
    expect(textLines('一二三四五六七八九十', 10)).toBe(3);
    expect(textLines('abc\ndef', 10)).toBe(2);
    expect(textLines('一二三四五六七八九十', 10, 22)).toBe(5);
  });
});

describe('STYLES', () => {
  it('follows Excel’s built-in Good, Neutral and Bad', () => {
    expect(STYLES.good).toMatchObject({ fill: 'C6EFCE', color: '006100' });
    expect(STYLES.neutral).toMatchObject({ fill: 'FFEB9C', color: '9C5700' });
    expect(STYLES.bad).toMatchObject({ fill: 'FFC7CE', color: '9C0006' });
    expect(STYLES.header).toMatchObject({ bold: true, border: true, wrap: true, align: 'center' });
    expect(STYLES.title).toMatchObject({ bold: true, size: 16 });
    expect(STYLES.date.numFmt).toBe('yyyy-mm-dd');
  });
});
