/**
 * 识别设置 (Teach words): the card where the user tells the pane what a word of their ledger means.
 * After a check it offers each status word the check could not place (most frequent first, with its
 * count) with a choice of state, and each header cell no field took with a choice of field
 * (teach.ts decides what to offer and what a choice does). A choice is saved in the workbook's
 * settings (src/host/settings.ts, saveTaught) and the ledger is checked again at once; every action
 * that reads the ledger checks with the saved words (flows.ts, withTaught). The card lists what was
 * taught, each with a button that forgets it, and exports and imports the same JSON the command line
 * reads as taizhang.json: as text in a box the user copies (IE11's webview saves no download
 * reliably), and from that box or a file picked with a file input (FileReader, IE10+).
 *
 * A chunk of its own (webpackChunkName "teach", loaded by actions.ts after the first check, or at start
 * where words were taught), with teach.ts and its own words: the first load stays within its budget.
 */
import { CheckResult, DEFAULTS, FieldKey, STATE_LABELS, TAUGHT_STATES, TaughtWords } from '../core';
import { saveTaught } from '../host/settings';
import { exportTaught, importTaught, teachChoices, teachColumn, teachWord, TaughtState } from './teach';
import { $, button, clear, el, input, message, option, show } from './dom';
import { dayCount } from './options';
import { redetect } from './mapping';
import { FIELDS, fieldName, gridByName, host, state, taught } from './state';
import { fill } from './strings';

/** The card's words (a chunk of its own: they are not part of the first load). */
const TEXT = {
  zh: {
    teach: '识别设置',
    teachHint: '台账用了本助手不认识的词时，在这里告诉它一次：选择保存在本工作簿中，检查、汇总、督办单和对比都按此读取。',
    teachWords: '未识别的完成状态用词',
    teachWordCount: '“{word}”（{n}项）',
    teachPickState: '选择含义…',
    teachColumns: '未对应的列',
    teachColumnName: '{letter}列“{text}”',
    teachPickField: '选择对应的列…',
    teachNothing: '本次检查的完成状态用词和表头都已识别。',
    taughtList: '已教的词',
    taughtNone: '尚未教任何词。',
    taughtStatus: '完成状态“{word}”：{state}',
    taughtHeader: '表头“{word}”：{field}',
    taughtRemove: '删除',
    taughtRemoveLabel: '删除 {what}',
    teachNotSaved: '没能把识别设置保存到本工作簿，请再选一次。',
    teachFile: '导出或导入设置（taizhang.json）',
    teachJson: '设置内容（JSON，与命令行读取的 taizhang.json 相同）',
    teachExport: '导出到文本框',
    teachImport: '从文本框导入',
    teachUpload: '或选择 taizhang.json 文件导入：',
    teachExported: '已导出到上面的文本框并全部选中：按 Ctrl+C 复制，粘贴到记事本，以 UTF-8 编码另存为 taizhang.json，放在命令行的工作目录中即可使用。',
    teachImported: '已导入 {n} 个词，保存在本工作簿中。',
    teachBadFile: '无法导入：{reason}',
  },
  en: {
    teach: 'Teach words',
    teachHint: 'When the ledger uses words this assistant does not know, tell it once here: the choices are saved in this workbook, and Check, Summarize, notices and Compare read with them.',
    teachWords: 'Status words not recognized',
    teachWordCount: '"{word}" ({n} items)',
    teachPickState: 'Choose a meaning…',
    teachColumns: 'Columns not placed',
    teachColumnName: 'Column {letter} "{text}"',
    teachPickField: 'Choose a field…',
    teachNothing: 'This check recognized every status word and header.',
    taughtList: 'Words taught',
    taughtNone: 'No words taught yet.',
    taughtStatus: 'Status "{word}": {state}',
    taughtHeader: 'Header "{word}": {field}',
    taughtRemove: 'Remove',
    taughtRemoveLabel: 'Remove {what}',
    teachNotSaved: 'The words could not be saved in this workbook; choose again.',
    teachFile: 'Export or import (taizhang.json)',
    teachJson: 'Settings (JSON, the taizhang.json the command line reads)',
    teachExport: 'Export to the box',
    teachImport: 'Import from the box',
    teachUpload: 'or import a taizhang.json file:',
    teachExported: 'Exported to the box above and selected: press Ctrl+C, paste into Notepad and save it as taizhang.json (UTF-8) in the command line\'s working folder.',
    teachImported: 'Imported {n} words, saved in this workbook.',
    teachBadFile: 'Cannot import: {reason}',
  },
};

type TextKey = keyof typeof TEXT.zh;

/** A text of the card in the pane's language, its {placeholders} filled. */
function s(key: TextKey, params?: Record<string, string | number>): string {
  const text = TEXT[state.lang][key];
  return params ? fill(text, params) : text;
}

/** The card's fixed texts (elements carry their key in data-teach). */
function labelCard(): void {
  const labelled = $('tz-teach').querySelectorAll('[data-teach]');
  for (let i = 0; i < labelled.length; i++) {
    const e = labelled[i] as HTMLElement;
    e.innerText = s(e.getAttribute('data-teach') as TextKey);
  }
}


/** What a choice does once it is saved: the check again (actions.ts onCheck, wired by taskpane.ts). */
let recheck: () => void = () => undefined;

function stateName(st: TaughtState): string {
  return STATE_LABELS[state.lang][st];
}

/** Saves `next` in the workbook and checks again with it; says so if the workbook did not keep it. */
function apply(next: TaughtWords): void {
  if (state.busy) {
    renderTeach(state.lastResult);
    return;
  }
  void saveTaught(host().store, next).then((saved) => {
    if (!saved) message(s('teachNotSaved'), 'warn');
  });
  // Both hosts hold the store in memory: what was just set is what detection and the check read.
  redetect();
  renderTeach(state.lastResult);
  if (state.lastResult) recheck();
}

/** A labelled select in a list item: the label names what is being taught. */
function choiceRow(id: string, labelText: string, sel: HTMLSelectElement): HTMLElement {
  const li = el('li', 'tz-teach-row');
  const label = el('label', '', labelText);
  label.setAttribute('for', id);
  sel.id = id;
  li.appendChild(label);
  li.appendChild(sel);
  return li;
}

function renderChoices(result: CheckResult | null): boolean {
  const words = $('tz-teach-words-items');
  const columns = $('tz-teach-columns-items');
  clear(words);
  clear(columns);
  const grid = result ? gridByName(result.sheet) : null;
  const offer = result && grid ? teachChoices(result, grid) : { words: [], columns: [] };
  // Under a mapping the user applied, the columns are placed in its editor, not by taught words.
  if (state.userHeader) offer.columns = [];
  offer.words.forEach((w, i) => {
    const sel = document.createElement('select');
    sel.appendChild(option('', s('teachPickState'), true));
    TAUGHT_STATES.forEach((st) => sel.appendChild(option(st, stateName(st as TaughtState), false)));
    sel.onchange = () => {
      if (sel.value) apply(teachWord(taught(), w.text, sel.value as TaughtState));
    };
    words.appendChild(choiceRow('tz-teach-word-' + i, s('teachWordCount', { word: w.text, n: w.count }), sel));
  });
  offer.columns.forEach((c) => {
    const sel = document.createElement('select');
    sel.appendChild(option('', s('teachPickField'), true));
    FIELDS.forEach((f) => sel.appendChild(option(f, fieldName(f), false)));
    sel.onchange = () => {
      if (sel.value) apply(teachColumn(taught(), c.text, sel.value as FieldKey));
    };
    columns.appendChild(choiceRow('tz-teach-col-' + c.col, s('teachColumnName', { letter: c.letter, text: c.text }), sel));
  });
  show($('tz-teach-words'), offer.words.length > 0);
  show($('tz-teach-columns'), offer.columns.length > 0);
  show($('tz-teach-nothing'), !!result && !offer.words.length && !offer.columns.length);
  return offer.words.length + offer.columns.length > 0;
}

/** One taught word, with the button that forgets it. */
function taughtRow(what: string, forget: () => TaughtWords): HTMLElement {
  const li = el('li', 'tz-teach-row');
  li.appendChild(el('span', '', what));
  const b = button('', 'tz-link', s('taughtRemove'));
  b.removeAttribute('id');
  b.setAttribute('aria-label', s('taughtRemoveLabel', { what }));
  b.title = s('taughtRemoveLabel', { what });
  b.onclick = () => apply(forget());
  li.appendChild(b);
  return li;
}

function renderTaught(words: TaughtWords): number {
  const list = $('tz-taught-items');
  clear(list);
  let n = 0;
  const status = (words.status || {}) as { [st: string]: string[] | undefined };
  TAUGHT_STATES.forEach((st) =>
    (status[st] || []).forEach((w) => {
      n++;
      list.appendChild(taughtRow(s('taughtStatus', { word: w, state: stateName(st as TaughtState) }), () => teachWord(taught(), w, null)));
    }),
  );
  const headers = (words.headers || {}) as { [f: string]: string[] | undefined };
  FIELDS.forEach((f) =>
    (headers[f] || []).forEach((w) => {
      n++;
      list.appendChild(taughtRow(s('taughtHeader', { word: w, field: fieldName(f) }), () => teachColumn(taught(), w, null)));
    }),
  );
  if (!n) list.appendChild(el('li', 'tz-muted', s('taughtNone')));
  return n;
}

/**
 * The card after a check (`result`), or at start (null): shown when there is something to choose or
 * something taught, or once a check has run.
 */
export function renderTeach(result: CheckResult | null): void {
  labelCard();
  const offered = renderChoices(result);
  const n = renderTaught(taught());
  show($('tz-teach'), offered || n > 0 || !!result);
}

/** The option defaults the form holds that differ from the built-in ones, as taizhang.json's "options". */
function formDefaults(): { dueSoonDays?: number; immediateDays?: number; replyDays?: number; issuer?: string } {
  const out: { dueSoonDays?: number; immediateDays?: number; replyDays?: number; issuer?: string } = {};
  const days: [string, 'dueSoonDays' | 'immediateDays' | 'replyDays'][] = [
    ['tz-due-soon', 'dueSoonDays'],
    ['tz-immediate', 'immediateDays'],
    ['tz-reply-days', 'replyDays'],
  ];
  days.forEach((d) => {
    const v = dayCount(input(d[0]).value.trim(), DEFAULTS[d[1]]);
    if (!isNaN(v) && v !== DEFAULTS[d[1]]) out[d[1]] = v;
  });
  const issuer = input('tz-issuer').value.trim();
  if (issuer) out.issuer = issuer;
  return out;
}

function onExport(): void {
  const box = $('tz-teach-json') as HTMLTextAreaElement;
  box.value = exportTaught(taught(), formDefaults());
  box.focus();
  box.select();
  message(s('teachExported'), 'ok');
}

/** Reads `text` as taizhang.json: its words replace the taught ones, its options fill the form. */
function importText(text: string): void {
  const got = importTaught(text, state.lang);
  if ('error' in got) {
    message(s('teachBadFile', { reason: got.error }), 'error');
    return;
  }
  const o = got.options;
  if (o.dueSoonDays !== undefined) input('tz-due-soon').value = String(o.dueSoonDays);
  if (o.immediateDays !== undefined) input('tz-immediate').value = String(o.immediateDays);
  if (o.replyDays !== undefined) input('tz-reply-days').value = String(o.replyDays);
  if (o.issuer !== undefined) input('tz-issuer').value = o.issuer;
  let n = 0;
  [got.taught.status, got.taught.headers].forEach((m) => {
    const lists = (m || {}) as { [k: string]: string[] };
    Object.keys(lists).forEach((k) => (n += lists[k].length));
  });
  message(s('teachImported', { n }), 'ok');
  apply(got.taught);
}

function onUpload(): void {
  const picker = input('tz-teach-upload');
  const file = picker.files && picker.files[0];
  if (!file) return;
  const reader = new FileReader();
  reader.onload = () => {
    const text = String(reader.result || '');
    ($('tz-teach-json') as HTMLTextAreaElement).value = text;
    picker.value = '';
    importText(text);
  };
  reader.onerror = () => message(s('teachBadFile', { reason: file.name }), 'error');
  reader.readAsText(file, 'UTF-8');
}

/** Wires the card's controls once the host answers; `again` checks again (onCheck). */
export function wireTeach(again: () => void): void {
  recheck = again;
  $('tz-teach-file').onclick = () => {
    const box = $('tz-teach-io');
    const open = box.hasAttribute('hidden');
    show(box, open);
    $('tz-teach-file').setAttribute('aria-expanded', open ? 'true' : 'false');
  };
  $('tz-teach-export').onclick = onExport;
  $('tz-teach-import').onclick = () => importText(($('tz-teach-json') as HTMLTextAreaElement).value);
  input('tz-teach-upload').onchange = onUpload;
}
