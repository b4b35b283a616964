/** The 督办单: one notice per department with overdue or due-soon items. */
import { daysPhrase } from '../words/labels';
import { replyDaysOf } from '../model/options';
import { Lang } from '../model/result';
import { SheetSpec, SpecCell } from '../model/spec';
import { Summary, SummaryItem } from '../model/summary';
import { addWorkingDays } from '../text/dates';
import { splitDepartments } from '../text/departments';
import { colLetter } from '../text/a1';
import { Row, date, text } from './cells';
import { daysOverdue, itemColumn, seqColumn } from './columns';
import { safeSheetNames } from './names';
import { Doc, DocumentOptions, docOf, printOf, printableHeight, rowHeight, textLines } from './print';
import { STYLES } from './styles';
import { Column, fitRows } from './table';

/** Departments that get a 督办单: those leading at least one overdue or due-soon item, most overdue first. */
export function noticeDepartments(summary: Summary): string[] {
  return summary.byLeadDept.filter((g) => !g.blank && g.overdue + g.dueSoon > 0).map((g) => g.name);
}

/** A 立行立改 item whose date would be the as-of date made up as one: no start date was given. */
function needsStart(i: SummaryItem, doc: Doc, start: string | null | undefined): boolean {
  return i.deadline.kind === 'immediate' && !(doc.opts.start || start);
}

/**
 * A 督办单's columns: what the department needs to act (the item, its 责任领导, its deadline and the
 * 整改进展 it last reported), and a column wide enough to write its reply in.
 */
function noticeColumns(doc: Doc, start: string | null | undefined): Column<SummaryItem>[] {
  const tx = doc.tx;
  return [
    seqColumn<SummaryItem>(tx),
    itemColumn(tx, 'problem', 14, (i) => i.problem, 'wrap'),
    itemColumn(tx, 'measure', 22, (i) => i.measure, 'wrap'),
    itemColumn(tx, 'leader', 7, (i) => i.leader, 'wrap'),
    itemColumn(tx, 'deadline', 10, (i) => i.deadline.text, 'wrap'),
    { header: tx.columns.due, width: 10.5, cell: (i) => (needsStart(i, doc, start) ? text(tx.notice.needsStart, 'wrap') : date(i.due)) },
    {
      header: tx.columns.days, width: 9,
      cell: (i) => {
        const overdue = i.flag === 'overdue';
        const days = overdue ? daysOverdue(i) : i.daysLeft;
        return days === null || needsStart(i, doc, start) ? text('', 'text') : text(daysPhrase(doc.lang, overdue ? -days : days), overdue ? 'bad' : 'neutral');
      },
    },
    itemColumn(tx, 'progress', 16, (i) => i.progress, 'wrap'),
    { header: tx.columns.reply, width: REPLY_WIDTH, cell: () => ({ v: null, s: 'wrap' }) },
  ];
}

/** The reply column: about 15 Chinese characters a line, room to write by hand or to type. */
export const REPLY_WIDTH = 30;

/** `{n}` in the 文号 is the notice's place in the list (1, 2, …); a 文号 without it is used as it is. */
export function noticeNumberOf(template: string, n: number): string {
  return template.replace(/\{n\}/g, String(n));
}

/** Where anything is overdue, a 督办单; where items are only due soon, a 提醒单. */
export function isReminder(summary: Summary, dept: string): boolean {
  return !itemsOf(summary, dept).some((i) => i.flag === 'overdue');
}

function itemsOf(summary: Summary, dept: string): SummaryItem[] {
  return summary.overdueAndDueSoon.filter((i) => splitDepartments(i.leadDept).indexOf(dept) >= 0);
}

/**
 * The 督办单 for one lead department, as a supervision notice: title, 文号, the department as
 * addressee, one paragraph in the tone its items call for, the items with a column for the reply,
 * the reply deadline, contact and seal lines. It prints on one A4 portrait page where it fits.
 */
function noticeSheet(summary: Summary, dept: string, doc: Doc, name: string, seq: number): SheetSpec {
  const tx = doc.tx;
  const n = tx.notice;
  const items = itemsOf(summary, dept);
  const overdue = items.filter((i) => i.flag === 'overdue').length;
  const columns = noticeColumns(doc, summary.start);
  const widths = columns.map((c) => c.width);
  let total = 0;
  for (const w of widths) total += w;
  const last = colLetter(columns.length);
  const size = STYLES.paragraph.size || 12;
  const rows: Row[] = [];
  const merges: string[] = [];
  const heights: number[] = [];
  /** A line across the page: merged, with a height for its wrapped text. */
  const line = (cell: SpecCell | null, height?: number) => {
    rows.push([cell]);
    const r = rows.length;
    merges.push('A' + r + ':' + last + r);
    const lines = cell && typeof cell.v === 'string' && cell.v ? textLines(cell.v, total, size) : 1;
    heights[r - 1] = height || rowHeight(lines, size);
  };
  const year = +summary.asOf.slice(0, 4);
  const number = noticeNumberOf((doc.opts.noticeNumber || '').trim() || n.number(year), seq);
  const replyBy = addWorkingDays(summary.asOf, replyDaysOf(doc.opts));
  const p = tx.indent.paragraph;

  line(text(overdue ? tx.sheetTitles.notice : n.reminderTitle, 'docTitle'), 40);
  line(text(number, 'docNumber'), 24);
  line(text(n.addressee(dept), 'paragraph'));
  line(text(p + n.sentence(summary.asOf, dept, overdue, items.length - overdue), 'paragraph'));
  const headerRow = rows.length + 1;
  rows.push(columns.map((c) => text(c.header, 'header')));
  items.forEach((i, k) => rows.push(columns.map((c) => c.cell(i, k))));
  line(null, 10);
  line(text(p + n.reply(tx.date(replyBy), doc.issuer), 'paragraph'));
  line(text(p + n.contact, 'paragraph'));
  // The seal goes over the issuer and the date: room for it, and no （盖章） printed.
  line(null, 48);
  line(text(n.seal(doc.issuer), 'signature'));
  line(text(tx.date(summary.asOf), 'signature'));
  line(null, 10);
  const leaders: string[] = [];
  items.forEach((i) => splitDepartments(i.leader).forEach((l) => leaders.indexOf(l) < 0 && leaders.push(l)));
  line(text(n.copyTo(leaders), 'paragraph'));
  line(text(n.receipt, 'paragraph'));

  // Landscape: nine columns, the reply column wide enough to write in.
  const print = printOf(doc, true, headerRow);
  print.footer = { center: tx.pageFooter };
  const spec = fitRows({ name, rows, merges, heights, widths, print });
  // One page where it fits at a readable scale; else as many pages as it takes, the header repeated.
  let height = 0;
  for (let r = 0; r < rows.length; r++) height += (spec.heights && spec.heights[r]) || 15;
  if (height <= printableHeight(true) / 0.8) print.fitToHeight = 1;
  return spec;
}

/** The 督办单 for one lead department (its overdue and due-soon items, jointly led ones included): a workbook of one sheet. */
export function noticeSheets(summary: Summary, dept: string, lang: Lang = 'zh', opts: DocumentOptions = {}): SheetSpec[] {
  const doc = docOf(summary, lang, opts);
  const seq = noticeDepartments(summary).indexOf(dept) + 1;
  return [noticeSheet(summary, dept, doc, isReminder(summary, dept) ? doc.tx.notice.reminderSheet : doc.tx.sheets.notice, seq || 1)];
}

/**
 * Every 督办单 in one workbook, one sheet per department, named after it (within Excel's rules for
 * sheet names): for the task pane, which sends them as one file. Beside a ledger, in the workbook it
 * sits in, the pane names them `prefix` + department (督办单-办公室), a 提醒单 `reminderPrefix` +
 * department (提醒单-财务处).
 */
export function noticeBookSheets(summary: Summary, lang: Lang = 'zh', opts: DocumentOptions = {}, prefix = '',
  reminderPrefix = prefix): SheetSpec[] {
  const doc = docOf(summary, lang, opts);
  const depts = noticeDepartments(summary);
  const names = safeSheetNames(depts.map((d) => (isReminder(summary, d) ? reminderPrefix : prefix) + d));
  return depts.map((d, k) => noticeSheet(summary, d, doc, names[k], k + 1));
}
