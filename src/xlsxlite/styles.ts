/**
 * styles.xml from the named STYLES (core/sheets/styles.ts): fonts, fills, borders, number formats and one
 * cell format (xf) per style a sheet uses, plus dxfs for the flag rules (conditional formats).
 * Colours and borders match the Office.js host's rendering of the same styles.
 */
import { CellStyle, StyleKey, STYLES } from '../core';
import { xmlAttr } from './xml';

const BUILTIN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

const BORDER_COLOR = 'BFBFBF';

function argb(rgb: string): string {
  const bare = rgb.charAt(0) === '#' ? rgb.slice(1) : rgb;
  return ('FF' + bare).toUpperCase();
}

/** Collects the cell formats the sheets use and writes them as styles.xml. */
export class StyleSheet {
  private fonts: string[] = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private fills: string[] = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private borders: string[] = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private numFmts: { id: number; code: string }[] = [];
  private xfs: string[] = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private xfIndex: Record<string, number> = {};
  private plain: Partial<Record<StyleKey, number>> = {};
  private dxfs: string[] = [];
  private dxfIndex: Record<string, number> = {};
  /** Set once styles.xml is written: a format first asked for after that would be missing from it. */
  private sealed = false;

  private indexOf(list: string[], xml: string): number {
    const i = list.indexOf(xml);
    if (i >= 0) return i;
    list.push(xml);
    return list.length - 1;
  }

  private numFmtId(code: string | undefined): number {
    if (!code) return 0;
    if (code in BUILTIN_FORMATS) return BUILTIN_FORMATS[code];
    for (let i = 0; i < this.numFmts.length; i++) if (this.numFmts[i].code === code) return this.numFmts[i].id;
    const id = 164 + this.numFmts.length;
    this.numFmts.push({ id, code });
    return id;
  }

  private font(s: CellStyle): number {
    if (!s.bold && !s.size && !s.color && !s.font) return 0;
    // A Chinese font name is a GB2312 font (charset 134), as Excel writes 宋体 or 仿宋.
    const name = s.font
      ? '<name val="' + xmlAttr(s.font) + '"/><family val="3"/>' + (/[^\x00-\x7f]/.test(s.font) ? '<charset val="134"/>' : '')
      : '<name val="Calibri"/><family val="2"/><scheme val="minor"/>';
    const xml =
      '<font>' +
      (s.bold ? '<b/>' : '') +
      '<sz val="' + (s.size || 11) + '"/>' +
      (s.color ? '<color rgb="' + argb(s.color) + '"/>' : '<color theme="1"/>') +
      name + '</font>';
    return this.indexOf(this.fonts, xml);
  }

  private fill(s: CellStyle): number {
    if (!s.fill) return 0;
    return this.indexOf(this.fills, '<fill><patternFill patternType="solid"><fgColor rgb="' + argb(s.fill) + '"/><bgColor indexed="64"/></patternFill></fill>');
  }

  private border(s: CellStyle): number {
    if (!s.border) return 0;
    const edge = (name: string) => '<' + name + ' style="thin"><color rgb="' + argb(BORDER_COLOR) + '"/></' + name + '>';
    return this.indexOf(this.borders, '<border>' + edge('left') + edge('right') + edge('top') + edge('bottom') + '<diagonal/></border>');
  }

  /**
   * The xf index for a style key (or none) with an optional number format that overrides the style's
   * own (a date in a cell whose style has no date format).
   */
  xf(key: StyleKey | undefined, numFmt?: string): number {
    // The common case, a style key alone, without building a string per cell.
    if (key && !numFmt) {
      const known = this.plain[key];
      if (known !== undefined) return known;
    }
    const id = (key || '') + '|' + (numFmt || '');
    if (id in this.xfIndex) return this.xfIndex[id];
    if (this.sealed) throw new Error('xlsxlite: cell format ' + id + ' asked for after styles.xml was written');
    const s: CellStyle = key ? STYLES[key] : {};
    const fmt = this.numFmtId(numFmt || s.numFmt);
    const fontId = this.font(s);
    const fillId = this.fill(s);
    const borderId = this.border(s);
    const horizontal = s.align ? ' horizontal="' + s.align + '"' : '';
    const vertical = s.valign ? ' vertical="' + (s.valign === 'middle' ? 'center' : 'top') + '"' : '';
    const wrap = s.wrap ? ' wrapText="1"' : '';
    const align = horizontal || vertical || wrap ? '<alignment' + horizontal + vertical + wrap + '/>' : '';
    const xml =
      '<xf numFmtId="' + fmt + '" fontId="' + fontId + '" fillId="' + fillId + '" borderId="' + borderId + '" xfId="0"' +
      (fmt ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (align ? ' applyAlignment="1">' + align + '</xf>' : '/>');
    this.xfs.push(xml);
    this.xfIndex[id] = this.xfs.length - 1;
    if (key && !numFmt) this.plain[key] = this.xfs.length - 1;
    return this.xfs.length - 1;
  }

  /** The differential format of a rule's style (font colour and fill), for conditional formats. */
  dxf(key: StyleKey): number {
    if (key in this.dxfIndex) return this.dxfIndex[key];
    if (this.sealed) throw new Error('xlsxlite: rule style ' + key + ' asked for after styles.xml was written');
    const s = STYLES[key];
    const xml =
      '<dxf>' +
      (s.color ? '<font><color rgb="' + argb(s.color) + '"/></font>' : '') +
      (s.fill ? '<fill><patternFill patternType="solid"><fgColor rgb="' + argb(s.fill) + '"/><bgColor rgb="' + argb(s.fill) + '"/></patternFill></fill>' : '') +
      '</dxf>';
    this.dxfs.push(xml);
    this.dxfIndex[key] = this.dxfs.length - 1;
    return this.dxfs.length - 1;
  }

  xml(): string {
    this.sealed = true;
    const list = (tag: string, items: string[], extra = '') => '<' + tag + ' count="' + items.length + '"' + extra + '>' + items.join('') + '</' + tag + '>';
    const numFmts = this.numFmts.length
      ? list('numFmts', this.numFmts.map((f) => '<numFmt numFmtId="' + f.id + '" formatCode="' + xmlAttr(f.code) + '"/>'))
      : '';
    return (
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
      numFmts +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      list('borders', this.borders) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      list('dxfs', this.dxfs) +
      '<tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
      '</styleSheet>'
    );
  }
}
