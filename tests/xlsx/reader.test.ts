/**
 * The reader (src/xlsx/package.ts, sheet-reader.ts) on packages built from raw parts: every value
 * form, the odd but valid package shapes other readers accept, what a sheet uses beyond its values,
 * and the one-decoder-per-part rule on a 50,000-row ledger with text split at every chunk boundary.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isTaizhangError, userMessage } from '../../src/core/words/errors';
import { Grid } from '../../src/core/model/grid';
import { cellValue, readGrids } from '../../src/xlsx';
import { INFLATE_CHUNK } from '../../src/xlsx/zip';
import { LEDGER_SHARED, LEDGER_STYLES, ledgerBody, ledgerBook } from './helpers/ledger';
import { BookSpec, bookParts, buildBook, contentTypes, MAIN_XLSX, rels, sheetData, stylesXml, worksheet, zipParts } from './helpers/package';
import { tempDir } from './helpers/files';

const dir = tempDir('taizhang-reader-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let n = 0;
function save(bytes: Buffer, name = 'book' + ++n + '.xlsx'): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function codeOf(file: string): Promise<string> {
  try {
    await readGrids(file);
  } catch (e) {
    if (isTaizhangError(e)) return e.code;
    throw e;
  }
  return 'ok';
}

describe('one cell: the value Excel shows', () => {
  const shared = ['甲', '', '乙'];
  const cases: [string, Parameters<typeof cellValue>[0], unknown][] = [
    ['a shared string', { type: 's', v: '2', shared }, '乙'],
    ['an empty shared string is empty', { type: 's', v: '1', shared }, null],
    ['a shared index out of range', { type: 's', v: '7', shared }, null],
    ['an inline string, escapes decoded', { type: 'inlineStr', v: '', inline: '第一行_x000D_\n第二行' }, '第一行\r\n第二行'],
    ['a literal _x0041_ is kept through _x005F_', { type: 'inlineStr', v: '', inline: '_x005F_x0041_' }, '_x0041_'],
    ['a formula string result', { type: 'str', v: '已完成（核）' }, '已完成（核）'],
    ['an empty formula string result', { type: 'str', v: '' }, null],
    ['true', { type: 'b', v: '1' }, true],
    ['false', { type: 'b', v: '0' }, false],
    ['an error', { type: 'e', v: '#N/A' }, '#N/A'],
    ['an ISO date cell', { type: 'd', v: '2022-06-30T00:00:00' }, { date: '2022-06-30' }],
    ['a number', { type: null, v: '3.5' }, 3.5],
    ['a number in exponent form', { type: 'n', v: '1.5E+3' }, 1500],
    ['no value', { type: null, v: '' }, null],
    ['a serial in a date format', { type: null, v: '44742', dateFormat: true }, { date: '2022-06-30' }],
    ['a serial with a time in a date format', { type: null, v: '44742.75', dateFormat: true }, { date: '2022-06-30' }],
    ['a serial in the 1904 system', { type: null, v: '43280', dateFormat: true, date1904: true }, { date: '2022-06-30' }],
    ['0 in a date format is a number (Excel shows 1900-01-00)', { type: null, v: '0', dateFormat: true }, 0],
    ['a serial in a number format', { type: null, v: '44742', dateFormat: false }, 44742],
  ];
  test.each(cases)('%s', (_name, input, expected) => expect(cellValue(input)).toEqual(expected));
});

describe('a ledger as Excel saves it', () => {
  let grids: Grid[];
  beforeAll(async () => {
    grids = await readGrids(save(buildBook(ledgerBook())));
  });

  test('sheets in tab order with their names', () => {
    expect(grids.map((g) => g.name)).toEqual(['整改台账', '说明']);
  });

  test('merged cells read as top-left only; styled empty cells are empty', () => {
    const rows = grids[0].rows;
    expect(rows[0]).toEqual(['某局巡察反馈问题整改台账']);
    expect(rows[2]).toEqual(['序号', '存在问题', '整改措施', '责任清单', null, '完成时限', '整改进展']);
    expect(rows[3]).toEqual([null, null, null, '责任领导', '牵头部门', null, '进展情况', '完成状态']);
    expect(rows[4]).toEqual(['一、理论学习方面']);
  });

  test('a date in a custom 年月日 format is a date; formula-like text stays text', () => {
    expect(grids[0].rows[5]).toEqual([1, '理论学习不够深入', '制定年度学习计划', '张明', '办公室', { date: '2022-03-31' }, '已印发学习计划', '已完成']);
    expect(grids[0].rows[6]).toEqual([2, null, '开展专题研讨', '张明', '人事处', '2022年6月底前', '=领导批示', '正在推进']);
  });

  test('usedRight is the last column anything uses; no marker, no ours', () => {
    expect(grids[0].usedRight).toBe(8);
    expect(grids[0].ours).toBeUndefined();
    expect(grids[1]).toEqual({ name: '说明', rows: [['注：本表按季度更新。']], top: 1, left: 1, usedRight: 1 });
  });
});

describe('every value form', () => {
  const shared =
    '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    '<si><r><rPr><b/></rPr><t>整改</t></r><r><t xml:space="preserve">措施 </t></r><rPh sb="0" eb="2"><t>ZHENGGAI</t></rPh></si>' +
    '<si><t>中&#x6587;&amp;&lt;b&gt;</t></si>' +
    '<si><t>第一行\r\n第二行</t></si>' +
    '</sst>';
  const styles = stylesXml({
    numFmts: ['<numFmt numFmtId="180" formatCode="[$-F800]dddd, mmmm dd, yyyy"/>', '<numFmt numFmtId="181" formatCode="0.00_);[Red]\\(0.00\\)"/>'],
    cellXfs: [
      '<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      '<xf numFmtId="31" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      '<xf numFmtId="20" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      '<xf numFmtId="180" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
      '<xf numFmtId="181" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>',
    ],
  });
  const body =
    '<sheetData>' +
    '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c>' +
    '<c r="D1" t="inlineStr"><is><r><t>内联</t></r><r><rPr><i/></rPr><t>富文本</t></r><rPh><t>x</t></rPh></is></c></row>' +
    '<row r="2"><c r="A2" t="b"><v>1</v></c><c r="B2" t="e"><v>#DIV/0!</v></c><c r="C2" t="str"><f>"已"&amp;"完成"</f><v>已完成</v></c>' +
    '<c r="D2"><f>ROW()*2</f><v>4</v></c><c r="E2" t="d"><v>2022-06-30T00:00:00</v></c></row>' +
    '<row r="3"><c r="A3" s="1"><v>44742</v></c><c r="B3" s="2"><v>44742</v></c><c r="C3" s="3"><v>0.5</v></c><c r="D3" s="4"><v>44742</v></c><c r="E3" s="5"><v>44742</v></c></row>' +
    '<row r="4"><c r="A4" t="inlineStr"><is><t>_x005F_x000B_保留</t></is></c><c r="B4" t="inlineStr"><is><t><![CDATA[<原样>]]></t></is></c>' +
    '<c r="C4" t="inlineStr"><is><t>附件一</t></is></c><c r="F4" t="str"><f>IF(A1="","","")</f><v></v></c></row>' +
    '<row r="6"><c r="A6"><v>7</v></c></row>' +
    '</sheetData><hyperlinks><hyperlink ref="C4" r:id="rId1"/></hyperlinks>';
  let grid: Grid;
  beforeAll(async () => {
    const book: BookSpec = {
      sheets: [{ name: '值', xml: worksheet(body), rels: rels([['rId1', 'hyperlink', 'https://example.invalid/a']]).replace('/>', ' TargetMode="External"/>') }],
      styles,
      sharedStrings: shared,
    };
    grid = (await readGrids(save(buildBook(book))))[0];
  });

  test('shared strings: rich runs joined, phonetic runs left out, references decoded, line ends normalized', () => {
    expect(grid.rows[0]).toEqual(['整改措施 ', '中文&<b>', '第一行\n第二行', '内联富文本']);
  });

  test('booleans, errors, cached formula results, ISO date cells', () => {
    expect(grid.rows[1]).toEqual([true, '#DIV/0!', '已完成', 4, { date: '2022-06-30' }]);
  });

  test('dates by number format: built-in 14 and 31, custom [$-F800]; time-only and number formats stay numbers', () => {
    expect(grid.rows[2]).toEqual([{ date: '2022-06-30' }, { date: '2022-06-30' }, 0.5, { date: '2022-06-30' }, 44742]);
  });

  test('escapes, CDATA and a hyperlink read as text; a formula with an empty result still uses its column', () => {
    expect(grid.rows[3]).toEqual(['_x000B_保留', '<原样>', '附件一']);
    expect(grid.usedRight).toBe(6);
    expect(grid.rows[4]).toEqual([]);
    expect(grid.rows[5]).toEqual([7]);
  });
});

describe('odd but valid packages read as the same workbook', () => {
  const SHEET = worksheet(sheetData([['序号', '整改措施', '完成时限'], [1, '修订制度', '2022年6月底前']]));
  const EXPECTED = [['序号', '整改措施', '完成时限'], [1, '修订制度', '2022年6月底前']];
  const base = (): BookSpec => ({ sheets: [{ name: '台账', xml: SHEET }] });
  const shapes: [string, () => Buffer][] = [
    ['as Excel writes it', () => buildBook(base())],
    ['part names with backslashes (some Windows tools)', () => buildBook({ ...base(), arrange: (ps) => ps.map((p) => ({ ...p, name: p.name.replace(/\//g, '\\') })) })],
    ['workbook.xml after the sheets in the zip (openpyxl, pandas)', () => buildBook({ ...base(), arrange: (ps) => ps.slice().reverse() })],
    ['no styles, no shared strings, no docProps', () => buildBook({ ...base(), styles: null })],
    ['no [Content_Types].xml', () => buildBook({ ...base(), arrange: (ps) => ps.filter((p) => p.name !== '[Content_Types].xml') })],
    ['stored entries with data descriptors (streaming writers)', () => buildBook({ ...base(), arrange: (ps) => ps.map((p) => ({ ...p, store: true, descriptor: true })) })],
    ['deflated entries with data descriptors', () => buildBook({ ...base(), arrange: (ps) => ps.map((p) => ({ ...p, descriptor: true })) })],
    ['zip64 records on every entry', () => buildBook({ ...base(), zip: { zip64: true } })],
    ['zip64 with data descriptors', () => buildBook({ ...base(), zip: { zip64: true }, arrange: (ps) => ps.map((p) => ({ ...p, descriptor: true })) })],
    [
      'a minimal package with every part at the root',
      () =>
        zipParts([
          { name: '[Content_Types].xml', data: contentTypes([['/workbook.xml', MAIN_XLSX], ['/sheet1.xml', 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml']]) },
          { name: '_rels/.rels', data: rels([['rId1', 'officeDocument', 'workbook.xml']]) },
          { name: 'workbook.xml', data: '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="台账" sheetId="1" r:id="rId1"/></sheets></workbook>' },
          { name: '_rels/workbook.xml.rels', data: rels([['rId1', 'worksheet', 'sheet1.xml']]) },
          { name: 'sheet1.xml', data: SHEET },
        ]),
    ],
    [
      'a sheet part with a name of its own, in a folder of its own, target given from the root',
      () => buildBook({ sheets: [{ name: '台账', xml: SHEET, part: 'xl/data/整改 台账.xml' }], arrange: (ps) => ps.map((p) => (p.name === 'xl/_rels/workbook.xml.rels' ? { ...p, data: String(p.data).replace('Target="data/整改 台账.xml"', 'Target="/xl/data/%E6%95%B4%E6%94%B9%20%E5%8F%B0%E8%B4%A6.xml"') } : p)) }),
    ],
    ['the main namespace written with a prefix (x:)', () => buildBook({ sheets: [{ name: '台账', xml: SHEET.replace(/<(\/?)(?!\?)/g, '<$1x:').replace('xmlns=', 'xmlns:x=') }], styles: null })],
    ['a relationship id under another prefix', () => buildBook({ ...base(), arrange: (ps) => ps.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: String(p.data).replace(/r:id=/g, 'rel:id=').replace('xmlns:r=', 'xmlns:rel=') } : p)) })],
    ['Strict OOXML namespaces and relationship types', () => buildBook({ ...base(), arrange: (ps) => ps.map((p) => ({ ...p, data: typeof p.data === 'string' ? p.data.replace(/http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships/g, 'http://purl.oclc.org/ooxml/officeDocument/relationships').replace(/http:\/\/schemas\.openxmlformats\.org\/spreadsheetml\/2006\/main/g, 'http://purl.oclc.org/ooxml/spreadsheetml/main') : p.data })) })],
    ['a UTF-8 byte order mark on every part', () => buildBook({ ...base(), arrange: (ps) => ps.map((p) => ({ ...p, data: typeof p.data === 'string' ? '\ufeff' + p.data : p.data })) })],
  ];
  test.each(shapes)('%s', async (_name, make) => {
    const grids = await readGrids(save(make()));
    expect(grids.map((g) => [g.name, g.rows])).toEqual([['台账', EXPECTED]]);
  });
});

test('tab order is workbook.xml\'s, whatever the parts are called and wherever they sit in the zip', async () => {
  const sheet = (text: string) => worksheet(sheetData([[text]]));
  const book: BookSpec = {
    sheets: [
      { name: '说明', xml: sheet('说明'), part: 'xl/worksheets/sheet3.xml' },
      { name: '整改台账', xml: sheet('台账'), part: 'xl/worksheets/sheet1.xml', state: 'hidden' },
      { name: 'Sheet1', xml: sheet('统计'), part: 'xl/worksheets/sheet2.xml' },
    ],
    arrange: (ps) => ps.slice().sort((a, b) => (a.name < b.name ? 1 : -1)),
  };
  const grids = await readGrids(save(buildBook(book)));
  expect(grids.map((g) => [g.name, g.rows[0][0]])).toEqual([['说明', '说明'], ['整改台账', '台账'], ['Sheet1', '统计']]);
});

test('a chart sheet is not a worksheet and is left out', async () => {
  const book = buildBook({
    sheets: [{ name: '台账', xml: worksheet(sheetData([['x']])) }],
    workbookRels: [['rIdC', 'chartsheet', 'chartsheets/sheet1.xml']],
    workbookTail: '',
    extra: [{ part: { name: 'xl/chartsheets/sheet1.xml', data: '<chartsheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>' } }],
    arrange: (ps) => ps.map((p) => (p.name === 'xl/workbook.xml' ? { ...p, data: String(p.data).replace('</sheets>', '<sheet name="图表" sheetId="9" r:id="rIdC"/></sheets>') } : p)),
  });
  expect((await readGrids(save(book))).map((g) => g.name)).toEqual(['台账']);
});

describe('what a sheet uses beyond its values (Grid.usedRight)', () => {
  const rows = sheetData([['序号', '整改措施'], [1, '修订制度']]);
  const cases: [string, BookSpec['sheets'][0], BookSpec['extra'], number][] = [
    ['values only', { name: 's', xml: worksheet(rows) }, [], 2],
    ['a merge to the right', { name: 's', xml: worksheet(rows + '<mergeCells count="1"><mergeCell ref="C1:F1"/></mergeCells>') }, [], 6],
    ['the autofilter', { name: 's', xml: worksheet(rows + '<autoFilter ref="A1:G2"/>') }, [], 7],
    [
      'a table',
      { name: 's', xml: worksheet(rows + '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>'), rels: rels([['rId1', 'table', '../tables/table1.xml']]) },
      [{ part: { name: 'xl/tables/table1.xml', data: '<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="表1" displayName="表1" ref="A1:H2"><autoFilter ref="A1:H2"/></table>' }, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml' }],
      8,
    ],
    [
      'a comment on an empty cell',
      { name: 's', xml: worksheet(rows), rels: rels([['rId1', 'comments', '../comments1.xml']]) },
      [{ part: { name: 'xl/comments1.xml', data: '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>王</author></authors><commentList><comment ref="J2" authorId="0"><text><t>待核实</t></text></comment></commentList></comments>' } }],
      10,
    ],
    ['a column of formulas whose results are empty', { name: 's', xml: worksheet(rows.replace('</row></sheetData>', '<c r="K2" t="str"><f>IF(B2="","",B2&amp;"")</f><v></v></c></row></sheetData>')) }, [], 11],
  ];
  test.each(cases)('%s', async (_name, sheet, extra, right) => {
    const grid = (await readGrids(save(buildBook({ sheets: [sheet], extra }))))[0];
    expect(grid.usedRight).toBe(right);
    expect(grid.rows).toEqual([['序号', '整改措施'], [1, '修订制度']]);
  });
});

test('the marker style on header cells reports our block (Grid.ours)', async () => {
  const styles = LEDGER_STYLES.replace('<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>', '<cellStyleXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>')
    .replace('</cellXfs>', '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="1" applyFont="1"/></cellXfs>')
    .replace('<cellXfs count="5">', '<cellXfs count="6">')
    .replace('</cellStyles>', '<cellStyle name="台账助手" xfId="1"/></cellStyles>');
  const header = '<c r="K3" s="5" t="inlineStr"><is><t>检查意见</t></is></c>';
  const body = ledgerBody().replace('<c r="H3" s="2"/></row>', '<c r="H3" s="2"/><c r="I3" s="2" t="inlineStr"><is><t>备注</t></is></c>' + header + '</row>');
  const grid = (await readGrids(save(buildBook(ledgerBook({ styles }, body)))))[0];
  expect(grid.ours).toEqual({ column: 11, width: 1 });
  expect(grid.usedRight).toBe(11);
});

test('a <!DOCTYPE> is refused with one line that names the part', async () => {
  const book = buildBook(ledgerBook({ sharedStrings: LEDGER_SHARED.replace('<sst', '<!DOCTYPE sst [<!ENTITY a "x">]><sst') }));
  try {
    await readGrids(save(book, 'doctype.xlsx'));
    throw new Error('expected a refusal');
  } catch (e) {
    if (!isTaizhangError(e)) throw e;
    expect(e.code).toBe('xml-doctype');
    expect(userMessage(e, 'zh')).toBe(
      '“' + path.join(dir, 'doctype.xlsx') + '”中的部件 xl/sharedStrings.xml 含有文档类型定义（<!DOCTYPE>）。Excel 保存的工作簿从不含有它，为安全起见不读取这样的文件。请在 Excel 中打开并另存为 .xlsx 后再试。',
    );
  }
});

test('damaged packages are file-corrupt, never a crash', async () => {
  const good = buildBook(ledgerBook());
  const flipped = Buffer.from(good);
  // A byte inside the first entry's compressed data: the CRC no longer matches.
  flipped[200] ^= 0xff;
  const noSheet = buildBook({ ...ledgerBook(), arrange: (ps) => ps.filter((p) => p.name !== 'xl/worksheets/sheet2.xml') });
  const twice = zipParts(bookParts(ledgerBook()).concat([{ name: 'xl\\worksheets\\sheet1.xml', data: '<worksheet/>' }]));
  const badRow = buildBook({ sheets: [{ name: 's', xml: worksheet('<sheetData><row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>') }] });
  const badCol = buildBook({ sheets: [{ name: 's', xml: worksheet('<sheetData><row r="1"><c r="XFE1"><v>1</v></c></row></sheetData>') }] });
  const unclosed = buildBook({ sheets: [{ name: 's', xml: worksheet('<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData>').slice(0, -20) + '<c r="B1" t="' }] });
  expect(await codeOf(save(flipped))).toBe('file-corrupt');
  expect(await codeOf(save(noSheet))).toBe('file-corrupt');
  expect(await codeOf(save(twice))).toBe('file-corrupt');
  expect(await codeOf(save(badRow))).toBe('file-corrupt');
  expect(await codeOf(save(badCol))).toBe('file-corrupt');
  expect(await codeOf(save(unclosed))).toBe('file-corrupt');
});

describe('one decoder per part: a 50,000-row ledger with text split at every chunk boundary', () => {
  const ROWS = 50000;
  /**
   * Shared strings of 3-byte characters, laid out so that every INFLATE_CHUNK-th byte of the part
   * falls inside a character: where a boundary would land in markup, the item before it grows by a
   * character; where it would land on a character's first byte, the item starts with one ASCII 'x'.
   */
  function sharedStrings(): { xml: Buffer; strings: string[] } {
    const head = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">';
    const words = '整改措施落实到位督查督办牵头部门责任领导完成时限进展情况专项检查';
    const cjk = (from: number, len: number) => {
      let t = '';
      for (let k = 0; k < len; k++) t += words.charAt((from + k) % words.length);
      return t;
    };
    const parts: string[] = [head];
    const strings: string[] = [];
    let bytes = Buffer.byteLength(head);
    let boundary = INFLATE_CHUNK;
    for (let i = 0; i < ROWS; i++) {
      let len = 8 + (i % 13);
      let pad = 0;
      for (;;) {
        const runStart = bytes + 7 + pad; // after <si><t> and the padding
        const runEnd = runStart + 3 * len;
        const itemEnd = runEnd + 9; // </t></si>
        if (boundary >= itemEnd + 8) break; // past this item and the next one's markup
        if (boundary >= runEnd) len++;
        else if (boundary < runStart) throw new Error('a boundary in the markup of item ' + i);
        else if ((boundary - runStart) % 3 === 0) pad++;
        else boundary += INFLATE_CHUNK;
      }
      const text = 'x'.repeat(pad) + cjk(i, len);
      const item = '<si><t>' + text + '</t></si>';
      bytes += Buffer.byteLength(item);
      parts.push(item);
      strings.push(text);
    }
    parts.push('</sst>');
    return { xml: Buffer.from(parts.join(''), 'utf8'), strings };
  }

  let xml: Buffer;
  let strings: string[];
  let grids: Grid[];
  beforeAll(async () => {
    ({ xml, strings } = sharedStrings());
    let data = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c><c r="B1" t="inlineStr"><is><t>整改措施</t></is></c></row>';
    for (let i = 0; i < ROWS; i++) data += '<row r="' + (i + 2) + '"><c r="A' + (i + 2) + '"><v>' + (i + 1) + '</v></c><c r="B' + (i + 2) + '" t="s"><v>' + i + '</v></c></row>';
    data += '</sheetData>';
    const book = buildBook({ sheets: [{ name: '台账', xml: worksheet(data) }], sharedStrings: '', arrange: (ps) => ps.map((p) => (p.name === 'xl/sharedStrings.xml' ? { ...p, data: xml } : p)) });
    grids = await readGrids(save(book));
  }, 60000);

  test('the boundaries really split characters', () => {
    let split = 0;
    for (let at = INFLATE_CHUNK; at < xml.length; at += INFLATE_CHUNK) if ((xml[at] & 0xc0) === 0x80) split++;
    expect(split).toBe(Math.floor((xml.length - 1) / INFLATE_CHUNK));
    expect(split).toBeGreaterThan(10);
  });

  test('zero U+FFFD, every string whole', () => {
    const rows = grids[0].rows;
    expect(rows).toHaveLength(ROWS + 1);
    let bad = 0;
    let wrong = 0;
    for (let i = 0; i < ROWS; i++) {
      const v = rows[i + 1][1] as string;
      if (v.indexOf('\ufffd') >= 0) bad++;
      if (v !== strings[i]) wrong++;
    }
    expect({ bad, wrong }).toEqual({ bad: 0, wrong: 0 });
    expect(rows[1]).toEqual([1, '整改措施落实到位']);
    expect(rows[ROWS][0]).toBe(ROWS);
  });
});

test('the 1904 date system: values and cached formula results are read as the days Excel shows', async () => {
  const styles = stylesXml({ cellXfs: ['<xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'] });
  const body = '<sheetData><row r="1"><c r="A1" s="1"><v>43280</v></c><c r="B1" s="1"><f>A1+31</f><v>43311</v></c><c r="C1"><v>43280</v></c></row></sheetData>';
  const book = buildBook({ sheets: [{ name: '台账', xml: worksheet(body) }], styles, workbookHead: '<workbookPr date1904="1"/>' });
  const grid = (await readGrids(save(book)))[0];
  expect(grid.rows[0]).toEqual([{ date: '2022-06-30' }, { date: '2022-07-31' }, 43280]);
});
