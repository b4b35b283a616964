/**
 * Header words of each ledger family (docs/rules.md, "Ledger families"), in simplified and traditional
 * script, with the columns that compete for a field: the better word wins, values decide between a
 * column of status words and one of prose, who raised an item is never who answers for it, and
 * metadata cells in the header block are not headers.
 */
import { detectHeader } from '../../../src/core/read/header';
import { checkWorkbook } from '../../../src/core/check/check';
import { colLetter } from '../../../src/core/text/a1';
import { CellValue, Grid } from '../../../src/core/model/grid';

const _ = null;

function mapping(g: Grid, taught?: Parameters<typeof detectHeader>[2]): Record<string, string> {
  const h = detectHeader(g, undefined, taught);
  if (!h) return {};
  const out: Record<string, string> = {};
  Object.keys(h.columns).forEach((k) => (out[k] = colLetter((h.columns as Record<string, number>)[k])));
  return out;
}

/** A header row over three data rows. */
function sheet(header: CellValue[], data: CellValue[][] = []): Grid {
  return { name: '台账', rows: [header].concat(data) };
}

describe.each<[string, CellValue[], Record<string, string>]>([
  // hazard (隐患排查治理)
  ['hazard', ['序号', '隐患内容', '隐患级别', '责任单位', '责任人', '整改期限', '整改措施与要求', '复查结果', '隐患状态'],
    { seq: 'A', problem: 'B', leadDept: 'D', owner: 'E', deadline: 'F', measure: 'G', progress: 'H', status: 'I' }],
  ['hazard, traditional', ['序號', '隱患內容', '隱患級別', '責任單位', '責任人', '整改期限', '整改措施與要求', '複查結果', '隱患狀態'],
    { seq: 'A', problem: 'B', leadDept: 'D', owner: 'E', deadline: 'F', measure: 'G', progress: 'H', status: 'I' }],
  ['hazard import template', ['检查类型', '检查项', '不合格项描述', '整改要求', '检查区域', '责任单位', '处理措施', '限时时间', '整改情况(是/否)'],
    { aspect: 'A', problem: 'C', requirement: 'D', leadDept: 'F', measure: 'G', deadline: 'H', status: 'I' }],
  // supervision (督查督办)
  ['督办', ['序号', '议定事项', '责任部门及责任人', '完成时限', '办理进展'], { seq: 'A', measure: 'B', leadDept: 'C', deadline: 'D', progress: 'E' }],
  ['督办, traditional', ['序號', '議定事項', '責任部門及責任人', '完成時限', '辦理進展'], { seq: 'A', measure: 'B', leadDept: 'C', deadline: 'D', progress: 'E' }],
  ['督办: 交办领导 beside 责任领导', ['序号', '重点工作', '交办领导', '责任领导', '责任部门', '办理时限'],
    { seq: 'A', measure: 'B', leader: 'D', leadDept: 'E', deadline: 'F' }],
  ['督办: 事项提出领导 is not the leader', ['事项提出领导', '待办事项', '责任部门', '部门责任人', '计划完成时间', '进展情况'],
    { measure: 'B', leadDept: 'C', owner: 'D', deadline: 'E', progress: 'F' }],
  // audit findings
  ['audit', ['序号', '审计发现的问题', '审计建议', '整改措施', '整改责任部门', '整改完成时限', '整改完成情况'],
    { seq: 'A', problem: 'B', requirement: 'C', measure: 'D', leadDept: 'E', deadline: 'F', progress: 'G' }],
  ['audit, traditional', ['序號', '審計發現的問題', '審計建議', '整改措施', '整改責任部門', '整改完成時限', '整改完成情況'],
    { seq: 'A', problem: 'B', requirement: 'C', measure: 'D', leadDept: 'E', deadline: 'F', progress: 'G' }],
  // rectification: 整改任务 / 整改目标 compete for the measure; the better-placed wins, the other stays out
  ['rectification', ['序号', '整改任务', '整改目标', '整改完成情况', '责任单位'], { seq: 'A', measure: 'B', progress: 'D', leadDept: 'E' }],
])('the %s family', (_name, header, expected) => {
  test('maps its columns', () => {
    expect(mapping(sheet(header))).toEqual(expected);
  });
});

describe('competing columns are decided by their values', () => {
  const header = ['序号', '存在问题', '整改措施', '责任单位', '完成时限', '整改进展', '完成情况'];
  const rows: CellValue[][] = [
    ['1', '制度不健全', '修订制度', '办公室', '2022年6月底前', '已起草制度初稿，征求了各处室意见，拟提交局务会审议', '正在推进'],
    ['2', '学习不深入', '开展专题学习', '机关党委', '2022年5月底前', '已组织专题学习三次，形成学习体会文章十二篇', '已完成'],
    ['3', '台账不规范', '统一台账格式', '办公室', '2022年4月底前', '尚未开始，等待上级模板下发后统一组织', '未完成'],
  ];

  test('完成情况 of short status words is the status; the prose 整改进展 the progress', () => {
    expect(mapping(sheet(header, rows))).toEqual({ seq: 'A', problem: 'B', measure: 'C', leadDept: 'D', deadline: 'E', progress: 'F', status: 'G' });
  });

  test('so the finished item is done, not red', () => {
    const r = checkWorkbook([sheet(header, rows)], { asOf: '2022-07-15' });
    expect(r.items.map((i) => [i.state, i.flag])).toEqual([
      ['in-progress', 'overdue'],
      ['done', 'done'],
      ['in-progress', 'overdue'],
    ]);
  });

  test('a 完成时间 column of names holds no date: it is no deadline', () => {
    const g = sheet(['序号', '工作任务', '责任单位', '完成时间', '完成时限'], [
      ['1', '修订制度', '办公室', '张三', '2022-06-30'],
      ['2', '开展学习', '机关党委', '李四', '2022-05-31'],
      ['3', '统一格式', '办公室', '王五', '2022-04-30'],
    ]);
    expect(mapping(g)).toEqual({ seq: 'A', measure: 'B', leadDept: 'C', deadline: 'E' });
  });
});

describe('metadata cells inside the header block are not headers', () => {
  test('项目名称：… / 填报人：… / 填报时间：… beside a 序号 merged down over two rows', () => {
    const g: Grid = {
      name: '统计表',
      rows: [
        ['隐患排查与治理统计表', _, _, _, _, _],
        ['序号', '项目名称：某工程项目', _, '填报人：某人', _, '填报时间：2019年6月25日'],
        [_, '隐患内容', '责任单位', '整改期限', '整改措施', '隐患状态'],
        [1, '临边未防护', '施工一队', { date: '2019-05-28' }, '设置防护栏杆', '关闭'],
      ],
    };
    const h = detectHeader(g);
    expect(h && h.rows).toEqual([2, 3]);
    expect(mapping(g)).toEqual({ seq: 'A', problem: 'B', leadDept: 'C', deadline: 'D', measure: 'E', status: 'F' });
  });
});

describe('taught header words name their field first', () => {
  test('an office word no list holds (事由) and one that overrides a built-in (备注 as progress)', () => {
    const g = sheet(['序号', '事由', '整改措施', '责任单位', '完成时限', '备注']);
    expect(mapping(g).problem).toBeUndefined();
    expect(mapping(g, { headers: { problem: ['事由'], progress: ['备注'] } })).toEqual({
      seq: 'A', problem: 'B', measure: 'C', leadDept: 'D', deadline: 'E', progress: 'F',
    });
  });
});
