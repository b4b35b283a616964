/**
 * What the task-pane tests in headless Chromium share: a static server for dist/ on an ephemeral
 * localhost port, Debian's chromium through playwright-core (no browser is ever downloaded), and the
 * rule for a missing tool: locally the suite is skipped with a note, in CI (CI set) it fails.
 */
import * as fs from 'fs';
import * as http from 'http';
import * as os from 'os';
import * as path from 'path';
import { chromium, BrowserContext } from 'playwright-core';
import { describeWithTools, missingOf } from '../tools';

export const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist');
/** The one browser the tests use; .ci/run installs it (Debian's chromium). */
export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = path.join(__dirname, 'artifacts');

/** What the browser tests lack here: the built pane and the browser. */
export function missingForBrowser(): string[] {
  return missingOf([
    [fs.existsSync(path.join(DIST, 'taskpane.html')), 'dist/taskpane.html (run `npm run build` first)'],
    [fs.existsSync(CHROMIUM), CHROMIUM + ' (apt-get install chromium)'],
  ]);
}

/** describe under tests/tools.ts's rule: a missing browser or build fails in CI, is skipped with a note elsewhere. */
export function describeInBrowser(name: string, body: () => void): void {
  describeWithTools(name, missingForBrowser(), body);
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'application/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** A tiny static server for a folder on an ephemeral localhost port. */
export function serve(root: string): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const rel = decodeURIComponent((req.url || '/').split('?')[0]).replace(/^\/+/, '') || 'taskpane.html';
    const file = path.resolve(root, rel);
    if (file.indexOf(root) !== 0 || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404);
      res.end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** Headless Chromium with a fresh profile and no background traffic of its own. */
export async function launch(viewport = { width: 360, height: 1100 }): Promise<Browser> {
  const profile = await fs.promises.mkdtemp(path.join(os.tmpdir(), 'taizhang-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return {
    context,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** Requests that leave `origin` (data:, about: and blob: URLs stay in the page). */
export function foreign(requests: string[], origin: string): string[] {
  return requests.filter((u) => !(u.indexOf(origin + '/') === 0 || /^(data|about|blob):/.test(u)));
}
