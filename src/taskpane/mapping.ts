/**
 * The ledger card: which sheet is the ledger, the three lists when there are three, the header rows
 * and columns found, and the editor where the user corrects the mapping (sent to the core as
 * opts.header).
 */
import { FieldKey, HeaderMap, Grid, detectHeader, findThreeLists, HeaderCandidate, LedgerChoice, currentVersion, earlierCandidates, headerLikeness, SAME_LEDGER, readStatedDates, ThreeLists, summarySheetNames, cellAt, cellText, colLetter, gridLeft, gridRight } from '../core';
import { SavedOptions, loadOptions } from '../host/settings';
import { $, clear, el, input, message, option, select, show } from './dom';
import { FIELDS, fieldName, gridByName, host, s, state, taught, words } from './state';

/** Below this 识别可信度 the pane opens the mapping editor and asks the user to check it. */
export const LOW_CONFIDENCE = 0.6;

/**
 * The sheet the user saved, else the task list of three lists, else the best-scoring sheet. Where
 * several sheets hold versions of that ledger (last period's copy pasted in for 对比上期), the
 * current one (core/versions.ts), and never the sheet last compared as the earlier version.
 */
export function pickLedger(saved: SavedOptions): { grid: Grid | null; header: HeaderMap | null } {
  if (saved.header && gridByName(saved.header.sheet)) return { grid: gridByName(saved.header.sheet), header: saved.header };
  if (saved.sheet && gridByName(saved.sheet)) {
    const g = gridByName(saved.sheet) as Grid;
    return { grid: g, header: detectHeader(g, undefined, taught()) };
  }
  if (state.lists) return { grid: state.lists.tasks.grid, header: state.lists.tasks.header };
  // A sheet named like a summary sheet (an unrecorded 汇总台账 of an older version, which repeats the
  // ledger's columns) is offered, but picked by itself only when no other sheet has a ledger header;
  // so is the earlier version last compared.
  const aside: Record<string, boolean> = {};
  summarySheetNames().forEach((n) => (aside[n.toLowerCase()] = true));
  if (saved.previousSheet) aside[saved.previousSheet.toLowerCase()] = true;
  const taughtWords = taught();
  for (let pass = 0; pass < 2; pass++) {
    const found: LedgerChoice[] = [];
    for (let i = 0; i < state.grids.length; i++) {
      if (pass === 0 && aside[state.grids[i].name.toLowerCase()]) continue;
      const h = detectHeader(state.grids[i], undefined, taughtWords);
      if (h) found.push({ grid: state.grids[i], header: h });
    }
    if (!found.length) continue;
    let best = found[0];
    found.forEach((f) => {
      if ((f.header as HeaderCandidate).score > (best.header as HeaderCandidate).score) best = f;
    });
    // The best-scoring first: between versions that state no date, it stays the pick.
    return currentVersion([best].concat(found.filter((f) => f !== best && headerLikeness(best, f) >= SAME_LEDGER)));
  }
  return { grid: state.grids[0] || null, header: null };
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
    li.appendChild(el('span', 'tz-role', words().roles[sources[i].role]));
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
  showDetected(grid, grid ? detectHeader(grid, undefined, taught()) : null);
  renderEarlier();
  // The comparison shown was of the ledger picked before.
  show($('tz-compare-result'), false);
}

/** The ledger as the pane has it now: the sheet picked, with the mapping applied or shown, else detected. */
function ledgerChoice(): LedgerChoice | null {
  const grid = gridByName(select('tz-sheet').value);
  if (!grid) return null;
  const mapped = [state.userHeader, state.shown].filter((h) => !!h && h.sheet === grid.name)[0];
  const header = mapped || detectHeader(grid, undefined, taught());
  return header ? { grid, header } : null;
}

/**
 * The sheets 对比上期 offers as last period's version: the other sheets with a ledger header (not the
 * other lists of three), most like the ledger first. The one picked stays picked, else the one last
 * compared, else the most alike.
 */
export function renderEarlier(): void {
  const sel = select('tz-earlier');
  const keep = sel.value || loadOptions(host().store).previousSheet || '';
  clear(sel);
  const ledger = ledgerChoice();
  const lists = state.lists && ledger && ledger.grid === state.lists.tasks.grid ? listSources(state.lists).map((l) => l.sheet) : [];
  const found = ledger ? earlierCandidates(state.grids, ledger, lists, taught()) : [];
  if (!found.length) sel.appendChild(option('', s('noEarlier'), true));
  const pick = found.some((c) => c.sheet === keep) ? keep : found.length ? found[0].sheet : '';
  found.forEach((c) => sel.appendChild(option(c.sheet, c.sheet, c.sheet === pick)));
  showEarlierDate();
}

/**
 * Under 上期日期, the date a blank field stands for: the 填报时间 the earlier sheet picked states
 * (core/stated.ts, as the comparison reads it), or that it states none and a date must be typed.
 */
export function showEarlierDate(): void {
  const grid = gridByName(select('tz-earlier').value);
  const filledIn = grid ? readStatedDates(grid, detectHeader(grid, undefined, taught())).filledIn : null;
  const date = filledIn && filledIn.date;
  $('tz-since-hint').innerText = !grid ? s('sinceHint') : date ? s('sinceStated', { date }) : s('sinceNone');
}

/**
 * After the taught words changed (识别设置): the three lists and the picked sheet's header detected
 * again with them, so 已识别的列 shows what the next check reads. A mapping the user applied stays.
 */
export function redetect(): void {
  state.lists = findThreeLists(state.grids, taught());
  renderLists(listSources(state.lists));
  if (state.userHeader) return;
  const grid = gridByName(select('tz-sheet').value);
  if (!grid) return;
  const header = state.lists && state.lists.tasks.grid === grid ? state.lists.tasks.header : detectHeader(grid, undefined, taught());
  renderHeader(grid, header);
}
