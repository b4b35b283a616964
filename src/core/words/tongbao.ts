/**
 * The words of the 通报 as a document (sheets/tongbao.ts builds it, src/docx writes it), in the form of
 * a published 整改进展情况的通报: title, 文号 and 主送, the opening paragraph, 一、 how the work was
 * organised, 二、 the ledger (第一方面问题 → （一）关于…问题 → 1. the measure and its 整改进展), 三、 下一步,
 * the contact paragraph, 落款, 成文日期 and the 附件 table.
 *
 * Text between {{ and }} is a placeholder the user replaces before the document goes out: the
 * writer shades it (sheets/tongbao.ts runsOf splits it out). Nothing else is invented: every figure
 * comes from the ledger.
 */
import { Lang } from '../model/result';
import { chineseOrdinal } from './summary';

export interface TongbaoCounts {
  asOf: string;
  aspects: number;
  problems: number;
  items: number;
  done: number;
  /** Not done: items - done, split by flag below; basicallyDone is a part of it, never beside it. */
  notDone: number;
  overdue: number;
  dueSoon: number;
  onTrack: number;
  longTerm: number;
  noDeadline: number;
  basicallyDone: number;
  rate: string | null;
  dueSoonDays: number;
}

export interface TongbaoText {
  issuerPlaceholder: string;
  /** The title's second line, under the issuer. */
  title: string;
  number: (year: number) => string;
  addressee: string;
  opening: (feedback: string | null) => string;
  organiseHeading: string;
  /** 一、's four parts: a 楷体 heading and a paragraph to write; `scope` fills the second from the ledger. */
  organise: (scope: TongbaoCounts) => { heading: string; text: string }[];
  resultsHeading: string;
  results: (c: TongbaoCounts) => string;
  aspect: (n: number, text: string) => string;
  problem: (n: number, text: string) => string;
  measure: (n: number, text: string) => string;
  /** The measure's reported 整改进展, as a sentence. */
  progress: (text: string) => string;
  noProgressDone: string;
  noProgress: string;
  /** The state in words where a measure lags. */
  overdue: (deadline: string, days: number) => string;
  dueSoon: (due: string, days: number) => string;
  noDeadline: string;
  basicallyDone: string;
  nextHeading: string;
  next: (c: TongbaoCounts) => { heading: string; text: string }[];
  contact: string;
  annexNote: string;
  annexLabel: string;
  annexTitle: string;
  annexColumns: string[];
  /** The annex's row of an aspect, across the table. */
  annexAspect: (n: number, text: string) => string;
  date: (iso: string) => string;
  /** 1 -> 一 (zh), 1 -> 1 (en). */
  ordinal: (n: number) => string;
}

function zhDate(iso: string): string {
  return +iso.slice(0, 4) + '年' + +iso.slice(5, 7) + '月' + +iso.slice(8, 10) + '日';
}

/** A sentence ends in 。 unless it already ends in a stop. */
function stop(s: string): string {
  return /[。！？；.!?;]$/.test(s) ? s : s + '。';
}

/** 关于X问题 once: a problem already worded 关于…问题 or …的问题 is not wrapped twice. */
function aboutProblem(text: string): string {
  const core = text.replace(/^关于/, '').replace(/[。；;.]+$/, '').replace(/的?问题$/, '');
  return '关于' + core + '问题';
}

const ZH: TongbaoText = {
  issuerPlaceholder: '{{中共××党组}}',
  title: '关于巡视整改进展情况的通报',
  number: (year) => '{{机关代字}}〔' + year + '〕{{×}}号',
  addressee: '{{主送机关}}：',
  opening: (feedback) =>
    '根据{{上级党组织}}统一部署，{{××××年××月××日至××月××日}}，{{××巡视组}}对{{××党组}}进行了巡视。' +
    (feedback ? zhDate(feedback) : '{{××××年××月××日}}') +
    '，{{××巡视组}}向{{××党组}}反馈了巡视意见。根据《中国共产党巡视工作条例》和《中国共产党党内监督条例》有关规定，' +
    '现将巡视整改进展情况予以公布。',
  organiseHeading: '一、提高政治站位，扛起巡视整改政治责任',
  organise: (c) => [
    { heading: '（一）履行主体责任，以上率下带头整改。', text: '{{党组研究部署整改、成立整改工作领导小组、主要负责同志履行第一责任人责任的情况。}}' },
    {
      heading: '（二）坚持问题导向，逐项明确整改责任。',
      text: '对照巡视反馈意见，梳理问题清单、任务清单、责任清单，' +
        (c.aspects > 0 ? '涉及' + c.aspects + '个方面' : '') + (c.problems > 0 ? c.problems + '个问题，' : '') +
        '制定整改措施' + c.items + '项，逐项明确责任领导、牵头部门和完成时限。{{补充整改方案制定、专题民主生活会等情况。}}',
    },
    { heading: '（三）强化督导检查，确保整改落地见效。', text: '{{督促检查、跟踪问效、实行销账式管理的情况。}}' },
    { heading: '（四）完善制度机制，巩固深化整改成果。', text: '{{建章立制、建立长效机制的情况。}}' },
  ],
  resultsHeading: '二、紧盯巡视反馈指出的问题，逐条逐项抓好整改落实',
  results: (c) =>
    '截至' + zhDate(c.asOf) + '，' + c.items + '项整改措施已完成' + c.done + '项' + (c.rate === null ? '' : '，完成率' + c.rate) +
    (c.notDone > 0
      ? '；尚未完成的' + c.notDone + '项中，' +
        [c.overdue ? '已超过完成时限' + c.overdue + '项' : '', c.dueSoon ? c.dueSoonDays + '日内到期' + c.dueSoon + '项' : '',
          c.onTrack ? '按计划推进' + c.onTrack + '项' : '', c.longTerm ? '需长期坚持' + c.longTerm + '项' : '',
          c.noDeadline ? '完成时限待明确' + c.noDeadline + '项' : ''].filter((x) => x !== '').join('，') +
        (c.basicallyDone ? '（其中' + c.basicallyDone + '项已基本完成）' : '')
      : '') + '。具体情况如下：',
  aspect: (n, text) => stop('第' + chineseOrdinal(n) + '方面问题，' + text),
  problem: (n, text) => '（' + chineseOrdinal(n) + '）' + aboutProblem(text),
  measure: (n, text) => n + '.' + stop(text),
  progress: (text) => stop(text.replace(/\s*\n\s*/g, '；')),
  noProgressDone: '已完成整改。',
  noProgress: '{{请补充整改进展。}}',
  overdue: (deadline, days) => '该项整改完成时限为' + deadline + '，已逾期' + days + '天，尚未完成，正督促加快推进。',
  dueSoon: (due, days) => '该项整改将于' + zhDate(due) + '到期（剩' + days + '天），正抓紧推进。',
  noDeadline: '该项整改完成时限尚待明确。',
  basicallyDone: '目前已基本完成，尚未完成整改。',
  nextHeading: '三、下一步工作打算',
  next: (c) => {
    const points: { heading: string; text: string }[] = [];
    if (c.overdue) {
      points.push({ heading: '抓紧推进逾期事项整改。', text: '对尚未按期完成的' + c.overdue + '项整改措施，逐项分析原因，明确责任和时限，督促牵头部门加快推进，确保尽快整改到位。' });
    }
    if (c.dueSoon) {
      points.push({ heading: '压茬推进临期事项。', text: '对' + c.dueSoonDays + '日内到期的' + c.dueSoon + '项整改措施，倒排工期、挂图作战，确保按期完成。' });
    }
    if (c.noDeadline) {
      points.push({ heading: '尽快明确完成时限。', text: '对完成时限尚待明确的' + c.noDeadline + '项整改措施，研究确定完成时限，纳入台账管理。' });
    }
    points.push({
      heading: '持续巩固深化整改成效。',
      text: (c.done ? '对已完成的' + c.done + '项整改措施，及时报送佐证材料、按程序销号；' : '') +
        (c.longTerm ? '对需长期坚持的' + c.longTerm + '项整改措施，持续跟踪、定期报告进展；' : '') +
        '做到整改台账不撤、整改不到位决不罢手，坚决防止问题反弹。',
    });
    return points.map((p, k) => ({ heading: '（' + chineseOrdinal(k + 1) + '）' + p.heading, text: p.text }));
  },
  contact:
    '欢迎广大干部群众对巡视整改落实情况进行监督。如有意见建议，请及时向我们反映。联系电话：{{×××-××××××××}}；' +
    '邮政信箱：{{地址，邮政编码}}；电子邮箱：{{××××@××××}}。',
  annexNote: '附件：整改措施完成情况一览表',
  annexLabel: '附件',
  annexTitle: '整改措施完成情况一览表',
  annexColumns: ['序号', '问题', '整改措施', '牵头部门', '完成时限', '状态'],
  annexAspect: (n, text) => '第' + chineseOrdinal(n) + '方面问题：' + text,
  date: zhDate,
  ordinal: chineseOrdinal,
};

const EN: TongbaoText = {
  issuerPlaceholder: '{{Issuing body}}',
  title: 'Report on the progress of rectification after inspection',
  number: (year) => '{{Code}} [' + year + '] No. {{x}}',
  addressee: '{{To}}:',
  opening: (feedback) =>
    'As arranged by {{the higher body}}, {{the inspection team}} inspected {{the body}} from {{date}} to {{date}}. On ' +
    (feedback || '{{date}}') + ', the team gave its feedback. This report sets out the progress of the rectification.',
  organiseHeading: 'I. How the rectification was organised',
  organise: (c) => [
    { heading: '(1) Responsibility. ', text: '{{How the leadership took charge.}}' },
    { heading: '(2) Problems and measures. ', text: (c.problems ? c.problems + ' problems, ' : '') + c.items + ' measures, each with a leader, a lead department and a deadline. {{Add more.}}' },
    { heading: '(3) Supervision. ', text: '{{How progress was followed up.}}' },
    { heading: '(4) Rules. ', text: '{{Rules and mechanisms made.}}' },
  ],
  resultsHeading: 'II. The problems raised, and their rectification',
  results: (c) =>
    'As of ' + c.asOf + ', ' + c.done + ' of ' + c.items + ' measures are done' + (c.rate === null ? '' : ' (' + c.rate + ')') +
    (c.notDone > 0 ? '; of the ' + c.notDone + ' not done, ' + c.overdue + ' are overdue, ' + c.dueSoon + ' due within ' + c.dueSoonDays +
      ' days' + (c.basicallyDone ? ' (' + c.basicallyDone + ' basically done)' : '') : '') + '. In detail:',
  aspect: (n, text) => 'Aspect ' + n + ': ' + text,
  problem: (n, text) => '(' + n + ') ' + text,
  measure: (n, text) => n + '. ' + text + (/[.!?]$/.test(text) ? '' : '.'),
  progress: (text) => ' ' + text.replace(/\s*\n\s*/g, '; ') + (/[.!?]$/.test(text) ? '' : '.'),
  noProgressDone: ' Done.',
  noProgress: ' {{Progress to be added.}}',
  overdue: (deadline, days) => ' Due ' + deadline + ', overdue by ' + days + (days === 1 ? ' day.' : ' days.'),
  dueSoon: (due, days) => ' Due ' + due + ' (' + days + (days === 1 ? ' day left).' : ' days left).'),
  noDeadline: ' Its deadline is yet to be set.',
  basicallyDone: ' Basically done, not finished.',
  nextHeading: 'III. Next steps',
  next: (c) => [
    { heading: '(1) ', text: 'Rectify the ' + c.overdue + ' overdue measures at once; press ahead with the ' + c.dueSoon + ' due soon.' },
    { heading: '(2) ', text: 'Close out finished measures with evidence, and keep up the long-term ones.' },
  ],
  contact: 'Comments are welcome: Tel. {{number}}; address {{address}}; e-mail {{e-mail}}.',
  annexNote: 'Annex: measures and their status',
  annexLabel: 'Annex',
  annexTitle: 'Measures and their status',
  annexColumns: ['No.', 'Problem', 'Measure', 'Lead department', 'Deadline', 'Status'],
  annexAspect: (n, text) => 'Aspect ' + n + ': ' + text,
  date: (iso) => iso,
  ordinal: (n) => String(n),
};

export const TONGBAO_TEXT: Record<Lang, TongbaoText> = { zh: ZH, en: EN };
