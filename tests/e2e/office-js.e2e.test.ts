/**
 * The built pane with the REAL office.js from dist/ (telemetry neutralized, our MS Ajax first), in
 * headless Chromium, as Excel 2016 (16.00), as Excel 2019 and later (16.01), and with no host at all.
 * No Excel answers here, which is the point: this is the pane on an intranet where Office never
 * answers, or opened in a plain browser. Each page waits 15 s (office.js's telemetry frame used to
 * open after 3 s); no request may leave the pane's origin, and the pane must say something readable.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { Page } from 'playwright-core';
import { ARTIFACTS, Browser, DIST, describeInBrowser, foreign, launch, serve } from './helpers';

const WAIT_MS = 15000;

interface Visit {
  name: string;
  query: string;
  requests: string[];
  failed: string[];
  errors: string[];
  console: string[];
  frames: string[];
  message: string;
  texts: { title: string; check: string; options: string; lang: string };
  /** 对比上期's chunk, loaded after the wait into the page the real office.js set up (Win32 hosts). */
  chunk: { loaded: boolean; registered: boolean; requests: string[]; errors: string[] } | null;
}

/** The lazy chunk 对比上期 fetches (webpack.config.js chunkFilename), as the build named it. */
const COMPARE_CHUNK = () => fs.readdirSync(DIST).filter((f) => /^compare\.[0-9a-f]+\.js$/.test(f))[0];

const CASES = [
  { name: 'win32-16.00-zh', query: '?_host_Info=Excel$Win32$16.00$zh-CN$$$$0' },
  { name: 'win32-16.01-en', query: '?_host_Info=Excel$Win32$16.01$en-US$$$$0' },
  { name: 'win32-16.01-zh', query: '?_host_Info=Excel$Win32$16.01$zh-CN$$$$0' },
  { name: 'win32-16.00-en', query: '?_host_Info=Excel$Win32$16.00$en-US$$$$0' },
  { name: 'no-host', query: '' },
];

describeInBrowser('the real office.js in headless Chromium', () => {
  let server: http.Server;
  let browser: Browser;
  let origin: string;
  const visits: Record<string, Visit> = {};

  async function visit(name: string, query: string): Promise<Visit> {
    const page: Page = await browser.context.newPage();
    const v: Visit = { name, query, requests: [], failed: [], errors: [], console: [], frames: [], message: '', texts: { title: '', check: '', options: '', lang: '' }, chunk: null };
    page.on('request', (r) => v.requests.push(r.url()));
    page.on('response', (r) => {
      if (r.status() >= 400) v.failed.push(r.status() + ' ' + r.url());
    });
    page.on('requestfailed', (r) => v.failed.push('failed ' + r.url()));
    page.on('pageerror', (e) => v.errors.push(String(e)));
    page.on('console', (m) => v.console.push(m.type() + ': ' + m.text()));
    await page.goto(origin + '/taskpane.html' + query);
    await page.waitForTimeout(WAIT_MS);
    v.frames = page.frames().map((f) => f.url());
    v.message = await page.$eval('#tz-message', (e) => ((e as HTMLElement).hidden ? '' : e.textContent || ''));
    v.texts = await page.evaluate(() => ({
      title: document.getElementById('tz-title')!.textContent || '',
      check: document.getElementById('tz-check')!.textContent || '',
      options: (document.querySelector('[data-text="options"]') as HTMLElement).textContent || '',
      lang: document.documentElement.getAttribute('lang') || '',
    }));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'office-js-' + name + '.png'), fullPage: true });
    if (/^win32/.test(name)) {
      // No Excel answers here, so no button runs: the chunk is added as webpack's loader adds it,
      // into the page the real office.js and its host script set up, and must register with our runtime.
      const first = v.requests.length;
      const errorsBefore = v.errors.length;
      const got = await page.evaluate(
        (src) =>
          new Promise<{ loaded: boolean; registered: boolean }>((resolve) => {
            const w = window as unknown as { webpackChunktaizhang?: unknown[] };
            const before = (w.webpackChunktaizhang || []).length;
            const tag = document.createElement('script');
            tag.src = src;
            // Our runtime replaced the array's push with its loader: the chunk went through it.
            const runtime = !!w.webpackChunktaizhang && w.webpackChunktaizhang.push !== Array.prototype.push;
            tag.onload = () => resolve({ loaded: true, registered: runtime && (w.webpackChunktaizhang || []).length === before + 1 });
            tag.onerror = () => resolve({ loaded: false, registered: false });
            document.head.appendChild(tag);
          }),
        COMPARE_CHUNK(),
      );
      v.chunk = { ...got, requests: v.requests.slice(first), errors: v.errors.slice(errorsBefore) };
      v.requests = v.requests.slice(0, first);
    }
    await page.close();
    return v;
  }

  beforeAll(async () => {
    server = await serve(DIST);
    origin = 'http://localhost:' + (server.address() as AddressInfo).port;
    browser = await launch();
    // Every request the browser makes, from any page or frame, is counted below too.
    const all: string[] = [];
    browser.context.on('request', (r) => all.push(r.url()));
    const done = await Promise.all(CASES.map((c) => visit(c.name, c.query)));
    done.forEach((v) => (visits[v.name] = v));
    visits.all = { ...done[0], name: 'all', requests: all };
  }, WAIT_MS + 40000);

  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
  });

  it('no request leaves the pane’s origin, from any page or frame', () => {
    expect(visits.all.requests.length).toBeGreaterThan(20);
    expect(foreign(visits.all.requests, origin)).toEqual([]);
    for (const c of CASES) expect([c.name, foreign(visits[c.name].requests, origin)]).toEqual([c.name, []]);
  });

  it('every file office.js asks for is served (no 404), and telemetry is never asked for', () => {
    for (const c of CASES) {
      expect([c.name, visits[c.name].failed]).toEqual([c.name, []]);
      expect(visits[c.name].requests.filter((u) => /telemetry|aria|oteljs/i.test(u))).toEqual([]);
    }
  });

  it('loads our MS Ajax before office.js, then the host script and strings that the host information names', () => {
    const paths = (name: string) => visits[name].requests.map((u) => u.slice(origin.length).split('?')[0]).filter((p) => /\.js$/.test(p));
    expect(paths('win32-16.00-zh')).toEqual(['/msajax.js', '/office-js/office.js', '/taskpane.js', '/office-js/excel-win32-16.00.js', '/office-js/zh-cn/office_strings.js']);
    expect(paths('win32-16.01-en')).toEqual(['/msajax.js', '/office-js/office.js', '/taskpane.js', '/office-js/excel-win32-16.01.js', '/office-js/en-us/office_strings.js']);
    expect(paths('win32-16.01-zh')).toEqual(['/msajax.js', '/office-js/office.js', '/taskpane.js', '/office-js/excel-win32-16.01.js', '/office-js/zh-cn/office_strings.js']);
    expect(paths('win32-16.00-en')).toEqual(['/msajax.js', '/office-js/office.js', '/taskpane.js', '/office-js/excel-win32-16.00.js', '/office-js/en-us/office_strings.js']);
    expect(paths('no-host')).toEqual(['/msajax.js', '/office-js/office.js', '/taskpane.js', '/office-js/o15apptofilemappingtable.js']);
  });

  it('the 16.00 host script finds MS Ajax (no "Not able to load MicrosoftAjax.js") and opens no telemetry frame', () => {
    for (const c of CASES) {
      const said = visits[c.name].errors.concat(visits[c.name].console).join('\n');
      expect(said).not.toMatch(/MicrosoftAjax|Not able to load/i);
      expect([c.name, visits[c.name].frames]).toEqual([c.name, [origin + '/taskpane.html' + c.query]]);
    }
  });

  it('says in one line that Excel did not answer, and what to do, in the host’s language', () => {
    expect(visits['win32-16.00-zh'].message).toBe('Excel 没有响应：请在 Excel 中打开本加载项（插入 > 我的加载项 > 共享文件夹），并确认能访问加载项服务器 ' + origin + '。');
    expect(visits['win32-16.01-zh'].message).toBe(visits['win32-16.00-zh'].message);
    const en = 'Excel did not answer: open this add-in from Excel (Insert > My Add-ins > Shared Folder) and check that the add-in server ' + origin + ' is reachable.';
    expect(visits['win32-16.01-en'].message).toBe(en);
    expect(visits['win32-16.00-en'].message).toBe(en);
  });

  it('对比上期’s chunk loads from this origin beside the real office.js of Excel 2016 and 2019, and registers with the pane’s runtime', () => {
    for (const c of CASES.filter((x) => /^win32/.test(x.name))) {
      expect([c.name, visits[c.name].chunk]).toEqual([c.name, { loaded: true, registered: true, requests: [origin + '/' + COMPARE_CHUNK()], errors: [] }]);
    }
  });

  it('outside Office (no host information) it says to open it in Excel', () => {
    expect(visits['no-host'].message).toBe('请在 Excel 中打开本加载项：插入 > 我的加载项 > 共享文件夹 > 整改台账助手（Excel 2021 和 Microsoft 365 也可以点 开始 > 台账助手）。');
  });

  it('every label is filled in before Office answers', () => {
    expect(visits['win32-16.00-zh'].texts).toEqual({ title: '整改台账助手', check: '检查', options: '检查选项', lang: 'zh-CN' });
    expect(visits['win32-16.01-en'].texts).toEqual({ title: 'Rectification Ledger Assistant', check: 'Check', options: 'Options', lang: 'en-US' });
    expect(visits['no-host'].texts).toEqual({ title: '整改台账助手', check: '检查', options: '检查选项', lang: 'zh-CN' });
  });
});
