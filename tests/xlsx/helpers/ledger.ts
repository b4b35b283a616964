/**
 * A ledger sheet in raw SpreadsheetML, the way Excel saves a 台账: a merged title, a 填报 row, a
 * two-row header under merged parents, 仿宋 body cells with thin borders and centred text, a section
 * row, a problem merged over two measures, real dates, shared strings. The styles it refers to are in
 * LEDGER_STYLES (s=1 title, 2 header, 3 body, 4 body date).
 */
import { BookSpec, stylesXml, worksheet } from './package';

export const LEDGER_STYLES = stylesXml({
  fonts: ['<font><b/><sz val="16"/><name val="方正小标宋简体"/><family val="3"/><charset val="134"/></font>', '<font><sz val="12"/><name val="仿宋_GB2312"/><family val="3"/><charset val="134"/></font>', '<font><b/><sz val="12"/><name val="黑体"/><family val="3"/><charset val="134"/></font>'],
  fills: ['<fill><patternFill patternType="solid"><fgColor rgb="FFD9D9D9"/><bgColor indexed="64"/></patternFill></fill>'],
  borders: ['<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>'],
  numFmts: ['<numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'],
  cellXfs: [
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>',
    '<xf numFmtId="0" fontId="3" fillId="2" borderId="1" xfId="0" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
    '<xf numFmtId="0" fontId="2" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center" wrapText="1"/></xf>',
    '<xf numFmtId="176" fontId="2" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyFont="1" applyBorder="1" applyAlignment="1"><alignment horizontal="center" vertical="center"/></xf>',
  ],
});

const STRINGS = [
  '某局巡察反馈问题整改台账', // 0
  '填报单位：办公室　　填报时间：2022年7月15日', // 1
  '序号', '存在问题', '整改措施', '责任清单', '完成时限', '整改进展', // 2-7
  '责任领导', '牵头部门', '进展情况', '完成状态', // 8-11
  '一、理论学习方面', // 12
  '理论学习不够深入', '制定年度学习计划', '张明', '办公室', '已印发学习计划', '已完成', // 13-18
  '开展专题研讨', '人事处', '2022年6月底前', '正在推进', // 19-22
  '二、制度建设方面', // 23
  '制度执行不到位', '修订财务制度', '李华', '财务处', '长期坚持', '持续推进', // 24-29
  '=领导批示', '立行立改', // 30, 31
];

function si(s: string): string {
  return '<si><t>' + s.replace(/&/g, '&amp;').replace(/</g, '&lt;') + '</t></si>';
}

export const LEDGER_SHARED =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="' +
  STRINGS.length + '" uniqueCount="' + STRINGS.length + '">' + STRINGS.map(si).join('') + '</sst>';

const s = (ref: string, i: number, style = 3) => '<c r="' + ref + '" s="' + style + '" t="s"><v>' + i + '</v></c>';
const e = (ref: string, style = 3) => '<c r="' + ref + '" s="' + style + '"/>';
const n = (ref: string, v: number, style = 3) => '<c r="' + ref + '" s="' + style + '"><v>' + v + '</v></c>';

/** The ledger's <sheetData>: rows 1-9, columns A-H. */
export const LEDGER_ROWS =
  '<sheetData>' +
  '<row r="1" spans="1:8" ht="30" customHeight="1">' + s('A1', 0, 1) + ['B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => e(c + '1', 1)).join('') + '</row>' +
  '<row r="2" spans="1:8">' + s('A2', 1, 0) + '</row>' +
  '<row r="3" spans="1:8" ht="20" customHeight="1">' + s('A3', 2, 2) + s('B3', 3, 2) + s('C3', 4, 2) + s('D3', 5, 2) + e('E3', 2) + s('F3', 6, 2) + s('G3', 7, 2) + e('H3', 2) + '</row>' +
  '<row r="4" spans="1:8" ht="20" customHeight="1">' + e('A4', 2) + e('B4', 2) + e('C4', 2) + s('D4', 8, 2) + s('E4', 9, 2) + e('F4', 2) + s('G4', 10, 2) + s('H4', 11, 2) + '</row>' +
  '<row r="5" spans="1:8">' + s('A5', 12) + ['B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => e(c + '5')).join('') + '</row>' +
  '<row r="6" spans="1:8">' + n('A6', 1) + s('B6', 13) + s('C6', 14) + s('D6', 15) + s('E6', 16) + n('F6', 44651, 4) + s('G6', 17) + s('H6', 18) + '</row>' +
  '<row r="7" spans="1:8" ht="48" customHeight="1">' + n('A7', 2) + e('B7') + s('C7', 19) + s('D7', 15) + s('E7', 20) + s('F7', 21) + s('G7', 30) + s('H7', 22) + '</row>' +
  '<row r="8" spans="1:8">' + s('A8', 23) + ['B', 'C', 'D', 'E', 'F', 'G', 'H'].map((c) => e(c + '8')).join('') + '</row>' +
  '<row r="9" spans="1:8">' + n('A9', 3) + s('B9', 24) + s('C9', 25) + s('D9', 26) + s('E9', 27) + s('F9', 28) + s('G9', 31) + s('H9', 29) + '</row>' +
  '</sheetData>';

export const LEDGER_MERGES =
  '<mergeCells count="9"><mergeCell ref="A1:H1"/><mergeCell ref="A2:H2"/><mergeCell ref="A3:A4"/><mergeCell ref="B3:B4"/><mergeCell ref="C3:C4"/><mergeCell ref="D3:E3"/><mergeCell ref="F3:F4"/><mergeCell ref="G3:H3"/><mergeCell ref="B6:B7"/></mergeCells>';

export const LEDGER_COLS =
  '<cols><col min="1" max="1" width="6" customWidth="1"/><col min="2" max="3" width="30" customWidth="1"/><col min="4" max="5" width="10" customWidth="1"/><col min="6" max="6" width="16" customWidth="1"/><col min="7" max="8" width="20" customWidth="1"/></cols>';

/** The ledger's worksheet body; `around` adds elements before sheetData and after the merges. */
export function ledgerBody(opts: { before?: string; after?: string; afterData?: string; rows?: string } = {}): string {
  return (
    '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:H9"/>' +
    '<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="4" topLeftCell="A5" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="14.25"/>' +
    (opts.before || '') +
    LEDGER_COLS +
    (opts.rows || LEDGER_ROWS) +
    (opts.afterData || '') +
    LEDGER_MERGES +
    (opts.after === undefined ? '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/>' : opts.after)
  );
}

/** Options of a check of this ledger. */
export const LEDGER_CHECK = { asOf: '2022-07-15', start: '2022-02-24', lang: 'zh' as const };

/** A book with the ledger as its first sheet and a notes sheet after it. */
export function ledgerBook(extra: Partial<BookSpec> = {}, body: string = ledgerBody()): BookSpec {
  return {
    sheets: [
      { name: '整改台账', xml: worksheet(body) },
      { name: '说明', xml: worksheet('<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>注：本表按季度更新。</t></is></c></row></sheetData>') },
    ],
    styles: LEDGER_STYLES,
    sharedStrings: LEDGER_SHARED,
    ...extra,
  };
}
