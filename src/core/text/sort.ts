/** Sorting that behaves the same on every host. */

/** A sort that keeps equal elements in input order on every host (IE11's sort is not stable). */
export function stableSort<T>(list: T[], cmp: (a: T, b: T) => number): T[] {
  return list
    .map((value, index) => ({ value, index }))
    .sort((a, b) => cmp(a.value, b.value) || a.index - b.index)
    .map((e) => e.value);
}
