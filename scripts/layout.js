#!/usr/bin/env node
'use strict';
/**
 * The layout's rules, checked over the imports of src/ (npm test runs it through tests/build/layout.test.ts):
 * - data flows one way through the core's stages: a file imports only its own stage or the stages before it
 *   (model, text, words, read, check, aggregate, sheets); the façade src/core/index.ts may import any;
 * - the core is pure: it imports nothing outside src/core (no host, no Node module, no package);
 * - each host imports only the rooms below it (HOSTS); the pane names a host only where it builds it (ENTRY);
 * - no import cycle between files, type-only imports included (a cycle is a seam drawn in the wrong place);
 * - the CLI's start-up path (what src/cli/main.ts loads before a command runs) takes core modules by path,
 *   never the façade, which would load the whole core before `--help` prints;
 * - what `taizhang check` loads (CHECK) takes core modules by path too and loads no workbook writer
 *   (NOT_ON_CHECK): the writer of the checked copy is loaded for --out only, where it is used.
 * Usage: node scripts/layout.js [root]  — prints each violation and exits 1 when there is one.
 */
const fs = require('fs');
const path = require('path');

const STAGES = ['model', 'text', 'words', 'read', 'check', 'aggregate', 'sheets'];
/** The rooms of src/ each room may import (besides itself). The core is listed for completeness: none. */
const HOSTS = {
  core: [],
  host: ['core'],
  xlsxlite: ['core'],
  docx: ['core', 'xlsxlite'],
  xlsx: ['core', 'xlsxlite'],
  cli: ['core', 'xlsx', 'xlsxlite', 'docx'],
  excel: ['core', 'host', 'xlsxlite'],
  wps: ['core', 'host', 'xlsxlite'],
  taskpane: ['core', 'host', 'xlsxlite', 'docx'],
  msajax: [],
};
/** Where a host is constructed, the one file of a room that may name it. */
const ENTRY = { 'src/taskpane/taskpane.ts': ['excel', 'wps'] };

/** The file a command starts from: what it loads statically runs for `--help` too. */
const START = 'src/cli/main.ts';

/** The modules src/cli/main.ts loads for `taizhang check` (its `modules` getters), --out aside. */
const CHECK = ['src/cli/config.ts', 'src/cli/inputs.ts', 'src/cli/run-check.ts', 'src/xlsx/sniff.ts', 'src/cli/json.ts', 'src/cli/json-stream.ts', 'src/cli/report.ts', 'src/cli/os-errors.ts'];
/** What the check's path does not load: the whole core (the façade) and the workbook writers. */
const NOT_ON_CHECK = ['src/core/index.ts', 'src/xlsx/patch.ts', 'src/xlsx/spec-writer.ts', 'src/xlsxlite/index.ts'];

const IMPORT = /(?:^|\n)\s*(?:import|export)\s+(?:type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?'([^']+)'|import\(\s*(?:\/\*[^*]*\*\/\s*)?'([^']+)'\s*\)|require\(\s*'([^']+)'\s*\)/g;

function walk(dir, out) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (/\.ts$/.test(e.name) && !/\.d\.ts$/.test(e.name)) out.push(p);
  }
  return out;
}

function stripComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, (m) => m.replace(/[^\n]/g, ' ')).replace(/(^|[^:'"\\])\/\/[^\n]*/g, '$1');
}

function resolveImport(from, spec) {
  const base = path.resolve(path.dirname(from), spec);
  for (const c of [base + '.ts', path.join(base, 'index.ts'), base]) if (fs.existsSync(c) && fs.statSync(c).isFile()) return c;
  return null;
}

/** Room and, in the core, stage of a file under src/. */
function placeOf(src, file) {
  const parts = path.relative(src, file).split(path.sep);
  const room = parts[0];
  const stage = room === 'core' && parts.length > 2 ? parts[1] : null;
  return { room, stage };
}

function checkLayout(root) {
  const src = path.join(root, 'src');
  const files = walk(src, []);
  const edges = new Map();
  const eagerEdges = new Map();
  const problems = [];
  const rel = (f) => path.relative(root, f).split(path.sep).join('/');
  for (const file of files) {
    const text = stripComments(fs.readFileSync(file, 'utf8'));
    const from = placeOf(src, file);
    const targets = [];
    const eager = [];
    let m;
    IMPORT.lastIndex = 0;
    while ((m = IMPORT.exec(text))) {
      const spec = m[1] || m[2] || m[3];
      if (!spec.startsWith('.')) {
        if (from.room === 'core') problems.push(`${rel(file)}: the core imports '${spec}' (it must stay pure)`);
        continue;
      }
      const target = resolveImport(file, spec);
      if (!target || !target.startsWith(src + path.sep)) continue;
      targets.push(target);
      if (m[1] && !/^\s*(?:import|export)\s+type\b/.test(m[0])) eager.push(target);
      const to = placeOf(src, target);
      if (to.room !== from.room) {
        const allowed = (HOSTS[from.room] || []).concat(ENTRY[rel(file)] || []);
        if (allowed.indexOf(to.room) < 0) problems.push(`${rel(file)}: ${from.room}/ imports ${rel(target)} (${from.room}/ may import ${allowed.join(', ') || 'nothing outside itself'})`);
      } else if (from.room === 'core' && from.stage && to.stage && STAGES.indexOf(to.stage) > STAGES.indexOf(from.stage)) {
        problems.push(`${rel(file)}: ${from.stage}/ imports ${rel(target)}, a later stage (${STAGES.join(' -> ')})`);
      } else if (from.room === 'core' && from.stage && !to.stage) {
        problems.push(`${rel(file)}: imports the façade ${rel(target)} from inside the core`);
      }
    }
    edges.set(file, targets);
    eagerEdges.set(file, eager);
  }
  const facade = path.join(src, 'core', 'index.ts');
  const startPath = reach(eagerEdges, path.join(root, START));
  for (const file of startPath) {
    if ((eagerEdges.get(file) || []).indexOf(facade) >= 0) problems.push(`${rel(file)}: on the CLI's start-up path, imports the façade (take core modules by path)`);
  }
  const checkPath = new Set();
  for (const start of CHECK) for (const f of reach(eagerEdges, path.join(root, start))) checkPath.add(f);
  const notOnCheck = NOT_ON_CHECK.map((f) => path.join(root, f));
  for (const file of [...checkPath].sort()) {
    for (const target of eagerEdges.get(file) || []) {
      if (notOnCheck.indexOf(target) >= 0) problems.push(`${rel(file)}: on \`taizhang check\`'s path, imports ${rel(target)} (take core modules by path; load a writer where it is used)`);
    }
  }
  for (const group of cycles(edges)) problems.push('import cycle among: ' + group.map(rel).join(', '));
  return problems;
}

/** Every file reached from `start` through `edges`, sorted. */
function reach(edges, start) {
  const seen = new Set();
  const stack = edges.has(start) ? [start] : [];
  while (stack.length) {
    const f = stack.pop();
    if (seen.has(f)) continue;
    seen.add(f);
    for (const t of edges.get(f) || []) stack.push(t);
  }
  return [...seen].sort();
}

/** The files of each strongly connected group of more than one file (or of a file importing itself), sorted. */
function cycles(edges) {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const out = [];
  function strong(v) {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of edges.get(v) || []) {
      if (!idx.has(w)) {
        strong(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const group = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        group.push(w);
      } while (w !== v);
      if (group.length > 1 || (edges.get(v) || []).indexOf(v) >= 0) out.push(group.sort());
    }
  }
  for (const v of [...edges.keys()].sort()) if (!idx.has(v)) strong(v);
  return out;
}

module.exports = { checkLayout, STAGES, HOSTS, ENTRY };

if (require.main === module) {
  const problems = checkLayout(path.resolve(process.argv[2] || path.join(__dirname, '..')));
  for (const p of problems) process.stdout.write(p + '\n');
  process.stdout.write(problems.length ? problems.length + ' layout problem(s)\n' : 'layout: ok\n');
  process.exit(problems.length ? 1 : 0);
}
