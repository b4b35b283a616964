/**
 * After `webpack --env wps`: writes the installers beside the add-in folder in dist-wps/ (install.bat,
 * uninstall.bat for Windows; install.sh, uninstall.sh for Linux), with the add-in's name and version,
 * and checks that the folder has what WPS loads (ribbon.xml starting with <customUI, index.html).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const { WPS_NAME, WPS_VERSION, WPS_FOLDER } = require('./addin');

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'dist-wps');

function main() {
  const folder = path.join(OUT, WPS_FOLDER);
  for (const f of ['ribbon.xml', 'index.html', 'ribbon.js', 'taskpane.html', 'taskpane.js', 'help.html', 'probe.html', 'probe.js', 'assets/icon-32.png']) {
    if (!fs.existsSync(path.join(folder, f))) throw new Error('build:wps: ' + f + ' is missing from ' + folder);
  }
  if (!/^<customUI /.test(fs.readFileSync(path.join(folder, 'ribbon.xml'), 'utf8'))) throw new Error('build:wps: ribbon.xml must start with <customUI');
  for (const f of ['install.sh', 'uninstall.sh', 'install.bat', 'uninstall.bat', 'publish.js']) {
    const text = fs.readFileSync(path.join(__dirname, f), 'utf8').split('@NAME@').join(WPS_NAME).split('@VERSION@').join(WPS_VERSION);
    fs.writeFileSync(path.join(OUT, f), text, { mode: /\.sh$/.test(f) ? 0o755 : 0o644 });
  }
  console.log('build:wps: ' + path.relative(ROOT, folder) + ' and 4 installers (+ publish.js, which the .bat ones run)');
}

main();
