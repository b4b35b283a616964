/**
 * WPS 表格's own pane words (strings.ts has Excel's). Only the WPS bundle carries them: taskpane.ts
 * registers them with useOwnWords when it builds the WPS host, and webpack leaves this module out of
 * the Excel bundle (webpack.config.js marks it free of side effects).
 */
import type { Lang } from '../core';
import { STRINGS, Strings } from './strings';

/**
 * The words that differ inside WPS 表格: its name, its menus and installer, what it lacks named by the
 * ET member that is missing (wpsFeatures in src/wps/cells.ts asks for each), never an ExcelApi
 * version. legacyWorkbook is empty: WPS opens .et and .xls itself and the add-in runs there as on
 * .xlsx, so there is nothing to say. Whether WPS can undo an add-in's writes is not known yet (the
 * probe does not write to find out): the consent says it may not.
 */
export const WPS_WORDS: Record<Lang, Partial<Strings>> = {
  zh: {
    notInExcel: '请在 WPS 表格中打开本加载项：运行安装程序（Windows 为 install.bat，Linux 为 install.sh），重启 WPS，再点“整改台账”选项卡 > 打开助手。',
    legacyWorkbook: '',
    connecting: '正在连接 WPS 表格……',
    noAnswer: 'WPS 表格没有响应：请从 WPS 表格的“整改台账”选项卡 > 打开助手打开本窗格；仍然如此时，请重新运行安装程序并重启 WPS。',
    skipped: '本机 WPS 表格缺少以下功能，已略过（{what}内容完整）：{list}。',
    undoTitle: 'WPS 表格不一定能撤销本加载项写入的内容。',
    undoBody: '“检查”会在台账最后一列之后写入四列，“生成汇总”“生成督办单”“对比上期”会在本工作簿中写入新的工作表，写入后未必能用“撤销”完整恢复。建议先另存一份副本，在副本上操作。',
    moveSheetsTitle: '本机 WPS 不能由加载项直接新建工作簿（缺少 wps.FileSystem 或 wps.Env），请手动移动汇总表：',
    moveSheets3: '右键单击其中一个标签，选“移动或复制工作表”；',
    officeError: 'WPS 表格未能完成操作：{message}',
    cellEdit: 'WPS 表格正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后再试。',
    chunkLoad: '未能从加载项文件夹读取本功能所需的文件，工作簿未作任何改动。请重新运行安装程序，重启 WPS 后重试。',
    features: {
      merges: '合并单元格（缺少 Range.MergeCells）',
      columnWidths: '列宽（缺少 Range.ColumnWidth）',
      dataBars: '数据条（缺少 Range.FormatConditions）',
      freezePanes: '冻结窗格（缺少 Application.ActiveWindow）',
      hyperlinks: '跳转到台账的超链接（缺少 Worksheet.Hyperlinks）',
      hyperlinksPastCap: STRINGS.zh.features.hyperlinksPastCap,
      autoFilter: '筛选按钮（缺少 Range.AutoFilter）',
      printSettings: '打印设置、页脚和页边距（缺少 Worksheet.PageSetup）',
      chartOrder: '图表中类别的排列顺序',
      chartFormats: '图表坐标轴和数据标签的百分比格式',
      rowHeights: '行高',
      charts: '图表（缺少 Worksheet.ChartObjects，表格数据已写入）',
    },
  },
  en: {
    notInExcel: 'Open this add-in in WPS Spreadsheets: run the installer (install.bat on Windows, install.sh on Linux), restart WPS, then click the 整改台账 tab > 打开助手.',
    legacyWorkbook: '',
    connecting: 'Connecting to WPS Spreadsheets…',
    noAnswer: 'WPS Spreadsheets did not answer: open this pane from its 整改台账 tab > 打开助手; if it persists, run the installer again and restart WPS.',
    skipped: 'This WPS Spreadsheets lacks these features, so they were skipped (the {what} itself is complete): {list}.',
    undoTitle: 'WPS Spreadsheets may not undo what this add-in writes.',
    undoBody: 'Check writes four columns after the ledger\'s last column; Summarize, Write notices and Compare write sheets of their own into this workbook. Undo may not take them back in full. You may want to save a copy first and work on the copy.',
    moveSheetsTitle: 'This WPS cannot let an add-in create a workbook (wps.FileSystem or wps.Env is missing). Move the summary sheets by hand:',
    moveSheets3: 'Right-click one of them and choose "Move or Copy Sheet";',
    officeError: 'WPS Spreadsheets could not finish: {message}',
    cellEdit: 'WPS Spreadsheets is editing a cell. Press Enter or Esc, then try again.',
    chunkLoad: 'A file this feature needs could not be read from the add-in\'s folder; the workbook was not changed. Run the installer again, restart WPS, then retry.',
    features: {
      merges: 'merged cells (Range.MergeCells is missing)',
      columnWidths: 'column widths (Range.ColumnWidth is missing)',
      dataBars: 'data bars (Range.FormatConditions is missing)',
      freezePanes: 'frozen panes (Application.ActiveWindow is missing)',
      hyperlinks: 'links to the ledger (Worksheet.Hyperlinks is missing)',
      hyperlinksPastCap: STRINGS.en.features.hyperlinksPastCap,
      autoFilter: 'filter buttons (Range.AutoFilter is missing)',
      printSettings: 'print settings, footers and margins (Worksheet.PageSetup is missing)',
      chartOrder: 'the order of chart categories',
      chartFormats: 'percent formats on chart axes and labels',
      rowHeights: 'row heights',
      charts: 'charts (Worksheet.ChartObjects is missing; the tables are written)',
    },
  },
};
