/**
 * check --out never loses a user's data: every original cell (value and style), merge, width and
 * sheet is unchanged, and checking the checked copy again changes nothing (idempotent).
 */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { checkFile } from '../../src/cli/run-check';
import { LIBREOFFICE, SAMPLE, tempDir } from './helpers/files';

const dir = tempDir('taizhang-roundtrip-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const OPTS = { asOf: '2022-07-15', start: '2022-02-24', lang: 'zh' as const };

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

interface Snapshot {
  sheets: string[];
  cells: Map<string, { value: unknown; style: string }>;
  merges: Map<string, string[]>;
  widths: Map<string, (number | undefined)[]>;
  lastColumn: Map<string, number>;
}

async function snapshot(file: string, maxColumn?: Map<string, number>): Promise<Snapshot> {
  const wb = await load(file);
  const snap: Snapshot = { sheets: [], cells: new Map(), merges: new Map(), widths: new Map(), lastColumn: new Map() };
  wb.worksheets.forEach((ws) => {
    snap.sheets.push(ws.name);
    const limit = maxColumn && maxColumn.get(ws.name);
    let last = 0;
    ws.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell, c) => {
        if (c > last && cell.value !== null && cell.value !== undefined) last = c;
        if (limit && c > limit) return;
        snap.cells.set(ws.name + '!' + cell.address, { value: cell.value, style: canonicalStyle(cell.style) });
      });
    });
    snap.lastColumn.set(ws.name, last);
    snap.merges.set(ws.name, (ws.model.merges || []).slice().sort());
    const n = limit || ws.columnCount;
    const widths: (number | undefined)[] = [];
    for (let c = 1; c <= n; c++) widths.push(ws.getColumn(c).width);
    snap.widths.set(ws.name, widths);
  });
  return snap;
}

describe.each([
  ['the sample ledger (exceljs-made)', SAMPLE],
  ['a LibreOffice-made ledger', path.join(LIBREOFFICE, 'ledger-two-row-header.xlsx')],
])('%s', (_name, input) => {
  const out1 = path.join(dir, path.basename(input, '.xlsx') + '-1.xlsx');
  const out2 = path.join(dir, path.basename(input, '.xlsx') + '-2.xlsx');
  let before: Snapshot;
  let addedAt: number;
  let sheet: string;

  beforeAll(async () => {
    before = await snapshot(input);
    const result = await checkFile(input, { ...OPTS, out: out1 });
    sheet = result.sheet;
    addedAt = (before.lastColumn.get(sheet) as number) + 1;
  });

  test('the input file itself is not modified', async () => {
    const again = await snapshot(input);
    expect(again.cells).toEqual(before.cells);
  });

  test('every original cell, merge, width and sheet is unchanged', async () => {
    const limits = new Map(before.sheets.map((s) => [s, s === sheet ? addedAt - 1 : 10000] as [string, number]));
    const after = await snapshot(out1, limits);
    expect(after.sheets).toEqual(before.sheets);
    // Every cell of the original is there with the same value and style...
    for (const [key, cell] of before.cells) {
      const col = key.replace(/^.*!([A-Z]+)\d+$/, '$1');
      if (key.startsWith(sheet + '!') && colNum(col) >= addedAt) continue;
      expect({ key, ...after.cells.get(key) }).toEqual({ key, ...cell });
    }
    // ...and the original merges all survive; the only new ones are in the added columns.
    for (const name of before.sheets) {
      const was = before.merges.get(name) as string[];
      const now = (await snapshot(out1)).merges.get(name) as string[];
      for (const m of was) expect(now).toContain(m);
      for (const m of now.filter((x) => was.indexOf(x) < 0)) expect(colNum(m.replace(/\d.*$/, ''))).toBeGreaterThanOrEqual(addedAt);
      expect((after.widths.get(name) as unknown[]).slice(0, name === sheet ? addedAt - 1 : undefined)).toEqual(
        (before.widths.get(name) as unknown[]).slice(0, name === sheet ? addedAt - 1 : undefined),
      );
    }
  });

  test('the four columns come right after the last used column', async () => {
    const wb = await load(out1);
    const ws = wb.getWorksheet(sheet) as ExcelJS.Worksheet;
    const labels = [0, 1, 2, 3].map((j) => {
      for (let r = 1; r <= 6; r++) {
        const v = ws.getCell(r, addedAt + j).value;
        if (v) return v;
      }
      return null;
    });
    expect(labels).toEqual(['期限状态', '截止日期', '剩余天数', '检查意见']);
  });

  test('checking the checked copy adds no columns and writes the same values', async () => {
    const result2 = await checkFile(out1, { ...OPTS, out: out2 });
    expect(result2.sheet).toBe(sheet);
    const a = await snapshot(out1);
    const b = await snapshot(out2);
    expect(b.lastColumn).toEqual(a.lastColumn);
    expect(b.merges).toEqual(a.merges);
    expect(b.cells).toEqual(a.cells);
  });
});

/**
 * A style as sorted JSON, without the attributes that only restate Excel's defaults. LibreOffice
 * writes them out (numFmt General, horizontal "general", wrapText 0, indent 0...); exceljs drops
 * them when it writes. Both mean the same formatting in Excel, so they do not count as a change.
 */
function canonicalStyle(style: Partial<ExcelJS.Style> | undefined): string {
  const DEFAULTS: Record<string, unknown> = {
    numFmt: 'General',
    horizontal: 'general',
    wrapText: false,
    shrinkToFit: false,
    indent: 0,
    textRotation: 0,
  };
  const clean = (v: unknown): unknown => {
    if (!v || typeof v !== 'object' || Array.isArray(v)) return v;
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v as object).sort()) {
      const x = (v as Record<string, unknown>)[k];
      if (x === undefined || (k in DEFAULTS && DEFAULTS[k] === x)) continue;
      out[k] = clean(x);
    }
    return out;
  };
  return JSON.stringify(clean(style || {}));
}

function colNum(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
