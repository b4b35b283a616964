/**
 * Builds samples/整改台账-示例.xlsx: a realistic 整改台账 in the messy shapes of real ledgers (docs/rules.md), for
 * `npm run demo` and for tests, and samples/整改台账-示例-二.xlsx: a second department's ledger in
 * another shape, so the demo can consolidate two. Run: npm run sample (compiles into lib/tools, then runs).
 *
 * Everything is fixed (the workbook dates too), so the same file comes out every time. The demo
 * checks it with --start 2022-02-24 (the seed's feedback date) --as-of 2022-07-15.
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';

/** 填报时间 and the workbook's own dates: the as-of of the demo. */
const AS_OF = new Date(Date.UTC(2022, 6, 15));

type Deadline = string | Date;

interface Measure {
  text: string;
  leader: string;
  dept: string;
  co: string;
  deadline: Deadline;
  progress: string;
  status: string;
  evidence?: string;
  notes?: string;
  /** A seq typed twice by mistake. */
  seq?: string;
}

interface Problem {
  text: string;
  measures: Measure[];
}

interface Aspect {
  title: string;
  problems: Problem[];
}

const d = (y: number, m: number, day: number) => new Date(Date.UTC(y, m - 1, day));

/** Aspects and problems follow the seed report (省港澳办党组巡视整改进展情况通报); measures are typical. */
const ASPECTS: Aspect[] = [
  {
    title: '一、党的领导不够坚强有力，落实党的理论路线方针政策和党中央重大决策部署不到位',
    problems: [
      {
        text: '（一）学习贯彻落实习近平新时代中国特色社会主义思想不够深入',
        measures: [
          { text: '严格落实第一议题制度，每次党组会议首先学习习近平总书记最新重要讲话精神', leader: '张明', dept: '办公室', co: '机关党委', deadline: '立行立改，长期坚持', progress: '已建立第一议题学习台账，2022年以来学习28次', status: '已完成，长期坚持', evidence: '党组会议纪要' },
          { text: '制定党组理论学习中心组年度学习计划，每季度至少开展1次专题研讨', leader: '张明', dept: '机关党委', co: '办公室', deadline: '2022年3月底前', progress: '年度学习计划已印发', status: '已完成', evidence: '学习计划文件' },
          { text: '督促各党支部通过“三会一课”、主题党日加强政治理论学习', leader: '李华', dept: '机关党委', co: '-', deadline: '常态化', progress: '', status: '持续推进' },
        ],
      },
      {
        text: '（二）推动粤港澳交流合作高质量发展乏力',
        measures: [
          { text: '加强专题调研，形成深化粤港澳合作调研报告', leader: '王强', dept: '政策研究处', co: '联络处', deadline: '2022年6月底前', progress: '已完成初稿，正在征求意见', status: '正在推进' },
          { text: '优化因公赴港澳人员审批办证信息管理系统', leader: '王强', dept: '信息中心', co: '因公赴港澳处', deadline: '2022.8.31', progress: '系统需求已确认\n正在开发测试', status: '整改中' },
          { text: '梳理汇总支持港澳青年就业创业政策并加强宣传推介', leader: '赵敏', dept: '联络处', co: '宣传处', deadline: '9月底前', progress: '已梳理政策清单36项', status: '按序时推进' },
          { text: '组织召开全省港澳系统业务培训班', leader: '赵敏', dept: '人事处', co: '各处室', deadline: '2022年5月中旬', progress: '5月18日已举办，培训120人次', status: '已办结', evidence: '培训通知、签到表' },
        ],
      },
      {
        text: '（三）落实意识形态工作责任制存在薄弱环节',
        measures: [
          { text: '修订意识形态工作责任制实施细则', leader: '张明', dept: '宣传处', co: '办公室', deadline: '2022/6/30', progress: '细则已经党组会审议通过', status: '已落实', evidence: '' },
          { text: '制定保密宣传教育月活动实施方案，开展保密教育', leader: '李华', dept: '保密办', co: '', deadline: '即知即改', progress: '已开展保密教育2次', status: '已完成整改尚未销号', evidence: '活动方案' },
          { text: '每半年开展1次意识形态领域风险研判', leader: '张明', dept: '宣传处', co: '-', deadline: '长期坚持', progress: '上半年研判已完成', status: '持续推进' },
        ],
      },
    ],
  },
  {
    title: '二、贯彻落实全面从严治党战略部署有差距',
    problems: [
      {
        text: '（一）主体责任扛得不牢',
        measures: [
          { text: '制定党组落实全面从严治党主体责任清单', leader: '张明', dept: '机关党委', co: '办公室', deadline: d(2022, 4, 30), progress: '清单已印发', status: '已销号', evidence: '责任清单' },
          { text: '党组书记与班子成员、处室负责人开展廉政谈话', leader: '张明', dept: '机关纪委', co: '人事处', deadline: '反馈后1个月内', progress: '已谈话45人次', status: '已完成', evidence: '谈话记录' },
          { text: '每年至少2次专题研究全面从严治党工作', leader: '张明', dept: '办公室', co: '机关党委', deadline: '2022年底前', progress: '已专题研究1次', status: '正在推进' },
        ],
      },
      {
        text: '（二）机关纪委监督责任抓而不实',
        measures: [
          { text: '配齐配强机关纪委专职干部', leader: '李华', dept: '人事处', co: '机关纪委', deadline: '2个月内', progress: '已选调1名专职干部，尚缺1名', status: '部分整改' },
          { text: '建立日常监督工作台账，开展常态化监督检查', leader: '李华', dept: '机关纪委', co: '', deadline: '30个工作日内', progress: '台账已建立', status: '已整改' },
          { text: '开展廉政风险点排查，完善防控措施', leader: '李华', dept: '', co: '各处室', deadline: '2022年第三季度', progress: '已排查风险点52个', status: '基本完成' },
        ],
      },
      {
        text: '（三）重点领域、关键环节存在管理漏洞',
        measures: [
          { text: '修订采购与资产管理规定', leader: '王强', dept: '财务处', co: '办公室', deadline: '二〇二二年十月底前', progress: '已形成征求意见稿', status: '未完成但达到序时进度' },
          { text: '全面清查固定资产，做到账实相符', leader: '王强', dept: '财务处', co: '机关服务中心', deadline: '２０２２年１２月底前', progress: '已清查办公设备1260件', status: '正在整改' },
          { text: '规范公务接待审批和报销流程', leader: '王强', dept: '财务处', co: '办公室', deadline: '6月30日前', progress: '流程已修订，正在试行', status: '滞后' },
          { text: '对2019年以来的合同进行全面梳理并建立台账', leader: '王强', dept: '办公室', co: '法规处', deadline: '2022年2月30日前', progress: '已梳理合同87份', status: '正在推进' },
          { text: '开展政府采购专项检查', leader: '王强', dept: '机关纪委', co: '财务处', deadline: '7、8月', progress: '', status: '未启动' },
        ],
      },
      {
        text: '（四）违反中央八项规定精神、“四风”问题仍有发生',
        measures: [
          { text: '对公务用车使用情况进行专项检查', leader: '李华', dept: '机关服务中心', co: '机关纪委', deadline: '8月底之前', progress: '检查方案已制定', status: '推进中' },
          { text: '精简会议文件，控制发文数量', leader: '张明', dept: '办公室', co: '-', deadline: '持续整改', progress: '发文同比下降18%', status: '持续推进' },
          { text: '对违规发放津补贴问题追缴清退', leader: '王强', dept: '财务处', co: '人事处', deadline: '2022年7月20日', progress: '已追缴3.2万元，剩余部分正在追缴', status: '未完成', notes: '=领导批示：限期追缴到位' },
        ],
      },
    ],
  },
  {
    title: '三、落实新时代党的组织路线存在薄弱环节，领导班子和干部队伍建设有待加强',
    problems: [
      {
        text: '（一）党组领导作用发挥不充分',
        measures: [
          { text: '修订党组工作规则和议事决策规则', leader: '张明', dept: '办公室', co: '法规处', deadline: '上半年', progress: '规则已印发', status: '是', evidence: '党组工作规则' },
          { text: '落实“三重一大”集体决策制度', leader: '张明', dept: '办公室', co: '', deadline: '立行立改', progress: '正在修订实施办法', status: '正在推进' },
        ],
      },
      {
        text: '（二）干部选拔任用工作存在不规范问题',
        measures: [
          { text: '严格执行干部选拔任用工作条例，规范动议、民主推荐等程序', leader: '李华', dept: '人事处', co: '机关纪委', deadline: '立行立改', progress: '已开展专题培训', status: '待审核' },
          { text: '对近三年干部选拔任用档案进行全面核查', leader: '李华', dept: '人事处', co: '', deadline: '1-8月', progress: '已核查档案40卷', status: '整改中' },
          { text: '完善干部人事档案专项审核工作机制', leader: '李华', dept: '人事处', co: '-', deadline: '2022年7月下旬', progress: '草案已形成', status: '按序时推进', seq: '26' },
        ],
      },
      {
        text: '（三）干部队伍建设存在薄弱环节',
        measures: [
          { text: '制定年轻干部培养三年规划', leader: '李华', dept: '人事处', co: '机关党委', deadline: '2023-2025年', progress: '规划已起草', status: '正在推进' },
          { text: '建立干部交流轮岗机制', leader: '李华', dept: '人事处', co: '各处室', deadline: '分阶段整改', progress: '已交流轮岗5人', status: '阶段性完成' },
          { text: '加强干部日常管理监督，开展谈心谈话', leader: '张明', dept: '人事处', co: '机关党委', deadline: '2022年12月31日', progress: '已开展谈心谈话68人次', status: '正在推进' },
        ],
      },
      {
        text: '（四）推进基层党组织建设力度不够',
        measures: [
          { text: '开展党支部标准化规范化建设', leader: '李华', dept: '机关党委', co: '各党支部', deadline: '2024年底前，并长期坚持', progress: '已完成3个支部达标验收', status: '持续推进' },
          { text: '按期完成党支部换届选举', leader: '李华', dept: '机关党委', co: '', deadline: d(2022, 7, 22), progress: '2个支部已完成换届，1个支部正在筹备', status: '正在推进' },
        ],
      },
    ],
  },
  {
    title: '四、落实主题教育检视问题和巡视、审计监督发现问题的整改不到位',
    problems: [
      {
        text: '（一）主题教育检视问题整改不彻底',
        measures: [
          { text: '对主题教育检视问题进行“回头看”，逐项对账销号', leader: '张明', dept: '机关党委', co: '办公室', deadline: '2022年5月底前\n2022年9月底前全面完成', progress: '已完成回头看，尚有2项未销号', status: '基本完成' },
        ],
      },
      {
        text: '（二）巡视整改落实不彻底',
        measures: [
          { text: '建立巡视整改长效机制，定期开展整改成效评估', leader: '张明', dept: '办公室', co: '机关纪委', deadline: '尽快', progress: '', status: '尚未整改' },
          { text: '对上轮巡视反馈问题整改情况进行全面复查', leader: '张明', dept: '机关纪委', co: '办公室', deadline: '2022年6月底前', progress: '复查发现3项需深化整改', status: '被驳回' },
        ],
      },
      {
        text: '（三）审计发现问题整改不到位',
        measures: [
          { text: '对审计指出的预算执行问题逐项整改', leader: '王强', dept: '财务处', co: '', deadline: '', progress: '已整改5项', status: '已整改未到位' },
          { text: '建立审计整改销号台账，完善内部审计制度', leader: '王强', dept: '财务处', co: '@审计处', deadline: '2022年11月', progress: '', status: '待销号' },
          { text: '追回违规资金并上缴国库', leader: '王强', dept: '财务处', co: '-', deadline: '反馈后5个月内', progress: '已追回资金18.6万元', status: '否' },
        ],
      },
    ],
  },
];

const BORDER: Partial<ExcelJS.Borders> = (() => {
  const thin: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF000000' } };
  return { top: thin, left: thin, bottom: thin, right: thin };
})();
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const SECTION_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const FONT = '仿宋_GB2312';

export function buildSample(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '某局办公室';
  wb.created = AS_OF;
  wb.modified = AS_OF;
  const ws = wb.addWorksheet('整改台账', {
    views: [{ state: 'frozen', ySplit: 4, xSplit: 0, topLeftCell: 'A5' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '3:4' },
  });
  const widths = [6, 26, 40, 9, 12, 12, 16, 30, 12, 14, 16];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  const LAST = 'K';

  ws.getCell('A1').value = '中共某市某局党组关于市委第三巡察组反馈意见整改落实情况台账';
  ws.mergeCells(`A1:${LAST}1`);
  ws.getCell('A1').font = { name: '方正小标宋简体', size: 16, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 36;

  ws.getCell('A2').value = '填报单位（盖章）：某局办公室　　　　填报人：王某某　　　　联系电话：0000-12345678　　　　填报时间：2022年7月15日';
  ws.mergeCells(`A2:${LAST}2`);
  ws.getCell('A2').font = { name: FONT, size: 11 };

  const top = ['序号', '存在问题', '整改措施', '责任清单', null, null, '完成时限', '整改进展', null, '佐证材料', '备注'];
  const sub = [null, null, null, '责任领导', '牵头部门', '配合部门', null, '进展情况', '完成状态', null, null];
  top.forEach((v, i) => (ws.getCell(3, i + 1).value = v));
  sub.forEach((v, i) => {
    if (v) ws.getCell(4, i + 1).value = v;
  });
  for (const range of ['A3:A4', 'B3:B4', 'C3:C4', 'D3:F3', 'G3:G4', 'H3:I3', 'J3:J4', 'K3:K4']) ws.mergeCells(range);
  for (const r of [3, 4]) {
    for (let c = 1; c <= 11; c++) {
      const cell = ws.getCell(r, c);
      cell.font = { name: '黑体', size: 11, bold: true };
      cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    }
  }
  ws.getRow(3).height = 22;
  ws.getRow(4).height = 22;

  let row = 5;
  let seq = 0;
  const body = (cell: ExcelJS.Cell) => {
    cell.font = { name: FONT, size: 11 };
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', wrapText: true };
  };
  for (const aspect of ASPECTS) {
    ws.getCell(row, 1).value = aspect.title;
    ws.mergeCells(row, 1, row, 11);
    const sec = ws.getCell(row, 1);
    sec.font = { name: '黑体', size: 12, bold: true };
    sec.fill = SECTION_FILL;
    sec.border = BORDER;
    row++;
    for (const problem of aspect.problems) {
      const first = row;
      for (const m of problem.measures) {
        seq++;
        const values: (string | number | Date | null)[] = [
          m.seq ? Number(m.seq) : seq,
          row === first ? problem.text : null,
          m.text,
          m.leader,
          m.dept || null,
          m.co || null,
          m.deadline === '' ? null : m.deadline,
          m.progress || null,
          m.status,
          m.evidence || null,
          m.notes || null,
        ];
        values.forEach((v, i) => {
          const cell = ws.getCell(row, i + 1);
          cell.value = v;
          body(cell);
          if (v instanceof Date) cell.numFmt = 'yyyy"年"m"月"d"日"';
        });
        ws.getCell(row, 1).alignment = { horizontal: 'center', vertical: 'middle' };
        row++;
      }
      // The problem cell spans its measures, as in most real ledgers.
      if (row - 1 > first) ws.mergeCells(first, 2, row - 1, 2);
    }
  }

  // 合计 and 注 rows below the items: not items.
  ws.getCell(row, 1).value = '合计';
  ws.mergeCells(row, 1, row, 2);
  ws.getCell(row, 3).value = `共${seq}项整改措施`;
  for (let c = 1; c <= 11; c++) {
    const cell = ws.getCell(row, c);
    cell.font = { name: FONT, size: 11, bold: true };
    cell.border = BORDER;
  }
  row++;
  ws.getCell(row, 1).value =
    '注：1.完成时限按整改方案填写；2.完成状态填写“已完成”“正在推进”“未启动”等；3.已完成事项须附佐证材料；4.本表每月5日前报巡察整改工作领导小组办公室。';
  ws.mergeCells(row, 1, row, 11);
  ws.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.getCell(row, 1).font = { name: FONT, size: 10 };
  ws.getRow(row).height = 32;

  // A small statistics sheet with formulas (cached results, as Excel would have saved them).
  const stats = wb.addWorksheet('统计');
  stats.getCell('A1').value = '项目';
  stats.getCell('B1').value = '数量';
  stats.getCell('A2').value = '整改措施总数';
  stats.getCell('B2').value = { formula: `COUNTA(整改台账!C6:C${row - 2})`, result: seq };
  stats.getCell('A3').value = '填表说明';
  stats.getCell('B3').value = '完成时限以整改方案为准';
  stats.getColumn(1).width = 16;
  stats.getColumn(2).width = 24;
  return wb;
}

/* ------------------------------------------------------------------------------------------ */
/* The second sample: another department's ledger in another shape, to show consolidation.     */
/* ------------------------------------------------------------------------------------------ */

interface RowTwo {
  /** 问题类别: blank cells below an aspect belong to it (the column is merged down). */
  aspect?: string;
  problem?: string;
  measure: string;
  leader: string;
  dept: string;
  co?: string;
  deadline: Deadline;
  /** 落实情况: progress and state in one cell, as many ledgers keep it (no status column). */
  result: string;
  /** 销号时间: a date means closed. */
  closedOn?: Date;
  notes?: string;
}

/**
 * A district bureau's 巡察整改 ledger: one title row, a single header row with other words for the
 * columns (问题类别, 问题表现, 整改举措, 分管领导, 责任单位, 整改时限, 落实情况, 销号时间), aspects in a
 * column rather than section rows, and no status column. Departments overlap the first sample's
 * (办公室, 财务处, 人事处, 机关纪委), one measure is led jointly, and one aspect is the first sample's
 * without its enumerator, so a consolidated summary merges them.
 */
const ROWS_TWO: RowTwo[] = [
  { aspect: '贯彻落实全面从严治党战略部署有差距', problem: '“三重一大”事项集体决策执行不严格', measure: '修订“三重一大”决策制度实施细则，明确决策事项清单', leader: '陈刚', dept: '办公室', co: '法规科', deadline: '2022年5月31日', result: '已完成，细则已印发执行', closedOn: d(2022, 6, 20) },
  { measure: '对2021年以来重大事项决策程序开展自查', leader: '陈刚', dept: '办公室、财务处', co: '', deadline: '2022年7月10日前', result: '正在推进，已自查事项23项', notes: '=领导批示：7月底前报送自查报告' },
  { problem: '财务管理不规范', measure: '开展财务收支专项检查，建立问题清单', leader: '周静', dept: '财务处', co: '机关纪委', deadline: d(2022, 7, 31), result: '检查已启动，正在核对凭证' },
  { measure: '规范差旅费报销审核，退还超标准报销费用', leader: '周静', dept: '财务处', co: '', deadline: '立行立改', result: '已完成，已退还1.6万元' },
  { measure: '修订内部控制手册', leader: '周静', dept: '财务处', co: '办公室', deadline: '2022年第四季度', result: '+3项制度待局务会审议' },
  { aspect: '基层党组织建设薄弱', problem: '支部组织生活不规范', measure: '建立支部“三会一课”登记台账，每季度检查一次', leader: '孙伟', dept: '机关党委', co: '各支部', deadline: '常态化', result: '已建立台账，第二季度检查已开展' },
  { measure: '开展支部书记轮训', leader: '孙伟', dept: '机关党委', co: '人事处', deadline: '2022年6月底前', result: '未启动' },
  { problem: '党员发展和教育管理不严', measure: '对近五年发展党员档案进行全面核查', leader: '孙伟', dept: '人事处', co: '机关党委', deadline: '2022年7月20日', result: '正在推进，已核查档案31份' },
  { measure: '完善党员积分管理办法', leader: '孙伟', dept: '人事处', co: '', deadline: '2022年9月30日', result: '已形成初稿' },
  { aspect: '干部队伍建设有短板', problem: '干部培训针对性不强', measure: '制定年度干部教育培训计划', leader: '吴芳', dept: '人事处', co: '', deadline: '2022年4月30日', result: '已完成', closedOn: d(2022, 5, 10) },
  { measure: '开展业务能力专题培训不少于4期', leader: '吴芳', dept: '人事处', co: '各科室', deadline: '2022年12月31日', result: '已开展2期，培训160人次' },
  { problem: '执纪监督不到位', measure: '对重点岗位人员开展廉政谈话', leader: '吴芳', dept: '机关纪委', co: '人事处', deadline: '2022年7月22日', result: '已谈话18人，剩余人员正在安排' },
  { measure: '建立廉政风险点动态调整机制', leader: '吴芳', dept: '机关纪委', co: '', deadline: '', result: '正在研究' },
  { measure: '开展违规收送礼品礼金专项整治', leader: '吴芳', dept: '机关纪委', co: '办公室', deadline: '7月中旬', result: '基本完成，已自查自纠' },
  { aspect: '意识形态工作责任落实不到位', problem: '网络舆情应对机制不健全', measure: '制定网络舆情应急处置预案', leader: '陈刚', dept: '宣传科', co: '信息中心', deadline: '2022年6月30日', result: '预案已起草，尚未印发' },
  { measure: '-组织开展舆情应对演练', leader: '陈刚', dept: '宣传科', co: '', deadline: '2022年11月底前', result: '' },
];

export function buildSampleTwo(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = '某区分局';
  wb.created = AS_OF;
  wb.modified = AS_OF;
  const ws = wb.addWorksheet('巡察整改台账', {
    views: [{ state: 'frozen', ySplit: 2, xSplit: 0, topLeftCell: 'A3' }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '2:2' },
  });
  const header = ['序号', '问题类别', '问题表现', '整改举措', '分管领导', '责任单位', '配合单位', '整改时限', '落实情况', '销号时间', '备注'];
  const widths = [6, 18, 24, 36, 9, 14, 12, 16, 30, 12, 20];
  widths.forEach((w, i) => (ws.getColumn(i + 1).width = w));
  ws.getCell('A1').value = '某区分局巡察整改落实情况台账（截至2022年7月15日）';
  ws.mergeCells('A1:K1');
  ws.getCell('A1').font = { name: '方正小标宋简体', size: 15, bold: true };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 32;
  header.forEach((h, i) => {
    const cell = ws.getCell(2, i + 1);
    cell.value = h;
    cell.font = { name: '黑体', size: 11, bold: true };
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });

  let row = 3;
  let aspectFirst = row;
  let problemFirst = row;
  const closeMerges = (first: number, last: number, col: number) => {
    if (last > first) ws.mergeCells(first, col, last, col);
  };
  ROWS_TWO.forEach((m, i) => {
    if (m.aspect && row > 3) {
      closeMerges(aspectFirst, row - 1, 2);
      aspectFirst = row;
    }
    if ((m.problem || m.aspect) && row > 3) {
      closeMerges(problemFirst, row - 1, 3);
      problemFirst = row;
    }
    const values: (string | number | Date | null)[] = [
      i + 1, m.aspect || null, m.problem || null, m.measure, m.leader, m.dept, m.co || null,
      m.deadline === '' ? null : m.deadline, m.result || null, m.closedOn || null, m.notes || null,
    ];
    values.forEach((v, c) => {
      const cell = ws.getCell(row, c + 1);
      cell.value = v;
      cell.font = { name: FONT, size: 11 };
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true, horizontal: c === 0 ? 'center' : undefined };
      if (v instanceof Date) cell.numFmt = 'yyyy-mm-dd';
    });
    row++;
  });
  closeMerges(aspectFirst, row - 1, 2);
  closeMerges(problemFirst, row - 1, 3);
  return wb;
}

async function main(): Promise<void> {
  const out = path.resolve(__dirname, '../../../samples/整改台账-示例.xlsx');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  await buildSample().xlsx.writeFile(out);
  process.stdout.write('wrote ' + path.relative(process.cwd(), out) + '\n');
  const two = path.join(path.dirname(out), '整改台账-示例-二.xlsx');
  await buildSampleTwo().xlsx.writeFile(two);
  process.stdout.write('wrote ' + path.relative(process.cwd(), two) + '\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exitCode = 1;
  });
}
