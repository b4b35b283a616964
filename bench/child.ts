/**
 * One measured run, in its own process so its peak memory (maxRSS) is its own.
 * Usage: node lib/tools/bench/child.js <case> <input> [out]
 * Prints {"ms":…, "cpuMs":…, "maxRssMb":…, "exceljs": true|false} (whether exceljs was loaded at all).
 */
import * as fs from 'fs';
import * as path from 'path';
import type ExcelJSType from 'exceljs';
import { contractJson } from '../src/cli/json';
import { Io, main as taizhang } from '../src/cli/main';
import { writeJson } from '../src/cli/json-stream';
import { checkFile } from '../src/cli/run-check';

const OPTS = { asOf: '2022-07-15', start: '2022-02-24', lang: 'zh' as const };

/** exceljs only for the baselines: loading it is part of what the Taizhang cases must not do. */
function exceljs(): typeof ExcelJSType {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('exceljs');
}

export const RUNNERS: Record<string, (input: string, out: string) => Promise<unknown>> = {
  /** The baseline of --json: exceljs's own streaming reader, with the options the old reader used, touching every value. */
  'exceljs-stream': async (input) => {
    const reader = new (exceljs().stream.xlsx.WorkbookReader)(input, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    let cells = 0;
    for await (const ws of reader) {
      for await (const row of ws) row.eachCell(() => cells++);
    }
    return cells;
  },
  /** What `taizhang check --json > out.json` does, in process: read, check, write the JSON to a file. */
  'check-json': async (input, out) => {
    const file = fileSink(out + '.json');
    try {
      await writeJson(contractJson(await checkFile(input, OPTS), input), file.sink);
    } finally {
      file.close();
    }
  },
  /** The baseline of --out: exceljs's in-memory read plus write. */
  'exceljs-rw': async (input, out) => {
    const wb = new (exceljs().Workbook)();
    await wb.xlsx.readFile(input);
    await wb.xlsx.writeFile(out);
  },
  /** What `taizhang check --out` does. */
  'check-out': async (input, out) => checkFile(input, { ...OPTS, out }),
  /** The baseline of summary: the exceljs streaming read of every ledger in the folder `input`. */
  'exceljs-reads': async (input, out) => {
    let cells = 0;
    for (const file of ledgersIn(input)) cells += (await RUNNERS['exceljs-stream'](file, out)) as number;
    return cells;
  },
  /** `taizhang summary <every ledger in the folder> --out out`, in process, as the command runs it. */
  'summary-out': async (input, out) => {
    const sink = { write: () => true, once: () => sink };
    const io = { stdout: sink, stderr: sink, env: {} } as unknown as Io;
    const code = await taizhang(['summary', ...ledgersIn(input), '--as-of', OPTS.asOf, '--start', OPTS.start, '--out', out], io);
    if (code !== 0) throw new Error('taizhang summary exited ' + code);
  },
  /** The .xls case's baseline and subject: check --json of the folder's .xlsx, and of the same ledger as .xls. */
  'check-json-xlsx': async (input, out) => RUNNERS['check-json'](path.join(input, 'ledger-50000.xlsx'), out),
  'check-json-xls': async (input, out) => RUNNERS['check-json'](path.join(input, 'ledger-50000.xls'), out),
  /** compare's baseline: check --json of the later of two versions (the folder's last file). */
  'check-json-later': async (input, out) => RUNNERS['check-json'](ledgersIn(input)[1], out),
  /** `taizhang compare <earlier> <later> --json > out.json`, in process, as the command runs it. */
  'compare-json': async (input, out) => {
    const file = fileSink(out + '.json');
    const io = { stdout: file.sink, stderr: { write: () => true }, env: {} } as unknown as Io;
    const [earlier, later] = ledgersIn(input);
    try {
      const code = await taizhang(['compare', earlier, later, '--as-of', OPTS.asOf, '--start', OPTS.start, '--since', '2022-06-15', '--json'], io);
      if (code !== 0) throw new Error('taizhang compare exited ' + code);
    } finally {
      file.close();
    }
  },
};

/** Standard output redirected to a file, as Node writes it there: each chunk encoded and written at once. */
function fileSink(file: string): { sink: { write(s: string): boolean; once(): unknown }; close(): void } {
  const fd = fs.openSync(file, 'w');
  const sink = { write: (s: string) => (fs.writeSync(fd, s), true), once: () => sink };
  return { sink, close: () => fs.closeSync(fd) };
}

function ledgersIn(folder: string): string[] {
  return fs.readdirSync(folder).filter((f) => /\.xlsx$/.test(f)).sort().map((f) => path.join(folder, f));
}

async function main(): Promise<void> {
  const [name, input, out] = process.argv.slice(2);
  const runner = RUNNERS[name];
  if (!runner) throw new Error('unknown case ' + name);
  // A JSON case writes out.json: the last run's is removed first, outside the time, as a user's
  // first run finds none (truncating 36 MB of it took some 28 ms of the case's time here).
  fs.rmSync((out || input + '.bench-out.xlsx') + '.json', { force: true });
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  await runner(input, out || input + '.bench-out.xlsx');
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpu = process.cpuUsage(c0);
  const loaded = Object.keys(require.cache).some((k) => /node_modules[\\/]exceljs[\\/]/.test(k));
  // resourceUsage().maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, maxRssMb: process.resourceUsage().maxRSS / 1024, exceljs: loaded }) + '\n');
}

if (require.main === module) {
  main().catch((e) => {
    process.stderr.write(String(e && e.stack ? e.stack : e) + '\n');
    process.exitCode = 1;
  });
}
