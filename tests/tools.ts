/**
 * The one rule for tests that need a tool outside node_modules (Debian's chromium, LibreOffice,
 * poppler-utils, the Office manifest schemas, a built dist/): where the tool is there the tests run;
 * where it is missing they FAIL when CI is set (.ci/run installs every one of them), and are skipped
 * with one line saying what is missing on a developer's machine. A missing tool never passes in CI.
 */
import * as fs from 'fs';

/** The first of `paths` that exists, or null. */
export function firstExisting(paths: string[]): string | null {
  return paths.filter((p) => fs.existsSync(p))[0] || null;
}

/** LibreOffice, at one of the places Debian and the LibreOffice packages put it. */
export const SOFFICE: string | null = firstExisting(['/usr/bin/soffice', '/usr/local/bin/soffice', '/usr/lib/libreoffice/program/soffice', '/opt/libreoffice/program/soffice']);

/** A tool from poppler-utils (pdftoppm, pdftotext), or null. */
export function poppler(tool: string): string | null {
  return firstExisting(['/usr/bin/' + tool, '/usr/local/bin/' + tool]);
}

/** The missing-tool line for each of `tools` that is absent: [what, how to get it] pairs with no path. */
export function missingOf(tools: [string | null | boolean, string][]): string[] {
  return tools.filter(([have]) => !have).map(([, what]) => what);
}

export type Gate = { run: true } | { run: false; fail: true; error: string } | { run: false; fail: false; note: string };

/** What a suite named `name` does when `missing` tools are absent, under `env` (CI set or not). */
export function gate(name: string, missing: string[], env: { CI?: string } = process.env): Gate {
  if (!missing.length) return { run: true };
  const what = missing.join('; ');
  if (env.CI) return { run: false, fail: true, error: name + ': missing in CI: ' + what };
  return { run: false, fail: false, note: name + ' skipped: missing ' + what + ' (in CI this fails)' };
}

/** describe() under the rule above: a failing test in CI, describe.skip with a note elsewhere. */
export function describeWithTools(name: string, missing: string[], body: () => void): void {
  const g = gate(name, missing);
  if (g.run) describe(name, body);
  else if (g.fail) {
    describe(name, () => {
      test('has the tools it needs', () => {
        throw new Error(g.error);
      });
    });
  } else {
    console.log(g.note);
    describe.skip(name, body);
  }
}
