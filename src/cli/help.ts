/**
 * `taizhang --help` and `taizhang <command> --help`: the options written once, each with the
 * commands it applies to (args.ts refuses it elsewhere), so a command's page lists its own options
 * and examples. Every line fits 80 columns; a long description continues under itself.
 */
import { DEFAULTS } from '../core/model/options';
import { Lang } from '../core/model/result';
import { ONLY_FOR } from './args';
import { displayWidth, wrapLine } from './wrap';

type Text = Record<Lang, string>;

interface OptionHelp {
  /** The option as written in help, with its value: "--as-of 日期". */
  name: Text;
  text: Text;
}

const OPTIONS: Record<string, OptionHelp> = {
  '--sheet': { name: { zh: '--sheet 名称', en: '--sheet NAME' }, text: { zh: '台账所在的工作表（默认自动识别）', en: 'the sheet that holds the ledger (default: detected)' } },
  '--as-of': {
    name: { zh: '--as-of 日期', en: '--as-of DATE' },
    text: { zh: '判断期限所依据的日期，如 2022-07-15、2022/7/15、2022年7月15日（默认：今天）', en: 'the date deadlines are judged against, e.g. 2022-07-15 or 2022/7/15 (default: today)' },
  },
  '--start': {
    name: { zh: '--start 日期', en: '--start DATE' },
    text: {
      zh: '整改起始日（巡视反馈日），用于无年份日期、“N个月内”和立行立改',
      en: 'the rectification start (feedback) date: gives year-less dates their year, and is the base of relative deadlines and immediate items',
    },
  },
  '--due-soon-days': { name: { zh: '--due-soon-days N', en: '--due-soon-days N' }, text: { zh: '临期（黄灯）天数，默认 ' + DEFAULTS.dueSoonDays, en: 'the due-soon (yellow) window in days, default ' + DEFAULTS.dueSoonDays } },
  '--immediate-days': {
    name: { zh: '--immediate-days N', en: '--immediate-days N' },
    text: { zh: '立行立改事项自起始日起的天数，默认 ' + DEFAULTS.immediateDays, en: 'days an immediate (立行立改) item gets after --start, default ' + DEFAULTS.immediateDays },
  },
  '--lang': { name: { zh: '--lang zh|en', en: '--lang zh|en' }, text: { zh: '报告语言，默认 zh', en: 'report language, default zh' } },
  '--json': { name: { zh: '--json', en: '--json' }, text: { zh: '以 JSON 输出结果（summary：合并后的事项与合计）', en: 'print the result as JSON (summary: the consolidated items and totals)' } },
  '--out': {
    name: { zh: '--out 文件.xlsx', en: '--out FILE.xlsx' },
    text: {
      zh: 'check：写出检查后的台账副本（增加期限状态、截止日期、剩余天数、检查意见四列，原文件不变）；summary：写出汇总工作簿；compare：写出对比工作簿',
      en: 'check: write a checked copy (adds four columns; the original is never changed); summary: the summary workbook; compare: the comparison workbook',
    },
  },
  '--notices': {
    name: { zh: '--notices 文件夹', en: '--notices DIR' },
    text: { zh: '为每个有逾期或临期事项的牵头部门另写一份督办单（督办单-部门.xlsx）', en: 'also write one notice workbook per lead department with overdue or due-soon items (督办单-<department>.xlsx)' },
  },
  '--notice-number': { name: { zh: '--notice-number 文号', en: '--notice-number TEXT' }, text: { zh: '督办单的文号（默认“〔年份〕第__号”，留待填写）', en: "the notices' reference number (default a blank to fill in)" } },
  '--issuer': {
    name: { zh: '--issuer 单位', en: '--issuer TEXT' },
    text: { zh: '发文单位，写在督办单落款和每页页脚（默认“整改工作领导小组办公室”）', en: 'the issuing office, signed on the notices and in every page footer (default 整改工作领导小组办公室 / Rectification Office)' },
  },
  '--reply-days': {
    name: { zh: '--reply-days N', en: '--reply-days N' },
    text: { zh: '督办单要求反馈的期限，自 --as-of 起 N 个工作日，默认 ' + DEFAULTS.replyDays, en: 'working days after --as-of by which the notices ask for a reply, default ' + DEFAULTS.replyDays },
  },
  '--previous': {
    name: { zh: '--previous 上期.xlsx', en: '--previous FILE' },
    text: { zh: '上期的台账（可重复），通报提纲增加“本期进展”，按牵头部门增加本期变化', en: "an earlier version of the ledgers (repeat for several): adds this period's progress to the report outline and to the by-department sheet" },
  },
  '--since': {
    name: { zh: '--since 日期', en: '--since DATE' },
    text: {
      zh: '上期台账的判断日期（默认：上期表中的填报时间，其次为文件的修改时间）；本期按 --as-of 判断',
      en: 'the date the earlier version is judged at (default: the filing date it states, else its modified date); the later one is judged at --as-of',
    },
  },
  '--report': {
    name: { zh: '--report 通报.docx', en: '--report report.docx' },
    text: { zh: '同时写出整改进展情况的通报（公文格式的 .docx 草稿）', en: 'also write the progress report (通报) as a .docx draft' },
  },
  '--config': {
    name: { zh: '--config 文件', en: '--config FILE' },
    text: { zh: '本单位的表头用词、状态用词和选项默认值（JSON）；默认为当前文件夹的 taizhang.json', en: "the office's own header words, status words and option defaults (JSON); default taizhang.json in this folder" },
  },
  '--strict': { name: { zh: '--strict', en: '--strict' }, text: { zh: '有“错误”级检查问题时以退出码 1 结束', en: 'exit 1 when error findings exist' } },
  '--version': { name: { zh: '-V, --version', en: '-V, --version' }, text: { zh: '显示版本号', en: 'show the version' } },
  '--help': { name: { zh: '-h, --help', en: '-h, --help' }, text: { zh: '显示帮助', en: 'show this help' } },
};

interface CommandHelp {
  usage: Text;
  about: Text;
  examples: Record<Lang, string[]>;
}

const COMMANDS: Record<string, CommandHelp> = {
  check: {
    usage: { zh: 'taizhang check <台账.xlsx> [选项]', en: 'taizhang check <ledger.xlsx> [options]' },
    about: { zh: '检查一个台账：找出表头，给每项措施标出期限状态，列出逾期、临期和检查问题。', en: 'Checks one ledger: finds its header, flags every measure, lists overdue and due-soon items and findings.' },
    examples: {
      zh: ['taizhang check 台账.xlsx --start 2022-02-24', 'taizhang check "D:\\整改\\2022 台账.xlsx" --out 已检查.xlsx', 'taizhang check 台账.xlsx --as-of 2022/7/15 --json'],
      en: ['taizhang check ledger.xlsx --start 2022-02-24', 'taizhang check "D:\\rectification\\2022 ledger.xlsx" --out checked.xlsx', 'taizhang check ledger.xlsx --as-of 2022-07-15 --json'],
    },
  },
  summary: {
    usage: { zh: 'taizhang summary <台账.xlsx|文件夹|*.xlsx>... --out 汇总.xlsx [选项]', en: 'taizhang summary <ledger.xlsx|folder|*.xlsx>... --out summary.xlsx [options]' },
    about: {
      zh: '汇总多个台账。可以给文件夹（其中所有 .xlsx/.xlsm）或 *.xlsx；~$ 开头的锁定文件自动跳过；无法使用的文件逐个列出原因，其余照常汇总（此时退出码为 2）。',
      en: 'Consolidates several ledgers. A folder means every .xlsx/.xlsm in it, and *.xlsx is expanded; ~$ lock files are skipped; an unusable file is listed with its reason and the rest is summarized (exit code 2).',
    },
    examples: {
      zh: ['taizhang summary 各部门台账 --out 汇总.xlsx --start 2022-02-24', 'taizhang summary "*.xlsx" --out 汇总.xlsx --notices 督办单', 'taizhang summary 本期 --previous 上期\\办公室.xlsx --out 汇总.xlsx'],
      en: ['taizhang summary ledgers --out summary.xlsx --start 2022-02-24', 'taizhang summary "*.xlsx" --out summary.xlsx --notices notices', 'taizhang summary current --previous earlier\\office.xlsx --out summary.xlsx'],
    },
  },
  compare: {
    usage: { zh: 'taizhang compare <上期.xlsx> <本期.xlsx> [选项]', en: 'taizhang compare <earlier.xlsx> <later.xlsx> [options]' },
    about: { zh: '对比同一台账的两个版本：本期完成、新增逾期、时限调整、进展停滞、增删事项。', en: 'Compares two versions of a ledger: what was done, what became overdue, whose deadline moved, what stalled, what was added or removed.' },
    examples: {
      zh: ['taizhang compare 6月台账.xlsx 7月台账.xlsx', 'taizhang compare 6月台账.xlsx 7月台账.xlsx --since 2022-06-30 --out 对比.xlsx'],
      en: ['taizhang compare june.xlsx july.xlsx', 'taizhang compare june.xlsx july.xlsx --since 2022-06-30 --out compare.xlsx'],
    },
  },
  report: {
    usage: { zh: 'taizhang report <台账.xlsx|文件夹|*.xlsx>... --out 通报.docx [选项]', en: 'taizhang report <ledger.xlsx|folder|*.xlsx>... --out report.docx [options]' },
    about: {
      zh: '写出整改进展情况的通报：公文格式的 .docx 草稿，按台账的方面、问题、措施和整改进展成文，文号、主送、落款等留待填写。',
      en: 'Writes the progress report (通报): a .docx draft in the official document format, built from the ledgers; 文号, 主送 and the signature are left to fill in.',
    },
    examples: {
      zh: ['taizhang report 各部门台账 --out 通报.docx --start 2022-02-24', 'taizhang report 台账.xlsx --out 通报.docx --issuer 县委巡察整改办'],
      en: ['taizhang report ledgers --out report.docx --start 2022-02-24', 'taizhang report ledger.xlsx --out report.docx --issuer "Rectification Office"'],
    },
  },
};

const WORDS = {
  zh: { title: 'taizhang —— 整改台账助手', usage: '用法：', options: '选项：', examples: '示例：', more: '  taizhang <命令> --help    显示该命令的选项和示例', exit: '退出码：0 检查完成；1 使用 --strict 且存在错误；2 输入无法使用（summary：有文件未纳入汇总）或用法错误。', quote: '路径中有空格时请加英文双引号，例如 "D:\\整改 台账\\办公室.xlsx"。' },
  en: { title: 'taizhang — rectification ledger assistant', usage: 'Usage:', options: 'Options:', examples: 'Examples:', more: '  taizhang <command> --help    that command\'s options and examples', exit: 'Exit codes: 0 checked; 1 with --strict when errors exist; 2 unusable input (summary: a file was left out) or usage.', quote: 'Quote a path with spaces: "D:\\ledgers 2022\\office.xlsx".' },
};

/** Help lines fit this many columns. */
export const HELP_WIDTH = 80;
/** The column where option descriptions start. */
const DESC = 26;

function optionLines(lang: Lang, command: string | null): string[] {
  const lines: string[] = [];
  for (const key of Object.keys(OPTIONS)) {
    const only = ONLY_FOR[key];
    if (command && only && only.indexOf(command) < 0) continue;
    const o = OPTIONS[key];
    // On the page for all commands, an option of some commands says which.
    const prefix = !command && only ? only.join('/') + (lang === 'zh' ? '：' : ': ') : '';
    const name = '  ' + o.name[lang];
    const w = displayWidth(name);
    const head = w + 2 > DESC ? name + '\n' + ' '.repeat(DESC) : name + ' '.repeat(DESC - w);
    lines.push(wrapLine(head + prefix + o.text[lang], HELP_WIDTH, DESC));
  }
  return lines;
}

/** The help page: for every command (`command` null), or for one. */
export function helpText(lang: Lang, command: string | null): string {
  const w = WORDS[lang];
  const c = command && Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : null;
  const lines: string[] = [w.title, ''];
  lines.push(w.usage);
  if (c) {
    lines.push('  ' + c.usage[lang], '');
    lines.push(wrapLine(c.about[lang], HELP_WIDTH, 0));
  } else {
    for (const k of Object.keys(COMMANDS)) lines.push('  ' + COMMANDS[k].usage[lang]);
    lines.push(w.more);
  }
  lines.push('', w.options, ...optionLines(lang, c ? (command as string) : null), '');
  if (c) {
    lines.push(w.examples, ...c.examples[lang].map((e) => '  ' + e), '');
  }
  lines.push(wrapLine(w.quote, HELP_WIDTH, 0));
  lines.push(wrapLine(w.exit, HELP_WIDTH, 0));
  return lines.join('\n') + '\n';
}
