/**
 * Strings that only the command line says: usage, option hints and its own failures. The report
 * wording shared with the add-in lives in src/core/words/check.ts.
 */
import { format } from '../core/text/format';
import { DEFAULTS } from '../core/model/options';
import { Lang } from '../core/model/result';

const TEXT = {
  zh: {
    'usage.unknownOption': '未知选项 {option}。运行 taizhang --help 查看用法。',
    'usage.missingValue': '选项 {option} 缺少取值。运行 taizhang --help 查看用法。',
    'usage.flagValue': '选项 {option} 不带取值。',
    'usage.noCommand': '请指定命令：taizhang check <台账.xlsx>、taizhang summary <台账.xlsx>... --out 汇总.xlsx 或 taizhang compare <上期.xlsx> <本期.xlsx>。运行 taizhang --help 查看用法。',
    'usage.unknownCommand': '未知命令“{command}”。可用命令：check、summary、compare、report。运行 taizhang --help 查看用法。',
    'usage.compareFiles': 'compare 需要两个台账文件，先上期、后本期：taizhang compare <上期.xlsx> <本期.xlsx>。',
    'usage.compareSame': 'compare 的两个文件是同一个文件“{file}”。请给出上期和本期两个版本。',
    'compare.sinceUnknown': '无法确定上期台账“{file}”的判断日期：表中没有写明填报时间，文档属性中也没有修改时间。请用 --since YYYY-MM-DD 指定上期的日期。',
    'compare.sinceAfter': '上期台账“{file}”的判断日期 {since} 晚于本期的 {asOf}。请检查文件顺序（先上期、后本期），或用 --since、--as-of 指定日期。',
    'compare.written': '已写出对比工作簿：{file}',
    'hint.previous': '请写上期台账文件的路径。',
    'usage.previousIsInput': '--previous 的上期台账“{file}”同时列为本期台账。请给出上期的另一份文件。',
    'summary.previousUnmatched': '上期台账“{file}”与本期的任何台账都对不上（文件名不同，整改措施也大多不同）。请检查 --previous 给出的文件。',
    'summary.period': '与上期（{since}）相比：{sentence}',
    'usage.checkFiles': 'check 需要且只需要一个台账文件：taizhang check <台账.xlsx>。',
    'usage.outIsInput': '--out 不能是输入文件本身（Taizhang 从不修改原始台账）。请换一个输出文件名。',
    'usage.summaryFiles': 'summary 需要至少一个台账文件：taizhang summary <台账.xlsx>... --out 汇总.xlsx。',
    'usage.summaryOut': 'summary 需要用 --out 指定汇总工作簿，例如 --out 汇总.xlsx（只要 JSON 时可改用 --json）。',
    'usage.duplicateFile': '文件“{file}”重复列出，汇总时每个台账只能列一次。',
    'usage.noticesIsFile': '--notices 需要一个文件夹，但“{dir}”是一个文件。请换一个文件夹名。',
    'usage.outFolder': '--out 所在的文件夹“{dir}”不存在。请先建立该文件夹，或换一个输出位置。',
    'usage.outMacro': '“{file}”是启用宏的工作簿（.xlsm）。为原样保留其中的宏，--out 请以 .xlsm 结尾，例如 --out {out}。',
    'usage.outNoMacro': '“{file}”不含宏，--out 请以 .xlsx 结尾，例如 --out {out}。',
    'usage.outTemplate': '“{file}”是 Excel 模板或加载项（.{kind}），不能写出检查后的副本。请先在 Excel 中另存为 .xlsx 后再检查。',
    'usage.summaryXlsm': 'summary 的 --out 须以 .xlsx 结尾（汇总工作簿不含宏）。',
    'file.prefix': '“{file}”：{message}',
    'summary.title': '整改台账汇总',
    'summary.sources': '来源：{count} 个台账',
    'summary.source': '{file}（工作表“{sheet}”，{items} 项）',
    'summary.rate': '完成率 {rate}（已销号 {closed}，已完成待销号 {awaiting}）；立行立改 {immediate} 项，其中逾期 {immediateOverdue}。',
    'summary.depts': '逾期最多的牵头部门：',
    'summary.dept': '逾期 {overdue}，临期 {dueSoon}',
    'summary.written': '已写出汇总工作簿：{file}',
    'summary.notices': '已写出督办单 {count} 份，位于：{dir}',
    'summary.noNotices': '没有逾期或临期事项，未写出督办单。',
    'hint.date': '请写成 YYYY-MM-DD 形式的真实日期，例如 2022-07-15。',
    'hint.count': '请写一个不小于 0 的整数天数，例如 10。',
    'hint.lang': '只能是 zh 或 en。',
    'hint.sheet': '请写工作表名称。',
    'hint.out': '输出文件名须以 .xlsx 结尾（启用宏的台账用 .xlsm）。',
    'hint.notices': '请写督办单要存放的文件夹。',
    'hint.noticeNumber': '请写督办单的文号，例如“〔2022〕第5号”。',
    'hint.issuer': '请写发文单位名称，例如“整改工作领导小组办公室”。',
    'usage.reportFiles': 'report 需要至少一个台账文件：taizhang report <台账.xlsx>... --out 通报.docx。',
    'usage.reportOut': 'report 需要用 --out 指定通报文件，例如 --out 通报.docx。',
    'usage.reportIsInput': '通报文件“{file}”不能是输入的台账本身（Taizhang 从不修改原始台账）。请换一个文件名。',
    'usage.reportFolder': '通报文件所在的文件夹“{dir}”不存在。请先建立该文件夹，或换一个位置。',
    'hint.report': '通报文件名须以 .docx 结尾，例如 通报.docx。',
    'notices.item': '  {dept}：{file}',
    'notices.stale': '文件夹中另有{count}份以前生成的督办单或提醒单，本次没有重写，也没有删除（请勿误发）：{list}',
    'report.written': '已写出通报：{file}（文中带底色的文字为待填写处，请替换后再印发）',
    'summary.noticeFailed': '{count} 份督办单未能写出（其余已写出）：{list}',
    'summary.noticeFailure': '{dept}（{reason}）',
    internal: '内部错误：{message}。这是 Taizhang 的缺陷，请把这一行和所用命令报告给维护者（设置环境变量 TAIZHANG_DEBUG=1 可看到详细信息）。',
    progress: '正在读取“{file}”：已读 {rows} 行…',
    'progress.write': '正在写出“{file}”：已写 {rows} 行…',
    'report.moreItems': '……另有{count}项未列出：全部事项见 --json 的输出，或 --out 写出的检查后台账。',
    'report.moreFindings': '……另有{count}条未列出：全部检查问题见 --json 的输出（--out 写出的检查后台账在各事项的检查意见中注明）。',
    'col.days': '剩余/逾期',
    'header.rows': '第{rows}行',
    'sources': '三张清单：问题清单“{problems}”，任务清单“{tasks}”，责任清单“{responsibilities}”',
  },
  en: {
    'usage.unknownOption': 'Unknown option {option}. Run taizhang --help for usage.',
    'usage.missingValue': 'Option {option} needs a value. Run taizhang --help for usage.',
    'usage.flagValue': 'Option {option} takes no value.',
    'usage.noCommand': 'Name a command: taizhang check <ledger.xlsx>, taizhang summary <ledger.xlsx>... --out summary.xlsx or taizhang compare <earlier.xlsx> <later.xlsx>. Run taizhang --help for usage.',
    'usage.unknownCommand': 'Unknown command "{command}". Commands: check, summary, compare, report. Run taizhang --help for usage.',
    'usage.compareFiles': 'compare takes two ledger files, the earlier first: taizhang compare <earlier.xlsx> <later.xlsx>.',
    'usage.compareSame': 'Both files of compare are the same file, "{file}". Give the earlier and the later version.',
    'compare.sinceUnknown': 'Cannot tell which date the earlier ledger "{file}" describes: it states no filing date and its document properties have no modified date. Give it with --since YYYY-MM-DD.',
    'compare.sinceAfter': 'The earlier ledger "{file}" is judged at {since}, after the later one\'s {asOf}. Check the order of the files (earlier first), or give the dates with --since and --as-of.',
    'compare.written': 'Comparison workbook written to {file}',
    'hint.previous': 'write the path of the earlier ledger.',
    'usage.previousIsInput': 'The earlier ledger "{file}" of --previous is also listed as a current one. Give the earlier version as another file.',
    'summary.previousUnmatched': 'The earlier ledger "{file}" matches none of the current ledgers (another file name, and mostly other measures). Check the files given with --previous.',
    'summary.period': 'Since the earlier version ({since}): {sentence}',
    'usage.checkFiles': 'check takes exactly one ledger file: taizhang check <ledger.xlsx>.',
    'usage.outIsInput': '--out must not be the input file itself (Taizhang never changes the original ledger). Choose another file name.',
    'usage.summaryFiles': 'summary needs at least one ledger file: taizhang summary <ledger.xlsx>... --out summary.xlsx.',
    'usage.summaryOut': 'summary needs --out for the summary workbook, e.g. --out summary.xlsx (or --json for JSON only).',
    'usage.duplicateFile': 'File "{file}" is listed twice; list each ledger once.',
    'usage.noticesIsFile': '--notices needs a folder, but "{dir}" is a file. Choose another folder name.',
    'usage.outFolder': 'The folder of --out, "{dir}", does not exist. Create it first or write elsewhere.',
    'usage.outMacro': '"{file}" is a macro-enabled workbook (.xlsm). To keep its macros as they are, name --out with .xlsm, e.g. --out {out}.',
    'usage.outNoMacro': '"{file}" holds no macros: name --out with .xlsx, e.g. --out {out}.',
    'usage.outTemplate': '"{file}" is an Excel template or add-in (.{kind}): no checked copy is written. Save it as .xlsx in Excel first.',
    'usage.summaryXlsm': 'The --out of summary must end in .xlsx (a summary workbook holds no macros).',
    'file.prefix': '"{file}": {message}',
    'summary.title': 'Ledger summary',
    'summary.sources': 'Sources: {count} ledger(s)',
    'summary.source': '{file} (sheet "{sheet}", {items} items)',
    'summary.rate': 'Completion rate {rate} ({closed} closed, {awaiting} done awaiting close-out); {immediate} immediate items, {immediateOverdue} overdue.',
    'summary.depts': 'Most overdue lead departments:',
    'summary.dept': '{overdue} overdue, {dueSoon} due soon',
    'summary.written': 'Summary workbook written to {file}',
    'summary.notices': '{count} notice workbook(s) written to {dir}',
    'summary.noNotices': 'No overdue or due-soon items: no notices written.',
    'hint.date': 'write a real date as YYYY-MM-DD, e.g. 2022-07-15.',
    'hint.count': 'write a whole number of days, 0 or more, e.g. 10.',
    'hint.lang': 'use zh or en.',
    'hint.sheet': 'write the sheet name.',
    'hint.out': 'the output file name must end in .xlsx (.xlsm for a macro-enabled ledger).',
    'hint.notices': 'write the folder for the notices.',
    'hint.noticeNumber': 'write the notice number, e.g. "No. 5/2022".',
    'hint.issuer': 'write the issuing office, e.g. "Rectification Office".',
    'usage.reportFiles': 'report needs at least one ledger file: taizhang report <ledger.xlsx>... --out report.docx.',
    'usage.reportOut': 'report needs --out for the report document, e.g. --out report.docx.',
    'usage.reportIsInput': 'The report file "{file}" cannot be one of the input ledgers (Taizhang never changes an original). Choose another name.',
    'usage.reportFolder': 'The folder of the report file, "{dir}", does not exist. Create it first, or write elsewhere.',
    'hint.report': 'The report file name must end in .docx, e.g. report.docx.',
    'notices.item': '  {dept}: {file}',
    'notices.stale': '{count} notice file(s) of an earlier run are in the folder; this run did not rewrite or delete them (do not send them by mistake): {list}',
    'report.written': 'Report written to {file} (fill in the shaded placeholders before it goes out)',
    'summary.noticeFailed': '{count} notice(s) could not be written (the others were): {list}',
    'summary.noticeFailure': '{dept} ({reason})',
    internal: 'Internal error: {message}. This is a bug in Taizhang; please report this line and the command you ran (set TAIZHANG_DEBUG=1 to see details).',
    progress: 'Reading "{file}": {rows} rows…',
    'progress.write': 'Writing "{file}": {rows} rows…',
    'report.moreItems': '... {count} more not shown: --json prints them all, and so does the checked ledger --out writes.',
    'report.moreFindings': '... {count} more not shown: --json prints them all; in the checked ledger --out writes, each is in its item\'s Check notes.',
    'col.days': 'Days',
    'header.rows': 'rows {rows}',
    'sources': 'Three lists: problems "{problems}", tasks "{tasks}", responsibilities "{responsibilities}"',
  },
};

export type CliTextKey = keyof typeof TEXT.zh;

export function cliText(lang: Lang, key: CliTextKey, params: Record<string, string | number> = {}): string {
  return format(TEXT[lang][key], params);
}

export const HELP: Record<Lang, string> = {
  zh: `taizhang —— 整改台账助手

用法：
  taizhang check <台账.xlsx> [选项]
  taizhang summary <台账.xlsx>... --out 汇总.xlsx [选项] [--notices 文件夹] [--previous 上期.xlsx]
  taizhang compare <上期.xlsx> <本期.xlsx> [--since YYYY-MM-DD] [--out 对比.xlsx] [选项]
  taizhang report <台账.xlsx>... --out 通报.docx [选项]

选项：
  --sheet 名称            指定台账所在工作表（默认自动识别）
  --as-of YYYY-MM-DD      判断期限所依据的日期（默认：今天）
  --start YYYY-MM-DD      整改起始日（巡视反馈日），用于无年份日期、“N个月内”和立行立改
  --due-soon-days N       临期（黄灯）天数，默认 ${DEFAULTS.dueSoonDays}
  --immediate-days N      立行立改事项自起始日起的天数，默认 ${DEFAULTS.immediateDays}
  --lang zh|en            报告语言，默认 zh
  --json                  以 JSON 输出检查结果（summary：合并后的事项与合计）
  --out 已检查.xlsx       check：写出检查后的台账副本（增加 期限状态/截止日期/剩余天数/检查意见 四列；原文件不变）
                          summary：写出汇总工作簿（总览、按方面、按牵头部门、逾期临期、检查问题、汇总台账、通报提纲）
  --out 通报.docx         report：写出整改进展情况的通报（公文格式的 .docx 草稿，按台账的方面、问题、措施和整改进展成文）
  --report 通报.docx      summary：同时写出通报（同 report --out）
  --notices 文件夹        summary：为每个有逾期或临期事项的牵头部门另写一份督办单（督办单-部门.xlsx）
  --notice-number 文号    summary：督办单的文号（默认“〔年份〕第__号”，留待填写）
  --issuer 单位           summary：发文单位，写在督办单落款和每页页脚（默认“整改工作领导小组办公室”）
  --reply-days N          summary：督办单要求反馈的期限，自 --as-of 起 N 个工作日，默认 ${DEFAULTS.replyDays}
  --previous 上期.xlsx    summary：上期的台账（可重复），通报提纲增加“本期进展”，按牵头部门增加本期变化
  --since YYYY-MM-DD      compare：上期台账的判断日期（默认：上期表中的填报时间，其次为文件的修改时间）；
                          本期按 --as-of 判断。compare --out 写出对比工作簿（对比总览、时限调整、新增逾期、
                          本期完成、进展停滞、增删事项、全部变化）
  --strict                有“错误”级检查问题时以退出码 1 结束
  -h, --help              显示本帮助

退出码：0 检查完成；1 使用 --strict 且存在错误；2 输入无法使用或用法错误。
`,
  en: `taizhang — rectification ledger assistant

Usage:
  taizhang check <ledger.xlsx> [options]
  taizhang summary <ledger.xlsx>... --out summary.xlsx [options] [--notices DIR] [--previous earlier.xlsx]
  taizhang compare <earlier.xlsx> <later.xlsx> [--since YYYY-MM-DD] [--out compare.xlsx] [options]
  taizhang report <ledger.xlsx>... --out report.docx [options]

Options:
  --sheet NAME            the sheet that holds the ledger (default: detected)
  --as-of YYYY-MM-DD      the date deadlines are judged against (default: today)
  --start YYYY-MM-DD      the rectification start (feedback) date: gives year-less dates their
                          year, and is the base of relative deadlines and immediate items
  --due-soon-days N       the due-soon (yellow) window in days, default ${DEFAULTS.dueSoonDays}
  --immediate-days N      days an immediate (立行立改) item gets after --start, default ${DEFAULTS.immediateDays}
  --lang zh|en            report language, default zh
  --json                  print the result as JSON (summary: the consolidated items and totals)
  --out checked.xlsx      check: write a checked copy (adds four columns; the original is never changed)
                          summary: write the summary workbook (overview, by aspect, by department,
                          overdue & due soon, findings, consolidated ledger, report outline)
  --out report.docx       report: write the progress report (通报) as a .docx draft in the official
                          document format, built from the ledgers' aspects, problems, measures and progress
  --report report.docx    summary: also write the report (as report --out)
  --notices DIR           summary: also write one notice workbook per lead department with
                          overdue or due-soon items (督办单-<department>.xlsx)
  --notice-number TEXT    summary: the notices' reference number (default a blank to fill in)
  --issuer TEXT           summary: the issuing office, signed on the notices and in every page
                          footer (default 整改工作领导小组办公室 / Rectification Office)
  --reply-days N          summary: working days after --as-of by which the notices ask for a reply, default ${DEFAULTS.replyDays}
  --previous FILE         summary: an earlier version of the ledgers (repeat for several): adds this
                          period's progress to the report outline and to the by-department sheet
  --since YYYY-MM-DD      compare: the date the earlier version is judged at (default: the filing date
                          it states, else its modified date); the later one is judged at --as-of.
                          compare --out writes the comparison workbook
  --strict                exit 1 when error findings exist
  -h, --help              show this help

Exit codes: 0 checked; 1 with --strict when errors exist; 2 unusable input or usage.
`,
};
