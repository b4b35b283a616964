/**
 * scripts/office-js.js: the office.js files the build copies, and the transform that keeps them from
 * reaching any other origin (docs/deploy.md, "office.js"). Run on the real @microsoft/office-js files;
 * a pattern that is gone, or a new foreign host, must throw (the build fails on it).
 */
import * as fs from 'fs';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const officeJs = require('../../scripts/office-js') as {
  OFFICE_FILES: string[];
  RULES: { id: string; in: string[] }[];
  ALLOWED_HOSTS: Record<string, string>;
  MSAJAX_URL: string;
  hostsIn(text: string): string[];
  transformOfficeFile(rel: string, text: string): string;
};

const ROOT = path.resolve(__dirname, '../..');
const OFFICE = path.join(ROOT, 'node_modules/@microsoft/office-js/dist');
const read = (rel: string) => fs.readFileSync(path.join(OFFICE, rel), 'utf8');

/** The files OFFICE_FILES selects (globs of one '*'), as the build copies them. */
function copiedFiles(): string[] {
  const out: string[] = [];
  for (const pattern of officeJs.OFFICE_FILES) {
    const dir = path.posix.dirname(pattern);
    const base = path.posix.basename(pattern);
    const re = new RegExp('^' + base.replace(/[.]/g, '\\.').replace('*', '.*') + '$');
    const names = fs.readdirSync(path.join(OFFICE, dir)).filter((f) => re.test(f) && !/\.debug\.js$/.test(f));
    names.forEach((n) => out.push(dir === '.' ? n : dir + '/' + n));
  }
  return out.sort();
}

describe('the transform on the real office.js files', () => {
  const files = copiedFiles();

  test('copies the Win32 16.00 and 16.01 host scripts, the 2013 map and both languages, and no telemetry', () => {
    expect(files).toEqual(
      expect.arrayContaining(['office.js', 'excel-win32-16.00.js', 'excel-win32-16.01.js', 'o15apptofilemappingtable.js', 'zh-cn/office_strings.js', 'en-us/office_strings.js']),
    );
    expect(files.filter((f) => /telemetry|aria/.test(f))).toEqual([]);
    expect(files.length).toBe(17);
  });

  test.each(copiedFiles())('%s: after the transform it names no host outside the allowed links', (rel) => {
    const out = officeJs.transformOfficeFile(rel, read(rel));
    expect(out).not.toMatch(/aspnetcdn|oaspapps|msauth\.net/);
    for (const h of officeJs.hostsIn(out)) expect(Object.keys(officeJs.ALLOWED_HOSTS)).toContain(h);
  });

  test('the 16.00 host script fetches MS Ajax from our origin if ever, and opens no telemetry frame', () => {
    const src = read('excel-win32-16.00.js');
    expect(src).toContain('"//ajax.aspnetcdn.com/ajax/3.5/MicrosoftAjax.js"');
    expect(src).toContain('"https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html"');
    const out = officeJs.transformOfficeFile('excel-win32-16.00.js', src);
    expect(out).toContain('msAjaxCDNPath="msajax.js"');
    expect(out).toContain('loadMsAjaxFull=function(n){var t="msajax.js";');
    expect(out).toMatch(/\.prototype\.loadProxyFrame=function\(\)\{return;var /);
    expect(out).toContain('telemetryEndPoint="about:blank"');
    // Nothing else changed: the output is the input less exactly these replacements.
    expect(src.length - out.length).toBe(283);
  });

  test('office.js never loads its telemetry sink (OTelLogger off) and has no CDN fallback', () => {
    const src = read('office.js');
    const out = officeJs.transformOfficeFile('office.js', src);
    expect(src).toMatch(/\.promises=\[\];\w+\.Enabled=true;return/);
    expect(out).toMatch(/\.promises=\[\];\w+\.Enabled=false;return/);
    expect(out).toContain('var C="msajax.js";');
  });

  test('the 16.01 host script keeps no MSAL CDN address', () => {
    const out = officeJs.transformOfficeFile('excel-win32-16.01.js', read('excel-win32-16.01.js'));
    expect(out).toContain('e.msal=null,');
  });
});

describe('the transform fails the build when what it replaces is gone', () => {
  test('a pattern missing from a file that must have it throws, naming the rule and the file', () => {
    const src = read('office.js').replace(/\.Enabled=true;return/, '.Enabled=!0;return');
    expect(() => officeJs.transformOfficeFile('office.js', src)).toThrow(/"otel-sink": its pattern is gone from office\.js/);
    const frame = read('excel-win32-16.00.js').replace(/\.prototype\.loadProxyFrame=function/, '.prototype.openProxyFrame=function');
    expect(() => officeJs.transformOfficeFile('excel-win32-16.00.js', frame)).toThrow(/"uls-proxy-frame"/);
  });

  test('a CDN address written differently is left over, and that throws too', () => {
    const src = read('excel-web-16.00.js').replace('("https:"===window.location.protocol.toLowerCase()?"https:":"http:")+"//ajax', '"https://ajax');
    expect(() => officeJs.transformOfficeFile('excel-web-16.00.js', src)).toThrow(/still names ajax\.aspnetcdn\.com/);
  });

  test('a new host in a copied file throws', () => {
    expect(() => officeJs.transformOfficeFile('excel-15.js', read('excel-15.js') + ';var x="https://browser.events.data.microsoft.com/OneCollector/1.0/";')).toThrow(
      /browser\.events\.data\.microsoft\.com/,
    );
  });

  test('the webpack config runs this transform on every office.js file it copies', async () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const config = await (require('../../webpack.config.js') as (env: unknown, argv: unknown) => Promise<{ plugins: unknown[] }>)({}, { mode: 'production' });
    const copy = config.plugins.filter((p) => (p as { constructor: { name: string } }).constructor.name === 'CopyPlugin')[0] as {
      patterns: { from: string; context?: string; transform?: { transformer: (c: Buffer, from: string) => string } }[];
    };
    const office = copy.patterns.filter((p) => p.context === OFFICE);
    expect(office.map((p) => p.from).sort()).toEqual(officeJs.OFFICE_FILES.slice().sort());
    for (const p of office) expect(typeof (p.transform && p.transform.transformer)).toBe('function');
    const transformer = office.filter((p) => p.from === 'office.js')[0].transform!.transformer;
    const broken = Buffer.from(read('office.js').replace(/\.Enabled=true;return/, '.Enabled=1;return'));
    expect(() => transformer(broken, path.join(OFFICE, 'office.js'))).toThrow(/otel-sink/);
    // Our MS Ajax and the help page are copied too.
    expect(copy.patterns.map((p) => p.from)).toEqual(expect.arrayContaining(['src/msajax/msajax.js', 'src/taskpane/help.html']));
  });
});

describe('dist/ (npm test builds it first)', () => {
  const DIST = path.join(ROOT, 'dist');

  test('holds every file office.js loads for Win32 16.00 and 16.01 in zh-CN and en-US, and our MS Ajax before office.js', () => {
    for (const f of ['msajax.js', 'office-js/office.js', 'office-js/excel-win32-16.00.js', 'office-js/excel-win32-16.01.js', 'office-js/o15apptofilemappingtable.js', 'office-js/zh-cn/office_strings.js', 'office-js/en-us/office_strings.js']) {
      expect(fs.existsSync(path.join(DIST, f))).toBe(true);
    }
    expect(fs.existsSync(path.join(DIST, 'office-js/telemetry'))).toBe(false);
    const html = fs.readFileSync(path.join(DIST, 'taskpane.html'), 'utf8');
    const scripts = (html.match(/<script[^>]*src="[^"]+"/g) || []).map((t) => (/src="([^"]+)"/.exec(t) as RegExpExecArray)[1]);
    expect(scripts.slice(0, 2)).toEqual(['msajax.js', 'office-js/office.js']);
    expect(fs.readFileSync(path.join(DIST, 'msajax.js'), 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'src/msajax/msajax.js'), 'utf8'));
  });

  /** Our bundle's own names that look like hosts and are never fetched. */
  const BUNDLE_LINKS: Record<string, string> = {
    'github.com': 'core-js licence notice in taskpane.js',
    'schemas.openxmlformats.org': 'XML namespace names in the .xlsx writer (xlsxlite)',
    'schemas.microsoft.com': 'XML namespace names in the .xlsx writer',
    'purl.org': 'XML namespace names in the .xlsx writer',
    'www.w3.org': 'XML namespace names in the .xlsx writer',
  };

  test('names no host outside the allowed links in any script it serves', () => {
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).reduce<string[]>((acc, e) => acc.concat(e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]), []);
    const scripts = walk(DIST).filter((f) => /\.js$/.test(f));
    expect(scripts.length).toBeGreaterThan(18);
    for (const f of scripts) {
      const hosts = officeJs.hostsIn(fs.readFileSync(f, 'utf8')).filter((h) => !(h in officeJs.ALLOWED_HOSTS) && !(h in BUNDLE_LINKS));
      expect([path.relative(DIST, f), hosts]).toEqual([path.relative(DIST, f), []]);
    }
  });
});
