/**
 * A second reader for .xlsx files, independent of exceljs: unzip with jszip and read the workbook,
 * relationships, shared strings and sheet XML directly. Enough for the files Taizhang writes (values
 * as shared strings, numbers and inline strings), so tests can check what Excel would see.
 */
import * as fs from 'fs';
import JSZip from 'jszip';

export type XmlValue = string | number | boolean | null;

export interface XmlSheet {
  name: string;
  /** The part path, e.g. xl/worksheets/sheet3.xml. */
  part: string;
  xml: string;
  /** Values by A1 address. */
  cells: Record<string, XmlValue>;
  /** Row-major values from A1 (null for empty cells), as far as the last used cell. */
  rows: XmlValue[][];
}

export interface XmlWorkbook {
  workbookXml: string;
  sharedStrings: string[];
  sheets: XmlSheet[];
  sheet(name: string): XmlSheet;
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCharCode(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_m, h: string) => String.fromCharCode(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

/** The text of all <t> runs inside a fragment (a shared string item or an inline string). */
function runsText(fragment: string): string {
  let out = '';
  const re = /<t(?:\s[^>]*)?>([\s\S]*?)<\/t>|<t(?:\s[^>]*)?\/>/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fragment))) out += unescapeXml(m[1] || '');
  return out;
}

function attr(tag: string, name: string): string | null {
  const m = new RegExp('\\s' + name + '="([^"]*)"').exec(tag);
  return m ? unescapeXml(m[1]) : null;
}

/** 'AB12' -> { row: 12, col: 28 }. */
export function parseRef(ref: string): { row: number; col: number } {
  const m = /^([A-Z]+)(\d+)$/.exec(ref);
  if (!m) throw new Error('bad ref ' + ref);
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]), col };
}

function readCells(xml: string, shared: string[]): Record<string, XmlValue> {
  const cells: Record<string, XmlValue> = {};
  const re = /<c\s([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(xml))) {
    const tag = ' ' + m[1];
    const body = m[2] || '';
    const ref = attr(tag, 'r') as string;
    const type = attr(tag, 't');
    const v = /<v>([\s\S]*?)<\/v>/.exec(body);
    let value: XmlValue = null;
    if (type === 's') value = v ? shared[Number(v[1])] : null;
    else if (type === 'inlineStr') value = runsText(body);
    else if (type === 'str') value = v ? unescapeXml(v[1]) : '';
    else if (type === 'b') value = v ? v[1] === '1' : null;
    else if (v) value = Number(v[1]);
    cells[ref] = value;
  }
  return cells;
}

function toRows(cells: Record<string, XmlValue>): XmlValue[][] {
  const rows: XmlValue[][] = [];
  for (const ref of Object.keys(cells)) {
    const { row, col } = parseRef(ref);
    while (rows.length < row) rows.push([]);
    const r = rows[row - 1];
    while (r.length < col) r.push(null);
    r[col - 1] = cells[ref];
  }
  return rows;
}

export async function readXlsxXml(file: string): Promise<XmlWorkbook> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const text = async (part: string) => {
    const entry = zip.file(part);
    if (!entry) throw new Error('no part ' + part + ' in ' + file);
    return entry.async('string');
  };
  const workbookXml = await text('xl/workbook.xml');
  const rels = await text('xl/_rels/workbook.xml.rels');
  const targets: Record<string, string> = {};
  for (const m of rels.match(/<Relationship\s[^>]*>/g) || []) {
    const target = attr(m, 'Target') as string;
    targets[attr(m, 'Id') as string] = target.replace(/^\/?(xl\/)?/, 'xl/');
  }
  const sharedStrings: string[] = [];
  if (zip.file('xl/sharedStrings.xml')) {
    const sst = await text('xl/sharedStrings.xml');
    for (const si of sst.match(/<si>[\s\S]*?<\/si>/g) || []) sharedStrings.push(runsText(si));
  }
  const sheets: XmlSheet[] = [];
  for (const tag of workbookXml.match(/<sheet\s[^>]*>/g) || []) {
    const name = attr(tag, 'name') as string;
    const part = targets[attr(tag, 'r:id') as string];
    const xml = await text(part);
    const cells = readCells(xml, sharedStrings);
    sheets.push({ name, part, xml, cells, rows: toRows(cells) });
  }
  return {
    workbookXml,
    sharedStrings,
    sheets,
    sheet(name: string) {
      const s = sheets.filter((x) => x.name === name)[0];
      if (!s) throw new Error('no sheet ' + name + ' in ' + file + ' (' + sheets.map((x) => x.name).join(', ') + ')');
      return s;
    },
  };
}

/** Excel serial (1900 system) -> YYYY-MM-DD. */
export function serialToIso(serial: number): string {
  return new Date(Math.round((serial - 25569) * 864e5)).toISOString().slice(0, 10);
}
