/**
 * LibreOffice for tests: a second producer and a second reader. Without soffice (or poppler-utils)
 * the tests that need them follow tests/tools.ts: they fail in CI, and are skipped with a note elsewhere.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describeWithTools, missingOf, poppler, SOFFICE } from '../../tools';

export { poppler, SOFFICE };

/** What LibreOffice tests lack here: soffice, and pdftoppm/pdftotext for the renders. */
export const MISSING_LIBREOFFICE = missingOf([
  [SOFFICE, 'soffice (apt-get install libreoffice-calc)'],
  [poppler('pdftoppm') && poppler('pdftotext'), 'pdftoppm and pdftotext (apt-get install poppler-utils)'],
]);

/** describe() when LibreOffice and poppler-utils are there; else the rule of tests/tools.ts. */
export function describeWithSoffice(name: string, body: () => void): void {
  describeWithTools(name, MISSING_LIBREOFFICE, body);
}

/**
 * Converts `file` with soffice into `outDir` (filter such as 'xlsx', 'pdf', 'csv:...'), with a profile
 * of its own (concurrent soffice processes must not share one). Returns the converted file.
 */
export function convert(file: string, filter: string, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  const profile = path.join(outDir, '.lo-profile');
  execFileSync(SOFFICE as string, ['-env:UserInstallation=file://' + profile, '--headless', '--convert-to', filter, '--outdir', outDir, file], { stdio: 'pipe', timeout: 180000 });
  const ext = filter.split(':')[0];
  const out = path.join(outDir, path.basename(file).replace(/\.[^.]+$/, '') + '.' + ext);
  if (!fs.existsSync(out)) throw new Error('soffice wrote no ' + out);
  return out;
}

