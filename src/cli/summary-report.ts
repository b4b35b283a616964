/** Summary -> a short report for a terminal: sources, totals, completion rate, lagging departments, where the files are. */
import { COMPARE_TEXT, formatRate, Summary, Lang } from '../core';
import { cliText } from './messages';
import { table } from './report';
import { wrapText } from './wrap';

export interface SummaryReportOptions {
  lang: Lang;
  out?: string | null;
  /** Where the notices went, and how many; `reminders` of them are 提醒单. */
  notices?: { dir: string; count: number; reminders?: number } | null;
  /** Inputs left out (lock files aside): one line says how many, their reasons went to stderr. */
  skipped?: number;
  /** A terminal's width to wrap at (0 or absent: none). */
  wrap?: number;
}

/** Lead departments listed in the report, most overdue first. */
const TOP_DEPTS = 5;

export function renderSummaryReport(s: Summary, opts: SummaryReportOptions): string {
  const { lang } = opts;
  const sep = lang === 'zh' ? '：' : ': ';
  const lines: string[] = [];
  lines.push(cliText(lang, 'summary.title'));
  lines.push(cliText(lang, 'summary.sources', { count: s.sources.length }));
  for (const src of s.sources) lines.push('  ' + cliText(lang, 'summary.source', { file: src.file, sheet: src.sheet, items: src.items }));
  if (opts.skipped) lines.push(cliText(lang, 'skipped.report', { count: opts.skipped }));
  lines.push(cliText(lang, 'report.asOf') + sep + s.asOf);
  lines.push('');
  lines.push(cliText(lang, 'report.totals', { ...s.totals }));
  lines.push(
    cliText(lang, 'summary.rate', {
      rate: formatRate(s.rate) ?? '—',
      closed: s.closed,
      awaiting: s.doneAwaitingClose,
      immediate: s.immediate.items,
      immediateOverdue: s.immediate.overdue,
    }),
  );
  if (s.progress) lines.push(cliText(lang, 'summary.period', { since: s.progress.since, sentence: COMPARE_TEXT[lang].sentence(s.progress.totals) }));
  const lagging = s.byLeadDept.filter((g) => g.overdue + g.dueSoon > 0).slice(0, TOP_DEPTS);
  if (lagging.length) {
    lines.push(cliText(lang, 'summary.depts'));
    lines.push(...table(lagging.map((g) => [g.name, cliText(lang, 'summary.dept', { overdue: g.overdue, dueSoon: g.dueSoon })])));
  }
  lines.push(cliText(lang, 'report.findings', { errors: s.findingCounts.errors, warnings: s.findingCounts.warnings }));
  if (opts.out || opts.notices) lines.push('');
  if (opts.out) lines.push(cliText(lang, 'summary.written', { file: opts.out }));
  if (opts.notices) {
    lines.push(
      noticesLine(lang, opts.notices),
    );
  }
  return wrapText(lines.join('\n'), opts.wrap || 0) + '\n';
}

/** How many 督办单 and 提醒单 were written, and where: each kind named by its own word. */
function noticesLine(lang: Lang, n: { dir: string; count: number; reminders?: number }): string {
  const reminders = n.reminders || 0;
  const notices = n.count - reminders;
  if (!n.count) return cliText(lang, 'summary.noNotices');
  if (!reminders) return cliText(lang, 'summary.notices', { count: n.count, dir: n.dir });
  if (!notices) return cliText(lang, 'summary.reminders', { reminders, dir: n.dir });
  return cliText(lang, 'summary.noticesAndReminders', { notices, reminders, dir: n.dir });
}
