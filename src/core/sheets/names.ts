import { dict } from '../text/dict';

/** Excel's limits on sheet names: 31 characters, none of : \ / ? * [ ], no quote at either end, unique ignoring case. */
export function safeSheetNames(names: string[]): string[] {
  const seen = dict<boolean>();
  return names.map((raw, i) => {
    // eslint-disable-next-line no-control-regex
    let base = raw.replace(/[:\\/?*[\]\u0000-\u001f]/g, '_').replace(/^'+|'+$/g, '') || 'Sheet' + (i + 1);
    base = base.slice(0, 31);
    let name = base;
    for (let n = 2; seen[name.toLowerCase()]; n++) name = base.slice(0, 31 - String(n).length - 1) + '_' + n;
    seen[name.toLowerCase()] = true;
    return name;
  });
}
