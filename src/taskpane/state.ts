/**
 * What the pane's modules share: its state (the grids read, the mapping, the last result), the host
 * it runs in and its words in the current language. Nothing here touches the DOM or Excel.
 */
import { CheckResult, Lang, FieldKey, HeaderMap, Grid, FIELD_SYNONYMS, ThreeLists, TaughtWords, term } from '../core';
import { Host } from '../host/host';
import { loadTaught } from '../host/settings';
import { StringKey, fill, wordsFor } from './strings';

export interface PaneState {
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

export const state: PaneState = { lang: 'zh', inOffice: false, busy: false, grids: [], userHeader: null, shown: null, lastResult: null, lists: null };

let current: Host | null = null;

/** The host the pane talks to, set once at start-up (taskpane.ts) before anything asks for it. */
export function useHost(h: Host): void {
  current = h;
}

export function host(): Host {
  if (!current) throw new Error('The pane has no host yet (taskpane.ts sets it first).');
  return current;
}

/** The words this workbook was taught (识别设置), as its settings hold them now: detection reads with them. */
export function taught(): TaughtWords {
  return loadTaught(host().store);
}

/** The fields in the order of core/fields.ts, as the mapping editor lists them. */
export const FIELDS = Object.keys(FIELD_SYNONYMS) as FieldKey[];

/** The pane's words in the current language, for the program the host runs in (Excel's before a host is set). */
export function words(): ReturnType<typeof wordsFor> {
  return wordsFor(current ? current.app : 'excel', state.lang);
}

/** A pane text in the current language, its {placeholders} filled. */
export function s(key: StringKey, params?: Record<string, string | number>): string {
  const text = words()[key] as string;
  return params ? fill(text, params) : text;
}

export function fieldName(f: FieldKey): string {
  return term(state.lang, f);
}

/** A list joined the way the language writes one: 、 in Chinese, a comma in English. */
export function joinList(items: string[]): string {
  return items.join(state.lang === 'en' ? ', ' : '、');
}

export function gridByName(name: string): Grid | null {
  for (let i = 0; i < state.grids.length; i++) if (state.grids[i].name === name) return state.grids[i];
  return null;
}
