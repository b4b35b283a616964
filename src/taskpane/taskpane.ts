/**
 * The task pane: wires the page to the Office.js host (src/excel) and the core (src/core).
 * Data flows one way: read Grids -> checkWorkbook -> planAnnotations -> annotateAll; the pane only
 * shows what the core returns. No framework: a few DOM helpers, because the pane must run in IE11.
 * The .xlsx writer for 打开为新工作簿 (src/xlsxlite) is a separate chunk, loaded on that click only.
 */
import { CheckOptions, CheckResult, FieldKey, Finding, Flag, Grid, HeaderMap, Lang } from '../core/types';
import { checkWorkbook } from '../core/check';
import { detectHeader } from '../core/header';
import { FIELD_SYNONYMS } from '../core/fields';
import { planAnnotations } from '../core/annotate';
import { findThreeLists, ThreeLists } from '../core/threelists';
import { summarize } from '../core/summary';
import { summarySheets } from '../core/sheets';
import { summarySheetNames } from '../core/summary-i18n';
import { cellAt, cellText, colLetter, gridLeft, gridRight } from '../core/grid';
import { isIsoDate } from '../core/dates';
import { isTaizhangError, userMessage } from '../core/errors';
import { annotateAll } from '../excel/annotate';
import { readWorkbook } from '../excel/read';
import { MAX_LINKS, SkippedFeature, WriteSheetsReport, writeSheets } from '../excel/sheets';
import { openAsNewWorkbook, selectCell } from '../excel/workbook';
import { capabilities } from '../excel/caps';
import { loadOptions, loadWriteConsent, saveOptions, saveWriteConsent, SavedOptions } from '../excel/settings';
import { displayLang, hostInfoLang, whenReady } from '../excel/office';
import { FIELD_NAMES_EN, STRINGS, StringKey, fill } from './strings';

const FIELDS = Object.keys(FIELD_SYNONYMS) as FieldKey[];
const LOW_CONFIDENCE = 0.6;

interface PaneState {
  lang: Lang;
  inOffice: boolean;
  busy: boolean;
  grids: Grid[];
  /** The mapping the user applied (sent to the core as opts.header), or null to detect. */
  userHeader: HeaderMap | null;
  /** The mapping shown in the editor: detected or applied. */
  shown: HeaderMap | null;
  lastResult: CheckResult | null;
  /** The workbook's problem, task and responsibility lists, when it keeps them on separate sheets. */
  lists: ThreeLists | null;
}

const state: PaneState = { lang: 'zh', inOffice: false, busy: false, grids: [], userHeader: null, shown: null, lastResult: null, lists: null };

/* ---------------------------------------------------------------------------------------------- */
/* DOM helpers (IE11: no closest(), no NodeList.forEach)                                           */
/* ---------------------------------------------------------------------------------------------- */

function $(id: string): HTMLElement {
  return document.getElementById(id) as HTMLElement;
}

function input(id: string): HTMLInputElement {
  return document.getElementById(id) as HTMLInputElement;
}

function el(tag: string, className?: string, text?: string): HTMLElement {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.appendChild(document.createTextNode(text));
  return e;
}

function clear(e: HTMLElement): void {
  while (e.firstChild) e.removeChild(e.firstChild);
}

function s(key: StringKey, params?: Record<string, string | number>): string {
  const text = STRINGS[state.lang][key] as string;
  return params ? fill(text, params) : text;
}

function fieldName(f: FieldKey): string {
  return state.lang === 'en' ? FIELD_NAMES_EN[f] : FIELD_SYNONYMS[f][0];
}

function show(e: HTMLElement, visible: boolean): void {
  if (visible) e.removeAttribute('hidden');
  else e.setAttribute('hidden', 'hidden');
}

type Tone = 'ok' | 'warn' | 'error' | 'info';

function message(text: string | HTMLElement | null, tone: Tone = 'info'): void {
  const box = $('tz-message');
  clear(box);
  if (!text) {
    show(box, false);
    return;
  }
  box.className = 'tz-message' + (tone === 'info' ? '' : ' tz-' + tone);
  if (typeof text === 'string') box.appendChild(document.createTextNode(text));
  else box.appendChild(text);
  show(box, true);
}

/** The second line, for what is worth knowing but is not the outcome (skipped formats, a renamed sheet). */
function notice(lines: string[] | null): void {
  const box = $('tz-notice');
  clear(box);
  const list = lines || [];
  for (let i = 0; i < list.length; i++) box.appendChild(el('div', '', list[i]));
  show(box, list.length > 0);
}

function progress(step: number, of: number, text: string): void {
  show($('tz-progress'), true);
  ($('tz-progress-bar') as HTMLElement).style.width = Math.round((step / of) * 100) + '%';
  $('tz-progress-text').innerText = text + '（' + s('step', { n: step, of }) + '）';
}

function endProgress(): void {
  show($('tz-progress'), false);
}

/** Lets the browser paint the progress bar before a long synchronous step. */
function paint(): Promise<void> {
  return new Promise<void>((resolve) => setTimeout(resolve, 0));
}

function setBusy(busy: boolean): void {
  state.busy = busy;
  const ids = ['tz-check', 'tz-summarize', 'tz-open-new', 'tz-apply-mapping', 'tz-redetect', 'tz-sheet'];
  for (let i = 0; i < ids.length; i++) (document.getElementById(ids[i]) as HTMLButtonElement).disabled = busy || !state.inOffice;
}

/* ---------------------------------------------------------------------------------------------- */
/* Errors in plain words                                                                           */
/* ---------------------------------------------------------------------------------------------- */

export function plainError(e: unknown, lang: Lang): string {
  const t = STRINGS[lang];
  if (isTaizhangError(e)) return userMessage(e, lang);
  const err = e as { code?: string; message?: string } | null;
  const code = (err && err.code) || '';
  const msg = (err && err.message) || String(e);
  if (/CellEdit/i.test(code) || /cell edit/i.test(msg)) return t.cellEdit;
  if (code === 'AccessDenied' || /protect/i.test(msg)) return t.protected;
  if (code) return fill(t.officeError, { message: msg });
  return fill(t.unexpected, { message: msg });
}

/* ---------------------------------------------------------------------------------------------- */
/* Options                                                                                         */
/* ---------------------------------------------------------------------------------------------- */

function today(): string {
  const d = new Date();
  const p = (n: number) => (n < 10 ? '0' : '') + n;
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

/** Reads and validates the options form; shows what is wrong and returns null when invalid. */
function readOptions(): { opts: CheckOptions; saved: SavedOptions } | null {
  const asOf = input('tz-asof').value.trim();
  const start = input('tz-start').value.trim();
  const dueSoon = input('tz-due-soon').value.trim();
  const immediate = input('tz-immediate').value.trim();
  const bad = (id: string, text: string) => {
    input(id).className = 'tz-invalid';
    input(id).focus();
    message(text, 'error');
    return null;
  };
  const ids = ['tz-asof', 'tz-start', 'tz-due-soon', 'tz-immediate'];
  for (let i = 0; i < ids.length; i++) input(ids[i]).className = '';
  if (asOf && !isIsoDate(asOf)) return bad('tz-asof', s('badDate', { label: s('asOf') }));
  if (start && !isIsoDate(start)) return bad('tz-start', s('badDate', { label: s('start') }));
  const num = (v: string) => (/^\d{1,4}$/.test(v) && +v <= 3650 ? +v : NaN);
  const dueSoonDays = dueSoon === '' ? 10 : num(dueSoon);
  const immediateDays = immediate === '' ? 30 : num(immediate);
  if (isNaN(dueSoonDays)) return bad('tz-due-soon', s('badNumber', { label: s('dueSoonDays') }));
  if (isNaN(immediateDays)) return bad('tz-immediate', s('badNumber', { label: s('immediateDays') }));
  const sheet = (document.getElementById('tz-sheet') as HTMLSelectElement).value || null;
  const opts: CheckOptions = {
    file: workbookName(),
    asOf: asOf || today(),
    start: start || null,
    dueSoonDays,
    immediateDays,
    lang: state.lang,
    sheet,
    header: state.userHeader,
  };
  return { opts, saved: { asOf: asOf || null, start: start || null, dueSoonDays, immediateDays, sheet, header: state.userHeader } };
}

function workbookName(): string {
  try {
    const url = Office.context.document.url || '';
    const name = url.replace(/\\/g, '/').split('/').pop() || '';
    return decodeURIComponent(name) || (state.lang === 'en' ? 'This workbook' : '当前工作簿');
  } catch (e) {
    return state.lang === 'en' ? 'This workbook' : '当前工作簿';
  }
}

function fillOptions(saved: SavedOptions): void {
  input('tz-asof').value = saved.asOf || '';
  input('tz-start').value = saved.start || '';
  input('tz-due-soon').value = String(saved.dueSoonDays !== undefined ? saved.dueSoonDays : 10);
  input('tz-immediate').value = String(saved.immediateDays !== undefined ? saved.immediateDays : 30);
}

/* ---------------------------------------------------------------------------------------------- */
/* Detection and the mapping editor                                                                */
/* ---------------------------------------------------------------------------------------------- */

function gridByName(name: string): Grid | null {
  for (let i = 0; i < state.grids.length; i++) if (state.grids[i].name === name) return state.grids[i];
  return null;
}

/** Whether a check of this sheet joins the three lists: it is their task list and no mapping is forced. */
function joinsThreeLists(sheet: string | null): boolean {
  return !!state.lists && !state.userHeader && (!sheet || sheet === state.lists.tasks.grid.name);
}

/** The sheet the user saved, else the task list of three lists, else the best-scoring sheet. */
function pickLedger(saved: SavedOptions): { grid: Grid | null; header: HeaderMap | null } {
  if (saved.header && gridByName(saved.header.sheet)) return { grid: gridByName(saved.header.sheet), header: saved.header };
  if (saved.sheet && gridByName(saved.sheet)) {
    const g = gridByName(saved.sheet) as Grid;
    return { grid: g, header: detectHeader(g) };
  }
  if (state.lists) return { grid: state.lists.tasks.grid, header: state.lists.tasks.header };
  // A sheet named like a summary sheet (an unrecorded 汇总台账 of an older version, which repeats the
  // ledger's columns) is offered, but picked by itself only when no other sheet has a ledger header.
  const summaryNamed: Record<string, boolean> = {};
  summarySheetNames().forEach((n) => (summaryNamed[n.toLowerCase()] = true));
  let best: { grid: Grid | null; header: HeaderMap | null; score: number } = { grid: null, header: null, score: -1 };
  for (let pass = 0; pass < 2 && !best.grid; pass++) {
    for (let i = 0; i < state.grids.length; i++) {
      if (pass === 0 && summaryNamed[state.grids[i].name.toLowerCase()]) continue;
      const h = detectHeader(state.grids[i]);
      if (h && h.score > best.score) best = { grid: state.grids[i], header: h, score: h.score };
    }
  }
  return { grid: best.grid || state.grids[0] || null, header: best.header };
}

function headerText(g: Grid, rows: number[], col: number): string {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i++) {
    const t = cellText(cellAt(g, rows[i], col)).replace(/\s+/g, '');
    if (t && parts.indexOf(t) < 0) parts.push(t);
  }
  return parts.join(' / ');
}

function renderSheets(selected: string | null): void {
  const sel = document.getElementById('tz-sheet') as HTMLSelectElement;
  clear(sel);
  for (let i = 0; i < state.grids.length; i++) {
    const o = document.createElement('option');
    o.value = state.grids[i].name;
    o.text = state.grids[i].name;
    if (state.grids[i].name === selected) o.selected = true;
    sel.appendChild(o);
  }
}

/** The three lists found (sheet names and their roles), or nothing for a single ledger sheet. */
function renderLists(sources: { role: ListRole; sheet: string }[]): void {
  const box = $('tz-lists');
  const list = $('tz-lists-items');
  clear(list);
  show(box, sources.length > 0);
  for (let i = 0; i < sources.length; i++) {
    const li = el('li', 'tz-list-' + sources[i].role);
    li.appendChild(el('span', 'tz-role', STRINGS[state.lang].roles[sources[i].role]));
    li.appendChild(el('span', 'tz-chip', sources[i].sheet));
    list.appendChild(li);
  }
}

type ListRole = 'problems' | 'tasks' | 'responsibilities' | 'roster';

/** The detected lists, in the order of the rectification plan. */
function listSources(lists: ThreeLists | null): { role: ListRole; sheet: string }[] {
  if (!lists) return [];
  const out: { role: ListRole; sheet: string }[] = [];
  if (lists.problems) out.push({ role: 'problems', sheet: lists.problems.grid.name });
  out.push({ role: 'tasks', sheet: lists.tasks.grid.name });
  if (lists.responsibilities) out.push({ role: 'responsibilities', sheet: lists.responsibilities.grid.name });
  if (lists.roster) out.push({ role: 'roster', sheet: lists.roster.sheet });
  return out;
}

function renderHeader(grid: Grid | null, header: HeaderMap | null): void {
  state.shown = header;
  input('tz-header-rows').value = header ? header.rows.join('-') : '';
  $('tz-confidence').innerText = header ? Math.round(header.confidence * 100) + '%' : '–';
  const cols = $('tz-columns');
  clear(cols);
  if (!grid || !header) {
    cols.appendChild(document.createTextNode('–'));
  } else {
    for (let i = 0; i < FIELDS.length; i++) {
      const c = header.columns[FIELDS[i]];
      if (c) cols.appendChild(el('span', 'tz-chip', colLetter(c) + ' ' + fieldName(FIELDS[i])));
    }
  }
  renderMapping(grid, header);
}

function renderMapping(grid: Grid | null, header: HeaderMap | null): void {
  const box = $('tz-mapping-fields');
  clear(box);
  if (!grid) return;
  const rows = header ? header.rows : [gridRowFromInput() || 1];
  const left = gridLeft(grid);
  const right = header ? Math.max(header.lastColumn, left) : gridRight(grid);
  for (let i = 0; i < FIELDS.length; i++) {
    const f = FIELDS[i];
    const row = el('div', 'tz-map-row');
    const label = el('label', '', fieldName(f));
    label.setAttribute('for', 'tz-map-' + f);
    const sel = document.createElement('select');
    sel.id = 'tz-map-' + f;
    sel.setAttribute('data-field', f);
    const none = document.createElement('option');
    none.value = '';
    none.text = s('none');
    sel.appendChild(none);
    for (let c = left; c <= right; c++) {
      const o = document.createElement('option');
      o.value = String(c);
      const t = headerText(grid, rows, c);
      o.text = colLetter(c) + (t ? ' · ' + t : '');
      if (header && header.columns[f] === c) o.selected = true;
      sel.appendChild(o);
    }
    row.appendChild(label);
    row.appendChild(sel);
    box.appendChild(row);
  }
}

function gridRowFromInput(): number | null {
  const m = /^\s*(\d+)/.exec(input('tz-header-rows').value);
  return m ? +m[1] : null;
}

function toggleMapping(open?: boolean): void {
  const box = $('tz-mapping');
  const visible = open !== undefined ? open : box.hasAttribute('hidden');
  show(box, visible);
  $('tz-edit-mapping').innerText = visible ? s('hideMapping') : s('editMapping');
}

function applyMapping(): void {
  const sheet = (document.getElementById('tz-sheet') as HTMLSelectElement).value;
  const grid = gridByName(sheet);
  if (!grid) return;
  const m = /^\s*(\d+)(?:\s*[-–~至]\s*(\d+))?\s*$/.exec(input('tz-header-rows').value);
  if (!m) {
    message(s('badRows', { label: s('headerRows') }), 'error');
    return;
  }
  const rows: number[] = [];
  for (let r = +m[1]; r <= (m[2] ? +m[2] : +m[1]); r++) rows.push(r);
  const columns: Partial<Record<FieldKey, number>> = {};
  let maxCol = 0;
  for (let i = 0; i < FIELDS.length; i++) {
    const sel = document.getElementById('tz-map-' + FIELDS[i]) as HTMLSelectElement | null;
    if (sel && sel.value) {
      columns[FIELDS[i]] = +sel.value;
      maxCol = Math.max(maxCol, +sel.value);
    }
  }
  if (!columns.measure || !columns.deadline) {
    message(s('needColumns'), 'error');
    return;
  }
  const lastColumn = state.shown && state.shown.sheet === sheet ? Math.max(state.shown.lastColumn, maxCol) : Math.max(gridRight(grid), maxCol);
  state.userHeader = { sheet, rows, columns, confidence: 1, lastColumn };
  renderHeader(grid, state.userHeader);
  message(s('mappingApplied'), 'ok');
}

async function detect(): Promise<void> {
  setBusy(true);
  try {
    progress(1, 1, s('reading'));
    state.grids = await readWorkbook();
    state.lists = findThreeLists(state.grids);
    renderLists(listSources(state.lists));
    const saved = loadOptions();
    const pick = pickLedger(saved);
    state.userHeader = saved.header && pick.header === saved.header ? saved.header : null;
    renderSheets(pick.grid ? pick.grid.name : null);
    renderHeader(pick.grid, pick.header);
    if (!pick.header) {
      message(s('noLedger'), 'warn');
      toggleMapping(true);
    } else if (pick.header.confidence < LOW_CONFIDENCE && !state.userHeader) {
      message(s('unsure'), 'warn');
      toggleMapping(true);
    }
  } catch (e) {
    message(plainError(e, state.lang), 'error');
  } finally {
    endProgress();
    setBusy(false);
  }
}

function onSheetChange(): void {
  const name = (document.getElementById('tz-sheet') as HTMLSelectElement).value;
  const grid = gridByName(name);
  state.userHeader = null;
  const header = grid ? detectHeader(grid) : null;
  renderHeader(grid, header);
  if (!header) {
    message(s('noLedger'), 'warn');
    toggleMapping(true);
  } else if (header.confidence < LOW_CONFIDENCE) {
    message(s('unsure'), 'warn');
    toggleMapping(true);
  } else message(null);
}

/* ---------------------------------------------------------------------------------------------- */
/* Check, summarize, open as new workbook                                                          */
/* ---------------------------------------------------------------------------------------------- */

/** Read fresh grids (the user may have edited) and run the core. Two syncs. */
async function readAndCheck(opts: CheckOptions, steps: number): Promise<{ result: CheckResult; grid: Grid }> {
  progress(1, steps, s('reading'));
  state.grids = await readWorkbook();
  // The lists may have changed since detection; the role of each sheet is read again.
  state.lists = findThreeLists(state.grids);
  progress(2, steps, s('checking'));
  await paint();
  // The task list of three lists is checked joined with the other two: the core joins them only when
  // no sheet is forced. A mapping the user corrected checks that one sheet as it says.
  const result = checkWorkbook(state.grids, joinsThreeLists(opts.sheet || null) ? { ...opts, sheet: null } : opts);
  renderLists(result.sources ? listSources(state.lists) : []);
  return { result, grid: gridByName(result.sheet) as Grid };
}

/**
 * Excel cannot undo what an add-in writes (ExcelApi has no undo for it before 1.19, which Excel
 * 2016/2019 never get). Before the first write in a workbook the pane says so once and offers to
 * continue or to work on a copy; "continue" is remembered in the workbook's settings.
 * Resolves true to go on.
 */
function confirmWrite(): Promise<boolean> {
  if (loadWriteConsent()) return Promise.resolve(true);
  return new Promise<boolean>((resolve) => {
    const box = el('div', 'tz-consent');
    box.appendChild(el('b', '', s('undoTitle')));
    box.appendChild(el('div', '', s('undoBody')));
    const actions = el('div', 'tz-actions');
    const go = el('button', 'tz-button tz-primary', s('undoContinue')) as HTMLButtonElement;
    go.type = 'button';
    go.id = 'tz-consent-continue';
    const copy = el('button', 'tz-button', s('undoCopy')) as HTMLButtonElement;
    copy.type = 'button';
    copy.id = 'tz-consent-copy';
    go.onclick = () => {
      message(null);
      void saveWriteConsent(today());
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

/** What 生成汇总 could not do on this Excel, and where ours went when a name was the user's. */
function summaryNotice(report: WriteSheetsReport): string[] {
  const lines: string[] = [];
  report.renamed.forEach((r) => {
    if (r.sheet !== r.name) lines.push(s('renamedMsg', { name: r.name, sheet: r.sheet }));
  });
  if (report.skipped.length) {
    const names = report.skipped.map((f: SkippedFeature) => fill(STRINGS[state.lang].features[f], { n: MAX_LINKS }));
    lines.push(s('skipped', { list: names.join(state.lang === 'en' ? ', ' : '、') }));
  }
  return lines;
}

async function onCheck(): Promise<void> {
  if (state.busy) return;
  const read = readOptions();
  if (!read) return;
  message(null);
  notice(null);
  if (!(await confirmWrite())) return;
  setBusy(true);
  const t0 = new Date().getTime();
  try {
    void saveOptions(read.saved);
    const { result, grid } = await readAndCheck(read.opts, 3);
    progress(3, 3, s('writing'));
    await paint();
    // The ledger (task list) gets its four columns; the other lists a 检查意见 column where needed.
    // All of them in one Excel.run: the syncs do not grow with the rows or the sheets.
    const plans = planAnnotations(state.grids, result, state.lang);
    await annotateAll(plans, state.grids);
    state.lastResult = result;
    renderResults(result);
    const main = plans.filter((p) => p.sheet === grid.name)[0] || plans[0];
    const others = plans.filter((p) => p !== main).map((p) => p.sheet);
    message(
      s('checkedMsg', { sheet: result.sheet, items: result.totals.items, col: main ? colLetter(main.column) : '–', ms: new Date().getTime() - t0 }) +
        (others.length ? ' ' + s('otherListsMsg', { sheets: others.join('、') }) : ''),
      'ok',
    );
  } catch (e) {
    message(plainError(e, state.lang), 'error');
  } finally {
    endProgress();
    setBusy(false);
  }
}

async function onSummarize(): Promise<void> {
  if (state.busy) return;
  const read = readOptions();
  if (!read) return;
  message(null);
  notice(null);
  if (!(await confirmWrite())) return;
  setBusy(true);
  try {
    void saveOptions(read.saved);
    const { result } = await readAndCheck(read.opts, 3);
    progress(3, 3, s('summarizing'));
    await paint();
    const specs = summarySheets(summarize([result], { asOf: read.opts.asOf, lang: state.lang }), state.lang);
    const report = await writeSheets(specs);
    state.lastResult = result;
    renderResults(result);
    message(s('summaryMsg', { sheets: report.sheets.join(state.lang === 'en' ? ', ' : '、') }), 'ok');
    notice(summaryNotice(report));
  } catch (e) {
    message(plainError(e, state.lang), 'error');
  } finally {
    endProgress();
    setBusy(false);
  }
}

function moveSheetsHelp(): HTMLElement {
  const box = el('div');
  box.appendChild(el('div', '', s('moveSheetsTitle')));
  const ol = el('ol');
  const steps: StringKey[] = ['moveSheets1', 'moveSheets2', 'moveSheets3', 'moveSheets4', 'moveSheets5'];
  for (let i = 0; i < steps.length; i++) ol.appendChild(el('li', '', s(steps[i])));
  box.appendChild(ol);
  return box;
}

/**
 * The summary of the last check as a new workbook (Excel.createWorkbook, ExcelApi 1.8). The .xlsx is
 * built by src/xlsxlite, a chunk of its own fetched from this add-in's origin on the first click, so
 * the first load does not carry it. Without a check yet, one is run (read and check only: nothing is
 * written into this workbook). Where 1.8 is missing, the pane explains the manual move.
 */
async function onOpenNew(): Promise<void> {
  if (state.busy) return;
  message(null);
  notice(null);
  if (!capabilities().createWorkbook) {
    message(moveSheetsHelp(), 'warn');
    return;
  }
  let result = state.lastResult;
  let read: { opts: CheckOptions; saved: SavedOptions } | null = null;
  if (!result) {
    read = readOptions();
    if (!read) return;
  }
  setBusy(true);
  try {
    if (!result && read) {
      void saveOptions(read.saved);
      result = (await readAndCheck(read.opts, 3)).result;
      state.lastResult = result;
      renderResults(result);
    }
    const checked = result as CheckResult;
    progress(3, 3, s('building'));
    await paint();
    const lang = state.lang;
    const r = await openAsNewWorkbook(() =>
      import(/* webpackChunkName: "xlsxlite" */ '../xlsxlite').then((lite) =>
        lite.toBase64(lite.specsToXlsx(summarySheets(summarize([checked], { asOf: checked.asOf, lang }), lang))),
      ),
    );
    if (r.status === 'opened') message(s('openedNew'), 'ok');
    else message(moveSheetsHelp(), 'warn');
  } catch (e) {
    message(plainError(e, state.lang), 'error');
  } finally {
    endProgress();
    setBusy(false);
  }
}

const TOTAL_KEYS: { flag: Flag; key: 'overdue' | 'dueSoon' | 'done' | 'onTrack' | 'longTerm' | 'noDeadline'; tone: string }[] = [
  { flag: 'overdue', key: 'overdue', tone: 'tz-bad' },
  { flag: 'due-soon', key: 'dueSoon', tone: 'tz-neutral' },
  { flag: 'done', key: 'done', tone: 'tz-good' },
  { flag: 'on-track', key: 'onTrack', tone: '' },
  { flag: 'long-term', key: 'longTerm', tone: '' },
  { flag: 'no-deadline', key: 'noDeadline', tone: '' },
];

function renderResults(result: CheckResult): void {
  show($('tz-results'), true);
  const totals = $('tz-totals');
  clear(totals);
  for (let i = 0; i < TOTAL_KEYS.length; i++) {
    const k = TOTAL_KEYS[i];
    const box = el('div', 'tz-total ' + k.tone);
    box.appendChild(el('b', '', String(result.totals[k.key])));
    box.appendChild(el('span', '', STRINGS[state.lang].flags[k.flag]));
    totals.appendChild(box);
  }
  $('tz-findings-title').innerText = s('findings') + ' (' + result.findings.length + ')';
  const list = $('tz-findings');
  clear(list);
  if (!result.findings.length) {
    list.appendChild(el('li', 'tz-muted', s('noFindings')));
    return;
  }
  // Errors first, then by sheet (the task list, then the other lists in the core's order), then row.
  const sheetOrder: string[] = [];
  result.findings.forEach((f) => {
    if (sheetOrder.indexOf(f.sheet) < 0) sheetOrder.push(f.sheet);
  });
  const rank = (f: Finding) => (f.sheet === result.sheet ? -1 : sheetOrder.indexOf(f.sheet));
  const sorted = result.findings
    .slice()
    .sort((a, b) =>
      a.severity !== b.severity ? (a.severity === 'error' ? -1 : 1) : rank(a) !== rank(b) ? rank(a) - rank(b) : a.row - b.row,
    );
  // Cap the DOM for very long lists; IE11 slows down past a few thousand nodes.
  const shown = sorted.slice(0, 500);
  for (let i = 0; i < shown.length; i++) list.appendChild(findingItem(shown[i]));
}

function findingItem(f: Finding): HTMLElement {
  const li = el('li');
  const b = el('button', 'tz-finding tz-sev-' + f.severity) as HTMLButtonElement;
  b.type = 'button';
  b.title = s('clickToSelect');
  b.setAttribute('data-sheet', f.sheet);
  b.setAttribute('data-cell', f.cell);
  b.appendChild(el('span', 'tz-cell', (f.sheet !== (state.lastResult && state.lastResult.sheet) ? f.sheet + '!' : '') + f.cell));
  b.appendChild(el('span', 'tz-sev', f.severity === 'error' ? s('error') : s('warning')));
  b.appendChild(document.createTextNode(f.message));
  b.onclick = () => {
    selectCell(f.sheet, f.cell).catch((e) => message(plainError(e, state.lang), 'error'));
  };
  li.appendChild(b);
  return li;
}

/* ---------------------------------------------------------------------------------------------- */
/* Start                                                                                           */
/* ---------------------------------------------------------------------------------------------- */

function renderTexts(): void {
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

/** This add-in's origin, as the user would type it (IE11 has no location.origin). */
function ownOrigin(): string {
  return window.location.protocol + '//' + window.location.host;
}

/**
 * Before Office answers: every text in place, the buttons off, and one line saying what is
 * happening. When Office never answers (opened outside Excel, a script that did not load), the line
 * says so after READY_WAIT_MS, with what to do.
 */
function boot(): void {
  state.lang = hostInfoLang(window.location.search);
  renderTexts();
  setBusy(false);
  message(s('connecting'));
  whenReady(start, () => message(s('noAnswer', { origin: ownOrigin() }), 'warn'));
}

function start(inOffice: boolean): void {
  state.inOffice = inOffice;
  state.lang = displayLang();
  renderTexts();
  message(null);
  fillOptions(loadOptions());
  $('tz-check').onclick = () => void onCheck();
  $('tz-summarize').onclick = () => void onSummarize();
  $('tz-open-new').onclick = () => void onOpenNew();
  $('tz-edit-mapping').onclick = () => toggleMapping();
  $('tz-apply-mapping').onclick = applyMapping;
  $('tz-redetect').onclick = () => {
    state.userHeader = null;
    onSheetChange();
  };
  (document.getElementById('tz-sheet') as HTMLSelectElement).onchange = onSheetChange;
  setBusy(false);
  if (!inOffice) {
    message(s('notInExcel'), 'warn');
    return;
  }
  void detect();
}

boot();
