/** Department and enumerator text: the departments a 牵头部门 cell names, and aspect/problem text without its 一、. */

/** 、，, / ; and line breaks; 和 only with spaces around it, since it is inside names (和平街道办事处). */
const DEPT_SEPARATORS = /[、，,/／;；\r\n]+|\s+和\s+/;
/** "财务处等3家单位", "财务处等单位", "财务处等": keep 财务处. */
const DEPT_ETC = /\s*等\s*[0-9０-９一二三四五六七八九十两几多]*\s*[家个]?\s*(?:单位|部门|处室|科室)?\s*$/;

/**
 * The departments named in a 牵头部门 cell: split on 、，, / ; line breaks and " 和 ", "X等N家单位" read
 * as X, trimmed, blanks dropped, each department once. The one splitter of the project: the summary's
 * counts, the comparison's lead changes and the three lists' roster check all read a cell through it.
 */
export function splitDepartments(text: string): string[] {
  const out: string[] = [];
  for (const part of (text || '').split(DEPT_SEPARATORS)) {
    const name = part.replace(DEPT_ETC, '').trim();
    if (name && out.indexOf(name) < 0) out.push(name);
  }
  return out;
}

/**
 * Leading enumerators that ledgers put before aspects and problems ("一、", "第三方面问题，", "（一）",
 * "1.", "(2)"). They are dropped when grouping, so that "一、政治建设" and "政治建设" from two
 * departments' ledgers are one aspect, and the outline can number them itself. "1.5亿元" and "2022年"
 * are left alone.
 */
export const ENUMERATOR = /^\s*(?:第?[一二三四五六七八九十百零〇]+个?(?:方面)?(?:问题)?[、，,：:．.]|[（(][一二三四五六七八九十\d]+[）)]|\d+(?:[、．)）]|\.(?!\d)))\s*/;

export function stripEnumerator(s: string): string {
  return (s || '').replace(ENUMERATOR, '').trim();
}

/**
 * stripEnumerator remembered for each text it has seen: aspects and problems repeat down a ledger
 * (a problem over its measures, an aspect over hundreds), so 100,000 items have a few thousand.
 * One per pass over the items, so that nothing outlives it.
 */
export function enumeratorStripper(): (s: string) => string {
  const known: Record<string, string> = Object.create(null);
  return (s: string) => {
    const key = s || '';
    const hit = known[key];
    return hit !== undefined ? hit : (known[key] = stripEnumerator(key));
  };
}
