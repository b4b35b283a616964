#!/usr/bin/env node
'use strict';
// The command is compiled into lib/ by `npm run build:cli` (run on install by `prepare`).
try {
  require('../lib/cli/main.js').run();
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && /lib[\\/]cli[\\/]main/.test(String(e.message))) {
    process.stderr.write('taizhang: not built yet. Run `npm run build:cli` (or `npm install`) first.\n');
    process.exitCode = 2;
  } else {
    throw e;
  }
}
