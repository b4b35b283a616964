#!/usr/bin/env node
'use strict';
// npm run demo: check the shipped sample ledger and write the checked copy into out/.
// (Plain JS so it runs right after `npm run build:cli`, with nothing else to compile.)
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.resolve(__dirname, '..');
const input = path.join('samples', '整改台账-示例.xlsx');
const out = path.join('out', '整改台账-示例-已检查.xlsx');
fs.mkdirSync(path.join(root, 'out'), { recursive: true });
const args = [path.join(root, 'bin', 'taizhang.js'), 'check', input, '--start', '2022-02-24', '--as-of', '2022-07-15', '--out', out];
process.stdout.write('$ taizhang ' + args.slice(1).join(' ') + '\n\n');
const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit' });
if (r.status === 0) process.stdout.write('\n打开检查后的台账 / open the checked ledger: ' + path.join(root, out) + '\n');
process.exitCode = r.status === null ? 2 : r.status;
