/** CheckResult -> a report for a terminal: where the ledger was found, totals, overdue and due-soon items, findings. */
import { term } from '../core/words/glossary';
import { colLetter } from '../core/text/a1';
import { ruleName } from '../core/words/check';
import { FLAG_LABELS, daysPhrase } from '../core/words/labels';
import type { CheckedItem, CheckResult, Lang, FieldKey } from '../core';
import { cliText } from './messages';
import { charWidth } from '../core/text/width';
import { displayWidth, wrapLine, wrapText } from './wrap';

export { displayWidth } from './wrap';

/** One line, at most `max` cells wide, with … when cut. */
export function clip(s: string, max: number): string {
  const flat = s.replace(/\s*\n\s*/g, ' ');
  if (displayWidth(flat) <= max) return flat;
  let out = '';
  let w = 0;
  for (const ch of flat) {
    const cw = charWidth(ch.codePointAt(0) as number);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

/**
 * Rows of cells -> aligned lines; the last column is not padded. With `wrap` (a terminal's width),
 * a long last cell continues under its own column.
 */
export function table(rows: string[][], indent = '  ', wrap = 0): string[] {
  const widths: number[] = [];
  rows.forEach((r) => r.forEach((c, j) => (widths[j] = Math.max(widths[j] || 0, displayWidth(c)))));
  return rows.map((r) => {
    const line = indent + r.map((c, j) => (j === r.length - 1 ? c : pad(c, widths[j]))).join('  ');
    if (!wrap) return line;
    let hang = indent.length;
    for (let j = 0; j < r.length - 1; j++) hang += widths[j] + 2;
    return wrapLine(line, wrap, hang);
  });
}

function daysText(lang: Lang, item: CheckedItem): string {
  return item.daysLeft === null ? '' : daysPhrase(lang, item.daysLeft);
}

/** "    整改起始日：2022-02-24", or the year the workbook states and where: "    起始年份：2022（据标题）". */
function startText(result: CheckResult, lang: Lang, sep: string): string {
  const b = result.startBasis;
  if (result.start) return '    ' + cliText(lang, 'report.start') + sep + result.start;
  if (!b || b.source === 'given') return '';
  const source = cliText(lang, ('report.startSource.' + b.source) as 'report.startSource.title');
  return '    ' + cliText(lang, 'report.startYear') + sep + b.year + (lang === 'zh' ? '（' + source + '）' : ' (' + source + ')');
}

/**
 * The line the CLI shows, once, when items depend on a start date not given: how many, and the
 * option that gives it (the finding's own message, in the JSON, also speaks of the task pane).
 */
export function startNotice(result: CheckResult, lang: Lang = 'zh'): string | null {
  for (let i = 0; i < result.findings.length; i++) {
    if (result.findings[i].rule === 'start-missing') return startLine(lang, result.needsStart || 0) || result.findings[i].message;
  }
  return null;
}

/** The CLI's start line for `count` items (null for none). */
export function startLine(lang: Lang, count: number): string | null {
  return count ? cliText(lang, 'start.cli', { count }) : null;
}

/**
 * Lines of each list (overdue and due-soon items, findings) a terminal report shows; one line then
 * says how many more there are and where they all are (--json, --out). A 200,000-row ledger's full
 * report was some 90,000 lines, which no one reads on a terminal.
 */
export const REPORT_LIMIT = 50;

export interface ReportOptions {
  lang: Lang;
  file: string;
  out?: string | null;
  /** Width available for the measure column. */
  width?: number;
  /** Lines per list before the "… N more" line (REPORT_LIMIT). */
  limit?: number;
  /** A terminal's width to wrap long lines at, with a hanging indent (0 or absent: no wrapping). */
  wrap?: number;
}

export function renderReport(result: CheckResult, opts: ReportOptions): string {
  const { lang } = opts;
  const limit = opts.limit || REPORT_LIMIT;
  const sep = lang === 'zh' ? '：' : ': ';
  const list = lang === 'zh' ? '，' : ', ';
  const lines: string[] = [];
  lines.push(cliText(lang, 'report.title'));
  lines.push(cliText(lang, 'report.file') + sep + opts.file);
  lines.push(cliText(lang, 'report.sheet') + sep + result.sheet);
  if (result.sources) lines.push(cliText(lang, 'sources', { ...result.sources }));
  const h = result.header;
  const rows = h.rows.length > 1 ? h.rows[0] + '–' + h.rows[h.rows.length - 1] : String(h.rows[0]);
  const cols = (Object.keys(h.columns) as FieldKey[])
    .filter((k) => (h.columns[k] as number) > 0)
    .sort((a, b) => (h.columns[a] as number) - (h.columns[b] as number))
    .map((k) => term(lang, k) + ' ' + colLetter(h.columns[k] as number));
  lines.push(cliText(lang, 'report.header') + sep + cliText(lang, 'header.rows', { rows }) + (lang === 'zh' ? '；' : '; ') + cols.join(list));
  lines.push(cliText(lang, 'report.asOf') + sep + result.asOf + startText(result, lang, sep));
  // The one line about the start date: how many items depend on it and how to give it.
  const notice = startNotice(result, lang);
  if (notice) lines.push(notice);
  lines.push('');
  lines.push(cliText(lang, 'report.totals', { ...result.totals }));
  lines.push('');

  lines.push(cliText(lang, 'report.overdue'));
  const late = result.items
    .filter((i) => i.flag === 'overdue' || i.flag === 'due-soon')
    .sort((a, b) => (a.daysLeft === null ? 0 : a.daysLeft) - (b.daysLeft === null ? 0 : b.daysLeft) || a.row - b.row);
  if (!late.length) lines.push('  ' + cliText(lang, 'report.none'));
  else {
    const measureWidth = Math.max(20, (opts.width || opts.wrap || 110) - 70);
    const rowsOut: string[][] = [
      [term(lang, 'row'), term(lang, 'seq'), term(lang, 'flag'), term(lang, 'due'), cliText(lang, 'col.days'), term(lang, 'leadDept'), term(lang, 'measure')],
    ];
    late.slice(0, limit).forEach((i) =>
      rowsOut.push([
        String(i.row),
        clip(i.seq, 8),
        FLAG_LABELS[lang][i.flag],
        i.due || '',
        daysText(lang, i),
        clip(i.leadDept, 16),
        clip(i.measure || i.problem, measureWidth),
      ]),
    );
    lines.push(...table(rowsOut, '  ', opts.wrap || 0));
    if (late.length > limit) lines.push('  ' + cliText(lang, 'report.moreItems', { count: late.length - limit }));
  }
  lines.push('');

  lines.push(cliText(lang, 'report.findings', { errors: result.findingCounts.errors, warnings: result.findingCounts.warnings }));
  if (!result.findings.length) lines.push('  ' + cliText(lang, 'report.none'));
  else {
    const sorted = result.findingsByLevel;
    const rowsOut: string[][] = [[term(lang, 'cell'), term(lang, 'severity'), term(lang, 'rule'), term(lang, 'message')]];
    sorted.slice(0, limit).forEach((f) =>
      rowsOut.push([
        (f.sheet && f.sheet !== result.sheet ? f.sheet + '!' : '') + f.cell,
        term(lang, f.severity),
        ruleName(lang, f.rule),
        // The start line stands above the lists once; its finding points there.
        f.rule === 'start-missing' && notice ? cliText(lang, 'start.seeAbove') : f.message.replace(/\s*\n\s*/g, ' '),
      ]),
    );
    lines.push(...table(rowsOut, '  ', opts.wrap || 0));
    if (sorted.length > limit) lines.push('  ' + cliText(lang, 'report.moreFindings', { count: sorted.length - limit }));
  }
  if (opts.out) {
    lines.push('');
    lines.push(cliText(lang, 'report.checked', { file: opts.out }));
  }
  return wrapText(lines.join('\n'), opts.wrap || 0) + '\n';
}
