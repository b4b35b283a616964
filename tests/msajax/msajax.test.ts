/**
 * src/msajax/msajax.js, our own MS Ajax subset (docs/deploy.md), run as the browser runs it: the very
 * file, in a fresh global (node's vm) with a window, a navigator and a document. One block per thing
 * office.js and its Excel host scripts use; then the host scripts' own isMsAjaxLoaded test, taken
 * from the copied files, must pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as vm from 'vm';

const ROOT = path.resolve(__dirname, '../..');
const SOURCE = fs.readFileSync(path.join(ROOT, 'src/msajax/msajax.js'), 'utf8');
const OFFICE = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');

const IE11 = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
const CHROME = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36';

interface Page {
  [k: string]: unknown;
  logged: string[];
  trace: { tagName: string; value: string };
}

/** A fresh global with the shim loaded; `run` evaluates code in it. */
function load(userAgent = IE11): { page: Page; run: <T>(code: string) => T } {
  const logged: string[] = [];
  const trace = { tagName: 'TEXTAREA', value: '' };
  const page = {
    logged,
    trace,
    navigator: { userAgent },
    console: { log: (s: string) => logged.push(s) },
    document: { documentMode: 11, getElementById: (id: string) => (id === 'TraceConsole' ? trace : null) },
  } as unknown as Page;
  const context = vm.createContext(page);
  vm.runInContext('var window = this;', context);
  vm.runInContext(SOURCE, context, { filename: 'msajax.js' });
  return { page, run: <T>(code: string) => vm.runInContext(code, context) as T };
}

describe('the checks office.js and the host scripts make', () => {
  test.each([
    ['excel-win32-16.00.js', 'Excel 2016 (16.00)'],
    ['excel-win32-16.01.js', 'Excel 2019 and later (16.01)'],
  ])('%s (%s) finds MS Ajax loaded, so it never fetches it', (file) => {
    const { run } = load();
    const src = fs.readFileSync(path.join(OFFICE, file), 'utf8');
    const marker = 'OsfMsAjaxFactory=new OfficeExt.MicrosoftAjaxFactory';
    const at = src.indexOf(marker);
    expect(at).toBeGreaterThan(0);
    // The file's opening, up to its MicrosoftAjaxFactory: it defines isMsAjaxLoaded and needs nothing else.
    run(src.slice(0, at + marker.length) + ';');
    expect(run<boolean>('OsfMsAjaxFactory.isMsAjaxLoaded()')).toBe(true);
    // Its accessors hand out our Error, Sys.Debug and serializer.
    expect(run<boolean>('OsfMsAjaxFactory.msAjaxError === Error && OsfMsAjaxFactory.msAjaxDebug === Sys.Debug')).toBe(true);
    expect(run<string>('OsfMsAjaxFactory.msAjaxError.parameterCount("Too many").name')).toBe('Sys.ParameterCountException');
  });

  test('office.js’s own test (Sys.StringBuilder, Type.registerNamespace, Type.registerClass are functions)', () => {
    const { run } = load();
    expect(run<string>('[typeof Sys.StringBuilder, typeof Type.registerNamespace, typeof Type.registerClass, typeof Function._validateParams].join()')).toBe(
      'function,function,function,function',
    );
    expect(run<boolean>('Type === Function')).toBe(true);
  });
});

describe('Type.registerNamespace and registerClass', () => {
  test('creates nested namespaces once and keeps what is there', () => {
    const { run } = load();
    run('var OSF = { keep: 1 }; Type.registerNamespace("OSF.DDA.Settings");');
    expect(run<number>('OSF.keep')).toBe(1);
    expect(run<string>('typeof OSF.DDA.Settings')).toBe('object');
    expect(run<string>('OSF.DDA.__typeName')).toBe('OSF.DDA');
    run('OSF.DDA.Settings.x = 5; Type.registerNamespace("OSF.DDA.Settings");');
    expect(run<number>('OSF.DDA.Settings.x')).toBe(5);
    expect(run<boolean>('Type.isNamespace(OSF.DDA)')).toBe(true);
    expect(() => run('Type.registerNamespace("")')).toThrow(/Sys.ArgumentException/);
    expect(() => run('Type.registerNamespace("a..b")')).toThrow(/Invalid namespace name: a..b/);
  });

  test('names a class, records its base, inherits base members, and answers isInstanceOfType', () => {
    const { run } = load();
    run(`
      function Base() {} Base.prototype.hello = function () { return 'base'; }; Base.prototype.both = function () { return 'base'; };
      Base.registerClass('My.Base');
      function Derived() {} Derived.prototype.both = function () { return 'derived'; };
      Derived.registerClass('My.Derived', Base);
      var d = new Derived();
    `);
    expect(run<string>('Derived.getName()')).toBe('My.Derived');
    expect(run<boolean>('Derived.getBaseType() === Base')).toBe(true);
    expect(run<boolean>('Base.getBaseType() === Object')).toBe(true);
    expect(run<string>('d.hello() + "/" + d.both()')).toBe('base/derived');
    expect(run<boolean>('Derived.inheritsFrom(Base)')).toBe(true);
    expect(run<boolean>('Base.inheritsFrom(Derived)')).toBe(false);
    expect(run<boolean>('Base.isInstanceOfType(d)')).toBe(true);
    expect(run<boolean>('Derived.isInstanceOfType(new Base())')).toBe(false);
    expect(run<boolean>('String.isInstanceOfType("x") && Number.isInstanceOfType(3) && !String.isInstanceOfType(3)')).toBe(true);
    expect(run<boolean>('Base.isInstanceOfType(null)')).toBe(false);
    expect(run<string>('Object.getTypeName("x") + "," + Object.getTypeName(d) + "," + Object.getTypeName({})')).toBe('String,My.Derived,Object');
    expect(() => run('(function () {}).registerClass("")')).toThrow(/class name is required/);
  });
});

describe('Function._validateParams and its parts', () => {
  const { run } = load();
  /** Validates `args` (a JS array literal) against `spec` (a JS literal) and returns the error name, or null. */
  const check = (args: string, spec: string, count = 'undefined') =>
    run<string | null>(`(function () { var e = Function._validateParams(${args}, ${spec}, ${count}); return e ? e.name + ': ' + e.message : null; })()`);

  test('accepts what matches', () => {
    expect(check('["a", 1, function () {}]', '[{ name: "s", type: String }, { name: "n", type: Number }, { name: "f", type: Function }]')).toBeNull();
    expect(check('[null]', '[{ name: "x", type: Object, mayBeNull: true }]')).toBeNull();
    expect(check('[5]', '[{ name: "x", type: Object }]')).toBeNull();
    expect(check('[[1, 2]]', '[{ name: "list", type: Array, elementType: Number }]')).toBeNull();
    expect(check('["a"]', '[{ name: "a", type: String }, { name: "b", type: String, optional: true }]')).toBeNull();
    expect(check('["a", "b", "c"]', '[{ name: "first", type: String }, { name: "rest", type: String, parameterArray: true }]')).toBeNull();
  });

  test('reports each kind of mismatch as MS Ajax names it', () => {
    expect(check('[undefined]', '[{ name: "x" }]')).toBe('Sys.ArgumentUndefinedException: Sys.ArgumentUndefinedException: Value cannot be undefined.\nParameter name: x');
    expect(check('[null]', '[{ name: "x", type: String }]')).toMatch(/^Sys.ArgumentNullException: .*\nParameter name: x$/);
    expect(check('[3]', '[{ name: "queryString", type: String }]')).toBe(
      "Sys.ArgumentTypeException: Sys.ArgumentTypeException: Object of type 'Number' cannot be converted to type 'String'.\nParameter name: queryString",
    );
    expect(check('[1.5]', '[{ name: "n", type: Number, integer: true }]')).toMatch(/^Sys.ArgumentOutOfRangeException: .*Actual value was 1.5./s);
    expect(check('[[1, "x"]]', '[{ name: "list", type: Array, elementType: Number }]')).toMatch(/Parameter name: list\[1\]$/);
    expect(check('[]', '[{ name: "x" }]')).toMatch(/^Sys.ParameterCountException/);
    expect(check('[1, 2]', '[{ name: "x" }]')).toMatch(/^Sys.ParameterCountException/);
    // Extra arguments are fine when the count is not checked.
    expect(check('[1, 2]', '[{ name: "x" }]', 'false')).toBeNull();
    expect(check('[{ nodeType: 3 }]', '[{ name: "el", domElement: true }]')).toMatch(/^Sys.ArgumentException: .*DOM element/s);
    expect(check('[{ nodeType: 1 }]', '[{ name: "el", domElement: true }]')).toBeNull();
  });

  test('_validateParameter checks one value against one description (as OSF.OUtil.validateParamObject calls it)', () => {
    expect(run<string>('Function._validateParameter("x", { type: Number }, "count").paramName')).toBe('count');
    expect(run<null>('Function._validateParameter(2, { type: Number }, "count")')).toBeNull();
    expect(run<null>('Function._validateParameterType(undefined, String, false, false, true, "p")')).toBeNull();
    expect(run<string>('Function._validateParameterCount([], [{ name: "a" }], true).name')).toBe('Sys.ParameterCountException');
  });
});

describe('Function.createDelegate and createCallback', () => {
  test('a delegate calls the method on its instance with the call’s arguments', () => {
    const { run } = load();
    expect(run<string>('var o = { p: "o" }; Function.createDelegate(o, function (a, b) { return this.p + a + b; })(1, 2)')).toBe('o12');
    expect(() => run('Function.createDelegate({}, 5)')).toThrow(/Sys.ArgumentTypeException/);
  });

  test('a callback appends its context to the call’s arguments', () => {
    const { run } = load();
    expect(run<string>('Function.createCallback(function () { return Array.prototype.join.call(arguments, ","); }, "ctx")("a", "b")')).toBe('a,b,ctx');
    expect(run<string>('Function.createCallback(function (c) { return c; }, "only")()')).toBe('only');
  });
});

describe('Error factories', () => {
  const { run } = load();
  test.each([
    ['Error.argument("p", "bad")', 'Sys.ArgumentException', 'Sys.ArgumentException: bad\nParameter name: p'],
    ['Error.argumentNull("p")', 'Sys.ArgumentNullException', 'Sys.ArgumentNullException: Value cannot be null.\nParameter name: p'],
    ['Error.argumentOutOfRange("p", 7)', 'Sys.ArgumentOutOfRangeException', 'Sys.ArgumentOutOfRangeException: Specified argument was out of the range of valid values.\nParameter name: p\nActual value was 7.'],
    ['Error.argumentType("p", Number, String)', 'Sys.ArgumentTypeException', "Sys.ArgumentTypeException: Object of type 'Number' cannot be converted to type 'String'.\nParameter name: p"],
    ['Error.argumentUndefined("p")', 'Sys.ArgumentUndefinedException', 'Sys.ArgumentUndefinedException: Value cannot be undefined.\nParameter name: p'],
    ['Error.parameterCount()', 'Sys.ParameterCountException', 'Sys.ParameterCountException: Parameter count mismatch.'],
    ['Error.invalidOperation("not now")', 'Sys.InvalidOperationException', 'Sys.InvalidOperationException: not now'],
    ['Error.notImplemented()', 'Sys.NotImplementedException', 'Sys.NotImplementedException: The method or operation is not implemented.'],
  ])('%s', (expr, name, message) => {
    expect(run<string>(`(${expr}).name`)).toBe(name);
    expect(run<string>(`(${expr}).message`)).toBe(message);
    expect(run<boolean>(`(${expr}) instanceof Error`)).toBe(true);
  });

  test('Error.create copies the extra fields; popStackFrame changes nothing outside Firefox', () => {
    expect(run<string>('var e = Error.create("m", { name: "X", paramName: "p" }); e.name + e.paramName + e.message')).toBe('Xpm');
    expect(run<string>('var e2 = new Error("s"); var before = e2.stack; e2.popStackFrame(); String(e2.stack === before)')).toBe('true');
    // With Firefox's fileName and lineNumber, the frame that made the error is dropped.
    expect(
      run<string>('var f = { stack: "make@a.js:10\\ncaller@b.js:20", fileName: "a.js", lineNumber: 10 }; Error.prototype.popStackFrame.call(f); f.fileName + ":" + f.lineNumber + "|" + f.stack'),
    ).toBe('b.js:20|caller@b.js:20');
  });
});

describe('String.format', () => {
  test('fills numbered holes; doubled braces are literal; missing values are empty', () => {
    const { run } = load();
    expect(run<string>('String.format("{0} of {1}", 3, 10)')).toBe('3 of 10');
    expect(run<string>('String.format("{1}{0}{1}", "a", "b")')).toBe('bab');
    expect(run<string>('String.format("{{0}} {0}", "x")')).toBe('{0} x');
    expect(run<string>('String.format("[{0}]")')).toBe('[]');
  });
});

describe('Sys.StringBuilder', () => {
  test('appends, joins with a separator, clears', () => {
    const { run } = load();
    run('var sb = new Sys.StringBuilder("a"); sb.append("b").append(null).append(""); sb.appendLine("c");');
    expect(run<string>('sb.toString()')).toBe('abc\r\n');
    expect(run<string>('sb.toString("|")')).toBe('a|b|c|\r\n');
    expect(run<boolean>('sb.isEmpty()')).toBe(false);
    run('sb.clear()');
    expect(run<boolean>('sb.isEmpty()')).toBe(true);
    expect(run<string>('new Sys.StringBuilder().toString()')).toBe('');
    expect(run<string>('Sys.StringBuilder.getName()')).toBe('Sys.StringBuilder');
  });
});

describe('Sys.Serialization.JavaScriptSerializer', () => {
  test('serializes as JSON, with dates as "\\/Date(ms)\\/", skipping functions and undefined', () => {
    const { run } = load();
    expect(run<string>('Sys.Serialization.JavaScriptSerializer.serialize({ a: 1, b: "x\\"y", c: [true, null], d: undefined, f: function () {} })')).toBe(
      '{"a":1,"b":"x\\"y","c":[true,null]}',
    );
    expect(run<string>('Sys.Serialization.JavaScriptSerializer.serialize(new Date(Date.UTC(2022, 5, 30)))')).toBe('"\\/Date(1656547200000)\\/"');
    expect(run<string>('Sys.Serialization.JavaScriptSerializer.serialize("整改")')).toBe('"整改"');
    expect(run<string>('Sys.Serialization.JavaScriptSerializer.serialize(NaN)')).toBe('null');
  });

  test('deserializes JSON (never by eval), dates back into Dates, and rejects what is not JSON', () => {
    const { run } = load();
    expect(run<number>('Sys.Serialization.JavaScriptSerializer.deserialize(\'{"when":"\\\\/Date(1656547200000)\\\\/"}\', true).when.getTime()')).toBe(1656547200000);
    expect(run<string>('JSON.stringify(Sys.Serialization.JavaScriptSerializer.deserialize(\'{"a":[1,"b"]}\'))')).toBe('{"a":[1,"b"]}');
    expect(() => run('Sys.Serialization.JavaScriptSerializer.deserialize("alert(1)")')).toThrow(/valid JSON/);
    expect(() => run('Sys.Serialization.JavaScriptSerializer.deserialize("")')).toThrow(/empty string/);
    // A round trip of the shape office.js stores its settings in.
    expect(run<string>('var S = Sys.Serialization.JavaScriptSerializer; JSON.stringify(S.deserialize(S.serialize({ "taizhang.options": "{\\"start\\":\\"2022-03-01\\"}" })))')).toBe(
      '{"taizhang.options":"{\\"start\\":\\"2022-03-01\\"}"}',
    );
  });
});

describe('Sys.Debug', () => {
  test('trace writes to the console and to a TraceConsole textarea; assert and fail throw', () => {
    const { page, run } = load();
    run('Sys.Debug.trace("one"); Sys.Debug.trace("two")');
    expect(page.logged).toEqual(['one', 'two']);
    expect(page.trace.value).toBe('one\ntwo\n');
    run('Sys.Debug.clearTrace()');
    expect(page.trace.value).toBe('');
    expect(() => run('Sys.Debug.assert(false, "broken")')).toThrow('Assertion Failed: broken');
    expect(() => run('Sys.Debug.assert(true, "fine")')).not.toThrow();
    expect(() => run('Sys.Debug.fail("stop")')).toThrow('stop');
  });
});

describe('Sys.Browser', () => {
  test('IE11 (Trident, no MSIE in its agent string) is InternetExplorer 11', () => {
    const { run } = load(IE11);
    expect(run<boolean>('Sys.Browser.agent === Sys.Browser.InternetExplorer')).toBe(true);
    expect(run<number>('Sys.Browser.version')).toBe(11);
    expect(run<number>('Sys.Browser.documentMode')).toBe(11);
    expect(run<string>('Sys.Browser.name')).toBe('Microsoft Internet Explorer');
  });

  test('IE10 by its MSIE token, Chromium as Safari (WebKit), Firefox by name', () => {
    expect(load('Mozilla/5.0 (compatible; MSIE 10.0; Windows NT 6.1; Trident/6.0)').run<number>('Sys.Browser.version')).toBe(10);
    const chrome = load(CHROME);
    expect(chrome.run<boolean>('Sys.Browser.agent === Sys.Browser.Safari')).toBe(true);
    expect(chrome.run<number>('Sys.Browser.version')).toBe(537.36);
    expect(load('Mozilla/5.0 (Windows NT 10.0; rv:115.0) Gecko/20100101 Firefox/115.0').run<string>('Sys.Browser.name')).toBe('Firefox');
    expect(load('').run<null>('Sys.Browser.agent')).toBeNull();
  });
});

describe('what it adds to built-in prototypes', () => {
  test('is not enumerable, like the engine’s own methods', () => {
    const { run } = load();
    expect(run<string[]>('(function () { var seen = []; for (var k in function () {}) seen.push(k); for (var e in new Error("x")) seen.push(e); return seen; })()')).toEqual([]);
    expect(run<string>('typeof (function () {}).registerClass + typeof new Error("x").popStackFrame')).toBe('functionfunction');
  });
});
