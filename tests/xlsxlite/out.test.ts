/**
 * src/xlsxlite/out.ts: the XML of the sheets written straight into UTF-8 chunks. Its one scan of
 * cell text must write exactly what the rules say: cellText's escapes (xml.ts, also the patch
 * writer's) and xml:space="preserve" where leading, trailing or doubled white space, a tab or a line
 * break is in the text. Checked on literal cases, then against those rules on random text, with
 * chunks small enough that every piece crosses a chunk's end somewhere.
 */
import * as fc from 'fast-check';
import { XmlOut } from '../../src/xlsxlite/out';
import { cellText, xmlAttr } from '../../src/xlsxlite/xml';
import { registerStyles, writeSheet } from '../../src/xlsxlite/sheet';
import { StyleSheet } from '../../src/xlsxlite/styles';
import { SheetSpec, SpecCell } from '../../src/core/model/spec';

/** What `write` puts through an XmlOut of `size`-byte chunks, and the longest chunk handed on. */
function written(write: (out: XmlOut) => void, size?: number): { text: string; longest: number } {
  const chunks: Buffer[] = [];
  let longest = 0;
  const out = new XmlOut((b) => {
    longest = Math.max(longest, b.length);
    chunks.push(Buffer.from(b));
  }, size);
  write(out);
  const rest = out.rest();
  longest = Math.max(longest, rest.length);
  chunks.push(Buffer.from(rest));
  return { text: Buffer.concat(chunks).toString('utf8'), longest };
}

const t = (s: string, size?: number) => written((out) => out.t(s), size).text;

/** The rule for xml:space="preserve", as ECMAScript's \s reads it. */
const KEEP_SPACE = /^\s|\s$|\s\s|[\t\n\r]/;

describe('XmlOut.t: an inline string\'s text element', () => {
  it('plain text as it is, Chinese included', () => {
    expect(t('整改措施1：建立健全工作机制')).toBe('<t>整改措施1：建立健全工作机制</t>');
    expect(t('')).toBe('<t></t>');
  });

  it('formula-like text is only text', () => {
    expect(t('=SUM(A1:A9)')).toBe('<t>=SUM(A1:A9)</t>');
    expect(t('+86 电话')).toBe('<t>+86 电话</t>');
    expect(t('@x')).toBe('<t>@x</t>');
  });

  it('escapes & < > " and keeps \' as it is', () => {
    expect(t('标题 & <说明> "引号" \'单\'')).toBe('<t>标题 &amp; &lt;说明&gt; &quot;引号&quot; \'单\'</t>');
  });

  it('preserves space at either end, doubled, and with tabs and line breaks; CR LF and CR become LF', () => {
    expect(t('  两端空格  ')).toBe('<t xml:space="preserve">  两端空格  </t>');
    expect(t('中间  两个空格')).toBe('<t xml:space="preserve">中间  两个空格</t>');
    expect(t('中间 一个空格')).toBe('<t>中间 一个空格</t>');
    expect(t('a\tb')).toBe('<t xml:space="preserve">a\tb</t>');
    expect(t('第一行\n第二行\r\n第三行\r第四行')).toBe('<t xml:space="preserve">第一行\n第二行\n第三行\n第四行</t>');
    // Full-width spaces are white space too: the 通报's paragraphs start with two.
    expect(t('\u3000\u3000一、分方面进展情况')).toBe('<t xml:space="preserve">\u3000\u3000一、分方面进展情况</t>');
    expect(t('截至\u30002022年')).toBe('<t>截至\u30002022年</t>');
  });

  it('writes characters XML cannot hold as _xHHHH_, and escapes the underscore of the user\'s own _xHHHH_', () => {
    expect(t('x\u0001y\u001f\ufffe\uffff')).toBe('<t>x_x0001_y_x001F__xFFFE__xFFFF_</t>');
    expect(t('a\u000bb\u000cc')).toBe('<t>a_x000B_b_x000C_c</t>');
    expect(t('_x0041_ 不是 A')).toBe('<t>_x005F_x0041_ 不是 A</t>');
    expect(t('__x00aF_x0042_')).toBe('<t>__x005F_x00aF_x0042_</t>');
    expect(t('_x004_ _xG041_ _x0041')).toBe('<t>_x004_ _xG041_ _x0041</t>');
  });

  it('astral characters in four bytes, a lone surrogate as U+FFFD', () => {
    expect(t('𠀀 emoji 😀')).toBe('<t>𠀀 emoji 😀</t>');
    expect(Buffer.from(t('a\ud800b\udc00')).equals(Buffer.from('<t>a\ufffdb\ufffd</t>'))).toBe(true);
  });

  it('a text longer than a chunk gets a chunk of its own', () => {
    const long = '长'.repeat(5000) + '\n';
    const { text, longest } = written((out) => {
      out.markup('<c>');
      out.t(long);
      out.markup('</c>');
    }, 4096);
    expect(text).toBe('<c><t xml:space="preserve">' + long + '</t></c>');
    expect(longest).toBeGreaterThan(4096);
  });

  it('writes what cellText and the xml:space rule write, on any text, across chunk ends', () => {
    const units = [' ', '\t', '\n', '\r', '\u000b', '\f', '\u3000', '\u00a0', '\u2028', '\u205f', '\ufeff', '_', 'x', '0', 'A',
      'f', 'G', '&', '<', '>', '"', "'", '\u0000', '\u0001', '\u001f', '\ufffe', '\uffff', '中', 'é', '\u0800', '😀', '\ud800',
      '\udc00', 'a', '='];
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...units), { maxLength: 30 }).map((a) => a.join('')), { maxLength: 12 }),
        fc.integer({ min: 240, max: 400 }), (texts, size) => {
          const expected = texts.map((s) => '<t' + (KEEP_SPACE.test(s) ? ' xml:space="preserve"' : '') + '>' + cellText(s) + '</t>').join('|');
          const got = written((out) => texts.forEach((s, i) => {
            if (i) out.markup('|');
            out.t(s);
          }), size).text;
          return got === Buffer.from(expected, 'utf8').toString('utf8');
        }),
      { numRuns: 3000 },
    );
  });
});

describe('XmlOut: markup, attributes and numbers', () => {
  it('markup and attributes: UTF-8, attributes escaped as xmlAttr does', () => {
    const sheet = "'整改台账 & \"其他\"'!C6";
    expect(written((out) => {
      out.markup('<hyperlink location="');
      out.attr(sheet);
      out.markup('"/>');
    }).text).toBe('<hyperlink location="' + xmlAttr(sheet) + '"/>');
    expect(xmlAttr(sheet)).toBe("'整改台账 &amp; &quot;其他&quot;'!C6");
  });

  it('a long markup string goes in pieces that fit a chunk, never splitting a surrogate pair', () => {
    const s = ('<x>' + '😀'.repeat(40) + '中</x>').repeat(20);
    const { text, longest } = written((out) => out.markup(s), 256);
    expect(text).toBe(s);
    expect(longest).toBeLessThanOrEqual(256);
  });

  it('numbers as String writes them', () => {
    const cases = [0, 7, 10, 99, 100, 44834, 2147483647, 2147483648, -1, -15, 0.375, 1.5, 1e21, -0];
    expect(written((out) => cases.forEach((v) => {
      out.digits(v);
      out.markup(',');
    })).text).toBe('0,7,10,99,100,44834,2147483647,2147483648,-1,-15,0.375,1.5,1e+21,0,');
  });
});

describe('writeSheet: a cell object that many rows share', () => {
  // tableSheet (core/sheets/summary.ts) gives the repeated cells of a column one object; the writer keeps the
  // XML of such a cell and copies it, also into a chunk after the one it was first written in.
  const shared: SpecCell = { v: '一、"三重一大" & <制度>\n落实', s: 'wrap' };
  const rows = 300;
  const spec: SheetSpec = {
    name: '共用',
    rows: Array.from({ length: rows }, (_v, r) => [shared, { v: '措施' + (r + 1), s: 'wrap' }, shared]),
  };

  function sheetXml(size: number): string {
    const styles = new StyleSheet();
    registerStyles(spec, styles);
    return written((out) => writeSheet(spec, { styles, selected: true, sheets: {} }, (piece) => out.markup(piece), out), size).text;
  }

  it('writes the same XML in every row as for a cell of its own, across chunk ends', () => {
    const body = ' s="1" t="inlineStr"><is><t xml:space="preserve">一、&quot;三重一大&quot; &amp; &lt;制度&gt;\n落实</t></is></c>';
    const xml = sheetXml(256);
    const data = xml.slice(xml.indexOf('<sheetData>') + 11, xml.indexOf('</sheetData>'));
    const expected: string[] = [];
    for (let r = 1; r <= rows; r++) {
      expected.push('<row r="' + r + '"><c r="A' + r + '"' + body + '<c r="B' + r + '" s="1" t="inlineStr"><is><t>措施' + r +
        '</t></is></c><c r="C' + r + '"' + body + '</row>');
    }
    expect(data).toBe(expected.join(''));
    // Chunks of any size give the same bytes.
    expect(sheetXml(1 << 20)).toBe(xml);
  });
});
