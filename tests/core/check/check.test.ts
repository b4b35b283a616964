import { checkWorkbook } from '../../../src/core/check/check';
import { cellOf } from '../../../src/core/read/ledger';
import { detectHeader } from '../../../src/core/read/header';
import { colLetter } from '../../../src/core/text/a1';
import { userMessage } from '../../../src/core/words/errors';
import { refusal } from '../../refusal';
import { CellValue, Grid } from '../../../src/core/model/grid';
import { CheckOptions, CheckResult } from '../../../src/core/model/result';
import { aspectColumnLedger, combinedHeaderLedger, englishTracker, twoRowHeaderLedger } from '../helpers/ledgers';

const OPTS: CheckOptions = { asOf: '2022-07-15', start: '2022-02-24' };

function letters(r: CheckResult): Record<string, string> {
  const out: Record<string, string> = {};
  Object.keys(r.header.columns).forEach((k) => (out[k] = colLetter((r.header.columns as Record<string, number>)[k])));
  return out;
}

function byRow(r: CheckResult) {
  const m: Record<number, CheckResult['items'][0]> = {};
  r.items.forEach((i) => (m[i.row] = i));
  return m;
}

function findingIds(r: CheckResult): string[] {
  return r.findings.map((f) => f.rule + '@' + f.cell);
}

describe('a two-row header under merged parents, section-row aspects, merged problem cells', () => {
  const r = checkWorkbook([twoRowHeaderLedger()], OPTS);

  test('the header spans rows 3-4 and the child row names the columns under 责任清单 and 整改进展', () => {
    expect(r.header.rows).toEqual([3, 4]);
    expect(letters(r)).toEqual({
      seq: 'A', problem: 'B', measure: 'C', leader: 'D', leadDept: 'E', coDept: 'F', deadline: 'G', progress: 'H', status: 'I', evidence: 'J',
    });
  });

  test('one item per measure row; title, 填报单位, section, 合计 and 注 rows are not items', () => {
    expect(r.items.map((i) => i.row)).toEqual([6, 7, 8, 9, 11, 12, 13, 14]);
  });

  test('blank problem and aspect cells inherit from above; nothing else does', () => {
    const i = byRow(r);
    expect(i[7].problem).toBe('理论学习中心组学习流于形式');
    expect(i[7].aspect).toBe('一、学习贯彻习近平新时代中国特色社会主义思想不够深入');
    expect(i[7].seq).toBe('1');
    expect(i[11].aspect).toBe('二、落实全面从严治党主体责任有差距');
    // a blank 牵头部门 on a measure row is reported, never filled in from the row above
    expect(i[7].leader).toBe('');
    expect(i[7].leadDept).toBe('');
    expect(i[13].leadDept).toBe('财务处');
    expect(i[14].leadDept).toBe('');
  });

  test('flags follow the rules in order', () => {
    const i = byRow(r);
    expect([6, 7, 8, 9, 11, 12, 13, 14].map((row) => i[row].flag)).toEqual([
      'done', 'on-track', 'done', 'long-term', 'on-track', 'overdue', 'no-deadline', 'no-deadline',
    ]);
    expect(i[8].state).toBe('closed');
    expect(i[12].daysLeft).toBe(-56);
    expect(i[12].due).toBe('2022-05-20');
    expect(i[7].daysLeft).toBe(169);
    expect(i[6].daysLeft).toBeNull();
  });

  test('totals add up to the items', () => {
    expect(r.totals).toEqual({ items: 8, done: 2, overdue: 1, dueSoon: 0, onTrack: 2, longTerm: 1, noDeadline: 2 });
  });

  test('findings carry the contract ids on the cell that is wrong', () => {
    // Every finding, in the order the engine gives them (by row): nothing more, nothing less.
    expect(findingIds(r)).toEqual([
      'lead-dept-missing@E7',
      'lead-dept-missing@E9',
      'long-term-no-progress@H9',
      'lead-dept-missing@E11',
      'lead-dept-missing@E12',
      'deadline-unparsed@G13',
      'duplicate-seq@A13',
      'deadline-missing@G14',
      'lead-dept-missing@E14',
    ]);
    expect(r.findings.filter((f) => f.rule === 'duplicate-seq')[0].message).toBe('序号“1”与第11行重复。');
    const unparsed = r.findings.filter((f) => f.rule === 'deadline-unparsed')[0];
    expect(unparsed.severity).toBe('error');
    expect(unparsed.message).toContain('2022年2月30日');
    expect(r.findings.filter((f) => f.rule === 'done-without-evidence')).toEqual([]);
  });

  test('text that looks like a formula is kept as text', () => {
    expect(byRow(r)[14].measure).toBe('=领导批示要求立即整改');
  });
});

describe('an aspect column, synonyms and the state read from 落实情况', () => {
  const r = checkWorkbook([aspectColumnLedger()], OPTS);
  test('header and columns', () => {
    expect(r.header.rows).toEqual([2]);
    expect(letters(r)).toEqual({ seq: 'A', aspect: 'B', problem: 'C', measure: 'D', leadDept: 'E', deadline: 'F', progress: 'G' });
  });
  test('aspects inherit and states come from the progress text', () => {
    const i = byRow(r);
    expect(i[4].aspect).toBe('党的领导');
    expect(i[7].aspect).toBe('作风建设');
    expect([3, 4, 5, 6, 7].map((row) => i[row].state)).toEqual(['done', 'in-progress', 'not-started', 'unknown', 'basically-done']);
  });
  test('year-less and relative deadlines count from the start', () => {
    const i = byRow(r);
    expect(i[3].deadline.due).toBe('2022-06-30');
    expect(i[5].deadline.due).toBe('2022-09-30');
    expect(i[7].deadline.due).toBe('2022-04-24');
    expect(i[7].flag).toBe('overdue'); // 基本完成 is not done
  });
  test('totals', () => {
    expect(r.totals).toEqual({ items: 5, done: 1, overdue: 1, dueSoon: 0, onTrack: 2, longTerm: 1, noDeadline: 0 });
  });
});

describe('an English tracker', () => {
  const r = checkWorkbook([englishTracker()], { asOf: '2022-07-15', lang: 'en' });
  test('English headers map to the same fields', () => {
    expect(letters(r)).toEqual({ seq: 'A', aspect: 'B', problem: 'C', measure: 'D', leadDept: 'E', deadline: 'F', status: 'G' });
  });
  test('flags: immediately without a start is judged as of today', () => {
    expect(r.items.map((i) => i.flag)).toEqual(['done', 'due-soon', 'due-soon', 'long-term']);
    expect(r.items[2].due).toBe('2022-07-15');
  });
});

describe('notes above the header and a combined 责任单位/责任人 column', () => {
  const r = checkWorkbook([combinedHeaderLedger()], OPTS);
  test('the header is found below the notes, and line breaks in headers do not matter', () => {
    expect(r.header.rows).toEqual([3]);
    expect(letters(r)).toEqual({ seq: 'A', problem: 'B', measure: 'C', leadDept: 'D', deadline: 'E', status: 'F' });
  });
  test('multi-line cells are kept whole; 是/否 statuses', () => {
    expect(r.items[0].leadDept).toBe('组织部\n王五');
    expect(r.items[1].measure).toBe('开展专项审计\n追回违规资金');
    expect(r.items.map((i) => i.flag)).toEqual(['done', 'overdue']);
  });
});

describe('choosing the sheet', () => {
  const cover: Grid = { name: '封面', rows: [['关于巡视整改情况的报告'], ['2022年7月']] };
  test('the sheet that holds a ledger is picked among several', () => {
    expect(checkWorkbook([cover, aspectColumnLedger(), cover], OPTS).sheet).toBe('Sheet1');
  });
  test('--sheet overrides, and an unknown name lists the sheets', () => {
    expect(checkWorkbook([twoRowHeaderLedger(), aspectColumnLedger()], { ...OPTS, sheet: 'Sheet1' }).sheet).toBe('Sheet1');
    const e = refusal(() => checkWorkbook([cover, aspectColumnLedger()], { ...OPTS, sheet: '台账' }));
    expect(e.code).toBe('sheet-not-found');
    expect(userMessage(e, 'zh')).toBe('找不到名为“台账”的工作表。现有工作表：封面、Sheet1。');
  });
  test('no ledger: the message names the columns looked for', () => {
    const e = refusal(() => checkWorkbook([cover], { ...OPTS, file: '报告.xlsx' }));
    expect(e.code).toBe('no-ledger');
    expect(userMessage(e, 'zh')).toBe('“报告.xlsx”中没有找到可识别的整改台账表头。请确认表头包含以下列中的几列：序号、存在问题、整改措施、责任领导、牵头部门、完成时限、整改进展、完成状态。');
    // The column names are the glossary's, in English too (they said Action and Owner where the glossary says Measure).
    expect(userMessage(refusal(() => checkWorkbook([cover], { ...OPTS, file: 'report.xlsx', lang: 'en' })), 'en')).toContain(
      'No., Problem, Measure, Leader, Lead department, Deadline, Progress, Status',
    );
  });
  test('an empty workbook is refused, and so is one of blank cells only', () => {
    expect(refusal(() => checkWorkbook([{ name: 'Sheet1', rows: [] }], OPTS)).code).toBe('empty-workbook');
    expect(refusal(() => checkWorkbook([{ name: 'Sheet1', rows: [[null, '  ']] }, { name: 'Sheet2', rows: [['\u3000']] }], OPTS)).code).toBe('empty-workbook');
  });
  test('a data row that holds one header word is not taken for a header', () => {
    const h = detectHeader(twoRowHeaderLedger());
    expect(h && h.rows).toEqual([3, 4]);
  });
});

describe('a 是否销号 column', () => {
  test('是 closes the item; 否 leaves the status column to decide', () => {
    const g: Grid = {
      name: '台账',
      rows: [
        ['序号', '整改措施', '牵头部门', '完成时限', '完成状态', '是否销号'],
        ['1', '修订制度', '办公室', '2022年6月底前', '已完成', '是'],
        ['2', '开展检查', '办公室', '2022年6月底前', '已完成', '否'],
        ['3', '清理台账', '办公室', '2022年6月底前', '正在推进', '否'],
      ],
    };
    const r = checkWorkbook([g], OPTS);
    expect(r.header.columns.closeOut).toBe(6);
    expect(r.items.map((i) => i.state)).toEqual(['closed', 'done', 'in-progress']);
    expect(r.items.map((i) => i.flag)).toEqual(['done', 'done', 'overdue']);
  });
});

describe('duplicate-seq follows how the ledger numbers its rows', () => {
  const header: CellValue[] = ['序号', '存在问题', '整改措施', '牵头部门', '完成时限'];
  const dups = (rows: CellValue[][]) =>
    checkWorkbook([{ name: '台账', rows: [header].concat(rows) }], OPTS)
      .findings.filter((f) => f.rule === 'duplicate-seq')
      .map((f) => f.cell);

  test('numbered through the sheet: a repeat across problems is found', () => {
    expect(dups([
      ['1', '问题甲', '措施1', '办公室', '2022年6月底前'],
      ['2', null, '措施2', '办公室', '2022年6月底前'],
      ['3', '问题乙', '措施3', '办公室', '2022年6月底前'],
      ['2', null, '措施4', '办公室', '2022年6月底前'],
    ])).toEqual(['A5']);
  });
  test('restarting in each aspect: the restarts are not findings, a repeat within an aspect is', () => {
    expect(dups([
      ['一、第一方面', null, null, null, null],
      ['1', '问题甲', '措施1', '办公室', '2022年6月底前'],
      ['2', '问题乙', '措施2', '办公室', '2022年6月底前'],
      ['二、第二方面', null, null, null, null],
      ['1', '问题丙', '措施3', '办公室', '2022年6月底前'],
      ['2', '问题丁', '措施4', '办公室', '2022年6月底前'],
      ['2', '问题戊', '措施5', '办公室', '2022年6月底前'],
    ])).toEqual(['A8']);
  });
  test('measures numbered within each problem', () => {
    expect(dups([
      ['1', '问题甲', '措施1', '办公室', '2022年6月底前'],
      ['2', null, '措施2', '办公室', '2022年6月底前'],
      ['1', '问题乙', '措施3', '办公室', '2022年6月底前'],
      ['2', null, '措施4', '办公室', '2022年6月底前'],
      ['1', '问题丙', '措施5', '办公室', '2022年6月底前'],
      ['1', null, '措施6', '办公室', '2022年6月底前'],
    ])).toEqual(['A7']);
  });
});

describe('findings: false (the earlier version of a comparison)', () => {
  test('the same items, flags and totals, and no findings', () => {
    const full = checkWorkbook([twoRowHeaderLedger()], OPTS);
    const bare = checkWorkbook([twoRowHeaderLedger()], { ...OPTS, findings: false });
    // The two-row ledger has findings of its own (the exact list is asserted above).
    expect(full.findings.length).toBeGreaterThan(0);
    expect(bare.findings).toEqual([]);
    expect(bare.findingCounts).toEqual({ errors: 0, warnings: 0, byRule: {} });
    expect(bare.items).toEqual(full.items);
    expect(bare.totals).toEqual(full.totals);
  });
});

describe("an item's cells (cellOf): its row in each field's column, unless the item says otherwise", () => {
  const r = checkWorkbook([twoRowHeaderLedger()], { asOf: '2022-07-15', start: '2022-02-24' });
  const item = r.items[0];
  const col = (f: keyof typeof r.header.columns) => colLetter(r.header.columns[f] as number);

  it('each mapped field is at its column on the item row, a field without a column has none', () => {
    expect(cellOf(item, 'measure')).toBe(col('measure') + item.row);
    expect(cellOf(item, 'deadline')).toBe(col('deadline') + item.row);
    expect(r.header.columns.problemRef).toBeUndefined();
    expect(cellOf(item, 'problemRef')).toBeUndefined();
  });

  it('an address the item holds wins, and an empty one means no cell', () => {
    const moved = { ...item, cells: { leadDept: 'D9', measure: '' } };
    expect(cellOf(moved, 'leadDept')).toBe('D9');
    expect(cellOf(moved, 'measure')).toBeUndefined();
    expect(cellOf(moved, 'deadline')).toBe(col('deadline') + item.row);
  });

  it('every item of a sheet shares one table of column letters', () => {
    expect(r.items.length).toBeGreaterThan(1);
    expect(r.items.every((i) => i.columns === item.columns)).toBe(true);
  });
});
