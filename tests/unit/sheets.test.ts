import { noticeDepartments, noticeSheets, outlineLines, summarySheets } from '../../src/core/sheets';
import { STYLES } from '../../src/core/styles';
import { FLAG_LABELS, STATE_LABELS } from '../../src/core/labels';
import { summarize } from '../../src/core/summary';
import { CellValue, CheckResult, SheetSpec, SpecCell } from '../../src/core/types';
import { AS_OF, ledgerA, ledgerB } from './helpers/results';

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

/** The data rows below the header, as records keyed by header text. */
function records(s: SheetSpec): Record<string, CellValue>[] {
  const h = header(s);
  return s.rows.slice(s.freeze!.rows).map((r) => {
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
  const items = a.items.concat(b.items);
  const count = (test: (i: (typeof items)[number]) => boolean) => items.filter(test).length;

  it('writes seven sheets in order, named in Chinese by default and in English with lang en', () => {
    expect(specs.map((s) => s.name)).toEqual(ZH_NAMES);
    expect(sheetsOf([a, b], 'en').map((s) => s.name)).toEqual(EN_NAMES);
  });

  it('总览: every number agrees with the items', () => {
    const o = sheet(specs, '总览');
    const expected: Record<string, number> = {
      整改措施总数: items.length,
      已完成: count((i) => i.state === 'done' || i.state === 'closed'),
      '其中：已销号': count((i) => i.state === 'closed'),
      '其中：已完成待销号': count((i) => i.state === 'done'),
      基本完成: count((i) => i.state === 'basically-done'),
      逾期: count((i) => i.flag === 'overdue'),
      临期: count((i) => i.flag === 'due-soon'),
      正常推进: count((i) => i.flag === 'on-track'),
      长期坚持: count((i) => i.flag === 'long-term'),
      无期限: count((i) => i.flag === 'no-deadline'),
      方面数: 3,
      问题数: 5,
      '立行立改：整改措施': count((i) => i.deadline.kind === 'immediate'),
      '立行立改：已完成': count((i) => i.deadline.kind === 'immediate' && i.flag === 'done'),
      '立行立改：逾期': count((i) => i.deadline.kind === 'immediate' && i.flag === 'overdue'),
      '立行立改：临期': count((i) => i.deadline.kind === 'immediate' && i.flag === 'due-soon'),
      '检查问题：错误': 2,
      '检查问题：警告': 1,
    };
    for (const label of Object.keys(expected)) {
      expect([label, cellOfLabel(o, label)]).toEqual([label, { v: expected[label], s: 'number' }]);
    }
    expect(expected['立行立改：整改措施']).toBe(2);
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
    const v = values(s).slice(1);
    expect(v.map((r) => r[0])).toEqual(['政治建设方面', '作风建设方面', '组织建设方面', '其他', '合计']);
    expect(v[4].slice(1, 9)).toEqual([5, 11, 3, 3, 1, 2, 1, 1]);
    expect(v[4][9]).toBeCloseTo(3 / 11, 10);
    expect(v[0]).toEqual(['政治建设方面', 2, 4, 2, 2, 0, 0, 0, 0, 0.5]);
    expect(s.rows[1][9]!.s).toBe('percent');
    expect(s.dataBars).toEqual(['J2:J5']);
    expect(s.autoFilter).toBe('A1:J5');
  });

  it('按牵头部门: every department, the most overdue first; 合计 counts a joint item once', () => {
    const s = sheet(specs, '按牵头部门');
    const v = values(s).slice(1);
    expect(v.map((r) => r[0])).toEqual(['办公室', '人事处', '宣传部', '组织部', '财务处', '（未填写）', '合计']);
    expect(v[0].slice(0, 5)).toEqual(['办公室', 3, 4, 1, 2]);
    expect(v[6][2]).toBe(11);
  });

  it('逾期临期: every overdue and due-soon item, in order, with source, labels as text and rules', () => {
    const s = sheet(specs, '逾期临期');
    expect(header(s)).toEqual(['序号', '期限状态', '来源文件', '工作表', '行号', '方面', '存在问题', '整改措施',
      '牵头部门', '责任领导', '截止日期', '逾期天数', '剩余天数']);
    const r = records(s);
    expect(r).toHaveLength(count((i) => i.flag === 'overdue' || i.flag === 'due-soon'));
    expect(r.map((x) => [x['序号'], x['期限状态'], x['来源文件'], x['工作表'], x['行号'], x['逾期天数'], x['剩余天数']])).toEqual([
      [1, '逾期', 'b.xlsx', 'Sheet1', 5, 30, null],
      [2, '逾期', 'a.xlsx', '整改台账', 6, 15, null],
      [3, '逾期', 'a.xlsx', '整改台账', 13, 5, null],
      [4, '临期', 'a.xlsx', '整改台账', 8, null, 3],
    ]);
    expect(r[1]['牵头部门']).toBe('办公室、人事处');
    expect(r[1]['截止日期']).toEqual({ date: '2022-06-30' });
    expect(s.rows[2][10]!.s).toBe('date');
    expect(s.rules).toEqual(expect.arrayContaining([
      { range: 'B2:B5', textEquals: '逾期', style: 'bad' },
      { range: 'B2:B5', textEquals: '临期', style: 'neutral' },
    ]));
  });

  it('检查问题: severity, rule, file, sheet, cell, message', () => {
    const s = sheet(specs, '检查问题');
    expect(values(s)).toEqual([
      ['级别', '规则', '来源文件', '工作表', '单元格', '说明'],
      ['错误', 'deadline-missing', 'a.xlsx', '整改台账', 'G12', '检查意见：deadline-missing'],
      ['警告', 'done-without-evidence', 'a.xlsx', '整改台账', 'H7', '检查意见：done-without-evidence'],
      ['错误', 'lead-dept-missing', 'b.xlsx', 'Sheet1', 'E9', '检查意见：lead-dept-missing'],
    ]);
  });

  it('汇总台账: every item with a fresh 序号, labels, and 来源文件 naming both files', () => {
    const s = sheet(specs, '汇总台账');
    expect(header(s)).toEqual(['序号', '方面', '存在问题', '整改措施', '责任领导', '牵头部门', '配合部门', '责任人',
      '完成时限', '截止日期', '完成状态', '期限状态', '剩余天数', '整改进展', '来源文件', '工作表', '行号']);
    const r = records(s);
    expect(r.map((x) => x['序号'])).toEqual(items.map((_, k) => k + 1));
    expect(r.map((x) => x['来源文件'])).toEqual([...Array(9).fill('a.xlsx'), 'b.xlsx', 'b.xlsx']);
    expect(r.map((x) => x['期限状态'])).toEqual(items.map((i) => FLAG_LABELS.zh[i.flag]));
    expect(r.map((x) => x['完成状态'])).toEqual(items.map((i) => STATE_LABELS.zh[i.state]));
    expect(r.map((x) => x['完成时限'])).toEqual(items.map((i) => i.deadline.text));
    expect(s.rules!.map((x) => [x.range, x.textEquals, x.style])).toEqual([
      ['L2:L12', '已完成', 'good'], ['L2:L12', '逾期', 'bad'], ['L2:L12', '临期', 'neutral'],
    ]);
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
      [4, 'G12', '整改台账', 'G12'],
      [4, 'H7', '整改台账', 'H7'],
      [4, 'E9', 'Sheet1', 'E9'],
    ]);
  });

  it('汇总台账: every row links from its 行号 cell to its item', () => {
    const s = sheet(specs, '汇总台账');
    const col = header(s).indexOf('行号');
    expect(links(s)).toEqual(items.map((i) => [col, i.row, i.sheet, 'C' + i.row]));
  });

  it('links to column A of the row when the measure cell is missing or on another sheet; no link without an A1 cell', () => {
    const one = ledgerA();
    one.items[0].cells = {};
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
    expect(texts).toContain('（二）=SUM(A1)');
  });

  it('gives every sheet a styled header, widths, freeze panes below it and print setup; tables get a filter', () => {
    for (const s of specs) {
      const h = s.freeze!.rows;
      expect([s.name, s.freeze]).toEqual([s.name, { rows: h, cols: 0 }]);
      expect(s.print).toEqual({ landscape: true, fitToWidth: true, repeatRows: [h, h] });
      expect(s.rows[h - 1].every((c) => c !== null && c.s === 'header')).toBe(true);
      expect(s.widths!.length).toBeGreaterThanOrEqual(s.rows[h - 1].length);
      const table = ['按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账'].indexOf(s.name) >= 0;
      expect([s.name, !!s.autoFilter]).toEqual([s.name, table]);
      if (table) expect(s.autoFilter!.startsWith('A' + h + ':')).toBe(true);
    }
  });

  it('uses English headers and labels with lang en', () => {
    const en = sheetsOf([a, b], 'en');
    expect(header(sheet(en, 'Overdue & due soon')).slice(0, 3)).toEqual(['No.', 'Deadline status', 'Source file']);
    expect(records(sheet(en, 'Overdue & due soon')).map((x) => x['Deadline status'])).toEqual(['Overdue', 'Overdue', 'Overdue', 'Due soon']);
    expect(cellOfLabel(sheet(en, 'Overview'), 'Measures').v).toBe(11);
    expect(values(sheet(en, 'By department')).map((r) => r[0]).slice(-2)).toEqual(['(blank)', 'Total']);
  });

  it('writes an empty summary without invalid ranges', () => {
    for (const s of summarySheets(summarize([], { asOf: AS_OF }))) {
      expect(s.rules).toBeUndefined();
      expect(s.dataBars).toBeUndefined();
    }
    const o = summarySheets(summarize([], { asOf: AS_OF }))[0];
    expect(cellOfLabel(o, '完成率').v).toBeNull();
  });
});

describe('通报提纲', () => {
  it('writes the sample ledger as aspect -> problem -> measure with each state', () => {
    const s = summarize([ledgerA()], { asOf: AS_OF });
    expect(outlineLines(s).map((l) => l.text)).toEqual([
      '截至2022年7月15日，共2个方面4个问题9项整改措施，已完成2项（其中已销号1项），基本完成1项，逾期2项，完成率22.2%。',
      '一、政治建设方面',
      '（一）理论学习不够深入',
      '1.完善党组理论学习中心组学习制度【已销号】',
      '2.开展专题学习研讨【逾期15天，牵头部门：办公室、人事处】',
      '（二）=SUM(A1)',
      '1.+86 电话 公开监督电话【已完成】',
      '二、作风建设方面',
      '（一）四风问题禁而不止',
      '1.-【临期，剩余3天】',
      '2.@所有人 严格公务用车管理【基本完成】',
      '3.建立长效机制【长期坚持】',
      '4.加强督促检查【推进中】',
      '三、其他',
      '（一）档案管理不规范',
      '1.整理历史档案【无期限】',
      '2.立即清理过期文件【逾期5天，牵头部门：办公室】',
    ]);
    const sheetSpec = summarySheets(s)[6];
    expect(values(sheetSpec).map((r) => r[0])).toEqual(['通报提纲'].concat(outlineLines(s).map((l) => l.text)));
    expect(sheetSpec.widths).toEqual([100]);
    expect(sheetSpec.rows.slice(1).every((r) => r[0]!.s === 'wrap' || r[0]!.s === 'subtitle')).toBe(true);
    expect(STYLES.wrap.wrap && STYLES.subtitle.wrap).toBe(true);
  });

  it('opens with the totals sentence in the form of a published report', () => {
    const s = summarize([ledgerA()], { asOf: AS_OF });
    const sentence = outlineLines({
      ...s, aspects: 3, problems: 12, rate: 20 / 52, closed: 8, basicallyDone: 3, items: [],
      totals: { items: 52, done: 20, overdue: 6, dueSoon: 4, onTrack: 15, longTerm: 5, noDeadline: 2 },
    })[0].text;
    expect(sentence).toBe('截至2022年7月15日，共3个方面12个问题52项整改措施，已完成20项（其中已销号8项），基本完成3项，逾期6项，完成率38.5%。');
  });

  it('numbers eleven and more aspects in Chinese (十一、)', () => {
    const r = ledgerA();
    r.items = Array.from({ length: 12 }, (_, k) => ({ ...r.items[0], aspect: '方面' + (k + 1) }));
    const lines = outlineLines(summarize([r], { asOf: AS_OF })).filter((l) => l.level === 1).map((l) => l.text);
    expect(lines.slice(9)).toEqual(['十、方面10', '十一、方面11', '十二、方面12']);
  });

  it('has an English variant', () => {
    const lines = outlineLines(summarize([ledgerA()], { asOf: AS_OF, lang: 'en' }), 'en').map((l) => l.text);
    expect(lines[0]).toBe('As of 2022-07-15: 2 aspects, 4 problems, 9 measures; 2 done (1 closed), 1 basically done, 2 overdue; completion rate 22.2%.');
    expect(lines).toContain('I. 政治建设方面');
    expect(lines).toContain('(1) 理论学习不够深入');
    expect(lines).toContain('2. 开展专题学习研讨 [Overdue 15 days, lead: 办公室、人事处]');
    expect(lines).toContain('1. - [Due soon, 3 days left]');
    expect(lines).toContain('III. Other');
  });
});

describe('督办单 (notices)', () => {
  const s = summarize([ledgerA(), ledgerB()], { asOf: AS_OF });

  it('goes to each lead department with overdue or due-soon items, most overdue first', () => {
    expect(noticeDepartments(s)).toEqual(['办公室', '人事处', '宣传部']);
  });

  it('lists that department’s items, jointly led ones included', () => {
    const [n] = noticeSheets(s, '人事处');
    expect(n.name).toBe('督办单');
    expect(n.rows[0][0]).toEqual({ v: '整改督办单', s: 'title' });
    expect(n.rows[1][0]!.v).toBe('牵头部门：人事处');
    expect(n.rows[2][0]!.v).toBe('截至2022年7月15日，贵单位牵头的整改措施中，逾期1项，临期1项。请抓紧推进，按期完成整改并及时报送进展。');
    const r = records(n);
    expect(r.map((x) => [x['期限状态'], x['整改措施']])).toEqual([['逾期', '开展专题学习研讨'], ['临期', '-']]);
    expect(n.freeze).toEqual({ rows: 4, cols: 0 });
    expect(n.print!.repeatRows).toEqual([4, 4]);
    expect(n.autoFilter).toBe('A4:M6');
    expect(n.rules).toContainEqual({ range: 'B5:B6', textEquals: '逾期', style: 'bad' });
  });

  it('has an English variant', () => {
    const [n] = noticeSheets(s, '宣传部', 'en');
    expect(n.name).toBe('Notice');
    expect(records(n).map((x) => x['Deadline status'])).toEqual(['Overdue']);
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
