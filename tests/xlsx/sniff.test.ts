/** Unusable files are refused by their bytes or their package structure, with the right error code. */
import * as fs from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { isTaizhangError, userMessage } from '../../src/core/words/errors';
import { readGrids, sniffFile } from '../../src/xlsx';
import { fakeCfb, LIBREOFFICE, SAMPLE, tempDir } from './helpers/files';

const dir = tempDir('taizhang-sniff-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, bytes: Buffer | string): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function codeOf(read: (f: string) => Promise<unknown>, file: string): Promise<string> {
  try {
    await read(file);
  } catch (e) {
    if (isTaizhangError(e)) return e.code;
    throw e;
  }
  return 'ok';
}

const read = (f: string) => readGrids(f);

describe('the reader refuses unusable files', () => {
  test('a missing file', async () => {
    expect(await codeOf(read, path.join(dir, 'nope.xlsx'))).toBe('file-missing');
  });

  test('a folder is not a file: the system error EISDIR goes up, for the command to put in the user words', async () => {
    await expect(read(dir)).rejects.toMatchObject({ code: 'EISDIR', path: dir });
  });

  test('a real xlsx cut in half', async () => {
    const bytes = fs.readFileSync(SAMPLE);
    const file = write('half.xlsx', bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(await codeOf(read, file)).toBe('file-corrupt');
  });

  test('a real xlsx missing only its last bytes', async () => {
    const bytes = fs.readFileSync(SAMPLE);
    const file = write('tail.xlsx', bytes.subarray(0, bytes.length - 10));
    expect(await codeOf(read, file)).toBe('file-corrupt');
  });

  test('a zip that is not a workbook (no xl/workbook.xml)', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', '<w:document/>');
    const file = write('doc.xlsx', await zip.generateAsync({ type: 'nodebuffer' }));
    expect(await codeOf(read, file)).toBe('file-corrupt');
  });

  test('a legacy .xls written by LibreOffice is read (biff/read-biff.ts)', async () => {
    expect(await codeOf(read, path.join(LIBREOFFICE, 'ledger-two-row-header.xls'))).toBe('ok');
  });

  test('a password-protected workbook (CFB with EncryptedPackage)', async () => {
    const file = write('secret.xlsx', fakeCfb(['EncryptionInfo', 'EncryptedPackage']));
    expect(await codeOf(read, file)).toBe('encrypted');
  });

  test('a CFB with only EncryptedPackage is still encrypted', async () => {
    const file = write('secret2.xlsx', fakeCfb(['EncryptedPackage']));
    expect(await codeOf(read, file)).toBe('encrypted');
  });

  test('a CFB without encryption streams goes to the legacy reader: this one has no sectors behind its directory', async () => {
    const file = write('old.xls', fakeCfb(['Workbook']));
    expect(sniffFile(file)).toBe('xls');
    expect(await codeOf(read, file)).toBe('file-corrupt');
  });

  test('a CSV is not an xlsx', async () => {
    expect(await codeOf(read, path.join(LIBREOFFICE, 'english-tracker.csv'))).toBe('not-xlsx');
  });

  test('garbage named .xlsx is corrupt; an empty .xlsx too', async () => {
    expect(await codeOf(read, write('junk.xlsx', 'hello, not a zip'))).toBe('file-corrupt');
    expect(await codeOf(read, write('empty.xlsx', ''))).toBe('file-corrupt');
  });
});

test('sniffFile says xlsx for real workbooks from both producers, and what else a file is', async () => {
  expect(sniffFile(SAMPLE)).toBe('xlsx');
  expect(sniffFile(path.join(LIBREOFFICE, 'ledger-two-row-header.xlsx'))).toBe('xlsx');
  expect(sniffFile(path.join(LIBREOFFICE, 'ledger-two-row-header.xls'))).toBe('xls');
  expect(sniffFile(path.join(LIBREOFFICE, 'english-tracker.csv'))).toBe('not-xlsx');
  expect(sniffFile(path.join(dir, 'nope.xlsx'))).toBe('file-missing');
  const zip = new JSZip();
  zip.file('word/document.xml', '<w:document/>');
  expect(sniffFile(write('doc2.xlsx', await zip.generateAsync({ type: 'nodebuffer' })))).toBe('file-corrupt');
});

test('the error names the file and tells the user what to do', async () => {
  try {
    await readGrids(path.join(LIBREOFFICE, 'english-tracker.csv'));
    throw new Error('expected a TaizhangError');
  } catch (e) {
    if (!isTaizhangError(e)) throw e;
    const zh = userMessage(e, 'zh');
    expect(zh).toContain('english-tracker.csv');
    expect(zh).toContain('.xlsx');
    expect(zh).not.toMatch(/\n/);
  }
});

test('an empty workbook reads as empty grids (the core then says empty-workbook)', async () => {
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  const file = path.join(dir, 'blank.xlsx');
  await wb.xlsx.writeFile(file);
  expect(await readGrids(file)).toEqual([{ name: 'Sheet1', rows: [], top: 1, left: 1, usedRight: 0 }]);
});
