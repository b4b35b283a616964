/**
 * What the host tests (tests/excel/*.test.ts, tests/taskpane/flows.test.ts) share: a realistic ledger on the
 * fake Excel (tests/excel/fake-excel.ts), installed as the globals Office.js code reads, and the pane's check.
 */
import { createFakeHost, FakeHost, FakeSheetInit, FakeValue } from './fake-excel';
import { annotate, annotateAll } from '../../src/excel/annotate';
import { readWorkbook } from '../../src/excel/read';
import { checkWorkbook } from '../../src/core/check/check';
import { planAnnotation, planAnnotations } from '../../src/core/sheets/annotation';
import { AnnotationPlan } from '../../src/core/model/spec';
import { CellValue, Grid } from '../../src/core/model/grid';
import { problemList, responsibilityList, roster, taskList } from '../core/helpers/threelists';
import { isoToSerial } from '../../src/core/text/dates';

export const LEDGER = '整改台账';
export const AS_OF = '2022-07-15';
export const HEADER = ['序号', '存在问题', '整改措施', '责任领导', '牵头部门', '完成时限', '整改进展', '完成状态'];

/** A realistic ledger: a title row, a header row, then `n` measure rows of varied deadlines and states. */
export function ledgerRows(n: number): { rows: (FakeValue | null)[][]; formats: (string | null)[][] } {
  const rows: (FakeValue | null)[][] = [['某单位巡察反馈问题整改台账', null, null, null, null, null, null, null], HEADER.slice()];
  const formats: (string | null)[][] = [[], []];
  const deadlines: (FakeValue | null)[] = [isoToSerial('2022-06-30'), '2022年12月底前', '长期坚持', '立行立改', '2022年7月20日', null, '2022年2月30日'];
  const states = ['已完成', '推进中', '未启动', '持续推进', '基本完成'];
  for (let i = 0; i < n; i++) {
    const d = deadlines[i % deadlines.length];
    rows.push([
      i + 1,
      i % 50 === 3 ? '=SUM(A1)' : '问题' + (i + 1) + '：制度执行不到位',
      i % 50 === 4 ? '+86 电话回访' : '措施' + (i + 1) + '：完善制度并组织培训',
      '张三',
      i % 10 === 9 ? null : '办公室',
      d,
      '已开展专项检查' + (i % 3 ? '' : '，形成报告'),
      states[i % states.length],
    ]);
    formats.push([null, i % 50 === 3 ? '@' : null, i % 50 === 4 ? '@' : null, null, null, typeof d === 'number' ? 'yyyy/m/d' : null, null, null]);
  }
  return { rows, formats };
}

export function install(host: FakeHost): void {
  (global as unknown as { Office: unknown }).Office = host.Office;
  (global as unknown as { Excel: unknown }).Excel = host.Excel;
}

export function makeHost(apiVersion: string, n = 40, extra: FakeSheetInit[] = []): FakeHost {
  const l = ledgerRows(n);
  const host = createFakeHost({
    apiVersion,
    sheets: ([{ name: '说明', rows: [['本台账按月更新']] }, { name: LEDGER, rows: l.rows, formats: l.formats }] as FakeSheetInit[]).concat(extra),
  });
  install(host);
  return host;
}

/** The pane's check: read every sheet, check, plan, annotate. Returns the plan and the syncs it took. */
export async function runCheck(host: FakeHost): Promise<{ plan: AnnotationPlan; syncs: number; grids: Grid[] }> {
  const before = host.state.syncCount;
  const grids = await readWorkbook();
  const result = checkWorkbook(grids, { asOf: AS_OF, start: '2022-03-01', lang: 'zh' });
  const grid = grids.filter((g) => g.name === result.sheet)[0];
  const plan = planAnnotation(grid, result, 'zh');
  await annotate(plan, grids);
  return { plan, syncs: host.state.syncCount - before, grids };
}

export function snapshot(host: FakeHost, sheet: string): Map<string, FakeValue> {
  const s = host.state.sheets.filter((x) => x.name === sheet)[0];
  const out = new Map<string, FakeValue>();
  s.cells.forEach((row, r) => row.forEach((cell, c) => out.set(r + ',' + c, cell.v)));
  return out;
}

export const CELL_WRITES = /^(values|numberFormat|fill|fillClear|font\.|wrapText|horizontalAlignment|verticalAlignment|border|columnWidth|merge|conditionalFormat)/;

export function toFake(g: Grid): FakeSheetInit {
  return { name: g.name, rows: g.rows.map((r) => r.map((v: CellValue) => (v === null || typeof v === 'object' ? null : v))) };
}

/** 问题清单, 任务清单, 责任清单 of the core's tests (planted orphans of every kind), plus a roster. */
export function threeListSheets(): FakeSheetInit[] {
  return [{ name: '说明', rows: [['三个清单按月更新']] }, toFake(problemList()), toFake(taskList()), toFake(responsibilityList()), toFake(roster())];
}

/** The same shape with n problems, n tasks and n responsibilities (every 7th problem has no task). */
export function bigThreeLists(n: number): FakeSheetInit[] {
  const problems: FakeValue[][] = [['序号', '问题类别', '存在问题']];
  const tasks: FakeValue[][] = [['序号', '对应问题', '整改措施', '完成时限', '完成情况']];
  const resp: FakeValue[][] = [['任务序号', '责任领导', '牵头部门', '责任人']];
  for (let i = 1; i <= n; i++) {
    problems.push([String(i), '方面' + (1 + (i % 5)), '问题' + i]);
    if (i % 7 !== 0) tasks.push([String(i), String(i), '措施' + i, i % 3 ? '2022年6月底前' : '长期坚持', i % 2 ? '已完成' : '推进中']);
    if (i % 11 !== 0) resp.push([String(i), '王局长', '办公室', '张三']);
  }
  return [{ name: '问题清单', rows: problems }, { name: '任务清单', rows: tasks }, { name: '责任清单', rows: resp }];
}

export async function runThreeListCheck(host: FakeHost): Promise<{ plans: AnnotationPlan[]; syncs: number; sources: unknown }> {
  const before = host.state.syncCount;
  const grids = await readWorkbook();
  const result = checkWorkbook(grids, { asOf: AS_OF, start: '2022-02-24', lang: 'zh' });
  const plans = planAnnotations(grids, result, 'zh');
  const report = await annotateAll(plans, grids);
  expect(report.syncs).toBe(host.state.syncCount - before - 2);
  return { plans, syncs: host.state.syncCount - before, sources: result.sources };
}

export function maxUsedColumn(host: FakeHost, sheet: string): number {
  let max = 0;
  host.findSheet(sheet)!.cells.forEach((row) => row.forEach((cell, c) => (max = cell.v !== '' ? Math.max(max, c) : max)));
  return max;
}
