/**
 * The options form: read and validated before every action, filled from the workbook's settings
 * (src/excel/settings.ts) when the pane starts.
 */
import { CheckOptions } from '../core/types';
import { isIsoDate } from '../core/dates';
import { DEFAULT_DUE_SOON_DAYS, DEFAULT_IMMEDIATE_DAYS } from '../core/flags';
import { SavedOptions } from '../excel/settings';
import { input, message, select } from './dom';
import { s, state } from './state';

export function today(): string {
  const d = new Date();
  const p = (n: number) => (n < 10 ? '0' : '') + n;
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

export interface FormRead {
  opts: CheckOptions;
  saved: SavedOptions;
}

const FIELD_IDS = ['tz-asof', 'tz-start', 'tz-due-soon', 'tz-immediate'];

/** Marks the field, says what is wrong with it, and returns null (the action does not start). */
export function invalid(id: string, text: string): null {
  input(id).className = 'tz-invalid';
  input(id).focus();
  message(text, 'error');
  return null;
}

/** A day count as the form takes it: blank is the default, else 0 to 3650; NaN when malformed. */
export function dayCount(v: string, fallback: number): number {
  if (v === '') return fallback;
  return /^\d{1,4}$/.test(v) && +v <= 3650 ? +v : NaN;
}

/** Reads and validates the options form; shows what is wrong and returns null when invalid. */
export function readOptions(): FormRead | null {
  const asOf = input('tz-asof').value.trim();
  const start = input('tz-start').value.trim();
  for (let i = 0; i < FIELD_IDS.length; i++) input(FIELD_IDS[i]).className = '';
  if (asOf && !isIsoDate(asOf)) return invalid('tz-asof', s('badDate', { label: s('asOf') }));
  if (start && !isIsoDate(start)) return invalid('tz-start', s('badDate', { label: s('start') }));
  const dueSoonDays = dayCount(input('tz-due-soon').value.trim(), DEFAULT_DUE_SOON_DAYS);
  const immediateDays = dayCount(input('tz-immediate').value.trim(), DEFAULT_IMMEDIATE_DAYS);
  if (isNaN(dueSoonDays)) return invalid('tz-due-soon', s('badNumber', { label: s('dueSoonDays') }));
  if (isNaN(immediateDays)) return invalid('tz-immediate', s('badNumber', { label: s('immediateDays') }));
  const sheet = select('tz-sheet').value || null;
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

export function workbookName(): string {
  try {
    const url = Office.context.document.url || '';
    const name = url.replace(/\\/g, '/').split('/').pop() || '';
    return decodeURIComponent(name) || (state.lang === 'en' ? 'This workbook' : '当前工作簿');
  } catch (e) {
    return state.lang === 'en' ? 'This workbook' : '当前工作簿';
  }
}

export function fillOptions(saved: SavedOptions): void {
  input('tz-asof').value = saved.asOf || '';
  input('tz-start').value = saved.start || '';
  input('tz-due-soon').value = String(saved.dueSoonDays !== undefined ? saved.dueSoonDays : DEFAULT_DUE_SOON_DAYS);
  input('tz-immediate').value = String(saved.immediateDays !== undefined ? saved.immediateDays : DEFAULT_IMMEDIATE_DAYS);
}
