/**
 * Runs once before any test file: builds lib/ (the CLI as bin/taizhang.js runs it) a single time,
 * so that no suite compiles into the shared lib/ while another suite spawns the command from it.
 */
'use strict';
const { execFileSync } = require('child_process');
const path = require('path');

module.exports = async () => {
  const root = path.resolve(__dirname, '..');
  execFileSync(process.execPath, [path.join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json'], { cwd: root, stdio: 'inherit' });
};
