/**
 * The shapes that flow through Taizhang, in the order data flows:
 *   Grid -> Ledger -> CheckResult -> Summary -> SheetSpec[] -> a host writes it.
 * Pure types only: this file must compile with no Node, DOM or Office.js types.
 */

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
 * The non-top-left cells of a merge are null, as Excel reports them; exceljs hosts must blank them.
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
   * Taizhang's columns go after it (core/ours.ts).
   */
  usedRight?: number;
  /**
   * Where the host recorded Taizhang's own added columns on this sheet (the add-in's document
   * settings, the file writer's marker): first column (1-based) and width. Used only while the
   * header cells there still read our labels (core/ours.ts).
   */
  ours?: { column: number; width: number };
}

/** The canonical fields of a ledger row. docs/rules.md lists their header words. */
export type FieldKey =
  | 'seq' // 序号
  | 'aspect' // 问题类别 / 方面
  | 'problem' // 存在问题
  | 'requirement' // 整改要求
  | 'measure' // 整改措施
  | 'leader' // 责任领导
  | 'leadDept' // 牵头部门
  | 'coDept' // 配合部门
  | 'owner' // 责任人
  | 'deadline' // 完成时限
  | 'progress' // 整改进展
  | 'status' // 完成状态
  | 'doneDate' // 完成时间
  | 'closeOut' // 销号情况 / 销号时间
  | 'evidence' // 佐证材料
  | 'notes' // 备注
  | 'problemRef' // 问题序号 (a task list's reference to its problem)
  | 'taskRef'; // 任务序号 (a responsibility list's reference to its task)

/** Where the header is and which column holds which field. Columns are 1-based sheet columns. */
export interface HeaderMap {
  sheet: string;
  /** 1-based sheet rows of the header (one or two rows). */
  rows: number[];
  columns: Partial<Record<FieldKey, number>>;
  /** 0..1: how sure detection is. Below 0.6 the add-in asks the user to confirm the mapping. */
  confidence: number;
  /** The last used column of the sheet (1-based), after which the added columns go. */
  lastColumn: number;
}

export type DeadlineKind = 'date' | 'immediate' | 'long-term' | 'none' | 'unparsed';

/**
 * Why a deadline is 'unparsed' (never set for the other kinds):
 * - 'needs-start': a relative form (反馈后1个月内, 本月内) and no start date to count from;
 * - 'pending': the deadline is not decided yet (待定, 另行确定);
 * - 'starts-at': a date that marks a start, not a deadline (2020年1月以后, 2022年7月起);
 * - 'impossible': a date that does not exist (2022年2月30日, 13月, 第5季度);
 * - 'ambiguous': day and month cannot be told apart (30/06/2022);
 * - 'unreadable': nothing the grammar knows.
 */
export type DeadlineReason = 'needs-start' | 'pending' | 'starts-at' | 'impossible' | 'ambiguous' | 'unreadable';

export interface Deadline {
  /** The cell's text as the user wrote it (an Excel date is shown as YYYY-MM-DD). */
  text: string;
  kind: DeadlineKind;
  /** The normalized due date for kind 'date'; null otherwise. */
  due: IsoDate | null;
  /** A date plus 长期坚持: due on a date and then kept up. */
  ongoing: boolean;
  /** Only for kind 'unparsed': why. */
  reason?: DeadlineReason;
}

export type State = 'not-started' | 'in-progress' | 'basically-done' | 'done' | 'closed' | 'unknown';

export type Flag = 'done' | 'overdue' | 'due-soon' | 'on-track' | 'long-term' | 'no-deadline';

export const FLAGS: Flag[] = ['done', 'overdue', 'due-soon', 'on-track', 'long-term', 'no-deadline'];

/** One measure (整改措施) row: the unit that is flagged and counted. */
export interface Item {
  /** The file it came from (set by hosts that read several files). */
  file?: string;
  sheet: string;
  /** 1-based sheet row. */
  row: number;
  seq: string;
  aspect: string;
  problem: string;
  requirement: string;
  measure: string;
  leader: string;
  leadDept: string;
  coDept: string;
  owner: string;
  deadline: Deadline;
  progress: string;
  /** The status cell's text ('' when there is no status column). */
  statusText: string;
  state: State;
  /** 完成时间 as a date, when the cell holds one. */
  doneDate: IsoDate | null;
  /** 销号 cell's text (a date or a name). */
  closeOut: string;
  evidence: string;
  notes: string;
  /** Three-list workbooks: the problem this task refers to (问题序号). */
  problemRef?: string;
  /**
   * Where a field's cell is not on this row of `sheet` in the column `columns` gives it: its A1
   * address (on another row, or on the sheet cellSheets names), or '' for no cell. Read a field's
   * cell with cellOf (core/ledger.ts), never from here alone.
   */
  cells: Partial<Record<FieldKey, string>>;
  /**
   * The column letter of each field on `sheet`: one object shared by the items of a sheet, so that a
   * 50,000-row ledger does not hold 550,000 addresses nobody reads (a field's cell is this letter and `row`).
   */
  columns?: Partial<Record<FieldKey, string>>;
  /** Three-list workbooks: the sheet of a field's cell when it is not `sheet` (leadDept on the 责任清单). */
  cellSheets?: Partial<Record<FieldKey, string>>;
}

export type Severity = 'error' | 'warning';

export interface Finding {
  rule: string;
  severity: Severity;
  /** A1 address on `sheet`. */
  cell: string;
  row: number;
  sheet: string;
  file?: string;
  message: string;
}

/** How many findings there are by level and by rule id, counted once by the core (rules.ts countFindings). */
export interface FindingCounts {
  errors: number;
  warnings: number;
  /** Rule id -> findings of that rule; rules with none are absent. */
  byRule: { [rule: string]: number };
}

export type Lang = 'zh' | 'en';

export interface CheckOptions {
  /** The workbook's file name, used in results and error messages. */
  file?: string;
  /** The date deadlines are judged against. */
  asOf: IsoDate;
  /** The rectification start (feedback) date. */
  start?: IsoDate | null;
  /** The yellow window, in days. Default DEFAULTS.dueSoonDays (options.ts). */
  dueSoonDays?: number | null;
  /** The days a 立行立改 item gets after start. Default DEFAULTS.immediateDays. */
  immediateDays?: number | null;
  lang?: Lang;
  /** Force a sheet by name. */
  sheet?: string | null;
  /** A user-corrected mapping (from the task pane), used instead of detection. */
  header?: HeaderMap | null;
  /** The documents written from a check (summary, 督办单): 发文单位, in every footer and the notice's signature. Default SUMMARY_TEXT's defaultIssuer. */
  issuer?: string | null;
  /** 文号 of the 督办单. Default a placeholder, 〔2022〕第__号 for the as-of year. */
  noticeNumber?: string | null;
  /** Working days after the as-of date by which a department replies to its 督办单. Default DEFAULTS.replyDays. */
  replyDays?: number | null;
  /**
   * false: items and flags only, no findings (the earlier version of a comparison, whose findings
   * nothing reads). Default true.
   */
  findings?: boolean;
}

/**
 * Where a check's start comes from: the start date given (--start, or 整改起始日期 in the pane), or
 * only a year the workbook states: its title (2022年…台账), its 填报时间 row, or the dates its ledger
 * holds. Year-less dates take the year; relative and 立行立改 deadlines need the date.
 */
export type StartBasis = { date: IsoDate; source: 'given' } | { year: number; source: 'title' | 'filled-in' | 'dates' };

export interface CheckedItem extends Item {
  flag: Flag;
  /** The effective due date (immediate items: start + immediateDays, or as-of). */
  due: IsoDate | null;
  /** due - asOf in calendar days; null when there is no due date or the item is done. */
  daysLeft: number | null;
}

export interface Totals {
  items: number;
  done: number;
  overdue: number;
  dueSoon: number;
  onTrack: number;
  longTerm: number;
  noDeadline: number;
}

/** Three-list workbooks: the names of the three sheets. */
export interface Sources {
  problems: string;
  tasks: string;
  responsibilities: string;
}

export interface CheckResult {
  file?: string;
  /** The ledger sheet (the task list for three-list workbooks). */
  sheet: string;
  sources?: Sources;
  asOf: IsoDate;
  start: IsoDate | null;
  /** Where the start date or year came from; null when neither is known. */
  startBasis?: StartBasis | null;
  /** Items not done whose deadline cannot be judged without the start date (relative forms, 立行立改) when none was given. */
  needsStart?: number;
  header: HeaderMap;
  /** Three-list workbooks: the headers of the problem and responsibility lists (and roster), for annotating them. */
  sourceHeaders?: HeaderMap[];
  items: CheckedItem[];
  /** By sheet (the ledger or task list first), then row, errors before warnings within a row. */
  findings: Finding[];
  /** The same findings with every error before every warning, each group in `findings`' order: the list a person reads top down (the pane, the terminal report). */
  findingsByLevel: Finding[];
  findingCounts: FindingCounts;
  totals: Totals;
}

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
  | 'code';

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
  /** Real, editable charts drawn over the sheet from ranges of it (core/charts.ts). */
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
}
