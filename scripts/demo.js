#!/usr/bin/env node
'use strict';
// npm run demo: check the shipped sample ledger and write the checked copy into out/; then write the
// summary workbook of the sample, the consolidated summary of both sample departments, and the
// 督办单 (one per lead department with overdue or due-soon items).
// (Plain JS so it runs right after `npm run build:cli`, with nothing else to compile.)
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const sample = path.join('samples', '整改台账-示例.xlsx');
const sampleTwo = path.join('samples', '整改台账-示例-二.xlsx');
const dates = ['--start', '2022-02-24', '--as-of', '2022-07-15'];
fs.mkdirSync(path.join(root, 'out'), { recursive: true });
// The demo's own notices folder starts empty, so the count below is this run's.
fs.rmSync(path.join(root, 'out', '督办单'), { recursive: true, force: true });

const steps = [
  { args: ['check', sample, ...dates, '--out', path.join('out', '整改台账-示例-已检查.xlsx')], what: '检查后的台账 / checked ledger' },
  { args: ['summary', sample, ...dates, '--out', path.join('out', '整改台账-示例-汇总.xlsx')], what: '示例台账的汇总 / summary of the sample' },
  {
    args: ['summary', sample, sampleTwo, ...dates, '--out', path.join('out', '整改台账-合并汇总.xlsx'), '--notices', path.join('out', '督办单')],
    what: '两个部门的合并汇总 / consolidated summary of two departments',
  },
];

const written = [];
let status = 0;
for (const step of steps) {
  const args = [path.join(root, 'bin', 'taizhang.js'), ...step.args];
  process.stdout.write('$ taizhang ' + step.args.join(' ') + '\n\n');
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
  process.stdout.write('\n');
  status = r.status === null ? 2 : r.status;
  if (status !== 0) break;
  written.push(step.what + ': ' + path.join(root, step.args[step.args.indexOf('--out') + 1]));
}
if (status === 0) {
  const notices = path.join(root, 'out', '督办单');
  const count = fs.readdirSync(notices).filter((f) => /\.xlsx$/.test(f)).length;
  written.push('督办单 / notices (' + count + '): ' + notices);
  process.stdout.write('打开这些文件 / open these files:\n' + written.map((w) => '  ' + w).join('\n') + '\n');
}
process.exitCode = status;
