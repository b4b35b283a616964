/**
 * Header detection on header rows taken from published rectification tables and public code that
 * exports them (the source of each is named in its test), in simplified and traditional script.
 * Columns compete: the better word wins wherever it stands, each column names one field at most.
 */
import { fieldMatches, MIN_SCORE } from '../../../src/core/read/fields';
import { detectHeader } from '../../../src/core/read/header';
import { colLetter } from '../../../src/core/text/a1';
import { CellValue, Grid } from '../../../src/core/model/grid';

const _ = null;

/** A sheet with a title row, the header row, and one data row so that it reads as a sheet. */
function sheet(header: CellValue[], title = '整改落实情况台账'): Grid {
  return { name: '台账', rows: [[title], header, header.map(() => 'x')] };
}

/** The detected mapping as field -> column letter. */
function mapping(g: Grid): Record<string, string> {
  const h = detectHeader(g);
  if (!h) return {};
  const out: Record<string, string> = {};
  Object.keys(h.columns).forEach((k) => (out[k] = colLetter((h.columns as Record<string, number>)[k])));
  return out;
}

describe('fieldMatches scores a header cell against every field', () => {
  test.each<[string, string | null]>([
    ['整改措施', 'measure'],
    ['整改措施（具体）', 'measure'],
    ['整改\n措施', 'measure'],
    ['*完成时限：', 'deadline'],
    ['问题控制状态', 'status'],
    ['审批状态', null],
    ['督导状态', null],
    ['安全问题名称', 'problem'],
    ['问题金额（万元）', null],
    ['验收责任人', null],
    ['验收责任单位', null],
    ['答复时限', null],
    ['对应的完成时间', null],
    ['具体责任单位整改责任人', 'owner'],
    ['具体责任单位整改情况', 'progress'],
    ['整改实施主体', 'leadDept'],
    ['整改落实人', 'owner'],
    ['问题概述', 'problem'],
    ['期限状态', null],
    ['Check notes', null],
    ['', null],
  ])('%p -> %p', (text, field) => expect(fieldMatches(text).map((m) => m.field)[0] || null).toBe(field));

  test('an exact synonym beats a contained one, and a weak synonym scores below a strong one', () => {
    expect(fieldMatches('整改措施')[0]).toEqual({ field: 'measure', score: 100 });
    expect(fieldMatches('整改目标')[0]).toEqual({ field: 'measure', score: 75 });
    expect(fieldMatches('预计完成时间')).toEqual([{ field: 'deadline', score: 75 }]);
    expect(fieldMatches('细化整改措施')[0].field).toBe('measure');
    expect(fieldMatches('细化整改措施')[0].score).toBeLessThan(75);
  });

  test('a word naming another field lowers a contained match: 问题控制状态 is a 状态 first', () => {
    const m = fieldMatches('问题控制状态');
    expect(m.map((x) => x.field)).toEqual(['status', 'problem']);
    expect(m[1].score).toBe(MIN_SCORE);
  });

  test('a combined cell names both of its parts, the first one better', () => {
    expect(fieldMatches('责任单位/责任人')).toEqual([
      { field: 'leadDept', score: 90 },
      { field: 'owner', score: 85 },
    ]);
  });
});

describe('competing columns: the better one wins wherever it stands', () => {
  test('整改目标 beside 整改措施 (环保督察 整改任务清单: 整改目标、整改措施、责任单位、完成时限)', () => {
    expect(mapping(sheet(['序号', '存在问题', '整改目标', '整改措施', '责任单位', '完成时限']))).toEqual({
      seq: 'A', problem: 'B', measure: 'D', leadDept: 'E', deadline: 'F',
    });
  });

  test('预计完成时间 left of 整改时限', () => {
    expect(mapping(sheet(['序号', '问题', '整改措施', '预计完成时间', '整改时限', '责任部门']))).toEqual({
      seq: 'A', problem: 'B', measure: 'C', deadline: 'E', leadDept: 'F',
    });
  });

  test('审批状态 left of 完成状态, and 审批状态 alone is no status', () => {
    expect(mapping(sheet(['序号', '问题', '整改措施', '审批状态', '完成状态', '完成时限']))).toEqual({
      seq: 'A', problem: 'B', measure: 'C', status: 'E', deadline: 'F',
    });
    expect(mapping(sheet(['序号', '问题', '整改措施', '审批状态', '完成时限']))).toEqual({
      seq: 'A', problem: 'B', measure: 'C', deadline: 'E',
    });
  });

  test('问题控制状态 is a status column, not the problem (安全问题库: 安全问题名称 … 整改完成时限、问题控制状态、责任部门)', () => {
    expect(
      mapping(sheet(['序号', '安全问题名称', '发生时间', '来源', '涉及范畴', '整改完成时限', '问题控制状态', '责任部门', '初审人', '终审人', '录入人'])),
    ).toEqual({ seq: 'A', problem: 'B', aspect: 'E', deadline: 'F', status: 'G', leadDept: 'H' });
  });

  test('整改任务 is the measure where no 整改措施 exists, and yields to it where one does', () => {
    expect(mapping(sheet(['序号', '存在问题', '整改任务', '牵头单位', '完成时限', '完成情况']))).toEqual({
      seq: 'A', problem: 'B', measure: 'C', leadDept: 'D', deadline: 'E', progress: 'F',
    });
    expect(mapping(sheet(['序号', '存在问题', '整改任务', '整改措施', '牵头单位', '完成时限']))).toEqual({
      seq: 'A', problem: 'B', measure: 'D', leadDept: 'E', deadline: 'F',
    });
  });

  test('a combined 责任单位/责任人 gives up 责任人 to a column of its own', () => {
    expect(mapping(sheet(['序号', '问题', '整改措施', '责任单位/责任人', '整改责任人', '完成时限']))).toEqual({
      seq: 'A', problem: 'B', measure: 'C', leadDept: 'D', owner: 'E', deadline: 'F',
    });
  });

  test('验收责任人 and 验收责任单位 check the work; the 整改 ones do it (hazard rectification forms)', () => {
    expect(mapping(sheet(['隐患描述', '整改措施', '整改期限', '验收责任人', '验收责任单位', '整改责任人', '整改责任单位']))).toEqual({
      problem: 'A', measure: 'B', deadline: 'C', owner: 'F', leadDept: 'G',
    });
  });
});

describe('real header rows', () => {
  // Internal-control 问题台账 export: 预计完成时间 vs 整改时限, 审批状态 vs 完成状态, 整改计划 vs 整改措施.
  const INTERNAL_CONTROL = [
    '内控评价年度', '一级流程', '问题概述', '缺陷具体描述', '问题类别', '缺陷等级', '定性依据', '主责部门', '反馈意见', '整改计划',
    '预计完成时间', '整改落实人', '审批状态', '整改措施', '整改时限', '整改进展情况', '完成状态',
  ];
  const INTERNAL_CONTROL_MAPPING = {
    problem: 'C', aspect: 'E', leadDept: 'H', owner: 'L', measure: 'N', deadline: 'O', progress: 'P', status: 'Q',
  };

  test('internal-control 问题台账', () => {
    expect(mapping(sheet(INTERNAL_CONTROL, '2022年度内部控制评价问题台账'))).toEqual(INTERNAL_CONTROL_MAPPING);
  });

  test('audit 整改清单 (two rows of headers under 整改责任清单 and 整改目标清单)', () => {
    const g: Grid = {
      name: '整改清单',
      rows: [
        ['整改清单', _, _, _, _, _, _, _, _, _],
        ['序号', '具体问题表述', '整改目标清单', _, _, _, '整改责任清单', _, '具体责任单位整改情况', _],
        [_, _, '整改要求', '整改时限', '细化的整改措施', '对应的完成时间', '整改第一责任人', '牵头整改部门', '已采取的整改措施', '是否销号'],
        ['1', '专项资金结余未及时清理', '清理结余资金', '2022年6月底前', '全面清理', '2022年5月底前', '王某', '财务处', '已清理', '否'],
      ],
    };
    const h = detectHeader(g);
    expect(h && h.rows).toEqual([2, 3]);
    expect(mapping(g)).toEqual({
      seq: 'A', problem: 'B', requirement: 'C', deadline: 'D', measure: 'E', leader: 'G', leadDept: 'H', progress: 'I', closeOut: 'J',
    });
  });

  test('a 问题清单 export (问题标题、问题编码、整改责任单位 … 督导状态、整改状态 … 整改期限、办结时间)', () => {
    expect(
      mapping(sheet(['问题标题', '问题编码', '整改责任单位', '行业主管部门', '问题来源', '发生领域', '督导状态', '整改状态', '临期/超期情况', '督导后风险', '整改期限', '办结时间'])),
    ).toEqual({ problem: 'A', seq: 'B', leadDept: 'C', aspect: 'E', status: 'H', deadline: 'K', doneDate: 'L' });
  });

  test('审计问题整改跟踪表 (序号、反馈日期、措施内容、跟踪反馈、措施状态)', () => {
    expect(mapping(sheet(['序号', '反馈日期', '措施内容', '跟踪反馈', '措施状态']))).toEqual({
      seq: 'A', measure: 'C', progress: 'D', status: 'E',
    });
  });

  test('环保督察销号汇总表 (项目名称、问题简述、问题整改完成时限、整改进度)', () => {
    expect(mapping(sheet(['项目名称', '问题简述', '问题整改完成时限', '整改进度', '实际县级验收时间']))).toEqual({
      problem: 'B', deadline: 'C', progress: 'D',
    });
  });

  test('整改实施主体 as the lead department and 整改落实人 as the owner', () => {
    expect(mapping(sheet(['序号', '问题概述', '整改措施', '整改实施主体', '整改落实人', '整改时限', '整改进度']))).toEqual({
      seq: 'A', problem: 'B', measure: 'C', leadDept: 'D', owner: 'E', deadline: 'F', progress: 'G',
    });
  });

  test('a plain 序号 turns 问题编号 into the reference to the problem list', () => {
    expect(mapping(sheet(['序号', '问题编号', '整改措施', '责任单位', '完成时限']))).toEqual({
      seq: 'A', problemRef: 'B', measure: 'C', leadDept: 'D', deadline: 'E',
    });
    expect(mapping(sheet(['问题编号', '存在问题', '整改措施', '责任单位', '完成时限']))).toEqual({
      seq: 'A', problem: 'B', measure: 'C', leadDept: 'D', deadline: 'E',
    });
  });
});

describe('traditional script', () => {
  test('a traditional header row finds the header (整改問題, 整改時限, …)', () => {
    expect(mapping(sheet(['序號', '整改問題', '整改措施', '責任領導', '牽頭單位', '整改時限', '進展情況', '完成狀態'], '整改台賬'))).toEqual({
      seq: 'A', problem: 'B', measure: 'C', leader: 'D', leadDept: 'E', deadline: 'F', progress: 'G', status: 'H',
    });
  });

  test('the competing pairs resolve the same way in traditional script', () => {
    const traditional = [
      '內控評價年度', '一級流程', '問題概述', '缺陷具體描述', '問題類別', '缺陷等級', '定性依據', '主責部門', '反饋意見', '整改計劃',
      '預計完成時間', '整改落實人', '審批狀態', '整改措施', '整改時限', '整改進展情況', '完成狀態',
    ];
    expect(mapping(sheet(traditional))).toEqual({
      problem: 'C', aspect: 'E', leadDept: 'H', owner: 'L', measure: 'N', deadline: 'O', progress: 'P', status: 'Q',
    });
    expect(mapping(sheet(['序號', '存在問題', '整改目標', '整改措施', '責任單位', '完成時限']))).toEqual({
      seq: 'A', problem: 'B', measure: 'D', leadDept: 'E', deadline: 'F',
    });
    expect(mapping(sheet(['序號', '安全問題名稱', '整改完成時限', '問題控制狀態', '責任部門']))).toEqual({
      seq: 'A', problem: 'B', deadline: 'C', status: 'D', leadDept: 'E',
    });
  });
});

describe('confidence (the pane\'s 识别可信度) comes from the scores', () => {
  const confidence = (header: CellValue[]) => {
    const h = detectHeader(sheet(header));
    return h ? h.confidence : null;
  };
  test('every core group named by exact synonyms: 1', () => {
    expect(confidence(['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '完成状态'])).toBe(1);
  });
  test('the same groups named by contained words score lower', () => {
    // Contained, ending the cell: 35 + 5 per character + 15. 序号 100, 整改問題 (问题) 60, 安全整改措施 (整改措施) 70,
    // 主要牵头部门 (牵头部门) 70, 完成时限 100, 整改完成状态 (完成状态) 70: mean 78.3.
    expect(confidence(['序号', '整改問題', '安全整改措施', '主要牵头部门', '完成时限', '整改完成状态'])).toBe(0.78);
  });
  test('fewer than five fields, two core groups: lower still', () => {
    // (2 of 4 groups) x 0.8 x quality 1.
    expect(confidence(['序号', '整改措施', '完成时限', '备注'])).toBe(0.4);
  });
});

describe('the columns Taizhang adds are known by their exact labels only', () => {
  test('a user\'s traditional-script 期限狀態 is neither ours nor hidden from the ledger', () => {
    const g = sheet(['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '期限狀態']);
    const h = detectHeader(g);
    expect(h && h.lastColumn).toBe(6);
    const ours = sheet(['序号', '存在问题', '整改措施', '牵头部门', '完成时限', '期限状态', '截止日期', '剩余天数', '检查意见']);
    const o = detectHeader(ours);
    expect(o && o.lastColumn).toBe(5);
  });
});
