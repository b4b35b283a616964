/** Sorting and grouping that behave the same on every host. */
import { dict } from './dict';

/** A sort that keeps equal elements in input order on every host (IE11's sort is not stable). */
export function stableSort<T>(list: T[], cmp: (a: T, b: T) => number): T[] {
  return list
    .map((value, index) => ({ value, index }))
    .sort((a, b) => cmp(a.value, b.value) || a.index - b.index)
    .map((e) => e.value);
}

/** Groups in first-appearance order under a string key. */
export function groupBy<T>(list: T[], key: (t: T) => string): { key: string; members: T[] }[] {
  const index = dict<number>();
  const groups: { key: string; members: T[] }[] = [];
  for (const t of list) {
    const k = key(t);
    if (!(k in index)) {
      index[k] = groups.length;
      groups.push({ key: k, members: [] });
    }
    groups[index[k]].members.push(t);
  }
  return groups;
}

/** Blank-keyed group last (aspect: 其他), or first (problem: measures listed under the aspect itself). */
export function blankGroup<T>(groups: { key: string; members: T[] }[], where: 'first' | 'last') {
  const blank = groups.filter((g) => g.key === '');
  const rest = groups.filter((g) => g.key !== '');
  return where === 'first' ? blank.concat(rest) : rest.concat(blank);
}

/** Lagging departments the report names. */
