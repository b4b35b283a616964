/**
 * src/xlsx/spec-writer.ts: the CLI's summary and notice files. A part of more than one chunk of XML
 * is deflated on a second thread while its XML is still being written; the file must be byte for
 * byte the one that deflating every chunk on this thread gives (xlsxlite's own path with NODE_ZIP),
 * and read back with every CRC checked.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import JSZip from 'jszip';
import { ByteSink, CHUNK_BYTES, writeXlsx } from '../../src/xlsxlite';
import { NODE_ZIP, writeSpecsFile } from '../../src/xlsx/spec-writer';
import { summarize } from '../../src/core/aggregate/summary';
import { summarySheets } from '../../src/core/sheets/summary';
import { SheetSpec } from '../../src/core/model/spec';
import { AS_OF, ledgerA, ledgerB } from '../core/helpers/results';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'taizhang-spec-writer-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** `n` rows of a number, a Chinese text that differs per row (and an astral character), a date. */
function bigSheet(n: number): SheetSpec {
  const rows: SheetSpec['rows'] = [];
  for (let i = 0; i < n; i++) {
    rows.push([{ v: i + 1, s: 'number' }, { v: '第' + (i + 1) + '项整改措施：严格落实“三重一大”集体决策制度，完善议事规则😀', s: 'wrap' }, { v: { date: '2022-06-30' }, s: 'date' }]);
  }
  return { name: '大表', rows, widths: [6, 40, 12] };
}

/** What `write` puts into a sink, as one buffer. */
function collect(write: (sink: ByteSink) => void): Buffer {
  const parts: Buffer[] = [];
  write((b) => parts.push(Buffer.from(b)));
  return Buffer.concat(parts);
}

describe('writeSpecsFile', () => {
  // Two sheets of several chunks each, with the summary's seven small sheets between them.
  const specs = [bigSheet(20000)].concat(summarySheets(summarize([ledgerA(), ledgerB()], { asOf: AS_OF, lang: 'zh' }), 'zh'), [
    { ...bigSheet(9000), name: '大表二' },
  ]);
  const file = path.join(dir, 'big.xlsx');
  writeSpecsFile(specs, file);
  const bytes = fs.readFileSync(file);

  it('writes the bytes that deflating every chunk on this thread gives', () => {
    const oneThread = collect((sink) => writeXlsx(specs, sink, NODE_ZIP));
    expect(bytes.length).toBe(oneThread.length);
    expect(Buffer.compare(bytes, oneThread)).toBe(0);
  });

  it('the big parts ran over several chunks, and every part reads back with its CRC checked', async () => {
    const zip = await JSZip.loadAsync(bytes, { checkCRC32: true });
    const sheet1 = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const sheet9 = await zip.file('xl/worksheets/sheet9.xml')!.async('string');
    expect(Buffer.byteLength(sheet1)).toBeGreaterThan(3 * CHUNK_BYTES);
    expect(Buffer.byteLength(sheet9)).toBeGreaterThan(CHUNK_BYTES);
    expect(sheet1).toContain('<c r="B20000" s="2" t="inlineStr"><is><t>第20000项整改措施：严格落实“三重一大”集体决策制度，完善议事规则😀</t></is></c>');
    expect(sheet9).toContain('<c r="A9000" s="1"><v>9000</v></c>');
    // One deflate stream per part: it inflates on its own, to the same text.
    const raw = zlib.inflateRawSync(rawEntry(bytes, 'xl/worksheets/sheet9.xml'));
    expect(raw.toString('utf8')).toBe(sheet9);
  });

  it('a chunk longer than the thread\'s slots (one cell of more text than a chunk holds) goes through too', () => {
    const huge = bigSheet(3000);
    huge.rows[1500][1] = { v: '超长文本'.repeat(100000), s: 'wrap' };
    const out = path.join(dir, 'huge.xlsx');
    writeSpecsFile([huge], out);
    const written = fs.readFileSync(out);
    expect(Buffer.compare(written, collect((sink) => writeXlsx([huge], sink, NODE_ZIP)))).toBe(0);
    const xml = zlib.inflateRawSync(rawEntry(written, 'xl/worksheets/sheet1.xml')).toString('utf8');
    expect(xml).toContain('<c r="B1501" s="2" t="inlineStr"><is><t>' + '超长文本'.repeat(100000) + '</t></is></c>');
  });

  it('a notice-sized workbook is the same bytes too', () => {
    const small = summarySheets(summarize([ledgerA()], { asOf: AS_OF, lang: 'zh' }), 'zh');
    const out = path.join(dir, 'small.xlsx');
    writeSpecsFile(small, out);
    expect(Buffer.compare(fs.readFileSync(out), collect((sink) => writeXlsx(small, sink, NODE_ZIP)))).toBe(0);
  });
});

/** The compressed bytes of one entry, found through the central directory. */
function rawEntry(buf: Buffer, name: string): Buffer {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let p = buf.readUInt32LE(end + 16);
  for (let i = 0; i < buf.readUInt16LE(end + 10); i++) {
    const n = buf.readUInt16LE(p + 28);
    if (buf.toString('utf8', p + 46, p + 46 + n) === name) {
      const offset = buf.readUInt32LE(p + 42);
      const start = offset + 30 + buf.readUInt16LE(offset + 26) + buf.readUInt16LE(offset + 28);
      return buf.subarray(start, start + buf.readUInt32LE(p + 20));
    }
    p += 46 + n + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  throw new Error('no entry ' + name);
}
