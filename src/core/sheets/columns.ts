/** The columns the summary, report and notice tables share. */
import { CheckedItem } from '../model/result';
import { StyleKey } from '../model/spec';
import { GroupRow, Summary, SummaryItem } from '../model/summary';
import { FLAG_LABELS } from '../words/labels';
import { ColumnKey, SummaryText } from '../words/summary';
import { date, itemTarget, linked, num, rate, Row, text } from './cells';
import { Doc } from './print';
import { Column } from './table';

/* --------------------------------------- columns --------------------------------------- */

export function itemColumn(tx: SummaryText, key: ColumnKey, width: number, get: (i: SummaryItem) => string,
  s: StyleKey = 'text'): Column<SummaryItem> {
  return { header: tx.columns[key], width, cell: (i) => text(get(i), s) };
}

export function seqColumn<T>(tx: SummaryText): Column<T> {
  return { header: tx.columns.seq, width: 5, cell: (_r, i) => num(i + 1) };
}

export function flagColumn(doc: Doc): Column<CheckedItem> {
  return { header: doc.tx.columns.flag, width: 8, cell: (i) => text(FLAG_LABELS[doc.lang][i.flag]), flagRules: true };
}

/** 来源文件, 工作表, 行号: the 行号 cell links to the item (the row number stays its value). */
export function sourceColumns(tx: SummaryText): Column<SummaryItem>[] {
  return [
    itemColumn(tx, 'file', 10, (i) => i.file, 'wrap'),
    itemColumn(tx, 'sheet', 7, (i) => i.sheet, 'wrap'),
    { header: tx.columns.row, width: 5, cell: (i) => linked(num(i.row), itemTarget(i)) },
  ];
}

export function daysOverdue(i: SummaryItem): number | null {
  return i.flag === 'overdue' && i.daysLeft !== null ? -i.daysLeft : null;
}

function daysLeft(i: SummaryItem): number | null {
  return i.flag === 'overdue' ? null : i.daysLeft;
}

/** The columns of 逾期临期. */
export function laggingColumns(doc: Doc): Column<SummaryItem>[] {
  const tx = doc.tx;
  return [
    seqColumn<SummaryItem>(tx),
    flagColumn(doc),
    ...sourceColumns(tx),
    // No 方面: its full text in a narrow column made every row eight lines tall (the 存在问题 says
    // which problem; 汇总台账 and the 通报 give the aspects).
    itemColumn(tx, 'problem', 20, (i) => i.problem, 'wrap'),
    itemColumn(tx, 'measure', 28, (i) => i.measure, 'wrap'),
    itemColumn(tx, 'leadDept', 11, (i) => i.leadDept, 'wrap'),
    itemColumn(tx, 'leader', 8, (i) => i.leader, 'wrap'),
    // The deadline as the ledger words it (2022年6月底前, 立行立改), then the date it was read as.
    itemColumn(tx, 'deadline', 10, (i) => i.deadline.text, 'wrap'),
    { header: tx.columns.due, width: 10.5, cell: (i) => date(i.due) },
    { header: tx.columns.daysOverdue, width: 6, cell: (i) => num(daysOverdue(i)) },
    { header: tx.columns.daysLeft, width: 6, cell: (i) => num(daysLeft(i)) },
    // What the department last reported, for whoever chases it.
    itemColumn(tx, 'progress', 20, (i) => i.progress, 'wrap'),
  ];
}

type GroupCount = Exclude<keyof GroupRow, 'name' | 'blank' | 'rate'>;
const GROUP_COUNTS: GroupCount[] = ['problems', 'measures', 'done', 'overdue', 'dueSoon', 'onTrack', 'longTerm', 'noDeadline'];

export function groupColumns(tx: SummaryText, nameKey: ColumnKey, blankName: string): Column<GroupRow>[] {
  const cols: Column<GroupRow>[] = [
    { header: tx.columns[nameKey], width: 30, cell: (g) => text(g.blank ? blankName : g.name, 'wrap') },
  ];
  for (const k of GROUP_COUNTS) cols.push({ header: tx.columns[k], width: 9, cell: (g) => num(g[k]) });
  cols.push({ header: tx.columns.rate, width: 10, cell: (g) => rate(g.rate), dataBars: true });
  return cols;
}

/** The 合计 row: the summary's own totals, so a jointly led item is counted once. */
export function groupTotal(s: Summary, label: string): Row {
  const t = s.totals;
  const counts = [s.problems, t.items, t.done, t.overdue, t.dueSoon, t.onTrack, t.longTerm, t.noDeadline];
  const row: Row = [text(label, 'total')];
  for (const n of counts) row.push(num(n, 'total'));
  row.push({ v: s.rate, s: 'percent' });
  return row;
}

/** The rows added up, as they stand (a jointly led item once per department); no rate, which would mislead. */
export function groupSum(groups: GroupRow[], label: string): Row {
  const row: Row = [text(label, 'total')];
  for (const k of GROUP_COUNTS) {
    let n = 0;
    for (const g of groups) n += g[k];
    row.push(num(n, 'total'));
  }
  row.push({ v: null, s: 'total' });
  return row;
}
