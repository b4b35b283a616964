/**
 * The pane's 识别设置 (Teach words) in headless Chromium on the fake Excel host (ExcelApi 1.1), over
 * the hazard list of tests/host/teach.test.ts ('#hazard' in fake-office.js), clicked as a user would:
 * after 检查 the card offers 复查合格 (2 items) and the 隐患级别 column; choosing 已销号, then 方面, saves
 * each in the workbook's settings and checks again at once; pasting the office's taizhang.json into the box and importing it gives the
 * command line's result (counted by hand in tests/host/teach.test.ts); what was taught is listed and
 * can be removed; exporting gives the same JSON back. Then the same steps on the WPS add-in folder
 * (dist-wps, `npm run build:wps`) over the fake ET object model: the same flags. Needs `npm run build` first.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import * as ts from 'typescript';
import { Page } from 'playwright-core';
import { ARTIFACTS, Browser, CHROMIUM, DIST, ROOT, describeInBrowser, foreign, launch, serve } from './helpers';
import { describeWithTools, missingOf } from '../tools';

/** fake-excel.ts as a browser script defining window.__TaizhangFake, then the host installer. */
function fakeHostScript(): string {
  const src = fs.readFileSync(path.join(ROOT, 'tests/excel/fake-excel.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } }).outputText;
  return '(function(){var exports={};var module={exports:exports};\n' + js + '\nwindow.__TaizhangFake=module.exports;})();\n' + fs.readFileSync(path.join(__dirname, 'fake-office.js'), 'utf8');
}

type Fake = { state: { settings: Record<string, string>; settingsSaved: number }; value(s: string, a: string): unknown };

/** The office's file, as tests/host/teach.test.ts hands it to the command line. */
const FILE = JSON.stringify({ headers: { aspect: ['隐患级别'] }, status: { done: ['关闭'], closed: ['复查合格'] } }, null, 2) + '\n';

describeInBrowser('识别设置 in the pane on the fake Excel', () => {
  let server: http.Server;
  let browser: Browser;
  let page: Page;
  let origin: string;
  const requests: string[] = [];
  const errors: string[] = [];

  const flags = () => page.evaluate(() => ['H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'H9'].map((a) => (window as unknown as { __fakeHost: Fake }).__fakeHost.value('隐患台账', a)));
  const totals = () => page.$$eval('#tz-totals .tz-total', (els) => els.map((e) => e.textContent));
  const setting = () => page.evaluate(() => (window as unknown as { __fakeHost: Fake }).__fakeHost.state.settings['taizhang.taught'] || null);
  /** Waits for the check a choice started to finish (its message) and returns the flags written. */
  async function checkedAgain(): Promise<unknown[]> {
    await page.waitForFunction(() => /^已检查“隐患台账”的 7 项/.test(document.getElementById('tz-message')!.textContent || '') && !(document.getElementById('tz-check') as HTMLButtonElement).disabled);
    return flags();
  }

  beforeAll(async () => {
    server = await serve(DIST);
    origin = 'http://localhost:' + (server.address() as AddressInfo).port;
    browser = await launch();
    page = browser.context.pages()[0] || (await browser.context.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.route('**/office-js/office.js', (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: '/* replaced */' }));
    await page.addInitScript({ content: fakeHostScript() });
    await page.goto(origin + '/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0#hazard');
    await page.waitForFunction(() => (document.getElementById('tz-sheet') as HTMLSelectElement).options.length > 0);
  }, 60000);

  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
  });

  it('before any check and with nothing taught, the card is not shown', async () => {
    expect(await page.$eval('#tz-teach', (e) => e.hasAttribute('hidden'))).toBe(true);
  });

  it('after 检查 it offers the one word the check could not place, with its count, and a choice of state', async () => {
    await page.click('#tz-check');
    expect(await checkedAgain()).toEqual(['已完成', '已完成', '逾期', '临期', '逾期', '正常推进', '逾期']);
    // The card is a chunk of its own, fetched from the add-in's origin after the first check.
    await page.waitForFunction(() => !document.getElementById('tz-teach')!.hasAttribute('hidden'));
    expect(requests.filter((u) => /\/teach\.[0-9a-f]+\.js$/.test(u)).map((u) => u.indexOf(origin + '/'))).toEqual([0]);
    const offered = await page.$$eval('#tz-teach-words-items li', (els) =>
      els.map((li) => ({
        label: li.querySelector('label')!.textContent,
        for: li.querySelector('label')!.getAttribute('for'),
        id: li.querySelector('select')!.id,
        options: Array.prototype.map.call((li.querySelector('select') as HTMLSelectElement).options, (o: HTMLOptionElement) => o.text),
      })),
    );
    expect(offered).toEqual([{ label: '“复查合格”（2项）', for: 'tz-teach-word-0', id: 'tz-teach-word-0', options: ['选择含义…', '未启动', '推进中', '基本完成', '已完成', '已销号'] }]);
    // And the one header no field took, with a choice of field.
    const columns = await page.$$eval('#tz-teach-columns-items li', (els) =>
      els.map((li) => ({ label: li.querySelector('label')!.textContent, id: li.querySelector('select')!.id, first: (li.querySelector('select') as HTMLSelectElement).options[0].text })),
    );
    expect(columns).toEqual([{ label: 'G列“隐患级别”', id: 'tz-teach-col-7', first: '选择对应的列…' }]);
    expect(await page.$$eval('#tz-taught-items li', (els) => els.map((e) => e.textContent))).toEqual(['尚未教任何词。']);
    // The finding that says so comes first in the list.
    expect(await page.$eval('.tz-finding', (e) => e.getAttribute('data-cell'))).toBe('F2');
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.locator('#tz-teach').screenshot({ path: path.join(ARTIFACTS, 'taskpane-teach-offer.png') });
  });

  it('choosing 已销号 saves the word in the workbook and checks again at once', async () => {
    await page.selectOption('#tz-teach-word-0', 'closed');
    expect(await checkedAgain()).toEqual(['已完成', '已完成', '已完成', '已完成', '逾期', '正常推进', '逾期']);
    expect(await setting()).toBe('{"status":{"closed":["复查合格"]}}');
    expect(await page.$$eval('#tz-taught-items li span', (els) => els.map((e) => e.textContent))).toEqual(['完成状态“复查合格”：已销号']);
    expect(await page.$eval('#tz-teach-words', (e) => e.hasAttribute('hidden'))).toBe(true);
    expect(await totals()).toEqual(['2逾期', '0临期', '4已完成', '1正常推进', '0长期坚持', '0无期限']);
  });

  it('choosing 方面 for 隐患级别 saves it, shows the column among those found, and checks again', async () => {
    await page.selectOption('#tz-teach-col-7', 'aspect');
    await checkedAgain();
    expect(await setting()).toBe('{"headers":{"aspect":["隐患级别"]},"status":{"closed":["复查合格"]}}');
    expect(await page.$$eval('#tz-columns .tz-chip', (els) => els.map((e) => e.textContent))).toContain('G 方面');
    expect(await page.$eval('#tz-teach-nothing', (e) => e.hasAttribute('hidden'))).toBe(false);
    expect(await page.$$eval('#tz-taught-items li span', (els) => els.map((e) => e.textContent))).toEqual(['完成状态“复查合格”：已销号', '表头“隐患级别”：方面']);
  });

  it('importing the office’s taizhang.json (pasted) gives the command line’s result; the card lists every taught word', async () => {
    await page.click('#tz-teach-file');
    expect(await page.$eval('#tz-teach-file', (e) => e.getAttribute('aria-expanded'))).toBe('true');
    await page.fill('#tz-teach-json', FILE);
    await page.click('#tz-teach-import');
    expect(await checkedAgain()).toEqual(['已完成', '已完成', '已完成', '已完成', '逾期', '正常推进', '逾期']);
    expect(JSON.parse((await setting()) as string)).toEqual(JSON.parse(FILE));
    expect(await page.$$eval('#tz-taught-items li span', (els) => els.map((e) => e.textContent))).toEqual(['完成状态“关闭”：已完成', '完成状态“复查合格”：已销号', '表头“隐患级别”：方面']);
    expect(await page.$$eval('#tz-taught-items li button', (els) => els.map((e) => e.getAttribute('aria-label')))).toEqual([
      '删除 完成状态“关闭”：已完成',
      '删除 完成状态“复查合格”：已销号',
      '删除 表头“隐患级别”：方面',
    ]);
    await page.locator('#tz-teach').screenshot({ path: path.join(ARTIFACTS, 'taskpane-teach.png') });
  });

  it('a file that does not read is one line, and changes nothing', async () => {
    const before = await setting();
    await page.fill('#tz-teach-json', '{"status": {"finished": ["关闭"]}}');
    await page.click('#tz-teach-import');
    expect(await page.$eval('#tz-message', (e) => e.textContent)).toBe('无法导入：“status.finished”不是完成状态名，可用的状态名为 done、closed、in-progress、not-started、basically-done');
    expect(await setting()).toBe(before);
  });

  it('export gives back the taught words as taizhang.json, selected for copying', async () => {
    await page.click('#tz-teach-export');
    const box = await page.$eval('#tz-teach-json', (e) => {
      const t = e as HTMLTextAreaElement;
      return { value: t.value, selected: t.selectionEnd - t.selectionStart };
    });
    expect(JSON.parse(box.value)).toEqual({ headers: { aspect: ['隐患级别'] }, status: { done: ['关闭'], closed: ['复查合格'] } });
    expect(box.selected).toBe(box.value.length);
  });

  it('removing 复查合格 forgets it and checks again: its items are unknown once more', async () => {
    await page.click('#tz-taught-items li:nth-child(2) button');
    expect(await checkedAgain()).toEqual(['已完成', '已完成', '逾期', '临期', '逾期', '正常推进', '逾期']);
    expect(await setting()).toBe('{"headers":{"aspect":["隐患级别"]},"status":{"done":["关闭"]}}');
    expect(await page.$$eval('#tz-teach-words-items label', (els) => els.map((e) => e.textContent))).toEqual(['“复查合格”（2项）']);
    expect(errors).toEqual([]);
    expect(foreign(requests, origin)).toEqual([]);
  });

  it('a workbook taught before shows what it was taught when the pane opens, before any check', async () => {
    const again = await browser.context.newPage();
    await again.route('**/office-js/office.js', (route) => route.fulfill({ status: 200, contentType: 'application/javascript', body: '/* replaced */' }));
    await again.addInitScript({ content: fakeHostScript() });
    await again.goto(origin + '/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0#hazard-taught');
    await again.waitForFunction(() => !document.getElementById('tz-teach')!.hasAttribute('hidden'));
    expect(await again.$$eval('#tz-taught-items li span', (els) => els.map((e) => e.textContent))).toEqual(['完成状态“复查合格”：已销号']);
    expect(await again.$eval('#tz-teach-words', (e) => e.hasAttribute('hidden'))).toBe(true);
    await again.close();
  });
});

/** The hazard list's rows, as fake-office.js's '#hazard' holds them. */
const HAZARD = [
  ['某项目部隐患排查治理台账', null, null, null, null, null, null],
  ['序号', '隐患内容', '责任单位', '整改期限', '整改措施', '隐患状态', '隐患级别'],
  [1, '配电箱未上锁', '机电队', '2023年5月10日', '配电箱加锁并张贴警示', '关闭', '一般隐患'],
  [2, '基坑临边防护缺失', '土建一队', '2023年5月20日', '设置防护栏杆', '关闭', '重大隐患'],
  [3, '灭火器过期未更换', '后勤组', '2023年6月1日', '更换灭火器', '复查合格', '一般隐患'],
  [4, '通道堆放钢管', '土建二队', '2023年6月20日', '清理通道', '复查合格', '一般隐患'],
  [5, '脚手板未满铺', '土建一队', '2023年6月10日', '满铺脚手板', '整改中', '一般隐患'],
  [6, '消防通道被占用', '后勤组', '2023年7月30日', '清理并划线', '开放', '一般隐患'],
  [7, '塔吊限位器失灵', '机电队', '2023年6月12日', '更换限位器', '未关闭', '重大隐患'],
];

const WPS_FOLDER = path.join(ROOT, 'dist-wps', 'taizhang_' + (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);

/** tests/wps/fake-et.ts as a browser script (as wps.e2e.test.ts loads it), holding the hazard list. */
function fakeEtScript(): string {
  const src = fs.readFileSync(path.join(ROOT, 'tests/wps/fake-et.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } }).outputText;
  const core =
    'function colLetter(n){var s="";while(n>0){var m=(n-1)%26;s=String.fromCharCode(65+m)+s;n=Math.floor((n-1)/26);}return s;}' +
    'var core={a1:function(r,c){return colLetter(c)+r;},colNumber:function(l){var n=0;for(var i=0;i<l.length;i++)n=n*26+l.charCodeAt(i)-64;return n;}};';
  return (
    '(function(){var exports={};var module={exports:exports};var require=function(){return core;};' + core + '\n' + js +
    '\nvar fake=module.exports.createFakeEt({level:"floor",sheets:[{name:"隐患台账",rows:' + JSON.stringify(HAZARD) + '}]});' +
    'window.__fakeEt=fake;window.Application=fake.root;window.wps=fake.root;})();'
  );
}

describeWithTools(
  '识别设置 in the WPS add-in on the fake ET',
  missingOf([
    [fs.existsSync(path.join(WPS_FOLDER, 'taskpane.html')), 'dist-wps/.../taskpane.html (run `npm run build:wps` first)'],
    [fs.existsSync(CHROMIUM), CHROMIUM],
  ]),
  () => {
    let server: http.Server;
    let browser: Browser;
    let page: Page;
    let origin: string;
    const requests: string[] = [];
    const errors: string[] = [];
    const flags = () => page.evaluate(() => ['H3', 'H4', 'H5', 'H6', 'H7', 'H8', 'H9'].map((a) => (window as unknown as { __fakeEt: Fake }).__fakeEt.value('隐患台账', a)));
    async function checkedAgain(): Promise<unknown[]> {
      await page.waitForFunction(() => /^已检查“隐患台账”的 7 项/.test(document.getElementById('tz-message')!.textContent || '') && !(document.getElementById('tz-check') as HTMLButtonElement).disabled);
      return flags();
    }

    beforeAll(async () => {
      server = await serve(WPS_FOLDER);
      origin = 'http://localhost:' + (server.address() as AddressInfo).port;
      browser = await launch();
      page = browser.context.pages()[0] || (await browser.context.newPage());
      page.on('request', (r) => requests.push(r.url()));
      page.on('pageerror', (e) => errors.push(String(e)));
      await page.addInitScript({ content: fakeEtScript() });
      await page.goto(origin + '/taskpane.html');
      await page.waitForFunction(() => (document.getElementById('tz-sheet') as HTMLSelectElement).options.length > 0);
    }, 60000);

    afterAll(async () => {
      if (browser) await browser.close();
      if (server) await new Promise((r) => server.close(r));
    });

    it('the same choice and the same file give the same flags as on Excel and the command line', async () => {
      await page.fill('#tz-asof', '2023-06-15');
      await page.click('#tz-check');
      await page.waitForSelector('#tz-consent-continue');
      await page.click('#tz-consent-continue');
      expect(await checkedAgain()).toEqual(['已完成', '已完成', '逾期', '临期', '逾期', '正常推进', '逾期']);
      expect(await page.$$eval('#tz-teach-words-items label', (els) => els.map((e) => e.textContent))).toEqual(['“复查合格”（2项）']);
      await page.selectOption('#tz-teach-word-0', 'closed');
      expect(await checkedAgain()).toEqual(['已完成', '已完成', '已完成', '已完成', '逾期', '正常推进', '逾期']);
      await page.click('#tz-teach-file');
      await page.fill('#tz-teach-json', FILE);
      await page.click('#tz-teach-import');
      expect(await checkedAgain()).toEqual(['已完成', '已完成', '已完成', '已完成', '逾期', '正常推进', '逾期']);
      expect(await page.$$eval('#tz-taught-items li span', (els) => els.map((e) => e.textContent))).toEqual(['完成状态“关闭”：已完成', '完成状态“复查合格”：已销号', '表头“隐患级别”：方面']);
      expect(await page.$$eval('#tz-columns .tz-chip', (els) => els.map((e) => e.textContent))).toContain('G 方面');
      // Saved in the workbook's custom document properties (src/wps/store.ts: a count, then parts of 120 characters).
      const saved = await page.evaluate(() => {
        const props = (window as unknown as { __fakeEt: { props: Record<string, string> } }).__fakeEt.props;
        let text = '';
        for (let i = 1; i <= +props['taizhang.taught']; i++) text += props['taizhang.taught#' + i];
        return text;
      });
      expect(JSON.parse(saved)).toEqual(JSON.parse(FILE));
      expect(errors).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });
  },
);
