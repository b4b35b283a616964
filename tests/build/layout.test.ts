/**
 * The layout's rules (scripts/layout.js): stages import only earlier stages, the core stays pure, hosts import
 * only the rooms below them, the CLI's start-up path and `taizhang check`'s path take the core by path
 * (and the check's loads no writer), and no import cycle. Checked on src/ itself, and on a small tree with one
 * planted breach of each rule, so that the checker is known to see them.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkLayout } = require('../../scripts/layout.js') as { checkLayout: (root: string) => string[] };

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-layout-'));
  for (const [name, text] of Object.entries(files)) {
    const p = path.join(root, name);
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, text);
  }
  return root;
}

test('src/ keeps the layout: no stage imports a later one, no host a room above it, no cycle', () => {
  expect(checkLayout(path.resolve(__dirname, '../..'))).toEqual([]);
});

test('each planted breach is named, and nothing else', () => {
  const root = tree({
    'src/core/model/grid.ts': 'export type IsoDate = string;\n',
    'src/core/text/dates.ts': "import { IsoDate } from '../model/grid';\nexport const d: IsoDate = '';\n",
    // read/ importing sheets/: up the pipeline
    'src/core/read/ledger.ts': "import { s } from '../sheets/summary';\nexport const l = s;\n",
    'src/core/sheets/summary.ts': "import { d } from '../text/dates';\nexport const s = d;\n",
    // the core importing Node
    'src/core/check/flags.ts': "import * as fs from 'fs';\nexport const f = fs;\n",
    // a comment that names an import is not one
    'src/core/check/rules.ts': "// import { x } from '../../cli/main';\nexport const r = 1;\n",
    'src/core/index.ts': "export { s } from './sheets/summary';\n",
    // the CLI importing the Excel host; a cycle between two CLI files
    'src/cli/main.ts': "import { e } from '../excel/read';\nimport { a } from './args';\nexport const m = e + a;\n",
    // args is on the start-up path (main loads it before any command), so it may not load the façade
    'src/cli/args.ts': "import { m } from './main';\nimport { s } from '../core';\nexport const a = m + s;\n",
    'src/excel/read.ts': "import { s } from '../core';\nexport const e = s;\n",
    // On `taizhang check`'s path: the patch writer loaded eagerly, and the façade for a value; a
    // type from the façade loads nothing, and the writer required where it is used is not on the path.
    'src/cli/run-check.ts': "import { p } from '../xlsx/patch';\nexport const c = p;\n",
    'src/xlsx/patch.ts': "export const p = 1;\n",
    'src/cli/json.ts': "import { s } from '../core';\nexport const j = s;\n",
    'src/cli/report.ts': "import type { IsoDate } from '../core';\nimport { d } from '../core/text/dates';\nexport const r: IsoDate = d;\nexport const w = () => require('../xlsx/patch');\n",
  });
  expect(checkLayout(root)).toEqual([
    'src/cli/main.ts: cli/ imports src/excel/read.ts (cli/ may import core, xlsx, xlsxlite, docx)',
    "src/core/check/flags.ts: the core imports 'fs' (it must stay pure)",
    'src/core/read/ledger.ts: read/ imports src/core/sheets/summary.ts, a later stage (model -> text -> words -> read -> check -> aggregate -> sheets)',
    "src/cli/args.ts: on the CLI's start-up path, imports the façade (take core modules by path)",
    "src/excel/read.ts: on the CLI's start-up path, imports the façade (take core modules by path)",
    "src/cli/json.ts: on `taizhang check`'s path, imports src/core/index.ts (take core modules by path; load a writer where it is used)",
    "src/cli/run-check.ts: on `taizhang check`'s path, imports src/xlsx/patch.ts (take core modules by path; load a writer where it is used)",
    'import cycle among: src/cli/args.ts, src/cli/main.ts',
  ]);
});
