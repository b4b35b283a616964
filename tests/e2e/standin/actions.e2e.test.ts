/**
 * Every action of the built pane, clicked, on the REAL office.js from dist/ (unmodified), with the
 * stand-in for Excel's side of the Win32 bridge (./bridge.ts) over the fake's workbook model
 * (tests/excel/fake-excel.ts, the workbook of tests/e2e/fake-office.js).
 *
 * The hosts: Excel 2016 MSI (16.00, the default matrix: ExcelApi 1.1), Excel 2019 volume (16.01 with
 * ExcelApi 1.7) and Excel 2021 or Microsoft 365 (16.01 with 1.9). The same sequence runs on each:
 * 检查 (with the write notice), a finding clicked, 生成汇总, 打开为新工作簿 (a refusal below 1.8),
 * 生成督办单 and, where 1.8 is there, its new-workbook form; then the options it saved are read back
 * by a new pane. Languages alternate across the hosts (zh-CN, en-US, zh-CN); the cross product
 * would double the time for the same code path (the language changes only texts). The mapping
 * editor, three lists and 对比上期 run once each, on the host where they matter most.
 * Every page: no request off the origin, no page error, no call the model lacks (bridge.violations).
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { ARTIFACTS, Browser, DIST, describeInBrowser, foreign, launch, serve } from '../helpers';
import { EXCEL_2016_ZH, EXCEL_2019_17_EN, EXCEL_2021_19_ZH, HostConfig, StandInPage, openStandIn, ready } from './harness';

const HOSTS: HostConfig[] = [EXCEL_2016_ZH, EXCEL_2019_17_EN, EXCEL_2021_19_ZH];

const SUMMARY_SHEETS_ZH = ['填报说明', '整改台账', '总览', '汇总台账', '总览 (2)', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账 (2)', '通报提纲'];

describeInBrowser('every pane action on the real office.js, Excel’s side played by the stand-in', () => {
  let server: http.Server;
  let browser: Browser;
  let origin: string;
  /** Every page the suite starts with, opened at once (office.js's start-up waits overlap). */
  const pages: Record<string, StandInPage> = {};

  beforeAll(async () => {
    server = await serve(DIST);
    origin = 'http://localhost:' + (server.address() as AddressInfo).port;
    browser = await launch();
    const opening: [string, HostConfig, string | undefined][] = HOSTS.map((h) => [h.name, h, undefined] as [string, HostConfig, string | undefined]);
    opening.push(['mapping', EXCEL_2019_17_EN, undefined], ['three-lists', EXCEL_2021_19_ZH, '#three-lists'], ['compare', EXCEL_2016_ZH, '#compare']);
    const opened = await Promise.all(opening.map(([, h, hash]) => openStandIn(browser.context, origin, h, { hash })));
    opening.forEach(([key], i) => (pages[key] = opened[i]));
  }, 60000);

  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
  });

  /** What every page must end with. */
  async function clean(p: StandInPage): Promise<void> {
    expect(await p.on((_h, b) => b.violations)).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(foreign(p.requests, origin)).toEqual([]);
  }


  describe.each(HOSTS.map((h) => [h.name, h] as [string, HostConfig]))('on %s', (_name, host) => {
    let p: StandInPage;
    const zh = host.lang === 'zh';
    const atLeast18 = host.api === '1.9';

    beforeAll(async () => {
      p = pages[host.name];
      await ready(p);
    });
    afterAll(async () => {
      if (p) await p.page.close();
    });

    it('office.js reports Excel on PC, and isSetSupported answers from the host’s matrix', async () => {
      const got = await p.page.evaluate(() => {
        const O = (window as unknown as { Office: { context: { requirements: { isSetSupported(n: string, v: string): boolean }; displayLanguage: string } } }).Office;
        const sets = ['1.1', '1.2', '1.7', '1.8', '1.9'].map((v) => O.context.requirements.isSetSupported('ExcelApi', v));
        return { sets, lang: O.context.displayLanguage };
      });
      const want: Record<string, boolean[]> = { '1.1': [true, false, false, false, false], '1.7': [true, true, true, false, false], '1.9': [true, true, true, true, true] };
      expect(got).toEqual({ sets: want[host.api], lang: zh ? 'zh-CN' : 'en-US' });
      // The options came from the workbook's settings, through GetSettings().Read.
      expect(await p.page.$eval('#tz-start', (e) => (e as HTMLInputElement).value)).toBe('2022-03-01');
      expect(await p.page.$eval('#tz-sheet', (e) => (e as HTMLSelectElement).value)).toBe('整改台账');
    });

    if (host.api !== '1.9') {
      it('a call one past this matrix fails, as on that Excel: no such method on 16.00, ApiNotFound on 16.01', async () => {
        const writes = await p.on((h) => h.state.writes.length);
        const sent = (await p.wire()).length;
        const got = await p.page.evaluate((api) => {
          const X = (window as unknown as { Excel: { run(b: (ctx: unknown) => Promise<unknown>): Promise<unknown> } }).Excel;
          return X.run((ctx) => {
            const ws = (ctx as { workbook: { worksheets: { getItem(n: string): Record<string, unknown> } } }).workbook.worksheets.getItem('整改台账');
            // 1.1: range.merge (ExcelApi 1.2); 1.7: worksheet.autoFilter (ExcelApi 1.9).
            if (api === '1.1') (ws.getRange as (a: string) => { merge(): void })('A1:H1').merge();
            else (ws.autoFilter as { apply(a: string): void }).apply('A2:H14');
            return (ctx as { sync(): Promise<void> }).sync();
          }).then(
            () => 'done',
            (e: { name?: string; code?: string }) => (e && e.code) || (e && e.name) || String(e),
          );
        }, host.api);
        expect(got).toBe(host.api === '1.1' ? 'TypeError' : 'ApiNotFound');
        // On 16.00 the host script has no such method: refused in the page, and what reached Excel was
        // Excel.run's own tracking request. On 16.01 office.js sends the call, and Excel (here the
        // stand-in, by the fake's own check) answers ApiNotFound.
        expect((await p.wire()).slice(sent).map((r) => [r.what, r.error || ''])).toEqual(host.api === '1.1' ? [['_KeepReference', '']] : [['Apply', 'ApiNotFound']]);
        expect(await p.on((h) => h.state.writes.length)).toBe(writes);
      });
    }

    it('检查: the write notice, then the four columns written and the findings listed', async () => {
      await p.page.click('#tz-check');
      await p.page.waitForSelector('#tz-consent-continue');
      await p.page.click('#tz-consent-continue');
      await p.page.waitForSelector('.tz-finding', { timeout: 20000 });
      const findings = await p.page.$$eval('.tz-finding', (els) => els.map((e) => e.getAttribute('data-cell')));
      expect(findings).toEqual(['E6', 'F9', 'A11']);
      expect(await p.text('#tz-message')).toMatch(zh ? /^已检查“整改台账”的 8 项整改措施，结果写在第 I 列起的四列（\d+ 毫秒）。$/ : /^Checked 8 measures on "整改台账"; results are in the four columns from column I \(\d+ ms\)\.$/);
      const cells = await p.on((h) => ({
        flags: ['I4', 'I5', 'I8', 'I11'].map((a) => h.value('整改台账', a)),
        measure: h.cellAt('整改台账', 'C8'),
        written: h.state.writes.filter((w) => /^(values|numberFormat)$/.test(w.kind)).map((w) => w.sheet + ':' + w.c0 + '-' + w.c1),
        consent: !!h.state.settings['taizhang.writeConsent'],
      }));
      expect(cells.flags).toEqual(zh ? ['已完成', '逾期', '已完成', '逾期'] : ['Done', 'Overdue', 'Done', 'Overdue']);
      // The measure that looks like a formula stays the user's text; only I:L were written.
      expect(cells.measure && cells.measure.v).toBe('=清理2021年以来公务接待台账');
      expect((cells.measure && cells.measure.formula) || false).toBe(false);
      expect(cells.written.filter((w) => !/^整改台账:(9|10|11|12)-(9|10|11|12)$/.test(w))).toEqual([]);
      expect(cells.consent).toBe(true);
      await clean(p);
    });

    it('clicking a finding selects its cell in Excel', async () => {
      await p.page.locator('.tz-finding[data-cell="F9"]').first().click();
      await p.page.waitForFunction(() => !!(window as unknown as { __fakeHost: { state: { selection: unknown } } }).__fakeHost.state.selection);
      expect(await p.on((h) => [h.state.selection, h.state.activeSheet])).toEqual([{ sheet: '整改台账', address: 'F9' }, '整改台账']);
    });

    it('生成汇总 writes the summary sheets beside the user’s own, and says what it skipped on this Excel', async () => {
      const msg = await p.clickUntil('#tz-summarize', zh ? /已写入汇总表/ : /Summary sheets written/);
      expect(await p.page.$eval('#tz-message', (e) => e.className)).toBe('tz-message tz-ok');
      const sheets = await p.on((h) => h.state.sheets.map((s) => s.name));
      if (zh) {
        expect(sheets).toEqual(SUMMARY_SHEETS_ZH);
        expect(msg).toBe('已写入汇总表：总览 (2)、按方面、按牵头部门、逾期临期、检查问题、汇总台账 (2)、通报提纲。');
      } else {
        expect(sheets.slice(0, 4)).toEqual(['填报说明', '整改台账', '总览', '汇总台账']);
        expect(sheets.length).toBe(11);
      }
      expect(await p.on((h) => h.value('总览', 'A1'))).toBe('各处室联系人');
      const notice = await p.page.$$eval('#tz-notice div', (els) => els.map((e) => e.textContent || ''));
      // What this Excel lacks is named; on 1.9 nothing is skipped.
      if (host.api === '1.9') expect(notice.filter((t) => /ExcelApi/.test(t))).toEqual([]);
      else expect(notice.filter((t) => /ExcelApi 1\.9/.test(t)).length).toBe(1);
      await clean(p);
    });

    it(atLeast18 ? '打开为新工作簿 opens the summary as a new workbook (createWorkbook, ExcelApi 1.8)' : '打开为新工作簿 explains, below ExcelApi 1.8, how to move the sheets by hand, and sends nothing to Excel', async () => {
      const before = (await p.wire()).length;
      if (atLeast18) {
        await p.clickUntil('#tz-open-new', /新窗口/);
        const created = await p.on((h) => h.state.createdWorkbooks);
        expect(created.length).toBe(1);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(created[0], 'base64') as unknown as ArrayBuffer);
        expect(wb.worksheets.map((w) => w.name)).toEqual(['总览', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账', '通报提纲']);
      } else {
        await p.clickUntil('#tz-open-new', zh ? /移动或复制/ : /Move or Copy/);
        expect(await p.on((h) => h.state.createdWorkbooks.length)).toBe(0);
        // The refusal is the pane's own: no request reached Excel for it.
        expect((await p.wire()).length).toBe(before);
      }
      await clean(p);
    });

    it('生成督办单 writes one notice per department with overdue items, signed by the issuer typed in', async () => {
      await p.page.fill('#tz-issuer', '某单位巡察整改工作领导小组办公室');
      await p.page.fill('#tz-reply-days', '5');
      const msg = await p.clickUntil('#tz-make-notices', zh ? /督办单-/ : /Notices written/);
      if (zh) expect(msg).toBe('已为 2 个牵头部门生成督办单：督办单-宣传部、督办单-组织部。');
      const got = await p.on((h) => ({ sheets: h.state.sheets.map((s) => s.name).slice(-2), c6: h.value(h.state.sheets[h.state.sheets.length - 2].name, 'C6') }));
      expect(got.c6).toBe('开展意识形态工作专项检查');
      expect(got.sheets.length).toBe(2);
      await clean(p);
    });

    if (atLeast18) {
      it('督办单打开为新工作簿 opens the notices as one new workbook and writes nothing here', async () => {
        const writes = await p.on((h) => h.state.writes.length);
        await p.clickUntil('#tz-notices-new', /督办单工作簿/);
        const created = await p.on((h) => h.state.createdWorkbooks);
        expect(created.length).toBe(2);
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(created[1], 'base64') as unknown as ArrayBuffer);
        expect(wb.worksheets.map((w) => w.name)).toEqual(['宣传部', '组织部']);
        expect(await p.on((h) => h.state.writes.length)).toBe(writes);
        await clean(p);
      });
    } else {
      it('督办单打开为新工作簿 is not offered below ExcelApi 1.8', async () => {
        expect(await p.page.$eval('#tz-notices-new', (e) => (e as HTMLElement).hidden)).toBe(true);
      });
    }

    it('the options it saved through Settings.Write are read back by a new pane on the same workbook', async () => {
      const texts = await p.on((_h, b) => b.settingsTexts);
      // The add-in keeps its options as one JSON text; Excel keeps that value as JSON again.
      const saved = JSON.parse(JSON.parse(texts['taizhang.options']));
      expect(saved).toMatchObject({ issuer: '某单位巡察整改工作领导小组办公室', replyDays: 5, asOf: '2022-07-15', start: '2022-03-01' });
      // A new pane on a workbook whose settings are those texts, as Excel keeps them.
      const fixture = '() => { var o = ' + JSON.stringify({ apiVersion: host.api, sheets: [{ name: '整改台账', rows: [['序号', '整改措施', '牵头部门', '完成时限'], [1, '建立台账', '办公室', '2022年6月30日']] }] }) + '; o.settings = ' + JSON.stringify(JSON.stringify(Object.keys(texts).reduce((m, k) => Object.assign(m, { [k]: JSON.parse(texts[k]) }), {}))) + '; o.settings = JSON.parse(o.settings); return o; }';
      const again = await openStandIn(browser.context, origin, host, { fixture });
      await ready(again);
      const form = await again.page.evaluate(() => ['tz-issuer', 'tz-reply-days', 'tz-asof', 'tz-start'].map((id) => (document.getElementById(id) as HTMLInputElement).value));
      expect(form).toEqual(['某单位巡察整改工作领导小组办公室', '5', '2022-07-15', '2022-03-01']);
      await clean(again);
      await again.page.close();
    });
  });

  describe('the mapping editor, on 16.01 en-US with ExcelApi 1.7', () => {
    it('a column mapped by hand is the one 检查 reads', async () => {
      const p = pages.mapping;
      await ready(p);
      await p.page.click('#tz-edit-mapping');
      expect(await p.page.$eval('#tz-map-leadDept', (e) => (e as HTMLSelectElement).value)).toBe('5');
      // The lead department taken from 责任领导 (D) instead: every row has one, so E6's finding goes.
      await p.page.selectOption('#tz-map-leadDept', '4');
      await p.page.click('#tz-apply-mapping');
      expect(await p.text('#tz-message')).toBe('Your column mapping is in use for the next checks.');
      await p.page.click('#tz-check');
      await p.page.click('#tz-consent-continue');
      await p.page.waitForSelector('.tz-finding', { timeout: 20000 });
      expect(await p.page.$$eval('.tz-finding', (els) => els.map((e) => e.getAttribute('data-cell')))).toEqual(['F9', 'A11']);
      await clean(p);
      await p.page.close();
    });
  });

  describe('three lists, on 16.01 zh-CN with ExcelApi 1.9', () => {
    it('检查 annotates every list and a finding on another list is selected on its sheet', async () => {
      const p = pages['three-lists'];
      await p.page.waitForFunction(() => !document.getElementById('tz-lists')!.hasAttribute('hidden'), undefined, { timeout: 20000 });
      expect(await p.page.$eval('#tz-sheet', (e) => (e as HTMLSelectElement).value)).toBe('任务清单');
      await p.page.click('#tz-check');
      await p.page.waitForSelector('.tz-finding', { timeout: 20000 });
      expect(await p.page.$$eval('.tz-finding', (els) => els.map((e) => e.getAttribute('data-sheet') + '!' + e.getAttribute('data-cell')))).toEqual([
        '任务清单!B5', '任务清单!A5', '问题清单!C5', '责任清单!C3', '责任清单!A6',
      ]);
      expect(await p.on((h) => [h.value('任务清单', 'F1'), h.value('问题清单', 'D5'), h.value('责任清单', 'E6')])).toEqual([
        '期限状态', '问题（序号3）在任务清单中没有对应的整改措施。', '任务序号“8”在任务清单中不存在。',
      ]);
      await p.page.locator('.tz-finding[data-sheet="问题清单"][data-cell="C5"]').first().click();
      await p.page.waitForFunction(() => {
        const s = (window as unknown as { __fakeHost: { state: { selection: { sheet: string } | null } } }).__fakeHost.state.selection;
        return !!s && s.sheet === '问题清单';
      });
      expect(await p.on((h) => [h.state.selection, h.state.activeSheet])).toEqual([{ sheet: '问题清单', address: 'C5' }, '问题清单']);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await p.page.screenshot({ path: path.join(ARTIFACTS, 'standin-three-lists.png'), fullPage: true });
      await clean(p);
      await p.page.close();
    });
  });

  describe('对比上期, on 16.00 zh-CN (ExcelApi 1.1)', () => {
    it('writes the comparison sheets and neither ledger', async () => {
      const p = pages.compare;
      await p.page.waitForFunction(() => (document.getElementById('tz-earlier') as HTMLSelectElement).options.length > 0, undefined, { timeout: 20000 });
      const writes = await p.on((h) => h.state.writes.length);
      const msg = await p.clickUntil('#tz-compare', /对比表/);
      expect(msg).toBe('已写入对比表：对比总览、时限调整、新增逾期、本期完成、进展停滞、增删事项、全部变化。');
      expect(await p.text('#tz-compare-sentence')).toBe(
        '本期新完成1项、新增逾期1项、调整时限1项（推迟1项、提前0项）、持续逾期1项、进展停滞2项、状态倒退1项、牵头部门变更1项、新增事项1项、删除事项1项。',
      );
      const after = await p.on((h) => ({ sheets: h.state.sheets.map((s) => s.name), written: h.state.writes.map((w) => w.sheet) }));
      expect(after.sheets).toEqual(['填报说明', '上期台账', '整改台账', '对比总览', '时限调整', '新增逾期', '本期完成', '进展停滞', '增删事项', '全部变化']);
      expect(after.written.slice(writes).filter((n) => n === '整改台账' || n === '上期台账')).toEqual([]);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await p.page.screenshot({ path: path.join(ARTIFACTS, 'standin-compare.png'), fullPage: true });
      await clean(p);
      await p.page.close();
    });
  });
});
