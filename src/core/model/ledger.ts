/** A ledger as read: its fields and header, deadlines, states, flags and items (one per measure row). */
import { IsoDate } from './grid';

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
   * cell with cellOf (core/read/ledger.ts), never from here alone.
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
