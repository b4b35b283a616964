/**
 * The WPS add-in's names and its pane page, shared by webpack.config.js (build:wps), package.js (the
 * installers) and the tests: the folder is `taizhang_<version>` as publish.xml's url names it.
 */
'use strict';
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '../..');
const WPS_NAME = 'taizhang';
const WPS_VERSION = require(path.join(ROOT, 'package.json')).version;
const WPS_FOLDER = WPS_NAME + '_' + WPS_VERSION;

/** The pane page for WPS: taskpane.html without Office's scripts (MS Ajax, office.js). */
function wpsPane() {
  const html = fs.readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
  const out = html
    .replace(/[ \t]*<script type="text\/javascript" src="msajax\.js"><\/script>\r?\n/, '')
    .replace(/[ \t]*<script type="text\/javascript" src="office-js\/office\.js"><\/script>\r?\n/, '')
    .replace('正在连接 Excel…… Connecting to Excel…', '正在连接 WPS 表格…… Connecting to WPS…');
  if (/office\.js|msajax/.test(out.replace(/<!--[\s\S]*?-->/g, ''))) throw new Error('build:wps: taskpane.html still loads an Office script');
  return out;
}

module.exports = { WPS_NAME, WPS_VERSION, WPS_FOLDER, wpsPane };
