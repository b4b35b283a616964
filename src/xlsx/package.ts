/**
 * The package (OPC) layer of an .xlsx: [Content_Types].xml, the relationships, and the workbook's
 * sheets found the way Excel finds them: the root relationship to the workbook part (whatever it is
 * called and wherever it sits), its <sheets> in tab order, and each sheet's part through the
 * workbook's relationships. Part names written with backslashes, parts at the root of the zip and
 * absent optional parts (styles, shared strings, content types) are all read.
 */
import { isTaizhangError, taizhangError } from '../core/words/errors';
import { decodePart, escapeXml, parseText, Tag, XmlDoctypeError, XmlSyntaxError } from './xml';
import { partKey, ZipEntry, ZipFile } from './zip';

/** Small parts (workbook, relationships, styles, tables, comments) are read whole, up to this. */
export const SMALL_PART_BYTES = 64 * 1024 * 1024;

export interface Rel {
  id: string;
  /** The relationship type's last segment: worksheet, styles, sharedStrings, table, comments... */
  kind: string;
  /** The target part's name, resolved against the source part (no leading slash). */
  target: string;
  external: boolean;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetRef {
  name: string;
  sheetId: string;
  state: SheetState;
  /** The worksheet part, e.g. xl/worksheets/sheet1.xml (as the relationship names it). */
  part: string;
  entry: ZipEntry;
  /** The sheet's own relationships (tables, comments, drawings...). */
  rels: Rel[];
  /**
   * Set when the sheet is read (sheet-reader.ts): the first print setting of the user's the sheet
   * carries (print.ts pageChoice), '' when it carries none.
   */
  pageChoice?: string;
}

/** What the workbook part's content type says the file is. */
export type BookKind = 'xlsx' | 'xlsm' | 'xltx' | 'xltm' | 'xlam';

const MAIN_TYPES: Record<string, BookKind> = {
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml': 'xlsx',
  'application/vnd.ms-excel.sheet.macroenabled.main+xml': 'xlsm',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml': 'xltx',
  'application/vnd.ms-excel.template.macroenabled.main+xml': 'xltm',
  'application/vnd.ms-excel.addin.macroenabled.main+xml': 'xlam',
};

export interface ContentTypes {
  entry: ZipEntry;
  text: string;
  /** Lower-cased extension -> content type. */
  defaults: Map<string, string>;
  /** Part key -> content type. */
  overrides: Map<string, string>;
}

export interface Package {
  zip: ZipFile;
  contentTypes: ContentTypes | null;
  kind: BookKind;
  workbookPart: string;
  workbookRels: Rel[];
  /** The workbook's relationships part, e.g. xl/_rels/workbook.xml.rels, and its entry when present. */
  workbookRelsPart: string;
  workbookRelsEntry: ZipEntry | null;
  /** Worksheets in tab order (chart sheets and dialog sheets hold no cells and are left out). */
  sheets: SheetRef[];
  date1904: boolean;
  stylesPart: string | null;
  sharedStringsPart: string | null;
}

/** An entry's name as a part name: forward slashes, no leading slash (case kept). */
export function partName(entryName: string): string {
  return entryName.replace(/\\/g, '/').replace(/^\/+/, '');
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/');
  return i < 0 ? '' : part.slice(0, i + 1);
}

/** The relationships part of a part: xl/workbook.xml -> xl/_rels/workbook.xml.rels. */
export function relsPartOf(part: string): string {
  const dir = dirOf(part);
  return dir + '_rels/' + part.slice(dir.length) + '.rels';
}

/**
 * A relationship target resolved against its source part: relative to the source's folder, or from
 * the package root when it starts with '/'. '..' never climbs above the root: the result only ever
 * names a part inside this package.
 */
export function resolveTarget(sourcePart: string, target: string): string {
  const t = target.replace(/\\/g, '/');
  const joined = t.charAt(0) === '/' ? t : dirOf(sourcePart) + t;
  const out: string[] = [];
  for (const seg of joined.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

/** Reads a small part whole and parses it; XML trouble becomes the user's one line. */
export function readSmallXml(zip: ZipFile, entry: ZipEntry, open: (tag: Tag) => void): string {
  const text = decodePart(zip.readWhole(entry, { maxBytes: SMALL_PART_BYTES }));
  parseChecked(zip, entry.name, text, open);
  return text;
}

export function parseChecked(zip: ZipFile, part: string, text: string, open: (tag: Tag) => void): void {
  try {
    parseText(text, { open, close: () => undefined });
  } catch (e) {
    throw xmlError(zip, part, e);
  }
}

/** An XML failure in `part` as a TaizhangError. */
export function xmlError(zip: ZipFile, part: string, e: unknown): unknown {
  if (isTaizhangError(e)) return e;
  if (e instanceof XmlDoctypeError) return taizhangError('xml-doctype', { file: zip.display, part });
  if (e instanceof XmlSyntaxError) return zip.corrupt();
  return e;
}

export function readRels(zip: ZipFile, sourcePart: string): Rel[] {
  const relsPart = relsPartOf(sourcePart);
  const entry = zip.get(relsPart);
  if (!entry) return [];
  const rels: Rel[] = [];
  readSmallXml(zip, entry, (tag) => {
    if (tag.name !== 'Relationship') return;
    const id = tag.attr('Id') || '';
    const type = tag.attr('Type') || '';
    const target = tag.attr('Target') || '';
    const external = (tag.attr('TargetMode') || '').toLowerCase() === 'external';
    rels.push({ id, kind: type.slice(type.lastIndexOf('/') + 1), target: external ? target : resolveTarget(sourcePart, target), external });
  });
  return rels;
}

function readContentTypes(zip: ZipFile): ContentTypes | null {
  const entry = zip.get('[Content_Types].xml');
  if (!entry) return null;
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  const text = readSmallXml(zip, entry, (tag) => {
    if (tag.name === 'Default') defaults.set((tag.attr('Extension') || '').toLowerCase(), tag.attr('ContentType') || '');
    else if (tag.name === 'Override') overrides.set(partKey(tag.attr('PartName') || ''), tag.attr('ContentType') || '');
  });
  return { entry, text, defaults, overrides };
}

export function contentTypeOf(types: ContentTypes | null, part: string): string {
  if (!types) return '';
  const over = types.overrides.get(partKey(part));
  if (over !== undefined) return over;
  const dot = part.lastIndexOf('.');
  return dot < 0 ? '' : types.defaults.get(part.slice(dot + 1).toLowerCase()) || '';
}

/** The workbook part: the root officeDocument relationship, else the content types, else by name. */
function findWorkbook(zip: ZipFile, types: ContentTypes | null): string {
  for (const rel of readRels(zip, '')) {
    if (rel.kind === 'officeDocument' && !rel.external && zip.get(rel.target)) return rel.target;
  }
  if (types) {
    for (const [key, type] of types.overrides) if (MAIN_TYPES[type.toLowerCase()] && zip.get(key)) return partName((zip.get(key) as ZipEntry).name);
  }
  const named = zip.get('xl/workbook.xml') || zip.get('workbook.xml');
  if (named) return partName(named.name);
  throw zip.corrupt();
}

/** Opens the package and reads its workbook part. Throws a TaizhangError for anything unreadable. */
export function openPackage(path: string, display: string): Package {
  let zip: ZipFile;
  try {
    zip = ZipFile.open(path, display);
  } catch (e) {
    // A system error (no permission, the file locked) is not a damaged file: it goes up as it is.
    if (isTaizhangError(e) || (e && (e as NodeJS.ErrnoException).syscall)) throw e;
    throw taizhangError('file-corrupt', { file: display });
  }
  try {
    return readPackage(zip);
  } catch (e) {
    zip.close();
    throw e;
  }
}

function readPackage(zip: ZipFile): Package {
  const contentTypes = readContentTypes(zip);
  const workbookPart = findWorkbook(zip, contentTypes);
  const workbookEntry = zip.get(workbookPart) as ZipEntry;
  const kind = MAIN_TYPES[contentTypeOf(contentTypes, workbookPart).toLowerCase()] || 'xlsx';
  const workbookRels = readRels(zip, workbookPart);
  const listed: { name: string; sheetId: string; state: SheetState; rId: string }[] = [];
  let date1904 = false;
  let seenPr = false;
  readSmallXml(zip, workbookEntry, (tag) => {
    if (tag.name === 'sheet') {
      const state = tag.attr('state');
      listed.push({
        name: tag.attr('name') || '',
        sheetId: tag.attr('sheetId') || '',
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        rId: tag.prefixedAttr('id') || tag.attr('id') || '',
      });
    } else if (tag.name === 'workbookPr' && !seenPr) {
      // The first one is the workbook's own; Excel also writes an <x15:workbookPr> into extLst,
      // which says nothing of dates and must not turn the 1904 date system off again.
      seenPr = true;
      const v = (tag.attr('date1904') || '').toLowerCase();
      date1904 = v === '1' || v === 'true';
    }
  });
  const relById = new Map<string, Rel>();
  for (const r of workbookRels) relById.set(r.id, r);
  const sheets: SheetRef[] = [];
  listed.forEach((s, i) => {
    const rel = relById.get(s.rId);
    // Without its relationship (a hand-made package), the sheet is where Excel itself would put it.
    const part = rel ? rel.target : workbookRels.length ? '' : resolveTarget(workbookPart, 'worksheets/sheet' + (i + 1) + '.xml');
    if (rel && (rel.external || rel.kind !== 'worksheet')) return;
    const entry = part ? zip.get(part) : undefined;
    if (!entry) throw zip.corrupt();
    sheets.push({ name: s.name, sheetId: s.sheetId, state: s.state, part, entry, rels: readRels(zip, part) });
  });
  const find = (kindName: string): string | null => {
    for (const r of workbookRels) if (r.kind === kindName && !r.external && zip.get(r.target)) return r.target;
    return null;
  };
  const relsPart = relsPartOf(workbookPart);
  return {
    zip,
    contentTypes,
    kind,
    workbookPart,
    workbookRels,
    workbookRelsPart: relsPart,
    workbookRelsEntry: zip.get(relsPart) || null,
    sheets,
    date1904,
    stylesPart: find('styles'),
    sharedStringsPart: find('sharedStrings'),
  };
}

/** [Content_Types].xml with an Override for a new part, and a relationships part with a new one. */
export function withOverride(text: string, part: string, type: string): string {
  const m = /<\/([\w.-]+:)?Types\s*>\s*$/.exec(text);
  const p = m && m[1] ? m[1] : '';
  const xml = '<' + p + 'Override PartName="/' + escapeXml(part) + '" ContentType="' + type + '"/>';
  return m ? text.slice(0, m.index) + xml + text.slice(m.index) : text;
}

export function withRelationship(text: string, rels: Rel[], type: string, target: string): string {
  let n = rels.length + 1;
  while (rels.some((r) => r.id === 'rId' + n)) n++;
  const m = /<\/([\w.-]+:)?Relationships\s*>\s*$/.exec(text);
  const p = m && m[1] ? m[1] : '';
  const xml = '<' + p + 'Relationship Id="rId' + n + '" Type="' + type + '" Target="' + escapeXml(target) + '"/>';
  return m ? text.slice(0, m.index) + xml + text.slice(m.index) : text;
}
