/**
 * styles.xml, read for what the reader needs (which cell formats show dates, which carry Taizhang's
 * marker style) and patched by appending only: new fonts, fills, number formats, cell formats and
 * the marker style go at the end of their lists and nothing that exists is renumbered or rewritten,
 * so every s="N" in every sheet keeps its meaning. An element equal to one already in its list is
 * reused, so checking a checked copy again appends nothing.
 */
import { isDateNumberFormat } from '../core/text/grid';
import { STYLES } from '../core/sheets/styles';
import { escapeXml, localName, parseText, prefixOf, setAttr, Tag } from './xml';

/**
 * The named cell style on the header cells of Taizhang's added columns: the file's record of which
 * columns are ours (Grid.ours, core/read/ours.ts). A named style lives in styles.xml only, so it marks the
 * block without touching any other part, and Excel and LibreOffice keep it when they save.
 */
export const MARKER_STYLE = '台账助手';

/**
 * The built-in number formats that show dates (ECMA-376 18.8.30, with the zh-CN forms of 27-36 and
 * 50-58). Time-only ones (18-21, 32-35, 45-47, 55, 56) are not dates, as core/grid says.
 */
export const BUILTIN_DATE_FORMATS: Record<number, string> = {
  14: 'yyyy/m/d',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  22: 'yyyy/m/d h:mm',
  27: 'yyyy"年"m"月"',
  28: 'm"月"d"日"',
  29: 'm"月"d"日"',
  30: 'm-d-yy',
  31: 'yyyy"年"m"月"d"日"',
  36: 'yyyy"年"m"月"',
  50: 'yyyy"年"m"月"',
  51: 'm"月"d"日"',
  52: 'yyyy"年"m"月"',
  53: 'm"月"d"日"',
  54: 'm"月"d"日"',
  57: 'yyyy"年"m"月"',
  58: 'm"月"d"日"',
};

/** The lists of a stylesheet, in schema order (CT_Stylesheet). */
const ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
export type ListName = 'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellStyleXfs' | 'cellXfs' | 'cellStyles';
const LISTS: ListName[] = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles'];

/** Where an element sits in the text: [start, end). */
interface Span {
  start: number;
  end: number;
}

interface List {
  qname: string;
  /** The start tag (or the empty-element tag, when selfClosing). */
  open: Span;
  selfClosing: boolean;
  /** Start of the end tag (the insertion point). */
  closeStart: number;
  items: Span[];
}

/** A cell format (<xf> of cellXfs or cellStyleXfs). */
export interface Xf {
  numFmtId: number;
  fontId: number;
  fillId: number;
  borderId: number;
  xfId: number;
  /** The <alignment> and <protection> children as written, or ''. */
  alignment: string;
  protection: string;
}

/** Defaults for a stylesheet that lacks a list Excel needs (fills 0 and 1 are reserved). */
const DEFAULT_ITEMS: Record<ListName, string[]> = {
  numFmts: [],
  fonts: ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'],
  fills: ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'],
  borders: ['<border><left/><right/><top/><bottom/><diagonal/></border>'],
  cellStyleXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>'],
  cellXfs: ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'],
  cellStyles: ['<cellStyle name="Normal" xfId="0" builtinId="0"/>'],
};

/** A stylesheet for a package that has none (hand-made packages may leave it out). */
export const EMPTY_STYLESHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"></styleSheet>';

function num(v: string | null): number {
  const n = v === null ? 0 : parseInt(v, 10);
  return isFinite(n) && n >= 0 ? n : 0;
}

export class Stylesheet {
  readonly numFmts = new Map<number, string>();
  readonly cellXfs: Xf[] = [];
  /** Named styles: name -> cellStyleXfs index. */
  readonly cellStyles = new Map<string, number>();
  private readonly lists: Partial<Record<ListName, List>> = {};
  /** Root: its prefix ('' or 'x:'), and where other root children start. */
  private prefix = '';
  private rootOpenEnd = -1;
  private rootCloseStart = -1;
  private readonly others: { name: string; start: number }[] = [];
  private readonly added: Partial<Record<ListName, string[]>> = {};

  constructor(readonly text: string) {
    let depth = 0;
    let list: List | null = null;
    let itemStart = -1;
    let xf: Xf | null = null;
    const xfs: { list: string; xf: Xf }[] = [];
    const self = this;
    parseText(text, {
      open(tag: Tag) {
        depth++;
        if (depth === 1) {
          self.prefix = prefixOf(tag.qname);
          self.rootOpenEnd = tag.end;
        } else if (depth === 2) {
          if ((LISTS as string[]).indexOf(tag.name) >= 0 && !self.lists[tag.name as ListName]) {
            list = { qname: tag.qname, open: { start: tag.start, end: tag.end }, selfClosing: tag.selfClosing, closeStart: tag.end, items: [] };
            self.lists[tag.name as ListName] = list;
          } else list = null;
          self.others.push({ name: tag.name, start: tag.start });
        } else if (depth === 3 && list) {
          itemStart = tag.start;
          const listName = localName(list.qname);
          if (listName === 'numFmts' && tag.name === 'numFmt') self.numFmts.set(num(tag.attr('numFmtId')), tag.attr('formatCode') || '');
          if (listName === 'cellStyles' && tag.name === 'cellStyle') {
            const name = tag.attr('name');
            if (name !== null && !self.cellStyles.has(name)) self.cellStyles.set(name, num(tag.attr('xfId')));
          }
          if ((listName === 'cellXfs' || listName === 'cellStyleXfs') && tag.name === 'xf') {
            xf = {
              numFmtId: num(tag.attr('numFmtId')),
              fontId: num(tag.attr('fontId')),
              fillId: num(tag.attr('fillId')),
              borderId: num(tag.attr('borderId')),
              xfId: num(tag.attr('xfId')),
              alignment: '',
              protection: '',
            };
            xfs.push({ list: listName, xf });
          } else xf = null;
        } else if (depth === 4 && xf) {
          if (tag.name === 'alignment') xf.alignment = text.slice(tag.start, tag.end);
          else if (tag.name === 'protection') xf.protection = text.slice(tag.start, tag.end);
        }
        // The matching close() of an empty-element tag comes right after this call.
      },
      close(qname: string, start: number, end: number) {
        if (depth === 1) self.rootCloseStart = start;
        else if (depth === 2 && list) {
          if (!list.selfClosing) list.closeStart = start;
          list = localName(qname) === localName(list.qname) ? null : list;
        } else if (depth === 3 && list && itemStart >= 0) {
          list.items.push({ start: itemStart, end });
          itemStart = -1;
        }
        depth--;
      },
    });
    for (const x of xfs) {
      if (x.list === 'cellXfs') this.cellXfs.push(x.xf);
    }
  }

  /** The number format code of a format id: the file's own, else the built-in date form, else ''. */
  formatCode(id: number): string {
    const own = this.numFmts.get(id);
    if (own !== undefined) return own;
    return BUILTIN_DATE_FORMATS[id] || (id === 0 ? 'General' : '');
  }

  /** 1 for each cell format (s="N") that shows a number as a date. */
  dateFormats(): Uint8Array {
    const out = new Uint8Array(this.cellXfs.length);
    const memo = new Map<number, boolean>();
    this.cellXfs.forEach((xf, i) => {
      let d = memo.get(xf.numFmtId);
      if (d === undefined) {
        d = isDateNumberFormat(this.formatCode(xf.numFmtId));
        memo.set(xf.numFmtId, d);
      }
      if (d) out[i] = 1;
    });
    return out;
  }

  /** 1 for each cell format whose parent is the named style `name`. */
  styledWith(name: string): Uint8Array {
    const out = new Uint8Array(this.cellXfs.length);
    const at = this.cellStyles.get(name);
    if (at === undefined) return out;
    this.cellXfs.forEach((xf, i) => {
      if (xf.xfId === at) out[i] = 1;
    });
    return out;
  }

  /** The elements of a list as written, then those appended. */
  items(list: ListName): string[] {
    const l = this.lists[list];
    const own = l ? l.items.map((s) => this.text.slice(s.start, s.end)) : [];
    if (!l) own.push(...DEFAULT_ITEMS[list]);
    return own.concat(this.added[list] || []);
  }

  private count(list: ListName): number {
    const l = this.lists[list];
    return (l ? l.items.length : DEFAULT_ITEMS[list].length) + (this.added[list] || []).length;
  }

  /**
   * The index of `xml` in `list`: an equal element already there, else a new one at the end. `xml`
   * is written without the prefix; it gets the file's own (x:font) where the file uses one.
   */
  add(list: ListName, xml: string): number {
    const written = this.prefix ? withPrefix(xml, this.prefix) : xml;
    const all = this.items(list);
    const at = all.indexOf(written);
    if (at >= 0) return at;
    (this.added[list] = this.added[list] || []).push(written);
    return all.length;
  }

  /** Appends `xml` to `list` even where an equal element exists; returns its index. */
  private append(list: ListName, xml: string): number {
    const n = this.count(list);
    (this.added[list] = this.added[list] || []).push(this.prefix ? withPrefix(xml, this.prefix) : xml);
    return n;
  }

  /** The id of a number format code: the file's own, else a new one (164 and up are the file's). */
  numFmt(code: string): number {
    for (const [id, c] of this.numFmts) if (c === code) return id;
    let id = 163;
    for (const k of this.numFmts.keys()) id = Math.max(id, k);
    id++;
    this.numFmts.set(id, code);
    this.add('numFmts', '<numFmt numFmtId="' + id + '" formatCode="' + escapeXml(code) + '"/>');
    return id;
  }

  /** The cellStyleXfs index of the named style `name`, appended (with its cellStyle) when absent. */
  namedStyle(name: string): number {
    const at = this.cellStyles.get(name);
    if (at !== undefined) return at;
    // A format of its own (never Normal's, even where equal): the style's cells are those that point to it.
    const xf = this.append('cellStyleXfs', '<xf numFmtId="0" fontId="0" fillId="0" borderId="0"/>');
    this.add('cellStyles', '<cellStyle name="' + escapeXml(name) + '" xfId="' + xf + '"/>');
    this.cellStyles.set(name, xf);
    return xf;
  }

  /** An element of a list as written (fonts[3], fills[0]), or ''. */
  item(list: ListName, id: number): string {
    const all = this.items(list);
    return all[id] || all[0] || '';
  }

  get changed(): boolean {
    return LISTS.some((l) => (this.added[l] || []).length > 0);
  }

  /** The stylesheet with every appended element spliced in and the counts updated. */
  serialize(): string {
    const edits: { at: number; end: number; text: string }[] = [];
    const changed = this.changed;
    for (const name of LISTS) {
      const more = this.added[name] || [];
      const l = this.lists[name];
      // An absent list that Excel needs is written with its defaults once anything refers to it.
      if (!more.length && (l || !changed || name === 'numFmts')) continue;
      const count = String(this.count(name));
      if (l) {
        const openTag = this.text.slice(l.open.start, l.open.end);
        const withCount = /\scount="[^"]*"/.test(openTag) ? openTag.replace(/(\scount=")[^"]*(")/, '$1' + count + '$2') : openTag;
        if (l.selfClosing) {
          edits.push({ at: l.open.start, end: l.open.end, text: withCount.replace(/\s*\/>$/, '>') + more.join('') + '</' + l.qname + '>' });
        } else {
          edits.push({ at: l.open.start, end: l.open.end, text: withCount });
          edits.push({ at: l.closeStart, end: l.closeStart, text: more.join('') });
        }
      } else {
        const q = this.prefix + name;
        const items = DEFAULT_ITEMS[name].map((x) => (this.prefix ? withPrefix(x, this.prefix) : x)).concat(more);
        edits.push({ at: this.insertionPoint(name), end: this.insertionPoint(name), text: '<' + q + ' count="' + items.length + '">' + items.join('') + '</' + q + '>' });
      }
    }
    edits.sort((a, b) => a.at - b.at);
    let out = '';
    let from = 0;
    for (const e of edits) {
      out += this.text.slice(from, e.at) + e.text;
      from = e.end;
    }
    return out + this.text.slice(from);
  }

  /** Where an absent list goes: before the first root child that follows it in schema order. */
  private insertionPoint(name: string): number {
    const rank = ORDER.indexOf(name);
    for (const o of this.others) {
      const r = ORDER.indexOf(o.name);
      if (r > rank) return o.start;
    }
    if (this.rootCloseStart >= 0 && this.rootCloseStart >= this.rootOpenEnd && this.rootOpenEnd >= 0) return this.rootCloseStart;
    throw new Error('a stylesheet without a root element');
  }
}


/** Element names in `xml` with `prefix` (x:) added, where they have none. */
function withPrefix(xml: string, prefix: string): string {
  return xml.replace(/<(\/?)([A-Za-z][\w.-]*)(?=[\s/>])/g, '<$1' + prefix + '$2');
}

/** The kinds of cell the check adds to a ledger: 期限状态, 截止日期, 剩余天数, 检查意见. */
export type Kind = 'flag' | 'date' | 'days' | 'notes';
const DATE_FORMAT = 'yyyy-mm-dd';
/** The built-in number format "0". */
const INTEGER_FORMAT = 1;

function argb(rgb: string): string {
  return 'FF' + rgb.toUpperCase();
}

/**
 * The cell formats of the added cells, derived from the ledger's own and appended to the stylesheet
 * once each (the stylesheet reuses equal ones, so a re-check adds nothing).
 */
export class Formats {
  private readonly body = new Map<string, number>();
  private readonly header = new Map<number, number>();
  private dateFmt = -1;

  constructor(private readonly styles: Stylesheet) {}

  private xf(source: number): Xf {
    return this.styles.cellXfs[source] || { numFmtId: 0, fontId: 0, fillId: 0, borderId: 0, xfId: 0, alignment: '', protection: '' };
  }

  private xml(x: Xf): string {
    const children = x.alignment + x.protection;
    return (
      '<xf numFmtId="' + x.numFmtId + '" fontId="' + x.fontId + '" fillId="' + x.fillId + '" borderId="' + x.borderId + '" xfId="' + x.xfId + '"' +
      ' applyNumberFormat="1" applyFont="1" applyFill="1" applyBorder="1" applyAlignment="1"' + (x.protection ? ' applyProtection="1"' : '') +
      (children ? '>' + children + '</xf>' : '/>')
    );
  }

  /** A body cell of `kind` in a row whose own cells use format `source`; `flag` colours it. */
  bodyFormat(source: number, kind: Kind, flag: 'good' | 'neutral' | 'bad' | null): number {
    const key = source + '|' + kind + '|' + (flag || '');
    const known = this.body.get(key);
    if (known !== undefined) return known;
    const src = this.xf(source);
    let fontId = src.fontId;
    let fillId = 0;
    if (flag) {
      const style = STYLES[flag];
      if (style.color) fontId = this.styles.add('fonts', withColor(this.styles.item('fonts', src.fontId), argb(style.color)));
      if (style.fill) {
        const rgb = argb(style.fill);
        fillId = this.styles.add('fills', '<fill><patternFill patternType="solid"><fgColor rgb="' + rgb + '"/><bgColor rgb="' + rgb + '"/></patternFill></fill>');
      }
    }
    let numFmtId = 0;
    if (kind === 'date') {
      if (this.dateFmt < 0) this.dateFmt = this.styles.numFmt(DATE_FORMAT);
      numFmtId = this.dateFmt;
    } else if (kind === 'days') numFmtId = INTEGER_FORMAT;
    let alignment = src.alignment;
    if (kind === 'notes') {
      if (!alignment) alignment = '<alignment wrapText="1"/>';
      else {
        const end = alignment.indexOf('>') + 1;
        alignment = setAttr(alignment.slice(0, end), 'wrapText', '1') + alignment.slice(end);
      }
    }
    const id = this.styles.add('cellXfs', this.xml({ numFmtId, fontId, fillId, borderId: src.borderId, xfId: 0, alignment, protection: src.protection }));
    this.body.set(key, id);
    return id;
  }

  /** The font size in points of cell format `id` (11 where its font states none). */
  fontSize(id: number): number {
    const font = this.styles.item('fonts', this.xf(id).fontId);
    const m = /<(?:[\w.-]+:)?sz\b[^>]*?\bval\s*=\s*["']([\d.]+)["']/.exec(font);
    return m && +m[1] > 0 ? +m[1] : 11;
  }

  /** A label cell beside a header cell of format `source`: the same look, under the marker style. */
  headerFormat(source: number): number {
    const known = this.header.get(source);
    if (known !== undefined) return known;
    const marker = this.styles.namedStyle(MARKER_STYLE);
    const id = this.styles.add('cellXfs', this.xml({ ...this.xf(source), xfId: marker }));
    this.header.set(source, id);
    return id;
  }
}

/** A font element with its colour set to `rgb` (ARGB). */
function withColor(font: string, rgb: string): string {
  const color = '<color rgb="' + rgb + '"/>';
  const m = /<([\w.-]+:)?color\b[^>]*?(\/>|>[\s\S]*?<\/([\w.-]+:)?color>)/.exec(font);
  if (m) return font.slice(0, m.index) + color + font.slice(m.index + m[0].length);
  const sz = /<([\w.-]+:)?sz\b[^>]*\/>/.exec(font);
  if (sz) return font.slice(0, sz.index + sz[0].length) + color + font.slice(sz.index + sz[0].length);
  const open = /<([\w.-]+:)?font\b[^>]*?(\/?)>/.exec(font);
  if (!open) return '<font>' + color + '</font>';
  if (open[2]) return font.slice(0, open.index) + font.slice(open.index, open.index + open[0].length - 2) + '>' + color + '</' + (open[1] || '') + 'font>';
  return font.slice(0, open.index + open[0].length) + color + font.slice(open.index + open[0].length);
}

