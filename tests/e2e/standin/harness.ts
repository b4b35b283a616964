/**
 * What the stand-in suites share: the browser script that installs the workbook (tests/excel/fake-excel.ts
 * and a fixture) and the stand-in bridge (./bridge.ts) before office.js loads, the hosts they run as,
 * and small readers of the page, the bridge and the workbook.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { BrowserContext, Page } from 'playwright-core';
import { ROOT } from '../helpers';
import type { Bridge, WireRequest } from './bridge';

export interface HostConfig {
  /** Shown in test names. */
  name: string;
  /** What window.external.GetHostInfo answers. */
  info: string;
  /** GetSupportedMatrix's text; none on 16.00, which then has the default matrix (ExcelApi 1.1). */
  matrix?: string;
  /** The workbook model's ExcelApi version: the same as the matrix. */
  api: string;
  lang: 'zh' | 'en';
}

export const EXCEL_2016_ZH: HostConfig = { name: '16.00 zh-CN (ExcelApi 1.1)', info: 'Excel$Win32$16.00$zh-CN$$$$0', api: '1.1', lang: 'zh' };
export const EXCEL_2016_EN: HostConfig = { name: '16.00 en-US (ExcelApi 1.1)', info: 'Excel$Win32$16.00$en-US$$$$0', api: '1.1', lang: 'en' };
export const EXCEL_2019_17_EN: HostConfig = { name: '16.01 en-US, ExcelApi 1.7', info: 'Excel$Win32$16.01$en-US$$$$0', matrix: '{"excelapi":1.7}', api: '1.7', lang: 'en' };
export const EXCEL_2019_17_ZH: HostConfig = { name: '16.01 zh-CN, ExcelApi 1.7', info: 'Excel$Win32$16.01$zh-CN$$$$0', matrix: '{"excelapi":1.7}', api: '1.7', lang: 'zh' };
export const EXCEL_2021_19_ZH: HostConfig = { name: '16.01 zh-CN, ExcelApi 1.9', info: 'Excel$Win32$16.01$zh-CN$$$$0', matrix: '{"excelapi":1.9}', api: '1.9', lang: 'zh' };
export const EXCEL_2021_19_EN: HostConfig = { name: '16.01 en-US, ExcelApi 1.9', info: 'Excel$Win32$16.01$en-US$$$$0', matrix: '{"excelapi":1.9}', api: '1.9', lang: 'en' };

function transpiled(file: string, global: string): string {
  const src = fs.readFileSync(path.join(ROOT, file), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } }).outputText;
  return '(function(){var exports={};var module={exports:exports};\n' + js + '\nwindow.' + global + '=module.exports;})();\n';
}

/**
 * The page's first script: the fake's model, the workbook (tests/e2e/fake-office.js's, picked by the
 * address's hash, or `fixture`, the source of a function returning createFakeHost's options), then
 * window.external. office.js itself is the real one from dist/.
 */
export function standInScript(host: HostConfig, fixture?: string): string {
  const install =
    '(function(){' +
    (fixture
      ? 'window.__fakeHost=window.__TaizhangFake.createFakeHost((' + fixture + ')());'
      : 'window.__standIn=true;\n' + fs.readFileSync(path.join(ROOT, 'tests/e2e/fake-office.js'), 'utf8') + '\n') +
    'var h=window.__fakeHost;h.state.apiVersion=' + JSON.stringify(host.api) + ';' +
    'window.__bridge=window.__StandIn.installBridge(window,{hostInfo:' + JSON.stringify(host.info) + ',' +
    (host.matrix ? 'matrix:' + JSON.stringify(host.matrix) + ',' : '') +
    'host:h,context:new window.__TaizhangFake.FakeContext(h)});})();';
  return transpiled('tests/excel/fake-excel.ts', '__TaizhangFake') + transpiled('tests/e2e/standin/bridge.ts', '__StandIn') + install;
}

export interface StandInPage {
  page: Page;
  errors: string[];
  requests: string[];
  /** Runs `fn` (its source: it must use nothing from outside) on the workbook model and the bridge. */
  on<T>(fn: (h: WorkbookView, b: Bridge) => T): Promise<T>;
  /** The requests the bridge has answered so far (office.js's own notice left out). */
  wire(): Promise<WireRequest[]>;
  text(selector: string): Promise<string>;
  /** Clicks and waits until #tz-message's text matches. */
  clickUntil(selector: string, message: RegExp, timeout?: number): Promise<string>;
}

/** The parts of FakeHost the suites read in the page. */
export interface WorkbookView {
  state: {
    sheets: { name: string }[];
    activeSheet: string;
    selection: { sheet: string; address: string } | null;
    settings: Record<string, string>;
    writes: { sheet: string; kind: string; c0: number; c1: number; sync: number }[];
    syncCount: number;
    createdWorkbooks: string[];
  };
  value(sheet: string, address: string): unknown;
  cellAt(sheet: string, address: string): { v: unknown; formula?: boolean; fmt: string } | undefined;
}

export async function openStandIn(context: BrowserContext, origin: string, host: HostConfig, opts: { hash?: string; fixture?: string } = {}): Promise<StandInPage> {
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.addInitScript({ content: standInScript(host, opts.fixture) });
  await page.goto(origin + '/taskpane.html?_host_Info=' + host.info + (opts.hash || ''));
  const on = <T>(fn: (h: WorkbookView, b: Bridge) => T) =>
    page.evaluate((src) => {
      const w = window as unknown as { __fakeHost: unknown; __bridge: unknown };
      return new Function('h', 'b', 'return (' + src + ')(h, b)')(w.__fakeHost, w.__bridge) as T;
    }, fn.toString());
  const text = (sel: string) => page.$eval(sel, (e) => (e.textContent || '').trim());
  return {
    page,
    errors,
    requests,
    on,
    wire: () => on((_h, b) => b.requests.filter((r) => r.kind === 'excel')),
    text,
    async clickUntil(selector: string, message: RegExp, timeout = 20000) {
      await page.click(selector);
      try {
        await page.waitForFunction(
          (re) => {
            const m = document.getElementById('tz-message');
            return !!m && !m.hidden && new RegExp(re).test(m.textContent || '');
          },
          message.source,
          { timeout },
        );
      } catch (e) {
        // Say what the pane said instead, and what the stand-in saw.
        const said = await text('#tz-message');
        const seen = await on((_h, b) => ({ violations: b.violations, last: b.requests.slice(-3) }));
        throw new Error('after clicking ' + selector + ' the pane said "' + said + '", not ' + message + '; the stand-in: ' + JSON.stringify(seen) + '; page errors: ' + JSON.stringify(errors));
      }
      return text('#tz-message');
    },
  };
}

/** Waits until the pane has read the workbook (the sheet list is filled). */
export async function ready(p: StandInPage): Promise<void> {
  await p.page.waitForFunction(() => (document.getElementById('tz-sheet') as HTMLSelectElement).options.length > 0, undefined, { timeout: 20000 });
}
