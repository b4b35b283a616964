/**
 * The named cell styles that SheetSpecs refer to. Every host (the file writers and Office.js) reads this table,
 * so a summary looks the same wherever it is written. Good / Neutral / Bad copy Excel's built-in cell
 * styles of the same names; the header is a calm Office-like blue-grey.
 */
import { CellStyle, StyleKey } from '../model/spec';

const BORDERED: CellStyle = { border: true, valign: 'top' };

export const STYLES: Record<StyleKey, CellStyle> = {
  title: { bold: true, size: 16 },
  subtitle: { bold: true, size: 12, wrap: true },
  header: { bold: true, fill: 'D9E1F2', color: '1F1F1F', border: true, wrap: true, align: 'center', valign: 'middle' },
  text: { ...BORDERED },
  wrap: { ...BORDERED, wrap: true },
  number: { ...BORDERED, align: 'right', numFmt: '0' },
  percent: { ...BORDERED, align: 'right', numFmt: '0.0%' },
  date: { ...BORDERED, align: 'center', numFmt: 'yyyy-mm-dd' },
  total: { bold: true, fill: 'F2F2F2', border: true },
  good: { ...BORDERED, fill: 'C6EFCE', color: '006100' },
  neutral: { ...BORDERED, fill: 'FFEB9C', color: '9C5700' },
  bad: { ...BORDERED, fill: 'FFC7CE', color: '9C0006' },
  note: { color: '595959', wrap: true },
  // The fonts of Chinese official documents (GB/T 9704) as Windows ships them: 宋体 titles, 黑体
  // first-level headings, 仿宋 text. Elsewhere Excel substitutes its own. The second level (（一）)
  // stays in 仿宋: a style per line would cost the add-in a format call per line of a long annex.
  docTitle: { font: '宋体', bold: true, size: 20, align: 'center', valign: 'middle', wrap: true },
  docNumber: { font: '仿宋', size: 12, align: 'center', valign: 'middle' },
  heading1: { font: '黑体', size: 12, wrap: true, valign: 'top' },
  paragraph: { font: '仿宋', size: 12, wrap: true, valign: 'top' },
  signature: { font: '仿宋', size: 12, align: 'right', valign: 'middle' },
  code: { ...BORDERED, size: 8, color: '808080' },
  band: { bold: true, fill: 'F2F2F2', border: true, wrap: true, valign: 'middle' },
};

/**
 * Chart colours: Excel's Good / Neutral / Bad fills with their font colours as the outline, so the
 * bars match the flag cells beside them; grey for the rest. The rate bars take the data-bar blue.
 */
export const CHART_COLORS = {
  done: 'C6EFCE/006100',
  overdue: 'FFC7CE/9C0006',
  dueSoon: 'FFEB9C/9C5700',
  other: 'D9D9D9/7F7F7F',
  rate: '638EC6/41719C',
  /**
   * The stacked chart of states, read in black and white as well: grey levels (0.299 R + 0.587 G +
   * 0.114 B) of 143, 57, 189 and 242, at least 46 apart, 逾期 the darkest.
   */
  flags: { done: '70AD47/375623', overdue: 'C00000/7F0000', dueSoon: 'FFC000/7F6000', other: 'F2F2F2/7F7F7F' },
};
