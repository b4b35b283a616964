/**
 * What a patch may change, checked from the outside: the raw entries of the input and the output
 * (helpers/package.ts rawEntries, no zip library), and the ledger sheet's XML with our cells, our
 * <col> entries, the dimension, the spans hint and the merges of our header cells taken out.
 */
import { rawEntries } from './package';

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}

/**
 * The sheet XML without what a check adds in columns [first, last] (1-based): cells, col entries,
 * merges; the dimension's ref and the spans values are masked; empty rows and lists are dropped.
 */
export function withoutOurs(xml: string, first: number, last: number): string {
  const ours = (letters: string) => {
    const c = colNumber(letters);
    return c >= first && c <= last;
  };
  let s = xml.replace(/<((?:\w+:)?)c r="([A-Z]+)(\d+)"[^>]*?(?:\/>|>[\s\S]*?<\/\1c>)/g, (m, _p, letters: string) => (ours(letters) ? '' : m));
  s = s.replace(/<((?:\w+:)?)col min="(\d+)" max="(\d+)"[^>]*\/>/g, (m, _p, min: string, max: string) => (+min >= first && +max <= last ? '' : m));
  s = s.replace(/<((?:\w+:)?)mergeCell ref="([A-Z]+)\d+:([A-Z]+)\d+"\/>/g, (m, _p, a: string, b: string) => (ours(a) && ours(b) ? '' : m));
  s = s.replace(/(<(?:\w+:)?dimension ref=")[^"]*"/, '$1*"');
  s = s.replace(/ spans="[^"]*"/g, ' spans="*"');
  s = s.replace(/(<(?:\w+:)?mergeCells) count="\d+"/, '$1 count="*"');
  s = s.replace(/<((?:\w+:)?)mergeCells count="\*"><\/\1mergeCells>/, '');
  s = s.replace(/<((?:\w+:)?)cols><\/\1cols>/, '');
  s = s.replace(/<((?:\w+:)?)row r="\d+"><\/\1row>/g, '');
  return s;
}

export interface PatchReport {
  /** Entries whose raw bytes (local header, compressed data, descriptor) differ. */
  changed: string[];
  /** Entries of the input missing from the output, and the other way round. */
  removed: string[];
  added: string[];
}

/** Compares two zips entry by entry, by their raw stored bytes. */
export function comparePackages(input: Buffer, output: Buffer): PatchReport {
  const a = rawEntries(input);
  const b = rawEntries(output);
  const changed: string[] = [];
  const removed: string[] = [];
  for (const [name, e] of a) {
    const other = b.get(name);
    if (!other) removed.push(name);
    else if (!other.raw.equals(e.raw)) changed.push(name);
  }
  const added = [...b.keys()].filter((k) => !a.has(k));
  return { changed: changed.sort(), removed, added };
}

/** The inflated text of an entry. */
export function entryText(zip: Buffer, name: string): string {
  const e = rawEntries(zip).get(name);
  if (!e) throw new Error('no entry ' + name);
  return e.data.toString('utf8');
}

/** The elements of a list in styles.xml (fonts, fills, cellXfs...), as written. */
export function styleList(styles: string, list: string): string[] {
  const m = new RegExp('<' + list + '\\b[^>]*>([\\s\\S]*?)</' + list + '>').exec(styles);
  if (!m) return [];
  const item = list === 'numFmts' ? 'numFmt' : list === 'cellStyles' ? 'cellStyle' : list === 'cellXfs' || list === 'cellStyleXfs' ? 'xf' : list.slice(0, -1);
  return m[1].match(new RegExp('<' + item + '\\b(?:[^>]*?\\/>|[\\s\\S]*?</' + item + '>)', 'g')) || [];
}
