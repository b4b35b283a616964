/**
 * The sheet reader's fast lane (sheet-reader.ts fast, fastRow, fastCell) and the scanner's general
 * path read the same cells however the part is cut into pieces: the lane is offered a tag only with
 * FAST_ROOM characters after its '<', stops taking a row's cells within FAST_ROOM of the end, and
 * reads nothing past the end of a piece (a read past it costs V8 the lane's optimized code). Here a
 * worksheet of every cell shape the lane takes, and some it leaves to the general path, is read
 * whole and then cut in two at every one of its characters, and in three around each cell.
 */
import type { Grid } from '../../src/core';
import { FAST_ROOM } from '../../src/xlsx/xml';
import { readSheet, SheetContext } from '../../src/xlsx/sheet-reader';
import type { Package, SheetRef } from '../../src/xlsx/package';
import type { ZipEntry } from '../../src/xlsx/zip';

const ROWS = [
  // Excel: r, s, t in that order; a shared string, a styled number, a styled empty cell.
  '<row r="1" spans="1:4"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="2"><v>12</v></c><c r="C1" s="1"/><c r="D1" t="s"><v>1</v></c></row>',
  // exceljs: no style, numbers without t; a date under the date style (s="3").
  '<row r="2"><c r="A2"><v>2</v></c><c r="B2" t="s"><v>2</v></c><c r="C2" s="3"><v>44742</v></c></row>',
  // openpyxl's write-only mode: inline strings with character references, t before s, long text.
  '<row r="3"><c r="A3" t="inlineStr"><is><t>&#25972;&#25913;&#25514;&#26045;&#65306;&#24314;&#31435;&#20581;&#20840;&#24037;&#20316;&#26426;&#21046;</t></is></c><c r="B3" t="n" s="2"><v>3.5</v></c></row>',
  // LibreOffice: a formula with its cached string and number, a boolean, a space-preserved inline string.
  '<row r="4" customFormat="false" ht="12.8" hidden="false" customHeight="false" outlineLevel="0" collapsed="false"><c r="A4" s="0" t="str"><f>A1&amp;"x"</f><v>整改x</v></c><c r="B4" s="0" t="n"><f>B1*2</f><v>24</v></c><c r="C4" t="b"><v>1</v></c><c r="D4" t="inlineStr"><is><t xml:space="preserve">  前后有空格  </t></is></c></row>',
  // No r on cells or rows (allowed), and a cell whose attributes are in another order.
  '<row><c t="s"><v>3</v></c><c><v>7</v></c></row><row r="7"><c t="s" r="B7" s="1"><v>0</v></c></row>',
  // Wide columns and a far row, an error value, an empty <v/>.
  '<row r="120" spans="1:30"><c r="AB120" s="2"><v>1200</v></c><c r="AC120" t="e"><v>#N/A</v></c><c r="AD120"><v/></c></row>',
];
const SHARED = ['存在问题', '牵头部门', '整改措施1：建立健全工作机制', '办公室'];
const XML =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<sheetData>' + ROWS.join('') + '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

/** readSheet over the part cut at `cuts` (byte offsets), as the zip's inflater would hand it on. */
async function readCut(cuts: number[]): Promise<Grid> {
  const bytes = Buffer.from(XML, 'utf8');
  const bounds = [0, ...cuts, bytes.length];
  const zip = {
    display: 'cut.xlsx',
    async *chunks() {
      for (let i = 0; i + 1 < bounds.length; i++) if (bounds[i + 1] > bounds[i]) yield bytes.subarray(bounds[i], bounds[i + 1]);
    },
    get: () => undefined,
  };
  const pkg = { zip, date1904: false } as unknown as Package;
  const dateXf = new Uint8Array([0, 0, 0, 1]);
  const ctx: SheetContext = { pkg, shared: SHARED, dateXf, markXf: new Uint8Array(4), cells: { count: 0 } };
  const sheet = { name: '台账', sheetId: '1', state: 'visible', part: 'xl/worksheets/sheet1.xml', entry: {} as ZipEntry, rels: [] } as SheetRef;
  return readSheet(ctx, sheet);
}

let whole: Grid;
beforeAll(async () => {
  whole = await readCut([]);
});

test('the sheet read whole: every shape of cell, counted by hand', () => {
  expect(FAST_ROOM).toBe(16);
  const rows = whole.rows;
  expect(rows.length).toBe(120);
  expect(rows[0]).toEqual(['存在问题', 12, null, '牵头部门']);
  expect(rows[1]).toEqual([2, '整改措施1：建立健全工作机制', { date: '2022-06-30' }]);
  expect(rows[2]).toEqual(['整改措施：建立健全工作机制', 3.5]);
  expect(rows[3]).toEqual(['整改x', 24, true, '  前后有空格  ']);
  // The row without r is row 5 (after row 4), its cells A and B; row 7 names itself.
  expect(rows[4]).toEqual(['办公室', 7]);
  expect(rows[5]).toEqual([]);
  expect(rows[6]).toEqual([null, '存在问题']);
  expect(rows[119].length).toBe(29);
  expect(rows[119][27]).toBe(1200);
  // AC120's error value is kept as its text; AD120's empty <v/> is no value, so column 29 is the last used.
  expect(rows[119][28]).toBe('#N/A');
  expect(whole.usedRight).toBe(29);
});

test('cut in two at every character, the same grid', async () => {
  const n = Buffer.byteLength(XML, 'utf8');
  for (let k = 1; k < n; k++) {
    const grid = await readCut([k]);
    if (JSON.stringify(grid) !== JSON.stringify(whole)) expect({ cutAt: k, grid }).toEqual({ cutAt: k, grid: whole });
  }
});

test('cut in three, around each cell: the same grid', async () => {
  const bytes = Buffer.from(XML, 'utf8');
  const starts: number[] = [];
  for (let i = bytes.indexOf('<c '); i >= 0; i = bytes.indexOf('<c', i + 1)) starts.push(i);
  expect(starts.length).toBe(19);
  for (const s of starts) {
    for (let d = -FAST_ROOM - 2; d <= FAST_ROOM + 2; d++) {
      const a = Math.max(1, s + d);
      const grid = await readCut([a, Math.min(bytes.length - 1, a + 7)]);
      if (JSON.stringify(grid) !== JSON.stringify(whole)) expect({ cuts: [a, a + 7], grid }).toEqual({ cuts: [a, a + 7], grid: whole });
    }
  }
});
