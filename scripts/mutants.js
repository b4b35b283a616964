#!/usr/bin/env node
/**
 * Plants one bug at a time in the core (and the CLI's option passing), runs the tests that should
 * catch it, records which fail, and puts the file back. The table it prints is docs/testing.md's.
 *
 *   node scripts/mutants.js            every mutant
 *   node scripts/mutants.js M3 M10     some of them
 *
 * A mutant whose text is no longer in its file (the code moved) is reported as such, not run.
 * Slow (a jest run per mutant); never part of npm test. Run it on a clean worktree: each file is
 * restored from its own content, whatever happens to the run.
 */
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const FLAGS = ['tests/core/check/flags.test.ts', 'tests/core/check/check.test.ts'];
const STATUS = ['tests/core/read/status.test.ts', 'tests/core/check/check.test.ts'];
const HEADER = ['tests/core/read/header.test.ts', 'tests/core/check/check.test.ts', 'tests/core/read/stated.test.ts', 'tests/core/read/threelists.test.ts'];
const SUMMARY = ['tests/core/aggregate/summary.test.ts', 'tests/core/sheets/summary.test.ts', 'tests/xlsx/summary.test.ts'];
const OURS = ['tests/core/read/ours.test.ts', 'tests/core/sheets/annotation.test.ts', 'tests/core/read/threelists.test.ts'];
/** The CLI's tests spawn lib/, which jest's globalSetup builds from the mutated source. */
const CLI = ['tests/cli/cli.test.ts'];

/** [id, what, file, from, to, tests] */
const MUTANTS = [
  ['M1', 'due soon `<=` -> `<`', 'src/core/check/flags.ts', 'left <= soon ?', 'left < soon ?', FLAGS],
  ['M2', 'overdue `< 0` -> `<= 0`', 'src/core/check/flags.ts', 'left < 0 ?', 'left <= 0 ?', FLAGS],
  ['M3', 'default 立行立改 days 30 -> 31', 'src/core/model/options.ts', 'immediateDays: 30,', 'immediateDays: 31,', FLAGS],
  ['M4', 'default due-soon days 10 -> 11', 'src/core/model/options.ts', 'dueSoonDays: 10,', 'dueSoonDays: 11,', FLAGS],
  ['M5', 'closed no longer done', 'src/core/check/flags.ts', "item.state === 'done' || item.state === 'closed'", "item.state === 'done'", FLAGS],
  ['M6', 'status phrase 已办结 forgotten', 'src/core/read/status.ts', "  '已办结',\n", '', STATUS],
  ['M7', 'status word 基本完成 forgotten', 'src/core/read/status.ts', "  '基本完成',\n  '阶段性完成',", "  '阶段性完成',", STATUS],
  ['M8', '中旬 is the 21st', 'src/core/read/deadline/rules.ts', "if (suffix === '中旬') return 20;", "if (suffix === '中旬') return 21;", ['tests/core/read/deadline.test.ts']],
  ['M9', 'header: no penalty for a weak synonym', 'src/core/read/fields.ts', 'if (o.syn.weak) score -= 25;', 'if (o.syn.weak) score -= 0;', HEADER],
  ['M10', 'header: no bonus for a whole-cell match', 'src/core/read/fields.ts', 'if (end === bare.length) score += 15;', 'if (end === bare.length) score += 0;', HEADER],
  ['M11', 'header: the rightmost of equal columns wins', 'src/core/read/header.ts', 'b.score - a.score || a.col - b.col', 'b.score - a.score || b.col - a.col', HEADER],
  ['M12', 'compare: later and earlier swapped', 'src/core/aggregate/compare.ts', "l.due > e.due ? 'deadline-later' : 'deadline-earlier'", "l.due < e.due ? 'deadline-later' : 'deadline-earlier'", ['tests/core/aggregate/compare.test.ts']],
  ['M13', 'compare: still-overdue without a period', 'src/core/aggregate/compare.ts', "if (period > 0 && l.flag === 'overdue' && wasOverdue)", "if (l.flag === 'overdue' && wasOverdue)", ['tests/core/aggregate/compare.test.ts']],
  ['M14', 'compare: a lead change in wording only counts', 'src/core/aggregate/compare.ts', 'e.leadDept !== l.leadDept && deptKey(e.leadDept, norm) !== deptKey(l.leadDept, norm)', 'e.leadDept !== l.leadDept', ['tests/core/aggregate/compare.test.ts']],
  ['M15', 'summary: a joint measure counts for its first department only', 'src/core/aggregate/summary.ts', 'depts[text] || (depts[text] = splitDepartments(text))', 'depts[text] || (depts[text] = splitDepartments(text).slice(0, 1))', SUMMARY],
  ['M16', 'summary: 已销号 counts every done item', 'src/core/aggregate/summary.ts', "closed: countWhere(items, (i) => i.flag === 'done' && i.state === 'closed')", "closed: countWhere(items, (i) => i.flag === 'done')", SUMMARY],
  ['M17', 'summary: 基本完成 counts done items too', 'src/core/aggregate/summary.ts', "basicallyDone: countWhere(items, (i) => i.state === 'basically-done')", "basicallyDone: countWhere(items, (i) => i.state === 'basically-done' || i.state === 'done')", SUMMARY],
  ['M18', 'ours: a lone 检查意见 column found by its label, without our record', 'src/core/read/ours.ts', '  if (width !== 4) return 0;\n', '', OURS],
  ['M19', "ours: a user's columns after ours dropped from the ledger", 'src/core/read/ours.ts', 'if (at && at + width - 1 >= right) return at - 1;', 'if (at) return at - 1;', OURS],
  ['M23', 'flags: 长期坚持 before done', 'src/core/check/flags.ts', "if (item.state === 'done' || item.state === 'closed') out.flag = 'done';\n  else if (item.deadline.kind === 'long-term') out.flag = 'long-term';", "if (item.deadline.kind === 'long-term') out.flag = 'long-term';\n  else if (item.state === 'done' || item.state === 'closed') out.flag = 'done';", FLAGS],
  ['M24', '上半年 is 06-29', 'src/core/read/deadline/rules.ts', "yearless((y) => date(y, 6, 30))", "yearless((y) => date(y, 6, 29))", ['tests/core/read/deadline.test.ts']],
  ['M25', 'header: MIN_SCORE 30 -> 50', 'src/core/read/fields.ts', 'export const MIN_SCORE = 30;', 'export const MIN_SCORE = 50;', HEADER],
  ['M26', 'summary: 完成率 leaves out items without a deadline', 'src/core/aggregate/summary.ts', 'rate: completionRate(totals.done, totals.items),', 'rate: completionRate(totals.done, totals.items - totals.noDeadline),', SUMMARY],
  ['M27', 'summary: departments by overdue only (due soon no tie-break)', 'src/core/aggregate/summary.ts', 'b.overdue - a.overdue || b.dueSoon - a.dueSoon ||', 'b.overdue - a.overdue ||', SUMMARY],
  ['M28', 'ours: a recorded block is ours even when its labels were overwritten', 'src/core/read/ours.ts', 'marked.column > 0 && labelsStand(g, headerRows, marked.column, sets)', 'marked.column > 0', OURS],
  ['M20', 'CLI: --due-soon-days not passed on', 'src/cli/main.ts', '    dueSoonDays: o.dueSoonDays,\n', '', CLI],
  ['M21', 'CLI: --immediate-days not passed on', 'src/cli/main.ts', '    immediateDays: o.immediateDays,\n', '', CLI],
  ['M22', 'CLI: checkFile keeps only as-of, language and sheet of its options', 'src/cli/run-check.ts', 'opts.file ? opts : { ...opts, file }', 'opts.file ? opts : { asOf: opts.asOf, lang: opts.lang, sheet: opts.sheet, file }', CLI],
];

/** jest.config.js, less its globalSetup (lib/) where no test spawns the CLI. */
function configFor(tests) {
  if (tests.some((t) => t.indexOf('tests/cli/') === 0)) return [];
  const config = { ...require(path.join(ROOT, 'jest.config.js')), rootDir: ROOT };
  delete config.globalSetup;
  return ['--config', JSON.stringify(config)];
}

function runJest(tests) {
  const out = path.join(os.tmpdir(), 'taizhang-mutant-' + process.pid + '.json');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/jest/bin/jest.js'), '--silent', '--json', '--outputFile', out].concat(configFor(tests), tests), {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, CI: '' }, maxBuffer: 64 * 1024 * 1024,
  });
  if (!fs.existsSync(out)) return { error: (r.stderr || '').split('\n').slice(-20).join('\n') };
  const json = JSON.parse(fs.readFileSync(out, 'utf8'));
  fs.rmSync(out);
  const failed = [];
  for (const f of json.testResults) {
    if (f.status === 'failed' && !f.assertionResults.length) failed.push(path.relative(ROOT, f.name) + ': ' + (f.message || '').split('\n').filter((l) => l.trim())[1]);
    for (const a of f.assertionResults) if (a.status === 'failed') failed.push(path.relative(ROOT, f.name) + ': ' + a.fullName);
  }
  return { failed };
}

const wanted = process.argv.slice(2);
for (const [id, what, file, from, to, tests] of MUTANTS) {
  if (wanted.length && wanted.indexOf(id) < 0) continue;
  const abs = path.join(ROOT, file);
  const original = fs.readFileSync(abs, 'utf8');
  const at = original.indexOf(from);
  if (at < 0 || original.indexOf(from, at + 1) >= 0) {
    console.log(id + '\t' + what + '\t' + file + '\t(not planted: the text is ' + (at < 0 ? 'gone' : 'there more than once') + ')');
    continue;
  }
  fs.writeFileSync(abs, original.slice(0, at) + to + original.slice(at + from.length));
  let result;
  try {
    result = runJest(tests);
  } finally {
    fs.writeFileSync(abs, original);
  }
  if (result.error) console.log(id + '\t' + what + '\t' + file + '\tjest did not run: ' + result.error);
  else console.log(id + '\t' + what + '\t' + file + '\t' + (result.failed.length ? result.failed.length + ' failing: ' + result.failed.slice(0, 4).join(' | ') : 'NOT CAUGHT'));
}
