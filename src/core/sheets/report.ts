/** The 通报提纲 (progress-report outline) as lines and as a sheet. */
import { dueSoonDaysOf } from '../model/options';
import { Lang } from '../model/result';
import { SheetSpec, StyleKey } from '../model/spec';
import { GroupRow, Summary, SummaryItem } from '../model/summary';
import { enumeratorStripper, splitDepartments, stripEnumerator } from '../text/departments';
import { COMPARE_TEXT } from '../words/compare';
import { AspectCounts, SUMMARY_TEXT, SummaryText } from '../words/summary';
import { text } from './cells';
import { daysOverdue } from './columns';
import { Doc, DocumentOptions, printOf } from './print';
import { fitRows } from './table';
import { blankGroup, groupBy } from '../text/sort';

/* ---------------------------------------- the report ---------------------------------------- */

export interface ReportLine {
  text: string;
  /** 0: a title or a paragraph; 1: 一、; 2: （一）; 3: 1. */
  level: 0 | 1 | 2 | 3;
  style: StyleKey;
  /** True for the lines of the annex (the measure list). */
  annex?: boolean;
}

export function formatRate(rate: number | null): string | null {
  return rate === null ? null : (rate * 100).toFixed(1) + '%';
}

/** An item's status in the one vocabulary of the report: 已完成, 已销号, 逾期N天, 临期（剩N天）, 正常推进, 长期坚持, 时限待明确. */
export function statusWord(i: SummaryItem, tx: SummaryText): string {
  const st = tx.status;
  switch (i.flag) {
    case 'done':
      return i.state === 'closed' ? st.closed : st.done;
    case 'overdue':
      return st.overdue(daysOverdue(i) ?? 0);
    case 'due-soon':
      return st.dueSoon(i.daysLeft ?? 0);
    case 'on-track':
      return st.onTrack;
    case 'long-term':
      return st.longTerm;
    default:
      return st.noDeadline;
  }
}

const NAMED_DEPTS = 5;

function aspectCounts(g: GroupRow): AspectCounts {
  return { problems: g.problems, measures: g.measures, done: g.done, overdue: g.overdue, dueSoon: g.dueSoon, rate: formatRate(g.rate) };
}

/**
 * The 整改进展情况通报, one paragraph per line: the totals sentence; 一、分方面进展; 二、存在的问题
 * (the lagging count and departments); 三、下一步工作 (a paragraph to edit); then the measures as
 * the annex, aspect (一、) -> problem (（一）) -> measure (1.) with its status.
 */
export function reportLines(s: Summary, lang: Lang = 'zh', opts: DocumentOptions = {}): ReportLine[] {
  const tx = SUMMARY_TEXT[lang];
  const r = tx.report;
  const p = tx.indent.paragraph;
  const lines: ReportLine[] = [
    { level: 0, style: 'docTitle', text: r.title },
    { level: 0, style: 'docNumber', text: tx.asOfLine(s.asOf) },
    {
      level: 0, style: 'paragraph', text: p + r.opening({
        asOf: s.asOf, aspects: s.aspects, problems: s.problems, items: s.totals.items, done: s.totals.done,
        closed: s.closed, basicallyDone: s.basicallyDone, overdue: s.totals.overdue, rate: formatRate(s.rate),
      }),
    },
  ];
  if (s.progress) lines.push({ level: 0, style: 'paragraph', text: p + r.period(s.progress.since, COMPARE_TEXT[lang].sentence(s.progress.totals)) });
  const heading = (n: number, t: string) => lines.push({ level: 1, style: 'heading1', text: p + tx.heading1(n, t) });
  const para = (t: string, level: 0 | 2 = 2) => lines.push({ level, style: 'paragraph', text: p + t });

  heading(1, r.progressHeading);
  s.byAspect.forEach((g, k) => para(r.aspectLine(k + 1, g.name, aspectCounts(g))));

  heading(2, r.problemsHeading);
  const issues: string[] = [];
  const t = s.totals;
  issues.push(t.overdue + t.dueSoon > 0 ? r.lagging(t.overdue, t.dueSoon, dueSoonDaysOf(opts)) : r.noLagging);
  // Only departments with more than one overdue item: a list of every department with one is not 较多.
  const depts = s.byLeadDept.filter((g) => !g.blank && g.overdue > 1).slice(0, NAMED_DEPTS);
  if (depts.length) issues.push(r.laggingDepts(depts.map((g) => ({ name: g.name, overdue: g.overdue }))));
  if (t.noDeadline + s.basicallyDone > 0) issues.push(r.unsettled(t.noDeadline, s.basicallyDone));
  if (s.findingCounts.errors > 0) issues.push(r.findingErrors(s.findingCounts.errors));
  issues.forEach((line, k) => para(tx.heading2(k + 1, line)));

  heading(3, r.nextHeading);
  para(r.next, 0);

  lines.push({ level: 0, style: 'paragraph', text: '' });
  lines.push({ level: 1, style: 'heading1', text: r.annexHeading, annex: true });
  const [i1, i2, i3] = tx.indent.annex;
  const strip = enumeratorStripper();
  const aspects = blankGroup(groupBy(s.items, (i) => strip(i.aspect)), 'last');
  aspects.forEach((a, ai) => {
    lines.push({ level: 1, style: 'heading1', annex: true, text: i1 + tx.heading1(ai + 1, a.key || tx.otherAspect) });
    const problems = blankGroup(groupBy(a.members, (i) => strip(i.problem)), 'first');
    let pn = 0;
    for (const pr of problems) {
      if (pr.key) lines.push({ level: 2, style: 'paragraph', annex: true, text: i2 + tx.heading2(++pn, pr.key) });
      pr.members.forEach((i, n) => {
        // The lead department where someone has to act: overdue and due-soon measures.
        const dept = i.flag === 'overdue' || i.flag === 'due-soon' ? splitDepartments(i.leadDept).join('、') : '';
        lines.push({ level: 3, style: 'paragraph', annex: true, text: i3 + r.measureLine(n + 1, stripEnumerator(i.measure), dept, statusWord(i, tx)) });
      });
    }
  });
  return lines;
}

/** The report prints on A4 portrait: one column as wide as the page, one paragraph per cell. */
const REPORT_WIDTH = 92;

export function reportSheet(s: Summary, doc: Doc): SheetSpec {
  const lines = reportLines(s, doc.lang, doc.opts);
  // A document among the tables: its pages numbered on their own (— 1 —, no total, which would count
  // the whole workbook's pages when all of it is printed), from 1 also when the whole workbook is.
  const print = printOf(doc, false, null);
  print.footer = { ...print.footer, center: doc.tx.documentFooter };
  print.firstPageNumber = 1;
  return fitRows({
    name: doc.tx.sheets.outline,
    rows: lines.map((l) => [text(l.text, l.style)]),
    widths: [REPORT_WIDTH],
    // The title's row, for its 20 pt; the paragraphs are not merged, so hosts fit them.
    heights: [36, 22],
    // Each paragraph's height is what its text needs now: the rows still grow when the text is edited.
    growRows: true,
    print,
  });
}
