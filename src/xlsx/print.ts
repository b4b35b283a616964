/**
 * How the checked copy prints (docs/contract.md, "Writing back"). Where the ledger sheet carries no
 * print setting of the user's (pageChoice below finds none, and the workbook names no print area or
 * print titles for it), patch.ts adds landscape, one page wide and as many tall as needed
 * (<sheetPr><pageSetUpPr fitToPage="1"/>, <pageSetup orientation="landscape" fitToWidth="1"
 * fitToHeight="0"/>) and the header rows as print titles (_xlnm.Print_Titles in workbook.xml). Where
 * the user chose anything, nothing changes. And where a row's height is fixed, 检查意见 is cut with
 * … to what that height shows (fitHeight).
 */
import { charWidth } from '../core/text/width';
import { localName, parseText, prefixOf, Tag } from './xml';

/** pageSetup attributes that say nothing of the user's choice: the printer's resolution, its settings part. */
const NOT_CHOICES = ['horizontalDpi', 'verticalDpi', 'id'];

/** pageSetup attributes at their schema defaults (CT_PageSetup): written so, they choose nothing. */
const DEFAULTS: Record<string, string[]> = {
  scale: ['100'],
  fitToWidth: ['1'],
  fitToHeight: ['1'],
  orientation: ['default'],
  pageOrder: ['downThenOver'],
  blackAndWhite: ['0', 'false'],
  draft: ['0', 'false'],
  cellComments: ['none'],
  errors: ['displayed'],
  useFirstPageNumber: ['0', 'false'],
  usePrinterDefaults: ['1', 'true'],
  firstPageNumber: ['1'],
  copies: ['1'],
};

const TRUE = ['1', 'true'];
const HEADER_FOOTER = ['oddHeader', 'oddFooter', 'evenHeader', 'evenFooter', 'firstHeader', 'firstFooter'];

/**
 * The print setting of the user's that a worksheet element carries, as 'element@attribute', or '' for
 * none: a pageSetup attribute off its default (orientation, paper size, scale ≠ 100, fit to pages...;
 * a custom view's too), fitToPage, manual page breaks, printed gridlines or headings or centring, a
 * header or footer, a page layout or page break view. Page margins are no choice: every writer
 * writes its defaults.
 */
export function pageChoice(tag: Tag): string {
  const n = tag.name;
  if (n === 'pageSetup') {
    const names = tag.attrNames();
    for (let i = 0; i < names.length; i++) {
      const local = localName(names[i]);
      if (names[i].indexOf('xmlns') === 0 || NOT_CHOICES.indexOf(local) >= 0) continue;
      const value = tag.attr(names[i]) || '';
      if (!DEFAULTS[local] || DEFAULTS[local].indexOf(value) < 0) return 'pageSetup@' + local;
    }
    return '';
  }
  if (n === 'pageSetUpPr') return TRUE.indexOf(tag.attr('fitToPage') || '') >= 0 ? 'pageSetUpPr@fitToPage' : '';
  if (n === 'rowBreaks' || n === 'colBreaks') return n;
  if (n === 'printOptions') {
    const names = tag.attrNames();
    for (let i = 0; i < names.length; i++) if (TRUE.indexOf(tag.attr(names[i]) || '') >= 0) return 'printOptions@' + names[i];
    return '';
  }
  if (HEADER_FOOTER.indexOf(n) >= 0) return 'headerFooter@' + n;
  if (n === 'sheetView') {
    const view = tag.attr('view');
    return view === 'pageLayout' || view === 'pageBreakPreview' ? 'sheetView@view' : '';
  }
  return '';
}

/** A start tag with attributes set: any of them written before (either quote) goes first. */
export function withAttrs(tag: string, attrs: [string, string][]): string {
  let t = tag;
  for (const [name] of attrs) t = t.replace(new RegExp('\\s' + name + '\\s*=\\s*("[^"]*"|\'[^\']*\')'), '');
  const add = attrs.map(([name, value]) => ' ' + name + '="' + value + '"').join('');
  return t.replace(/\s*(\/?>)$/, add + '$1');
}

/** The page setup's elements as added (prefix: the sheet's namespace prefix). */
export function sheetPrXml(p: string): string {
  return '<' + p + 'sheetPr>' + pageSetUpPrXml(p) + '</' + p + 'sheetPr>';
}
export function pageSetUpPrXml(p: string): string {
  return '<' + p + 'pageSetUpPr fitToPage="1"/>';
}
export function pageSetupXml(p: string): string {
  return '<' + p + 'pageSetup orientation="landscape" fitToWidth="1" fitToHeight="0"/>';
}
export const PAGE_SETUP_ATTRS: [string, string][] = [
  ['orientation', 'landscape'],
  ['fitToWidth', '1'],
  ['fitToHeight', '0'],
];

/** The children of <worksheet> that come after <pageSetup> (CT_Worksheet): a new one goes before them. */
export const AFTER_PAGE_SETUP = [
  'headerFooter', 'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags', 'drawing',
  'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts',
  'extLst', 'AlternateContent',
];

/** The children of <workbook> that come after <definedNames> (CT_Workbook), or an mc:AlternateContent after <sheets>. */
const AFTER_DEFINED_NAMES = [
  'calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing',
  'fileRecoveryPr', 'webPublishObjects', 'extLst', 'AlternateContent',
];

const PRINT_NAMES = ['_xlnm.Print_Area', '_xlnm.Print_Titles'];

/** A sheet name as a formula writes it: always quoted, quotes doubled. */
function quotedSheet(name: string): string {
  return "'" + name.replace(/'/g, "''") + "'";
}

function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * workbook.xml with `sheet`'s rows `top`..`bottom` as its print titles (a definedName
 * _xlnm.Print_Titles with the sheet's localSheetId, its position among the workbook's sheets), or
 * null where the workbook already names a print area or print titles for that sheet, or does not
 * list the sheet. Only the new name is added: inside <definedNames>, or in a new <definedNames> where
 * the schema puts it.
 */
export function withPrintTitles(text: string, sheet: string, top: number, bottom: number): string | null {
  let index = -1;
  let sheets = 0;
  let depth = 0;
  let rootPrefix = '';
  let names: { qname: string; start: number; end: number; selfClosing: boolean } | null = null;
  let namesClose = -1;
  let before = -1;
  let rootClose = -1;
  const localIds: string[] = [];
  parseText(text, {
    open(tag) {
      depth++;
      if (depth === 1) rootPrefix = prefixOf(tag.qname);
      if (depth === 2 && tag.name === 'definedNames' && !names) names = { qname: tag.qname, start: tag.start, end: tag.end, selfClosing: tag.selfClosing };
      // Only after <sheets>: an mc:AlternateContent (Excel's absPath) may stand before it.
      if (depth === 2 && before < 0 && sheets > 0 && AFTER_DEFINED_NAMES.indexOf(tag.name) >= 0) before = tag.start;
      if (depth === 3 && tag.name === 'sheet') {
        if (tag.attr('name') === sheet && index < 0) index = sheets;
        sheets++;
      }
      if (depth === 3 && tag.name === 'definedName' && PRINT_NAMES.indexOf(tag.attr('name') || '') >= 0) localIds.push(tag.attr('localSheetId') || '');
    },
    close(qname, start) {
      // A self-closing tag closes where it ends: only a real end tag is a place to insert before.
      if (depth === 2 && localName(qname) === 'definedNames' && names && !names.selfClosing && namesClose < 0) namesClose = start;
      if (depth === 1) rootClose = start;
      depth--;
    },
  });
  if (index < 0 || localIds.indexOf(String(index)) >= 0) return null;
  const open = names as { qname: string; start: number; end: number; selfClosing: boolean } | null;
  const p = open ? prefixOf(open.qname) : rootPrefix;
  const ref = quotedSheet(sheet) + '!$' + top + ':$' + bottom;
  const xml = '<' + p + 'definedName name="_xlnm.Print_Titles" localSheetId="' + index + '">' + escapeText(ref) + '</' + p + 'definedName>';
  if (open && namesClose >= 0) return text.slice(0, namesClose) + xml + text.slice(namesClose);
  const wrapped = '<' + p + 'definedNames>' + xml + '</' + p + 'definedNames>';
  if (open) return text.slice(0, open.start) + wrapped + text.slice(open.end);
  const at = before >= 0 ? before : rootClose;
  return at < 0 ? null : text.slice(0, at) + wrapped + text.slice(at);
}

/** Height of one line of text, as a multiple of the font size (Excel fits 宋体 11 in 14.25pt, Calibri 11 in 15pt, 12 points in 15.75pt). */
const LINE_HEIGHT = 1.25;

/**
 * `text` as much as a cell `width` characters wide and `height` points tall shows at `fontSize`
 * points, cut with … where it shows less (unchanged where it all shows). The estimate: lines of
 * fontSize × 1.25 points in the height, each (width − 1) × 11 / fontSize units long (the column width counts the
 * default 11-point font's digits; CJK characters are 2 units); a line break in the text starts a line.
 */
export function fitHeight(text: string, width: number, height: number, fontSize: number): string {
  const size = fontSize > 0 ? fontSize : 11;
  const lines = Math.max(1, Math.floor(height / (size * LINE_HEIGHT) + 0.05));
  const perLine = Math.max(2, Math.floor(((width - 1) * 11) / size));
  const chars = Array.from(text);
  let line = 1;
  let used = 0;
  // Where each character starts: [line, used before it], to step back for the ellipsis.
  const starts: [number, number][] = [];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i];
    if (ch === '\n') {
      starts.push([line, used]);
      line++;
      used = 0;
      if (line > lines) return cutAt(chars, i, starts, perLine);
      continue;
    }
    const w = charWidth(ch.codePointAt(0) as number);
    if (used + w > perLine) {
      line++;
      used = 0;
      if (line > lines) return cutAt(chars, i, starts, perLine);
    }
    starts.push([line, used]);
    used += w;
  }
  return text;
}

/** chars[0..end) with the last ones dropped until … fits on the last line. */
function cutAt(chars: string[], end: number, starts: [number, number][], perLine: number): string {
  let k = end;
  while (k > 0) {
    const [, before] = starts[k - 1];
    const w = chars[k - 1] === '\n' ? 0 : charWidth(chars[k - 1].codePointAt(0) as number);
    if (chars[k - 1] !== '\n' && before + w + 2 <= perLine) break;
    k--;
    if (chars[k] === '\n') break;
  }
  return chars.slice(0, k).join('').replace(/[\s；;，,、]+$/, '') + '…';
}
