/**
 * What the wire carries when the pane runs on the real office.js (16.01, ExcelApi 1.9, the host with
 * the most features to write) over the stand-in: the requests each action sends for a ledger of 100
 * rows and of 20,000 rows, and the largest response against Excel's 5 MB limit; then a
 * ResponsePayloadSizeLimitExceeded and a GeneralException answered in the middle of a write, and
 * what the pane says and does next.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import * as fs from 'fs';
import * as path from 'path';
import { ARTIFACTS, Browser, DIST, describeInBrowser, foreign, launch, serve } from '../helpers';
import { EXCEL_2021_19_ZH, StandInPage, openStandIn, ready } from './harness';
import type { WireRequest } from './bridge';

const LIMIT = 5 * 1024 * 1024;

/**
 * A ledger of `n` measures under a title and a one-row header, as a fixture function's source: five
 * lead departments in turn, every third deadline a text ('2022年6月底前'), the others real dates
 * (serials 44700 to 44819) in a date format, every fourth item done. Written into before (consent kept).
 */
function ledger(n: number): string {
  return (
    '() => {' +
    "var rows = [['某单位巡察反馈问题整改落实台账'], ['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态']];" +
    "var formats = [[], []]; var depts = ['办公室', '宣传部', '组织部', '财务处', '纪检组'];" +
    'for (var i = 1; i <= ' + n + '; i++) {' +
    "  var text = i % 3 === 0; var done = i % 4 === 0;" +
    "  rows.push([i, '第' + i + '项问题：制度执行不到位，日常监督不够有力', '第' + i + '项措施：修订制度并开展专项检查', '某领导', depts[i % 5], text ? '2022年6月底前' : 44700 + (i % 120), done ? '已完成整改并形成长效机制' : '正在推进', done ? '已完成' : '推进中']);" +
    "  formats.push([null, null, null, null, null, text ? null : 'yyyy/m/d', null, null]);" +
    '}' +
    "return { apiVersion: '1.9', sheets: [{ name: '整改台账', rows: rows, formats: formats }], settings: {" +
    "  'taizhang.options': JSON.stringify({ asOf: '2022-07-15', start: '2022-03-01', dueSoonDays: 10, immediateDays: 30 })," +
    "  'taizhang.writeConsent': JSON.stringify({ accepted: true, on: '2022-07-01' }) } };" +
    '}'
  );
}

interface Measured {
  requests: number;
  largestResponse: number;
  largestResponseUtf8: number;
  largestRequest: number;
  what: string[];
}

describeInBrowser('the wire between the pane and Excel, on the real office.js over the stand-in', () => {
  let server: http.Server;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    server = await serve(DIST);
    origin = 'http://localhost:' + (server.address() as AddressInfo).port;
    browser = await launch();
  });

  afterAll(async () => {
    if (browser) await browser.close();
    if (server) await new Promise((r) => server.close(r));
  });

  /** Clicks, waits for the message, and measures the requests the click sent. */
  async function measure(p: StandInPage, selector: string, done: RegExp): Promise<Measured> {
    const before = (await p.wire()).length;
    await p.clickUntil(selector, done, 60000);
    const sent: WireRequest[] = (await p.wire()).slice(before);
    expect(sent.filter((r) => r.error)).toEqual([]);
    return {
      requests: sent.length,
      largestResponse: Math.max(...sent.map((r) => r.responseBytes)),
      largestResponseUtf8: Math.max(...sent.map((r) => r.responseUtf8)),
      largestRequest: Math.max(...sent.map((r) => r.bytes)),
      what: sent.map((r) => r.what.slice(0, 120)),
    };
  }

  const runs: Record<number, Record<string, Measured>> = {};

  it.each([100, 20000])('%i rows: 检查, 生成汇总 (and at 100 rows 生成督办单) each keep to their requests', async (n) => {
    const p = await openStandIn(browser.context, origin, EXCEL_2021_19_ZH, { fixture: ledger(n) });
    await ready(p);
    const check = await measure(p, '#tz-check', /已检查/);
    const summary = await measure(p, '#tz-summarize', /已写入汇总表/);
    // 生成督办单 writes through the same writer as the summary: at 20,000 rows it adds ~8 s and nothing new.
    const notices = n === 100 ? await measure(p, '#tz-make-notices', /督办单-/) : null;
    runs[n] = notices ? { check, summary, notices } : { check, summary };
    expect(await p.on((_h, b) => b.violations)).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(foreign(p.requests, origin)).toEqual([]);
    await p.page.close();
  }, 120000);

  it('the requests per action do not grow with the rows (but for the write budget), and no request or response passes 5 MB', () => {
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'standin-wire.json'), JSON.stringify(runs, null, 2));
    const counts = (n: number) => Object.keys(runs[n]).reduce((m, k) => Object.assign(m, { [k]: runs[n][k].requests }), {} as Record<string, number>);
    // office.js sends one request per sync, and one more at the end of each Excel.run: the
    // _RemoveReference of the ranges it tracked. 检查: the sheet names; every used range with its
    // values, formats and the probed cells' look; the read's clean-up; the page setup and the section
    // bands' last cells (ExcelApi 1.9 here); the four columns; their clean-up. 生成汇总 and 生成督办单
    // read the same way (3), then the sheet names again (to pick free names), the sheets written, the clean-up.
    expect(counts(100)).toEqual({ check: 6, summary: 6, notices: 6 });
    // At 20,000 rows the summary's writes pass the pane's 4 MB budget per sync (src/excel/batch.ts)
    // twice: two requests more. Nothing else grows with the rows.
    expect(counts(20000)).toEqual({ check: 6, summary: 8 });
    const largest = (n: number, key: 'largestResponse' | 'largestRequest') => Math.max(...Object.keys(runs[n]).map((k) => runs[n][k][key]));
    // 100 rows: every answer under 128 KB (the summary's read of the ledger and its four columns is the largest).
    expect(largest(100, 'largestResponse')).toBeLessThan(128 * 1024);
    // 20,000 rows: the same read is about 4.46 M characters, 85% of the limit (and 6.8 MB as UTF-8):
    // under it here; a larger ledger is read again in row slices (the next describe injects that).
    expect(largest(20000, 'largestResponse')).toBeGreaterThan(4 * 1024 * 1024);
    expect(largest(20000, 'largestResponse')).toBeLessThan(LIMIT);
    // The largest request is the summary's write, split at the pane's 4 MB estimate; with office.js's
    // own action JSON it comes to about 4.6 M characters, still under 5 MB.
    expect(largest(20000, 'largestRequest')).toBeLessThan(LIMIT);
    });

  describe('an error answered in the middle of a write', () => {
    let p: StandInPage;
    beforeAll(async () => {
      p = await openStandIn(browser.context, origin, EXCEL_2021_19_ZH, { fixture: ledger(100) });
      await ready(p);
    });
    afterAll(async () => {
      if (p) await p.page.close();
    });

    it('ResponsePayloadSizeLimitExceeded on 检查’s write: the pane says what Excel said and what may be partly written, and 检查 again writes the columns whole', async () => {
      await p.on((_h, b) => (b.inject = { code: 'ResponsePayloadSizeLimitExceeded', skip: 0, runFirst: 'all' }));
      const said = await p.clickUntil('#tz-check', /Excel/);
      expect(said).toBe('Excel 未能完成操作：The response payload size has exceeded the limit. 检查结果的四列可能只写入了一部分，您原有的内容未改动；再点一次“检查”即可重新写完整。');
      expect(await p.page.$eval('#tz-message', (e) => e.className)).toBe('tz-message tz-error');
      // The pane is usable again at once: the buttons are back, and the same click finishes the job.
      expect(await p.page.$eval('#tz-check', (e) => (e as HTMLButtonElement).disabled)).toBe(false);
      await p.clickUntil('#tz-check', /已检查/);
      const cells = await p.on((h) => ({
        header: ['I2', 'J2', 'K2', 'L2'].map((a) => h.value('整改台账', a)),
        // Items 4 (done), 5 (2022-05-24, overdue) and 6 (a text deadline, 2022年6月底前: overdue).
        flags: ['I6', 'I7', 'I8'].map((a) => h.value('整改台账', a)),
        // Item 100 (done), on the last row.
        last: h.value('整改台账', 'I102'),
        sheets: h.state.sheets.map((s) => s.name),
      }));
      expect(cells).toEqual({ header: ['期限状态', '截止日期', '剩余天数', '检查意见'], flags: ['已完成', '逾期', '逾期'], last: '已完成', sheets: ['整改台账'] });
      expect(await p.on((_h, b) => b.violations)).toEqual([]);
    });

    it('ResponsePayloadSizeLimitExceeded on the read of the ledger: 检查 reads it again in row slices and finishes', async () => {
      const before = (await p.wire()).length;
      await p.on((_h, b) => (b.inject = { code: 'ResponsePayloadSizeLimitExceeded', skip: 0, runFirst: 'all', reads: true, match: '"values"' }));
      const said = await p.clickUntil('#tz-check', /已检查|Excel/);
      expect(said).toMatch(/^已检查“整改台账”的 100 项整改措施，结果写在第 I 列起的四列（\d+ 毫秒）。$/);
      const sent = (await p.wire()).slice(before);
      expect(sent.filter((r) => r.error).map((r) => r.error)).toEqual(['ResponsePayloadSizeLimitExceeded']);
      expect(await p.on((h) => h.value('整改台账', 'I102'))).toBe('已完成');
      expect(await p.on((_h, b) => b.violations)).toEqual([]);
    });

    it('GeneralException half-way through 生成汇总’s write: the pane names what may be partly written, and 生成汇总 again rewrites those sheets in place', async () => {
      await p.on((_h, b) => (b.inject = { code: 'GeneralException', skip: 0, runFirst: 400 }));
      const said = await p.clickUntil('#tz-summarize', /Excel/);
      expect(said).toBe('Excel 未能完成操作：An internal error has occurred. 本加载项建的工作表可能只写入了一部分，您原有的工作表未改动；再点一次同一按钮即可重新写完整。');
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await p.page.locator('#tz-message').screenshot({ path: path.join(ARTIFACTS, 'standin-error-message.png') });
      // Half-way: the first summary sheet was added and partly written, the others not yet.
      expect(await p.on((h) => h.state.sheets.map((s) => s.name))).toEqual(['整改台账', '总览']);
      const again = await p.clickUntil('#tz-summarize', /已写入汇总表/);
      expect(again).toBe('已写入汇总表：总览、按方面、按牵头部门、逾期临期、检查问题、汇总台账、通报提纲。');
      // The half-written 总览 was ours, and was rewritten: no 总览 (2) beside it.
      expect(await p.on((h) => h.state.sheets.map((s) => s.name))).toEqual(['整改台账', '总览', '按方面', '按牵头部门', '逾期临期', '检查问题', '汇总台账', '通报提纲']);
      expect(await p.on((_h, b) => b.violations)).toEqual([]);
      fs.mkdirSync(ARTIFACTS, { recursive: true });
      await p.page.screenshot({ path: path.join(ARTIFACTS, 'standin-recovered.png'), fullPage: true });
    });
  });
});
