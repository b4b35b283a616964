/**
 * Comparison -> SheetSpec[]: the workbook of `taizhang compare --out` and of the pane's 对比上期.
 * 对比总览 (who, when, the sentence, counts by kind, the totals of both versions), then one list per
 * question a supervisor asks: 时限调整, 新增逾期 (with 持续逾期), 本期完成 (with 状态倒退), 进展停滞,
 * 增删事项, and 全部变化 (every change, to filter). Built with the summary's table builder, so they
 * print, freeze, filter and colour flags as every other sheet does.
 */
import { Change, ChangeKind, CHANGE_KINDS, ChangeSide, Comparison } from '../model/comparison';
import { COMPARE_TEXT, CompareColumnKey, CompareText, SinceSource } from '../words/compare';
import { diffDays } from '../text/dates';
import { daysPhrase, FLAG_LABELS, STATE_LABELS } from '../words/labels';
import { Column, tableSheet } from './table';
import { date, itemTarget, linked, num, rate, text } from './cells';
import { Doc, docFor, DocumentOptions } from './print';
import { completionRate } from '../aggregate/summary';
import { CheckedItem, Lang, Totals } from '../model/result';
import { Flag } from '../model/ledger';
import { SheetSpec, SpecCell } from '../model/spec';

export interface CompareSheetOptions extends DocumentOptions {
  /** Where the earlier version's judging date came from. */
  sinceSource: SinceSource;
  /** File names as the user knows them. */
  earlierFile: string;
  laterFile: string;
}

interface Ctx {
  doc: Doc;
  cx: CompareText;
  lang: Lang;
}

function col(cx: CompareText, key: CompareColumnKey, width: number, cell: (c: Change, i: number) => SpecCell | null, flagRules = false): Column<Change> {
  return { header: cx.columns[key], width, cell, flagRules };
}

const n = (cx: CompareText) => col(cx, 'n', 5, (_c, i) => num(i + 1));
const kindCol = (cx: CompareText) => col(cx, 'change', 10, (c) => text(cx.kinds[c.kind]));
const seqCol = (cx: CompareText) => col(cx, 'seq', 6, (c) => text(c.seq));
const measureCol = (cx: CompareText) => col(cx, 'measure', 30, (c) => text(c.measure, 'wrap'));
const deptCol = (cx: CompareText) => col(cx, 'leadDept', 11, (c) => text(c.leadDept, 'wrap'));

/** The later row, linked to the item in the workbook where the ledger is (the add-in's 对比上期). */
function rowCell(c: Change): SpecCell {
  const cell = num(c.row);
  return c.later ? linked(cell, itemTarget(c.later)) : cell;
}

function flagText(ctx: Ctx, flag: Flag | undefined): SpecCell {
  return text(flag ? FLAG_LABELS[ctx.lang][flag] : '');
}

/** One side of a change in words: a deadline, a state, a department or a progress text. */
export function sideText(ctx: { lang: Lang; cx: CompareText }, kind: ChangeKind, side: ChangeSide | null): string {
  if (!side) return ctx.cx.none;
  if (kind === 'deadline-later' || kind === 'deadline-earlier') return ctx.cx.deadline(side.text || '', side.due || null);
  if (kind === 'lead-changed') return side.leadDept || ctx.cx.none;
  if (kind === 'stalled') return side.progress || ctx.cx.none;
  if (kind === 'newly-overdue' || kind === 'still-overdue') {
    const days = side.daysLeft;
    if (side.flag === 'overdue' && typeof days === 'number') return daysPhrase(ctx.lang, days);
    return side.flag ? FLAG_LABELS[ctx.lang][side.flag] : '';
  }
  if (side.state) return STATE_LABELS[ctx.lang][side.state];
  return side.flag ? FLAG_LABELS[ctx.lang][side.flag] : ctx.cx.none;
}

function list(ctx: Ctx, key: 'deadlines' | 'overdue' | 'done' | 'stalled' | 'addedRemoved' | 'all', columns: Column<Change>[], records: Change[]): SheetSpec {
  return tableSheet<Change>({ name: ctx.cx.sheets[key], title: ctx.cx.titles[key], doc: ctx.doc, columns, records });
}

function of(cmp: Comparison, kinds: ChangeKind[]): Change[] {
  return cmp.changes.filter((c) => kinds.indexOf(c.kind) >= 0);
}

function daysWords(lang: Lang, it: { flag: string; daysLeft: number | null }): string {
  return typeof it.daysLeft === 'number' ? daysPhrase(lang, it.daysLeft) : '';
}

function overdueDays(side: ChangeSide | null): number | null {
  return side && side.flag === 'overdue' && typeof side.daysLeft === 'number' ? -side.daysLeft : null;
}

function totalsRows(ctx: Ctx, earlier: Totals, later: Totals): SpecCell[][] {
  const m = ctx.cx.metrics;
  const keys: (keyof Totals)[] = ['items', 'done', 'overdue', 'dueSoon', 'onTrack', 'longTerm', 'noDeadline'];
  const rows: SpecCell[][] = keys.map((k) => [text(m[k]), num(earlier[k]), num(later[k]), num(later[k] - earlier[k])]);
  const re = completionRate(earlier.done, earlier.items);
  const rl = completionRate(later.done, later.items);
  rows.push([text(m.rate), rate(re), rate(rl), re !== null && rl !== null ? text(ctx.cx.points(rl - re)) : rate(null)]);
  return rows;
}

function overviewSheet(cmp: Comparison, ctx: Ctx, opts: CompareSheetOptions): SheetSpec {
  const cx = ctx.cx;
  const e = cmp.earlier;
  const l = cmp.later;
  const before: (SpecCell | null)[][] = [
    [text(cx.titles.overview, 'title'), null, null, null],
    [text(ctx.doc.tx.asOfLine(l.asOf), 'subtitle'), null, null, null],
    [text(cx.earlierLine(opts.earlierFile, e.sheet, e.asOf, opts.sinceSource), 'wrap'), null, null, null],
    [text(cx.laterLine(opts.laterFile, l.sheet, l.asOf), 'wrap'), null, null, null],
    [text(cx.sentence(cmp.totals), 'paragraph'), null, null, null],
    [],
  ];
  const after: (SpecCell | null)[][] = [[], [text(cx.columns.metric, 'header'), text(cx.columns.earlier, 'header'), text(cx.columns.later, 'header'), text(cx.columns.delta, 'header')]];
  totalsRows(ctx, e.totals, l.totals).forEach((r) => after.push(r));
  return tableSheet<ChangeKind>({
    name: cx.sheets.overview,
    doc: ctx.doc,
    filter: false,
    repeatHeader: false,
    landscape: false,
    pagesTall: 1,
    before,
    merges: ['A1:D1', 'A2:D2', 'A3:D3', 'A4:D4', 'A5:D5'],
    heights: [26, 0, 30, 30, 48],
    columns: [
      { header: cx.columns.kind, width: 26, cell: (k) => text(cx.kinds[k]) },
      { header: cx.columns.count, width: 12, cell: (k) => num(cmp.totals[k]) },
    ],
    records: CHANGE_KINDS,
    after,
    widths: [26, 12, 12, 12],
  });
}

/** The sheets of a comparison, in the order a supervisor reads them. */
export function compareSheets(cmp: Comparison, lang: Lang, opts: CompareSheetOptions): SheetSpec[] {
  const cx = COMPARE_TEXT[lang];
  const ctx: Ctx = { doc: docFor(cmp.later.asOf, lang, opts), cx, lang };
  const side = (which: 'from' | 'to') => (c: Change) => text(sideText(ctx, c.kind, c[which]), 'wrap');
  const item = (c: Change): CheckedItem => (c.later || c.earlier) as CheckedItem;

  const deadlines = list(ctx, 'deadlines', [
    n(cx),
    col(cx, 'change', 7, (c) => text(c.kind === 'deadline-later' ? cx.later : cx.earlier, c.kind === 'deadline-later' ? 'bad' : 'text')),
    seqCol(cx), measureCol(cx), deptCol(cx),
    col(cx, 'fromDeadline', 14, (c) => text((c.from && c.from.text) || '', 'wrap')),
    col(cx, 'fromDue', 10.5, (c) => date((c.from && c.from.due) || null)),
    col(cx, 'toDeadline', 14, (c) => text((c.to && c.to.text) || '', 'wrap')),
    col(cx, 'toDue', 10.5, (c) => date((c.to && c.to.due) || null)),
    col(cx, 'shiftDays', 7, (c) => num(c.from && c.to && c.from.due && c.to.due ? diffDays(c.from.due, c.to.due) : null)),
    col(cx, 'flag', 8, (c) => flagText(ctx, item(c).flag), true),
    col(cx, 'row', 6, rowCell),
    col(cx, 'earlierRow', 6, (c) => num(c.earlierRow)),
  ], of(cmp, ['deadline-later', 'deadline-earlier']));

  const overdue = list(ctx, 'overdue', [
    n(cx), kindCol(cx), seqCol(cx), measureCol(cx), deptCol(cx),
    col(cx, 'deadline', 14, (c) => text(item(c).deadline.text, 'wrap')),
    col(cx, 'due', 10.5, (c) => date(item(c).due)),
    col(cx, 'daysOverdue', 7, (c) => num(overdueDays(c.to))),
    col(cx, 'earlierDaysOverdue', 7, (c) => num(overdueDays(c.from))),
    col(cx, 'earlierFlag', 9, (c) => flagText(ctx, c.from ? c.from.flag : undefined), true),
    col(cx, 'flag', 8, (c) => flagText(ctx, c.to ? c.to.flag : undefined), true),
    col(cx, 'row', 6, rowCell),
  ], of(cmp, ['newly-overdue', 'still-overdue']));

  const done = list(ctx, 'done', [
    n(cx), kindCol(cx), seqCol(cx), measureCol(cx), deptCol(cx),
    col(cx, 'fromState', 9, (c) => text(c.from && c.from.state ? STATE_LABELS[lang][c.from.state] : '')),
    col(cx, 'toState', 9, (c) => text(c.to && c.to.state ? STATE_LABELS[lang][c.to.state] : '')),
    col(cx, 'flag', 8, (c) => flagText(ctx, item(c).flag), true),
    col(cx, 'progress', 30, (c) => text(item(c).progress, 'wrap')),
    col(cx, 'row', 6, rowCell),
  ], of(cmp, ['done', 'went-back']));

  const stalled = list(ctx, 'stalled', [
    n(cx), seqCol(cx), measureCol(cx), deptCol(cx),
    col(cx, 'flag', 8, (c) => flagText(ctx, item(c).flag), true),
    col(cx, 'due', 10.5, (c) => date(item(c).due)),
    col(cx, 'days', 9, (c) => text(daysWords(ctx.lang, item(c)))),
    col(cx, 'progress', 34, (c) => text(item(c).progress, 'wrap')),
    col(cx, 'row', 6, rowCell),
  ], of(cmp, ['stalled']));

  const addedRemoved = list(ctx, 'addedRemoved', [
    n(cx), kindCol(cx), seqCol(cx),
    col(cx, 'problem', 20, (c) => text(item(c).problem, 'wrap')),
    measureCol(cx), deptCol(cx),
    col(cx, 'deadline', 14, (c) => text(item(c).deadline.text, 'wrap')),
    col(cx, 'flag', 8, (c) => flagText(ctx, item(c).flag), true),
    col(cx, 'row', 6, rowCell),
    col(cx, 'earlierRow', 6, (c) => num(c.earlierRow)),
  ], of(cmp, ['added', 'removed']));

  const all = list(ctx, 'all', [
    n(cx), kindCol(cx), seqCol(cx), measureCol(cx), deptCol(cx),
    col(cx, 'from', 18, side('from')),
    col(cx, 'to', 18, side('to')),
    col(cx, 'row', 6, rowCell),
    col(cx, 'earlierRow', 6, (c) => num(c.earlierRow)),
  ], cmp.changes);

  return [overviewSheet(cmp, ctx, opts), deadlines, overdue, done, stalled, addedRemoved, all];
}
