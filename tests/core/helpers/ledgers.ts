/**
 * Ledgers built in code in the messy shapes real departments use (docs/rules.md, "Ledgers as they are"): merged titles, a
 * 填报单位 row, two-row headers under merged parents, section rows for aspects, merged problem cells
 * (the Grid holds their lower cells as null, as Excel reports them), 合计 and 注 rows.
 */
import { CellValue, Grid } from '../../../src/core/model/grid';

type Row = CellValue[];
const _ = null;

/** 问题 -> 措施 under section-row aspects, with a two-row header. Columns A..J. */
export function twoRowHeaderLedger(): Grid {
  const rows: Row[] = [
    ['中共某某局党组关于省委第十巡视组反馈意见整改落实台账', _, _, _, _, _, _, _, _, _],
    ['填报单位（盖章）：某某局办公室        填报人：张三        填报时间：2022年7月10日', _, _, _, _, _, _, _, _, _],
    ['序号', '存在问题', '整改措施', '责任清单', _, _, '完成时限', '整改进展', _, '佐证材料'],
    [_, _, _, '责任领导', '牵头部门', '配合部门', _, '进展情况', '完成状态', _],
    ['一、学习贯彻习近平新时代中国特色社会主义思想不够深入', _, _, _, _, _, _, _, _, _],
    ['1', '理论学习中心组学习流于形式', '制定年度学习计划，每季度开展专题研讨', '王局长', '办公室', '人事处', '2022年6月底前', '已制定计划并开展2次研讨', '已完成', '学习计划.pdf'],
    [_, _, '建立学习考勤和通报制度', _, _, _, '2022年12月31日', '制度初稿已完成', '正在推进', _],
    ['2', '意识形态工作责任制落实不到位', '开展意识形态领域风险排查', '李副局长', '宣传处', _, '立行立改', '已完成排查', '已销号', '排查报告'],
    [_, _, '定期分析研判意识形态形势', _, _, _, '长期坚持', '', '持续推进', _],
    ['二、落实全面从严治党主体责任有差距', _, _, _, _, _, _, _, _, _],
    ['1', '对下属单位监督管理偏松偏软', '修订《下属单位管理办法》', '赵副局长', '', '纪检组', '2022年8月底之前', '已形成征求意见稿', '整改中', _],
    [_, _, '开展专项检查', _, _, _, '2022年5月中旬', '', '未启动', _],
    ['1', '公务接待不规范', '清理公务接待台账', '赵副局长', '财务处', _, '2022年2月30日', '正在清理', '推进中', _],
    [_, _, '=领导批示要求立即整改', _, _, _, '', '', '', _],
    ['合计', '', '8项', _, _, _, _, _, _, _],
    ['注：1.完成时限以整改方案为准；2.完成状态填写已完成、正在推进或未启动。', _, _, _, _, _, _, _, _, _],
  ];
  return { name: '整改台账', rows };
}

/** An aspect column, single-row header, synonyms, no status column (state read from 落实情况). */
export function aspectColumnLedger(): Grid {
  const rows: Row[] = [
    ['巡察反馈问题整改清单', _, _, _, _, _, _],
    ['编号', '问题类别', '问题表现', '具体措施', '牵头单位', '整改时限', '落实情况'],
    ['1', '党的领导', '民主集中制执行不严格', '修订党组议事规则', '办公室', '6月30日前', '已完成。修订了《党组工作规则》并印发执行。'],
    ['2', _, '三重一大决策程序不规范', '梳理近三年重大事项决策记录', '办公室', '9月底前', '正在推进，已完成2020年度梳理'],
    ['3', '作风建设', '文山会海问题突出', '精简会议文件', '综合科', '2022年第三季度', '未启动'],
    ['4', _, '调查研究不深入', '每名班子成员每年开展调研不少于2次', '政策研究室', '长期坚持', ''],
    ['5', _, '督查检查考核过多', '压减督查检查事项', '督查室', '反馈后2个月内', '部分完成'],
  ];
  return { name: 'Sheet1', rows };
}

/** An English-language action tracker. */
export function englishTracker(): Grid {
  const rows: Row[] = [
    ['Audit findings — corrective action tracker', _, _, _, _, _, _],
    ['No.', 'Category', 'Finding', 'Corrective action', 'Department', 'Due date', 'Status'],
    ['1', 'Procurement', 'Single-source purchases without approval', 'Add an approval step', 'Finance', { date: '2022-06-30' }, 'Completed'],
    ['2', 'Procurement', 'Contracts not registered', 'Register all contracts', 'Legal', { date: '2022-07-20' }, 'In progress'],
    ['3', 'IT', 'Shared admin passwords', 'Issue personal accounts', 'IT', 'immediately', 'Not started'],
    ['4', 'IT', 'No backup test', 'Quarterly restore test', 'IT', 'ongoing', 'Open'],
  ];
  return { name: 'Tracker', rows };
}

/** Notes above the header, a combined 责任单位/责任人 header and line breaks inside header cells. */
export function combinedHeaderLedger(): Grid {
  const rows: Row[] = [
    ['说明：本表由各责任单位每月5日前报送。', _, _, _, _, _],
    [_, _, _, _, _, _],
    ['序\n号', '反馈问题', '整改\n措施', '责任单位/责任人', '完成\n期限', '是否\n完成'],
    ['1', '干部选拔任用程序不规范', '全面梳理干部档案', '组织部\n王五', '2022.8.31', '是'],
    ['2', '专项资金使用不规范', '开展专项审计\n追回违规资金', '财务处等3家单位', '2022/6/30', '否'],
  ];
  return { name: '问题整改', rows, top: 1, left: 1 };
}
