/**
 * What the pane shows of a result: the totals by flag and the findings (in the order the core
 * hands them, errors first), the texts of the page, what a write skipped or renamed, and errors in
 * plain words. It renders; the numbers come from the core.
 */
import { CheckResult, Finding, Lang, Flag, FLAGS, totalsKey, FLAG_STYLES, isTaizhangError, userMessage } from '../core';
import { SkippedFeature, WriteSheetsReport } from '../host/host';
import { MAX_LINKS } from '../host/links';
import { StringKey, Written, fill, wordsFor } from './strings';
import type { Compared } from './flows';
import { $, clear, el, message, show } from './dom';
import { host, joinList, s, state, words } from './state';

/** An error as the user should read it: ours in their language, the host's named where it is common. */
export function plainError(e: unknown, lang: Lang): string {
  const t = wordsFor(host().app, lang);
  if (isTaizhangError(e)) return userMessage(e, lang);
  const err = e as { code?: string; message?: string } | null;
  const code = (err && err.code) || '';
  const msg = (err && err.message) || String(e);
  // A part of the pane fetched on first use (对比上期's chunk) that the add-in's server did not give.
  if (err && (err as { name?: string }).name === 'ChunkLoadError') return t.chunkLoad;
  if (/CellEdit/i.test(code) || /cell edit/i.test(msg)) return t.cellEdit;
  // WPS words its own errors, in the language it shows: 保护 is its protected sheet.
  if (code === 'AccessDenied' || /protect|保护/i.test(msg)) return t.protected;
  if (code) return fill(t.officeError, { message: msg });
  return fill(t.unexpected, { message: msg });
}

/** The DOM holds at most this many findings: IE11 slows down past a few thousand nodes. */
const MAX_FINDINGS_SHOWN = 500;

/** The core's flags, the red ones first, then yellow, then green, then the rest in the core's order. */
const TONE_ORDER: (string | null)[] = ['bad', 'neutral', 'good', null];
const FLAGS_BY_TONE: Flag[] = [];
TONE_ORDER.forEach((tone) => FLAGS.forEach((f) => FLAG_STYLES[f] === tone && FLAGS_BY_TONE.push(f)));

export function renderResults(result: CheckResult): void {
  show($('tz-results'), true);
  const totals = $('tz-totals');
  clear(totals);
  for (let i = 0; i < FLAGS_BY_TONE.length; i++) {
    const flag = FLAGS_BY_TONE[i];
    const tone = FLAG_STYLES[flag];
    const box = el('div', 'tz-total ' + (tone ? 'tz-' + tone : ''));
    box.appendChild(el('b', '', String(result.totals[totalsKey(flag)])));
    box.appendChild(el('span', '', words().flags[flag]));
    totals.appendChild(box);
  }
  $('tz-findings-title').innerText = s('findings') + ' (' + result.findings.length + ')';
  const list = $('tz-findings');
  clear(list);
  if (!result.findings.length) {
    list.appendChild(el('li', 'tz-muted', s('noFindings')));
    return;
  }
  const shown = result.findingsByLevel.slice(0, MAX_FINDINGS_SHOWN);
  for (let i = 0; i < shown.length; i++) list.appendChild(findingItem(shown[i], result.sheet));
}

function findingItem(f: Finding, ledger: string): HTMLElement {
  const li = el('li');
  const b = el('button', 'tz-finding tz-sev-' + f.severity) as HTMLButtonElement;
  b.type = 'button';
  b.title = s('clickToSelect');
  b.setAttribute('data-sheet', f.sheet);
  b.setAttribute('data-cell', f.cell);
  b.appendChild(el('span', 'tz-cell', (f.sheet !== ledger ? f.sheet + '!' : '') + f.cell));
  b.appendChild(el('span', 'tz-sev', f.severity === 'error' ? s('error') : s('warning')));
  b.appendChild(document.createTextNode(f.message));
  b.onclick = () => {
    host().selectCell(f.sheet, f.cell).catch((e) => message(plainError(e, state.lang), 'error'));
  };
  li.appendChild(b);
  return li;
}

/** What a write of sheets could not do in this host, and where ours went when a name was the user's. */
export function writeNotice(report: WriteSheetsReport, written: Written): string[] {
  const what = words().written[written];
  const lines: string[] = [];
  report.renamed.forEach((r) => {
    if (r.sheet !== r.name) lines.push(s('renamedMsg', { name: r.name, sheet: r.sheet, what }));
  });
  if (report.skipped.length) {
    const names = report.skipped.map((f: SkippedFeature) => fill(words().features[f], { n: MAX_LINKS }));
    lines.push(s('skipped', { list: joinList(names), what }));
  }
  return lines;
}

/** How to move sheets into a new workbook by hand, where Excel.createWorkbook (ExcelApi 1.8) is missing. */
export function moveSheetsHelp(): HTMLElement {
  const box = el('div');
  box.appendChild(el('div', '', s('moveSheetsTitle')));
  const ol = el('ol');
  const steps: StringKey[] = ['moveSheets1', 'moveSheets2', 'moveSheets3', 'moveSheets4', 'moveSheets5'];
  for (let i = 0; i < steps.length; i++) ol.appendChild(el('li', '', s(steps[i])));
  box.appendChild(ol);
  return box;
}

/** Every text of the page in the current language (elements carry their key in data-text). */
export function renderTexts(): void {
  document.documentElement.setAttribute('lang', state.lang === 'en' ? 'en-US' : 'zh-CN');
  document.title = s('title');
  $('tz-title').innerText = s('title');
  $('tz-subtitle').innerText = s('subtitle');
  const labelled = document.querySelectorAll('[data-text]');
  for (let i = 0; i < labelled.length; i++) {
    const e = labelled[i] as HTMLElement;
    e.innerText = s(e.getAttribute('data-text') as StringKey);
  }
}

/** 对比上期's outcome: the core's opening sentence, the two dates, and the count of each kind of change. */
export function renderComparison(c: Compared): void {
  const cmp = c.comparison;
  show($('tz-compare-result'), true);
  $('tz-compare-sentence').innerText = c.view.sentence;
  $('tz-compare-dates').innerText = s('compareDates', { earlier: cmp.earlier.sheet, since: c.since, source: c.view.sinceText, later: cmp.later.sheet, asOf: cmp.later.asOf });
  const list = $('tz-compare-counts');
  clear(list);
  for (let i = 0; i < c.view.counts.length; i++) {
    const k = c.view.counts[i];
    const li = el('li', k.n ? '' : 'tz-zero');
    li.setAttribute('data-kind', k.kind);
    li.appendChild(el('span', '', k.label));
    li.appendChild(el('b', '', String(k.n)));
    list.appendChild(li);
  }
  // What the user came for, where they clicked (the written sheets' names are in Excel's tabs).
  $('tz-compare-result').scrollIntoView(true);
}
