/// <reference types="et-jsapi-declare" />
/**
 * The ET object model (WPS 表格) as this host reaches it: the VBA object model in JavaScript, typed
 * by `et-jsapi-declare` (a devDependency, used unmodified). Every call is synchronous and 1-based.
 *
 * Two differences between WPS versions are absorbed here, once:
 * - a member that is a property in one version is a zero-argument method in another (Address,
 *   UsedRange, Name, Count, ChartObjects, EtApplication): `member` reads either;
 * - a member a version lacks is undefined, or throws when touched: `has` says which, without throwing.
 */

/** The application object: `Application` (current builds) or `wps.EtApplication()` (older ones). */
export type EtApp = Et.Application;

/** A member's value, whether this WPS gives it as a property or as a zero-argument method. */
export function member<T>(obj: unknown, name: string): T {
  const v = (obj as Record<string, unknown>)[name];
  return (typeof v === 'function' ? (v as () => T).call(obj) : v) as T;
}

/** Whether `obj` has the member (an absent one may be undefined, or throw when read). */
export function has(obj: unknown, name: string): boolean {
  try {
    const v = (obj as Record<string, unknown>)[name];
    return v !== undefined && v !== null;
  } catch (e) {
    return false;
  }
}

/** The WPS add-in root: the global `wps` (or `Application`, which carries the same members). */
export function addinRoot(): (WPS.AddonRoot & Et.Application) | null {
  const g = (typeof window !== 'undefined' ? window : globalThis) as unknown as Record<string, unknown>;
  if (has(g, 'wps')) return g.wps as WPS.AddonRoot & Et.Application;
  if (has(g, 'Application')) return g.Application as WPS.AddonRoot & Et.Application;
  return null;
}

/** The ET application, or null outside WPS. */
export function etApp(): EtApp | null {
  const g = (typeof window !== 'undefined' ? window : globalThis) as unknown as Record<string, unknown>;
  if (has(g, 'Application') && has(g.Application, 'ActiveWorkbook')) return g.Application as EtApp;
  const root = addinRoot();
  if (root && has(root, 'EtApplication')) return member<EtApp>(root, 'EtApplication');
  return null;
}

/** The active workbook; throws (one clear message upstream) outside WPS or with no workbook open. */
export function workbook(): Et.Workbook {
  const app = etApp();
  const wb = app ? member<Et.Workbook | null>(app, 'ActiveWorkbook') : null;
  if (!wb) throw new Error('No WPS workbook is open');
  return wb;
}

/** The worksheets of the active workbook, in tab order. */
export function worksheets(wb: Et.Workbook): Et.Worksheet[] {
  const sheets = member<Et.Sheets>(wb, 'Worksheets');
  const n = member<number>(sheets, 'Count');
  const out: Et.Worksheet[] = [];
  for (let i = 1; i <= n; i++) out.push(sheets.Item(i) as Et.Worksheet);
  return out;
}

export function sheetName(ws: Et.Worksheet): string {
  return String(member<string>(ws, 'Name'));
}

/** The worksheet of that name (case-insensitive, as sheet names are), or null. */
export function findSheet(wb: Et.Workbook, name: string): Et.Worksheet | null {
  const lower = name.toLowerCase();
  const all = worksheets(wb);
  for (let i = 0; i < all.length; i++) if (sheetName(all[i]).toLowerCase() === lower) return all[i];
  return null;
}

/** Value2 as a 2-D array: a one-cell range gives a bare value in VBA. */
export function values2d(range: Et.Range): unknown[][] {
  const v = range.Value2 as unknown;
  if (Array.isArray(v)) return v.map((row) => (Array.isArray(row) ? row : [row]));
  return [[v]];
}

/** '#RRGGBB' or 'RRGGBB' -> the VBA colour number (blue in the high byte: 0xBBGGRR). */
export function vbaColor(hex: string): number {
  const h = hex.charAt(0) === '#' ? hex.slice(1) : hex;
  const r = parseInt(h.slice(0, 2), 16);
  const g = parseInt(h.slice(2, 4), 16);
  const b = parseInt(h.slice(4, 6), 16);
  return r + g * 256 + b * 65536;
}

/** The VBA colour number -> '#RRGGBB'. */
export function hexColor(n: number): string {
  const s = (x: number) => ('0' + x.toString(16).toUpperCase()).slice(-2);
  return '#' + s(n & 255) + s((n >> 8) & 255) + s((n >> 16) & 255);
}

/** VBA constants this host uses (XlBordersIndex, XlLineStyle, XlHAlign, ...), by value. */
export const XL = {
  edge: { EdgeLeft: 7, EdgeTop: 8, EdgeBottom: 9, EdgeRight: 10, InsideVertical: 11, InsideHorizontal: 12 } as Record<string, number>,
  continuous: 1,
  lineNone: -4142,
  thin: 2,
  colorNone: -4142,
  hAlign: { left: -4131, center: -4108, right: -4152 } as Record<string, number>,
  vAlign: { top: -4160, middle: -4108 } as Record<string, number>,
  cellValue: 1,
  equal: 3,
  barClustered: 57,
  barStacked: 58,
  byColumns: 2,
  category: 1,
  value: 2,
  legendBottom: -4107,
  uiLanguage: 2,
} as const;
