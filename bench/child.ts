/**
 * One measured run, in its own process so its peak memory (maxRSS) is its own.
 * Usage: node lib/tools/bench/child.js <case> <input> [out]
 * Prints {"ms":…, "cpuMs":…, "maxRssMb":…, "exceljs": true|false} (whether exceljs was loaded at all).
 * The time is the process's own, from its start to the end of the run, as a user's command takes
 * it: Node's start, loading the code that does the work (exceljs, or ours) and the work. Each side
 * loads only its own code, when its runner starts (exceljs took 0.47-0.50 s to load here, our check's
 * modules about 0.1 s); before, ours were loaded before the clock started and exceljs's after it.
 */
import * as fs from 'fs';
import * as path from 'path';
import { performance } from 'perf_hooks';
import type ExcelJSType from 'exceljs';
import type { Io } from '../src/cli/main';

const OPTS = { asOf: '2022-07-15', start: '2022-02-24', lang: 'zh' as const };

/* eslint-disable @typescript-eslint/no-require-imports */
/** exceljs only for the baselines: loading it is part of what the Taizhang cases must not do. */
function exceljs(): typeof ExcelJSType {
  return require('exceljs');
}

/** Our modules, loaded by the Taizhang cases only (as the command loads them when it runs). */
const ours = {
  main: () => require('../src/cli/main') as typeof import('../src/cli/main'),
  check: () => require('../src/cli/run-check') as typeof import('../src/cli/run-check'),
  json: () => require('../src/cli/json') as typeof import('../src/cli/json'),
  jsonStream: () => require('../src/cli/json-stream') as typeof import('../src/cli/json-stream'),
};
/* eslint-enable @typescript-eslint/no-require-imports */

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
      const result = await ours.check().checkFile(input, OPTS);
      await ours.jsonStream().writeJson(ours.json().contractJson(result, input), file.sink);
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
  'check-out': async (input, out) => ours.check().checkFile(input, { ...OPTS, out }),
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
    const code = await ours.main().main(['summary', ...ledgersIn(input), '--as-of', OPTS.asOf, '--start', OPTS.start, '--out', out], io);
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
      const code = await ours.main().main(['compare', earlier, later, '--as-of', OPTS.asOf, '--start', OPTS.start, '--since', '2022-06-15', '--json'], io);
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
  // (A JSON case's out.json from the run before is removed by the bench before it starts this
  // process, as a user's first run finds none.)
  await runner(input, out || input + '.bench-out.xlsx');
  // Since the process started (performance's time origin), and its processor time since then.
  const ms = performance.now();
  const cpu = process.cpuUsage();
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
