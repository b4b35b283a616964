/** Three-list workbooks (问题清单、任务清单、责任清单 and a 部门名单) with planted faults of every kind. */
import { CellValue, Grid } from '../../../src/core/model/grid';

const _ = null;
type Row = CellValue[];

export function problemList(): Grid {
  const rows: Row[] = [
    ['问题清单', _, _],
    ['序号', '问题类别', '存在问题'],
    ['1', '党的领导', '理论学习中心组学习流于形式'],
    ['2', _, '意识形态责任制落实不到位'],
    ['3', '作风建设', '文山会海问题突出'], // no task serves it
    ['4', _, '督查检查考核过多'],
    ['4', _, '调查研究不深入'], // duplicate 序号
  ];
  return { name: '问题清单', rows };
}

export function taskList(refHeader = '对应问题', seqHeader = '序号'): Grid {
  const rows: Row[] = [
    [seqHeader, refHeader, '整改措施', '完成时限', '完成情况'],
    ['1', '1', '制定年度学习计划', '2022年6月底前', '已完成'],
    ['2', _, '建立学习考勤制度', '2022年12月底前', '正在推进'], // merged 问题序号: still problem 1
    ['3', '2', '开展意识形态风险排查', '立行立改', '已完成整改'],
    ['4', '9', '清理会议文件', '2022年5月中旬', '未启动'], // problem 9 does not exist
    ['5', '２', '定期分析研判', '长期坚持', ''], // no responsibility row; full-width ref
    ['6', '4', '压减督查检查事项', '2022年7月20日', '推进中'],
  ];
  return { name: '任务清单', rows };
}

export function responsibilityList(refHeader = '任务序号'): Grid {
  const rows: Row[] = [
    ['责任清单', _, _, _],
    [_, _, _, _],
    [refHeader, '责任领导', '牵头部门', '责任人'],
    ['1', '王局长', '办公室', '张三'],
    ['2', '李副局长', '人事科', '李四'], // 人事科 is not on the roster (人事处 is)
    [_, _, '财务处', '王五'], // a second responsibility row for task 2
    ['3', '赵副局长', '宣传处', '赵六'],
    ['4', '王局长', '办公室', '钱七'],
    ['6', '李副局长', '财务处', '孙八'],
    ['8', '赵副局长', '办公室', '周九'], // task 8 does not exist
  ];
  return { name: '责任清单', rows };
}

export function roster(): Grid {
  return { name: '部门名单', rows: [['部门名称'], ['办公室'], ['人事处'], ['财务处'], ['宣传处']] };
}

/** The same measures written as one combined ledger, for comparing totals. */
export function combinedEquivalent(): Grid {
  const rows: Row[] = [
    ['序号', '问题类别', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '完成情况'],
    ['1', '党的领导', '理论学习中心组学习流于形式', '制定年度学习计划', '王局长', '办公室', '2022年6月底前', '已完成'],
    ['2', _, _, '建立学习考勤制度', '李副局长', '人事科、财务处', '2022年12月底前', '正在推进'],
    ['3', _, '意识形态责任制落实不到位', '开展意识形态风险排查', '赵副局长', '宣传处', '立行立改', '已完成整改'],
    ['4', _, '', '清理会议文件', '王局长', '办公室', '2022年5月中旬', '未启动'],
    ['5', _, '意识形态责任制落实不到位', '定期分析研判', _, _, '长期坚持', ''],
    ['6', '作风建设', '督查检查考核过多', '压减督查检查事项', '李副局长', '财务处', '2022年7月20日', '推进中'],
  ];
  return { name: '台账', rows };
}
