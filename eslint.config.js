// ESLint (flat config) over src/, scripts/, tests/ and bench/: the recommended rules of ESLint and of
// typescript-eslint, without the type-checked sets (tsc already checks types, and they are slow).
// A disable comment must name a rule that fires where it stands (reportUnusedDisableDirectives).
'use strict';
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');

const readonly = (names) => Object.fromEntries(names.map((n) => [n, 'readonly']));
const NODE = readonly(['require', 'module', 'exports', '__dirname', '__filename', 'process', 'console', 'Buffer', 'setTimeout', 'clearTimeout', 'setImmediate', 'URL']);
const BROWSER = readonly(['window', 'document', 'navigator', 'console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'XMLHttpRequest', 'location', 'Office', 'Excel', 'OfficeExtension']);

module.exports = tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'lib/', 'coverage/'] },
  {
    files: ['src/**/*.{ts,js}', 'scripts/**/*.{ts,js}', 'tests/**/*.{ts,js}', 'bench/**/*.{ts,js}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // `catch (e)` is how ES5 code (the add-in's, IE11's) catches; a parameter named _x is unused on purpose.
      '@typescript-eslint/no-unused-vars': ['error', { caughtErrors: 'none', argsIgnorePattern: '^_' }],
      // ES5-style methods that hand `this` to nested functions name it self or host.
      '@typescript-eslint/no-this-alias': ['error', { allowedNames: ['self', 'host'] }],
    },
  },
  // Plain scripts run by Node (CommonJS).
  { files: ['scripts/**/*.js', 'tests/**/*.js'], languageOptions: { sourceType: 'commonjs', globals: NODE }, rules: { '@typescript-eslint/no-require-imports': 'off' } },
  // Scripts that run as they are in IE11's page (ES5: var and arguments), msajax.js with the Microsoft
  // Ajax signatures office.js calls (parameters it does not read included).
  {
    files: ['src/msajax/*.js', 'src/wps/addin/*.js', 'tests/e2e/fake-office.js'],
    languageOptions: { sourceType: 'script', globals: BROWSER },
    rules: { 'no-var': 'off', 'prefer-rest-params': 'off', '@typescript-eslint/no-unused-vars': ['error', { args: 'none', caughtErrors: 'none' }] },
  },
  // JScript that Windows Script Host runs (cscript; ES3: var), the WPS installers' publish.xml editor.
  {
    files: ['scripts/wps/publish.js'],
    languageOptions: { sourceType: 'script', globals: { WScript: 'readonly', ActiveXObject: 'readonly' } },
    rules: { 'no-var': 'off' },
  },
  // The host seam (src/host/host.ts): the pane talks to a Host, never to the Office or Excel globals
  // (which rooms import which is scripts/layout.js's, run by npm test).
  {
    files: ['src/taskpane/**/*.ts'],
    rules: { 'no-restricted-globals': ['error', { name: 'Office', message: 'Ask the host (src/host/host.ts).' }, { name: 'Excel', message: 'Ask the host (src/host/host.ts).' }] },
  },
  // The XML writer refuses or escapes the control characters XML 1.0 forbids, by regular expressions
  // that name them; the font test looks for non-ASCII.
  { files: ['src/xlsxlite/xml.ts', 'src/xlsxlite/styles.ts'], rules: { 'no-control-regex': 'off' } },
);
