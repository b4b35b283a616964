/**
 * The options form: read and validated before every action, filled from the workbook's store
 * (src/host/settings.ts) when the pane starts.
 */
import { CheckOptions, isIsoDate, DEFAULTS, DocumentOptions, SUMMARY_TEXT } from '../core';
import { Earlier } from './flows';
import { SavedOptions, loadOptions } from '../host/settings';
import { input, message, select } from './dom';
import { host, s, state } from './state';

export function today(): string {
  const d = new Date();
  const p = (n: number) => (n < 10 ? '0' : '') + n;
  return d.getFullYear() + '-' + p(d.getMonth() + 1) + '-' + p(d.getDate());
}

export interface FormRead {
  /** The options, whole: the check's and the written documents' (督办单, footers, the report's wording). */
  opts: CheckOptions;
  /** The same object, as the documents read it. */
  doc: DocumentOptions;
  saved: SavedOptions;
}

const FIELD_IDS = ['tz-asof', 'tz-start', 'tz-due-soon', 'tz-immediate', 'tz-reply-days'];

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
  const dueSoonDays = dayCount(input('tz-due-soon').value.trim(), DEFAULTS.dueSoonDays);
  const immediateDays = dayCount(input('tz-immediate').value.trim(), DEFAULTS.immediateDays);
  if (isNaN(dueSoonDays)) return invalid('tz-due-soon', s('badNumber', { label: s('dueSoonDays') }));
  if (isNaN(immediateDays)) return invalid('tz-immediate', s('badNumber', { label: s('immediateDays') }));
  const replyDays = dayCount(input('tz-reply-days').value.trim(), DEFAULTS.replyDays);
  if (isNaN(replyDays)) return invalid('tz-reply-days', s('badNumber', { label: s('replyDays') }));
  const issuer = input('tz-issuer').value.trim() || null;
  const noticeNumber = input('tz-notice-number').value.trim() || null;
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
    issuer,
    noticeNumber,
    replyDays,
  };
  return {
    opts,
    doc: opts,
    saved: { asOf: asOf || null, start: start || null, dueSoonDays, immediateDays, sheet, header: state.userHeader, issuer, noticeNumber, replyDays, previousSheet: loadOptions(host().store).previousSheet || null },
  };
}

/** The workbook's file name as the host gives it, else "this workbook" in the pane's language. */
export function workbookName(): string {
  return host().workbookName() || (state.lang === 'en' ? 'This workbook' : '当前工作簿');
}

export function fillOptions(saved: SavedOptions): void {
  input('tz-asof').value = saved.asOf || '';
  input('tz-start').value = saved.start || '';
  input('tz-due-soon').value = String(saved.dueSoonDays !== undefined ? saved.dueSoonDays : DEFAULTS.dueSoonDays);
  input('tz-immediate').value = String(saved.immediateDays !== undefined ? saved.immediateDays : DEFAULTS.immediateDays);
  input('tz-issuer').value = saved.issuer || '';
  input('tz-notice-number').value = saved.noticeNumber || '';
  input('tz-reply-days').value = String(saved.replyDays !== undefined ? saved.replyDays : DEFAULTS.replyDays);
  // The defaults the documents use when these are blank, in grey.
  const tx = SUMMARY_TEXT[state.lang];
  input('tz-issuer').placeholder = tx.defaultIssuer;
  input('tz-notice-number').placeholder = tx.notice.number(+(saved.asOf || today()).slice(0, 4));
}

/**
 * The 对比上期 fields: the earlier sheet (there must be one) and the date to judge it at (blank: the
 * 填报时间 it states), which cannot come after `asOf`. Shows what is wrong and returns null; changes
 * nothing else, so it may be asked twice.
 */
export function readEarlier(asOf: string): Earlier | null {
  input('tz-since').className = '';
  const sheet = select('tz-earlier').value;
  if (!sheet) {
    message(s('earlierMissing'), 'warn');
    return null;
  }
  const since = input('tz-since').value.trim();
  if (since && !isIsoDate(since)) return invalid('tz-since', s('badDate', { label: s('since') }));
  if (since && since > asOf) return invalid('tz-since', s('earlierAfter', { sheet, since, asOf }));
  return { sheet, since: since || null };
}
