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
import { ARTIFACTS, Browser, ROOT, foreign, launch, serve, CHROMIUM } from './helpers';
import { describeWithTools, missingOf } from '../tools';

/** The folder's name, as scripts/wps/addin.js makes it: taizhang_<version>. */
const WPS_FOLDER = 'taizhang_' + (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const FOLDER = path.join(ROOT, 'dist-wps', WPS_FOLDER);

/** A small ledger as offices keep one: a merged-looking title row, the header, eight measures. */
const LEDGER = [
  ['某局巡察反馈问题整改台账', null, null, null, null, null, null],
  ['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '完成状态'],
  [1, '会议纪要归档不及时', '建立纪要归档台账，每月核对一次', '分管副局长', '办公室', '2022年6月30日', '推进中'],
  [2, '专项资金拨付滞后', '按月对账，逐笔说明滞后原因', '分管副局长', '财务科', '2099年7月20日', '推进中'],
  [3, '固定资产账实不符', '全面盘点，建立资产卡片', '局长', '财务科', '2022年5月31日', '已完成'],
  [4, '干部培训计划未落实', '制定年度培训计划并按季度通报', '分管副局长', '人事科', '2022年7月20日', '推进中'],
  [5, '公务用车登记不全', '完善派车单，月底公示', '分管副局长', '办公室', '立行立改', '已完成'],
  [6, '政府采购程序不规范', '修订采购内控制度', '局长', '财务科', '2022年12月31日', '推进中'],
  [7, '信访件办理超期', '建立信访件督办台账', '分管副局长', '信访室', '2022年6月15日', '未启动'],
  [8, '意识形态责任制落实不到位', '开展专项检查', '局长', '办公室', '长期坚持', '推进中'],
];

/** fake-et.ts as a browser script, with the two core helpers it takes, then the ledger workbook installed. */
function fakeEtScript(level: 'floor' | 'full', languageId = 2052): string {
  const src = fs.readFileSync(path.join(ROOT, 'tests/wps/fake-et.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } }).outputText;
  const core =
    'function colLetter(n){var s="";while(n>0){var m=(n-1)%26;s=String.fromCharCode(65+m)+s;n=Math.floor((n-1)/26);}return s;}' +
    'var core={a1:function(r,c){return colLetter(c)+r;},colNumber:function(l){var n=0;for(var i=0;i<l.length;i++)n=n*26+l.charCodeAt(i)-64;return n;}};';
  const options = { level, languageId, sheets: [{ name: '整改台账', rows: LEDGER }] };
  return (
    '(function(){var exports={};var module={exports:exports};var require=function(){return core;};' + core + '\n' + js +
    '\nvar fake=module.exports.createFakeEt(' + JSON.stringify(options) + ');' +
    'window.__fakeEt=fake;window.Application=fake.root;window.wps=fake.root;})();'
  );
}

type Fake = { value(s: string, a: string): unknown; sheets: { name: string }[] };

/** The pane at the width WPS gives it (ribbon.js: CreateTaskPane, Width 380). */
const PANE = { width: 380, height: 1000 };

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

    async function open(file: string, level: 'floor' | 'full' = 'full', languageId = 2052): Promise<Page> {
      const page = await browser.context.newPage();
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addInitScript({ content: fakeEtScript(level, languageId) });
      await page.goto(origin + '/' + file);
      return page;
    }

    beforeAll(async () => {
      server = await serve(FOLDER);
      origin = 'http://localhost:' + (server.address() as AddressInfo).port;
      browser = await launch(PANE);
    }, 60000);

    afterAll(async () => {
      if (browser) await browser.close();
      if (server) await new Promise((r) => server.close(r));
    });

    /** The pane's text a user can see: the page, less what is hidden. */
    const visibleText = (page: Page) => page.evaluate(() => document.body.innerText);

    /** 检查 on the ledger as of 2022-07-15, through the write consent. */
    async function check(page: Page, consent: string, shot?: string): Promise<void> {
      await page.waitForFunction(() => (document.getElementById('tz-sheet') as HTMLSelectElement).options.length > 0);
      await page.fill('#tz-asof', '2022-07-15');
      await page.click('#tz-check');
      await page.waitForSelector('#tz-consent-continue');
      expect(await page.$eval('#tz-message b', (e) => e.textContent)).toBe(consent);
      if (shot) {
        fs.mkdirSync(ARTIFACTS, { recursive: true });
        await page.screenshot({ path: path.join(ARTIFACTS, shot) });
      }
      await page.click('#tz-consent-continue');
      await page.waitForFunction(() => /^(已检查|Checked)/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
    }

    it('检查 in the built pane on the fake ET: the four columns written, WPS named (never Excel), nothing asked of another origin', async () => {
      const page = await open('taskpane.html');
      expect(await page.$eval('#tz-sheet', (e) => (e as HTMLSelectElement).value)).toBe('整改台账');
      await check(page, 'WPS 表格不一定能撤销本加载项写入的内容。', 'wps-pane-consent.png');
      const cells = await page.evaluate(() =>
        ['H2', 'I2', 'J2', 'K2', 'H3', 'H4', 'H5', 'H6', 'H7', 'H9', 'I9', 'J9'].map((a) => (window as unknown as { __fakeEt: Fake }).__fakeEt.value('整改台账', a)),
      );
      // Row 3 due 2022-06-30 is past; 2099 is far off; row 6 due 2022-07-20 is 5 days away; row 9 due
      // 2022-06-15 (serial 44727) is 30 days past; the done ones 已完成.
      expect(cells).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见', '逾期', '正常推进', '已完成', '临期', '已完成', '逾期', 44727, -30]);
      expect(await page.$eval('#tz-message', (e) => e.textContent)).toMatch(/^已检查“整改台账”的 8 项整改措施，结果写在第 H 列起的四列/);
      expect(await visibleText(page)).not.toMatch(/Excel|Office/);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: path.join(ARTIFACTS, 'wps-pane-check.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(requests.some((u) => /taskpane\.js$/.test(u))).toBe(true);
      expect(requests.filter((u) => /office|msajax/i.test(u))).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });

    it('生成汇总 on a WPS without the optional members: the sheets written, what was skipped named by the missing ET member', async () => {
      const page = await open('taskpane.html', 'floor');
      await check(page, 'WPS 表格不一定能撤销本加载项写入的内容。');
      await page.click('#tz-summarize');
      await page.waitForFunction(() => /已写入汇总表/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
      const names = await page.evaluate(() => (window as unknown as { __fakeEt: Fake }).__fakeEt.sheets.map((s) => s.name));
      expect(names).toEqual(['整改台账', '总览', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账', '通报提纲']);
      expect(await page.$$eval('#tz-notice div', (els) => els.map((e) => e.textContent))).toEqual([
        '本机 WPS 表格缺少以下功能，已略过（汇总内容完整）：跳转到台账的超链接（缺少 Worksheet.Hyperlinks）、合并单元格（缺少 Range.MergeCells）、列宽（缺少 Range.ColumnWidth）、冻结窗格（缺少 Application.ActiveWindow）、打印设置、页脚和页边距（缺少 Worksheet.PageSetup）、图表（缺少 Worksheet.ChartObjects，表格数据已写入）、筛选按钮（缺少 Range.AutoFilter）、数据条（缺少 Range.FormatConditions）。',
      ]);
      expect(await visibleText(page)).not.toMatch(/Excel|Office/);
      await page.screenshot({ path: path.join(ARTIFACTS, 'wps-pane-summary.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });

    it('in an English WPS the pane speaks English and names WPS Spreadsheets', async () => {
      const page = await open('taskpane.html', 'full', 1033);
      await check(page, 'WPS Spreadsheets may not undo what this add-in writes.');
      expect(await visibleText(page)).not.toMatch(/Excel|Office/);
      await page.screenshot({ path: path.join(ARTIFACTS, 'wps-pane-en.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });

    it('the probe records the object model as JSON and writes nothing to the workbook', async () => {
      const page = await open('probe.html');
      const before = await page.evaluate(() => JSON.stringify((window as unknown as { __fakeEt: { sheets: unknown } }).__fakeEt.sheets));
      await page.click('#run');
      const out = JSON.parse(await page.$eval('#out', (e) => (e as HTMLTextAreaElement).value));
      expect(out.forms['Range.Address']).toBe('method');
      expect(out.usedRange.value2).toEqual({ array: true, rows: 10, firstRowIsArray: true, cols: 7, firstType: 'string' });
      expect(out.usedRange.oneCell).toEqual({ array: false, type: 'string' });
      expect(out.language).toBe(2052);
      expect(await page.evaluate(() => JSON.stringify((window as unknown as { __fakeEt: { sheets: unknown } }).__fakeEt.sheets))).toBe(before);
      expect(foreign(requests, origin)).toEqual([]);
    });
  },
);
