/**
 * XML text decoding (src/xlsx/xml.ts decodeRange, behind decodeText, decodeEntities and textOf) and
 * the two fast lanes that use it: inline strings in a sheet (openpyxl's write-only shape, every CJK
 * character a &#NNNNN; reference) and shared string items with rich runs and <phoneticPr> (Excel's
 * zh-CN shape). Expected strings are written out by hand.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Grid } from '../../src/core/model/grid';
import { readGrids } from '../../src/xlsx';
import { decodeEntities, decodeText, textOf } from '../../src/xlsx/xml';
import { INFLATE_CHUNK } from '../../src/xlsx/zip';
import { buildBook, worksheet } from './helpers/package';
import { tempDir } from './helpers/files';

const dir = tempDir('taizhang-xml-text-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('character references and entities', () => {
  test.each([
    ['&#25972;&#25913;', '整改'],
    ['&#x6574;&#x6539;', '整改'],
    ['&#x6574;&#X6539;', '整&#X6539;'],
    ['&#131072;', '\u{20000}'],
    ['&#x20000;&#x1F600;', '\u{20000}\u{1F600}'],
    ['&amp;&#38;', '&&'],
    ['&amp;#25972;', '&#25972;'],
    ['&lt;b&gt;&quot;&apos;', '<b>"\''],
    ['a & b', 'a & b'],
    ['&nbsp;&foo;&#;&#x;&#12a;', '&nbsp;&foo;&#;&#x;&#12a;'],
    ['&#1114111;&#1114112;&#x110000;', '\u{10FFFF}&#1114112;&#x110000;'],
    ['&#0000025972;', '整'],
    ['&', '&'],
    ['&#25972', '&#25972'],
    ['整改措施1：&#24314;立', '整改措施1：建立'],
  ])('%s -> %s', (raw, expected) => {
    expect(decodeText(raw)).toBe(expected);
    expect(decodeEntities(raw)).toBe(expected);
    expect(textOf('<t>' + raw + '</t>', 3, 3 + raw.length)).toBe(expected);
  });

  test('line ends: CR LF and a lone CR become LF in text, a referenced CR stays', () => {
    expect(decodeText('第一行\r\n第二行\r第三行')).toBe('第一行\n第二行\n第三行');
    expect(decodeText('a&#13;\nb')).toBe('a\r\nb');
    expect(textOf('x\r\ny\r', 0, 5)).toBe('x\ny\n');
    // Attribute values keep theirs (decodeEntities does not touch line ends).
    expect(decodeEntities('a\r\n&amp;')).toBe('a\r\n&');
  });

  test('a range stops where it is told: a reference cut by the end is kept as written', () => {
    const b = '<t>&#25972;&#25913;</t>';
    expect(textOf(b, 3, 11)).toBe('整');
    expect(textOf(b, 3, 18)).toBe('整&#25913');
    expect(textOf(b, 3, 3)).toBe('');
  });

  test('text without a reference comes back unchanged; long text is decoded whole', () => {
    expect(decodeText('已完成')).toBe('已完成');
    const long = '&#25972;&#25913;'.repeat(5000) + '&amp;';
    expect(decodeText(long)).toBe('整改'.repeat(5000) + '&');
  });
});

let n = 0;
function save(bytes: Buffer): string {
  const file = path.join(dir, 'book' + ++n + '.xlsx');
  fs.writeFileSync(file, bytes);
  return file;
}

/** ASCII-only text as openpyxl writes it: every non-ASCII character a decimal reference. */
function refs(t: string): string {
  return t
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[^\x20-\x7e\n]/gu, (c) => '&#' + (c.codePointAt(0) as number) + ';');
}

describe('inline strings as openpyxl writes them', () => {
  test('one row of every kind: references, surrogate pairs, escapes, an empty string, numbers', async () => {
    const row =
      '<row r="1">' +
      '<c r="A1" t="inlineStr"><is><t>' + refs('整改措施1：建立健全工作机制') + '</t></is></c>' +
      '<c r="B1" t="inlineStr"><is><t>' + refs('𠀀字 & <标记>') + '</t></is></c>' +
      '<c r="C1" t="inlineStr"><is><t>' + refs('已开展第3轮检查\n形成问题清单12项') + '</t></is></c>' +
      '<c r="D1" t="inlineStr"><is><t></t></is></c>' +
      '<c r="E1" t="n"><v>7</v></c>' +
      '<c r="F1" t="inlineStr"><is><t>_x000D_&#25972;</t></is></c>' +
      '<c r="G1" t="inlineStr"><is><t>&#25972;&bad;</t></is></c>' +
      '</row>';
    const grid = (await readGrids(save(buildBook({ sheets: [{ name: '台账', xml: worksheet('<sheetData>' + row + '</sheetData>') }] }))))[0];
    expect(grid.rows).toEqual([['整改措施1：建立健全工作机制', '𠀀字 & <标记>', '已开展第3轮检查\n形成问题清单12项', null, 7, '\r整', '整&bad;']]);
  });

  test('20,000 rows of references read whole across every chunk boundary of the part', async () => {
    // Each row: a number and a 12-character text, 11 of them CJK as references (8 bytes a
    // character): about 4 MB of XML, so some fifteen 256 KiB chunks end inside a reference or a tag.
    const rows: string[] = [];
    for (let r = 1; r <= 20000; r++) {
      rows.push('<row r="' + r + '"><c r="A' + r + '" t="n"><v>' + r + '</v></c><c r="B' + r + '" t="inlineStr"><is><t>' + refs('整改措施：第' + (r % 10) + '项已完成销号') + '</t></is></c></row>');
    }
    const xml = worksheet('<sheetData>' + rows.join('') + '</sheetData>');
    expect(xml.length).toBeGreaterThan(14 * INFLATE_CHUNK);
    const grid = (await readGrids(save(buildBook({ sheets: [{ name: '台账', xml }] }))))[0];
    expect(grid.rows.length).toBe(20000);
    expect(grid.rows[0]).toEqual([1, '整改措施：第1项已完成销号']);
    expect(grid.rows[9999]).toEqual([10000, '整改措施：第0项已完成销号']);
    expect(grid.rows[19999]).toEqual([20000, '整改措施：第0项已完成销号']);
    const wrong = grid.rows.filter((row, i) => row[0] !== i + 1 || row[1] !== '整改措施：第' + ((i + 1) % 10) + '项已完成销号');
    expect(wrong).toEqual([]);
  });
});

describe('shared string items as Excel (zh-CN) writes them', () => {
  let grid: Grid;
  beforeAll(async () => {
    const ph = '<phoneticPr fontId="1" type="noConversion"/>';
    const rPr = '<rPr><b/><sz val="11"/><color theme="1"/><rFont val="宋体"/><family val="3"/><charset val="134"/><scheme val="minor"/></rPr>';
    const shared =
      '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9">' +
      '<si><t>序号</t>' + ph + '</si>' +
      '<si><r>' + rPr + '<t>问题1：</t></r><r><rPr><sz val="11"/><rFont val="宋体"/></rPr><t>制度执行不到位</t></r>' + ph + '</si>' +
      '<si><r>' + rPr + '<t xml:space="preserve">已开展第3轮检查\n</t></r><r><t>形成问题清单12项</t></r></si>' +
      '<si><r><t>整改</t></r><rPh sb="0" eb="2"><t>ZHENGGAI</t></rPh>' + ph + '</si>' +
      '<si><t xml:space="preserve"> 前后有空格 </t></si>' +
      '<si><r>' + rPr + '<t>&#25972;&amp;改</t></r></si>' +
      '<si><t/>' + ph + '</si>' +
      // Valid shapes the lane leaves to the general path: white space in the end tag, indentation.
      '<si><t>甲</t></si >' +
      '<si>\n  <t>乙</t>\n</si>' +
      '</sst>';
    const cells = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((i) => '<c r="' + 'ABCDEFGHI'[i] + '1" s="0" t="s"><v>' + i + '</v></c>').join('');
    const xml = worksheet('<sheetData><row r="1" spans="1:9" x14ac:dyDescent="0.15">' + cells + '</row></sheetData>', ' xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"');
    grid = (await readGrids(save(buildBook({ sheets: [{ name: '台账', xml }], sharedStrings: shared }))))[0];
  });

  test('runs joined, phonetic runs and properties left out, spaces kept, references decoded', () => {
    expect(grid.rows[0]).toEqual(['序号', '问题1：制度执行不到位', '已开展第3轮检查\n形成问题清单12项', '整改', ' 前后有空格 ', '整&改', null, '甲', '乙']);
  });
});
