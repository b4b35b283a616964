/**
 * A small fake of the Excel JavaScript object model (Office.js) that enforces its semantics:
 * - proxies queue operations; nothing happens until context.sync();
 * - reading a property before load() + sync() throws PropertyNotLoaded;
 * - every sync is counted, with its estimated request and response payloads (either over 5 MB
 *   fails, as Excel's does: RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded);
 * - every write is recorded with its sheet and address;
 * - APIs newer than the configured ExcelApi version throw ApiNotFound, and
 *   Office.context.requirements.isSetSupported answers from that version;
 * - a property or method the fake does not model throws PropertyNotModelled, whether read, set,
 *   called or loaded, rather than answering undefined;
 * - `null` in a values or numberFormat array leaves that cell as it is, as in Excel: clearing a
 *   cell takes an explicit '';
 * - text written into a cell not formatted as text '@' is parsed as Excel parses what is typed:
 *   '=…' / '+…' / '-…' / '@…' becomes a formula, and in a General cell "2022-06-30", "1/2", "10%",
 *   "12" and "TRUE" become dates, numbers and booleans (so a test can see text that was not protected);
 * - merged areas (fixtures and range.merge) hold their value in the top-left cell only, count as
 *   used, and refuse a value written into another of their cells;
 * - formulas that refer to a sheet by name (='总览'!B3) keep following it while it exists and turn
 *   into #REF! when it is deleted, so a test can tell "rewritten in place" from "deleted and re-added".
 *
 * This file has no imports: tests/e2e transpiles it into a browser script for the task pane test.
 * office-addin-mock has no collections or sync semantics, hence this fake.
 */

export type FakeValue = string | number | boolean;

export interface FakeSheetInit {
  name: string;
  /** Row-major from A1 unless top/left say otherwise. null/undefined/'' = empty. */
  rows: (FakeValue | null | undefined)[][];
  /** Number formats, same shape as rows (missing = 'General'). */
  formats?: (string | null | undefined)[][];
  /** Cell styles, same shape as rows (missing = Excel's defaults). */
  styles?: (FakeStyle | null | undefined)[][];
  /** Formulas, same shape as rows: a cell with one shows its result (only ='Sheet'!A1 references are computed). */
  formulas?: (string | null | undefined)[][];
  /** The sheet's page setup as the user left it (default: portrait at 100%, no print area or titles). */
  page?: Partial<FakePage>;
  /** Merged areas in sheet coordinates ('A1:H1'); their other cells must be empty in `rows`. */
  merges?: string[];
  top?: number;
  left?: number;
}

/** What a fixture may say about a cell's look; every field is optional. */
export interface FakeStyle {
  fontName?: string;
  fontSize?: number;
  fontColor?: string;
  bold?: boolean;
  hAlign?: string;
  vAlign?: string;
  wrap?: boolean;
  fill?: string;
  /** Border style by edge ('EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'): 'Continuous', 'Dash', ... */
  borders?: Record<string, FakeBorder>;
}

export interface FakeBorder {
  style: string;
  color?: string;
  weight?: string;
}

/** A new cell's look, as a zh-CN Excel 2016 shows it. */
export const DEFAULT_STYLE = { fontName: '等线', fontSize: 11, fontColor: '#000000', hAlign: 'General', vAlign: 'Bottom' };

export interface FakeOptions {
  /** The highest ExcelApi version the host supports, e.g. '1.1', '1.7', '1.8'. */
  apiVersion: string;
  sheets: FakeSheetInit[];
  displayLanguage?: string;
  settings?: Record<string, unknown>;
  /** The request payload limit per sync, in bytes. Default 5 MB (Excel's documented limit). */
  payloadLimit?: number;
  /** The response payload limit per sync (what load() brings back), in bytes. Default 5 MB. */
  responseLimit?: number;
}

export interface FakeWrite {
  /** 1-based index of the sync that carried this write. */
  sync: number;
  sheet: string;
  /** A1 address of the range written, without the sheet ('D3:G120', 'A:A', or '' for sheet-level). */
  address: string;
  kind: string;
  value?: unknown;
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface FakeCell extends FakeStyle {
  v: FakeValue;
  fmt: string;
  /** Set when text was written into a non-text cell and Excel would parse it as a formula. */
  formula?: boolean;
  /** A fixture's formula (='总览'!B3): its value is computed when read. */
  f?: string;
  /** The text that was written when Excel turned it into a number, a date or a boolean. */
  converted?: string;
  /** Range.hyperlink (ExcelApi 1.7) as last set on this cell. */
  hyperlink?: FakeHyperlink;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

/** What worksheet.pageLayout (ExcelApi 1.9) reads and sets on a sheet. */
export interface FakePage {
  orientation: string;
  zoom: { scale?: number; horizontalFitToPages?: number; verticalFitToPages?: number };
  printArea: string;
  printTitleRows: string;
  printTitleColumns: string;
}

export interface FakeSheet {
  name: string;
  /** The page setup (ExcelApi 1.9 pageLayout). */
  page: FakePage;
  /** Charts added with worksheet.charts.add (the charts model below). */
  charts?: FakeChart[];
  cells: Map<number, Map<number, FakeCell>>;
  conditionalFormats: { address: string; type: string; rule?: unknown; fill?: string; fontColor?: string }[];
  merges: string[];
  columnWidths: Record<number, number>;
  frozen?: { rows: number; cols: number };
  autoFilter?: string;
}

export interface FakeState {
  apiVersion: string;
  sheets: FakeSheet[];
  activeSheet: string;
  selection: { sheet: string; address: string } | null;
  syncCount: number;
  /** Estimated bytes carried by each sync, in order. */
  syncPayloads: number[];
  /** Estimated bytes each sync brought back (what was loaded), in order. */
  syncResponses: number[];
  writes: FakeWrite[];
  settings: Record<string, unknown>;
  settingsSaved: number;
  createdWorkbooks: (string | undefined)[];
}

/* ------------------------------------------------------------------------------------------------ */

function officeError(code: string, message: string): Error {
  const e = new Error(code + ': ' + message) as Error & { code: string; name: string };
  e.code = code;
  e.name = 'RichApi.Error';
  return e;
}

export function versionAtLeast(have: string, want: string): boolean {
  const a = have.split('.').map(Number);
  const b = want.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] || 0;
    const y = b[i] || 0;
    if (x !== y) return x > y;
  }
  return true;
}

/**
 * Kept here rather than imported from src/core/grid: the e2e test transpiles this file alone into a
 * browser script (window.__TaizhangFake), so it must not import anything.
 */
export function colLetters(col: number): string {
  let s = '';
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function colNum(letters: string): number {
  let n = 0;
  const up = letters.toUpperCase();
  for (let i = 0; i < up.length; i++) n = n * 26 + (up.charCodeAt(i) - 64);
  return n;
}

const MAX_ROW = 1048576;
const MAX_COL = 16384;

/** 'B3', 'B3:D9', 'A:C', '2:4' (optionally with 'Sheet!' and $) -> 1-based bounds. */
export function parseAddress(address: string): { r0: number; c0: number; r1: number; c1: number } {
  const bare = address.indexOf('!') >= 0 ? address.slice(address.lastIndexOf('!') + 1) : address;
  const parts = bare.replace(/\$/g, '').split(':');
  const one = (p: string) => {
    let m = /^([A-Za-z]+)(\d+)$/.exec(p);
    if (m) return { r: +m[2], c: colNum(m[1]), kind: 'cell' };
    m = /^([A-Za-z]+)$/.exec(p);
    if (m) return { r: 0, c: colNum(m[1]), kind: 'col' };
    m = /^(\d+)$/.exec(p);
    if (m) return { r: +m[1], c: 0, kind: 'row' };
    throw officeError('InvalidArgument', 'bad address ' + address);
  };
  const a = one(parts[0]);
  const b = parts.length > 1 ? one(parts[1]) : a;
  if (a.kind === 'col') return { r0: 1, c0: a.c, r1: MAX_ROW, c1: b.c };
  if (a.kind === 'row') return { r0: a.r, c0: 1, r1: b.r, c1: MAX_COL };
  return { r0: Math.min(a.r, b.r), c0: Math.min(a.c, b.c), r1: Math.max(a.r, b.r), c1: Math.max(a.c, b.c) };
}

export function formatAddress(b: { r0: number; c0: number; r1: number; c1: number }): string {
  if (b.r0 === 1 && b.r1 === MAX_ROW) return colLetters(b.c0) + ':' + colLetters(b.c1);
  const tl = colLetters(b.c0) + b.r0;
  return b.r0 === b.r1 && b.c0 === b.c1 ? tl : tl + ':' + colLetters(b.c1) + b.r1;
}

function quoteSheet(name: string): string {
  return /^[A-Za-z0-9_\u4e00-\u9fff]+$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
}

/** Names a caller may ask of any proxy without it being an Office API: promise checks, jest's matchers, JSON. */
const INTROSPECTION: Record<string, boolean> = { then: true, toJSON: true, asymmetricMatch: true, $$typeof: true, nodeType: true, tagName: true, inspect: true, '@@__IMMUTABLE_ITERABLE__@@': true, '@@__IMMUTABLE_RECORD__@@': true, _isMockFunction: true };

/**
 * The object as a proxy that throws on any property the fake does not model (read, set or called),
 * as a real proxy would fail in Excel rather than quietly answer undefined.
 */
export function strict<T extends object>(target: T, what: string): T {
  return new Proxy(target, {
    get(t, p, r) {
      if (typeof p === 'symbol' || p in t || INTROSPECTION[p]) return Reflect.get(t, p, r);
      throw officeError('PropertyNotModelled', what + '.' + p + ' is not modelled by the fake Excel (tests/excel/fake-excel.ts)');
    },
    set(t, p, v, r) {
      if (typeof p === 'symbol' || p in t) return Reflect.set(t, p, v, r);
      throw officeError('PropertyNotModelled', what + '.' + String(p) + ' cannot be set on the fake Excel (tests/excel/fake-excel.ts)');
    },
  });
}

/** UTF-16 length of a value as JSON: the fake's estimate of its bytes on the wire. */
function jsonBytes(v: unknown): number {
  const s = JSON.stringify(v);
  return s === undefined ? 0 : s.length;
}

/* ------------------------------------------------------------------------------------------------ */

/** The RequestContext: a queue of operations, run in order by sync(). */
export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: { run: () => void; bytes: number }[] = [];
  /** Bytes loaded by the sync being run. */
  private responding = 0;
  constructor(readonly host: FakeHost) {
    this.workbook = strict(new FakeWorkbook(this), 'Workbook');
    return strict(this, 'RequestContext');
  }
  /** Counts what a load brings back. */
  responded(bytes: number): void {
    this.responding += bytes;
  }
  enqueue(run: () => void, bytes?: number): void {
    this.queue.push({ run, bytes: 64 + (bytes || 0) });
  }
  sync(): Promise<void> {
    const state = this.host.state;
    state.syncCount++;
    const ops = this.queue;
    this.queue = [];
    const bytes = ops.reduce((n, o) => n + o.bytes, 0);
    state.syncPayloads.push(bytes);
    this.responding = 0;
    return new Promise<void>((resolve, reject) => {
      try {
        if (bytes > this.host.payloadLimit) throw officeError('RequestPayloadSizeLimitExceeded', bytes + ' bytes in one sync');
        try {
          for (const op of ops) op.run();
        } finally {
          state.syncResponses.push(this.responding);
        }
        if (this.responding > this.host.responseLimit) {
          throw officeError('ResponsePayloadSizeLimitExceeded', this.responding + ' bytes loaded in one sync');
        }
        resolve();
      } catch (e) {
        reject(e);
      }
    });
  }
  need(version: string, what: string): void {
    if (!versionAtLeast(this.host.state.apiVersion, version)) {
      throw officeError('ApiNotFound', what + ' needs ExcelApi ' + version + ' (host has ' + this.host.state.apiVersion + ')');
    }
  }
}

/** Base of proxies: load() marks properties to fetch; reading one that was not fetched throws. */
class Loadable {
  protected loaded: Record<string, unknown> = {};
  constructor(protected ctx: FakeContext) {}
  /** The value of a loaded property; a property the fake does not model throws when the sync runs. */
  protected fetch(prop: string): unknown {
    throw officeError('PropertyNotModelled', "load('" + prop + "') is not modelled by the fake Excel (tests/excel/fake-excel.ts)");
  }
  load(props?: string | string[] | { select?: string }): this {
    let list: string[];
    if (!props) list = this.defaultProps();
    else if (typeof props === 'string') list = props.split(',');
    else if (Array.isArray(props)) list = props;
    else list = (props.select || '').split(',');
    list = list.map((p) => p.trim()).filter((p) => p);
    this.ctx.enqueue(() => {
      for (const p of list) this.loadProp(p);
    });
    return this;
  }
  protected loadProp(p: string): void {
    const v = this.fetch(p);
    this.loaded[p] = v;
    this.ctx.responded(jsonBytes(v) + p.length + 8);
  }
  protected defaultProps(): string[] {
    return [];
  }
  protected get<T>(prop: string): T {
    if (!(prop in this.loaded)) {
      throw officeError('PropertyNotLoaded', "The property '" + prop + "' is not available. Call load() and context.sync() before reading it.");
    }
    return this.loaded[prop] as T;
  }
}

export class FakeWorkbook {
  readonly worksheets: FakeWorksheetCollection;
  constructor(ctx: FakeContext) {
    this.worksheets = new FakeWorksheetCollection(ctx);
  }
}

export class FakeWorksheetCollection extends Loadable {
  private itemsLoaded: FakeWorksheet[] | null = null;
  constructor(ctx: FakeContext) {
    super(ctx);
    return strict(this, 'WorksheetCollection');
  }
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw officeError('PropertyNotLoaded', "The property 'items' is not available. Call load() and context.sync().");
    return this.itemsLoaded;
  }
  /** items/name and items/position are modelled (the same for every sheet, as Excel loads them). */
  protected loadProp(p: string): void {
    const sub = p.indexOf('items/') === 0 ? p.slice(6) : p === 'items' ? 'name' : null;
    if (sub === null || (sub !== 'name' && sub !== 'position')) super.loadProp(p);
    const sheets = this.ctx.host.state.sheets;
    const prev = this.itemsLoaded;
    this.itemsLoaded = sheets.map((s, i) => {
      const ws = prev && prev[i] && prev[i].sheet() === s ? prev[i] : new FakeWorksheet(this.ctx, () => s);
      ws.markLoaded(sub as string, sub === 'name' ? s.name : i);
      return ws;
    });
    this.ctx.responded(sheets.reduce((n, s) => n + s.name.length + 16, 0));
  }
  protected defaultProps(): string[] {
    return ['items/name'];
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => {
      const s = this.ctx.host.findSheet(name);
      if (!s) throw officeError('ItemNotFound', 'no worksheet ' + name);
      return s;
    });
  }
  /** ExcelApi 1.4 */
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.need('1.4', 'worksheets.getItemOrNullObject');
    return new FakeWorksheet(this.ctx, () => this.ctx.host.findSheet(name), true);
  }
  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(this.ctx, () => this.ctx.host.findSheet(this.ctx.host.state.activeSheet));
  }
  add(name: string): FakeWorksheet {
    let sheet: FakeSheet | null = null;
    this.ctx.enqueue(() => {
      if (this.ctx.host.findSheet(name)) throw officeError('ItemAlreadyExists', 'worksheet ' + name + ' exists');
      if (!name || name.length > 31 || /[\\/?*:[\]]/.test(name)) throw officeError('InvalidArgument', 'not a sheet name: ' + name);
      sheet = this.ctx.host.newSheet(name);
      this.ctx.host.record('addSheet', name, null);
    });
    return new FakeWorksheet(this.ctx, () => {
      if (!sheet) throw officeError('InvalidOperation', 'worksheet not added yet');
      return sheet;
    });
  }
}

export class FakeWorksheet extends Loadable {
  private _freeze: FakeFreezePanes | undefined = undefined;
  constructor(ctx: FakeContext, private resolve: () => FakeSheet | null | undefined, private nullable = false) {
    super(ctx);
    return strict(this, 'Worksheet');
  }
  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw officeError('ItemNotFound', 'worksheet not found');
    return s;
  }
  markLoaded(prop: string, value: unknown): void {
    this.loaded[prop] = value;
  }
  protected fetch(p: string): unknown {
    if (p === 'isNullObject') return !this.resolve();
    if (p === 'name') return this.sheet().name;
    if (p === 'position') return this.ctx.host.state.sheets.indexOf(this.sheet());
    return super.fetch(p);
  }
  get name(): string {
    return this.get<string>('name');
  }
  get position(): number {
    return this.get<number>('position');
  }
  get isNullObject(): boolean {
    if (!this.nullable) return false;
    return this.get<boolean>('isNullObject');
  }
  /** valuesOnly needs ExcelApi 1.2; the 1.1 form includes formatted cells, as Excel's does. */
  getUsedRange(valuesOnly?: boolean): FakeRange {
    if (valuesOnly !== undefined) this.ctx.need('1.2', 'getUsedRange(valuesOnly)');
    return new FakeRange(this.ctx, () => this.sheet(), () => this.ctx.host.usedBounds(this.sheet(), !!valuesOnly));
  }
  /** getRange() without an address is the whole sheet, as in Office.js. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => this.sheet(), () => (address ? parseAddress(address) : { r0: 1, c0: 1, r1: MAX_ROW, c1: MAX_COL }));
  }
  activate(): void {
    this.ctx.enqueue(() => {
      this.ctx.host.state.activeSheet = this.sheet().name;
      this.ctx.host.record('activate', this.sheet().name, null);
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const s = this.sheet();
      const st = this.ctx.host.state;
      if (st.sheets.length === 1) throw officeError('InvalidOperation', 'cannot delete the only sheet');
      st.sheets = st.sheets.filter((x) => x !== s);
      if (st.activeSheet === s.name) st.activeSheet = st.sheets[0].name;
      // Formulas elsewhere that named this sheet now point nowhere, as in Excel.
      this.ctx.host.breakReferences(s.name);
      this.ctx.host.record('deleteSheet', s.name, null);
    });
  }
  /** ExcelApi 1.7 */
  get freezePanes(): FakeFreezePanes {
    this.ctx.need('1.7', 'worksheet.freezePanes');
    if (!this._freeze) this._freeze = new FakeFreezePanes(this.ctx, this);
    return this._freeze;
  }
  /** ExcelApi 1.9 */
  get autoFilter(): { apply(range: FakeRange | string): void; remove(): void } {
    this.ctx.need('1.9', 'worksheet.autoFilter');
    return strict({
      apply: (range: FakeRange | string) => {
        this.ctx.enqueue(() => {
          const b = typeof range === 'string' ? parseAddress(range) : range.bounds();
          this.sheet().autoFilter = formatAddress(b);
          this.ctx.host.record('autoFilter', this.sheet().name, b);
        });
      },
      remove: () => {
        this.ctx.enqueue(() => {
          delete this.sheet().autoFilter;
          this.ctx.host.record('autoFilterRemove', this.sheet().name, null);
        });
      },
    }, 'AutoFilter');
  }
  /** ExcelApi 1.9 */
  get pageLayout(): Record<string, unknown> {
    this.ctx.need('1.9', 'worksheet.pageLayout');
    const ctx = this.ctx;
    const page = () => this.sheet().page;
    const rec = (what: string, v: unknown, apply?: () => void) =>
      ctx.enqueue(() => {
        if (apply) apply();
        ctx.host.record('pageLayout', this.sheet().name, null, { what, v });
      });
    // load('orientation,zoom') brings both back at the sync; reading one before throws.
    let loaded: { orientation: string; zoom: FakePage['zoom'] } | null = null;
    const notLoaded = (p: string) => officeError('PropertyNotLoaded', "The property '" + p + "' is not available. Call load() and context.sync() before reading it.");
    /** getPrintAreaOrNullObject and the like: a range whose address, or null-ness, comes back at the sync. */
    const nullable = (key: 'printArea' | 'printTitleRows' | 'printTitleColumns') => {
      let got: string | null | undefined;
      const o = strict({
        load: () => {
          ctx.enqueue(() => (got = page()[key] || null));
          return o;
        },
        get isNullObject() {
          if (got === undefined) throw notLoaded('isNullObject');
          return got === null;
        },
        /** '' on a null object (Excel sends none; the e2e bridge passes what the fake says). */
        get address() {
          if (got === undefined) throw notLoaded('address');
          return got || '';
        },
      }, 'Range');
      return o;
    };
    return strict({
      load: () => {
        ctx.enqueue(() => (loaded = { orientation: page().orientation, zoom: { ...page().zoom } }));
      },
      get orientation(): unknown {
        if (!loaded) throw notLoaded('orientation');
        return loaded.orientation;
      },
      set orientation(v: unknown) {
        rec('orientation', v, () => (page().orientation = String(v)));
      },
      set paperSize(v: unknown) {
        rec('paperSize', v);
      },
      get zoom(): unknown {
        if (!loaded) throw notLoaded('zoom');
        return loaded.zoom;
      },
      set zoom(v: unknown) {
        rec('zoom', v, () => (page().zoom = { ...(v as FakePage['zoom']) }));
      },
      setPrintTitleRows(v: unknown) {
        rec('printTitleRows', v, () => (page().printTitleRows = String(v)));
      },
      getPrintAreaOrNullObject: () => nullable('printArea'),
      getPrintTitleRowsOrNullObject: () => nullable('printTitleRows'),
      getPrintTitleColumnsOrNullObject: () => nullable('printTitleColumns'),
      set leftMargin(v: unknown) {
        rec('leftMargin', v);
      },
      set rightMargin(v: unknown) {
        rec('rightMargin', v);
      },
      set firstPageNumber(v: unknown) {
        rec('firstPageNumber', v);
      },
      /** ExcelApi 1.9: headersFooters.defaultForAllPages.leftFooter etc., recorded as 'defaultForAllPages.leftFooter'. */
      get headersFooters(): Record<string, unknown> {
        return fakeHeadersFooters(rec);
      },
    }, 'PageLayout');
  }
  /** ExcelApi 1.1 (the charts model below). */
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this);
  }
}

export class FakeFreezePanes {
  constructor(private ctx: FakeContext, private ws: FakeWorksheet) {
    return strict(this, 'WorksheetFreezePanes');
  }
  private set(rows: number, cols: number) {
    this.ctx.enqueue(() => {
      const s = this.ws.sheet();
      s.frozen = { rows, cols };
      this.ctx.host.record('freeze', s.name, null, { rows, cols });
    });
  }
  freezeRows(count?: number): void {
    this.set(count || 1, 0);
  }
  freezeColumns(count?: number): void {
    this.set(0, count || 1);
  }
  freezeAt(range: FakeRange | string): void {
    const b = typeof range === 'string' ? parseAddress(range) : null;
    this.ctx.enqueue(() => {
      const bb = b || (range as FakeRange).bounds();
      const s = this.ws.sheet();
      s.frozen = { rows: bb.r1, cols: bb.c1 };
      this.ctx.host.record('freeze', s.name, null, s.frozen);
    });
  }
  unfreeze(): void {
    this.set(0, 0);
  }
}

type Bounds = { r0: number; c0: number; r1: number; c1: number };

export class FakeRange extends Loadable {
  readonly format: FakeRangeFormat;
  private _cf: FakeConditionalFormats | undefined = undefined;
  constructor(ctx: FakeContext, readonly sheetOf: () => FakeSheet, private boundsOf: () => Bounds) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
    return strict(this, 'Range');
  }
  bounds(): Bounds {
    return this.boundsOf();
  }
  protected defaultProps(): string[] {
    return ['values', 'numberFormat', 'address', 'rowCount', 'columnCount'];
  }
  protected fetch(p: string): unknown {
    const s = this.sheetOf();
    const b = this.bounds();
    const host = this.ctx.host;
    switch (p) {
      case 'address':
        return quoteSheet(s.name) + '!' + formatAddress(b);
      case 'rowCount':
        return b.r1 - b.r0 + 1;
      case 'columnCount':
        return b.c1 - b.c0 + 1;
      case 'rowIndex':
        return b.r0 - 1;
      case 'columnIndex':
        return b.c0 - 1;
      case 'hyperlink': {
        const cell = host.cell(s, b.r0, b.c0);
        return cell && cell.hyperlink ? Object.assign({}, cell.hyperlink) : null;
      }
      case 'values':
      case 'text':
      case 'formulas':
      case 'numberFormat': {
        if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > 5000000) throw officeError('InvalidArgument', 'the fake does not load ' + p + ' of a range this large: ' + formatAddress(b));
        const out: unknown[][] = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row: unknown[] = [];
          for (let c = b.c0; c <= b.c1; c++) {
            const cell = host.cell(s, r, c);
            if (p === 'numberFormat') row.push(cell ? cell.fmt : 'General');
            else if (p === 'formulas') row.push(cell ? (cell.f !== undefined ? cell.f : cell.v) : '');
            else {
              const v = cell ? host.valueOf(cell) : '';
              row.push(p === 'text' ? String(v) : v);
            }
          }
          out.push(row);
        }
        return out;
      }
      default:
        return super.fetch(p);
    }
  }
  get values(): unknown[][] {
    return this.get('values');
  }
  set values(v: unknown[][]) {
    this.write('values', v);
  }
  get numberFormat(): unknown[][] {
    return this.get('numberFormat');
  }
  set numberFormat(v: unknown[][]) {
    this.write('numberFormat', v);
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  get text(): unknown[][] {
    return this.get('text');
  }
  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  /** ExcelApi 1.7. Reading it needs load('hyperlink') and a sync, as any property. */
  get hyperlink(): FakeHyperlink | null {
    this.ctx.need('1.7', 'range.hyperlink');
    return this.get('hyperlink');
  }
  /**
   * ExcelApi 1.7. Sets the link on every cell of the range; textToDisplay replaces the top-left
   * cell's value with that text (a number becomes text), as Excel does. Without it the value stays.
   */
  set hyperlink(v: FakeHyperlink | null) {
    this.ctx.need('1.7', 'range.hyperlink');
    const bytes = JSON.stringify(v).length;
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      const b = this.bounds();
      for (let r = b.r0; r <= b.r1; r++) {
        for (let c = b.c0; c <= b.c1; c++) {
          const cell = this.ctx.host.cellForWrite(s, r, c);
          if (v) cell.hyperlink = Object.assign({}, v);
          else delete cell.hyperlink;
        }
      }
      if (v && v.textToDisplay !== undefined) this.ctx.host.cellForWrite(s, b.r0, b.c0).v = v.textToDisplay;
      this.ctx.host.record('hyperlink', s.name, b, v);
    }, bytes);
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  private write(kind: 'values' | 'numberFormat', v: unknown): void {
    const bytes = JSON.stringify(v).length;
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      const b = this.bounds();
      const rows = b.r1 - b.r0 + 1;
      const cols = b.c1 - b.c0 + 1;
      const grid = Array.isArray(v) ? (v as unknown[][]) : null;
      if (grid && (grid.length !== rows || grid.some((r) => !Array.isArray(r) || r.length !== cols))) {
        throw officeError('InvalidArgument', kind + ' is ' + grid.length + 'x' + (grid[0] ? grid[0].length : 0) + ', range is ' + rows + 'x' + cols);
      }
      const host = this.ctx.host;
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const x = grid ? grid[r][c] : v;
          // null (or undefined) in the array leaves the cell as it is, as in Excel.
          if (x === null || x === undefined) continue;
          const row = b.r0 + r;
          const col = b.c0 + c;
          if (kind === 'values' && x !== '' && host.insideMerge(s, row, col)) {
            throw officeError('InvalidOperation', 'cannot change part of a merged cell: ' + colLetters(col) + row);
          }
          const cell = host.cellForWrite(s, row, col);
          if (kind === 'numberFormat') cell.fmt = String(x);
          else host.enter(cell, x as FakeValue);
        }
      }
      host.record(kind, s.name, b, v);
    }, bytes);
  }
  /** ExcelApi 1.2 */
  merge(across?: boolean): void {
    this.ctx.need('1.2', 'range.merge');
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      const b = this.bounds();
      if (s.merges.some((m) => overlaps(parseAddress(m), b))) throw officeError('InvalidOperation', 'merge over a merged area: ' + formatAddress(b));
      s.merges.push(formatAddress(b));
      this.ctx.host.version++;
      this.ctx.host.record('merge', s.name, b, !!across);
    });
  }
  /** ExcelApi 1.2: every merged area that overlaps the range is split again. */
  unmerge(): void {
    this.ctx.need('1.2', 'range.unmerge');
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      const b = this.bounds();
      s.merges = s.merges.filter((m) => !overlaps(parseAddress(m), b));
      this.ctx.host.version++;
      this.ctx.host.record('unmerge', s.name, b);
    });
  }
  /**
   * ExcelApi 1.1. 'All' (the default) empties the cells and drops their formats, fills, fonts,
   * borders, links, merges and conditional formats; 'Contents' only the values; 'Formats' the rest.
   */
  clear(applyTo?: string): void {
    const what = applyTo || 'All';
    if (['All', 'Contents', 'Formats'].indexOf(what) < 0) throw officeError('InvalidArgument', 'clear(' + what + ')');
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      const b = this.bounds();
      const host = this.ctx.host;
      s.cells.forEach((row, r) => {
        if (r < b.r0 || r > b.r1) return;
        row.forEach((cell, c) => {
          if (c < b.c0 || c > b.c1) return;
          if (what !== 'Formats') {
            cell.v = '';
            delete cell.f;
            delete cell.formula;
            delete cell.converted;
          }
          if (what !== 'Contents') {
            const keep = { v: cell.v, f: cell.f };
            Object.keys(cell).forEach((k) => delete (cell as unknown as Record<string, unknown>)[k]);
            cell.v = keep.v;
            if (keep.f !== undefined) cell.f = keep.f;
            cell.fmt = 'General';
          }
        });
      });
      if (what !== 'Contents') {
        s.merges = s.merges.filter((m) => !contains(b, parseAddress(m)));
        s.conditionalFormats = s.conditionalFormats.filter((cf) => !overlaps(parseAddress(cf.address), b));
      }
      host.version++;
      host.record('clear', s.name, b, what);
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      if (s.name !== this.ctx.host.state.activeSheet) throw officeError('InvalidOperation', 'select() on a sheet that is not active');
      this.ctx.host.state.selection = { sheet: s.name, address: formatAddress(this.bounds()) };
      this.ctx.host.record('select', s.name, this.bounds());
    });
  }
  /** ExcelApi 1.1: the cell at (row, column) counted from this range's top-left, 0-based. */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetOf, () => {
      const b = this.bounds();
      return { r0: b.r0 + row, c0: b.c0 + column, r1: b.r0 + row, c1: b.c0 + column };
    });
  }
  /** ExcelApi 1.1: row `row` of this range, 0-based (office.js writes a large array through these). */
  getRow(row: number): FakeRange {
    return new FakeRange(this.ctx, this.sheetOf, () => {
      const b = this.bounds();
      return { r0: b.r0 + row, c0: b.c0, r1: b.r0 + row, c1: b.c1 };
    });
  }
  /** ExcelApi 1.1: the smallest range that holds this one and `other` (on the same sheet). */
  getBoundingRect(other: FakeRange | string): FakeRange {
    return new FakeRange(this.ctx, this.sheetOf, () => {
      const a = this.bounds();
      const b = typeof other === 'string' ? parseAddress(other) : other.bounds();
      return { r0: Math.min(a.r0, b.r0), c0: Math.min(a.c0, b.c0), r1: Math.max(a.r1, b.r1), c1: Math.max(a.c1, b.c1) };
    });
  }
  /** ExcelApi 1.1 */
  getLastRow(): FakeRange {
    return new FakeRange(this.ctx, this.sheetOf, () => {
      const b = this.bounds();
      return { r0: b.r1, c0: b.c0, r1: b.r1, c1: b.c1 };
    });
  }
  /** ExcelApi 1.1 */
  getLastColumn(): FakeRange {
    return new FakeRange(this.ctx, this.sheetOf, () => {
      const b = this.bounds();
      return { r0: b.r0, c0: b.c1, r1: b.r1, c1: b.c1 };
    });
  }
  /** ExcelApi 1.1 */
  getLastCell(): FakeRange {
    return new FakeRange(this.ctx, this.sheetOf, () => {
      const b = this.bounds();
      return { r0: b.r1, c0: b.c1, r1: b.r1, c1: b.c1 };
    });
  }
  /** Queues a format write over every cell of the range (used by fill and font). */
  eachCell(kind: string, value: unknown, apply: (c: FakeCell, r: number, col: number, b: Bounds) => void): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      const b = this.bounds();
      if (b.r1 - b.r0 < 100000 && b.c1 - b.c0 < 1000) {
        for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) apply(this.ctx.host.cellForWrite(s, r, c), r, c, b);
      }
      this.ctx.host.record(kind, s.name, b, value);
    });
  }
  /** One property over the range's cells: the common value, or null when they differ (as Excel answers). */
  uniform<T>(read: (c: FakeCell | undefined) => T): T | null {
    const s = this.sheetOf();
    const b = this.bounds();
    if ((b.r1 - b.r0 + 1) * (b.c1 - b.c0 + 1) > 100000) return null;
    let first: T | undefined;
    for (let r = b.r0; r <= b.r1; r++) {
      for (let c = b.c0; c <= b.c1; c++) {
        const v = read(this.ctx.host.cell(s, r, c));
        if (first === undefined) first = v;
        else if (v !== first) return null;
      }
    }
    return first === undefined ? null : first;
  }
  /** Queues a write that is only recorded (alignment, borders...), with an optional effect. */
  record(kind: string, value: unknown, apply?: (s: FakeSheet, b: Bounds) => void): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      const b = this.bounds();
      if (apply) apply(s, b);
      this.ctx.host.record(kind, s.name, b, value);
    });
  }
  /** ExcelApi 1.6 */
  get conditionalFormats(): FakeConditionalFormats {
    this.ctx.need('1.6', 'range.conditionalFormats');
    if (!this._cf) this._cf = strict(new FakeConditionalFormats(this.ctx, this), 'ConditionalFormatCollection');
    return this._cf;
  }
}

function overlaps(a: Bounds, b: Bounds): boolean {
  return !(a.c1 < b.c0 || a.c0 > b.c1 || a.r1 < b.r0 || a.r0 > b.r1);
}

function contains(outer: Bounds, inner: Bounds): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

class FakeFill extends Loadable {
  constructor(ctx: FakeContext, private range: FakeRange) {
    super(ctx);
    return strict(this, 'RangeFill');
  }
  protected fetch(p: string): unknown {
    if (p === 'color') return this.range.uniform((c) => (c && c.fill) || '#FFFFFF');
    return super.fetch(p);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.range.eachCell('fill', v, (c) => (c.fill = v));
  }
  clear(): void {
    this.range.eachCell('fillClear', null, (c) => delete c.fill);
  }
}

class FakeFont extends Loadable {
  constructor(ctx: FakeContext, private range: FakeRange) {
    super(ctx);
    return strict(this, 'RangeFont');
  }
  protected fetch(p: string): unknown {
    const u = this.range.uniform.bind(this.range);
    switch (p) {
      case 'name':
        return u((c) => (c && c.fontName) || DEFAULT_STYLE.fontName);
      case 'size':
        return u((c) => (c && c.fontSize) || DEFAULT_STYLE.fontSize);
      case 'color':
        return u((c) => (c && c.fontColor) || DEFAULT_STYLE.fontColor);
      case 'bold':
        return u((c) => !!(c && c.bold));
      default:
        return super.fetch(p);
    }
  }
  get name(): string {
    return this.get('name');
  }
  get size(): number {
    return this.get('size');
  }
  get color(): string {
    return this.get('color');
  }
  get bold(): boolean {
    return this.get('bold');
  }
  set color(v: string) {
    this.range.eachCell('font.color', v, (c) => (c.fontColor = v));
  }
  set bold(v: boolean) {
    this.range.eachCell('font.bold', v, (c) => (c.bold = v));
  }
  set size(v: number) {
    this.range.eachCell('font.size', v, (c) => (c.fontSize = v));
  }
  set name(v: string) {
    this.range.eachCell('font.name', v, (c) => (c.fontName = v));
  }
}

const EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideHorizontal', 'InsideVertical'];

/**
 * One border of a range (ExcelApi 1.1). Setting it draws it on the cells it runs along: an edge on
 * the range's boundary cells, an inside border between every two neighbours (as two cell edges).
 */
class FakeBorderItem extends Loadable {
  constructor(ctx: FakeContext, private range: FakeRange, private edge: string) {
    super(ctx);
    if (EDGES.indexOf(edge) < 0) throw officeError('InvalidArgument', 'border ' + edge + ' is not modelled');
    return strict(this, 'RangeBorder');
  }
  protected fetch(p: string): unknown {
    if (p !== 'style' && p !== 'color' && p !== 'weight') return super.fetch(p);
    if (this.edge.indexOf('Inside') === 0) return super.fetch('inside border ' + p);
    const edge = this.edge;
    const dflt = p === 'style' ? 'None' : p === 'color' ? '#000000' : 'Thin';
    return this.range.uniform((c) => {
      const b = c && c.borders ? c.borders[edge] : undefined;
      const v = b ? (b as unknown as Record<string, string | undefined>)[p] : undefined;
      return v || dflt;
    });
  }
  get style(): string {
    return this.get('style');
  }
  get color(): string {
    return this.get('color');
  }
  get weight(): string {
    return this.get('weight');
  }
  private draw(prop: 'style' | 'color' | 'weight', v: string): void {
    const edge = this.edge;
    this.range.eachCell('border.' + edge + (prop === 'style' ? '' : '.' + prop), v, (c, r, col, b) => {
      const sides: string[] = [];
      if (edge === 'EdgeTop' && r === b.r0) sides.push('EdgeTop');
      if (edge === 'EdgeBottom' && r === b.r1) sides.push('EdgeBottom');
      if (edge === 'EdgeLeft' && col === b.c0) sides.push('EdgeLeft');
      if (edge === 'EdgeRight' && col === b.c1) sides.push('EdgeRight');
      if (edge === 'InsideHorizontal') {
        if (r > b.r0) sides.push('EdgeTop');
        if (r < b.r1) sides.push('EdgeBottom');
      }
      if (edge === 'InsideVertical') {
        if (col > b.c0) sides.push('EdgeLeft');
        if (col < b.c1) sides.push('EdgeRight');
      }
      if (!sides.length) return;
      c.borders = c.borders || {};
      for (const side of sides) {
        const cur = c.borders[side] || { style: 'None' };
        (cur as unknown as Record<string, string>)[prop] = v;
        c.borders[side] = cur;
      }
    });
  }
  set style(v: string) {
    this.draw('style', v);
  }
  set color(v: string) {
    this.draw('color', v);
  }
  set weight(v: string) {
    this.draw('weight', v);
  }
}

export class FakeRangeFormat extends Loadable {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  constructor(ctx: FakeContext, private range: FakeRange) {
    super(ctx);
    this.fill = new FakeFill(ctx, range);
    this.font = new FakeFont(ctx, range);
    return strict(this, 'RangeFormat');
  }
  protected fetch(p: string): unknown {
    const u = this.range.uniform.bind(this.range);
    switch (p) {
      case 'horizontalAlignment':
        return u((c) => (c && c.hAlign) || DEFAULT_STYLE.hAlign);
      case 'verticalAlignment':
        return u((c) => (c && c.vAlign) || DEFAULT_STYLE.vAlign);
      case 'wrapText':
        return u((c) => !!(c && c.wrap));
      default:
        return super.fetch(p);
    }
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.range.eachCell('wrapText', v, (c) => (c.wrap = v));
  }
  set horizontalAlignment(v: string) {
    this.range.eachCell('horizontalAlignment', v, (c) => (c.hAlign = v));
  }
  set verticalAlignment(v: string) {
    this.range.eachCell('verticalAlignment', v, (c) => (c.vAlign = v));
  }
  /** ExcelApi 1.2 */
  set columnWidth(v: number) {
    this.ctx.need('1.2', 'format.columnWidth');
    this.range.record('columnWidth', v, (s, b) => {
      for (let c = b.c0; c <= b.c1; c++) s.columnWidths[c] = v;
    });
  }
  /** ExcelApi 1.2: a height set here is the user's own from then on (a custom height). */
  set rowHeight(v: number) {
    this.ctx.need('1.2', 'format.rowHeight');
    this.range.record('rowHeight', v);
  }
  /** ExcelApi 1.2 */
  autofitRows(): void {
    this.ctx.need('1.2', 'format.autofitRows');
    this.range.record('autofitRows', null);
  }
  /** ExcelApi 1.2 */
  autofitColumns(): void {
    this.ctx.need('1.2', 'format.autofitColumns');
    this.range.record('autofitColumns', null);
  }
  get borders(): { getItem(edge: string): FakeBorderItem } {
    const ctx = this.ctx;
    const range = this.range;
    return strict({ getItem: (edge: string) => new FakeBorderItem(ctx, range, edge) }, 'RangeBorderCollection');
  }
}

export interface FakeConditionalFormat {
  type: string;
  cellValue: { format: { fill: { color?: string }; font: { color?: string } }; rule?: unknown };
  textComparison: { format: { fill: { color?: string }; font: { color?: string } }; rule?: unknown };
  dataBar: Record<string, unknown>;
}

export class FakeConditionalFormats {
  constructor(private ctx: FakeContext, private range: FakeRange) {}
  add(type: string): FakeConditionalFormat {
    const cf: FakeConditionalFormat = {
      type,
      cellValue: { format: { fill: {}, font: {} } },
      textComparison: { format: { fill: {}, font: {} } },
      dataBar: {},
    };
    this.ctx.enqueue(() => {
      const s = this.range.sheetOf();
      const b = this.range.bounds();
      // Read the rule when the sync runs: the caller fills it in after add(), as with Office.js.
      const body = type === 'TextComparison' ? cf.textComparison : type === 'CellValue' ? cf.cellValue : null;
      const entry = {
        address: formatAddress(b),
        type,
        rule: body ? body.rule : undefined,
        fill: body ? body.format.fill.color : undefined,
        fontColor: body ? body.format.font.color : undefined,
      };
      s.conditionalFormats.push(entry);
      this.ctx.host.record('conditionalFormat', s.name, b, entry);
    }, 200);
    return cf;
  }
  clearAll(): void {
    this.ctx.enqueue(() => {
      const s = this.range.sheetOf();
      const b = this.range.bounds();
      s.conditionalFormats = s.conditionalFormats.filter((cf) => {
        const x = parseAddress(cf.address);
        return x.c1 < b.c0 || x.c0 > b.c1 || x.r1 < b.r0 || x.r0 > b.r1;
      });
      this.ctx.host.record('conditionalFormatClear', s.name, b);
    });
  }
}

/* ------------------------------------------------------------------------------------------------ */

/** The host: the workbook's state plus the Office and Excel globals that talk to it. */
export class FakeHost {
  readonly state: FakeState;
  readonly payloadLimit: number;
  readonly responseLimit: number;
  readonly Office: Record<string, unknown>;
  readonly Excel: Record<string, unknown>;

  constructor(opts: FakeOptions) {
    this.payloadLimit = opts.payloadLimit || 5 * 1024 * 1024;
    this.responseLimit = opts.responseLimit || 5 * 1024 * 1024;
    this.state = {
      apiVersion: opts.apiVersion,
      sheets: [],
      activeSheet: opts.sheets.length ? opts.sheets[0].name : 'Sheet1',
      selection: null,
      syncCount: 0,
      syncPayloads: [],
      syncResponses: [],
      writes: [],
      settings: Object.assign({}, opts.settings || {}),
      settingsSaved: 0,
      createdWorkbooks: [],
    };
    for (const init of opts.sheets) {
      const s = this.newSheet(init.name);
      if (init.page) Object.assign(s.page, init.page);
      const top = init.top || 1;
      const left = init.left || 1;
      const at = <T>(grid: (T | null | undefined)[][] | undefined, i: number, j: number): T | null => {
        const row = grid && grid[i];
        const v = row ? row[j] : null;
        return v === undefined ? null : v;
      };
      const height = Math.max(init.rows.length, (init.styles || []).length, (init.formulas || []).length, (init.formats || []).length);
      for (let i = 0; i < height; i++) {
        const width = Math.max((init.rows[i] || []).length, ((init.styles || [])[i] || []).length, ((init.formulas || [])[i] || []).length, ((init.formats || [])[i] || []).length);
        for (let j = 0; j < width; j++) {
          const v = at(init.rows, i, j);
          const fmt = at(init.formats, i, j);
          const style = at(init.styles, i, j);
          const formula = at(init.formulas, i, j);
          if ((v === null || v === '') && !fmt && !style && !formula) continue;
          const cell = this.cellForWrite(s, top + i, left + j);
          cell.v = v === null ? '' : v;
          if (fmt) cell.fmt = fmt;
          if (style) Object.assign(cell, style, style.borders ? { borders: JSON.parse(JSON.stringify(style.borders)) } : {});
          if (formula) cell.f = formula;
        }
      }
      for (const m of init.merges || []) {
        const b = parseAddress(m);
        for (let r = b.r0; r <= b.r1; r++) {
          for (let c = b.c0; c <= b.c1; c++) {
            const cell = this.cell(s, r, c);
            if ((r !== b.r0 || c !== b.c0) && cell && cell.v !== '') throw new Error('fixture ' + init.name + ': ' + colLetters(c) + r + ' is inside the merge ' + m + ' but holds a value');
          }
        }
        s.merges.push(formatAddress(b));
      }
    }
    const host = this;
    const state = this.state;
    this.Excel = {
      run<T>(batch: (ctx: FakeContext) => Promise<T>): Promise<T> {
        return Promise.resolve().then(() => batch(new FakeContext(host)));
      },
      /** ExcelApi 1.8 */
      createWorkbook(base64?: string): Promise<void> {
        if (!versionAtLeast(state.apiVersion, '1.8')) return Promise.reject(officeError('ApiNotFound', 'createWorkbook needs ExcelApi 1.8'));
        state.createdWorkbooks.push(base64);
        return Promise.resolve();
      },
    };
    const settings = {
      get: (k: string) => (k in state.settings ? state.settings[k] : null),
      set: (k: string, v: unknown) => {
        state.settings[k] = v;
      },
      remove: (k: string) => {
        delete state.settings[k];
      },
      saveAsync: (cb?: (r: { status: string }) => void) => {
        state.settingsSaved++;
        if (cb) setTimeout(() => cb({ status: 'succeeded' }), 0);
      },
    };
    this.Office = {
      context: {
        displayLanguage: opts.displayLanguage || 'zh-CN',
        requirements: { isSetSupported: (name: string, v?: string) => name === 'ExcelApi' && versionAtLeast(state.apiVersion, v || '1.1') },
        document: { settings },
      },
      AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
      HostType: { Excel: 'Excel' },
      onReady(cb?: (info: { host: string; platform: string }) => void) {
        const info = { host: 'Excel', platform: 'PC' };
        if (cb) setTimeout(() => cb(info), 0);
        return Promise.resolve(info);
      },
    };
  }

  findSheet(name: string): FakeSheet | undefined {
    const low = name.toLowerCase();
    return this.state.sheets.filter((s) => s.name.toLowerCase() === low)[0];
  }

  newSheet(name: string): FakeSheet {
    const page: FakePage = { orientation: 'Portrait', zoom: { scale: 100 }, printArea: '', printTitleRows: '', printTitleColumns: '' };
    const s: FakeSheet = { name, page, cells: new Map(), conditionalFormats: [], merges: [], columnWidths: {} };
    this.state.sheets.push(s);
    return s;
  }

  cell(s: FakeSheet, r: number, c: number): FakeCell | undefined {
    const row = s.cells.get(r);
    return row ? row.get(c) : undefined;
  }

  cellForWrite(s: FakeSheet, r: number, c: number): FakeCell {
    this.version++;
    let row = s.cells.get(r);
    if (!row) {
      row = new Map();
      s.cells.set(r, row);
    }
    let cell = row.get(c);
    if (!cell) {
      cell = { v: '', fmt: 'General' };
      row.set(c, cell);
    }
    return cell;
  }

  /**
   * Excel's used range: values and formulas and, unless valuesOnly, formatted cells (a number
   * format, a fill, a font, an alignment, a border) and merged areas. An empty sheet gives A1.
   */
  usedBounds(s: FakeSheet, valuesOnly: boolean): Bounds {
    // Resolved afresh after any change, as Excel's is; memoized while nothing changes (probes ask often).
    const key = this.version + ':' + valuesOnly;
    const memo = this.usedMemo.get(s);
    if (memo && memo.key === key) return memo.bounds;
    const bounds = this.computeUsed(s, valuesOnly);
    this.usedMemo.set(s, { key, bounds });
    return bounds;
  }

  /** Bumped by every change to any cell or merge (cellForWrite hands out cells to change). */
  version = 0;
  private usedMemo = new Map<FakeSheet, { key: string; bounds: Bounds }>();

  private computeUsed(s: FakeSheet, valuesOnly: boolean): Bounds {
    let r0 = Infinity, c0 = Infinity, r1 = 0, c1 = 0;
    const take = (r: number, c: number) => {
      if (r < r0) r0 = r;
      if (r > r1) r1 = r;
      if (c < c0) c0 = c;
      if (c > c1) c1 = c;
    };
    s.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const formatted = Object.keys(cell).some((k) => k !== 'v' && k !== 'fmt' && k !== 'formula' && k !== 'converted' && (cell as unknown as Record<string, unknown>)[k] !== undefined);
        const used = cell.v !== '' || cell.f !== undefined || (!valuesOnly && (cell.fmt !== 'General' || formatted));
        if (used) take(r, c);
      }),
    );
    if (!valuesOnly) {
      for (const m of s.merges) {
        const b = parseAddress(m);
        take(b.r0, b.c0);
        take(b.r1, b.c1);
      }
    }
    return r1 === 0 ? { r0: 1, c0: 1, r1: 1, c1: 1 } : { r0, c0, r1, c1 };
  }

  /** True for a cell of a merged area other than its top-left one. */
  insideMerge(s: FakeSheet, r: number, c: number): boolean {
    return s.merges.some((m) => {
      const b = parseAddress(m);
      return r >= b.r0 && r <= b.r1 && c >= b.c0 && c <= b.c1 && (r !== b.r0 || c !== b.c0);
    });
  }

  /**
   * What a cell shows: its value, or for a formula that refers to a cell on a sheet (='总览'!B3,
   * =总览!B3) that cell's value, '#REF!' once the sheet is gone. Other formulas show their stored value.
   */
  valueOf(cell: FakeCell): FakeValue {
    if (cell.f === undefined) return cell.v;
    if (/#REF!/.test(cell.f)) return '#REF!';
    const m = /^=(?:'((?:[^']|'')+)'|([^'!=]+))!\$?([A-Z]+)\$?(\d+)$/.exec(cell.f);
    if (!m) return cell.v;
    const sheet = this.findSheet(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
    if (!sheet) return '#REF!';
    const target = this.cell(sheet, +m[4], colNum(m[3]));
    return target ? this.valueOf(target) : 0;
  }

  /** Sheet `name` was deleted: every formula that named it now refers to #REF!, as in Excel. */
  breakReferences(name: string): void {
    const quoted = "'" + name.replace(/'/g, "''") + "'!";
    const bare = name + '!';
    this.state.sheets.forEach((s) =>
      s.cells.forEach((row) =>
        row.forEach((cell) => {
          if (cell.f === undefined) return;
          const f = cell.f.split(quoted).join('#REF!').split('=' + bare).join('=#REF!');
          if (f !== cell.f) {
            cell.f = f;
            cell.v = '#REF!';
          }
        }),
      ),
    );
  }

  /**
   * Writes a value as Excel takes one typed in: into a cell formatted as text ('@') as it is; into
   * any other cell, text that looks like a formula becomes one, and into a General cell text that
   * reads as a date, a percentage, a number or a boolean becomes that (the date and the percentage
   * also set the cell's format, as Excel does). `converted` keeps the text that was turned.
   */
  enter(cell: FakeCell, val: FakeValue): void {
    delete cell.f;
    delete cell.converted;
    cell.v = val;
    cell.formula = false;
    if (typeof val !== 'string' || cell.fmt === '@' || val === '') return;
    if (val.length > 1 && /^[=+\-@]/.test(val)) {
      cell.formula = true;
      return;
    }
    if (cell.fmt !== 'General') return;
    const t = val.trim();
    let m: RegExpExecArray | null;
    const serial = (y: number, mo: number, d: number) => {
      const ms = Date.UTC(y, mo - 1, d);
      const back = new Date(ms);
      if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
      return Math.round((ms - Date.UTC(1899, 11, 30)) / 86400000);
    };
    let out: FakeValue | null = null;
    let fmt: string | null = null;
    if ((m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})$/.exec(t))) {
      out = serial(+m[1], +m[2], +m[3]);
      fmt = 'yyyy/m/d';
    } else if ((m = /^(\d{1,2})\/(\d{1,2})$/.exec(t))) {
      // m/d takes the current year, as Excel does.
      out = serial(new Date().getFullYear(), +m[1], +m[2]);
      fmt = 'm月d日';
    } else if ((m = /^([-+]?\d+(?:\.\d+)?)%$/.exec(t))) {
      out = +m[1] / 100;
      fmt = '0%';
    } else if (/^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/.test(t)) {
      out = +t;
    } else if (/^(true|false)$/i.test(t)) {
      out = /^true$/i.test(t);
    }
    if (out === null) return;
    cell.v = out;
    cell.converted = val;
    if (fmt) cell.fmt = fmt;
  }

  record(kind: string, sheet: string, b: Bounds | null, value?: unknown): void {
    const bb = b || { r0: 0, c0: 0, r1: 0, c1: 0 };
    this.state.writes.push({ sync: this.state.syncCount, sheet, address: b ? formatAddress(b) : '', kind, value, r0: bb.r0, c0: bb.c0, r1: bb.r1, c1: bb.c1 });
  }

  /** The value of one cell as Excel shows it (a formula's result), for assertions. */
  value(sheet: string, address: string): FakeValue {
    const s = this.findSheet(sheet);
    const b = parseAddress(address);
    const c = s ? this.cell(s, b.r0, b.c0) : undefined;
    return c ? this.valueOf(c) : '';
  }

  cellAt(sheet: string, address: string): FakeCell | undefined {
    const s = this.findSheet(sheet);
    const b = parseAddress(address);
    return s ? this.cell(s, b.r0, b.c0) : undefined;
  }
}

export function createFakeHost(opts: FakeOptions): FakeHost {
  return new FakeHost(opts);
}

/* ------------------------------------------------------------------------------------------------ */
/* Charts (ExcelApi 1.1, and the 1.7/1.8 properties the add-in sets behind its checks): every       */
/* charts.add is kept on the sheet with its type, source range and series direction, and every      */
/* property set on the chart or its parts as a dotted path ('series.0.format.fill.solidColor').      */
/* ------------------------------------------------------------------------------------------------ */

export interface FakeChart {
  type: string;
  /** The source range's address, without the sheet. */
  source: string;
  seriesBy: string | undefined;
  /** setPosition(startCell, endCell). */
  position?: { start: string; end?: string };
  props: Record<string, unknown>;
}

/** Properties that need more than ExcelApi 1.1, by their path on the chart. */
const CHART_API: Record<string, string> = {
  'axes.categoryAxis.reversePlotOrder': '1.7',
  'axes.valueAxis.numberFormat': '1.8',
  'dataLabels.numberFormat': '1.8',
};

/** A proxy that records every property set under `path` into the chart's props, and methods as calls. */
function chartPart(ctx: FakeContext, chart: () => FakeChart, path: string): Record<string, unknown> {
  return new Proxy({} as Record<string, unknown>, {
    get(_t, key: string) {
      if (key === 'getItemAt') return (i: number) => chartPart(ctx, chart, path + '.' + i);
      if (key === 'setSolidColor') return (color: string) => ctx.enqueue(() => (chart().props[path + '.solidColor'] = color));
      return chartPart(ctx, chart, path ? path + '.' + key : key);
    },
    set(_t, key: string, value: unknown) {
      const full = path ? path + '.' + key : key;
      if (CHART_API[full]) ctx.need(CHART_API[full], 'chart.' + full);
      ctx.enqueue(() => (chart().props[full] = value));
      return true;
    },
  });
}

export class FakeChartCollection {
  private loadedItems: { name: string; delete(): void }[] | null = null;
  constructor(private ctx: FakeContext, private ws: FakeWorksheet) {}
  /** load('items/name'): the sheet's charts as they stand when the sync runs; each can be deleted. */
  load(props: string): this {
    if (props !== 'items/name' && props !== 'items') {
      throw officeError('PropertyNotModelled', "charts.load('" + props + "') is not modelled by the fake Excel (tests/excel/fake-excel.ts)");
    }
    this.ctx.enqueue(() => {
      const s = this.ws.sheet();
      const charts = s.charts || [];
      this.loadedItems = charts.map((chart, i) => ({
        name: 'Chart ' + (i + 1),
        delete: () =>
          this.ctx.enqueue(() => {
            const at = (s.charts || []).indexOf(chart);
            if (at < 0) throw officeError('ItemNotFound', 'the chart was deleted already');
            (s.charts as FakeChart[]).splice(at, 1);
            this.ctx.host.record('deleteChart', s.name, null, { type: chart.type });
          }),
      }));
    });
    return this;
  }
  get items(): { name: string; delete(): void }[] {
    if (!this.loadedItems) throw officeError('PropertyNotLoaded', "The property 'items' is not available. Call load() and context.sync().");
    return this.loadedItems;
  }
  add(type: string, source: FakeRange | string, seriesBy?: string): Record<string, unknown> {
    let made: FakeChart | null = null;
    const chart = () => {
      if (!made) throw officeError('InvalidOperation', 'chart not added yet');
      return made;
    };
    this.ctx.enqueue(() => {
      const s = this.ws.sheet();
      const b = typeof source === 'string' ? parseAddress(source) : source.bounds();
      made = { type, source: formatAddress(b), seriesBy, props: {} };
      (s.charts = s.charts || []).push(made);
      this.ctx.host.record('addChart', s.name, b, { type, seriesBy });
    });
    const part = chartPart(this.ctx, chart, '');
    return new Proxy(part, {
      get: (t, key: string) => {
        if (key === 'setPosition') {
          return (start: FakeRange | string, end?: FakeRange | string) =>
            this.ctx.enqueue(() => {
              const addr = (r: FakeRange | string | undefined) => (r === undefined ? undefined : typeof r === 'string' ? r : formatAddress(r.bounds()));
              chart().position = { start: addr(start) as string, end: addr(end) };
            });
        }
        return (t as Record<string, unknown>)[key];
      },
    });
  }
}

/** ExcelApi 1.9: a HeadersFootersGroup whose defaultForAllPages records each header and footer part. */
function fakeHeadersFooters(rec: (what: string, v: unknown) => void): Record<string, unknown> {
  const page: Record<string, unknown> = {};
  for (const key of ['leftHeader', 'centerHeader', 'rightHeader', 'leftFooter', 'centerFooter', 'rightFooter']) {
    Object.defineProperty(page, key, { set: (v: unknown) => rec('defaultForAllPages.' + key, v) });
  }
  return { defaultForAllPages: page };
}
