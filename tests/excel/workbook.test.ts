/** Selection, the new workbook (src/excel/workbook.ts), the settings (src/excel/settings.ts) and the language (src/excel/office.ts). */
import { createFakeHost } from './fake-excel';
import { selectCell, openAsNewWorkbook } from '../../src/excel/workbook';
import { officeStore } from '../../src/excel/settings';
import { loadOptions, saveOptions } from '../../src/host/settings';
import { displayLang, hostInfoLang, whenReady } from '../../src/excel/office';
import { LEDGER, install, makeHost } from './helpers';

describe('selection, new workbook, settings, language', () => {
  it('selectCell activates the sheet and selects the cell in one sync', async () => {
    const host = makeHost('1.1');
    await selectCell(LEDGER, 'F12');
    expect(host.state.syncCount).toBe(1);
    expect(host.state.activeSheet).toBe(LEDGER);
    expect(host.state.selection).toEqual({ sheet: LEDGER, address: 'F12' });
  });

  it('openAsNewWorkbook needs ExcelApi 1.8', async () => {
    makeHost('1.7');
    expect(await openAsNewWorkbook(() => Promise.resolve('UEsDBA=='))).toEqual({ status: 'not-supported', reason: 'api' });
    const host = makeHost('1.8');
    expect(await openAsNewWorkbook(() => Promise.resolve('UEsDBA=='))).toEqual({ status: 'opened' });
    expect(host.state.createdWorkbooks).toEqual(['UEsDBA==']);
  });

  it('options are saved in the workbook settings and read back', async () => {
    const host = makeHost('1.1');
    expect(loadOptions(officeStore)).toEqual({});
    expect(await saveOptions(officeStore, { start: '2022-03-01', dueSoonDays: 7, immediateDays: 30 })).toBe(true);
    expect(host.state.settingsSaved).toBe(1);
    expect(loadOptions(officeStore)).toEqual({ start: '2022-03-01', dueSoonDays: 7, immediateDays: 30 });
  });

  it('before Office answers, the language is the one in the page address office.js reads, else Chinese', () => {
    expect(hostInfoLang('?_host_Info=Excel$Win32$16.01$en-US$$$$0')).toBe('en');
    expect(hostInfoLang('?_host_Info=Excel$Win32$16.00$zh-CN$$$$0')).toBe('zh');
    expect(hostInfoLang('?et=&_host_Info=Excel%24Win32%2416.01%24en-GB%24%24%24%240')).toBe('en');
    expect(hostInfoLang('?_host_Info=Excel|Win32|16.01|en-US|||')).toBe('en');
    expect(hostInfoLang('')).toBe('zh');
    expect(hostInfoLang('?_host_Info=%E0%A4%A')).toBe('zh');
  });

  it('whenReady says so once when Office never answers, and still starts if it answers later', () => {
    jest.useFakeTimers();
    try {
      let answer: (() => void) | null = null;
      // Office answers, but there is no Excel behind it (as in a plain browser).
      (global as unknown as { Excel: unknown }).Excel = undefined;
      (global as unknown as { Office: unknown }).Office = { onReady: (cb: () => void) => (answer = cb), context: {} };
      const calls: string[] = [];
      whenReady((inOffice) => calls.push('ready ' + inOffice), () => calls.push('silent'), 10000);
      jest.advanceTimersByTime(9999);
      expect(calls).toEqual([]);
      jest.advanceTimersByTime(1);
      expect(calls).toEqual(['silent']);
      jest.advanceTimersByTime(60000);
      answer!();
      answer!();
      expect(calls).toEqual(['silent', 'ready false']);
      // Answered in time: no silence line.
      const quick: string[] = [];
      (global as unknown as { Office: unknown }).Office = { onReady: (cb: () => void) => setTimeout(cb, 50), context: {} };
      whenReady(() => quick.push('ready'), () => quick.push('silent'), 10000);
      jest.advanceTimersByTime(20000);
      expect(quick).toEqual(['ready']);
    } finally {
      jest.useRealTimers();
    }
  });

  it('English only when Office displays English', () => {
    const host = createFakeHost({ apiVersion: '1.1', sheets: [{ name: 'a', rows: [] }], displayLanguage: 'en-US' });
    install(host);
    expect(displayLang()).toBe('en');
    install(createFakeHost({ apiVersion: '1.1', sheets: [{ name: 'a', rows: [] }], displayLanguage: 'zh-CN' }));
    expect(displayLang()).toBe('zh');
  });
});
