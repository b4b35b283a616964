/**
 * The 通报 as a document model (model/document.ts), in the order of a published 整改进展情况的通报
 * (GB/T 9704-2012 公文): 文号, title, 主送, the opening paragraph, 一、 an editable frame of how the work
 * was organised, 二、 the ledger itself (第一方面问题 → （一）关于…问题 → 1. the measure, its 整改进展 and,
 * where it lags, its state in words), 三、 下一步 from the counts, the contact paragraph, 附件说明,
 * 落款 and 成文日期, then the 附件 table on a page of its own. Pure: src/docx renders it.
 */
import { DocBlock, DocModel, DocParagraph, DocRun, DocStyle } from '../model/document';
import { dueSoonDaysOf } from '../model/options';
import { Lang } from '../model/result';
import { Summary, SummaryItem } from '../model/summary';
import { enumeratorStripper, splitDepartments, stripEnumerator } from '../text/departments';
import { SUMMARY_TEXT } from '../words/summary';
import { TONGBAO_TEXT, TongbaoCounts, TongbaoText } from '../words/tongbao';
import { formatRate, statusWord } from './report';
import { blankGroup, groupBy } from '../text/sort';

export interface TongbaoOptions {
  /** 发文机关 (--issuer): the title's first line and the 落款; a placeholder without it. */
  issuer?: string | null;
  /** The date the rectification started, that is the day the feedback was given (--start). */
  start?: string | null;
  dueSoonDays?: number | null;
}

const PLACEHOLDER = /\{\{([^}]*)\}\}/g;

/** Text with {{…}} placeholders as runs, each placeholder a shaded run of its own. */
export function runsOf(text: string, extra: Partial<DocRun> = {}): DocRun[] {
  const runs: DocRun[] = [];
  let at = 0;
  let m: RegExpExecArray | null;
  PLACEHOLDER.lastIndex = 0;
  while ((m = PLACEHOLDER.exec(text)) !== null) {
    if (m.index > at) runs.push({ ...extra, text: text.slice(at, m.index) });
    runs.push({ ...extra, text: m[1], placeholder: true });
    at = m.index + m[0].length;
  }
  if (at < text.length) runs.push({ ...extra, text: text.slice(at) });
  return runs;
}

function para(style: DocStyle, runs: DocRun[] | string, pageBreakBefore = false): DocParagraph {
  const p: DocParagraph = { kind: 'paragraph', style, runs: typeof runs === 'string' ? runsOf(runs) : runs };
  if (pageBreakBefore) p.pageBreakBefore = true;
  return p;
}

function countsOf(s: Summary, dueSoonDays: number): TongbaoCounts {
  const t = s.totals;
  return {
    asOf: s.asOf, aspects: s.aspects, problems: s.problems, items: t.items, done: t.done, notDone: t.items - t.done,
    overdue: t.overdue, dueSoon: t.dueSoon, onTrack: t.onTrack, longTerm: t.longTerm, noDeadline: t.noDeadline,
    basicallyDone: s.basicallyDone, rate: formatRate(s.rate), dueSoonDays,
  };
}

/** What follows a measure: its reported 整改进展, then, where it lags, its state in words. */
export function measureFollowUp(i: SummaryItem, tb: TongbaoText): string {
  const progress = i.progress.trim();
  let out = progress ? tb.progress(progress) : i.flag === 'done' ? tb.noProgressDone : tb.noProgress;
  if (i.flag === 'overdue') out += tb.overdue(i.deadline.text || tb.date(i.due || ''), i.daysLeft === null ? 0 : -i.daysLeft);
  else if (i.flag === 'due-soon' && i.due) out += tb.dueSoon(i.due, i.daysLeft || 0);
  else if (i.flag === 'no-deadline') out += tb.noDeadline;
  if (i.flag !== 'done' && i.state === 'basically-done') out += tb.basicallyDone;
  return out;
}

/** The 通报 of a summary, as paragraphs and the annex table. */
export function tongbaoDocument(s: Summary, lang: Lang = s.lang, opts: TongbaoOptions = {}): DocModel {
  const tb = TONGBAO_TEXT[lang];
  const tx = SUMMARY_TEXT[lang];
  const issuer = (opts.issuer || '').trim();
  const c = countsOf(s, dueSoonDaysOf(opts));
  const year = +s.asOf.slice(0, 4);
  const blocks: DocBlock[] = [];
  const add = (style: DocStyle, runs: DocRun[] | string, pageBreak = false) => blocks.push(para(style, runs, pageBreak));
  /** A paragraph that opens with a 楷体 heading sentence (（一）…。) and goes on in the body's face. */
  const headed = (heading: string, text: string) => add('body', runsOf(heading, { font: 'kai' }).concat(runsOf(text)));

  add('number', tb.number(year));
  add('blank', '');
  add('title', issuer ? [{ text: issuer }] : runsOf(tb.issuerPlaceholder));
  add('title', tb.title);
  add('blank', '');
  add('addressee', tb.addressee);
  add('body', tb.opening(opts.start || null));

  add('heading1', tb.organiseHeading);
  tb.organise(c).forEach((p) => headed(p.heading, p.text));

  add('heading1', tb.resultsHeading);
  add('body', tb.results(c));
  const strip = enumeratorStripper();
  const aspects = blankGroup(groupBy(s.items, (i) => strip(i.aspect)), 'last');
  aspects.forEach((a, ai) => {
    add('body', tb.aspect(ai + 1, a.key || tx.otherAspect));
    const problems = blankGroup(groupBy(a.members, (i) => strip(i.problem)), 'first');
    let pn = 0;
    let mn = 0;
    for (const pr of problems) {
      if (pr.key) {
        add('heading2', tb.problem(++pn, pr.key));
        mn = 0;
      }
      for (const i of pr.members) {
        const lead = runsOf(tb.measure(++mn, stripEnumerator(i.measure)), { bold: true });
        add('heading3', lead.concat(runsOf(measureFollowUp(i, tb))));
      }
    }
  });

  add('heading1', tb.nextHeading);
  tb.next(c).forEach((p) => headed(p.heading, p.text));
  add('body', tb.contact);
  add('blank', '');
  add('body', tb.annexNote);
  add('blank', '');
  add('signature', issuer ? [{ text: issuer }] : runsOf(tb.issuerPlaceholder));
  add('date', tb.date(s.asOf));

  add('annexLabel', tb.annexLabel, true);
  add('annexTitle', tb.annexTitle);
  const rows: string[][] = [];
  let seq = 0;
  aspects.forEach((a, ai) => {
    rows.push([tb.annexAspect(ai + 1, a.key || tx.otherAspect)]);
    for (const i of a.members) {
      rows.push([String(++seq), strip(i.problem), stripEnumerator(i.measure), splitDepartments(i.leadDept).join('、'),
        i.deadline.text, statusWord(i, tx) + (i.flag !== 'done' && i.state === 'basically-done' ? '（' + basicallyDoneWord(lang) + '）' : '')]);
    }
  });
  blocks.push({ kind: 'table', header: tb.annexColumns, rows, widths: [6, 20, 32, 12, 13, 13], mergeDown: [1] });
  return { title: (issuer || '') + tb.title, lang, blocks };
}

function basicallyDoneWord(lang: Lang): string {
  return lang === 'zh' ? '基本完成' : 'basically done';
}
