/**
 * A stand-in for Excel's side of the Win32 host bridge: the `window.external` that Excel 2016 (16.00)
 * and Excel 2019 and later (16.01) give the task pane's browser, so that the REAL office.js from dist/,
 * unmodified, runs every Excel JavaScript call of the pane through its own request path (batching,
 * load and sync, object paths, "property not loaded", error mapping, isSetSupported).
 *
 * One Excel semantics: the workbook is tests/excel/fake-excel.ts's model. Each RichApi request that
 * office.js sends (window.external.Execute(93, …), its JSON body of Actions and ObjectPaths) is
 * replayed on that fake's own proxies, in one long-lived FakeContext, and ended by its sync(): the
 * fake's checks (ApiNotFound beyond the host's ExcelApi version, PropertyNotModelled, merges, the
 * 5 MB limits, the text-into-General parsing) apply unchanged; nothing here models Excel twice.
 *
 * Strict: a dispatch id, a path type, an action type, a method or a property that the model lacks
 * is answered with an error AND kept in `violations`, which every suite asserts is empty. An object
 * path of an API newer than the matrix answers ApiNotFound, as Excel does.
 *
 * No imports but types: the e2e suites transpile this file alone into a browser script.
 */
import type { FakeHost, FakeContext } from '../../excel/fake-excel';

export interface BridgeOptions {
  /** What GetHostInfo answers: 'Excel$Win32$16.00$zh-CN$$$$0'. Its version picks the host script. */
  hostInfo: string;
  /** GetSupportedMatrix's JSON text ('{"excelapi":1.7}'); absent = the default matrix of 16.00 (ExcelApi 1.1). */
  matrix?: string;
  /** The workbook (tests/excel/fake-excel.ts); its apiVersion must agree with the matrix. */
  host: FakeHost;
  /** A FakeContext of that host (new FakeContext(host)): one for the page's life, as office.js sends one request at a time. */
  context: FakeContext;
}

/** One request as the wire carried it. */
export interface WireRequest {
  /** Bytes (UTF-16 length) of the request body and of the response text. */
  bytes: number;
  responseBytes: number;
  actions: number;
  /** SetProperty and Method actions: the request changes something. */
  writes: number;
  /** The error code answered, if any. */
  error?: string;
  /** 'excel' for the workbook, 'internal' for office.js's own AddinInternalService notice. */
  kind: string;
  /** Bytes of the response as UTF-8 (the Chinese text of a ledger is 3 bytes a character there). */
  responseUtf8: number;
  /** What the request did, in brief: its action names and load selects, each once, in order. */
  what: string;
}

/** An error to answer instead of running a request, once: see Bridge.inject. */
export interface Injection {
  code: string;
  /** Fail the (skip+1)-th request from now that carries writes (and matches `match`, a regular expression's source, if given). */
  skip: number;
  match?: string;
  /** Fire on a request without writes too (a read). */
  reads?: boolean;
  /** How many of that request's actions run before it fails (Excel stops a batch at the failing action). */
  runFirst: number | 'all';
  /** Set when it fired: the number of the request (1-based) it failed. */
  fired?: number;
}

export interface Bridge {
  requests: WireRequest[];
  violations: string[];
  /** Names office.js looked for on window.external or its context that this host does not give. */
  absent: string[];
  inject: Injection | null;
  settingsWrites: number;
  /** The settings as office.js last wrote them: keys and their JSON texts. */
  settingsTexts: Record<string, string>;
}

interface PathInfo {
  Id: number;
  ObjectPathType: number;
  Name: string;
  ParentObjectPathId?: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
}

interface ActionInfo {
  Id: number;
  ActionType: number;
  Name: string;
  ObjectPathId: number;
  ArgumentInfo?: { Arguments?: unknown[]; ReferencedObjectPathIds?: (number | null)[] };
  QueryInfo?: { Select?: string[]; Expand?: string[]; Top?: number; Skip?: number };
}

/** Excel's limit on a request and on a response (5 MB), applied to the wire's text as the fake applies it to its estimate. */
const PAYLOAD_LIMIT = 5 * 1024 * 1024;

/** The dispatch id of ExecuteRichApiRequestAsync in both host scripts. */
const DISPID_RICH_API = 93;

/** What office.js probes for with typeof and does without: not asking for them is how a host answers. */
const OPTIONAL = ['GetSolutionToken', 'GetCorrelationId', 'GetInstanceId', 'GetTouchEnabled', 'GetCommerceAllowed', 'GetSupportedMatrix', 'GetHostCustomMessage', 'GetHostFullVersion', 'GetDialogRequirementMatrix', 'GetFeaturesForSolution', 'GetInitialDisplayMode', 'GetOfficeThemeInfo', 'WriteAsync'];

class Refused extends Error {
  constructor(readonly code: string, message: string) {
    super(code + ': ' + message);
  }
}

function lowerFirst(s: string): string {
  return s ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

function upperFirst(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export function installBridge(win: Record<string, unknown>, opts: BridgeOptions): Bridge {
  const bridge: Bridge = { requests: [], violations: [], absent: [], inject: null, settingsWrites: 0, settingsTexts: {} };
  const fake = opts.host;
  const parts = opts.hostInfo.split('$');
  const locale = parts[3] || 'zh-CN';
  const ctx = opts.context;
  /** Sheets by the id this host gave them (worksheet.id, and the indexer path office.js builds from it). */
  const sheetIds: { sheet: unknown; id: string }[] = [];
  const sheetId = (sheet: unknown) => {
    for (const s of sheetIds) if (s.sheet === sheet) return s.id;
    const id = '{00000000-0001-0000-0000-' + ('000000000000' + (sheetIds.length + 1)).slice(-12) + '}';
    sheetIds.push({ sheet, id });
    return id;
  };
  const sheetById = (id: string): string | null => {
    for (const s of sheetIds) if (s.id === id) return (s.sheet as { name: string }).name;
    return null;
  };

  /** Objects office.js asked the host to keep (_KeepReference), by the reference id answered for them. */
  const kept = new Map<unknown, string>();
  const byReference: Record<string, unknown> = {};
  keepReference = (obj: unknown) => {
    if (kept.has(obj)) return;
    const id = '{kept-' + (kept.size + 1) + '}';
    kept.set(obj, id);
    byReference[id] = obj;
  };
  releaseReferences = (args: unknown[]) => {
    const ids = ([] as unknown[]).concat(...args.map((a) => (Array.isArray(a) ? a : [a])));
    for (const id of ids) {
      if (typeof id !== 'string' || !(id in byReference)) {
        bridge.violations.push('_RemoveReference of ' + JSON.stringify(id) + ', which was not kept');
        continue;
      }
      kept.delete(byReference[id]);
      delete byReference[id];
    }
  };
  referenced = (id: string) => {
    if (!(id in byReference)) throw new Refused('InvalidObjectPath', 'no object kept as ' + id);
    return byReference[id];
  };

  const settingsApi = {
    Read(keys: string[], values: string[]) {
      const st = fake.state.settings;
      for (const k of Object.keys(st)) {
        keys.push(k);
        values.push(JSON.stringify(st[k]));
      }
    },
    Write(keys: string[], values: string[]) {
      const next: Record<string, unknown> = {};
      bridge.settingsTexts = {};
      for (let i = 0; i < keys.length; i++) {
        next[keys[i]] = JSON.parse(values[i]);
        bridge.settingsTexts[keys[i]] = values[i];
      }
      fake.state.settings = next;
      fake.state.settingsSaved++;
      bridge.settingsWrites++;
    },
  };

  const context: Record<string, unknown> = {
    GetAppType: () => 1,
    GetSolutionRef: () => '{7d0c4b0e-3f1e-4a53-9b52-2f4a9c1c0d11}',
    GetAppVersionMajor: () => 16,
    GetAppVersionMinor: () => 0,
    GetAppUILocale: () => locale,
    GetAppDataLocale: () => locale,
    GetDocUrl: () => 'C:\\台账\\整改台账.xlsx',
    GetAppCapabilities: () => 0,
    GetActivationMode: () => 2,
    GetControlIntegrationLevel: () => 0,
    GetSettings: () => strictObject(settingsApi, 'Settings'),
  };
  if (opts.matrix) context.GetSupportedMatrix = () => opts.matrix;

  function strictObject<T extends object>(target: T, what: string): T {
    return new Proxy(target, {
      get(t, p) {
        if (typeof p === 'symbol' || p in t) return (t as Record<string | symbol, unknown>)[p];
        if (OPTIONAL.indexOf(p) >= 0 || p === 'toJSON' || p === 'then') {
          if (bridge.absent.indexOf(p) < 0) bridge.absent.push(p);
          return undefined;
        }
        bridge.violations.push(what + '.' + p + ' was asked for and this host does not give it');
        return undefined;
      },
    });
  }

  const external = {
    GetHostInfo: () => opts.hostInfo,
    GetLoggingAllowed: () => false,
    GetContext: () => strictObject(context, 'GetContext()'),
    Execute(dispId: number, params: unknown[][], callback: (r: { toArray(): unknown[] }) => void) {
      if (dispId !== DISPID_RICH_API) {
        bridge.violations.push('Execute(' + dispId + ') is not modelled');
        return;
      }
      const body = String(params[0][4]);
      // Answered when the fake's sync has settled, never in the same turn, as Excel answers from its own thread.
      respond(body).then((text) => setTimeout(() => callback({ toArray: () => [0, [200, [], text]] }), 0));
    },
    RegisterEvent(_dispId: number, _target: unknown, _handler: unknown, callback: (r: number) => void) {
      // Office's own events (settings changed, active view): acknowledged; this host never fires them.
      if (typeof callback === 'function') setTimeout(() => callback(0), 0);
    },
    UnregisterEvent(_dispId: number, _target: unknown, callback: (r: number) => void) {
      if (typeof callback === 'function') setTimeout(() => callback(0), 0);
    },
  };

  /** One RichApi request: its JSON body in, the response text out. */
  function respond(body: string): Promise<string> {
    const req = JSON.parse(body) as { Actions: ActionInfo[]; ObjectPaths: Record<string, PathInfo> };
    const paths = req.ObjectPaths || {};
    const actions = req.Actions || [];
    // Office's own bookkeeping (_KeepReference, _RemoveReference) changes nothing in the workbook.
    const writes = actions.filter((a) => (a.ActionType === 3 && a.Name.charAt(0) !== '_') || a.ActionType === 4).length;
    const what: string[] = [];
    for (const a of actions) {
      const name = a.ActionType === 2 ? 'load(' + ((a.QueryInfo && a.QueryInfo.Select) || []).join(',') + ')' : a.ActionType === 1 ? '' : a.Name;
      if (name && what.indexOf(name) < 0) what.push(name);
    }
    const wire: WireRequest = { bytes: body.length, responseBytes: 0, responseUtf8: 0, actions: actions.length, writes, kind: 'excel', what: what.join(' ') };
    bridge.requests.push(wire);
    const finish = (value: unknown) => {
      const out = JSON.stringify(value);
      wire.responseBytes = out.length;
      wire.responseUtf8 = new TextEncoder().encode(out).length;
      return out;
    };
    const fail = (code: string, message: string) => {
      wire.error = code;
      return finish({ Error: { Code: code, Message: message } });
    };
    if (body.length > PAYLOAD_LIMIT) return Promise.resolve(fail('RequestPayloadSizeLimitExceeded', 'The request payload size has exceeded the limit.'));

    // office.js on 16.01 tells the host once that it is ready to handle actions.
    const internal = Object.keys(paths).some((k) => /^Microsoft\.InternalService\./.test(paths[k].Name || ''));
    if (internal) {
      wire.kind = 'internal';
      return Promise.resolve(finish({ Results: actions.map((a) => ({ ActionId: a.Id, Value: a.ActionType === 3 ? null : {} })) }));
    }

    let inj: Injection | null = null;
    if (bridge.inject && (writes > 0 || bridge.inject.reads) && (!bridge.inject.match || new RegExp(bridge.inject.match).test(body))) {
      if (bridge.inject.skip > 0) bridge.inject.skip--;
      else {
        inj = bridge.inject;
        bridge.inject = null;
        inj.fired = bridge.requests.length;
      }
    }

    const c = ctx;
    const describe = (obj: unknown): Record<string, unknown> | null => {
      const out = instantiated(obj, sheetId);
      const ref = kept.get(obj);
      if (out && ref) out._ReferenceId = ref;
      return out;
    };
    const objects: Record<number, unknown> = {};
    const results: { ActionId: number; Value: unknown }[] = [];
    const resolve = (id: number): unknown => {
      if (id in objects) return objects[id];
      const p = paths[String(id)];
      if (!p) throw new Refused('InvalidObjectPath', 'no object path ' + id);
      objects[id] = pathObject(c, p, resolve, sheetById);
      return objects[id];
    };
    try {
      const limit = inj ? (inj.runFirst === 'all' ? actions.length : inj.runFirst) : actions.length;
      for (let i = 0; i < limit; i++) queueAction(c, actions[i], resolve, results, describe);
    } catch (e) {
      // A call refused while queuing (ApiNotFound, not modelled): Excel runs nothing of this batch past it.
      (c as unknown as { queue: unknown[] }).queue = [];
      return Promise.resolve(answerError(e, fail));
    }
    return c.sync().then(
      () => {
        if (inj) return fail(inj.code, inj.code === 'GeneralException' ? 'An internal error has occurred.' : 'The response payload size has exceeded the limit.');
        const out = finish({ Results: results.map((r) => ({ ActionId: r.ActionId, Value: typeof r.Value === 'function' ? (r.Value as () => unknown)() : r.Value })) });
        // Over the limit, the writes have run and the answer is refused, as Excel does.
        return out.length > PAYLOAD_LIMIT ? fail('ResponsePayloadSizeLimitExceeded', 'The response payload size has exceeded the limit.') : out;
      },
      (e) => answerError(e, fail),
    );
  }

  function answerError(e: unknown, fail: (code: string, message: string) => string): string {
    const err = e as { code?: string; message?: string };
    const code = err && err.code ? err.code : 'GeneralException';
    const message = err && err.message ? err.message : String(e);
    const unmodelled = code === 'PropertyNotModelled' || code === 'NotModelled' || code === 'InvalidObjectPath';
    if (unmodelled || !err || !err.code) bridge.violations.push(message);
    return fail(unmodelled ? 'GeneralException' : code, message);
  }

  Object.defineProperty(win, 'external', { value: strictObject(external, 'window.external'), configurable: true });
  return bridge;
}

/** Set by installBridge: keeps an object under a reference id, finds one by it. */
let keepReference: (obj: unknown) => void = () => undefined;
let referenced: (id: string) => unknown = () => undefined;
let releaseReferences: (args: unknown[]) => void = () => undefined;

/** The fake's object for one object path (its parent resolved first). */
function pathObject(c: FakeContext, p: PathInfo, resolve: (id: number) => unknown, sheetById: (id: string) => string | null): unknown {
  const args = argumentsOf(p.ArgumentInfo, resolve);
  const parent = p.ParentObjectPathId !== undefined ? resolve(p.ParentObjectPathId) : null;
  switch (p.ObjectPathType) {
    case 1: // Global: the workbook
      return c.workbook;
    case 4: // Property
      if (p.Name === 'Application' && parent === c.workbook) return application(c);
      return member(parent, lowerFirst(p.Name));
    case 3: // Method
      return call(parent, lowerFirst(p.Name), args);
    case 5: {
      // Indexer: a worksheet by the id this host gave it, or by its name.
      const key = String(args[0]);
      const name = sheetById(key);
      return call(parent, 'getItem', [name !== null ? name : key]);
    }
    case 6: // ReferenceId: an object kept in an earlier request
      return referenced(p.Name);
    default:
      throw new Refused('NotModelled', 'object path type ' + p.ObjectPathType + ' (' + p.Name + ') is not modelled by the stand-in');
  }
}

/**
 * workbook.application, as far as Excel.createWorkbook uses it (application.createWorkbook(base64).open(),
 * ExcelApi 1.8): the fake's own Excel.createWorkbook keeps the workbook and refuses below 1.8.
 */
function application(c: FakeContext): unknown {
  const fakeExcel = c.host.Excel as { createWorkbook(b64?: string): Promise<void> };
  return {
    createWorkbook(base64?: string) {
      c.need('1.8', 'application.createWorkbook');
      return {
        open() {
          c.enqueue(() => void fakeExcel.createWorkbook(base64));
        },
      };
    },
  };
}

function argumentsOf(info: PathInfo['ArgumentInfo'], resolve: (id: number) => unknown): unknown[] {
  const args = (info && info.Arguments) || [];
  const refs = (info && info.ReferencedObjectPathIds) || [];
  return args.map((a, i) => (refs[i] ? resolve(refs[i] as number) : a));
}

function member(obj: unknown, name: string): unknown {
  if (obj === null || obj === undefined) throw new Refused('NotModelled', 'property ' + name + ' of nothing');
  const v = (obj as Record<string, unknown>)[name];
  if (v === undefined) throw new Refused('NotModelled', name + ' is not modelled by the fake Excel');
  return v;
}

function call(obj: unknown, name: string, args: unknown[]): unknown {
  const f = member(obj, name);
  if (typeof f !== 'function') throw new Refused('NotModelled', name + ' is not a method of the fake Excel');
  return (f as (...a: unknown[]) => unknown).apply(obj, args);
}

/** Queues one action on the fake's context; a query's value is read when the sync has run. */
function queueAction(
  c: FakeContext,
  a: ActionInfo,
  resolve: (id: number) => unknown,
  results: { ActionId: number; Value: unknown }[],
  describe: (obj: unknown) => Record<string, unknown> | null,
): void {
  const obj = resolve(a.ObjectPathId);
  switch (a.ActionType) {
    case 1: {
      // Instantiate: the object exists when the sync reaches here; a worksheet says its id.
      let value: unknown = {};
      c.enqueue(() => {
        value = describe(obj);
      });
      results.push({ ActionId: a.Id, Value: () => value });
      return;
    }
    case 2: {
      let select = ((a.QueryInfo && a.QueryInfo.Select) || []).map((s) => s.split('/').map(lowerFirst).join('/'));
      const items = isCollection(obj);
      // 16.01 sends a collection's item properties bare ('name'), 16.00 as the add-in wrote them ('items/name').
      if (items) select = select.map((s) => s.replace(/^items\//, ''));
      const load = items ? select.map((s) => 'items/' + s) : select;
      (obj as { load(p?: string): void }).load(load.length ? load.join(',') : undefined);
      let value: unknown = null;
      c.enqueue(() => {
        value = items
          ? { _Items: ((obj as { items: unknown[] }).items || []).map((it) => Object.assign(describe(it) || {}, readProps(it, select))) }
          : Object.assign(describe(obj) || {}, readProps(obj, select.length ? select : defaultsOf(obj)));
      });
      results.push({ ActionId: a.Id, Value: () => value });
      return;
    }
    case 3: {
      if (a.Name === '_KeepReference') {
        keepReference(obj);
        results.push({ ActionId: a.Id, Value: null });
        return;
      }
      const args = argumentsOf(a.ArgumentInfo, resolve);
      if (a.Name === '_RemoveReference') {
        // Excel.run's end: the references it kept are let go.
        releaseReferences(args);
        results.push({ ActionId: a.Id, Value: null });
        return;
      }
      if (a.Name === '_ValidateArraySize') {
        // office.js asks, before a large values/numberFormat array, that the range has its shape.
        const [rows, cols] = args as number[];
        c.enqueue(() => {
          const b = (obj as { bounds(): { r0: number; c0: number; r1: number; c1: number } }).bounds();
          if (b.r1 - b.r0 + 1 !== rows || b.c1 - b.c0 + 1 !== cols) throw new Refused('InvalidArgument', 'the array is ' + rows + 'x' + cols + ', the range ' + (b.r1 - b.r0 + 1) + 'x' + (b.c1 - b.c0 + 1));
        });
        results.push({ ActionId: a.Id, Value: null });
        return;
      }
      call(obj, lowerFirst(a.Name), args);
      results.push({ ActionId: a.Id, Value: null });
      return;
    }
    case 4: {
      const args = argumentsOf(a.ArgumentInfo, resolve);
      (obj as Record<string, unknown>)[lowerFirst(a.Name)] = args[0];
      results.push({ ActionId: a.Id, Value: null });
      return;
    }
    default:
      throw new Refused('NotModelled', 'action type ' + a.ActionType + ' is not modelled by the stand-in');
  }
}

function isCollection(obj: unknown): boolean {
  try {
    return 'items' in (obj as object) && !('values' in (obj as object));
  } catch (e) {
    return false;
  }
}

function defaultsOf(obj: unknown): string[] {
  const d = (obj as { defaultProps?: () => string[] }).defaultProps;
  return typeof d === 'function' ? d.call(obj) : [];
}

/** An instantiated object as Excel describes it: a worksheet by its id, a missing nullable one as null. */
function instantiated(obj: unknown, sheetId: (sheet: unknown) => string): Record<string, unknown> | null {
  if ('sheet' in (obj as object) && 'position' in (obj as object)) {
    let sheet: unknown;
    try {
      sheet = (obj as { sheet(): unknown }).sheet();
    } catch (e) {
      if ((obj as { nullable?: boolean }).nullable) return null;
      throw e;
    }
    return { Id: sheetId(sheet) };
  }
  return {};
}

/** The selected properties of a loaded fake object, PascalCase and nested as the wire has them. */
function readProps(obj: unknown, select: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const path of select) {
    const steps = path.split('/');
    let src = obj as Record<string, unknown>;
    let dst = out;
    for (let i = 0; i < steps.length - 1; i++) {
      src = src[steps[i]] as Record<string, unknown>;
      const key = upperFirst(steps[i]);
      dst = (dst[key] = (dst[key] as Record<string, unknown>) || {}) as Record<string, unknown>;
    }
    const last = steps[steps.length - 1];
    dst[upperFirst(last)] = src[last];
  }
  return out;
}
