/**
 * A word-processing document as the core builds it (the 通报 after GB/T 9704-2012) and a host renders
 * it (src/docx writes .docx): paragraphs of runs in named styles, and tables. The styles name what a
 * paragraph is (title, 一、 heading, body…); the writer decides fonts, sizes and spacing from them.
 */

/**
 * - title: 标题, 方正小标宋简体 二号, centred;
 * - number: 发文字号, 仿宋 三号, centred;
 * - addressee: 主送机关, 仿宋 三号, flush left;
 * - body: 正文, 仿宋 三号, first line indented two characters;
 * - heading1: 一、 黑体; heading2: （一） 楷体; heading3: 1. 仿宋 bold (its run carries the bold);
 * - signature / date: 落款 and 成文日期, right-aligned, four characters in from the right margin;
 * - annexLabel: "附件" 黑体 flush left on the annex page; annexTitle: the annex's title, 小标宋 二号;
 * - blank: an empty line of the body's height.
 */
export type DocStyle =
  | 'title' | 'number' | 'addressee' | 'body' | 'heading1' | 'heading2' | 'heading3'
  | 'signature' | 'date' | 'annexLabel' | 'annexTitle' | 'blank';

export interface DocRun {
  text: string;
  bold?: boolean;
  /** A run in another face than its paragraph's: 楷体 for a （一） heading that opens a paragraph, 黑体. */
  font?: 'kai' | 'hei';
  /** Text the user replaces before the document goes out (〔…〕): shaded so that none is missed. */
  placeholder?: boolean;
}

export interface DocParagraph {
  kind: 'paragraph';
  style: DocStyle;
  runs: DocRun[];
  /** Starts a new page (the annex). */
  pageBreakBefore?: boolean;
}

export interface DocTable {
  kind: 'table';
  /** The header row, repeated on every page the table runs over. */
  header: string[];
  /** The body rows; a row of one cell spans the whole table (a group's heading). */
  rows: string[][];
  /** Columns (0-based) whose cell merges into the one above where the text repeats (a problem over its measures). */
  mergeDown?: number[];
  /** Relative widths of the columns (they share the text block's width). */
  widths: number[];
}

export type DocBlock = DocParagraph | DocTable;

export interface DocModel {
  /** The document's title (core properties). */
  title: string;
  lang: 'zh' | 'en';
  blocks: DocBlock[];
}
