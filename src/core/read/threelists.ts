/**
 * Three lists in one workbook (问题清单、任务清单、责任清单): recognize each sheet's role from its
 * header, join them into the same items a combined ledger gives, and check them against each other.
 * An item is still one measure (task): it takes its problem and aspect from the problem list and
 * its leader, lead department and owner from the responsibility list.
 */
import { cellAt, cellText, gridBottom, gridLeft, gridTop } from '../text/grid';
import { a1 } from '../text/a1';
import { detectHeader, HeaderCandidate, HeaderScorer, ledgerScore, presentFields } from './header';
import { cellOf, readLedger, isSkippedRow, SeqCell } from './ledger';
import { t } from '../words/check';
import { CheckOptions, Finding, Lang } from '../model/result';
import { splitDepartments } from '../text/departments';
import { FieldKey, HeaderMap, Item } from '../model/ledger';
import { TaughtWords } from '../model/taught';
import { Grid } from '../model/grid';
import { dict } from '../text/dict';
import { finding } from './finding';

const has = (c: Partial<Record<FieldKey, number>>, f: FieldKey) => c[f] !== undefined;

/** A task list: measures that refer to problems by their 序号. */
const tasksScore: HeaderScorer = (c) => (has(c, 'measure') && has(c, 'problemRef') ? 10 + Object.keys(c).length : -1);
/** A problem list: problems with no measures and no references. */
const problemsScore: HeaderScorer = (c) =>
  has(c, 'problem') && !has(c, 'measure') && !has(c, 'problemRef') && !has(c, 'taskRef') && (has(c, 'seq') || has(c, 'aspect')) ? Object.keys(c).length : -1;
/** A responsibility list: who answers for each task. */
const responsibilitiesScore: HeaderScorer = (c) =>
  has(c, 'taskRef') && (has(c, 'leader') || has(c, 'leadDept') || has(c, 'owner')) && !has(c, 'measure') ? Object.keys(c).length : -1;

const ROSTER_HEADER = /^(部门|单位|处室|科室|部门名称|单位名称|处室名称|部门\(单位\)|部门\/单位|单位\/部门|部门单位|内设机构|机构名称|department|unit|departments)$/i;

export interface Roster {
  sheet: string;
  names: string[];
}

/** A roster (部门/单位名单): a header cell such as 部门名称 with the names listed below it. */
export function detectRoster(g: Grid): Roster | null {
  const top = gridTop(g);
  const bottom = gridBottom(g);
  for (let r = top; r <= Math.min(bottom, top + 9); r++) {
    const row = g.rows[r - top];
    for (let j = 0; j < row.length; j++) {
      const text = cellText(row[j]).replace(/[\s\u3000]/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
      if (!ROSTER_HEADER.test(text)) continue;
      const col = gridLeft(g) + j;
      const names: string[] = [];
      for (let rr = r + 1; rr <= bottom; rr++) {
        const name = cellText(cellAt(g, rr, col));
        if (name && !isSkippedRow(name)) names.push(name);
      }
      if (names.length) return { sheet: g.name, names };
    }
  }
  return null;
}

export interface ThreeLists {
  tasks: { grid: Grid; header: HeaderCandidate };
  problems: { grid: Grid; header: HeaderCandidate } | null;
  responsibilities: { grid: Grid; header: HeaderCandidate } | null;
  roster: Roster | null;
}

/**
 * The three lists of a workbook, or null when it is not one (no task list, or a task list alone).
 * Roles come from headers only; a sheet that reads as a full combined ledger is never a roster.
 * `taught`: the header words a user taught, which name their field here as in every header (read/taught.ts).
 */
export function findThreeLists(grids: Grid[], taught?: TaughtWords | null): ThreeLists | null {
  let tasks: ThreeLists['tasks'] | null = null;
  let problems: ThreeLists['problems'] = null;
  let responsibilities: ThreeLists['responsibilities'] = null;
  let roster: Roster | null = null;
  grids.forEach((grid) => {
    const tk = detectHeader(grid, tasksScore, taught);
    if (tk) {
      if (!tasks || tk.score > tasks.header.score) tasks = { grid, header: tk };
      return;
    }
    const rs = detectHeader(grid, responsibilitiesScore, taught);
    if (rs) {
      if (!responsibilities || rs.score > responsibilities.header.score) responsibilities = { grid, header: rs };
      return;
    }
    const pb = detectHeader(grid, problemsScore, taught);
    // Whether the sheet reads as a full combined ledger: asked once, where either role needs it.
    const ledger = (pb || !roster) && !!detectHeader(grid, ledgerScore, taught);
    if (pb && !ledger) {
      if (!problems || pb.score > problems.header.score) problems = { grid, header: pb };
      return;
    }
    if (!roster && !ledger) roster = detectRoster(grid);
  });
  if (!tasks || (!problems && !responsibilities)) return null;
  return { tasks, problems, responsibilities, roster };
}

/** 序号 as written in another list: "１", "1.", "1、", " 1 " all name problem 1. */
export function refKey(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[\s\u3000]/g, '')
    .replace(/[.、．。,，]+$/, '')
    .replace(/^第(.+)[项条个]$/, '$1')
    .toLowerCase();
}

interface Responsibility {
  row: number;
  taskRef: string;
  leader: string;
  leadDept: string;
  coDept: string;
  owner: string;
  cells: Partial<Record<FieldKey, string>>;
}

/** Rows of the responsibility list; a blank 任务序号 continues the task above (a merged cell). */
function readResponsibilities(g: Grid, header: HeaderMap): Responsibility[] {
  const cols = header.columns;
  const out: Responsibility[] = [];
  let ref = '';
  let refCell = '';
  for (let r = header.rows[header.rows.length - 1] + 1; r <= gridBottom(g); r++) {
    const text = (f: FieldKey) => (cols[f] === undefined ? '' : cellText(cellAt(g, r, cols[f] as number)));
    const here = text('taskRef');
    if (here && isSkippedRow(here)) continue;
    const leader = text('leader');
    const leadDept = text('leadDept');
    const owner = text('owner');
    const coDept = text('coDept');
    if (!here && !leader && !leadDept && !owner && !coDept) continue;
    if (here) {
      ref = here;
      refCell = a1(r, cols.taskRef as number);
    }
    const cells: Partial<Record<FieldKey, string>> = {};
    (['leader', 'leadDept', 'coDept', 'owner'] as FieldKey[]).forEach((f) => {
      if (cols[f] !== undefined) cells[f] = a1(r, cols[f] as number);
    });
    cells.taskRef = here ? a1(r, cols.taskRef as number) : refCell;
    out.push({ row: r, taskRef: ref, leader, leadDept, coDept, owner, cells });
  }
  return out;
}

function uniqueJoin(values: string[]): string {
  const seen = dict<true>();
  const out: string[] = [];
  values.forEach((v) => {
    if (v && !seen[v]) {
      seen[v] = true;
      out.push(v);
    }
  });
  return out.join('、');
}

/** Edit distance, for the roster hint (人事科 vs 人事处). */
export function editDistance(a: string, b: string): number {
  const prev: number[] = [];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const keep = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1));
      diag = keep;
    }
  }
  return prev[b.length];
}

export interface JoinedLists {
  items: Item[];
  findings: Finding[];
  /** The fields the joined items have. */
  present: Partial<Record<FieldKey, boolean>>;
  /** 序号 of each list, for the duplicate check. */
  seqs: { header: HeaderMap; seqs: SeqCell[] }[];
}

/** `year`: the start year the workbook states, for year-less dates when no start date is given. */
export function joinThreeLists(lists: ThreeLists, opts: CheckOptions, year: number | null = null): JoinedLists {
  const lang: Lang = opts.lang || 'zh';
  const ctx = { asOf: opts.asOf, start: opts.start || null, year };
  const taskRead = readLedger(lists.tasks.grid, lists.tasks.header, ctx, { inheritRefs: true, taught: opts.taught });
  const findings: Finding[] = [];
  const present = presentFields(lists.tasks.header);
  const seqs: JoinedLists['seqs'] = [{ header: lists.tasks.header, seqs: taskRead.seqs }];

  // Problems by 序号.
  const problemsBySeq = dict<Item>();
  const problemItems: Item[] = [];
  if (lists.problems) {
    const read = readLedger(lists.problems.grid, lists.problems.header, ctx, { taught: opts.taught });
    read.items.forEach((p) => {
      problemItems.push(p);
      const key = refKey(p.seq);
      if (key && !problemsBySeq[key]) problemsBySeq[key] = p;
    });
    seqs.push({ header: lists.problems.header, seqs: read.seqs });
    present.problem = true;
    if (lists.problems.header.columns.aspect !== undefined || read.sectionRows.length) present.aspect = true;
  }

  // Responsibilities by 任务序号.
  const respByTask = dict<Responsibility[]>();
  const responsibilities: Responsibility[] = [];
  if (lists.responsibilities) {
    readResponsibilities(lists.responsibilities.grid, lists.responsibilities.header).forEach((r) => {
      responsibilities.push(r);
      const key = refKey(r.taskRef);
      (respByTask[key] = respByTask[key] || []).push(r);
    });
    (['leader', 'leadDept', 'coDept', 'owner'] as FieldKey[]).forEach((f) => {
      if ((lists.responsibilities as { header: HeaderMap }).header.columns[f] !== undefined) present[f] = true;
    });
  }

  const taskSheet = lists.tasks.grid.name;
  const servedProblems = dict<true>();
  const knownTasks = dict<true>();
  const items = taskRead.items.map((task) => {
    const item: Item = task;
    item.cellSheets = item.cellSheets || {};
    const taskKey = refKey(task.seq);
    if (taskKey) knownTasks[taskKey] = true;

    if (lists.problems) {
      const ref = refKey(task.problemRef || '');
      const problem = ref ? problemsBySeq[ref] : undefined;
      const refCell = cellOf(task, 'problemRef') || cellOf(task, 'seq') || a1(task.row, 1);
      if (problem) {
        servedProblems[ref] = true;
        item.problem = problem.problem;
        item.aspect = problem.aspect;
        const problemCell = cellOf(problem, 'problem');
        if (problemCell) {
          item.cells.problem = problemCell;
          item.cellSheets.problem = problem.sheet;
        }
      } else {
        findings.push(
          finding('measure-unknown-problem', 'error', taskSheet, refCell, ref ? t(lang, 'measure-unknown-problem', { ref: task.problemRef || '' }) : t(lang, 'measure-no-problem-ref')),
        );
      }
    }

    if (lists.responsibilities) {
      const rows = (taskKey && respByTask[taskKey]) || [];
      if (rows.length) {
        // Several responsibility rows for one task are kept together.
        item.leader = uniqueJoin(rows.map((r) => r.leader));
        item.leadDept = uniqueJoin(rows.map((r) => r.leadDept));
        item.coDept = uniqueJoin(rows.map((r) => r.coDept));
        item.owner = uniqueJoin(rows.map((r) => r.owner));
        const respSheet = lists.responsibilities.grid.name;
        (['leader', 'leadDept', 'coDept', 'owner'] as FieldKey[]).forEach((f) => {
          const withValue = rows.filter((r) => !!r[f as 'leader'])[0] || rows[0];
          if (withValue.cells[f]) {
            item.cells[f] = withValue.cells[f];
            item.cellSheets![f] = respSheet;
          }
        });
      } else {
        item.leader = item.leader || '';
        if (!item.leadDept) item.cells.leadDept = '';
        findings.push(finding('measure-without-responsibility', 'error', taskSheet, cellOf(task, 'seq') || cellOf(task, 'measure') || a1(task.row, 1), t(lang, 'measure-without-responsibility', { seq: task.seq })));
      }
    }
    return item;
  });

  // Problems that no task serves.
  if (lists.problems) {
    const sheet = lists.problems.grid.name;
    problemItems.forEach((p) => {
      const key = refKey(p.seq);
      if (!key || !servedProblems[key]) {
        findings.push(finding('problem-without-measure', 'error', sheet, cellOf(p, 'problem') || cellOf(p, 'seq') || a1(p.row, 1), t(lang, 'problem-without-measure', { seq: p.seq })));
      }
    });
  }

  // Responsibility rows for tasks that do not exist.
  if (lists.responsibilities) {
    const sheet = lists.responsibilities.grid.name;
    responsibilities.forEach((r) => {
      if (!knownTasks[refKey(r.taskRef)]) {
        findings.push(finding('responsibility-unknown-measure', 'warning', sheet, r.cells.taskRef || a1(r.row, 1), t(lang, 'responsibility-unknown-measure', { ref: r.taskRef })));
      }
    });
  }

  // Lead departments that are not on the roster.
  if (lists.roster) {
    const roster = lists.roster;
    const onRoster = dict<true>();
    roster.names.forEach((n) => (onRoster[n] = true));
    items.forEach((item) => {
      splitDepartments(item.leadDept).forEach((name) => {
        if (onRoster[name]) return;
        let nearest = '';
        let best = Infinity;
        roster.names.forEach((n) => {
          const d = editDistance(name, n);
          if (d < best) {
            best = d;
            nearest = n;
          }
        });
        const hint = nearest && best <= Math.max(1, Math.floor(name.length / 2));
        findings.push(
          finding(
            'lead-dept-not-in-roster',
            'warning',
            (item.cellSheets && item.cellSheets.leadDept) || item.sheet,
            cellOf(item, 'leadDept') || a1(item.row, 1),
            t(lang, hint ? 'lead-dept-not-in-roster-hint' : 'lead-dept-not-in-roster', { name, nearest, roster: roster.sheet }),
          ),
        );
      });
    });
  }

  return { items, findings, present, seqs };
}
