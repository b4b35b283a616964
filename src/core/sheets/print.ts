/**
 * Print arithmetic for the summary sheets: how wide a column prints, the scale at which Excel fits a
 * sheet to one A4 page wide, and how many lines a wrapped text takes. Pure: summary-sheets.ts uses it to
 * choose widths that print at 80% or more, and row heights for merged paragraphs (Excel never grows
 * a row for wrapped text in a merged cell).
 *
 * Widths are in Excel's character units of the workbook's default font (Calibri 11, whose widest
 * digit is 7 pixels at 96 dpi). Excel turns a width w into w * 7 + 5 pixels (rounded), the 5 being
 * the cell padding (ECMA-376 Part 1, 18.3.1.13 col width; the same rounding as XlsxWriter's).
 */
import { CheckOptions, Lang } from '../model/result';
import { SpecPrint } from '../model/spec';
import { Summary } from '../model/summary';
import { SUMMARY_TEXT, SummaryText } from '../words/summary';
import { Row, text } from './cells';

/** Pixels of Calibri 11's widest digit at 96 dpi. */
export const MAX_DIGIT_PX = 7;
const PADDING_PX = 5;
const PT_PER_PX = 72 / 96;
/** Excel's default column width, for columns a sheet leaves unset. */
export const DEFAULT_WIDTH = 8.43;

/** A4 in points (210 x 297 mm). */
export const A4 = { width: 595.28, height: 841.89 };

/** The margins the summary sheets print with, in inches (Excel's "normal" less 0.2 on each side). */
export const MARGINS = { side: 0.5, top: 0.75, bottom: 0.75 };

/** The pixels Excel shows for a column of width `w`. */
export function columnPixels(w: number): number {
  if (w <= 0) return 0;
  if (w < 1) return Math.floor(w * (MAX_DIGIT_PX + PADDING_PX) + 0.5);
  return Math.floor(w * MAX_DIGIT_PX + 0.5) + PADDING_PX;
}

/** The printed width of columns, in points. */
export function columnsPoints(widths: number[]): number {
  let px = 0;
  for (let i = 0; i < widths.length; i++) px += columnPixels(widths[i] || DEFAULT_WIDTH);
  return px * PT_PER_PX;
}

/** Points available across an A4 page between the side margins. */
export function printableWidth(landscape: boolean, sideMargin: number = MARGINS.side): number {
  return (landscape ? A4.height : A4.width) - 2 * sideMargin * 72;
}

/** Points available down an A4 page between the top and bottom margins. */
export function printableHeight(landscape: boolean): number {
  return (landscape ? A4.width : A4.height) - (MARGINS.top + MARGINS.bottom) * 72;
}

/**
 * The scale Excel prints at when it fits these columns to one page wide: the printable width over
 * the columns' width, never above 100%, in whole percents as Excel's zoom takes it.
 */
export function fitToWidthScale(widths: number[], landscape: boolean, sideMargin: number = MARGINS.side): number {
  const need = columnsPoints(widths);
  if (need <= 0) return 1;
  const scale = printableWidth(landscape, sideMargin) / need;
  return scale >= 1 ? 1 : Math.floor(scale * 100) / 100;
}

/**
 * Lines a text wraps to in a column (or merged columns) of `width` units, in a font of `size`
 * points: a CJK or full-width character is about two digits wide, anything else one (a fair mean for
 * Latin text in Calibri); each line break starts a line.
 */
export function textLines(text: string, width: number, size = 11): number {
  // Less the padding, and a little for the word breaks Excel makes; in units of an 11 pt font.
  const room = (Math.max(1, width - 0.5) * 11) / size;
  // Most cells are short: when even two units a character fit, it is one line.
  if (text.length * 2 <= room && text.indexOf('\n') < 0) return 1;
  let lines = 0;
  let units = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      lines += units > room ? Math.ceil(units / room) : 1;
      units = 0;
    } else if (c < 0xdc00 || c > 0xdfff) units += c >= 0x1100 ? 2 : 1; // the second half of a pair adds nothing
  }
  return lines + (units > room ? Math.ceil(units / room) : 1);
}

/** The height in points of a row with `lines` lines of text in a font of `size` points. */
export function rowHeight(lines: number, size = 11): number {
  return Math.ceil(lines * size * 1.3 + 3);
}

/**
 * What the documents read of the options (CheckOptions, passed whole): who sends them (--issuer,
 * --notice-number, --reply-days) and the yellow window the check used, for the report's wording.
 */
export type DocumentOptions = Pick<CheckOptions, 'issuer' | 'noticeNumber' | 'replyDays' | 'dueSoonDays' | 'start'>;

/** Everything a sheet builder needs besides the summary. */
export interface Doc {
  lang: Lang;
  tx: SummaryText;
  asOf: string;
  issuer: string;
  opts: DocumentOptions;
}

/** The document settings of sheets judged at `asOf` (the summary's, or a comparison's later date). */
export function docFor(asOf: string, lang: Lang, opts: DocumentOptions): Doc {
  const tx = SUMMARY_TEXT[lang];
  const issuer = (opts.issuer || '').trim() || tx.defaultIssuer;
  return { lang, tx, asOf, issuer, opts };
}

export function docOf(s: Summary, lang: Lang, opts: DocumentOptions): Doc {
  return docFor(s.asOf, lang, opts);
}
/* ------------------------------------- print setup ------------------------------------- */

/** Text as a header/footer part: '&' starts a code there, so a literal one is doubled. */
export function headerFooterText(s: string): string {
  return s.replace(/&/g, '&&');
}

/** A4, one page wide, the header row repeated, the issuer and page number in the footer. */
export function printOf(doc: Doc, landscape: boolean, headerRow: number | null): SpecPrint {
  const print: SpecPrint = {
    landscape,
    fitToWidth: true,
    sideMargin: MARGINS.side,
    footer: { left: headerFooterText(doc.issuer), center: doc.tx.pageFooter, right: headerFooterText(doc.tx.asOfLine(doc.asOf)) },
  };
  if (headerRow) print.repeatRows = [headerRow, headerRow];
  return print;
}

/** Row 1 the sheet's title (merged over the table), row 2 the as-of line. */
export function titleRows(doc: Doc, title: string): Row[] {
  return [[text(title, 'title')], [text(doc.tx.asOfLine(doc.asOf), 'subtitle')]];
}

/** A title in 16 pt needs a taller row than Excel gives a merged cell. */
export const TITLE_HEIGHT = 26;
