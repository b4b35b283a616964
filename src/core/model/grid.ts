/** The Grid: one sheet's cells as a host reads them, and the date and cell values in it. */


/** A date with no time and no time zone, as 'YYYY-MM-DD'. Dates cross every boundary in this form. */
export type IsoDate = string;

/** A cell that holds a real date (an Excel date, not text). Hosts convert their own date values to this. */
export interface DateValue {
  date: IsoDate;
}

/** One cell of a Grid. Text keeps its line breaks; rich text arrives already flattened to a string. */
export type CellValue = string | number | boolean | DateValue | null;

/**
 * A snapshot of one worksheet's used range.
 * `rows[i][j]` is the cell at sheet row `top + i`, sheet column `left + j` (both 1-based).
 * The non-top-left cells of a merge are null, as Excel reports them; a file reader blanks them (src/xlsx does).
 * Merge information is never relied on (ExcelApi 1.1 cannot see merges).
 */
export interface Grid {
  /** The worksheet's name. */
  name: string;
  rows: CellValue[][];
  /** 1-based sheet row of rows[0]. Default 1. */
  top?: number;
  /** 1-based sheet column of rows[i][0]. Default 1. */
  left?: number;
  /**
   * The rightmost column (1-based) that the sheet uses for more than the values in `rows`: merges,
   * tables, the autofilter, formulas whose result is empty. Hosts set it where they can see these;
   * Taizhang's columns go after it (core/read/ours.ts).
   */
  usedRight?: number;
  /**
   * Where the host recorded Taizhang's own added columns on this sheet (the add-in's document
   * settings, the file writer's marker): first column (1-based) and width. Used only while the
   * header cells there still read our labels (core/read/ours.ts).
   */
  ours?: { column: number; width: number };
}
