/**
 * The WPS add-in folder (dist-wps/taizhang_<version>/, `npm run build:wps`) in headless Chromium: the
 * pane on the fake ET object model (tests/wps/fake-et.ts, installed before the bundle loads as
 * window.Application), and the probe page. No request leaves the folder's own origin; the check
 * writes its columns into the fake workbook. Skipped with a note (failing in CI) without the build.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import * as ts from 'typescript';
import { Page } from 'playwright-core';
import { Browser, ROOT, foreign, launch, serve, CHROMIUM } from './helpers';
import { describeWithTools, missingOf } from '../tools';

/** The folder's name, as scripts/wps/addin.js makes it: taizhang_<version>. */
const WPS_FOLDER = 'taizhang_' + (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const FOLDER = path.join(ROOT, 'dist-wps', WPS_FOLDER);

/** fake-et.ts as a browser script, with the two core helpers it takes, then a ledger workbook installed. */
function fakeEtScript(): string {
  const src = fs.readFileSync(path.join(ROOT, 'tests/wps/fake-et.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } }).outputText;
  const core =
    'function colLetter(n){var s="";while(n>0){var m=(n-1)%26;s=String.fromCharCode(65+m)+s;n=Math.floor((n-1)/26);}return s;}' +
    'var core={a1:function(r,c){return colLetter(c)+r;},colNumber:function(l){var n=0;for(var i=0;i<l.length;i++)n=n*26+l.charCodeAt(i)-64;return n;}};';
  return (
    '(function(){var exports={};var module={exports:exports};var require=function(){return core;};' + core + '\n' + js +
    '\nvar fake=module.exports.createFakeEt({level:"full",sheets:[{name:"整改台账",rows:[' +
    '["某局巡察反馈问题整改台账",null,null,null,null,null,null],' +
    '["序号","存在问题","整改措施","责任领导","牵头部门","完成时限","完成状态"],' +
    '[1,"会议纪要归档不及时","建立纪要归档台账","王局长","办公室","2022年6月30日","推进中"],' +
    '[2,"专项资金拨付滞后","按月对账","李副局长","财务科","2099年7月20日","推进中"]]}]});' +
    'window.__fakeEt=fake;window.Application=fake.root;window.wps=fake.root;})();'
  );
}

describeWithTools(
  'the WPS add-in folder in headless Chromium',
  missingOf([
    [fs.existsSync(path.join(FOLDER, 'taskpane.html')), 'dist-wps/' + WPS_FOLDER + '/taskpane.html (run `npm run build:wps` first)'],
    [fs.existsSync(CHROMIUM), CHROMIUM],
  ]),
  () => {
    let server: http.Server;
    let browser: Browser;
    let origin: string;
    const requests: string[] = [];
    const errors: string[] = [];

    async function open(file: string): Promise<Page> {
      const page = await browser.context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addInitScript({ content: fakeEtScript() });
      await page.goto(origin + '/' + file);
      return page;
    }

    beforeAll(async () => {
      server = await serve(FOLDER);
      origin = 'http://localhost:' + (server.address() as AddressInfo).port;
      browser = await launch();
    }, 60000);

    afterAll(async () => {
      if (browser) await browser.close();
      if (server) await new Promise((r) => server.close(r));
    });

    it('the pane finds the ledger in the fake ET, checks it into four columns, and asks nothing of another origin', async () => {
      const page = await open('taskpane.html');
      await page.waitForFunction(() => (document.getElementById('tz-sheet') as HTMLSelectElement).options.length > 0);
      expect(await page.$eval('#tz-sheet', (e) => (e as HTMLSelectElement).value)).toBe('整改台账');
      await page.click('#tz-check');
      await page.waitForSelector('#tz-consent-continue');
      await page.click('#tz-consent-continue');
      await page.waitForFunction(() => (window as unknown as { __fakeEt: { value(s: string, a: string): unknown } }).__fakeEt.value('整改台账', 'H2') === '期限状态');
      const cells = await page.evaluate(() => ['H2', 'K2', 'H3', 'H4'].map((a) => (window as unknown as { __fakeEt: { value(s: string, a: string): unknown } }).__fakeEt.value('整改台账', a)));
      expect(cells.slice(0, 2)).toEqual(['期限状态', '检查意见']);
      expect(cells[2]).toBe('逾期');
      expect(errors).toEqual([]);
      expect(requests.some((u) => /taskpane\.js$/.test(u))).toBe(true);
      expect(requests.filter((u) => /office|msajax/i.test(u))).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });

    it('the probe records the object model as JSON and writes nothing to the workbook', async () => {
      const page = await open('probe.html');
      const before = await page.evaluate(() => JSON.stringify((window as unknown as { __fakeEt: { sheets: unknown } }).__fakeEt.sheets));
      await page.click('#run');
      const out = JSON.parse(await page.$eval('#out', (e) => (e as HTMLTextAreaElement).value));
      expect(out.forms['Range.Address']).toBe('method');
      expect(out.usedRange.value2).toEqual({ array: true, rows: 4, firstRowIsArray: true, cols: 7, firstType: 'string' });
      expect(out.usedRange.oneCell).toEqual({ array: false, type: 'string' });
      expect(out.language).toBe(2052);
      expect(await page.evaluate(() => JSON.stringify((window as unknown as { __fakeEt: { sheets: unknown } }).__fakeEt.sheets))).toBe(before);
      expect(foreign(requests, origin)).toEqual([]);
    });
  },
);
