/**
 * The pane's actions (检查, 生成汇总, 打开为新工作簿, and the first read), each run through one
 * wrapper that validates the form, asks before the first write, holds the busy state, shows the
 * progress and turns any error into one message in plain words. The work itself is in flows.ts.
 */
import { CheckResult, findThreeLists, summarize, summarySheets, colLetter } from '../core';
import { loadOptions, loadWriteConsent, saveOptions, saveWriteConsent } from '../host/settings';
import { button, el, endProgress, message, notice, paint, progress } from './dom';
import { FormRead, readEarlier, readOptions, today } from './options';
import { listSources, pickLedger, renderEarlier, renderLists, renderSheets, showDetected } from './mapping';
import { moveSheetsHelp, plainError, renderComparison, renderResults, writeNotice } from './render';
import { annotateChecked, Checked, compareWithEarlier, Earlier, noticeSpecs, readAndCheck, reminderPrefix, Step, writeNotices, writeSummary } from './flows';
import { host, joinList, s, state, taught } from './state';
import type * as TeachCard from './teachcard';

/** The buttons an action disables while it runs (and that stay off outside Excel). */
const BUSY_IDS = ['tz-check', 'tz-summarize', 'tz-open-new', 'tz-make-notices', 'tz-notices-new', 'tz-compare', 'tz-earlier', 'tz-apply-mapping', 'tz-redetect', 'tz-sheet'];

export function setBusy(busy: boolean): void {
  state.busy = busy;
  for (let i = 0; i < BUSY_IDS.length; i++) (document.getElementById(BUSY_IDS[i]) as HTMLButtonElement).disabled = busy || !state.inOffice;
}

/** The progress line, painted before the step's work starts. */
const step: Step = (n, of, what) => {
  progress(n, of, s(what));
  return paint();
};

/**
 * Excel cannot undo what an add-in writes (ExcelApi has no undo for it before 1.19, which Excel
 * 2016/2019 never get). Before the first write in a workbook the pane says so once and offers to
 * continue or to work on a copy; "continue" is remembered in the workbook's settings.
 * Resolves true to go on.
 */
function confirmWrite(): Promise<boolean> {
  if (loadWriteConsent(host().store)) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const box = el('div', 'tz-consent');
    box.appendChild(el('b', '', s('undoTitle')));
    box.appendChild(el('div', '', s('undoBody')));
    const actions = el('div', 'tz-actions');
    const go = button('tz-consent-continue', 'tz-button tz-primary', s('undoContinue'));
    const copy = button('tz-consent-copy', 'tz-button', s('undoCopy'));
    go.onclick = () => {
      message(null);
      void saveWriteConsent(host().store, today());
      resolve(true);
    };
    copy.onclick = () => {
      message(s('copyHelp'));
      resolve(false);
    };
    actions.appendChild(go);
    actions.appendChild(copy);
    box.appendChild(actions);
    message(box, 'warn');
  });
}

interface ActionKind {
  /** The options form is read, validated and saved first. */
  form: boolean;
  /** The action writes into this workbook: asked before the first write. */
  writes: boolean;
  /** Says why the action cannot run here and returns false, before anything else. */
  guard?: () => boolean;
  /** Reads the action's own fields after the form; says what is wrong and returns false. */
  ready?: (form: FormRead) => boolean;
  /** What an Excel error in the middle of its writes may leave partly written, said after the error. */
  partly?: 'partlyColumns' | 'partlySheets';
}

/** The one wrapper: form, consent, busy state, progress and errors, the same for every action. */
function action(kind: ActionKind, body: (form: FormRead) => Promise<void>): () => Promise<void> {
  return async () => {
    if (state.busy) return;
    message(null);
    notice(null);
    if (kind.guard && !kind.guard()) return;
    let form: FormRead | null = null;
    if (kind.form) {
      form = readOptions();
      if (!form) return;
      if (kind.ready && !kind.ready(form)) return;
    }
    if (kind.writes && !(await confirmWrite())) return;
    setBusy(true);
    try {
      if (form) void saveOptions(host().store, form.saved);
      await body(form as FormRead); // null only where kind.form is false, and then unused
    } catch (e) {
      // An error Excel answered (it has a code, and is not one of ours) may have come after some of
      // the action's writes had run: say what may be partly written, and that a re-run completes it.
      const fromExcel = !!e && typeof e === 'object' && !!(e as { code?: string }).code && !(e as { taizhang?: boolean }).taizhang;
      message(plainError(e, state.lang) + (kind.partly && fromExcel ? ' ' + s(kind.partly) : ''), 'error');
    } finally {
      endProgress();
      setBusy(false);
    }
  };
}

/** Keeps what a read found and shows the lists a check joined. */
function remember(c: Checked): void {
  state.grids = c.grids;
  state.lists = c.lists;
  renderLists(c.result.sources ? listSources(c.lists) : []);
  renderEarlier();
}

let teachCardLoad: Promise<typeof TeachCard> | null = null;

/**
 * 识别设置, a chunk of its own fetched from this add-in's origin when first shown (after the first
 * check, or at start where words were taught), wired once: a choice there checks again through 检查.
 */
export function teachCard(): Promise<typeof TeachCard> {
  if (!teachCardLoad) {
    teachCardLoad = import(/* webpackChunkName: "teach" */ './teachcard').then((m) => {
      m.wireTeach(() => void onCheck());
      return m;
    });
    // A failed fetch is tried again next time.
    teachCardLoad.catch(() => (teachCardLoad = null));
  }
  return teachCardLoad;
}

function showResult(result: CheckResult): void {
  state.lastResult = result;
  renderResults(result);
  teachCard().then(
    (m) => m.renderTeach(result),
    (e) => notice([plainError(e, state.lang)]),
  );
}

/** What 检查 could not write in this host that the pane has said already (SkippedFeature -> true). */
const saidForLedger: { [feature: string]: boolean } = {};

/** The first read: every sheet, the three lists or the ledger, and its header. */
export const detect = action({ form: false, writes: false }, async () => {
  progress(1, 1, s('reading'));
  state.grids = await host().readWorkbook();
  state.lists = findThreeLists(state.grids, taught());
  renderLists(listSources(state.lists));
  const saved = loadOptions(host().store);
  const pick = pickLedger(saved);
  state.userHeader = saved.header && pick.header === saved.header ? saved.header : null;
  renderSheets(pick.grid ? pick.grid.name : null);
  showDetected(pick.grid, pick.header);
  renderEarlier();
});

export const onCheck = action({ form: true, writes: true, partly: 'partlyColumns' }, async (read) => {
  const t0 = new Date().getTime();
  const c = await readAndCheck(host(), read.opts, step, 3);
  remember(c);
  await step(3, 3, 'writing');
  const { plans, report } = await annotateChecked(host(), c, state.lang);
  showResult(c.result);
  const ledger = c.result.sheet;
  const main = plans.filter((p) => p.sheet === ledger)[0] || plans[0];
  const others = plans.filter((p) => p !== main).map((p) => p.sheet);
  message(
    s('checkedMsg', { sheet: ledger, items: c.result.totals.items, col: main ? colLetter(main.column) : '–', ms: new Date().getTime() - t0 }) +
      (others.length ? ' ' + s('otherListsMsg', { sheets: others.join('、') }) : ''),
    'ok',
  );
  // Below ExcelApi 1.9 the ledger's page setup (landscape, one page wide) could not be added: said at
  // the first 检查 of the pane's session, not after every one.
  const skipped = (report.skipped || []).filter((f) => !saidForLedger[f]);
  skipped.forEach((f) => (saidForLedger[f] = true));
  notice(writeNotice({ renamed: [], skipped }, 'ledger'));
});

export const onSummarize = action({ form: true, writes: true, partly: 'partlySheets' }, async (read) => {
  const c = await readAndCheck(host(), read.opts, step, 3);
  remember(c);
  await step(3, 3, 'summarizing');
  const report = await writeSummary(host(), c.result, state.lang, read.doc);
  showResult(c.result);
  message(s('summaryMsg', { sheets: joinList(report.sheets) }), 'ok');
  notice(writeNotice(report, 'summary'));
});

/** Where Excel.createWorkbook (ExcelApi 1.8) is missing, the pane explains the manual move instead. */
function canCreateWorkbook(): boolean {
  if (host().features().createWorkbook) return true;
  message(moveSheetsHelp(), 'warn');
  return false;
}

/**
 * The summary of the last check as a new workbook (Excel.createWorkbook, ExcelApi 1.8). The .xlsx is
 * built by src/xlsxlite, a chunk of its own fetched from this add-in's origin on the first click, so
 * the first load does not carry it. Without a check yet, one is run (read and check only: nothing is
 * written into this workbook). The form is read for the documents' sender (发文单位 in the footers).
 */
export const onOpenNew = action({ form: true, writes: false, guard: canCreateWorkbook }, async (read) => {
  let result = state.lastResult;
  if (!result) {
    const c = await readAndCheck(host(), read.opts, step, 3);
    remember(c);
    showResult(c.result);
    result = c.result;
  }
  const checked = result as CheckResult;
  await step(3, 3, 'building');
  const lang = state.lang;
  const r = await host().openAsNewWorkbook(() =>
    import(/* webpackChunkName: "xlsxlite" */ '../xlsxlite').then((lite) =>
      lite.toBase64(lite.specsToXlsx(summarySheets(summarize([checked], { asOf: checked.asOf, lang }), lang, read.doc))),
    ),
  );
  if (r.status === 'opened') message(s('openedNew'), 'ok');
  else message(moveSheetsHelp(), 'warn');
});

/** The line that says nothing needed a notice, with the as-of date the check used. */
function noNotices(result: CheckResult): void {
  message(s('noNotices', { asOf: result.asOf }), 'ok');
}

/** 督办单 into this workbook: one sheet per lead department with overdue or due-soon items. */
export const onNotices = action({ form: true, writes: true, partly: 'partlySheets' }, async (read) => {
  const c = await readAndCheck(host(), read.opts, step, 3);
  remember(c);
  await step(3, 3, 'makingNotices');
  const written = await writeNotices(host(), c.result, state.lang, read.doc);
  showResult(c.result);
  const lines = written.report ? writeNotice(written.report, 'notices') : [];
  if (written.stale.length) lines.push(s('staleNotices', { sheets: joinList(written.stale) }));
  if (written.report) {
    const sheets = written.report.sheets;
    const reminders = sheets.filter((n) => n.indexOf(reminderPrefix(state.lang)) === 0).length;
    const key = !reminders ? 'noticesMsg' : reminders === sheets.length ? 'remindersMsg' : 'noticesAndRemindersMsg';
    message(s(key, { n: sheets.length, notices: sheets.length - reminders, reminders, sheets: joinList(sheets) }), 'ok');
  }
  else noNotices(c.result);
  notice(lines);
});

/**
 * Every 督办单 in one new workbook, a sheet per department (Excel.createWorkbook, ExcelApi 1.8; the
 * button shows only there), from a fresh read and check: nothing is written into this workbook.
 */
export const onNoticesNew = action({ form: true, writes: false, guard: canCreateWorkbook }, async (read) => {
  const c = await readAndCheck(host(), read.opts, step, 3);
  remember(c);
  showResult(c.result);
  const specs = noticeSpecs(c.result, state.lang, read.doc);
  if (!specs.length) {
    noNotices(c.result);
    return;
  }
  await step(3, 3, 'building');
  const r = await host().openAsNewWorkbook(() =>
    import(/* webpackChunkName: "xlsxlite" */ '../xlsxlite').then((lite) => lite.toBase64(lite.specsToXlsx(specs))),
  );
  if (r.status === 'opened') message(s('noticesOpened', { n: specs.length }), 'ok');
  else message(moveSheetsHelp(), 'warn');
});

/** The earlier sheet picked is saved with the options: the next detection never takes it for the ledger. */
function earlierReady(form: FormRead): boolean {
  const earlier = readEarlier(form.opts.asOf);
  if (earlier) form.saved.previousSheet = earlier.sheet;
  return !!earlier;
}

/**
 * 对比上期: the ledger against last period's sheet in this workbook, into comparison sheets of their
 * own; neither ledger sheet is written. The pane shows the opening sentence and the counts.
 */
export const onCompare = action({ form: true, writes: true, ready: earlierReady, partly: 'partlySheets' }, async (read) => {
  const c = await compareWithEarlier(host(), read.opts, readEarlier(read.opts.asOf) as Earlier, read.doc, step);
  remember(c);
  showResult(c.result);
  message(s('compareMsg', { sheets: joinList(c.report.sheets) }), 'ok');
  notice(writeNotice(c.report, 'compare'));
  renderComparison(c);
});
