/**
 * The ledger card: which sheet is the ledger, the three lists when there are three, the header rows
 * and columns found, and the editor where the user corrects the mapping (sent to the core as
 * opts.header).
 */
import { FieldKey, Grid, HeaderMap } from '../core/types';
import { detectHeader } from '../core/header';
import { ThreeLists } from '../core/threelists';
import { summarySheetNames } from '../core/summary-i18n';
import { cellAt, cellText, colLetter, gridLeft, gridRight } from '../core/grid';
import { SavedOptions } from '../excel/settings';
import { STRINGS } from './strings';
import { $, clear, el, input, message, option, select, show } from './dom';
import { FIELDS, fieldName, gridByName, s, state } from './state';

/** Below this 识别可信度 the pane opens the mapping editor and asks the user to check it. */
export const LOW_CONFIDENCE = 0.6;

/** The sheet the user saved, else the task list of three lists, else the best-scoring sheet. */
export function pickLedger(saved: SavedOptions): { grid: Grid | null; header: HeaderMap | null } {
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

export function renderSheets(selected: string | null): void {
  const sel = select('tz-sheet');
  clear(sel);
  for (let i = 0; i < state.grids.length; i++) sel.appendChild(option(state.grids[i].name, state.grids[i].name, state.grids[i].name === selected));
}

export type ListRole = 'problems' | 'tasks' | 'responsibilities' | 'roster';

/** The three lists found (sheet names and their roles), or nothing for a single ledger sheet. */
export function renderLists(sources: { role: ListRole; sheet: string }[]): void {
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

/** The detected lists, in the order of the rectification plan. */
export function listSources(lists: ThreeLists | null): { role: ListRole; sheet: string }[] {
  if (!lists) return [];
  const out: { role: ListRole; sheet: string }[] = [];
  if (lists.problems) out.push({ role: 'problems', sheet: lists.problems.grid.name });
  out.push({ role: 'tasks', sheet: lists.tasks.grid.name });
  if (lists.responsibilities) out.push({ role: 'responsibilities', sheet: lists.responsibilities.grid.name });
  if (lists.roster) out.push({ role: 'roster', sheet: lists.roster.sheet });
  return out;
}

export function renderHeader(grid: Grid | null, header: HeaderMap | null): void {
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
    sel.appendChild(option('', s('none'), false));
    for (let c = left; c <= right; c++) {
      const t = headerText(grid, rows, c);
      sel.appendChild(option(String(c), colLetter(c) + (t ? ' · ' + t : ''), !!header && header.columns[f] === c));
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

export function toggleMapping(open?: boolean): void {
  const box = $('tz-mapping');
  const visible = open !== undefined ? open : box.hasAttribute('hidden');
  show(box, visible);
  $('tz-edit-mapping').innerText = visible ? s('hideMapping') : s('editMapping');
}

export function applyMapping(): void {
  const sheet = select('tz-sheet').value;
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

/** Shows what detection found on `grid`, and asks for the mapping when it found nothing sure. */
export function showDetected(grid: Grid | null, header: HeaderMap | null): void {
  renderHeader(grid, header);
  if (!header) {
    message(s('noLedger'), 'warn');
    toggleMapping(true);
  } else if (header.confidence < LOW_CONFIDENCE && !state.userHeader) {
    message(s('unsure'), 'warn');
    toggleMapping(true);
  } else message(null);
}

export function onSheetChange(): void {
  const grid = gridByName(select('tz-sheet').value);
  state.userHeader = null;
  showDetected(grid, grid ? detectHeader(grid) : null);
}
