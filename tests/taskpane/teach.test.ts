/**
 * The pane's teaching, without the DOM (src/taskpane/teach.ts): what it offers after a check, what a
 * choice does, and the JSON it exports and imports, which the CLI reads as taizhang.json. A choice made
 * in the pane gives the same check as the same words in the file.
 */
import { checkWorkbook } from '../../src/core/check/check';
import { parseTaught, isTaughtProblem } from '../../src/core/read/taught';
import { Grid } from '../../src/core/model/grid';
import { exportTaught, importTaught, teachChoices, teachColumn, teachWord } from '../../src/taskpane/teach';

const _ = null;

/** A hazard ledger: 复查合格 x3 and 已消项 x1 that no built-in word places, an 隐患编码 column no field takes. */
function ledger(): Grid {
  return {
    name: '隐患台账',
    rows: [
      ['隐患排查治理台账', _, _, _, _, _, _],
      ['序号', '隐患内容', '责任单位', '整改期限', '整改措施', '隐患状态', '隐患编码'],
      [1, '临边未设防护栏杆', '施工一队', '2020-05-10', '设置防护栏杆', '复查合格', 'YH-001'],
      [2, '配电箱未上锁', '施工二队', '2020-05-12', '配电箱上锁', '复查合格', 'YH-002'],
      [3, '灭火器过期', '施工一队', '2020-05-30', '更换灭火器', '复查合格', 'YH-003'],
      [4, '通道堆放杂物', '施工三队', '2020-05-15', '清理通道', '消项完成待复核', 'YH-004'],
      [5, '脚手板未满铺', '施工三队', '2020-05-16', '满铺脚手板', '整改中', 'YH-005'],
    ],
  };
}

const OPTS = { asOf: '2020-05-20' };

test('each unrecognized status word once, with its count; each unplaced column once', () => {
  const g = ledger();
  const r = checkWorkbook([g], OPTS);
  expect(teachChoices(r, g)).toEqual({
    words: [
      { text: '复查合格', count: 3 },
      { text: '消项完成待复核', count: 1 },
    ],
    columns: [{ col: 7, letter: 'G', text: '隐患编码' }],
  });
});

test('a choice in the pane and the same words in taizhang.json check alike', () => {
  const g = ledger();
  let taught = teachWord({}, '复查合格', 'closed');
  taught = teachWord(taught, '消项完成待复核', 'in-progress');
  taught = teachColumn(taught, '隐患编码', 'notes');
  const pane = checkWorkbook([g], { ...OPTS, taught });
  const file = parseTaught({ status: { closed: ['复查合格'], 'in-progress': ['消项完成待复核'] }, headers: { notes: ['隐患编码'] } });
  if (isTaughtProblem(file)) throw new Error('rejected');
  const cli = checkWorkbook([g], { ...OPTS, taught: file.taught });
  expect(pane.items.map((i) => [i.state, i.flag])).toEqual([
    ['closed', 'done'],
    ['closed', 'done'],
    ['closed', 'done'],
    ['in-progress', 'overdue'],
    ['in-progress', 'overdue'],
  ]);
  expect(cli.items.map((i) => [i.state, i.flag])).toEqual(pane.items.map((i) => [i.state, i.flag]));
  expect(pane.header.columns.notes).toBe(7);
  expect(teachChoices(pane, g)).toEqual({ words: [], columns: [] });
});

test('a word chosen again moves to its new state; null forgets it', () => {
  const once = teachWord({}, '复查合格', 'done');
  const again = teachWord(once, '复查合格', 'closed');
  expect(again.status).toEqual({ closed: ['复查合格'] });
  expect(once.status).toEqual({ done: ['复查合格'] });
  expect(teachWord(again, '复查合格', null).status).toEqual({});
});

test('export and import round-trip the same JSON the CLI reads; a bad file is one line', () => {
  const taught = teachColumn(teachWord({}, '复查合格', 'closed'), '隐患编码', 'notes');
  const text = exportTaught(taught, { dueSoonDays: 7 });
  expect(JSON.parse(text)).toEqual({ headers: { notes: ['隐患编码'] }, status: { closed: ['复查合格'] }, options: { dueSoonDays: 7 } });
  expect(importTaught(text, 'zh')).toEqual({ taught, options: { dueSoonDays: 7 } });
  expect(importTaught('{"status": {"finished": ["关闭"]}}', 'zh')).toEqual({
    error: '“status.finished”不是完成状态名，可用的状态名为 done、closed、in-progress、not-started、basically-done',
  });
  expect(importTaught('{', 'en')).toEqual({ error: expect.stringMatching(/^it is not valid JSON \(/) });
});
