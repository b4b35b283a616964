/**
 * The system's refusals as staff meet them, each one line in their words and no temporary file
 * left behind. Made for real where this machine can make them, also as root (CI runs as root, and
 * root ignores chmod): a folder where the output file should be (EISDIR), a path through a file
 * (ENOTDIR), a name too long (ENAMETOOLONG), a missing folder (ENOENT), an immutable folder or file
 * (chattr +i: EPERM even for root; chmod 555 for a user: EACCES). Where no test can make the error
 * (a file Excel holds open on Windows: EBUSY; a full disk: ENOSPC; a read-only disk: EROFS; an
 * unreadable input as root: EACCES) the one system call is made to fail with that code, in process.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Io, main } from '../../src/cli/main';

/** The fs module itself (the namespace import above is a frozen copy), for the calls made to fail. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const nodeFs: typeof fs = require('fs');
const ROOT = path.resolve(__dirname, '../..');
const SAMPLE = path.join(ROOT, 'samples', '整改台账-示例.xlsx');
const SAMPLE_TWO = path.join(ROOT, 'samples', '整改台账-示例-二.xlsx');
const DATES = ['--start', '2022-02-24', '--as-of', '2022-07-15'];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-os-'));

/** Folders made immutable, to be made ordinary again whatever happens. */
const locked: string[] = [];
afterAll(() => {
  for (const p of locked) spawnSync('chattr', ['-i', p]);
  for (const p of locked) fs.chmodSync(p, 0o755);
  fs.rmSync(dir, { recursive: true, force: true });
});

async function cli(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = {
    stdout: { write: (s: string) => ((out += s), true), isTTY: false } as unknown as Io['stdout'],
    stderr: { write: (s: string) => ((err += s), true), isTTY: false } as unknown as Io['stderr'],
    env: {},
  };
  const code = await main(argv, io);
  return { code, out, err };
}

/** Every temporary file writeAtomic might have left under `folder`. */
function temporaries(folder: string): string[] {
  const found: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) walk(path.join(d, e.name));
      else if (/\.tmp$/.test(e.name)) found.push(path.join(d, e.name));
    }
  };
  walk(folder);
  return found;
}

/** A Node system error as fs throws it. */
function systemError(code: string, syscall: string, p: string, dest?: string): NodeJS.ErrnoException {
  const e = new Error(code + ': failed, ' + syscall + " '" + p + "'") as NodeJS.ErrnoException & { dest?: string };
  Object.assign(e, { code, errno: -1, syscall, path: p });
  if (dest) e.dest = dest;
  return e;
}

/**
 * Makes `folder` refuse new files for real: chattr +i (EPERM, even for root) where the file system
 * and the process allow it, else chmod 555 (EACCES for anyone but root). Returns false when neither
 * holds (root on a file system without the attribute).
 */
function refuseWrites(folder: string): boolean {
  locked.push(folder);
  if (spawnSync('chattr', ['+i', folder]).status !== 0) fs.chmodSync(folder, 0o555);
  try {
    fs.writeFileSync(path.join(folder, 'probe'), 'x');
    fs.unlinkSync(path.join(folder, 'probe'));
    return false;
  } catch {
    return true;
  }
}

const DENIED = (file: string) => 'taizhang: 无法写入“' + file + '”：文件正被 Excel/WPS 打开或没有写入权限，请关闭后重试（或换一个输出位置）。\n';

describe('made for real', () => {
  test('--out names a folder (EISDIR), for summary and compare', async () => {
    const target = path.join(dir, '汇总 结果.xlsx');
    fs.mkdirSync(target);
    const line = 'taizhang: 无法写入“' + target + '”：已有同名的文件夹。请换一个输出文件名。\n';
    const s = await cli(['summary', SAMPLE, ...DATES, '--out', target]);
    expect([s.code, s.err]).toEqual([2, line]);
    const c = await cli(['compare', SAMPLE, SAMPLE_TWO, ...DATES, '--since', '2022-06-30', '--out', target]);
    expect([c.code, c.err]).toEqual([2, line]);
    expect(temporaries(dir)).toEqual([]);
  });

  test('--out runs through a file (ENOTDIR)', async () => {
    const file = path.join(dir, '说明.txt');
    fs.writeFileSync(file, 'x');
    const r = await cli(['check', SAMPLE, ...DATES, '--out', path.join(file, 'out.xlsx')]);
    expect([r.code, r.err]).toEqual([2, 'taizhang: --out 所在的“' + file + '”是一个文件，不是文件夹。请换一个输出位置。\n']);
  });

  test('--out with a name too long for the file system (ENAMETOOLONG)', async () => {
    const target = path.join(dir, '整改'.repeat(50) + '.xlsx');
    const r = await cli(['check', SAMPLE, ...DATES, '--out', target]);
    expect([r.code, r.err]).toEqual([2, 'taizhang: 无法写入“' + target + '”：文件名或路径太长。请换一个较短的名称或位置。\n']);
    expect(temporaries(dir)).toEqual([]);
  });

  test('an input with a name too long, and one through a file', async () => {
    const long = path.join(dir, '台账'.repeat(50) + '.xlsx');
    expect((await cli(['check', long])).err).toBe('taizhang: 无法读取“' + long + '”：文件名或路径太长。请把文件移到较短的路径下再试。\n');
    const through = path.join(SAMPLE, '台账.xlsx');
    expect((await cli(['check', through])).err).toBe('taizhang: 找不到文件“' + through + '”，请检查路径是否正确。\n');
  });

  test('a folder that refuses new files: --out and every notice', async () => {
    const folder = path.join(dir, '只读 文件夹');
    fs.mkdirSync(folder);
    if (!refuseWrites(folder)) return console.log('skipped: this file system lets root write into a chattr +i / chmod 555 folder');
    const target = path.join(folder, '汇总.xlsx');
    const r = await cli(['summary', SAMPLE, ...DATES, '--out', target]);
    expect([r.code, r.err]).toEqual([2, DENIED(target)]);
    const notices = path.join(dir, '督办 单');
    fs.mkdirSync(notices);
    refuseWrites(notices);
    const n = await cli(['summary', SAMPLE, ...DATES, '--out', path.join(dir, 'n.xlsx'), '--notices', notices]);
    expect(n.code).toBe(2);
    // 机关党委's items are only due soon: its notice is a 提醒单.
    const depts = ['人事处', '办公室', '政策研究处', '机关党委', '机关纪委', '财务处'];
    const kind = (d: string) => (d === '机关党委' ? '提醒单-' : '督办单-');
    expect(n.err.startsWith('taizhang: 6 份督办单未能写出（其余已写出）：')).toBe(true);
    for (const d of depts) expect(n.err).toContain(d + '（无法写入“' + path.join(notices, kind(d) + d + '.xlsx') + '”：文件正被 Excel/WPS 打开或没有写入权限');
    expect(n.err.split('\n')).toHaveLength(2);
    const m = await cli(['summary', SAMPLE, ...DATES, '--out', path.join(dir, 'm.xlsx'), '--notices', path.join(folder, '督办单')]);
    expect([m.code, m.err]).toEqual([2, 'taizhang: 无法建立文件夹“' + path.join(folder, '督办单') + '”：没有写入权限。请换一个位置。\n']);
    expect(temporaries(dir)).toEqual([]);
  });

  test('an immutable checked copy cannot be replaced (EPERM on rename, as Windows says for a file open in Excel)', async () => {
    const target = path.join(dir, '已检查.xlsx');
    expect((await cli(['check', SAMPLE, ...DATES, '--out', target])).code).toBe(0);
    locked.push(target);
    if (spawnSync('chattr', ['+i', target]).status !== 0) return console.log('skipped: chattr +i is not available here');
    const r = await cli(['check', SAMPLE, ...DATES, '--out', target]);
    expect([r.code, r.err]).toEqual([2, DENIED(target)]);
    expect(temporaries(dir)).toEqual([]);
  });
});

describe('made in process, where no test can make them', () => {
  afterEach(() => jest.restoreAllMocks());

  test.each([
    ['EBUSY', 'a file open in Excel on Windows'],
    ['EPERM', 'a file open in WPS on Windows'],
  ])('%s on replacing --out (%s)', async (code) => {
    const target = path.join(dir, code + '.xlsx');
    const rename = fs.renameSync;
    jest.spyOn(nodeFs, 'renameSync').mockImplementation((from, to) => {
      if (String(to) === target) throw systemError(code, 'rename', String(from), String(to));
      return rename(from, to);
    });
    for (const argv of [['check', SAMPLE, '--out', target], ['summary', SAMPLE, '--out', target], ['compare', SAMPLE, SAMPLE_TWO, '--since', '2022-06-30', '--out', target]]) {
      const r = await cli([...argv, ...DATES]);
      expect([r.code, r.err]).toEqual([2, DENIED(target)]);
    }
    expect(fs.existsSync(target)).toBe(false);
    expect(temporaries(dir)).toEqual([]);
  });

  test('ENOSPC while writing: the disk is full', async () => {
    const target = path.join(dir, 'full.xlsx');
    jest.spyOn(nodeFs, 'writeSync').mockImplementation(() => {
      throw systemError('ENOSPC', 'write', '');
    });
    const r = await cli(['summary', SAMPLE, ...DATES, '--out', target]);
    expect([r.code, r.err]).toEqual([2, 'taizhang: 无法写入“' + target + '”：磁盘空间不足。请清理磁盘或换一个位置后重试。\n']);
    expect(temporaries(dir)).toEqual([]);
  });

  test('EROFS on creating the temporary file: a read-only disk, in English', async () => {
    const target = path.join(dir, 'ro.xlsx');
    const open = fs.openSync;
    jest.spyOn(nodeFs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (flags === 'w') throw systemError('EROFS', 'open', String(p));
      return open(p, flags as fs.OpenMode, mode);
    }) as typeof fs.openSync);
    const r = await cli(['check', SAMPLE, ...DATES, '--out', target, '--lang', 'en']);
    expect([r.code, r.err]).toEqual([2, 'taizhang: Cannot write "' + target + '": the disk is read-only (a CD or a write-protected USB drive). Write elsewhere.\n']);
  });

  test('EACCES on reading an input: named as unreadable, not as missing; summary goes on past it', async () => {
    const open = fs.openSync;
    jest.spyOn(nodeFs, 'openSync').mockImplementation(((p: fs.PathLike, flags?: fs.OpenMode, mode?: fs.Mode) => {
      if (String(p) === SAMPLE_TWO) throw systemError('EACCES', 'open', String(p));
      return open(p, flags as fs.OpenMode, mode);
    }) as typeof fs.openSync);
    const line = '无法读取“' + SAMPLE_TWO + '”：没有读取权限，或文件正被其他程序独占打开。请关闭该程序或检查文件权限后重试。';
    expect((await cli(['check', SAMPLE_TWO, ...DATES])).err).toBe('taizhang: ' + line + '\n');
    const s = await cli(['summary', SAMPLE, SAMPLE_TWO, ...DATES, '--json']);
    expect(s.code).toBe(2);
    expect(s.err).toBe('taizhang: 未纳入汇总：' + line + '\n');
    expect(JSON.parse(s.out).skipped).toEqual([{ path: SAMPLE_TWO, reason: 'unusable', message: line }]);
  });

  test('a code with no sentence of its own still names the file and the code, not 内部错误', async () => {
    const target = path.join(dir, 'io.xlsx');
    jest.spyOn(nodeFs, 'writeSync').mockImplementation(() => {
      throw systemError('EIO', 'write', '');
    });
    const r = await cli(['check', SAMPLE, ...DATES, '--out', target]);
    expect([r.code, r.err]).toEqual([2, 'taizhang: 无法写入“' + target + '”：系统错误 EIO failed。\n']);
  });
});
