/**
 * LibreOffice for tests: a second producer and a second reader. Where soffice is missing the tests
 * that need it are skipped with a message on a developer's machine, and FAIL in CI (process.env.CI),
 * where .ci/run installs libreoffice-calc: a missing tool must never pass a test there.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const CANDIDATES = ['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice'];

export const SOFFICE: string | null = CANDIDATES.filter((p) => fs.existsSync(p))[0] || null;

/** describe() when soffice is there; else a failing test in CI, a skipped block elsewhere. */
export function describeWithSoffice(name: string, body: () => void): void {
  if (SOFFICE) describe(name, body);
  else if (process.env.CI) {
    describe(name, () => {
      test('LibreOffice (soffice) is installed', () => {
        throw new Error('soffice not found: CI must install libreoffice-calc and poppler-utils (.ci/run)');
      });
    });
  } else {
    console.log('skipped without LibreOffice: ' + name);
    describe.skip(name, body);
  }
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

/** A tool from poppler-utils (pdftoppm, pdftotext), or null. */
export function poppler(tool: string): string | null {
  return ['/usr/bin/', '/usr/local/bin/'].map((d) => d + tool).filter((p) => fs.existsSync(p))[0] || null;
}
