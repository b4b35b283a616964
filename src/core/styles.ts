/**
 * The named cell styles that SheetSpecs refer to. Both hosts (exceljs and Office.js) read this table,
 * so a summary looks the same wherever it is written. Good / Neutral / Bad copy Excel's built-in cell
 * styles of the same names; the header is a calm Office-like blue-grey.
 */
import { CellStyle, StyleKey } from './types';

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
};
