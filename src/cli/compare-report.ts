/**
 * Comparison -> a report for a terminal and the JSON of `compare --json` (docs/contract.md): the
 * later version's check JSON plus "changes" and "changeTotals".
 */
import { Change, ChangeSide, CHANGE_KINDS, Comparison, COMPARE_TEXT, SinceSource, sideText, term, Lang } from '../core';
import { contractJson } from './json';
import { cliText } from './messages';
import { clip, table } from './report';
import { wrapText } from './wrap';

function sideJson(side: ChangeSide | null): Record<string, unknown> | null {
  if (!side) return null;
  const out: Record<string, unknown> = {};
  (['text', 'due', 'state', 'flag', 'daysLeft', 'leadDept', 'progress'] as (keyof ChangeSide)[]).forEach((k) => {
    if (side[k] !== undefined) out[k] = side[k];
  });
  return out;
}

export function changeJson(c: Change): Record<string, unknown> {
  return {
    kind: c.kind,
    row: c.row,
    earlierRow: c.earlierRow,
    seq: c.seq,
    measure: c.measure,
    leadDept: c.leadDept,
    from: sideJson(c.from),
    to: sideJson(c.to),
  };
}

/** `compare --json`: the later version as `check --json` prints it, then the changes and their totals. */
export function compareJson(cmp: Comparison, laterFile: string, config: string | null = null): unknown {
  const out = contractJson(cmp.later, laterFile, config) as Record<string, unknown>;
  out.changes = cmp.changes.map(changeJson);
  const totals: Record<string, number> = {};
  CHANGE_KINDS.forEach((k) => (totals[k] = cmp.totals[k]));
  out.changeTotals = totals;
  return out;
}

export interface CompareReportOptions {
  lang: Lang;
  earlierFile: string;
  laterFile: string;
  sinceSource: SinceSource;
  out?: string | null;
  /** Lines per list before "… N more" (the --json and --out outputs hold them all). */
  limit?: number;
  width?: number;
  /** A terminal's width to wrap at (0 or absent: none). */
  wrap?: number;
}

/**
 * True when fewer than a fifth of the smaller version's items found their pair: two unrelated
 * ledgers, most likely, whose "added" and "removed" lists mean nothing.
 */
export function fewPairs(cmp: Comparison): boolean {
  const smaller = Math.min(cmp.earlier.items.length, cmp.later.items.length);
  return smaller >= 3 && cmp.pairs.length < smaller / 5;
}

/** The line that says so, or null. */
export function fewPairsLine(cmp: Comparison, lang: Lang): string | null {
  return fewPairs(cmp) ? cliText(lang, 'compare.fewPairs', { pairs: cmp.pairs.length }) : null;
}

/** The opening sentence, then each kind's list in report order (moved deadlines first). */
export function renderCompareReport(cmp: Comparison, opts: CompareReportOptions): string {
  const lang = opts.lang;
  const cx = COMPARE_TEXT[lang];
  const limit = opts.limit || 30;
  const lines: string[] = [cx.reportTitle];
  lines.push(cx.earlierLine(opts.earlierFile, cmp.earlier.sheet, cmp.earlier.asOf, opts.sinceSource));
  lines.push(cx.laterLine(opts.laterFile, cmp.later.sheet, cmp.later.asOf));
  lines.push('');
  lines.push(cx.sentence(cmp.totals));
  const few = fewPairsLine(cmp, lang);
  if (few) lines.push(few);
  const measureWidth = Math.max(20, (opts.width || opts.wrap || 120) - 84);
  for (const kind of CHANGE_KINDS) {
    const list = cmp.changes.filter((c) => c.kind === kind);
    if (!list.length) continue;
    lines.push('');
    lines.push(cx.kinds[kind] + (lang === 'zh' ? '（' + list.length + '项）' : ' (' + list.length + ')'));
    const rows: string[][] = [[term(lang, 'row'), term(lang, 'seq'), term(lang, 'leadDept'), cx.columns.from, cx.columns.to, term(lang, 'measure')]];
    list.slice(0, limit).forEach((c) =>
      rows.push([
        String(c.row !== null ? c.row : c.earlierRow),
        clip(c.seq, 8),
        clip(c.leadDept, 12),
        clip(sideText({ lang, cx }, c.kind, c.from), 28),
        clip(sideText({ lang, cx }, c.kind, c.to), 28),
        clip(c.measure, measureWidth),
      ]),
    );
    lines.push(...table(rows, '  ', opts.wrap || 0));
    if (list.length > limit) lines.push('  ' + cx.more(list.length - limit));
  }
  if (opts.out) {
    lines.push('');
    lines.push(cliText(lang, 'compare.written', { file: opts.out }));
  }
  return wrapText(lines.join('\n'), opts.wrap || 0) + '\n';
}
