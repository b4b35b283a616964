/**
 * A legacy workbook as read (read-biff.ts) -> a plain .xlsx, the base of `check --out` for an .xls
 * or .et: the old binary format cannot be patched without loss, so the checked copy is an .xlsx that
 * carries the ledger as read, and the patch writer (patch.ts) then adds our columns to it exactly as
 * it does to any .xlsx. What is carried: every worksheet in tab order with its name and visibility,
 * the values (text, numbers with their own number formats, dates as serials in the workbook's date
 * system, booleans, the cached results of formulas), merges, column widths and hidden columns, the
 * default column width and the workbook's default font. Not carried: formulas themselves, fonts and
 * fills of single cells, borders, charts, pictures, comments, macros.
 */
import * as fs from 'fs';
import { isoToSerial } from '../../core/text/dates';
import { colLetter } from '../../core/text/a1';
import { isDateValue } from '../../core/text/grid';
import type { CellValue } from '../../core';
import { ZipWriter } from '../../xlsxlite';
import { cellText, xmlAttr } from '../../xlsxlite/xml';
import { NODE_ZIP } from '../spec-writer';
import { LegacyBook, LegacySheet } from './read-biff';

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.';
/** The built-in number formats of SpreadsheetML (0-49, and the East Asian 50-81): written by id. */
const LAST_BUILTIN = 81;
/** Serial of 1904-01-01 in the 1900 date system. */
const DAYS_1904 = 1462;

/** The cell formats of the new workbook: one per number format the cells use. */
class Formats {
  private readonly codes: { id: number; code: string }[] = [];
  private readonly byKey = new Map<string, number>();
  readonly xfs: number[] = [0];

  constructor(private readonly book: LegacyBook) {}

  /** The xf index (s="N") of the legacy cell format `xf`. */
  of(xf: number): number {
    const f = this.book.formatOfXf(xf);
    let numFmtId: number;
    if (f.code === null || f.code === '') numFmtId = f.id <= LAST_BUILTIN ? f.id : 0;
    else if (/^general$/i.test(f.code)) numFmtId = 0;
    else {
      const known = this.codes.filter((c) => c.code === f.code)[0];
      if (known) numFmtId = known.id;
      else {
        numFmtId = 164 + this.codes.length;
        this.codes.push({ id: numFmtId, code: f.code as string });
      }
    }
    if (!numFmtId) return 0;
    const key = String(numFmtId);
    const at = this.byKey.get(key);
    if (at !== undefined) return at;
    this.xfs.push(numFmtId);
    this.byKey.set(key, this.xfs.length - 1);
    return this.xfs.length - 1;
  }

  xml(): string {
    const font = this.book.font;
    const fontXml = font
      ? '<font><sz val="' + font.size + '"/><name val="' + xmlAttr(font.name) + '"/>' + (/[\u0080-\uffff]/.test(font.name) ? '<charset val="134"/>' : '') + '</font>'
      : '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>';
    const numFmts = this.codes.length
      ? '<numFmts count="' + this.codes.length + '">' + this.codes.map((c) => '<numFmt numFmtId="' + c.id + '" formatCode="' + xmlAttr(c.code) + '"/>').join('') + '</numFmts>'
      : '';
    return (
      XML_HEAD +
      '<styleSheet xmlns="' + MAIN + '">' +
      numFmts +
      '<fonts count="1">' + fontXml + '</fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="' + this.xfs.length + '">' +
      this.xfs.map((id) => '<xf numFmtId="' + id + '" fontId="0" fillId="0" borderId="0" xfId="0"' + (id ? ' applyNumberFormat="1"' : '') + '/>').join('') +
      '</cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '</styleSheet>'
    );
  }
}

function numberText(n: number): string {
  return String(n);
}

/** One worksheet's XML, written a row at a time. */
function writeSheet(sheet: LegacySheet, book: LegacyBook, formats: Formats, selected: boolean, w: (s: string) => void): void {
  const grid = sheet.grid;
  const xfs = sheet.xfs || [];
  w(XML_HEAD + '<worksheet xmlns="' + MAIN + '" xmlns:r="' + REL + '">');
  w('<sheetViews><sheetView workbookViewId="0"' + (selected ? ' tabSelected="1"' : '') + '/></sheetViews>');
  w('<sheetFormatPr ' + (sheet.defaultWidth !== null ? 'baseColWidth="' + sheet.defaultWidth + '" ' : '') + 'defaultRowHeight="15"/>');
  if (sheet.widths.length) {
    w('<cols>');
    const widths = sheet.widths.slice().sort((a, b) => a.first - b.first);
    let after = 0;
    for (const c of widths) {
      if (c.first <= after) continue; // overlapping ranges: the first one stands
      w('<col min="' + c.first + '" max="' + c.last + '" width="' + Math.round(c.width * 256) / 256 + '" customWidth="1"' + (c.hidden ? ' hidden="1"' : '') + '/>');
      after = c.last;
    }
    w('</cols>');
  }
  w('<sheetData>');
  for (let r = 0; r < grid.rows.length; r++) {
    const row = grid.rows[r];
    if (!row || !row.length) continue;
    let out = '<row r="' + (r + 1) + '">';
    const rowXf = xfs[r] || [];
    for (let c = 0; c < row.length; c++) {
      const v: CellValue | undefined = row[c];
      if (v === null || v === undefined) continue;
      const ref = colLetter(c + 1) + (r + 1);
      const xf = rowXf[c] !== undefined ? formats.of(rowXf[c]) : 0;
      const s = xf ? ' s="' + xf + '"' : '';
      if (typeof v === 'string') out += '<c r="' + ref + '"' + s + ' t="inlineStr"><is><t xml:space="preserve">' + cellText(v) + '</t></is></c>';
      else if (typeof v === 'number') out += '<c r="' + ref + '"' + s + '><v>' + numberText(v) + '</v></c>';
      else if (typeof v === 'boolean') out += '<c r="' + ref + '"' + s + ' t="b"><v>' + (v ? 1 : 0) + '</v></c>';
      else if (isDateValue(v)) {
        const raw = sheet.serials ? sheet.serials.get(r * 65536 + c) : undefined;
        const serial = raw !== undefined ? raw : isoToSerial(v.date) - (book.date1904 ? DAYS_1904 : 0);
        out += '<c r="' + ref + '"' + s + '><v>' + numberText(serial) + '</v></c>';
      }
    }
    w(out + '</row>');
  }
  w('</sheetData>');
  if (sheet.merges.length) {
    w('<mergeCells count="' + sheet.merges.length + '">');
    for (const m of sheet.merges) w('<mergeCell ref="' + colLetter(m.c1) + m.r1 + ':' + colLetter(m.c2) + m.r2 + '"/>');
    w('</mergeCells>');
  }
  w('<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>');
}

/** Writes `book` as an .xlsx to the file `out` (which it creates or replaces). */
export function writeLegacyAsXlsx(book: LegacyBook, out: string): void {
  const fd = fs.openSync(out, 'w');
  try {
    const zip = new ZipWriter((bytes) => {
      let done = 0;
      while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
    }, NODE_ZIP);
    const sheets = book.sheets;
    const formats = new Formats(book);
    const firstVisible = Math.max(0, sheets.findIndex((s) => s.state === 'visible'));
    const names = sheets.map((s, i) => '<Override PartName="/xl/worksheets/sheet' + (i + 1) + '.xml" ContentType="' + CT + 'spreadsheetml.worksheet+xml"/>');
    zip.text('[Content_Types].xml', (w) =>
      w(
        XML_HEAD + '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
          '<Default Extension="xml" ContentType="application/xml"/>' +
          '<Override PartName="/xl/workbook.xml" ContentType="' + CT + 'spreadsheetml.sheet.main+xml"/>' +
          '<Override PartName="/xl/styles.xml" ContentType="' + CT + 'spreadsheetml.styles+xml"/>' +
          names.join('') + '</Types>',
      ),
    );
    zip.text('_rels/.rels', (w) =>
      w(XML_HEAD + '<Relationships xmlns="' + PKG_REL + '"><Relationship Id="rId1" Type="' + REL + '/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
    );
    zip.text('xl/workbook.xml', (w) =>
      w(
        XML_HEAD + '<workbook xmlns="' + MAIN + '" xmlns:r="' + REL + '">' +
          '<workbookPr' + (book.date1904 ? ' date1904="1"' : '') + '/>' +
          '<bookViews><workbookView activeTab="' + firstVisible + '"/></bookViews><sheets>' +
          sheets
            .map((s, i) => '<sheet name="' + xmlAttr(s.name) + '" sheetId="' + (i + 1) + '"' + (s.state !== 'visible' ? ' state="' + s.state + '"' : '') + ' r:id="rId' + (i + 1) + '"/>')
            .join('') +
          '</sheets></workbook>',
      ),
    );
    zip.text('xl/_rels/workbook.xml.rels', (w) =>
      w(
        XML_HEAD + '<Relationships xmlns="' + PKG_REL + '">' +
          sheets.map((_s, i) => '<Relationship Id="rId' + (i + 1) + '" Type="' + REL + '/worksheet" Target="worksheets/sheet' + (i + 1) + '.xml"/>').join('') +
          '<Relationship Id="rId' + (sheets.length + 1) + '" Type="' + REL + '/styles" Target="styles.xml"/></Relationships>',
      ),
    );
    // The cell formats are known once the cells have been seen: register them first, so that
    // styles.xml goes before the sheets, as packages usually have it.
    for (const sheet of sheets) for (const row of sheet.xfs || []) if (row) for (const xf of row) if (xf !== undefined) formats.of(xf);
    zip.text('xl/styles.xml', (w) => w(formats.xml()));
    sheets.forEach((sheet, i) => zip.text('xl/worksheets/sheet' + (i + 1) + '.xml', (w) => writeSheet(sheet, book, formats, i === firstVisible, w)));
    zip.finish();
  } finally {
    fs.closeSync(fd);
  }
}
