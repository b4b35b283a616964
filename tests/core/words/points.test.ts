/** A change of completion rate is said in percentage points (个百分点), never as a percent of the rate. */
import { COMPARE_TEXT } from '../../../src/core';

test('提高1.7个百分点, 下降5.0个百分点, 持平; up/down … percentage points in English', () => {
  const zh = COMPARE_TEXT.zh.points;
  // 25.0% -> 26.7%: 0.267 - 0.25 = 0.017.
  expect(zh(0.267 - 0.25)).toBe('提高1.7个百分点');
  expect(zh(0.2 - 0.25)).toBe('下降5.0个百分点');
  expect(zh(0)).toBe('持平');
  expect(zh(0.0004)).toBe('持平');
  expect(COMPARE_TEXT.en.points(0.017)).toBe('up 1.7 percentage points');
  expect(COMPARE_TEXT.en.points(-0.05)).toBe('down 5.0 percentage points');
});
