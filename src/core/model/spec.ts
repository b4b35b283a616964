/** What hosts render: SheetSpec (a host-neutral worksheet) and AnnotationPlan (the four columns added to a ledger). */
import { CellValue } from './grid';

/* ------------------------------------------------------------------------------------------ */
/* SheetSpec: a host-neutral description of a worksheet. Both hosts render it the same way.    */
/* ------------------------------------------------------------------------------------------ */

/** Named styles. Good/Neutral/Bad follow Excel's built-in cell styles of the same names. */
export type StyleKey =
  | 'title'
  | 'subtitle'
  | 'header'
  | 'text'
  | 'wrap'
  | 'number'
  | 'percent'
  | 'date'
  | 'total'
  | 'good'
  | 'neutral'
  | 'bad'
  | 'note'
  // Document styles (通报, 督办单), after GB/T 9704: a centred title, 黑体 headings, 仿宋 text.
  | 'docTitle'
  | 'docNumber'
  | 'heading1'
  | 'paragraph'
  | 'signature'
  /** The last, narrow column of 检查问题: the rule id, small and grey. */
  | 'code'
  /** A band row across a table that heads the rows under it (汇总台账's aspects). */
  | 'band';

export interface CellStyle {
  /** Font name; absent = the workbook's default font. */
  font?: string;
  bold?: boolean;
  size?: number;
  /** Font colour, 'RRGGBB'. */
  color?: string;
  /** Fill colour, 'RRGGBB'. */
  fill?: string;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
  valign?: 'top' | 'middle';
  border?: boolean;
  /** Excel number format, e.g. 'yyyy-mm-dd', '0.0%'. */
  numFmt?: string;
}

/** Where an in-workbook link goes: a sheet and an A1 cell on it (no sheet prefix, no $). */
export interface SpecLink {
  sheet: string;
  cell: string;
}

export interface SpecCell {
  v: CellValue;
  s?: StyleKey;
  /**
   * An in-workbook link from this cell to a cell of the ledger (逾期临期 -> the item's row). It is
   * written only where the host can (ExcelApi 1.7 for Office.js) and only when `sheet` is in the
   * same workbook as this cell; everywhere else the cell is written as `v` alone. So `v` must say
   * where the target is on its own (a row number, an A1 cell): the link is never the only way.
   */
  link?: SpecLink;
}

/** A rule the host turns into a conditional format where it can (ExcelApi 1.6), else a static style. */
export interface SpecRule {
  /** A1 range the rule applies to. */
  range: string;
  /** Cells whose text equals this get the style. */
  textEquals: string;
  style: 'good' | 'neutral' | 'bad';
}

export interface SheetSpec {
  name: string;
  /** Row-major from A1. null = leave empty. */
  rows: (SpecCell | null)[][];
  /** A1 ranges, e.g. 'A1:H1'. */
  merges?: string[];
  /** Column widths in characters, from column A. */
  widths?: number[];
  /** Frozen rows and columns at the top-left. */
  freeze?: { rows: number; cols: number };
  /** A1 range of the autofilter (header row included). */
  autoFilter?: string;
  /** Print on A4, fitted to one page wide; repeatRows are 1-based sheet rows repeated on each page. */
  print?: SpecPrint;
  /** A1 ranges that carry data bars (completion rates). */
  dataBars?: string[];
  rules?: SpecRule[];
  /**
   * Row heights in points, from row 1 (0 or absent: the host fits the row). Set only where a host
   * cannot fit a row itself: Excel never grows a row for wrapped text in a merged cell.
   */
  heights?: number[];
  /**
   * The heights are what the text needs today, not fixed: a host writes them so that the reader still
   * grows the row when its text is edited (no customHeight in the file). The 通报提纲, a text to edit.
   */
  growRows?: boolean;
  /** Real, editable charts drawn over the sheet from ranges of it (src/xlsxlite/chart.ts, src/excel/charts.ts). */
  charts?: SpecChart[];
}

/** A printed page's header or footer: left, centre and right parts, in Excel's codes (&P page, &N pages). */
export interface SpecHeaderFooter {
  left?: string;
  center?: string;
  right?: string;
}

export interface SpecPrint {
  landscape: boolean;
  fitToWidth: boolean;
  repeatRows?: [number, number];
  /** With fitToWidth: pages tall (0 or absent: as many as it takes). 1 prints one page. */
  fitToHeight?: number;
  header?: SpecHeaderFooter;
  footer?: SpecHeaderFooter;
  /** Left and right margins in inches (default 0.7, Excel's). */
  sideMargin?: number;
  /**
   * The number of the sheet's first printed page, also when the whole workbook is printed (which
   * otherwise numbers on from the sheets before): a document among the tables that numbers its own pages.
   */
  firstPageNumber?: number;
}

/**
 * A chart over ranges of its own sheet, host-neutral: the file writer draws it as DrawingML, the add-in
 * with worksheet.charts.add (ExcelApi 1.1). `source` is one block as Excel's chart wizard takes it:
 * the header row on top (series names), the categories in its first column, one series per further
 * column.
 */
export interface SpecChart {
  /** 'bar': horizontal bars (Excel's BarClustered); 'stackedBar': horizontal stacked (BarStacked). */
  kind: 'bar' | 'stackedBar';
  title: string;
  /** A1 block on this sheet, header row included, e.g. 'A30:B42'. */
  source: string;
  /** One fill per series, 'RRGGBB'; a line colour may follow after '/' ('C6EFCE/006100'). */
  colors: string[];
  /** Top-left cell and bottom-right cell (exclusive) of the chart's frame, e.g. 'E3' and 'M21'. */
  from: string;
  to: string;
  /** Values are rates: the axis runs 0-100% and labels read as percents. */
  percent?: boolean;
  /** Write each bar's value on it. */
  labels?: boolean;
}

/* ------------------------------------------------------------------------------------------ */
/* AnnotationPlan: the four columns a check adds to the ledger sheet, host-neutral.            */
/* ------------------------------------------------------------------------------------------ */

/**
 * What to write into the ledger sheet itself. The block is one rectangle, 4 columns wide, from
 * `firstRow` to `lastRow` (1-based sheet rows), starting at `column`. Rows that are not items get
 * null values, which also clears what an earlier check wrote there, so a re-check is idempotent.
 * The labels go into `headerRow`; hosts may merge them down over `headerRows`.
 */
export interface AnnotationPlan {
  sheet: string;
  /** 1-based sheet column of 期限状态; the others follow it. */
  column: number;
  /** True when an earlier check's columns were found and are reused. */
  reused: boolean;
  headerRow: number;
  headerRows: number[];
  /**
   * 期限状态, 截止日期, 剩余天数, 检查意见 (or the English labels). The block is labels.length
   * columns wide: 4 on the ledger sheet, 1 (检查意见) on a three-list workbook's other lists.
   */
  labels: string[];
  firstRow: number;
  lastRow: number;
  /** lastRow - firstRow + 1 rows of [flag label, due date, days left, check notes] (or [check notes]). */
  values: CellValue[][];
  /** One style per row of `values`, applied to the flag cell: by flag (done good, overdue bad, due-soon neutral). */
  styles: ('good' | 'neutral' | 'bad' | null)[];
  /**
   * Sheet rows that are the user's section bands (一、… and （一）… headings among the items) or
   * total rows (合计, 小计): a host extends the row's own look (its last cell's format) over the added
   * cells there, never a value. Absent: none.
   */
  bands?: number[];
  /**
   * The page setup a host adds where the sheet has none of its own (the ledger only): landscape, one
   * page wide and as many tall as needed, the header rows `titleRows` repeated on every page. A host
   * changes nothing where the user chose any print setting. Absent: none is added.
   */
  pageSetup?: { titleRows: { top: number; bottom: number } };
}
