/** Grid helpers: the one test of whether a number format shows a date, shared by both hosts. */
import { cellText, isDateNumberFormat, isSpaceCode } from '../../../src/core/text/grid';

describe('isDateNumberFormat', () => {
  it.each([
    // dates
    ['yyyy/m/d', true],
    ['yyyy-mm-dd', true],
    ['m/d/yy', true],
    ['d-mmm', true],
    ['mmm-yy', true],
    ['mmmmm', true],
    ['dddd', true],
    ['yyyy"年"m"月"d"日"', true],
    ['yyyy年m月d日', true],
    ['[$-F800]dddd, mmmm dd, yyyy', true],
    ['[DBNum1][$-804]yyyy"年"m"月"d"日"', true],
    ['[$-804]aaaa', true],
    ['e"年"m"月"d"日"', true],
    ['ge.m.d', true],
    ['bbbb/mm/dd', true],
    ['m/d/yy h:mm', true],
    ['yyyy-mm-dd hh:mm:ss.000', true],
    ['yyyy/m/d;@', true],
    ['[Red]yyyy-mm-dd', true],
    ['\\Dd', true],
    // times: m after h or before s is minutes
    ['h:mm:ss', false],
    ['h:mm', false],
    ['mm:ss', false],
    ['mm:ss.0', false],
    ['[h]:mm:ss', false],
    ['[mm]:ss', false],
    ['h:mm AM/PM', false],
    ['[$-F400]h:mm:ss AM/PM', false],
    ['上午/下午h"时"mm"分"', false],
    ['hh"h"mm', false],
    // numbers and text
    ['General', false],
    ['general', false],
    ['General;[Red]-General', false],
    ['@', false],
    ['', false],
    [null, false],
    [undefined, false],
    ['0', false],
    ['0.00%', false],
    ['0.00E+00', false],
    ['#,##0', false],
    ['#,##0.00_);[Red](#,##0.00)', false],
    ['_(* #,##0_);_(* (#,##0);_(* "-"_);_(@_)', false],
    ['"d"0', false],
    ['\\d0', false],
    ['0"天"', false],
    ['0 "days"', false],
    ['# ?/?', false],
    [';;;', false],
    ['"年度"@', false],
  ])('isDateNumberFormat(%j) = %s', (fmt, want) => {
    expect(isDateNumberFormat(fmt as string | null | undefined)).toBe(want);
  });
});

describe('cellText trims what a user sees as space', () => {
  it('isSpaceCode is exactly the regex \\s, over every UTF-16 code unit', () => {
    const differ: number[] = [];
    for (let c = 0; c <= 0xffff; c++) if (isSpaceCode(c) !== /\s/.test(String.fromCharCode(c))) differ.push(c);
    expect(differ).toEqual([]);
  });

  it.each([
    ['\u3000办公室\u3000', '办公室'],
    [' 2022年6月底前\n', '2022年6月底前'],
    ['\u00a0张明', '张明'],
    ['\ufeff已完成', '已完成'],
    ['第一行\r\n第二行', '第一行\n第二行'],
    ['立行立改', '立行立改'],
    ['\u200b零宽', '\u200b零宽'],
  ])('%j reads as %j', (raw, text) => {
    expect(cellText(raw)).toBe(text);
  });
});
