/**
 * The built task pane (dist/) in headless Chromium, on a fake Excel host (tests/e2e/fake-office.js
 * over tests/excel/fake-excel.ts) installed before the bundle loads. The real office.js is never
 * loaded here (its URL is answered with an empty script); tests/e2e/office-js.e2e.test.ts runs the
 * real one. Needs `npm run build` first (npm test builds first). Uses /usr/bin/chromium through
 * playwright-core; without it the suite fails in CI (tests/e2e/helpers.ts).
 */
import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import * as ts from 'typescript';
import ExcelJS from 'exceljs';
import { BrowserContext, Page } from 'playwright-core';
import { ARTIFACTS, Browser, DIST, ROOT, describeInBrowser, foreign, launch, serve } from './helpers';

/** fake-excel.ts as a browser script defining window.__TaizhangFake, then the host installer. */
function fakeHostScript(): string {
  const src = fs.readFileSync(path.join(ROOT, 'tests/excel/fake-excel.ts'), 'utf8');
  const js = ts.transpileModule(src, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2017 } }).outputText;
  return (
    '(function(){var exports={};var module={exports:exports};\n' +
    js +
    '\nwindow.__TaizhangFake=module.exports;})();\n' +
    fs.readFileSync(path.join(__dirname, 'fake-office.js'), 'utf8')
  );
}

/**
 * A page of the pane on the fake host: every request and error recorded, the real office.js
 * replaced by nothing (the fake host is installed before the pane's scripts run).
 */
async function fakeHostPage(page: Page, requests: string[], errors: string[]): Promise<Page> {
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.route('**/office-js/office.js', (route) =>
    route.fulfill({ status: 200, contentType: 'application/javascript', body: '/* office.js replaced by the test host */' }),
  );
  await page.addInitScript({ content: fakeHostScript() });
  return page;
}

/** Runs `fn` (its source, so it must use nothing from outside) on the page's fake host. */
function onHost<H>(page: () => Page): <T>(fn: (h: H) => T) => Promise<T> {
  return <T>(fn: (h: H) => T) =>
    page().evaluate((src) => {
      const h = (window as unknown as { __fakeHost: unknown }).__fakeHost;
      return new Function('h', 'return (' + src + ')(h)')(h) as T;
    }, fn.toString());
}

interface Write {
  sheet: string;
  kind: string;
  c0: number;
  c1: number;
  r0: number;
  address: string;
}

describeInBrowser('task pane in headless Chromium', () => {
  let server: http.Server;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let origin: string;
  const requests: string[] = [];
  const errors: string[] = [];

  beforeAll(async () => {
    server = await serve(DIST);
    origin = 'http://localhost:' + (server.address() as AddressInfo).port;
    browser = await launch();
    context = browser.context;
    // The real office.js must not run here: the fake host is already installed.
    page = await fakeHostPage(context.pages()[0] || (await context.newPage()), requests, errors);
    // Excel 2019's host information (16.01), as Excel puts it in the address; office.js itself is replaced.
    await page.goto(origin + '/taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN$$$$0');
  }, 60000);

  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
  });

  it('detects the ledger sheet and its columns', async () => {
    await page.waitForFunction(() => (document.getElementById('tz-sheet') as HTMLSelectElement).options.length > 0);
    expect(await page.$eval('#tz-sheet', (e) => (e as HTMLSelectElement).value)).toBe('整改台账');
    // The user's sheets that share a summary sheet's name are offered like any other.
    expect(await page.$$eval('#tz-sheet option', (els) => els.map((e) => e.textContent))).toEqual(['填报说明', '整改台账', '总览', '汇总台账']);
    expect(await page.$eval('#tz-header-rows', (e) => (e as HTMLInputElement).value)).toBe('2');
    const chips = await page.$$eval('#tz-columns .tz-chip', (els) => els.map((e) => e.textContent));
    expect(chips).toEqual(expect.arrayContaining(['C 整改措施', 'F 完成时限', 'E 牵头部门']));
    // Options came from the workbook's settings.
    expect(await page.$eval('#tz-start', (e) => (e as HTMLInputElement).value)).toBe('2022-03-01');
    expect(await page.$eval('#tz-check', (e) => e.textContent)).toBe('检查');
  });

  it('before the first write it says Excel cannot undo it; "save a copy first" writes nothing', async () => {
    const writesBefore = await page.evaluate(() => (window as unknown as { __fakeHost: { state: { writes: unknown[] } } }).__fakeHost.state.writes.length);
    await page.click('#tz-check');
    await page.waitForSelector('#tz-consent-copy');
    expect(await page.$eval('#tz-message', (e) => e.textContent)).toMatch(/^Excel 不能撤销本加载项写入的内容。/);
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-undo-notice.png'), fullPage: true });
    await page.click('#tz-consent-copy');
    expect(await page.$eval('#tz-message', (e) => e.textContent)).toBe(
      '本工作簿未作任何改动。请点“文件 > 另存为”保存一份副本，在副本中打开本加载项，再点“检查”或“生成汇总”。',
    );
    const after = await page.evaluate(() => {
      const st = (window as unknown as { __fakeHost: { state: { writes: unknown[]; settings: Record<string, unknown> } } }).__fakeHost.state;
      return { writes: st.writes.length, consent: st.settings['taizhang.writeConsent'] || null };
    });
    expect(after).toEqual({ writes: writesBefore, consent: null });
  });

  it('检查 annotates the four added columns and lists the findings', async () => {
    await page.click('#tz-check');
    // Asked again (the copy was not made here); this time the user goes on, and it is remembered.
    await page.click('#tz-consent-continue');
    await page.waitForSelector('.tz-finding', { timeout: 20000 });
    const consent = await page.evaluate(() => (window as unknown as { __fakeHost: { state: { settings: Record<string, string> } } }).__fakeHost.state.settings['taizhang.writeConsent']);
    expect(JSON.parse(consent).accepted).toBe(true);
    const findings = await page.$$eval('.tz-finding', (els) => els.map((e) => ({ cell: e.getAttribute('data-cell'), text: e.textContent || '' })));
    // lead-dept-missing and deadline-unparsed (errors, by row), then duplicate-seq (a warning).
    expect(findings).toEqual([
      { cell: 'E6', text: 'E6错误未填写牵头部门。' },
      { cell: 'F9', text: 'F9错误完成时限“2022年2月30日”不是有效的日期（如2月30日、13月、第5季度），请更正。' },
      { cell: 'A11', text: 'A11提示序号“6”与第10行重复。' },
    ]);
    expect(await page.$eval('#tz-message', (e) => e.textContent)).toMatch(/^已检查“整改台账”的 8 项整改措施，/);
    // This Excel is 1.7: the ledger's page setup needs 1.9, said at the first 检查 of the session only.
    expect(await page.$$eval('#tz-notice div', (els) => els.map((e) => e.textContent))).toEqual([
      '此版本 Excel 不支持以下格式，已略过（检查结果内容完整）：打印设置、页脚和页边距（需要 ExcelApi 1.9）。',
    ]);

    const state = await page.evaluate(() => {
      const host = (window as unknown as { __fakeHost: { state: { writes: Write[]; syncCount: number } } }).__fakeHost;
      return { writes: host.state.writes, syncs: host.state.syncCount };
    });
    const cellWrites = state.writes.filter((w) => /^(values|numberFormat|fill|font|conditionalFormat|columnWidth|wrapText|border|horizontal|vertical)/.test(w.kind));
    expect(cellWrites.length).toBeGreaterThan(0);
    for (const w of cellWrites) {
      expect(w.sheet).toBe('整改台账');
      expect(w.c0).toBeGreaterThanOrEqual(9); // I: after 完成状态 (H)
      expect(w.c1).toBeLessThanOrEqual(12); // L
    }
    expect(state.writes.some((w) => w.kind === 'conditionalFormat')).toBe(true); // ExcelApi 1.7 host
    const flags = await page.evaluate(() => {
      const host = (window as unknown as { __fakeHost: { value(s: string, a: string): unknown } }).__fakeHost;
      return ['I2', 'I4', 'I5', 'I8', 'I11', 'L5'].map((a) => host.value('整改台账', a));
    });
    expect(flags.slice(0, 5)).toEqual(['期限状态', '已完成', '逾期', '已完成', '逾期']);
    expect(flags[5]).toBe('逾期15天'); // due 2022-06-30, checked on 2022-07-15
    // The measure '=清理…' was never written: it stays the user's text.
    const measure = await page.evaluate(() => (window as unknown as { __fakeHost: { cellAt(s: string, a: string): { v: unknown; formula?: boolean } } }).__fakeHost.cellAt('整改台账', 'C8'));
    expect(measure.v).toBe('=清理2021年以来公务接待台账');
    expect(measure.formula || false).toBe(false);
  });

  it('clicking a finding selects its cell', async () => {
    const target = page.locator('.tz-finding[data-cell="F9"]').first();
    await target.click();
    await page.waitForFunction(() => !!(window as unknown as { __fakeHost: { state: { selection: unknown } } }).__fakeHost.state.selection);
    const selection = await page.evaluate(() => (window as unknown as { __fakeHost: { state: { selection: unknown; activeSheet: string } } }).__fakeHost.state);
    expect(selection.selection).toEqual({ sheet: '整改台账', address: 'F9' });
    expect(selection.activeSheet).toBe('整改台账');
  });

  it('a second 检查 writes the same and does not say the skipped page setup again', async () => {
    await page.$eval('#tz-message', (e) => (e.textContent = ''));
    await page.click('#tz-check');
    await page.waitForFunction(() => /^已检查/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
    expect(await page.$eval('#tz-notice', (e) => (e as HTMLElement).hidden)).toBe(true);
  });

  it('saves a screenshot, with no page errors and no request beyond localhost', async () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(foreign(requests, origin)).toEqual([]);
    expect(requests.some((u) => /taskpane\.js$/.test(u))).toBe(true);
  });

  it('生成汇总 writes the summary sheets into the workbook', async () => {
    await page.click('#tz-summarize');
    await page.waitForFunction(() => /已写入汇总表/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
    const sheets = await page.evaluate(() =>
      (window as unknown as { __fakeHost: { state: { sheets: { name: string }[]; activeSheet: string } } }).__fakeHost.state.sheets.map((s) => s.name),
    );
    // Not asked again; the user's 总览 stays, ours took 总览 (2).
    expect(sheets).toEqual(['填报说明', '整改台账', '总览', '汇总台账', '总览 (2)', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账 (2)', '通报提纲']);
    const user = await page.evaluate(() => (window as unknown as { __fakeHost: { value(s: string, a: string): unknown } }).__fakeHost.value('总览', 'A1'));
    expect(user).toBe('各处室联系人');
    // The outcome in the green box; what was skipped or renamed, in Chinese, in the line below it.
    expect(await page.$eval('#tz-message', (e) => e.className)).toBe('tz-message tz-ok');
    expect(await page.$eval('#tz-message', (e) => e.textContent)).not.toMatch(/略过|ExcelApi/);
    expect(await page.$$eval('#tz-notice div', (els) => els.map((e) => e.textContent))).toEqual([
      '本工作簿已有名为“总览”的工作表，它不是本加载项建的，未作任何改动；汇总写在“总览 (2)”。',
      '本工作簿已有名为“汇总台账”的工作表，它不是本加载项建的，未作任何改动；汇总写在“汇总台账 (2)”。',
      '此版本 Excel 不支持以下格式，已略过（汇总内容完整）：打印设置、页脚和页边距（需要 ExcelApi 1.9）、图表坐标轴和数据标签的百分比格式（需要 ExcelApi 1.8）、筛选按钮（需要 ExcelApi 1.9）。',
    ]);
    expect(await page.$eval('#tz-notice', (e) => (e as HTMLElement).hidden)).toBe(false);
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-summary.png'), fullPage: true });
  });

  it('生成督办单 writes one notice per lead department with overdue items, signed by the issuer typed in, and keeps the options', async () => {
    // Only where Excel can create a workbook is the notices' own workbook offered (this host is 1.7).
    expect(await page.$eval('#tz-notices-new', (e) => (e as HTMLElement).hidden)).toBe(true);
    expect(await page.$eval('#tz-issuer', (e) => (e as HTMLInputElement).placeholder)).toBe('整改工作领导小组办公室');
    expect(await page.$eval('#tz-notice-number', (e) => (e as HTMLInputElement).placeholder)).toBe('〔2022〕第__号');
    await page.fill('#tz-issuer', '某单位巡察整改工作领导小组办公室');
    await page.fill('#tz-reply-days', '5');
    await page.click('#tz-make-notices');
    await page.waitForFunction(() => /督办单/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
    expect(await page.$eval('#tz-message', (e) => e.className)).toBe('tz-message tz-ok');
    expect(await page.$eval('#tz-message', (e) => e.textContent)).toBe('已为 2 个牵头部门生成督办单：督办单-宣传部、督办单-组织部。');
    type Host = { state: { sheets: { name: string }[]; settings: Record<string, string> }; value(s: string, a: string): unknown };
    const got = await page.evaluate(() => {
      const h = (window as unknown as { __fakeHost: Host }).__fakeHost;
      const col = (sheet: string, c: string, n: number) => Array.from({ length: n }, (_v, i) => h.value(sheet, c + (i + 1)));
      return { sheets: h.state.sheets.map((s) => s.name), a: col('督办单-宣传部', 'A', 12), c6: h.value('督办单-宣传部', 'C6'), options: JSON.parse(h.state.settings['taizhang.options']) };
    });
    expect(await page.$$eval('#tz-notice div', (els) => els.map((e) => e.textContent))).toEqual([
      '此版本 Excel 不支持以下格式，已略过（督办单内容完整）：打印设置、页脚和页边距（需要 ExcelApi 1.9）。',
    ]);
    expect(got.sheets.slice(-2)).toEqual(['督办单-宣传部', '督办单-组织部']);
    expect(got.a.slice(0, 4)).toEqual(['整改督办单', '〔2022〕第__号', '宣传部：', '　　截至2022年7月15日，宣传部牵头的整改措施中，有1项已逾期，请立即整改并说明原因。']);
    expect(got.c6).toBe('开展意识形态工作专项检查');
    // 5 working days after Friday 2022-07-15 is Friday 2022-07-22.
    expect(got.a).toContain('　　请于2022年7月22日前将整改进展及说明（填入上表最后一列）报送某单位巡察整改工作领导小组办公室。');
    // The issuer under the seal's space: no （盖章） printed.
    expect(got.a).toContain('某单位巡察整改工作领导小组办公室');
    expect(got.a.filter((t) => /盖章/.test(String(t)))).toEqual([]);
    expect(got.options).toMatchObject({ issuer: '某单位巡察整改工作领导小组办公室', noticeNumber: null, replyDays: 5, asOf: '2022-07-15' });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: path.join(ARTIFACTS, 'taskpane-notices.png'), fullPage: true });
    expect(errors).toEqual([]);
    expect(foreign(requests, origin)).toEqual([]);
  });

  it('打开为新工作簿 explains how to move the sheets where createWorkbook is missing', async () => {
    await page.click('#tz-open-new');
    await page.waitForFunction(() => /移动或复制/.test(document.getElementById('tz-message')!.textContent || ''));
    expect(errors).toEqual([]);
    expect(foreign(requests, origin)).toEqual([]);
    // No check needed the .xlsx writer: its chunk was never fetched on a host without createWorkbook.
    expect(requests.filter((u) => /xlsxlite/.test(u))).toEqual([]);
  });

  describe('a three-list workbook on ExcelApi 1.8', () => {
    let p3: Page;
    type Host3 = { state: { writes: Write[]; syncCount: number; selection: unknown; activeSheet: string; createdWorkbooks: string[] }; value(s: string, a: string): unknown; cellAt(s: string, a: string): { v: unknown; formula?: boolean; fill?: string } };
    const host3 = onHost<Host3>(() => p3);

    beforeAll(async () => {
      p3 = await fakeHostPage(await context.newPage(), requests, errors);
      await p3.goto(origin + '/taskpane.html#three-lists');
    });

    it('shows the three lists and their roles, with the task list as the ledger', async () => {
      await p3.waitForFunction(() => !document.getElementById('tz-lists')!.hasAttribute('hidden'));
      const lists = await p3.$$eval('#tz-lists-items li', (els) => els.map((e) => e.textContent));
      expect(lists).toEqual(['问题清单问题清单', '任务清单任务清单', '责任清单责任清单', '部门名单部门名单']);
      expect(await p3.$eval('#tz-sheet', (e) => (e as HTMLSelectElement).value)).toBe('任务清单');
    });

    it('检查 annotates every list in a fixed number of syncs and lists findings from all three sheets', async () => {
      const before = await host3((h) => h.state.syncCount);
      await p3.click('#tz-check');
      await p3.waitForSelector('.tz-finding', { timeout: 20000 });
      const findings = await p3.$$eval('.tz-finding', (els) => els.map((e) => e.getAttribute('data-sheet') + '!' + e.getAttribute('data-cell')));
      expect(findings).toEqual(['任务清单!B5', '任务清单!A5', '问题清单!C5', '责任清单!C3', '责任清单!A6']);
      const state = await host3((h) => ({ writes: h.state.writes, syncs: h.state.syncCount }));
      expect(state.syncs - before).toBeLessThanOrEqual(4);
      const added: Record<string, [number, number]> = { 任务清单: [6, 9], 问题清单: [4, 4], 责任清单: [5, 5] };
      const cellWrites = state.writes.filter((w) => /^(values|numberFormat|fill|font|conditionalFormat|columnWidth|wrapText|border|horizontal|vertical)/.test(w.kind));
      for (const w of cellWrites) {
        expect(Object.keys(added)).toContain(w.sheet);
        expect(w.c0).toBeGreaterThanOrEqual(added[w.sheet][0]);
        expect(w.c1).toBeLessThanOrEqual(added[w.sheet][1]);
      }
      const cells = await host3((h) => ({
        flag: h.value('任务清单', 'F1'),
        problemNote: h.value('问题清单', 'D5'),
        problemFill: h.cellAt('问题清单', 'D5').fill,
        respNote: h.value('责任清单', 'E6'),
        measure: h.cellAt('任务清单', 'C4'),
      }));
      expect(cells.flag).toBe('期限状态');
      expect(cells.problemNote).toBe('问题（序号3）在任务清单中没有对应的整改措施。');
      expect(cells.problemFill).toBe('#FFC7CE');
      expect(cells.respNote).toBe('任务序号“8”在任务清单中不存在。');
      expect(cells.measure.v).toBe('=开展意识形态风险排查');
      expect(cells.measure.formula || false).toBe(false);
      expect(await p3.$eval('#tz-message', (e) => e.textContent)).toMatch(/^已检查“任务清单”的 5 项整改措施，结果写在第 F 列起的四列（\d+ 毫秒）。 对不上的行已在“问题清单、责任清单”的“检查意见”列标出。$/);
    });

    it('clicking a finding on another list selects its cell on that sheet', async () => {
      await p3.locator('.tz-finding[data-sheet="问题清单"][data-cell="C5"]').first().click();
      await p3.waitForFunction(() => {
        const s = (window as unknown as { __fakeHost: Host3 }).__fakeHost.state.selection as { sheet: string } | null;
        return !!s && s.sheet === '问题清单';
      });
      const st = await host3((h) => ({ selection: h.state.selection, active: h.state.activeSheet }));
      expect(st.selection).toEqual({ sheet: '问题清单', address: 'C5' });
      expect(st.active).toBe('问题清单');
    });

    it('打开为新工作簿 loads the .xlsx writer from this origin and opens the summary with createWorkbook', async () => {
      await p3.click('#tz-open-new');
      await p3.waitForFunction(() => /新窗口/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
      const created = await host3((h) => h.state.createdWorkbooks);
      expect(created.length).toBe(1);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(created[0], 'base64') as unknown as ArrayBuffer);
      expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账', '通报提纲']);
      const ledger = wb.getWorksheet('汇总台账')!;
      const texts: unknown[] = [];
      ledger.eachRow((row) => row.eachCell((c) => texts.push(c.value)));
      expect(texts).toContain('=开展意识形态风险排查');
      const chunk = requests.filter((u) => /xlsxlite\.[0-9a-f]+\.js$/.test(u));
      expect(chunk.length).toBe(1);
      expect(chunk[0].indexOf(origin + '/')).toBe(0);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await p3.screenshot({ path: path.join(ARTIFACTS, 'taskpane-three-lists.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });

    it('督办单打开为新工作簿 opens every notice as one new workbook, a sheet per department, and writes nothing here', async () => {
      const writesBefore = await host3((h) => h.state.writes.length);
      await p3.click('#tz-notices-new');
      await p3.waitForFunction(() => /督办单工作簿/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
      expect(await p3.$eval('#tz-message', (e) => e.textContent)).toBe('已在新窗口打开督办单工作簿（1 个部门各一张工作表），请另存后发送。');
      const created = await host3((h) => h.state.createdWorkbooks);
      expect(created.length).toBe(2);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(Buffer.from(created[1], 'base64') as unknown as ArrayBuffer);
      // Task 5 (财务处, 2022年7月20日) is due in 5 days; task 4 is overdue but has no responsibility row, so no department.
      expect(wb.worksheets.map((w) => w.name)).toEqual(['财务处']);
      const ws = wb.getWorksheet('财务处')!;
      // 财务处's one item is due soon, none overdue: its notice is a 提醒单.
      expect([1, 2, 3].map((r) => ws.getCell('A' + r).value)).toEqual(['整改提醒单', '〔2022〕第__号', '财务处：']);
      expect(ws.getCell('C6').value).toBe('压减督查检查事项');
      expect(await host3((h) => h.state.writes.length)).toBe(writesBefore);
      expect(errors).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });
  });
  describe('对比上期 on Excel 2016 (ExcelApi 1.1, host 16.00) in a 320 px pane, last period’s sheet moved in before the ledger', () => {
    let pc: Page;
    type HostC = { state: { writes: Write[]; syncCount: number; sheets: { name: string }[]; settings: Record<string, string> }; value(s: string, a: string): unknown; cellAt(s: string, a: string): { v: unknown; formula?: boolean } };
    const hostC = onHost<HostC>(() => pc);
    const text = (sel: string) => pc.$eval(sel, (e) => e.textContent);

    beforeAll(async () => {
      pc = await fakeHostPage(await context.newPage(), requests, errors);
      // The narrowest task pane Excel 2016 gives.
      await pc.setViewportSize({ width: 320, height: 1100 });
      await pc.goto(origin + '/taskpane.html?_host_Info=Excel$Win32$16.00$zh-CN$$$$0#compare');
    });

    it('takes the undated sheet for this period’s ledger and offers the earlier copy (its 填报时间 says 2022-06-15) for 对比上期', async () => {
      await pc.waitForFunction(() => (document.getElementById('tz-earlier') as HTMLSelectElement).options.length > 0);
      expect(await pc.$eval('#tz-sheet', (e) => (e as HTMLSelectElement).value)).toBe('整改台账');
      expect(await pc.$$eval('#tz-earlier option', (els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual(['上期台账']);
      expect(await text('#tz-since-hint')).toBe('留空则按上期表写明的填报时间 2022-06-15');
      // The pane fits its width: nothing scrolls sideways.
      expect(await pc.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
      // 文号 beside 回复期限（工作日）: its placeholder whole, and both labels on one line (the inputs level).
      const fit = await pc.$eval('#tz-notice-number', (e) => {
        const i = e as HTMLInputElement;
        const cs = getComputedStyle(i);
        const g = document.createElement('canvas').getContext('2d')!;
        g.font = cs.font;
        const room = i.clientWidth - parseFloat(cs.paddingLeft) - parseFloat(cs.paddingRight);
        return { top: i.getBoundingClientRect().top === document.getElementById('tz-reply-days')!.getBoundingClientRect().top, fits: g.measureText(i.placeholder).width <= room };
      });
      expect(fit).toEqual({ top: true, fits: true });
    });

    it('an earlier date after the check’s date is refused in plain words, and nothing is read or written', async () => {
      const before = await hostC((h) => ({ syncs: h.state.syncCount, writes: h.state.writes.length }));
      await pc.fill('#tz-since', '2022-08-01');
      await pc.click('#tz-compare');
      await pc.waitForFunction(() => /晚于/.test(document.getElementById('tz-message')!.textContent || ''));
      expect(await text('#tz-message')).toBe('上期“上期台账”的日期 2022-08-01 晚于本期的检查日期 2022-07-15。请核对“上期日期”或“检查日期”。');
      expect(await pc.$eval('#tz-message', (e) => e.className)).toBe('tz-message tz-error');
      // Said where the user can see it, though the button is far below the message box.
      expect(await pc.$eval('#tz-message', (e) => e.getBoundingClientRect().top)).toBeGreaterThanOrEqual(0);
      await pc.screenshot({ path: path.join(ARTIFACTS, 'taskpane-compare-error.png'), fullPage: true });
      expect(await hostC((h) => h.state.writes.length)).toBe(before.writes);
      await pc.fill('#tz-since', '2022/6/15');
      await pc.click('#tz-compare');
      expect(await text('#tz-message')).toBe('“上期日期”应为 YYYY-MM-DD 格式的日期，例如 2022-07-15。');
      expect(await hostC((h) => h.state.syncCount)).toBe(before.syncs);
    });

    it('where the add-in’s server does not give the comparison’s code, it says so and nothing is read or written', async () => {
      await pc.fill('#tz-since', '');
      await pc.route(/\/compare\.[0-9a-f]+\.js$/, (route) => route.fulfill({ status: 404, body: '' }));
      const before = await hostC((h) => ({ syncs: h.state.syncCount, writes: h.state.writes.length }));
      await pc.click('#tz-compare');
      await pc.waitForFunction(() => /加载项服务器/.test(document.getElementById('tz-message')!.textContent || ''));
      expect(await text('#tz-message')).toBe('未能从加载项服务器取得本功能所需的文件，工作簿未作任何改动。请确认能访问加载项服务器，然后重试。');
      expect(await hostC((h) => ({ syncs: h.state.syncCount, writes: h.state.writes.length }))).toEqual(before);
      expect(await pc.$eval('#tz-compare', (e) => (e as HTMLButtonElement).disabled)).toBe(false);
      await pc.unroute(/\/compare\.[0-9a-f]+\.js$/);
      // The browser's 404 is the one console error of this page.
      const i = errors.findIndex((e) => /404/.test(e));
      expect(i).toBeGreaterThanOrEqual(0);
      errors.splice(i, 1);
    });

    it('对比上期 judges the earlier sheet at its 填报时间, writes the comparison sheets in five syncs, and writes neither ledger sheet', async () => {
      await pc.fill('#tz-since', '');
      const before = await hostC((h) => ({ syncs: h.state.syncCount, writes: h.state.writes.length }));
      await pc.click('#tz-compare');
      await pc.waitForFunction(() => /对比表/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
      expect(await text('#tz-message')).toBe('已写入对比表：对比总览、时限调整、新增逾期、本期完成、进展停滞、增删事项、全部变化。');
      expect(await text('#tz-compare-sentence')).toBe(
        '本期新完成1项、新增逾期1项、调整时限1项（推迟1项、提前0项）、持续逾期1项、进展停滞2项、状态倒退1项、牵头部门变更1项、新增事项1项、删除事项1项。',
      );
      expect(await text('#tz-compare-dates')).toBe('上期“上期台账”截至 2022-06-15（据上期填报时间），本期“整改台账”截至 2022-07-15。');
      expect(await pc.$$eval('#tz-compare-counts li', (els) => els.map((e) => e.getAttribute('data-kind') + ' ' + e.textContent))).toEqual([
        'deadline-later 时限推迟1', 'deadline-earlier 时限提前0', 'newly-overdue 新增逾期1', 'still-overdue 持续逾期1', 'stalled 进展停滞2',
        'went-back 状态倒退1', 'done 本期完成1', 'lead-changed 牵头部门变更1', 'added 新增事项1', 'removed 删除事项1',
      ]);
      const after = await hostC((h) => ({
        syncs: h.state.syncCount,
        writes: h.state.writes.slice(0),
        sheets: h.state.sheets.map((s) => s.name),
        options: JSON.parse(h.state.settings['taizhang.options']),
        moved: [h.value('时限调整', 'D4'), h.value('时限调整', 'F4'), h.value('时限调整', 'H4')],
        measure: h.cellAt('全部变化', 'D4'),
      }));
      expect(after.syncs - before.syncs).toBe(5);
      const written = after.writes.slice(before.writes).map((w) => w.sheet);
      expect(written.filter((n) => n === '整改台账' || n === '上期台账')).toEqual([]);
      expect(after.sheets).toEqual(['填报说明', '上期台账', '整改台账', '对比总览', '时限调整', '新增逾期', '本期完成', '进展停滞', '增删事项', '全部变化']);
      expect(after.moved).toEqual(['修订“三重一大”决策制度实施办法', '2022年6月30日', '2022年7月20日']);
      expect(after.options.previousSheet).toBe('上期台账');
      // The pane still shows this period's ledger and its findings.
      expect(await pc.$eval('#tz-sheet', (e) => (e as HTMLSelectElement).value)).toBe('整改台账');
      expect(await text('#tz-findings-title')).toBe('检查发现 (3)');
      expect(await pc.$$eval('#tz-notice div', (els) => els.map((e) => e.textContent))).toEqual([
        expect.stringMatching(/^此版本 Excel 不支持以下格式，已略过（对比表内容完整）：/),
      ]);
      // The comparison's code came on the clicks (refused once, then given), from this origin only.
      const chunk = requests.filter((u) => /compare\.[0-9a-f]+\.js$/.test(u));
      expect(chunk.length).toBe(2);
      expect(chunk.every((u) => u.indexOf(origin + '/') === 0)).toBe(true);
      expect(await pc.$$eval('#tz-earlier option', (els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual(['上期台账']);
      expect(await pc.evaluate(() => document.documentElement.scrollWidth)).toBe(320);
      // The outcome is in view where the user clicked.
      expect(await pc.$eval('#tz-compare-result', (e) => [e.getBoundingClientRect().top >= 0, e.getBoundingClientRect().bottom <= window.innerHeight])).toEqual([true, true]);
      await pc.screenshot({ path: path.join(ARTIFACTS, 'taskpane-compare-view.png') });
      await pc.screenshot({ path: path.join(ARTIFACTS, 'taskpane-compare.png'), fullPage: true });
      await pc.locator('#tz-compare-card').screenshot({ path: path.join(ARTIFACTS, 'taskpane-compare-card.png') });
      await pc.locator('#tz-message').screenshot({ path: path.join(ARTIFACTS, 'taskpane-compare-message.png') });
      await pc.locator('#tz-notice').screenshot({ path: path.join(ARTIFACTS, 'taskpane-compare-notice.png') });
      expect(errors).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });

    it('生成督办单 beside last period’s sheet: notices of this period’s ledger only, written whole on ExcelApi 1.1', async () => {
      const before = await hostC((h) => h.state.writes.length);
      await pc.click('#tz-make-notices');
      await pc.waitForFunction(() => /督办单-/.test(document.getElementById('tz-message')!.textContent || ''), undefined, { timeout: 20000 });
      // Last period's sheet would also give 办公室 a notice (item 1, 2022-06-30, not done there).
      expect(await text('#tz-message')).toBe('已为 2 个牵头部门生成督办单：督办单-宣传部、督办单-组织部。');
      const got = await hostC((h) => ({
        sheets: h.state.sheets.map((s) => s.name),
        written: h.state.writes.map((w) => w.sheet),
        a: [1, 2, 3, 4].map((r) => h.value('督办单-组织部', 'A' + r)),
        c6: h.value('督办单-组织部', 'C6'),
      }));
      expect(got.sheets.slice(3)).toEqual(['对比总览', '时限调整', '新增逾期', '本期完成', '进展停滞', '增删事项', '全部变化', '督办单-宣传部', '督办单-组织部']);
      expect(got.written.slice(before).filter((n) => !/^督办单-/.test(n))).toEqual([]);
      expect(got.a).toEqual(['整改督办单', '〔2022〕第__号', '组织部：', '　　截至2022年7月15日，组织部牵头的整改措施中，有1项已逾期，请立即整改并说明原因。']);
      expect(got.c6).toBe('开展党费收缴专项检查');
      expect(await pc.$$eval('#tz-notice div', (els) => els.map((e) => e.textContent))).toEqual([
        expect.stringMatching(/^此版本 Excel 不支持以下格式，已略过（督办单内容完整）：/),
      ]);
      await pc.screenshot({ path: path.join(ARTIFACTS, 'taskpane-compare-notices.png'), fullPage: true });
      expect(errors).toEqual([]);
      expect(foreign(requests, origin)).toEqual([]);
    });

    it('picking the other sheet as the ledger offers this one as the earlier, says it states no 填报时间, and hides the comparison shown', async () => {
      expect(await pc.$eval('#tz-compare-result', (e) => (e as HTMLElement).hidden)).toBe(false);
      await pc.selectOption('#tz-sheet', '上期台账');
      expect(await pc.$$eval('#tz-earlier option', (els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual(['整改台账']);
      expect(await text('#tz-since-hint')).toBe('上期表没有写明填报时间，请填写');
      expect(await pc.$eval('#tz-compare-result', (e) => (e as HTMLElement).hidden)).toBe(true);
      // Our own sheets are never offered, as the ledger or as the earlier version.
      expect(await pc.$$eval('#tz-sheet option', (els) => els.map((e) => (e as HTMLOptionElement).value))).toEqual(['填报说明', '上期台账', '整改台账']);
    });
  });
});
