/** Helpers for the xlsx tests: temp folders, and the raw XML inside an .xlsx. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import JSZip from 'jszip';

export const ROOT = path.resolve(__dirname, '../../..');
export const SAMPLE = path.join(ROOT, 'samples', '整改台账-示例.xlsx');
export const LIBREOFFICE = path.join(ROOT, 'tests', 'fixtures', 'libreoffice');

export function tempDir(prefix = 'taizhang-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The XML text of a part of an .xlsx, e.g. 'xl/worksheets/sheet1.xml'. */
export async function xlsxPart(file: string, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(fs.readFileSync(file));
  const entry = zip.file(part);
  if (!entry) throw new Error('no part ' + part + ' in ' + file);
  return entry.async('string');
}

/** The <c> element for `ref` in a worksheet's XML. */
export function cellXml(sheetXml: string, ref: string): string {
  const m = new RegExp('<c r="' + ref + '"[^>]*?(/>|>[\\s\\S]*?</c>)').exec(sheetXml);
  return m ? m[0] : '';
}

/**
 * A minimal OLE compound file (CFB): the 512-byte header with its signature, then a directory sector
 * whose entries carry the given UTF-16LE stream names. Enough for byte sniffing, which is all the
 * reader may do with such a file.
 */
export function fakeCfb(streamNames: string[]): Buffer {
  const header = Buffer.alloc(512);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x003e, 24); // minor version
  header.writeUInt16LE(0x0003, 26); // major version 3
  header.writeUInt16LE(0xfffe, 28); // little-endian
  header.writeUInt16LE(9, 30); // 512-byte sectors
  header.writeUInt16LE(6, 32);
  header.writeUInt32LE(0, 48); // first directory sector
  const dir = Buffer.alloc(512);
  ['Root Entry', ...streamNames].slice(0, 4).forEach((name, i) => {
    const entry = Buffer.alloc(128);
    const utf16 = Buffer.from(name + '\0', 'utf16le');
    utf16.copy(entry, 0);
    entry.writeUInt16LE(utf16.length, 64);
    entry[66] = i === 0 ? 5 : 2; // root storage, then streams
    entry.copy(dir, i * 128);
  });
  return Buffer.concat([header, dir]);
}
