/**
 * The rule for tests that need a tool outside node_modules (tests/tools.ts): run where it is, fail in
 * CI where it is missing, skip with one line elsewhere. The e2e, manifest-schema, built-manifest and
 * LibreOffice suites all go through it.
 */
import { spawnSync } from 'child_process';
import * as path from 'path';
import { gate, missingOf } from './tools';

const ROOT = path.resolve(__dirname, '..');

test('missingOf names what is absent, in order', () => {
  expect(missingOf([['/usr/bin/x', 'x'], [null, 'soffice (apt-get install libreoffice-calc)'], [true, 'dist'], [false, 'chromium']])).toEqual([
    'soffice (apt-get install libreoffice-calc)',
    'chromium',
  ]);
});

test('nothing missing: the suite runs, CI or not', () => {
  expect(gate('e2e', [], { CI: 'true' })).toEqual({ run: true });
  expect(gate('e2e', [], {})).toEqual({ run: true });
});

test('a tool missing in CI is a failure that names it; elsewhere a skip with one line', () => {
  expect(gate('task pane in headless Chromium', ['/usr/bin/chromium (apt-get install chromium)'], { CI: 'true' })).toEqual({
    run: false, fail: true, error: 'task pane in headless Chromium: missing in CI: /usr/bin/chromium (apt-get install chromium)',
  });
  expect(gate('LibreOffice opens it', ['soffice (apt-get install libreoffice-calc)', 'pdftoppm and pdftotext (apt-get install poppler-utils)'], {})).toEqual({
    run: false, fail: false,
    note: 'LibreOffice opens it skipped: missing soffice (apt-get install libreoffice-calc); pdftoppm and pdftotext (apt-get install poppler-utils) (in CI this fails)',
  });
});

describe('a suite whose tool is missing, run by jest itself', () => {
  const jest = (env: NodeJS.ProcessEnv) => {
    const config = JSON.stringify({
      rootDir: ROOT, roots: ['<rootDir>/tests/fixtures/tools'], testMatch: ['**/gate.fixture.ts'], testEnvironment: 'node',
      transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.test.json', isolatedModules: true }] },
    });
    const rest = { ...process.env };
    delete rest.CI;
    return spawnSync(process.execPath, [path.join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js'), '--config', config, '--ci'], {
      cwd: ROOT, env: { ...rest, ...env }, encoding: 'utf8', timeout: 60000,
    });
  };

  test('fails under CI=true, naming the tool', () => {
    const r = jest({ CI: 'true' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('✕ has the tools it needs');
    expect(r.stderr).toContain('a suite that needs /nonexistent/tool: missing in CI: /nonexistent/tool (apt-get install nothing)');
    expect(r.stderr).toMatch(/Tests: +1 failed, 1 total/);
  }, 60000);

  test('is skipped without CI, with one line saying what is missing', () => {
    const r = jest({});
    expect(r.status).toBe(0);
    expect(r.stdout + r.stderr).toContain('a suite that needs /nonexistent/tool skipped: missing /nonexistent/tool (apt-get install nothing) (in CI this fails)');
    expect(r.stderr).toMatch(/Tests: +1 skipped, 1 total/);
  }, 60000);
});
