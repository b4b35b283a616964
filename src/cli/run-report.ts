/**
 * `taizhang report <台账.xlsx>... --out 通报.docx` and `summary --report 通报.docx`: the 通报 as a
 * .docx draft (GB/T 9704-2012 公文格式). The ledgers are read and summarized as `summary` does
 * (run-summary.ts); the core builds the document (core/sheets/tongbao.ts), src/docx writes it with
 * node:zlib's deflate, and the file is written beside its name and renamed over it (writeAtomic), so
 * it is never half written.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Summary, Lang, taizhangError, tongbaoDocument, TongbaoOptions } from '../core';
import { writeDocx } from '../docx';
import { NODE_ZIP } from '../xlsx/spec-writer';
import { writeAtomic } from '../xlsx/write';
import { cliText } from './messages';
import { isSameFile } from './run-check';

/** The .docx must not be one of the inputs and must go into a folder that exists: said before any reading. */
export function assertReportOut(report: string, inputs: string[], lang: Lang): void {
  for (const file of inputs) {
    if (isSameFile(file, report)) throw taizhangError('usage', { message: cliText(lang, 'usage.reportIsInput', { file: report }) });
  }
  const folder = path.dirname(path.resolve(report));
  let isDir = false;
  try {
    isDir = fs.statSync(folder).isDirectory();
  } catch {
    /* missing */
  }
  if (!isDir) throw taizhangError('usage', { message: cliText(lang, 'usage.reportFolder', { dir: path.dirname(report) }) });
}

/** The 通报 of `summary` as .docx bytes (deflated). */
export function reportDocxBytes(summary: Summary, lang: Lang, opts: TongbaoOptions): Buffer {
  const parts: Buffer[] = [];
  writeDocx(tongbaoDocument(summary, lang, opts), (bytes) => parts.push(Buffer.from(bytes)), NODE_ZIP);
  return Buffer.concat(parts);
}

/** Writes the 通报 of `summary` to `out`, atomically. */
export async function writeReportDocx(summary: Summary, out: string, lang: Lang, opts: TongbaoOptions): Promise<void> {
  const bytes = reportDocxBytes(summary, lang, opts);
  await writeAtomic(out, async (tmp) => fs.writeFileSync(tmp, bytes));
}
