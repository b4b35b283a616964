/**
 * check --out is a patch (src/xlsx/patch.ts). For a workbook with each feature Excel users have in
 * their ledgers: every entry other than the ledger sheet and styles.xml comes out with the same raw
 * bytes; the ledger sheet's XML is the same but for our cells, their <col> entries, the dimension,
 * the spans hint and the merges of our header cells; styles.xml only grows at the ends of its lists;
 * and checking the checked copy again gives the same file, byte for byte.
 */
import * as fs from 'fs';
import * as path from 'path';
import { checkFile } from '../../src/cli/run-check';
import { isTaizhangError, userMessage } from '../../src/core/words/errors';
import { Grid } from '../../src/core/model/grid';
import { fitCell, readGrids } from '../../src/xlsx';
import { tempDir } from './helpers/files';
import { LEDGER_CHECK, LEDGER_ROWS, LEDGER_STYLES, ledgerBody, ledgerBook } from './helpers/ledger';
import { BookSpec, buildBook, rels, sheetData, worksheet } from './helpers/package';
import { comparePackages, entryText, styleList, withoutOurs } from './helpers/patch';

const dir = tempDir('taizhang-patch-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const DRAWING_NS = 'xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const anchor = (inner: string) => '<xdr:twoCellAnchor><xdr:from><xdr:col>1</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>10</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>' + inner + '<xdr:clientData/></xdr:twoCellAnchor>';
const drawing = (inner: string) => '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr ' + DRAWING_NS + '>' + anchor(inner) + '</xdr:wsDr>';
/** A 1x1 PNG. */
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f80f0000010101005f5b1a0e0000000049454e44ae426082', 'hex');
const CT = 'application/vnd.openxmlformats-officedocument.';

interface Feature {
  name: string;
  book: BookSpec;
  /** The ledger sheet's part as stored in the zip. */
  sheetPart: string;
  /** The first column of ours on the ledger (after everything the sheet uses). */
  column: number;
  /** Parts whose presence in the output is the point (besides the byte comparison). */
  parts?: string[];
  out?: string;
}

/** The ledger with `before`/`after` XML in its sheet, `sheetRels` for it, and extra parts. */
function feature(
  name: string,
  opts: { body?: Parameters<typeof ledgerBody>[0]; sheetRels?: string; extra?: BookSpec['extra']; book?: Partial<BookSpec>; column?: number; parts?: string[]; out?: string; sheetPart?: string; parts2?: [string, string] },
): Feature {
  const book = ledgerBook(opts.book || {}, ledgerBody(opts.body || {}));
  if (opts.sheetRels) book.sheets[0].rels = opts.sheetRels;
  if (opts.parts2) {
    book.sheets[0].part = opts.parts2[0];
    book.sheets[1].part = opts.parts2[1];
  }
  book.extra = (book.extra || []).concat(opts.extra || []);
  return { name, book, column: opts.column || 9, parts: opts.parts, out: opts.out, sheetPart: opts.sheetPart || (opts.parts2 ? opts.parts2[0] : 'xl/worksheets/sheet1.xml') };
}

const MARGINS = '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/>';

const FEATURES: Feature[] = [
  feature('a chart', {
    body: { after: MARGINS + '<drawing r:id="rId1"/>' },
    sheetRels: rels([['rId1', 'drawing', '../drawings/drawing1.xml']]),
    extra: [
      { part: { name: 'xl/drawings/drawing1.xml', data: drawing('<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="2" name="完成率"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1"/></a:graphicData></a:graphic></xdr:graphicFrame>') }, type: CT + 'drawing+xml' },
      { part: { name: 'xl/drawings/_rels/drawing1.xml.rels', data: rels([['rId1', 'chart', '../charts/chart1.xml']]) } },
      { part: { name: 'xl/charts/chart1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:chart><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/><c:ser><c:idx val="0"/><c:order val="0"/><c:val><c:numRef><c:f>整改台账!$A$6:$A$9</c:f></c:numRef></c:val></c:ser><c:axId val="1"/><c:axId val="2"/></c:barChart></c:plotArea></c:chart></c:chartSpace>' }, type: CT + 'drawingml.chart+xml' },
    ],
    parts: ['xl/charts/chart1.xml'],
  }),
  feature('an image', {
    body: { after: MARGINS + '<drawing r:id="rId1"/>' },
    sheetRels: rels([['rId1', 'drawing', '../drawings/drawing1.xml']]),
    extra: [
      { part: { name: 'xl/drawings/drawing1.xml', data: drawing('<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="公章"/><xdr:cNvPicPr/></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic>') }, type: CT + 'drawing+xml' },
      { part: { name: 'xl/drawings/_rels/drawing1.xml.rels', data: rels([['rId1', 'image', '../media/image1.png']]) } },
      { part: { name: 'xl/media/image1.png', data: PNG, store: true } },
    ],
    parts: ['xl/media/image1.png'],
  }),
  feature('a text box watermark (内部资料)', {
    body: { after: MARGINS + '<drawing r:id="rId1"/>' },
    sheetRels: rels([['rId1', 'drawing', '../drawings/drawing1.xml']]),
    extra: [{ part: { name: 'xl/drawings/drawing1.xml', data: drawing('<xdr:sp macro="" textlink=""><xdr:nvSpPr><xdr:cNvPr id="3" name="文本框 2"/><xdr:cNvSpPr txBox="1"/></xdr:nvSpPr><xdr:spPr><a:xfrm rot="-2700000"><a:off x="0" y="0"/><a:ext cx="3000000" cy="800000"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/></xdr:spPr><xdr:txBody><a:bodyPr/><a:p><a:r><a:rPr lang="zh-CN" sz="4000"><a:solidFill><a:srgbClr val="FF0000"><a:alpha val="30000"/></a:srgbClr></a:solidFill></a:rPr><a:t>内部资料</a:t></a:r></a:p></xdr:txBody></xdr:sp>') }, type: CT + 'drawing+xml' }],
  }),
  feature('a pivot table on another sheet', {
    book: {
      workbookTail: '<pivotCaches><pivotCache cacheId="1" r:id="rIdP"/></pivotCaches>',
      workbookRels: [['rIdP', 'pivotCacheDefinition', 'pivotCache/pivotCacheDefinition1.xml']],
    },
    extra: [
      { part: { name: 'xl/pivotCache/pivotCacheDefinition1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" r:id="rId1" recordCount="3"><cacheSource type="worksheet"><worksheetSource ref="A4:H9" sheet="整改台账"/></cacheSource><cacheFields count="1"><cacheField name="牵头部门" numFmtId="0"><sharedItems count="3"><s v="办公室"/><s v="人事处"/><s v="财务处"/></sharedItems></cacheField></cacheFields></pivotCacheDefinition>' }, type: CT + 'spreadsheetml.pivotCacheDefinition+xml' },
      { part: { name: 'xl/pivotCache/_rels/pivotCacheDefinition1.xml.rels', data: rels([['rId1', 'pivotCacheRecords', 'pivotCacheRecords1.xml']]) } },
      { part: { name: 'xl/pivotCache/pivotCacheRecords1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotCacheRecords xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="3"><r><x v="0"/></r><r><x v="1"/></r><r><x v="2"/></r></pivotCacheRecords>' }, type: CT + 'spreadsheetml.pivotCacheRecords+xml' },
      { part: { name: 'xl/pivotTables/pivotTable1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="数据透视表1" cacheId="1" dataCaption="值"><location ref="A3:B7" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/><pivotFields count="1"><pivotField axis="axisRow" showAll="0"><items count="4"><item x="0"/><item x="1"/><item x="2"/><item t="default"/></items></pivotField></pivotFields></pivotTableDefinition>' }, type: CT + 'spreadsheetml.pivotTable+xml' },
      { part: { name: 'xl/pivotTables/_rels/pivotTable1.xml.rels', data: rels([['rId1', 'pivotCacheDefinition', '../pivotCache/pivotCacheDefinition1.xml']]) } },
    ],
    parts: ['xl/pivotTables/pivotTable1.xml', 'xl/pivotCache/pivotCacheRecords1.xml'],
  }),
  feature('legacy and threaded comments', {
    body: { after: MARGINS + '<legacyDrawing r:id="rId2"/>' },
    sheetRels: rels([['rId1', 'comments', '../comments1.xml'], ['rId2', 'vmlDrawing', '../drawings/vmlDrawing1.vml'], ['rId3', 'http://schemas.microsoft.com/office/2017/10/relationships/threadedComment', '../threadedComments/threadedComment1.xml']]),
    book: { workbookRels: [['rIdPe', 'http://schemas.microsoft.com/office/2017/10/relationships/person', 'persons/person.xml']] },
    extra: [
      { part: { name: 'xl/comments1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>tc={5A1B}</author></authors><commentList><comment ref="C7" authorId="0"><text><t>[线程批注] 请补充佐证材料</t></text></comment></commentList></comments>' }, type: CT + 'spreadsheetml.comments+xml' },
      { part: { name: 'xl/drawings/vmlDrawing1.vml', data: '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>6</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>' } },
      { part: { name: 'xl/threadedComments/threadedComment1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<ThreadedComments xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><threadedComment ref="C7" dT="2022-07-01T09:00:00.00" personId="{1}" id="{5A1B}"><text>请补充佐证材料</text></threadedComment></ThreadedComments>' }, type: 'application/vnd.ms-excel.threadedcomments+xml' },
      { part: { name: 'xl/persons/person.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<personList xmlns="http://schemas.microsoft.com/office/spreadsheetml/2018/threadedcomments"><person displayName="王某某" id="{1}" userId="wang" providerId="None"/></personList>' }, type: 'application/vnd.ms-excel.person+xml' },
    ],
    parts: ['xl/threadedComments/threadedComment1.xml', 'xl/persons/person.xml'],
  }),
  feature('data validation with an x14 list from another sheet', {
    body: {
      afterData: '',
      after:
        '<dataValidations count="1"><dataValidation type="list" allowBlank="1" showErrorMessage="1" sqref="E6:E9"><formula1>"办公室,人事处,财务处"</formula1></dataValidation></dataValidations>' +
        MARGINS +
        '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:dataValidation type="list" allowBlank="1" showErrorMessage="1"><x14:formula1><xm:f>说明!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>H6:H9</xm:sqref></x14:dataValidation></x14:dataValidations></ext></extLst>',
    },
  }),
  feature('every kind of conditional format', {
    body: {
      after:
        '<conditionalFormatting sqref="H6:H9"><cfRule type="cellIs" dxfId="0" priority="1" operator="equal"><formula>"已完成"</formula></cfRule>' +
        '<cfRule type="expression" dxfId="0" priority="2"><formula>AND($F6&lt;TODAY(),$H6&lt;&gt;"已完成")</formula></cfRule>' +
        '<cfRule type="containsText" dxfId="0" priority="3" operator="containsText" text="推进"><formula>NOT(ISERROR(SEARCH("推进",H6)))</formula></cfRule>' +
        '<cfRule type="notContainsText" dxfId="0" priority="4" operator="notContains" text="完成"><formula>ISERROR(SEARCH("完成",H6))</formula></cfRule>' +
        '<cfRule type="beginsWith" dxfId="0" priority="5" operator="beginsWith" text="已"><formula>LEFT(H6,1)="已"</formula></cfRule>' +
        '<cfRule type="endsWith" dxfId="0" priority="6" operator="endsWith" text="中"><formula>RIGHT(H6,1)="中"</formula></cfRule>' +
        '<cfRule type="containsBlanks" dxfId="0" priority="7"><formula>LEN(TRIM(H6))=0</formula></cfRule>' +
        '<cfRule type="notContainsBlanks" dxfId="0" priority="8"><formula>LEN(TRIM(H6))&gt;0</formula></cfRule>' +
        '<cfRule type="containsErrors" dxfId="0" priority="9"><formula>ISERROR(H6)</formula></cfRule>' +
        '<cfRule type="notContainsErrors" dxfId="0" priority="10"><formula>NOT(ISERROR(H6))</formula></cfRule>' +
        '<cfRule type="duplicateValues" dxfId="0" priority="11"/><cfRule type="uniqueValues" dxfId="0" priority="12"/></conditionalFormatting>' +
        '<conditionalFormatting sqref="F6:F9"><cfRule type="timePeriod" dxfId="0" priority="13" timePeriod="lastMonth"><formula>AND(MONTH(F6)=MONTH(EDATE(TODAY(),0-1)),YEAR(F6)=YEAR(EDATE(TODAY(),0-1)))</formula></cfRule></conditionalFormatting>' +
        '<conditionalFormatting sqref="A6:A9"><cfRule type="top10" dxfId="0" priority="14" rank="2"/><cfRule type="aboveAverage" dxfId="0" priority="15"/>' +
        '<cfRule type="colorScale" priority="16"><colorScale><cfvo type="min"/><cfvo type="max"/><color rgb="FFF8696B"/><color rgb="FF63BE7B"/></colorScale></cfRule>' +
        '<cfRule type="dataBar" priority="17"><dataBar><cfvo type="min"/><cfvo type="max"/><color rgb="FF638EC6"/></dataBar><extLst><ext uri="{B025F937-C7B1-47D3-B67F-A62EFF666E3E}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:id>{00000000-0001-0000-0000-000000000001}</x14:id></ext></extLst></cfRule>' +
        '<cfRule type="iconSet" priority="18"><iconSet iconSet="3TrafficLights1"><cfvo type="percent" val="0"/><cfvo type="percent" val="33"/><cfvo type="percent" val="67"/></iconSet></cfRule></conditionalFormatting>' +
        MARGINS +
        '<extLst><ext uri="{78C0D931-6437-407d-A8EE-F0AAD7539E65}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:conditionalFormattings><x14:conditionalFormatting xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"><x14:cfRule type="dataBar" id="{00000000-0001-0000-0000-000000000001}"><x14:dataBar minLength="0" maxLength="100" gradient="0"><x14:cfvo type="autoMin"/><x14:cfvo type="autoMax"/><x14:negativeFillColor rgb="FFFF0000"/><x14:axisColor rgb="FF000000"/></x14:dataBar></x14:cfRule><xm:sqref>A6:A9</xm:sqref></x14:conditionalFormatting></x14:conditionalFormattings></ext></extLst>',
    },
    book: { styles: LEDGER_STYLES.replace('<dxfs count="0"/>', '<dxfs count="1"><dxf><font><color rgb="FF9C0006"/></font><fill><patternFill><bgColor rgb="FFFFC7CE"/></patternFill></fill></dxf></dxfs>') },
  }),
  feature('defined names: constants, sheet-scoped, OFFSET, print titles and areas', {
    book: {
      workbookTail:
        '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">整改台账!$A$1:$H$9</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">整改台账!$3:$4</definedName>' +
        '<definedName name="反馈日">"2022-02-24"</definedName><definedName name="临期天数">10</definedName><definedName name="本表部门" localSheetId="1">说明!$A$1</definedName>' +
        '<definedName name="措施区">OFFSET(整改台账!$C$6,0,0,COUNTA(整改台账!$C:$C)-4,1)</definedName></definedNames>',
    },
  }),
  feature('sheet and workbook protection with legacy password hashes', {
    body: { before: '' , after: '<sheetProtection password="CC3D" sheet="1" objects="1" scenarios="1" formatColumns="0"/>' + MARGINS },
    book: { workbookHead: '<workbookProtection workbookPassword="CC3D" lockStructure="1"/>' },
  }),
  feature('page breaks', {
    body: { after: MARGINS + '<rowBreaks count="1" manualBreakCount="1"><brk id="7" max="16383" man="1"/></rowBreaks><colBreaks count="1" manualBreakCount="1"><brk id="5" max="1048575" man="1"/></colBreaks>' },
  }),
  feature('custom document properties (密级)', {
    extra: [
      { part: { name: 'docProps/custom.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="密级"><vt:lpwstr>内部</vt:lpwstr></property></Properties>' }, type: CT + 'custom-properties+xml' },
    ],
    parts: ['docProps/custom.xml'],
  }),
  feature('an external link', {
    book: {
      workbookTail: '<externalReferences><externalReference r:id="rIdX"/></externalReferences>',
      workbookRels: [['rIdX', 'externalLink', 'externalLinks/externalLink1.xml']],
    },
    extra: [
      { part: { name: 'xl/externalLinks/externalLink1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><externalBook r:id="rId1"><sheetNames><sheetName val="部门名单"/></sheetNames></externalBook></externalLink>' }, type: CT + 'spreadsheetml.externalLink+xml' },
      { part: { name: 'xl/externalLinks/_rels/externalLink1.xml.rels', data: rels([['rId1', 'externalLinkPath', 'file:///\\\\fileserver\\督查室\\部门名单.xlsx']]).replace('/>', ' TargetMode="External"/>') } },
    ],
  }),
  feature('a table beside the ledger (our columns go after it)', {
    body: { after: MARGINS + '<tableParts count="1"><tablePart r:id="rId1"/></tableParts>', rows: undefined },
    sheetRels: rels([['rId1', 'table', '../tables/table1.xml']]),
    extra: [{ part: { name: 'xl/tables/table1.xml', data: '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" id="1" name="表1" displayName="表1" ref="J3:K5" totalsRowShown="0"><autoFilter ref="J3:K5"/><tableColumns count="2"><tableColumn id="1" name="列1"/><tableColumn id="2" name="列2"/></tableColumns><tableStyleInfo name="TableStyleMedium2" showRowStripes="1"/></table>' }, type: CT + 'spreadsheetml.table+xml' }],
    column: 12,
  }),
  feature('a VBA project (.xlsm)', {
    book: { mainType: 'application/vnd.ms-excel.sheet.macroEnabled.main+xml', workbookRels: [['rIdV', 'http://schemas.microsoft.com/office/2006/relationships/vbaProject', 'vbaProject.bin']] },
    extra: [{ part: { name: 'xl/vbaProject.bin', data: Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(1024, 7)]) } }],
    parts: ['xl/vbaProject.bin'],
    out: 'macro.xlsm',
  }),
  feature('a header-less column of formulas whose results are empty (our columns go after it)', {
    body: { rows: LEDGER_ROWS.replace(/(<c r="H(6|7|9)" [^>]*>(?:<v>\d+<\/v>)?<\/c>)<\/row>/g, (_m, c: string, r: string) => c + '<c r="I' + r + '" t="str"><f>IF(H' + r + '="已销号","√","")</f><v></v></c></row>') },
    column: 10,
  }),
  feature('odd part names: a name of its own, in a folder of its own', { parts2: ['xl/ws/整改 台账.xml', 'xl/ws/notes.xml'] }),
  feature('shuffled: workbook.xml after the sheets in the zip, parts numbered against tab order (openpyxl)', {
    parts2: ['xl/worksheets/sheet2.xml', 'xl/worksheets/sheet1.xml'],
    book: { arrange: (ps) => ps.slice().reverse() },
  }),
  feature('an openpyxl-shaped package: absolute targets, a comment in xl/comments/, workbook.xml after the sheets', {
    body: { after: MARGINS + '<legacyDrawing r:id="anysvml"/>' },
    sheetRels: rels([['comments', 'comments', '/xl/comments/comment1.xml'], ['anysvml', 'vmlDrawing', '/xl/drawings/commentsDrawing1.vml']]),
    book: { arrange: (ps) => ps.filter((p) => p.name !== 'xl/workbook.xml').concat(ps.filter((p) => p.name === 'xl/workbook.xml')) },
    extra: [
      { part: { name: 'xl/comments/comment1.xml', data: '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>openpyxl</author></authors><commentList><comment ref="C7" authorId="0" shapeId="0"><text><t>请补充佐证材料</t></text></comment></commentList></comments>' }, type: CT + 'spreadsheetml.comments+xml' },
      { part: { name: 'xl/drawings/commentsDrawing1.vml', data: '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><v:shape id="_x0000_s1025" type="#_x0000_t202"><x:ClientData ObjectType="Note"><x:Row>6</x:Row><x:Column>2</x:Column></x:ClientData></v:shape></xml>' } },
    ],
    parts: ['xl/comments/comment1.xml'],
  }),
  // 2022-03-31 is serial 44651 in the 1900 system, 44651 - 1462 in the 1904 one.
  feature('the 1904 date system', { book: { workbookHead: '<workbookPr date1904="1"/>' }, body: { rows: LEDGER_ROWS.replace('<v>44651</v>', '<v>43189</v>') } }),
];

interface Run {
  input: Buffer;
  out1: Buffer;
  out2: Buffer;
  grids: Grid[];
  before: Grid[];
}

const runs = new Map<string, Run>();

async function run(f: Feature): Promise<Run> {
  const known = runs.get(f.name);
  if (known) return known;
  const slug = 'f' + runs.size;
  const input = buildBook(f.book);
  const file = path.join(dir, slug + '.' + (f.out ? 'xlsm' : 'xlsx'));
  fs.writeFileSync(file, input);
  const o1 = path.join(dir, slug + '-1' + (f.out ? '.xlsm' : '.xlsx'));
  const o2 = path.join(dir, slug + '-2' + (f.out ? '.xlsm' : '.xlsx'));
  await checkFile(file, { ...LEDGER_CHECK, out: o1 });
  await checkFile(o1, { ...LEDGER_CHECK, out: o2 });
  const r: Run = { input, out1: fs.readFileSync(o1), out2: fs.readFileSync(o2), grids: await readGrids(o1), before: await readGrids(file) };
  runs.set(f.name, r);
  return r;
}

function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

describe.each(FEATURES.map((f) => [f.name, f] as [string, Feature]))('%s', (_name, f) => {
  test('every other part is copied byte for byte; only the ledger sheet and styles.xml change', async () => {
    const r = await run(f);
    const report = comparePackages(r.input, r.out1);
    expect(report).toEqual({ changed: ['xl/styles.xml', f.sheetPart].sort(), removed: [], added: [] });
    for (const p of f.parts || []) expect(entryText(r.out1, p)).toBe(entryText(r.input, p));
  });

  test('the ledger sheet is the same but for our cells, their columns and the dimension', async () => {
    const r = await run(f);
    const before = entryText(r.input, f.sheetPart);
    const after = entryText(r.out1, f.sheetPart);
    expect(after).not.toBe(before);
    expect(withoutOurs(after, f.column, f.column + 3)).toBe(withoutOurs(before, f.column, f.column + 3));
    expect(after).toContain('<dimension ref="A1:' + letters(f.column + 3) + '9"/>');
  });

  test('styles.xml only grows at the ends of its lists', async () => {
    const r = await run(f);
    const before = entryText(r.input, 'xl/styles.xml');
    const after = entryText(r.out1, 'xl/styles.xml');
    for (const list of ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs']) {
      const was = styleList(before, list);
      expect(styleList(after, list).slice(0, was.length)).toEqual(was);
    }
  });

  test('our four columns stand after everything the ledger uses; the original cells read the same', async () => {
    const r = await run(f);
    const ledger = r.grids[0];
    expect(ledger.rows[2].slice(f.column - 1)).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
    expect(ledger.ours).toEqual({ column: f.column, width: 4 });
    expect(ledger.rows[6].slice(f.column - 1)).toEqual(['逾期', { date: '2022-06-30' }, -15, '逾期15天']);
    const upTo = (rows: Grid['rows']) =>
      rows.map((row) => {
        const left = row.slice(0, f.column - 1);
        while (left.length && left[left.length - 1] === null) left.pop();
        return left;
      });
    expect(upTo(ledger.rows)).toEqual(upTo(r.before[0].rows));
    expect(r.grids.slice(1)).toEqual(r.before.slice(1));
  });

  test('checking the checked copy again gives the same file, byte for byte', async () => {
    const r = await run(f);
    expect(r.out2.equals(r.out1)).toBe(true);
  });
});

test('the 1904 system: the dates written are 1904 serials, read back as the same days', async () => {
  const f = FEATURES.filter((x) => x.name === 'the 1904 date system')[0];
  const r = await run(f);
  const xml = entryText(r.out1, 'xl/worksheets/sheet1.xml');
  // 2022-06-30 is 44742 in the 1900 system and 44742 - 1462 in the 1904 system.
  expect(xml).toMatch(/<c r="J7" s="\d+"><v>43280<\/v><\/c>/);
  expect(r.grids[0].rows[5].slice(8, 10)).toEqual(['已完成', { date: '2022-03-31' }]);
});

test('a .xlsm keeps its macros only as a .xlsm: a .xlsx name is refused with one line', async () => {
  const f = FEATURES.filter((x) => x.out)[0];
  const file = path.join(dir, 'macro-in.xlsm');
  fs.writeFileSync(file, buildBook(f.book));
  try {
    await checkFile(file, { ...LEDGER_CHECK, out: path.join(dir, 'macro-out.xlsx') });
    throw new Error('expected a refusal');
  } catch (e) {
    if (!isTaizhangError(e)) throw e;
    expect(userMessage(e, 'zh')).toBe('“' + file + '”是启用宏的工作簿（.xlsm）。为原样保留其中的宏，--out 请以 .xlsm 结尾，例如 --out ' + path.join(dir, 'macro-out.xlsm') + '。');
  }
  expect(fs.existsSync(path.join(dir, 'macro-out.xlsx'))).toBe(false);
});

describe('the added cells match the ledger they sit in', () => {
  let sheet: string;
  let styles: string;
  beforeAll(async () => {
    const plain = await run(FEATURES.filter((x) => x.name === 'page breaks')[0]);
    sheet = entryText(plain.out1, 'xl/worksheets/sheet1.xml');
    styles = entryText(plain.out1, 'xl/styles.xml');
  });

  const cell = (ref: string) => (new RegExp('<c r="' + ref + '"[^>]*?(?:/>|>[\\s\\S]*?</c>)').exec(sheet) || [''])[0];
  const xfOf = (ref: string) => styleList(styles, 'cellXfs')[+((/ s="(\d+)"/.exec(cell(ref)) || [])[1] || 0)];

  test('text as inline strings, formula-like text never a formula, days and dates as numbers', () => {
    expect(cell('I7')).toMatch(/^<c r="I7" s="\d+" t="inlineStr"><is><t>逾期<\/t><\/is><\/c>$/);
    expect(cell('J7')).toMatch(/^<c r="J7" s="\d+"><v>44742<\/v><\/c>$/);
    expect(cell('K7')).toMatch(/^<c r="K7" s="\d+"><v>-15<\/v><\/c>$/);
    expect(sheet).not.toMatch(/<c r="[IJKL]\d+"[^>]*><f>/);
  });

  test('every added cell of an item row has the body cells\' font, border and alignment; empty ones too', () => {
    // Row 6 is done: 剩余天数 and 检查意见 are empty, but bordered like the row's own cells.
    expect(cell('K6')).toMatch(/^<c r="K6" s="\d+"\/>$/);
    const body = styleList(styles, 'cellXfs')[3];
    expect(body).toContain('fontId="2"');
    for (const ref of ['I6', 'J6', 'K6', 'L6', 'I7', 'L7', 'I9']) {
      expect(xfOf(ref)).toContain('borderId="1"');
      expect(xfOf(ref)).toContain('horizontal="center"');
    }
    expect(xfOf('K6')).toContain('fontId="2"');
    // A section row (not an item; H5, the ledger's last column, in the body format 3) extends its
    // format over our columns, with no value.
    expect(['I5', 'J5', 'K5', 'L5', 'I8', 'L8'].map(cell)).toEqual(['<c r="I5" s="3"/>', '<c r="J5" s="3"/>', '<c r="K5" s="3"/>', '<c r="L5" s="3"/>', '<c r="I8" s="3"/>', '<c r="L8" s="3"/>']);
  });

  test('检查意见 wraps; the flag cell has Excel\'s Bad colours in the body font', () => {
    expect(xfOf('L7')).toContain('wrapText="1"');
    const flag = xfOf('I7');
    const fonts = styleList(styles, 'fonts');
    const fills = styleList(styles, 'fills');
    const fontId = +(/fontId="(\d+)"/.exec(flag) as RegExpExecArray)[1];
    const fillId = +(/fillId="(\d+)"/.exec(flag) as RegExpExecArray)[1];
    expect(fonts[fontId]).toBe('<font><sz val="12"/><color rgb="FF9C0006"/><name val="仿宋_GB2312"/><family val="3"/><charset val="134"/></font>');
    expect(fills[fillId]).toBe('<fill><patternFill patternType="solid"><fgColor rgb="FFFFC7CE"/><bgColor rgb="FFFFC7CE"/></patternFill></fill>');
  });

  test('the header cells look like the ledger\'s header, carry the marker style and merge over both header rows', () => {
    const xf = xfOf('I3');
    expect(xf).toContain('fontId="3" fillId="2" borderId="1"');
    const marker = +(/xfId="(\d+)"/.exec(xf) as RegExpExecArray)[1];
    expect(marker).toBe(1);
    expect(styleList(styles, 'cellStyles')).toEqual(['<cellStyle name="常规" xfId="0" builtinId="0"/>', '<cellStyle name="台账助手" xfId="1"/>']);
    expect(sheet).toContain('<mergeCells count="13">');
    expect(sheet).toContain('<mergeCell ref="I3:I4"/><mergeCell ref="J3:J4"/><mergeCell ref="K3:K4"/><mergeCell ref="L3:L4"/></mergeCells>');
    expect(cell('I4')).toBe('<c r="I4" s="2"/>');
  });

  test('row heights stay as they are: a fixed one kept, none added', () => {
    expect(sheet).toContain('<row r="7" spans="1:12" ht="48" customHeight="1">');
    expect(sheet).toContain('<row r="6" spans="1:12">');
  });

  test('our widths in <cols>, after the ledger\'s own', () => {
    expect(sheet).toContain('<col min="7" max="8" width="20" customWidth="1"/><col min="9" max="9" width="11" customWidth="1"/><col min="10" max="10" width="12" customWidth="1"/><col min="11" max="11" width="9" customWidth="1"/><col min="12" max="12" width="42" customWidth="1"/></cols>');
  });
});

/** Writes a book, checks it to out1 and out1 to out2; returns the three files' bytes and paths. */
async function twice(book: BookSpec | Buffer, name: string, opts: Partial<typeof LEDGER_CHECK> = {}) {
  const input = Buffer.isBuffer(book) ? book : buildBook(book);
  const file = path.join(dir, name + '.xlsx');
  fs.writeFileSync(file, input);
  const o1 = path.join(dir, name + '-1.xlsx');
  const o2 = path.join(dir, name + '-2.xlsx');
  await checkFile(file, { ...LEDGER_CHECK, ...opts, out: o1 });
  await checkFile(o1, { ...LEDGER_CHECK, ...opts, out: o2 });
  return { input, out1: fs.readFileSync(o1), out2: fs.readFileSync(o2), o1, o2, file };
}

test('a package without styles.xml gains one, with its content type and relationship, and nothing else changes', async () => {
  const book = ledgerBook({ styles: null }, ledgerBody().replace(/ s="\d+"/g, ''));
  const r = await twice(book, 'nostyles');
  expect(comparePackages(r.input, r.out1)).toEqual({
    changed: ['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/worksheets/sheet1.xml'],
    removed: [],
    added: ['xl/styles.xml'],
  });
  expect(entryText(r.out1, '[Content_Types].xml')).toContain('<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>');
  expect(entryText(r.out1, 'xl/_rels/workbook.xml.rels')).toMatch(/<Relationship Id="rId\d+" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/styles" Target="styles.xml"\/><\/Relationships>$/);
  expect((await readGrids(r.o1))[0].ours).toEqual({ column: 9, width: 4 });
  expect(r.out2.equals(r.out1)).toBe(true);
});

test('a sheet written with a namespace prefix gets our cells under the same prefix', async () => {
  const xml = worksheet(ledgerBody()).replace(/<(\/?)(?![?!])([a-zA-Z])/g, '<$1x:$2').replace('xmlns=', 'xmlns:x=').replace('x:xmlns', 'xmlns');
  const book = ledgerBook({ sheets: [{ name: '整改台账', xml }] });
  const r = await twice(book, 'prefixed');
  const out = entryText(r.out1, 'xl/worksheets/sheet1.xml');
  expect(out).toMatch(/<x:c r="I7" s="\d+" t="inlineStr"><x:is><x:t>逾期<\/x:t><\/x:is><\/x:c>/);
  expect(out).toContain('<x:col min="12" max="12" width="42" customWidth="1"/></x:cols>');
  expect(out).toContain('<x:mergeCell ref="L3:L4"/></x:mergeCells>');
  expect((await readGrids(r.o1))[0].rows[6].slice(8)).toEqual(['逾期', { date: '2022-06-30' }, -15, '逾期15天']);
  expect(r.out2.equals(r.out1)).toBe(true);
});

describe('three lists: the other lists get one 检查意见 column, found again by the marker', () => {
  const sheet = (rows: (string | null)[][]) => worksheet(sheetData(rows));
  const book = (): BookSpec => ({
    sheets: [
      { name: '问题清单', xml: sheet([['问题清单'], ['序号', '问题类别', '存在问题'], ['1', '党的领导', '理论学习中心组学习流于形式'], ['2', null, '意识形态责任制落实不到位'], ['3', '作风建设', '文山会海问题突出']]) },
      { name: '任务清单', xml: sheet([['序号', '对应问题', '整改措施', '完成时限', '完成情况'], ['1', '1', '制定年度学习计划', '2022年6月底前', '已完成'], ['2', '2', '开展意识形态风险排查', '立行立改', '正在推进'], ['3', '9', '清理会议文件', '2022年5月中旬', '未启动']]) },
      { name: '责任清单', xml: sheet([['任务序号', '责任领导', '牵头部门', '责任人'], ['1', '王局长', '办公室', '张三'], ['2', '赵副局长', '宣传处', '赵六'], ['8', '赵副局长', '办公室', '周九']]) },
    ],
  });

  test('the first check writes them, the second finds and rewrites them in place', async () => {
    const r = await twice(book(), 'threelists');
    const grids = await readGrids(r.o1);
    expect(grids.map((g) => [g.name, g.ours])).toEqual([
      ['问题清单', { column: 4, width: 1 }],
      ['任务清单', { column: 6, width: 4 }],
      ['责任清单', { column: 5, width: 1 }],
    ]);
    expect(grids[0].rows[1]).toEqual(['序号', '问题类别', '存在问题', '检查意见']);
    expect(grids[0].rows[4][3]).toBe('问题（序号3）在任务清单中没有对应的整改措施。');
    expect(grids[2].rows[0]).toEqual(['任务序号', '责任领导', '牵头部门', '责任人', '检查意见']);
    // The task list has no page setup: it gains one, and workbook.xml its print titles (row 1).
    expect(comparePackages(r.input, r.out1).changed).toEqual(['xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/worksheets/sheet2.xml', 'xl/worksheets/sheet3.xml']);
    expect(entryText(r.out1, 'xl/workbook.xml')).toContain('<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="1">\'任务清单\'!$1:$1</definedName></definedNames>');
    // No second 检查意见 block: the re-check is the same file.
    expect(r.out2.equals(r.out1)).toBe(true);
  });
});

test('a re-check keeps the user\'s column after ours and the width they gave ours', async () => {
  const first = await twice(ledgerBook(), 'usercols');
  // The user widens 检查意见 and adds their own column after ours, as Excel would save it.
  let xml = entryText(first.out1, 'xl/worksheets/sheet1.xml');
  xml = xml.replace('<col min="12" max="12" width="42" customWidth="1"/>', '<col min="12" max="12" width="60" customWidth="1"/>');
  xml = xml.replace(/(<c r="L3"[^>]*>[\s\S]*?<\/c>)/, '$1<c r="M3" t="inlineStr"><is><t>处室意见</t></is></c>').replace(/(<c r="L7"[^>]*>[\s\S]*?<\/c>)/, '$1<c r="M7" t="inlineStr"><is><t>同意</t></is></c>');
  const edited = buildBook({ ...ledgerBook(), sheets: [{ name: '整改台账', xml }, ledgerBook().sheets[1]], styles: entryText(first.out1, 'xl/styles.xml') });
  const r = await twice(edited, 'usercols-edited', { asOf: '2022-07-20' });
  const grid = (await readGrids(r.o1))[0];
  expect(grid.rows[2].slice(8)).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见', '处室意见']);
  expect(grid.rows[6].slice(8)).toEqual(['逾期', { date: '2022-06-30' }, -20, '逾期20天', '同意']);
  const out = entryText(r.out1, 'xl/worksheets/sheet1.xml');
  expect(out).toContain('<col min="12" max="12" width="60" customWidth="1"/>');
  expect(withoutOurs(out, 9, 12)).toBe(withoutOurs(xml, 9, 12));
});

test('no room after a merge that reaches column XFD: one line, nothing written', async () => {
  const body = ledgerBody().replace('<mergeCell ref="A1:H1"/>', '<mergeCell ref="A1:XFD1"/>');
  const file = path.join(dir, 'noroom.xlsx');
  fs.writeFileSync(file, buildBook(ledgerBook({}, body)));
  const out = path.join(dir, 'noroom-out.xlsx');
  try {
    await checkFile(file, { ...LEDGER_CHECK, out });
    throw new Error('expected a refusal');
  } catch (e) {
    if (!isTaizhangError(e)) throw e;
    expect(userMessage(e, 'zh')).toBe('“' + file + '”的工作表“整改台账”已用到最后一列（XFD），其后没有位置追加检查列。请删去右侧多余的合并、表格或筛选范围后再试。');
  }
  expect(fs.readdirSync(dir).filter((f) => f.startsWith('noroom-out') || f.endsWith('.tmp'))).toEqual([]);
});

test('the checked copy keeps the input\'s permission bits', async () => {
  const file = path.join(dir, 'secret.xlsx');
  fs.writeFileSync(file, buildBook(ledgerBook()));
  for (const mode of [0o600, 0o640]) {
    fs.chmodSync(file, mode);
    const out = path.join(dir, 'secret-' + mode.toString(8) + '.xlsx');
    await checkFile(file, { ...LEDGER_CHECK, out });
    expect((fs.statSync(out).mode & 0o777).toString(8)).toBe(mode.toString(8));
  }
});

describe('no cell gets more than Excel\'s 32,767 characters', () => {
  test.each([
    ['a short note stays as it is', '逾期15天', '逾期15天'],
    ['exactly 32,767 characters stay', '意'.repeat(32767), '意'.repeat(32767)],
    ['a longer note is cut with …', '意'.repeat(40000), '意'.repeat(32766) + '…'],
    ['a character outside the BMP is never split', '意'.repeat(32765) + '😀😀', '意'.repeat(32765) + '…'],
  ])('%s', (_name, text, expected) => {
    const cut = fitCell(text);
    expect(cut).toBe(expected);
    expect(cut.length).toBeLessThanOrEqual(32767);
  });
});
