/**
 * A small fake of the Excel JavaScript object model (Office.js) that enforces its semantics:
 * - proxies queue operations; nothing happens until context.sync();
 * - reading a property before load() + sync() throws PropertyNotLoaded;
 * - every sync is counted, with its estimated payload (a sync over 5 MB fails as Excel's does);
 * - every write is recorded with its sheet and address;
 * - APIs newer than the configured ExcelApi version throw ApiNotFound, and
 *   Office.context.requirements.isSetSupported answers from that version;
 * - writing '=…' / '+…' / '-…' / '@…' text to a cell not formatted as text '@' turns it into a
 *   formula, as Excel does, so a test can see user text that was not protected.
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
  top?: number;
  left?: number;
}

export interface FakeOptions {
  /** The highest ExcelApi version the host supports, e.g. '1.1', '1.7', '1.8'. */
  apiVersion: string;
  sheets: FakeSheetInit[];
  displayLanguage?: string;
  settings?: Record<string, unknown>;
  /** The request payload limit per sync, in bytes. Default 5 MB (Excel's documented limit). */
  payloadLimit?: number;
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

export interface FakeCell {
  v: FakeValue;
  fmt: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** Set when text was written into a non-text cell and Excel would parse it as a formula. */
  formula?: boolean;
  /** Range.hyperlink (ExcelApi 1.7) as last set on this cell. */
  hyperlink?: FakeHyperlink;
}

export interface FakeHyperlink {
  address?: string;
  documentReference?: string;
  screenTip?: string;
  textToDisplay?: string;
}

export interface FakeSheet {
  name: string;
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

/* ------------------------------------------------------------------------------------------------ */

/** The RequestContext: a queue of operations, run in order by sync(). */
export class FakeContext {
  readonly workbook: FakeWorkbook;
  private queue: { run: () => void; bytes: number }[] = [];
  constructor(readonly host: FakeHost) {
    this.workbook = new FakeWorkbook(this);
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
    return new Promise<void>((resolve, reject) => {
      try {
        if (bytes > this.host.payloadLimit) throw officeError('RequestPayloadSizeLimitExceeded', bytes + ' bytes in one sync');
        for (const op of ops) op.run();
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
  protected fetch(_prop: string): unknown {
    return undefined;
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
    this.loaded[p] = this.fetch(p);
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
  get items(): FakeWorksheet[] {
    if (!this.itemsLoaded) throw officeError('PropertyNotLoaded', "The property 'items' is not available. Call load() and context.sync().");
    return this.itemsLoaded;
  }
  protected loadProp(p: string): void {
    const sub = p.indexOf('items/') === 0 ? p.slice(6) : p === 'items' ? 'name' : null;
    if (sub === null) return;
    this.itemsLoaded = this.ctx.host.state.sheets.map((s) => {
      const ws = new FakeWorksheet(this.ctx, () => s);
      ws.markLoaded(sub.split('/')[0], s);
      return ws;
    });
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
  private _freeze?: FakeFreezePanes;
  constructor(ctx: FakeContext, private resolve: () => FakeSheet | null | undefined, private nullable = false) {
    super(ctx);
  }
  sheet(): FakeSheet {
    const s = this.resolve();
    if (!s) throw officeError('ItemNotFound', 'worksheet not found');
    return s;
  }
  markLoaded(prop: string, s: FakeSheet): void {
    this.loaded[prop] = prop === 'name' ? s.name : undefined;
  }
  protected fetch(p: string): unknown {
    if (p === 'isNullObject') return !this.resolve();
    if (p === 'name') return this.sheet().name;
    return undefined;
  }
  get name(): string {
    return this.get<string>('name');
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
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, () => this.sheet(), () => parseAddress(address || 'A1'));
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
  get autoFilter(): { apply(range: FakeRange | string): void } {
    this.ctx.need('1.9', 'worksheet.autoFilter');
    return {
      apply: (range: FakeRange | string) => {
        this.ctx.enqueue(() => {
          const b = typeof range === 'string' ? parseAddress(range) : range.bounds();
          this.sheet().autoFilter = formatAddress(b);
          this.ctx.host.record('autoFilter', this.sheet().name, b);
        });
      },
    };
  }
  /** ExcelApi 1.9 */
  get pageLayout(): Record<string, unknown> {
    this.ctx.need('1.9', 'worksheet.pageLayout');
    const rec = (what: string, v: unknown) => this.ctx.enqueue(() => this.ctx.host.record('pageLayout', this.sheet().name, null, { what, v }));
    return {
      set orientation(v: unknown) {
        rec('orientation', v);
      },
      set paperSize(v: unknown) {
        rec('paperSize', v);
      },
      set zoom(v: unknown) {
        rec('zoom', v);
      },
      setPrintTitleRows(v: unknown) {
        rec('printTitleRows', v);
      },
      set leftMargin(v: unknown) {
        rec('leftMargin', v);
      },
      set rightMargin(v: unknown) {
        rec('rightMargin', v);
      },
      /** ExcelApi 1.9: headersFooters.defaultForAllPages.leftFooter etc., recorded as 'defaultForAllPages.leftFooter'. */
      get headersFooters(): Record<string, unknown> {
        return fakeHeadersFooters(rec);
      },
    };
  }
  /** ExcelApi 1.1 (the charts model below). */
  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, this);
  }
}

export class FakeFreezePanes {
  constructor(private ctx: FakeContext, private ws: FakeWorksheet) {}
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
  private _cf?: FakeConditionalFormats;
  constructor(ctx: FakeContext, readonly sheetOf: () => FakeSheet, private boundsOf: () => Bounds) {
    super(ctx);
    this.format = new FakeRangeFormat(ctx, this);
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
      case 'hyperlink': {
        const cell = host.cell(s, b.r0, b.c0);
        return cell && cell.hyperlink ? Object.assign({}, cell.hyperlink) : null;
      }
      case 'values':
      case 'text':
      case 'numberFormat': {
        const out: unknown[][] = [];
        for (let r = b.r0; r <= b.r1; r++) {
          const row: unknown[] = [];
          for (let c = b.c0; c <= b.c1; c++) {
            const cell = host.cell(s, r, c);
            row.push(p === 'numberFormat' ? (cell ? cell.fmt : 'General') : cell ? cell.v : '');
          }
          out.push(row);
        }
        return out;
      }
      default:
        return undefined;
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
  get address(): string {
    return this.get('address');
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
      for (let r = 0; r < rows; r++) {
        for (let c = 0; c < cols; c++) {
          const x = grid ? grid[r][c] : v;
          const cell = this.ctx.host.cellForWrite(s, b.r0 + r, b.c0 + c);
          if (kind === 'numberFormat') cell.fmt = String(x);
          else {
            const val = x === null || x === undefined ? '' : (x as FakeValue);
            cell.v = val;
            // Excel parses text that looks like a formula unless the cell is formatted as text.
            cell.formula = typeof val === 'string' && val.length > 1 && /^[=+\-@]/.test(val) && cell.fmt !== '@';
          }
        }
      }
      this.ctx.host.record(kind, s.name, b, v);
    }, bytes);
  }
  /** ExcelApi 1.2 */
  merge(across?: boolean): void {
    this.ctx.need('1.2', 'range.merge');
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      s.merges.push(formatAddress(this.bounds()));
      this.ctx.host.record('merge', s.name, this.bounds(), !!across);
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
  /** Queues a format write over every cell of the range (used by fill and font). */
  eachCell(kind: string, value: unknown, apply: (c: FakeCell) => void): void {
    this.ctx.enqueue(() => {
      const s = this.sheetOf();
      const b = this.bounds();
      if (b.r1 - b.r0 < 100000 && b.c1 - b.c0 < 1000) {
        for (let r = b.r0; r <= b.r1; r++) for (let c = b.c0; c <= b.c1; c++) apply(this.ctx.host.cellForWrite(s, r, c));
      }
      this.ctx.host.record(kind, s.name, b, value);
    });
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
    if (!this._cf) this._cf = new FakeConditionalFormats(this.ctx, this);
    return this._cf;
  }
}

class FakeFill {
  constructor(private range: FakeRange) {}
  set color(v: string) {
    this.range.eachCell('fill', v, (c) => (c.fill = v));
  }
  clear(): void {
    this.range.eachCell('fillClear', null, (c) => delete c.fill);
  }
}

class FakeFont {
  constructor(private range: FakeRange) {}
  set color(v: string) {
    this.range.eachCell('font.color', v, (c) => (c.fontColor = v));
  }
  set bold(v: boolean) {
    this.range.eachCell('font.bold', v, (c) => (c.bold = v));
  }
  set size(v: number) {
    this.range.eachCell('font.size', v, () => undefined);
  }
  set name(v: string) {
    this.range.eachCell('font.name', v, () => undefined);
  }
}

export class FakeRangeFormat {
  readonly fill: FakeFill;
  readonly font: FakeFont;
  constructor(private ctx: FakeContext, private range: FakeRange) {
    this.fill = new FakeFill(range);
    this.font = new FakeFont(range);
  }
  set wrapText(v: boolean) {
    this.range.record('wrapText', v);
  }
  set horizontalAlignment(v: string) {
    this.range.record('horizontalAlignment', v);
  }
  set verticalAlignment(v: string) {
    this.range.record('verticalAlignment', v);
  }
  /** ExcelApi 1.2 */
  set columnWidth(v: number) {
    this.ctx.need('1.2', 'format.columnWidth');
    this.range.record('columnWidth', v, (s, b) => {
      for (let c = b.c0; c <= b.c1; c++) s.columnWidths[c] = v;
    });
  }
  /** ExcelApi 1.2 */
  set rowHeight(v: number) {
    this.ctx.need('1.2', 'format.rowHeight');
    this.range.record('rowHeight', v);
  }
  get borders(): { getItem(edge: string): Record<string, unknown> } {
    const range = this.range;
    return {
      getItem(edge: string) {
        return {
          set style(v: string) {
            range.record('border.' + edge, v);
          },
          set color(v: string) {
            range.record('border.' + edge + '.color', v);
          },
          set weight(v: string) {
            range.record('border.' + edge + '.weight', v);
          },
        };
      },
    };
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
  readonly Office: Record<string, unknown>;
  readonly Excel: Record<string, unknown>;

  constructor(opts: FakeOptions) {
    this.payloadLimit = opts.payloadLimit || 5 * 1024 * 1024;
    this.state = {
      apiVersion: opts.apiVersion,
      sheets: [],
      activeSheet: opts.sheets.length ? opts.sheets[0].name : 'Sheet1',
      selection: null,
      syncCount: 0,
      syncPayloads: [],
      writes: [],
      settings: Object.assign({}, opts.settings || {}),
      settingsSaved: 0,
      createdWorkbooks: [],
    };
    for (const init of opts.sheets) {
      const s = this.newSheet(init.name);
      const top = init.top || 1;
      const left = init.left || 1;
      init.rows.forEach((row, i) =>
        row.forEach((v, j) => {
          const fmt = init.formats && init.formats[i] ? init.formats[i][j] : null;
          if ((v === null || v === undefined || v === '') && !fmt) return;
          const cell = this.cellForWrite(s, top + i, left + j);
          cell.v = v === null || v === undefined ? '' : v;
          if (fmt) cell.fmt = fmt;
        }),
      );
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
    const s: FakeSheet = { name, cells: new Map(), conditionalFormats: [], merges: [], columnWidths: {} };
    this.state.sheets.push(s);
    return s;
  }

  cell(s: FakeSheet, r: number, c: number): FakeCell | undefined {
    const row = s.cells.get(r);
    return row ? row.get(c) : undefined;
  }

  cellForWrite(s: FakeSheet, r: number, c: number): FakeCell {
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

  /** Excel's used range: values and, unless valuesOnly, formatted cells. An empty sheet gives A1. */
  usedBounds(s: FakeSheet, valuesOnly: boolean): Bounds {
    let r0 = Infinity, c0 = Infinity, r1 = 0, c1 = 0;
    s.cells.forEach((row, r) =>
      row.forEach((cell, c) => {
        const used = cell.v !== '' || (!valuesOnly && (cell.fmt !== 'General' || !!cell.fill));
        if (!used) return;
        if (r < r0) r0 = r;
        if (r > r1) r1 = r;
        if (c < c0) c0 = c;
        if (c > c1) c1 = c;
      }),
    );
    return r1 === 0 ? { r0: 1, c0: 1, r1: 1, c1: 1 } : { r0, c0, r1, c1 };
  }

  record(kind: string, sheet: string, b: Bounds | null, value?: unknown): void {
    const bb = b || { r0: 0, c0: 0, r1: 0, c1: 0 };
    this.state.writes.push({ sync: this.state.syncCount, sheet, address: b ? formatAddress(b) : '', kind, value, r0: bb.r0, c0: bb.c0, r1: bb.r1, c1: bb.c1 });
  }

  /** The value of one cell, for assertions. */
  value(sheet: string, address: string): FakeValue {
    const s = this.findSheet(sheet);
    const b = parseAddress(address);
    const c = s ? this.cell(s, b.r0, b.c0) : undefined;
    return c ? c.v : '';
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
  constructor(private ctx: FakeContext, private ws: FakeWorksheet) {}
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
