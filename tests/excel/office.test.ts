/** Office.context, defensively (src/excel/office.ts): the language before and after Office answers, and the wait for it. */
import { createFakeHost } from './fake-excel';
import { displayLang, hostInfoLang, whenReady } from '../../src/excel/office';
import { install } from './helpers';

describe('language and start-up', () => {
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
