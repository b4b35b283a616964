/**
 * DocModel (src/core/model/document.ts) -> .docx, small and pure (no Node, no DOM, ES5), through
 * src/xlsxlite's zip: the CLI hands it node:zlib's deflate and a file (src/cli/run-report.ts), the
 * pane can take the STORED bytes (docxBytes) for a download.
 *
 * The page and the faces are those of 党政机关公文格式 (GB/T 9704-2012):
 * - A4; margins top 37 mm, bottom 35 mm, left 28 mm, right 26 mm: a text block of 156 x 225 mm;
 * - 22 lines of 28 characters: a line grid of 225 mm / 22 = 579 twips (every paragraph exactly that),
 *   and 三号 (16 pt) characters set 0.25 pt tighter (CHAR_SPACING), 28 to the 156 mm line;
 * - title 方正小标宋简体 二号 (22 pt); body 仿宋_GB2312 三号; 一、 黑体; （一） 楷体_GB2312; 1. bold 仿宋;
 * - page numbers 4号 宋体 as "— 1 —", odd pages on the right and even on the left, one character in.
 * The 公文 faces are rarely installed outside government machines, so the font table gives each the
 * face Office and LibreOffice substitute: 仿宋, 黑体, 楷体 and 宋体 (w:altName).
 *
 * Every part's bytes depend on the model only (no clock), so the same ledger gives the same file.
 */
import { DocModel, DocParagraph, DocRun, DocStyle, DocTable } from '../core';
import { collect, ByteSink, ZipOptions, ZipWriter } from '../xlsxlite';
import { xmlAttr } from '../xlsxlite/xml';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml.';

/** The 公文 faces and the faces that stand in for them where they are not installed. */
export const FONTS = {
  title: { name: '方正小标宋简体', alt: '宋体' },
  body: { name: '仿宋_GB2312', alt: '仿宋' },
  hei: { name: '黑体', alt: 'SimHei' },
  kai: { name: '楷体_GB2312', alt: '楷体' },
  song: { name: '宋体', alt: 'SimSun' },
};

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 小四 12 pt. */
export const SIZES = { title: 44, body: 32, pageNumber: 28, table: 24 };

/** Twips (1/1440 inch) of the page: A4 and the margins of GB/T 9704 (mm * 1440 / 25.4). */
export const PAGE = { width: 11906, height: 16838, top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1247 };
/** The text block's width in twips: 156 mm. */
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** 225 mm / 22 lines. */
export const LINE_PITCH = 579;
/**
 * Characters drawn 0.25 pt closer than their 16 pt (w:spacing, in twentieths of a point): 28 x 15.75 pt
 * = 441 pt fit the 442.2 pt of 156 mm, where 16 pt characters would make 27 a line. A character grid
 * (docGrid linesAndChars with w:charSpace -849) says the same to Word, but LibreOffice then gives every
 * 16 pt character two cells of 15.79 pt, 14 to a line.
 */
export const CHAR_SPACING = -5;

/** Characters XML 1.0 cannot carry. */
// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function esc(text: string): string {
  return xmlAttr(text.replace(INVALID, ''));
}

function fonts(f: { name: string }): string {
  const n = esc(f.name);
  return '<w:rFonts w:ascii="' + n + '" w:eastAsia="' + n + '" w:hAnsi="' + n + '" w:cs="' + n + '"/>';
}

/** The paragraph styles, by the model's names: id, name, paragraph and run properties. */
const STYLE_DEFS: { id: DocStyle | 'Normal' | 'TableText' | 'TableHead' | 'TableGroup'; name: string; ppr: string; rpr: string }[] = [
  // Off the grid: a 22 pt line is higher than the grid's 579 twips, and LibreOffice gives it two.
  { id: 'title', name: 'Tongbao Title', ppr: '<w:snapToGrid w:val="0"/><w:jc w:val="center"/>', rpr: fonts(FONTS.title) + '<w:sz w:val="' + SIZES.title + '"/><w:szCs w:val="' + SIZES.title + '"/>' },
  { id: 'number', name: 'Tongbao Number', ppr: '<w:jc w:val="center"/>', rpr: '' },
  { id: 'addressee', name: 'Tongbao Addressee', ppr: '', rpr: '' },
  { id: 'body', name: 'Tongbao Body', ppr: '<w:ind w:firstLineChars="200" w:firstLine="640"/>', rpr: '' },
  { id: 'heading1', name: 'Tongbao Heading 1', ppr: '<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="0"/>', rpr: fonts(FONTS.hei) },
  { id: 'heading2', name: 'Tongbao Heading 2', ppr: '<w:keepNext/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="1"/>', rpr: fonts(FONTS.kai) },
  { id: 'heading3', name: 'Tongbao Heading 3', ppr: '<w:ind w:firstLineChars="200" w:firstLine="640"/>', rpr: '' },
  { id: 'signature', name: 'Tongbao Signature', ppr: '<w:jc w:val="right"/><w:ind w:rightChars="400" w:right="1280"/>', rpr: '' },
  { id: 'date', name: 'Tongbao Date', ppr: '<w:jc w:val="right"/><w:ind w:rightChars="400" w:right="1280"/>', rpr: '' },
  { id: 'annexLabel', name: 'Tongbao Annex Label', ppr: '', rpr: fonts(FONTS.hei) },
  { id: 'annexTitle', name: 'Tongbao Annex Title', ppr: '<w:snapToGrid w:val="0"/><w:jc w:val="center"/><w:spacing w:before="0" w:after="' + LINE_PITCH + '"/>', rpr: fonts(FONTS.title) + '<w:sz w:val="' + SIZES.title + '"/><w:szCs w:val="' + SIZES.title + '"/>' },
  { id: 'blank', name: 'Tongbao Blank', ppr: '', rpr: '' },
  {
    id: 'TableText', name: 'Tongbao Table Text',
    ppr: '<w:snapToGrid w:val="0"/><w:jc w:val="left"/><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="exact"/>',
    rpr: '<w:spacing w:val="0"/><w:sz w:val="' + SIZES.table + '"/><w:szCs w:val="' + SIZES.table + '"/>',
  },
  {
    id: 'TableGroup', name: 'Tongbao Table Group',
    ppr: '<w:keepNext/><w:snapToGrid w:val="0"/><w:jc w:val="left"/><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="exact"/>',
    rpr: fonts(FONTS.hei) + '<w:spacing w:val="0"/><w:sz w:val="' + SIZES.table + '"/><w:szCs w:val="' + SIZES.table + '"/>',
  },
  {
    id: 'TableHead', name: 'Tongbao Table Head',
    ppr: '<w:snapToGrid w:val="0"/><w:jc w:val="center"/><w:spacing w:before="0" w:after="0" w:line="300" w:lineRule="exact"/>',
    rpr: fonts(FONTS.hei) + '<w:spacing w:val="0"/><w:sz w:val="' + SIZES.table + '"/><w:szCs w:val="' + SIZES.table + '"/>',
  },
];

function stylesXml(lang: 'zh' | 'en'): string {
  const styles = STYLE_DEFS.map((s) =>
    '<w:style w:type="paragraph" w:customStyle="1" w:styleId="' + s.id + '"><w:name w:val="' + s.name + '"/>' +
    '<w:basedOn w:val="Normal"/><w:qFormat/>' + (s.ppr ? '<w:pPr>' + s.ppr + '</w:pPr>' : '') + (s.rpr ? '<w:rPr>' + s.rpr + '</w:rPr>' : '') +
    '</w:style>').join('');
  return XML_HEAD + '<w:styles xmlns:w="' + W + '">' +
    '<w:docDefaults><w:rPrDefault><w:rPr>' + fonts(FONTS.body) + '<w:kern w:val="2"/><w:sz w:val="' + SIZES.body + '"/><w:szCs w:val="' + SIZES.body + '"/>' +
    '<w:lang w:val="' + (lang === 'zh' ? 'zh-CN' : 'en-US') + '" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>' +
    '<w:pPrDefault><w:pPr><w:widowControl w:val="0"/><w:jc w:val="both"/>' +
    '<w:spacing w:before="0" w:after="0" w:line="' + LINE_PITCH + '" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults>' +
        // The grid's character pitch is reckoned from Normal's size: LibreOffice reads it there, not from the defaults.
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/><w:rPr>' + fonts(FONTS.body) +
    '<w:spacing w:val="' + CHAR_SPACING + '"/><w:sz w:val="' + SIZES.body + '"/><w:szCs w:val="' + SIZES.body + '"/></w:rPr></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:semiHidden/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
    '<w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    styles + '</w:styles>';
}

function fontTableXml(): string {
  const list = [FONTS.title, FONTS.body, FONTS.hei, FONTS.kai, FONTS.song];
  return XML_HEAD + '<w:fonts xmlns:w="' + W + '">' +
    list.map((f) => '<w:font w:name="' + esc(f.name) + '"><w:altName w:val="' + esc(f.alt) + '"/><w:charset w:val="86"/>' +
      '<w:family w:val="' + (f === FONTS.hei ? 'modern' : 'roman') + '"/><w:pitch w:val="variable"/></w:font>').join('') +
    '</w:fonts>';
}

function settingsXml(): string {
  return XML_HEAD + '<w:settings xmlns:w="' + W + '"><w:zoom w:percent="100"/><w:evenAndOddHeaders/>' +
    '<w:defaultTabStop w:val="420"/><w:drawingGridVerticalSpacing w:val="' + LINE_PITCH + '"/>' +
    '<w:characterSpacingControl w:val="compressPunctuation"/><w:compat><w:spaceForUL/><w:balanceSingleByteDoubleByteWidth/>' +
    '<w:doNotLeaveBackslashAlone/><w:ulTrailSpace/><w:doNotExpandShiftReturn/><w:adjustLineHeightInTable/>' +
    '<w:useFELayout/></w:compat></w:settings>';
}

/** "— 1 —" in 宋体 四号: on odd pages at the right, on even pages at the left, one character in. */
function footerXml(odd: boolean): string {
  const rpr = '<w:rPr>' + fonts(FONTS.song) + '<w:sz w:val="' + SIZES.pageNumber + '"/><w:szCs w:val="' + SIZES.pageNumber + '"/></w:rPr>';
  const run = (t: string) => '<w:r>' + rpr + '<w:t xml:space="preserve">' + t + '</w:t></w:r>';
  return XML_HEAD + '<w:ftr xmlns:w="' + W + '" xmlns:r="' + R + '"><w:p><w:pPr><w:snapToGrid w:val="0"/>' +
    '<w:spacing w:line="240" w:lineRule="auto"/><w:jc w:val="' + (odd ? 'right' : 'left') + '"/>' +
    '<w:ind ' + (odd ? 'w:right' : 'w:left') + '="280"/></w:pPr>' +
    run('— ') + '<w:fldSimple w:instr=" PAGE "><w:r>' + rpr + '<w:t>1</w:t></w:r></w:fldSimple>' + run(' —') + '</w:p></w:ftr>';
}

function runXml(r: DocRun): string {
  let rpr = '';
  if (r.font === 'kai') rpr += fonts(FONTS.kai);
  else if (r.font === 'hei') rpr += fonts(FONTS.hei);
  if (r.bold) rpr += '<w:b/><w:bCs/>';
  if (r.placeholder) rpr += '<w:highlight w:val="yellow"/>';
  const head = '<w:r>' + (rpr ? '<w:rPr>' + rpr + '</w:rPr>' : '');
  return r.text.split('\n').map((line) => head + '<w:t xml:space="preserve">' + esc(line) + '</w:t></w:r>').join(head + '<w:br/></w:r>');
}

function paragraphXml(p: DocParagraph): string {
  const ppr = '<w:pStyle w:val="' + p.style + '"/>' + (p.pageBreakBefore ? '<w:pageBreakBefore/>' : '');
  return '<w:p><w:pPr>' + ppr + '</w:pPr>' + p.runs.map(runXml).join('') + '</w:p>';
}

function cellXml(width: number, text: string, style: string, extra: string, center = false): string {
  const lines = text.split('\n');
  const ppr = '<w:pPr><w:pStyle w:val="' + style + '"/>' + (center ? '<w:jc w:val="center"/>' : '') + '</w:pPr>';
  return '<w:tc><w:tcPr><w:tcW w:w="' + width + '" w:type="dxa"/>' + extra + '<w:vAlign w:val="center"/></w:tcPr>' +
    lines.map((l) => '<w:p>' + ppr + (l ? '<w:r><w:t xml:space="preserve">' + esc(l) + '</w:t></w:r>' : '') + '</w:p>').join('') +
    '</w:tc>';
}

function tableXml(t: DocTable): string {
  let total = 0;
  for (let i = 0; i < t.widths.length; i++) total += t.widths[i];
  const widths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const border = (side: string) => '<w:' + side + ' w:val="single" w:sz="4" w:space="0" w:color="000000"/>';
  let out = '<w:tbl><w:tblPr><w:tblW w:w="' + TEXT_WIDTH + '" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>' +
    ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('') + '</w:tblBorders><w:tblLayout w:type="fixed"/>' +
    '<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="80" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="80" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>' + widths.map((w) => '<w:gridCol w:w="' + w + '"/>').join('') + '</w:tblGrid>';
  out += '<w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>' + t.header.map((h, i) => cellXml(widths[i], h, 'TableHead', '')).join('') + '</w:tr>';
  const merge = t.mergeDown || [];
  const spans = (row: string[]) => row.length === 1;
  for (let r = 0; r < t.rows.length; r++) {
    const row = t.rows[r];
    if (spans(row)) {
      out += '<w:tr><w:trPr><w:cantSplit/></w:trPr>' + cellXml(TEXT_WIDTH, row[0], 'TableGroup', '<w:gridSpan w:val="' + widths.length + '"/>') + '</w:tr>';
      continue;
    }
    out += '<w:tr><w:trPr><w:cantSplit/></w:trPr>';
    for (let c = 0; c < widths.length; c++) {
      const text = row[c] || '';
      let extra = '';
      if (merge.indexOf(c) >= 0 && text) {
        const prev = r > 0 ? t.rows[r - 1] : null;
        const next = r + 1 < t.rows.length ? t.rows[r + 1] : null;
        const same = (o: string[] | null) => !!o && !spans(o) && o[c] === text;
        if (same(prev)) extra = '<w:vMerge/>';
        else if (same(next)) extra = '<w:vMerge w:val="restart"/>';
      }
      out += cellXml(widths[c], extra === '<w:vMerge/>' ? '' : text, 'TableText', extra, c === 0);
    }
    out += '</w:tr>';
  }
  return out + '</w:tbl>';
}

function sectionXml(): string {
  return '<w:sectPr><w:footerReference w:type="default" r:id="rId4"/><w:footerReference w:type="even" r:id="rId5"/>' +
    '<w:pgSz w:w="' + PAGE.width + '" w:h="' + PAGE.height + '"/>' +
    '<w:pgMar w:top="' + PAGE.top + '" w:right="' + PAGE.right + '" w:bottom="' + PAGE.bottom + '" w:left="' + PAGE.left + '" w:header="851" w:footer="' + PAGE.footer + '" w:gutter="0"/>' +
    '<w:pgNumType w:fmt="decimal" w:start="1"/><w:cols w:space="425"/>' +
    '<w:docGrid w:type="lines" w:linePitch="' + LINE_PITCH + '"/></w:sectPr>';
}

function relationships(rels: { id: string; type: string; target: string }[]): string {
  return XML_HEAD + '<Relationships xmlns="' + PKG_REL + '">' +
    rels.map((r) => '<Relationship Id="' + r.id + '" Type="' + r.type + '" Target="' + r.target + '"/>').join('') + '</Relationships>';
}

/** Writes the document into `sink`; with `opts.deflate` the parts are compressed, without STORED. */
export function writeDocx(doc: DocModel, sink: ByteSink, opts: ZipOptions = {}): void {
  const zip = new ZipWriter(sink, opts);
  const part = (name: string, type: string) => '<Override PartName="/' + name + '" ContentType="' + type + '"/>';
  zip.text('[Content_Types].xml', (w) => w(XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    part('word/document.xml', CT + 'document.main+xml') + part('word/styles.xml', CT + 'styles+xml') +
    part('word/settings.xml', CT + 'settings+xml') + part('word/fontTable.xml', CT + 'fontTable+xml') +
    part('word/footer1.xml', CT + 'footer+xml') + part('word/footer2.xml', CT + 'footer+xml') +
    part('docProps/core.xml', 'application/vnd.openxmlformats-package.core-properties+xml') + '</Types>'));
  zip.text('_rels/.rels', (w) => w(relationships([
    { id: 'rId1', type: R + '/officeDocument', target: 'word/document.xml' },
    { id: 'rId2', type: PKG_REL + '/metadata/core-properties', target: 'docProps/core.xml' },
  ])));
  zip.text('docProps/core.xml', (w) => w(XML_HEAD + '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
    'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>' + esc(doc.title) + '</dc:title><dc:language>' + (doc.lang === 'zh' ? 'zh-CN' : 'en-US') +
    '</dc:language></cp:coreProperties>'));
  zip.text('word/_rels/document.xml.rels', (w) => w(relationships([
    { id: 'rId1', type: R + '/styles', target: 'styles.xml' },
    { id: 'rId2', type: R + '/settings', target: 'settings.xml' },
    { id: 'rId3', type: R + '/fontTable', target: 'fontTable.xml' },
    { id: 'rId4', type: R + '/footer', target: 'footer1.xml' },
    { id: 'rId5', type: R + '/footer', target: 'footer2.xml' },
  ])));
  zip.text('word/document.xml', (w) => {
    w(XML_HEAD + '<w:document xmlns:w="' + W + '" xmlns:r="' + R + '"><w:body>');
    for (let i = 0; i < doc.blocks.length; i++) {
      const b = doc.blocks[i];
      w(b.kind === 'table' ? tableXml(b) : paragraphXml(b));
    }
    // Word needs a paragraph after a table that ends the body.
    w('<w:p><w:pPr><w:pStyle w:val="blank"/></w:pPr></w:p>' + sectionXml() + '</w:body></w:document>');
  });
  zip.text('word/styles.xml', (w) => w(stylesXml(doc.lang)));
  zip.text('word/settings.xml', (w) => w(settingsXml()));
  zip.text('word/fontTable.xml', (w) => w(fontTableXml()));
  zip.text('word/footer1.xml', (w) => w(footerXml(true)));
  zip.text('word/footer2.xml', (w) => w(footerXml(false)));
  zip.finish();
}

/** The document as .docx bytes (STORED), for a download from the pane. */
export function docxBytes(doc: DocModel): Uint8Array {
  return collect((sink) => writeDocx(doc, sink));
}
