/**
 * Installs a fake Office/Excel host in the page before the task pane's bundle runs (the e2e test
 * passes this to page.addInitScript after the transpiled tests/excel/fake-excel.ts, which defines
 * window.__TaizhangFake). The workbook holds a small, realistic ledger: a title, a one-row header,
 * section rows, real Excel dates, Chinese deadline texts and a few deliberate mistakes.
 * Excel 2019 (ExcelApi 1.7), Chinese UI, options saved in the workbook.
 */
(function () {
  'use strict';
  var fake = window.__TaizhangFake;
  // Excel serials: 2022-06-30 = 44742, 2022-05-31 = 44712.
  var rows = [
    ['某单位巡察反馈问题整改落实台账', null, null, null, null, null, null, null],
    ['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态'],
    ['一、党的领导弱化方面', null, null, null, null, null, null, null],
    [1, '理论学习中心组学习制度执行不到位', '制定年度学习计划，每季度至少开展一次专题学习', '张某', '办公室', 44742, '已制定计划并开展两次专题学习', '已完成'],
    [2, '落实意识形态工作责任制不到位', '开展意识形态工作专项检查', '李某', '宣传部', '2022年6月底前', '检查方案已印发', '推进中'],
    [3, '“三重一大”决策制度执行不严格', '修订“三重一大”决策制度实施办法', '王某', '', '2022年7月20日', '已形成初稿', '推进中'],
    ['二、全面从严治党方面', null, null, null, null, null, null, null],
    [4, '公务接待管理不规范', '=清理2021年以来公务接待台账', '赵某', '财务处', '立行立改', '已完成清理', '已完成'],
    [5, '干部选拔任用程序不规范', '完善干部选拔任用工作流程', '钱某', '组织部', '2022年2月30日', '', '未启动'],
    [6, '基层党组织换届不及时', '督促到期党组织按期换届', '孙某', '组织部', '长期坚持', '已完成3个支部换届', '持续推进'],
    [6, '党费收缴不规范', '开展党费收缴专项检查', '周某', '组织部', 44712, '正在核对', '推进中'],
    [7, '巡察整改监督不到位', '建立整改销号台账', '吴某', '纪检组', '2022年12月底前', '已建立台账', '推进中'],
  ];
  var formats = rows.map(function (r) {
    return r.map(function (v, j) {
      return j === 5 && typeof v === 'number' ? 'yyyy/m/d' : null;
    });
  });
  // '#three-lists': the problem, task and responsibility lists on three sheets, with a roster and
  // planted orphans, on Excel with ExcelApi 1.8 (so 打开为新工作簿 can use Excel.createWorkbook).
  var threeLists = /three-lists/.test(window.location.hash);
  // '#compare': last period's version of the ledger, moved in before it (where Excel's Move or Copy
  // puts a sheet by default), stating its 填报时间, with a change of every kind planted against `rows`:
  // 1 newly done, 2 newly overdue with the same progress (stalled), 3 deadline moved later,
  // 6 done before and not now, 6' overdue then and now with the same progress, 7 another lead
  // department, 8 gone since; 5 is new. Excel 2016 (ExcelApi 1.1), written into before.
  var compare = /compare/.test(window.location.hash);
  var earlierRows = [
    ['某单位巡察反馈问题整改落实台账', null, null, null, null, null, null, null],
    ['填报单位：某单位办公室　　填报人：王某　　填报时间：2022年6月15日', null, null, null, null, null, null, null],
    ['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态'],
    ['一、党的领导弱化方面', null, null, null, null, null, null, null],
    [1, '理论学习中心组学习制度执行不到位', '制定年度学习计划，每季度至少开展一次专题学习', '张某', '办公室', 44742, '已制定计划', '推进中'],
    [2, '落实意识形态工作责任制不到位', '开展意识形态工作专项检查', '李某', '宣传部', '2022年6月底前', '检查方案已印发', '推进中'],
    [3, '“三重一大”决策制度执行不严格', '修订“三重一大”决策制度实施办法', '王某', '', '2022年6月30日', '正在起草', '推进中'],
    ['二、全面从严治党方面', null, null, null, null, null, null, null],
    [4, '公务接待管理不规范', '=清理2021年以来公务接待台账', '赵某', '财务处', '立行立改', '已完成清理', '已完成'],
    [5, '基层党组织换届不及时', '督促到期党组织按期换届', '孙某', '组织部', '长期坚持', '已完成换届', '已完成'],
    [6, '党费收缴不规范', '开展党费收缴专项检查', '周某', '组织部', 44712, '正在核对', '推进中'],
    [7, '巡察整改监督不到位', '建立整改销号台账', '吴某', '办公室', '2022年12月底前', '正在建立', '推进中'],
    [8, '公务用车管理不规范', '规范公务用车使用登记', '郑某', '后勤处', '2022年5月底前', '已完成登记', '已完成'],
  ];
  var earlierFormats = earlierRows.map(function (r) {
    return r.map(function (v, j) {
      return j === 5 && typeof v === 'number' ? 'yyyy/m/d' : null;
    });
  });
  // '#hazard': a project's hazard list (tests/host/teach.test.ts has the same rows, counted by hand):
  // 关闭 twice, 复查合格 (no built-in word) twice, 整改中, 开放, 未关闭, and a 隐患级别 column no field
  // takes; Excel 2016 (ExcelApi 1.1),
  // written into before. The pane's 识别设置 is tried on it (tests/e2e/teach.e2e.test.ts).
  var hazard = /hazard/.test(window.location.hash);
  var hazardRows = [
    ['某项目部隐患排查治理台账', null, null, null, null, null, null],
    ['序号', '隐患内容', '责任单位', '整改期限', '整改措施', '隐患状态', '隐患级别'],
    [1, '配电箱未上锁', '机电队', '2023年5月10日', '配电箱加锁并张贴警示', '关闭', '一般隐患'],
    [2, '基坑临边防护缺失', '土建一队', '2023年5月20日', '设置防护栏杆', '关闭', '重大隐患'],
    [3, '灭火器过期未更换', '后勤组', '2023年6月1日', '更换灭火器', '复查合格', '一般隐患'],
    [4, '通道堆放钢管', '土建二队', '2023年6月20日', '清理通道', '复查合格', '一般隐患'],
    [5, '脚手板未满铺', '土建一队', '2023年6月10日', '满铺脚手板', '整改中', '一般隐患'],
    [6, '消防通道被占用', '后勤组', '2023年7月30日', '清理并划线', '开放', '一般隐患'],
    [7, '塔吊限位器失灵', '机电队', '2023年6月12日', '更换限位器', '未关闭', '重大隐患'],
  ];
  var sheets = hazard
    ? [{ name: '隐患台账', rows: hazardRows }]
    : compare
    ? [
        { name: '填报说明', rows: [['请于每月25日前更新整改进展。']] },
        { name: '上期台账', rows: earlierRows, formats: earlierFormats },
        { name: '整改台账', rows: rows, formats: formats },
      ]
    : threeLists
    ? [
        { name: '问题清单', rows: [
          ['问题清单', null, null],
          ['序号', '问题类别', '存在问题'],
          ['1', '党的领导', '理论学习中心组学习流于形式'],
          ['2', null, '意识形态责任制落实不到位'],
          ['3', '作风建设', '文山会海问题突出'],
          ['4', null, '督查检查考核过多'],
        ] },
        { name: '任务清单', rows: [
          ['序号', '对应问题', '整改措施', '完成时限', '完成情况'],
          ['1', '1', '制定年度学习计划', '2022年6月底前', '已完成'],
          ['2', null, '建立学习考勤制度', '2022年12月底前', '正在推进'],
          ['3', '2', '=开展意识形态风险排查', '立行立改', '已完成整改'],
          ['4', '9', '清理会议文件', '2022年5月中旬', '未启动'],
          ['5', '4', '压减督查检查事项', '2022年7月20日', '推进中'],
        ] },
        { name: '责任清单', rows: [
          ['任务序号', '责任领导', '牵头部门', '责任人'],
          ['1', '王局长', '办公室', '张三'],
          ['2', '李副局长', '人事科', '李四'],
          ['3', '赵副局长', '宣传处', '赵六'],
          ['5', '李副局长', '财务处', '孙八'],
          ['8', '赵副局长', '办公室', '周九'],
        ] },
        { name: '部门名单', rows: [['部门名称'], ['办公室'], ['人事处'], ['财务处'], ['宣传处']] },
      ]
    : [
        { name: '填报说明', rows: [['请于每月25日前更新整改进展。']] },
        { name: '整改台账', rows: rows, formats: formats },
        // The user's own sheet that happens to share a summary sheet's name: never touched.
        { name: '总览', rows: [['各处室联系人'], ['办公室', '张三', '8801']] },
        // A 汇总台账 left by an older version, which recorded nothing: the user's now. It repeats the
        // ledger's columns, but the pane does not pick it as the ledger while 整改台账 is there.
        { name: '汇总台账', rows: [
          ['序号', '方面', '存在问题', '整改措施', '责任领导', '牵头部门', '配合部门', '责任人', '完成时限', '截止日期', '完成状态', '期限状态', '剩余天数', '整改进展', '来源文件', '工作表', '行号'],
          [1, '一、党的领导方面', '理论学习不深入', '制定年度学习计划', '张某', '办公室', '', '', '2022年6月底前', '', '已完成', '已完成', '', '已制定', '台账.xlsx', '整改台账', 5],
        ] },
      ];
  var host = fake.createFakeHost({
    apiVersion: threeLists ? '1.8' : compare || hazard ? '1.1' : '1.7',
    displayLanguage: 'zh-CN',
    sheets: sheets,
    settings: Object.assign(
      { 'taizhang.options': JSON.stringify(hazard ? { asOf: '2023-06-15' } : { asOf: '2022-07-15', start: threeLists ? '2022-02-24' : '2022-03-01', dueSoonDays: 10, immediateDays: 30 }) },
      // The three-list workbook was written into before: the pane does not ask again.
      threeLists || compare || hazard ? { 'taizhang.writeConsent': JSON.stringify({ accepted: true, on: '2022-07-01' }) } : {},
      // '#hazard-taught': the same list, taught 复查合格 before (as 识别设置 saves it).
      /hazard-taught/.test(window.location.hash) ? { 'taizhang.taught': JSON.stringify({ status: { closed: ['复查合格'] } }) } : {},
    ),
  });
  window.__fakeHost = host;
  // Under the stand-in (tests/e2e/standin), the real office.js talks to this workbook over window.external.
  if (window.__standIn) return;
  window.Office = host.Office;
  window.Excel = host.Excel;
})();
