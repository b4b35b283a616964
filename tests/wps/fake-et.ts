/// <reference types="et-jsapi-declare" />
/**
 * A fake ET object model (WPS 表格) for the host's tests: synchronous and 1-based, VBA colours
 * (BGR numbers) and merges, Value2 a bare value for one cell and a 2-D array otherwise, a range's
 * NumberFormat null where its cells differ. It is strict: every object is a Proxy that throws on a
 * member it lacks, so the host cannot use what the fake does not model. Each object's members are
 * checked against et-jsapi-declare (`Pick<Et.X, ...>`), so names cannot drift.
 *
 * `level: 'floor'` models an ET without the optional members (MergeCells, ColumnWidth,
 * FormatConditions, AutoFilter, Hyperlinks, PageSetup, ChartObjects, ActiveWindow, Workbooks,
 * FileSystem), and gives Address and UsedRange as properties where 'full' gives them as methods:
 * both member forms of the real versions.
 */
import { a1, colNumber } from '../../src/core';

export type FakeValue = string | number | boolean;

interface Cell {
  v: FakeValue | '';
  fmt: string;
  fill?: number;
  font?: number;
  bold?: boolean;
  wrap?: boolean;
}

export interface FakeSheet {
  name: string;
  cells: Cell[][];
  merges: string[];
  widths: Record<number, number>;
  rules: { range: string; formula: string; fill?: number }[];
  charts: { type: number; source: string; title: string }[];
  links: { cell: string; sub: string }[];
  borders: Record<string, number>;
  /** Worksheet.PageSetup as it stands (the full level's): Orientation 1 portrait, 2 landscape. */
  page: Record<string, unknown>;
}

export interface FakeEtOptions {
  /** `page`: the sheet's PageSetup members as the user left them. */
  sheets: { name: string; rows: (FakeValue | null)[][]; formats?: (string | null)[][]; page?: Record<string, unknown> }[];
  level: 'floor' | 'full';
  languageId?: number;
  /** The saved file's folder and name; none for a workbook never saved. */
  file?: { path: string; name: string };
}

export interface FakeEt {
  root: unknown;
  sheets: FakeSheet[];
  selection: { sheet: string; address: string } | null;
  opened: string[];
  props: Record<string, string>;
  find(name: string): FakeSheet;
  value(sheet: string, address: string): FakeValue | '';
  cell(sheet: string, address: string): Cell;
}

const IGNORED = ['then', 'toJSON', 'asymmetricMatch', '$$typeof', 'nodeType', '@@__IMMUTABLE_ITERABLE__@@', '@@__IMMUTABLE_RECORD__@@'];

/** Wraps an object so that reading or writing a member it lacks throws (what a real ET may do). */
function strict<T extends object>(what: string, target: T): T {
  return new Proxy(target, {
    get(t, p, r) {
      if (typeof p === 'symbol' || p in t) return Reflect.get(t, p, r);
      if (IGNORED.indexOf(p) >= 0) return undefined;
      throw new Error('fake ET: ' + what + ' has no member ' + p);
    },
    set(t, p, v, r) {
      if (typeof p === 'symbol' || !(p in t)) throw new Error('fake ET: ' + what + ' has no member ' + String(p) + ' to set');
      return Reflect.set(t, p, v, r);
    },
  });
}

/** A member as a property or as a zero-argument method, by the fake's version. */
function form<T>(o: object, name: string, asMethod: boolean, get: () => T): void {
  if (asMethod) Object.defineProperty(o, name, { value: get, enumerable: true });
  else Object.defineProperty(o, name, { get, enumerable: true });
}

function parseRef(ref: string): { r0: number; c0: number; r1: number; c1: number } {
  const bare = ref.replace(/\$/g, '').toUpperCase();
  const rows = /^(\d+):(\d+)$/.exec(bare);
  if (rows) return { r0: +rows[1], c0: 1, r1: +rows[2], c1: 16384 };
  const m = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(bare);
  if (!m) throw new Error('fake ET: bad reference ' + ref);
  const c0 = colNumber(m[1]);
  const r0 = +m[2];
  return { r0, c0, r1: m[4] ? +m[4] : r0, c1: m[3] ? colNumber(m[3]) : c0 };
}

export function createFakeEt(o: FakeEtOptions): FakeEt {
  const full = o.level === 'full';
  const defaultPage = (): Record<string, unknown> => ({
    LeftMargin: 0, RightMargin: 0, Zoom: 100, FitToPagesWide: 1, FitToPagesTall: 1, Orientation: 1, PrintArea: '', PrintTitleRows: '', PrintTitleColumns: '', FirstPageNumber: -4105,
    LeftFooter: '', CenterFooter: '', RightFooter: '', LeftHeader: '', CenterHeader: '', RightHeader: '',
  });
  const sheets: FakeSheet[] = o.sheets.map((s) => ({
    name: s.name,
    cells: s.rows.map((row, r) => row.map((v, c) => ({ v: v === null ? '' : v, fmt: (s.formats && s.formats[r] && s.formats[r][c]) || 'General' }))),
    merges: [],
    widths: {},
    rules: [],
    charts: [],
    links: [],
    borders: {},
    page: { ...defaultPage(), ...(s.page || {}) },
  }));
  const props: Record<string, string> = Object.create(null);
  const state: FakeEt = {
    root: null,
    sheets,
    selection: null,
    opened: [],
    props,
    find: (name) => {
      const s = sheets.filter((x) => x.name.toLowerCase() === name.toLowerCase())[0];
      if (!s) throw new Error('fake ET: no sheet ' + name);
      return s;
    },
    value: (sheet, address) => state.cell(sheet, address).v,
    cell: (sheet, address) => {
      const s = state.find(sheet);
      const at = parseRef(address);
      return cellAt(s, at.r0, at.c0);
    },
  };
  let active: FakeSheet | null = sheets[0] || null;

  function cellAt(s: FakeSheet, r: number, c: number): Cell {
    while (s.cells.length < r) s.cells.push([]);
    const row = s.cells[r - 1];
    while (row.length < c) row.push({ v: '', fmt: 'General' });
    return row[c - 1];
  }

  function each(s: FakeSheet, r0: number, c0: number, r1: number, c1: number, f: (cell: Cell) => void): void {
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) f(cellAt(s, r, c));
  }

  function usedBox(s: FakeSheet): { r0: number; c0: number; r1: number; c1: number } {
    let r1 = 0;
    let c1 = 0;
    s.cells.forEach((row, r) => row.forEach((cell, c) => {
      if (cell.v !== '' || cell.fmt !== 'General' || cell.fill !== undefined) {
        r1 = Math.max(r1, r + 1);
        c1 = Math.max(c1, c + 1);
      }
    }));
    return r1 ? { r0: 1, c0: 1, r1, c1 } : { r0: 1, c0: 1, r1: 1, c1: 1 };
  }

  function border(s: FakeSheet, ref: string, index: number): Pick<Et.Border, 'LineStyle' | 'Weight' | 'Color'> {
    const key = ref + '#' + index;
    return strict('Border', {
      get LineStyle() { return s.borders[key] || -4142; },
      set LineStyle(v: number | boolean) { s.borders[key] = +v; },
      Weight: 2,
      Color: 0,
    });
  }

  function range(s: FakeSheet, r0: number, c0: number, r1: number, c1: number): Et.Range {
    const ref = r0 === r1 && c0 === c1 ? a1(r0, c0) : a1(r0, c0) + ':' + a1(r1, c1);
    const abs = ref.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    const font: Pick<Et.Font, 'Bold' | 'Size' | 'Color' | 'Name'> = strict('Font', {
      get Bold() { return !!cellAt(s, r0, c0).bold; },
      set Bold(v: boolean) { each(s, r0, c0, r1, c1, (c) => (c.bold = v)); },
      Size: 11,
      get Color() { return cellAt(s, r0, c0).font || 0; },
      set Color(v: number) { each(s, r0, c0, r1, c1, (c) => (c.font = v)); },
      Name: '宋体',
    });
    const interior = strict('Interior', {
      get Color() { const f = cellAt(s, r0, c0).fill; return f === undefined ? 16777215 : f; },
      set Color(v: number) { each(s, r0, c0, r1, c1, (c) => (c.fill = v)); },
      get ColorIndex() { return cellAt(s, r0, c0).fill === undefined ? -4142 : 1; },
      set ColorIndex(v: number) { if (v === -4142) each(s, r0, c0, r1, c1, (c) => delete c.fill); },
    }) as Pick<Et.Interior, 'Color' | 'ColorIndex'>;
    const borders: Pick<Et.Borders, 'Item'> = strict('Borders', { Item: (i: Et.XlBordersIndex) => border(s, ref, i) as Et.Border });
    const r: Partial<Et.Range> = {
      get Value2() {
        if (r0 === r1 && c0 === c1) return cellAt(s, r0, c0).v as string;
        const out: unknown[][] = [];
        for (let r = r0; r <= r1; r++) {
          const row: unknown[] = [];
          for (let c = c0; c <= c1; c++) row.push(cellAt(s, r, c).v);
          out.push(row);
        }
        return out;
      },
      set Value2(v: string | unknown[]) {
        const rows = Array.isArray(v) ? (v as unknown[][]) : [[v]];
        if (rows.length !== r1 - r0 + 1 || rows.some((row) => row.length !== c1 - c0 + 1)) throw new Error('fake ET: Value2 of the wrong shape for ' + ref);
        rows.forEach((row, i) => row.forEach((x, j) => {
          const cell = cellAt(s, r0 + i, c0 + j);
          // As ET: text that looks like a formula is one unless the cell is formatted as text.
          if (typeof x === 'string' && /^[=+]/.test(x) && cell.fmt !== '@') throw new Error('fake ET: a formula was written into ' + a1(r0 + i, c0 + j));
          cell.v = x === null || x === undefined ? '' : (x as FakeValue);
        }));
      },
      get NumberFormat() {
        const first = cellAt(s, r0, c0).fmt;
        let same = true;
        each(s, r0, c0, r1, c1, (c) => (same = same && c.fmt === first));
        return (same ? first : null) as unknown as string;
      },
      set NumberFormat(v: string) { each(s, r0, c0, r1, c1, (c) => (c.fmt = v)); },
      Item: ((row: number, col: number) => range(s, r0 + row - 1, c0 + col - 1, r0 + row - 1, c0 + col - 1)) as Et.Range['Item'],
      Resize: (rows?: number, cols?: number) => range(s, r0, c0, r0 + (rows || r1 - r0 + 1) - 1, c0 + (cols || c1 - c0 + 1) - 1),
      Font: font as Et.Font,
      Interior: interior as Et.Interior,
      Borders: borders as Et.Borders,
      HorizontalAlignment: -4131,
      VerticalAlignment: -4108,
      get WrapText() { return !!cellAt(s, r0, c0).wrap; },
      set WrapText(v: boolean) { each(s, r0, c0, r1, c1, (c) => (c.wrap = v)); },
      RowHeight: 14.25,
      Clear: () => {
        each(s, r0, c0, r1, c1, (c) => {
          c.v = '';
          c.fmt = 'General';
          delete c.fill;
          delete c.font;
          delete c.bold;
        });
        return true;
      },
      Select: () => {
        state.selection = { sheet: s.name, address: ref };
        return true;
      },
      Left: (c0 - 1) * 54,
      Top: (r0 - 1) * 14.25,
      Width: (c1 - c0 + 1) * 54,
      Height: (r1 - r0 + 1) * 14.25,
    };
    form(r, 'Address', full, () => abs);
    if (full) {
      Object.defineProperty(r, 'MergeCells', {
        get: () => s.merges.indexOf(ref) >= 0,
        set: (v: boolean) => v && s.merges.indexOf(ref) < 0 && s.merges.push(ref),
      });
      r.UnMerge = () => {
        s.merges.length = 0;
      };
      Object.defineProperty(r, 'ColumnWidth', {
        get: () => s.widths[c0] || 8.38,
        set: (v: number) => {
          for (let c = c0; c <= c1; c++) s.widths[c] = v;
        },
      });
      const conditions: Pick<Et.FormatConditions, 'Add' | 'Delete' | 'AddDatabar'> = strict('FormatConditions', {
        Add: (_type: Et.XlFormatConditionType, _op?: unknown, formula?: unknown) => {
          const rule: { range: string; formula: string; fill?: number } = { range: ref, formula: String(formula) };
          s.rules.push(rule);
          return strict('FormatCondition', {
            Interior: strict('Interior', { set Color(v: number) { rule.fill = v; }, get Color() { return rule.fill || 0; } }),
            Font: strict('Font', { Color: 0 }),
          });
        },
        Delete: () => {
          s.rules = s.rules.filter((x) => x.range !== ref && ref !== 'A1:XFD1048576');
        },
        AddDatabar: () => {
          s.rules.push({ range: ref, formula: 'databar' });
          return {};
        },
      });
      Object.defineProperty(r, 'FormatConditions', { value: conditions });
      r.AutoFilter = () => true;
    }
    return strict('Range ' + ref, r as Et.Range);
  }

  function sheet(s: FakeSheet): Et.Worksheet {
    const cells = range(s, 1, 1, 1048576, 16384);
    const ws: Partial<Et.Worksheet> = {
      get Name() { return s.name; },
      set Name(v: string) {
        if (sheets.some((x) => x !== s && x.name.toLowerCase() === v.toLowerCase())) throw new Error('fake ET: a sheet is already named ' + v);
        s.name = v;
      },
      Range: (ref: string) => {
        const at = parseRef(ref);
        return range(s, at.r0, at.c0, at.r1, at.c1);
      },
      Cells: cells,
      Activate: () => {
        active = s;
      },
    };
    form(ws, 'UsedRange', full, () => {
      const b = usedBox(s);
      return range(s, b.r0, b.c0, b.r1, b.c1);
    });
    if (full) {
      ws.AutoFilterMode = false;
      Object.defineProperty(ws, 'Hyperlinks', {
        value: strict('Hyperlinks', {
          Add: (anchor: Et.Range, _address: string, sub?: string) => {
            s.links.push({ cell: String((anchor as unknown as { Address: () => string }).Address()).replace(/\$/g, ''), sub: String(sub) });
            return {};
          },
        }),
      });
      Object.defineProperty(ws, 'PageSetup', {
        value: strict('PageSetup', s.page),
      });
      const chartObjects = () =>
        strict('ChartObjects', {
          get Count() { return s.charts.length; },
          Item: (i: number) => strict('ChartObject', { Delete: () => { s.charts.splice(i - 1, 1); return true; } }),
          Add: () => {
            const drawn = { type: 0, source: '', title: '' };
            s.charts.push(drawn);
            const axis = strict('Axis', { ReversePlotOrder: false, MinimumScale: 0, MaximumScale: 0, TickLabels: strict('TickLabels', { NumberFormat: 'General' }) });
            const series = strict('Series', { Format: strict('ChartFormat', { Fill: strict('FillFormat', { ForeColor: strict('ColorFormat', { RGB: 0 }) }) }) });
            return strict('ChartObject', {
              Chart: strict('Chart', {
                set ChartType(v: number) { drawn.type = v; },
                get ChartType() { return drawn.type; },
                SetSourceData: (src: Et.Range) => { drawn.source = String((src as unknown as { Address: () => string }).Address()).replace(/\$/g, ''); },
                HasTitle: false,
                ChartTitle: strict('ChartTitle', { set Text(v: string) { drawn.title = v; }, get Text() { return drawn.title; } }),
                HasLegend: false,
                SeriesCollection: () => strict('SeriesCollection', { Item: () => series }),
                Axes: () => strict('Axes', { Item: () => axis }),
                ApplyDataLabels: () => undefined,
              }),
            });
          },
        });
      Object.defineProperty(ws, 'ChartObjects', { value: chartObjects });
    }
    return strict('Worksheet ' + s.name, ws as Et.Worksheet);
  }

  const worksheets: Pick<Et.Sheets, 'Count' | 'Item' | 'Add'> = strict('Worksheets', {
    get Count() { return sheets.length; },
    Item: (i: number | string) => {
      const s = typeof i === 'number' ? sheets[i - 1] : state.find(String(i));
      if (!s) throw new Error('fake ET: no sheet ' + i);
      return sheet(s);
    },
    Add: (before?: unknown, after?: unknown) => {
      if (before !== undefined || !after) throw new Error('fake ET: Add is only modelled after a sheet');
      const name = String((after as Et.Worksheet).Name);
      const at = sheets.indexOf(state.find(name));
      let n = sheets.length + 1;
      while (sheets.some((x) => x.name === 'Sheet' + n)) n++;
      const s: FakeSheet = { name: 'Sheet' + n, cells: [], merges: [], widths: {}, rules: [], charts: [], links: [], borders: {}, page: defaultPage() };
      sheets.splice(at + 1, 0, s);
      active = s;
      return sheet(s);
    },
  });

  const docProps: Pick<Kso.DocumentProperties, 'Count' | 'Item' | 'Add'> = strict('DocumentProperties', {
    get Count() { return Object.keys(props).length; },
    Item: (i: number | string) => {
      const name = typeof i === 'number' ? Object.keys(props)[i - 1] : String(i);
      if (name === undefined || !(name in props)) throw new Error('fake ET: no property ' + i);
      return strict('DocumentProperty', {
        Name: name,
        get Value() { return props[name]; },
        Delete: () => { delete props[name]; },
      }) as unknown as Kso.DocumentProperty;
    },
    Add: (name: string, _link: boolean, type?: number, value?: unknown) => {
      if (name in props) throw new Error('fake ET: property exists: ' + name);
      if (type !== 4 || typeof value !== 'string' || value.length > 255) throw new Error('fake ET: a string property holds at most 255 characters');
      props[name] = value;
      return {} as Kso.DocumentProperty;
    },
  });

  const wb: Partial<Et.Workbook> = {
    Worksheets: worksheets as Et.Sheets,
    CustomDocumentProperties: docProps,
    Name: o.file ? o.file.name : '工作簿1',
    Path: o.file ? o.file.path : '',
  };
  Object.defineProperty(wb, 'ActiveSheet', { get: () => sheet(active || sheets[0]), enumerable: true });
  const app: Partial<Et.Application> = {
    ActiveWorkbook: strict('Workbook', wb as Et.Workbook),
    Version: '12.1.0.16120',
    LanguageSettings: strict('LanguageSettings', { LanguageID: () => o.languageId || 2052 }) as unknown as Kso.LanguageSettings,
  };
  if (full) {
    Object.defineProperty(app, 'ActiveWindow', {
      get: () => strict('Window', { FreezePanes: false, SplitRow: 0, SplitColumn: 0, ScrollRow: active ? 1 : 1 }),
    });
    Object.defineProperty(app, 'Workbooks', { value: strict('Workbooks', { Open: (path: string) => { state.opened.push(path); return {}; } }) });
    Object.defineProperty(app, 'FileSystem', { value: strict('FileSystem', { writeAsBinaryString: () => true }) });
    Object.defineProperty(app, 'Env', { value: strict('Env', { GetTempPath: () => 'C:\\Users\\u\\AppData\\Local\\Temp\\' }) });
  }
  state.root = strict('Application', app);
  return state;
}
