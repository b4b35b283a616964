/** The one A1 module (text/a1.ts): every host and the core read and write addresses through it. */
import { a1, cellRef, colLetter, colNumber, parseA1, quoteSheet, rangeRef, refColumn } from '../../../src/core/text/a1';

describe('columns', () => {
  it.each([
    [1, 'A'], [26, 'Z'], [27, 'AA'], [52, 'AZ'], [53, 'BA'], [702, 'ZZ'], [703, 'AAA'], [16384, 'XFD'],
  ])('%d <-> %s', (n, letters) => {
    expect(colLetter(n)).toBe(letters);
    expect(colNumber(letters)).toBe(n);
    expect(colNumber(letters.toLowerCase())).toBe(n);
  });
  it.each([['AB12', 28], ['$C$3', 3], ['c3', 3], ['12', 0], ['', 0]])('refColumn(%j) = %d', (ref, col) => expect(refColumn(ref)).toBe(col));
});

describe('cells', () => {
  it.each([
    ['B3', { row: 3, col: 2 }],
    ['$B$3', { row: 3, col: 2 }],
    ['b3', { row: 3, col: 2 }],
    ['XFD1048576', { row: 1048576, col: 16384 }],
    ['B', null],
    ['3', null],
    ['B3:C4', null],
    ['ABCD1', null],
    ["'台账'!B3", null],
  ])('cellRef(%j)', (ref, expected) => expect(cellRef(ref)).toEqual(expected));
  test('a1 and parseA1 go both ways; parseA1 refuses what is not a cell', () => {
    expect(a1(12, 28)).toBe('AB12');
    expect(parseA1('AB12')).toEqual({ row: 12, col: 28 });
    expect(() => parseA1('AB')).toThrow('bad A1 address: AB');
  });
});

describe('ranges', () => {
  it.each([
    ['B3:D9', { r1: 3, c1: 2, r2: 9, c2: 4 }],
    ['$B$3:$D$9', { r1: 3, c1: 2, r2: 9, c2: 4 }],
    ['B3', { r1: 3, c1: 2, r2: 3, c2: 2 }],
    // Written from the other corner, as some writers' <mergeCell ref> does.
    ['D9:B3', { r1: 3, c1: 2, r2: 9, c2: 4 }],
    ['D3:B9', { r1: 3, c1: 2, r2: 9, c2: 4 }],
    // Office.js addresses carry the sheet; a quoted name may hold ! and :.
    ['Sheet1!B2:F30', { r1: 2, c1: 2, r2: 30, c2: 6 }],
    ["'整改台账 (2)'!A1", { r1: 1, c1: 1, r2: 1, c2: 1 }],
    ["'a!b:c'!C5:C7", { r1: 5, c1: 3, r2: 7, c2: 3 }],
    [' A1:B2 ', { r1: 1, c1: 1, r2: 2, c2: 2 }],
    ['A1:B2:C3', null],
    ['A:B', null],
    ['', null],
  ])('rangeRef(%j)', (ref, expected) => expect(rangeRef(ref)).toEqual(expected));
});

test.each([
  ['整改台账', "'整改台账'"],
  ["O'Brien", "'O''Brien'"],
  ['总览', "'总览'"],
])('quoteSheet(%j) = %s', (name, quoted) => expect(quoteSheet(name)).toBe(quoted));
