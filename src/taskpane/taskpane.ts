/**
 * The task pane: boots the page and wires its controls. Data flows one way: host.readWorkbook ->
 * checkWorkbook -> planAnnotations -> host.annotate (or SheetSpecs -> host.writeSheets); the pane only
 * shows what the core returns. It talks to a Host (src/host/host.ts); this file is the one place that
 * names a host, which it builds at boot: Excel's, or WPS's in the bundle `npm run build:wps` makes
 * (webpack defines __TZ_HOST__ as 'wps' there, and the Excel host is left out). No framework, because the pane must run in IE11. By role:
 *   state.ts    what the modules share (the host among them), and the pane's words in the current language
 *   dom.ts      DOM helpers, the message, notice and progress lines
 *   options.ts  the options form
 *   mapping.ts  the ledger card: the sheet, the three lists, the header and the mapping editor
 *   flows.ts    what each action does with the host and the core, without the DOM (tested on the fake Excel)
 *   actions.ts  the actions, through one wrapper for the form, consent, busy state, progress and errors
 *   render.ts   the results, the findings, what a write skipped, errors in plain words
 *   teachcard.ts 识别设置: the words a user teaches, saved in the workbook (teach.ts decides what a choice does);
 *               a chunk of its own, loaded after the first check
 * The .xlsx writer for 打开为新工作簿 (src/xlsxlite) is a separate chunk, loaded on that click only.
 */
import { createExcelHost } from '../excel/host';
import { createWpsHost } from '../wps/host';
import { WPS_WORDS } from './strings-wps';
import { useOwnWords } from './strings';
import { loadOptions } from '../host/settings';
import { $, message, notice, select, show } from './dom';
import { fillOptions } from './options';
import { applyMapping, onSheetChange, showEarlierDate, toggleMapping } from './mapping';
import { detect, onCheck, onCompare, onNotices, onNoticesNew, onOpenNew, onSummarize, setBusy, teachCard } from './actions';
import { renderTexts } from './render';
import { host, s, state, taught, useHost } from './state';

/** The host this bundle was built for (webpack's DefinePlugin; absent: Excel). */
declare const __TZ_HOST__: string;

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
  // The one place that names a host: everything else talks to src/host's Host.
  if (typeof __TZ_HOST__ !== 'undefined' && __TZ_HOST__ === 'wps') {
    useOwnWords('wps', WPS_WORDS);
    useHost(createWpsHost());
  } else useHost(createExcelHost());
  state.lang = host().earlyLanguage(window.location.search);
  renderTexts();
  setBusy(false);
  message(s('connecting'));
  host().whenReady(start, () => message(s('noAnswer', { origin: ownOrigin() }), 'warn'));
}

function start(inOffice: boolean): void {
  state.inOffice = inOffice;
  state.lang = host().language();
  renderTexts();
  message(null);
  fillOptions(loadOptions(host().store));
  $('tz-check').onclick = () => void onCheck();
  $('tz-summarize').onclick = () => void onSummarize();
  $('tz-open-new').onclick = () => void onOpenNew();
  $('tz-make-notices').onclick = () => void onNotices();
  $('tz-notices-new').onclick = () => void onNoticesNew();
  $('tz-compare').onclick = () => void onCompare();
  // The notices as a workbook of their own only where Excel can create one (ExcelApi 1.8).
  show($('tz-notices-new'), inOffice && host().features().createWorkbook);
  $('tz-edit-mapping').onclick = () => toggleMapping();
  $('tz-apply-mapping').onclick = applyMapping;
  $('tz-redetect').onclick = onSheetChange;
  select('tz-sheet').onchange = onSheetChange;
  select('tz-earlier').onchange = showEarlierDate;
  setBusy(false);
  // 识别设置 shows what this workbook was taught from the start (after a check, it offers more).
  const words = taught();
  if ((words.headers && Object.keys(words.headers).length) || (words.status && Object.keys(words.status).length)) void teachCard().then((m) => m.renderTeach(null));
  if (!inOffice) {
    message(s('notInExcel'), 'warn');
    return;
  }
  // Excel turns web add-ins off for a workbook in compatibility mode (.xls, help.html#xls); should
  // one start there anyway, the pane says what the help page says. A host whose program runs the
  // add-in on .xls and .et as well (WPS) has no such words.
  if (isLegacyDocument() && s('legacyWorkbook')) notice([s('legacyWorkbook')]);
  void detect();
}

/** Whether the open document is a legacy .xls or .et, by its file name (the host's). */
function isLegacyDocument(): boolean {
  return /\.(xls|xlt|et|ett)$/i.test(host().workbookName());
}

boot();
