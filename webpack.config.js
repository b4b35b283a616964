/**
 * The task-pane bundle. ES5 for IE11 (Excel 2016/2019), office.js served from our own origin, and
 * the manifest written for the URL given at build time:
 *   npm run build -- --env url=https://intranet.example/taizhang/   -> dist/ (manifest.xml included)
 *   npm start                                                       -> https://localhost:3000
 * exceljs is never imported by the pane (src/taskpane and src/excel do not reach src/xlsx).
 */
'use strict';
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');
const { buildManifest, DEV_URL } = require('./scripts/manifest');

const OFFICE_DIST = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');
const FIRST_LOAD_BUDGET = 300 * 1024;

/**
 * The office.js files an Excel host loads at run time, besides office.js: the host-specific API
 * scripts (chosen by host, platform and version; the debug builds and the mobile/WinRT ones are
 * left out), the 2013 file map, the telemetry sink office.js requests (same-origin, so no request
 * leaves the intranet), and the zh-CN and en-US strings.
 */
const OFFICE_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-15*.js',
  'excel-win32-*.js',
  'excel-web-*.js',
  'excel-mac-*.js',
  'excelwebapp-*.js',
  'telemetry/oteljs_agave.js',
  'zh-cn/office_strings.js',
  'en-us/office_strings.js',
];

async function httpsOptions() {
  // Only for `npm start`: installs (once) and returns the trusted localhost certificate.
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, argv = {}) => {
  const production = argv.mode === 'production';
  const serving = !!env.WEBPACK_SERVE;
  const url = env.url || DEV_URL;

  return {
    mode: production ? 'production' : 'development',
    target: ['web', 'es5'],
    entry: { taskpane: ['./src/taskpane/polyfills.ts', './src/taskpane/taskpane.ts'] },
    output: {
      path: path.resolve(__dirname, 'dist'),
      filename: '[name].js',
      chunkFilename: '[name].[contenthash:8].js',
      publicPath: '',
      clean: true,
    },
    devtool: production ? false : 'source-map',
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [{ test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json' } } }],
    },
    optimization: {
      minimizer: [new TerserPlugin({ extractComments: false, terserOptions: { ecma: 5, ie8: false, format: { ascii_only: true, comments: false } } })],
    },
    performance: {
      // The first-load budget, enforced: office.js and its host scripts are not ours and load apart.
      hints: production ? 'error' : false,
      maxEntrypointSize: FIRST_LOAD_BUDGET,
      maxAssetSize: FIRST_LOAD_BUDGET,
      assetFilter: (file) => /\.js$/.test(file) && file.indexOf('office-js/') !== 0,
    },
    plugins: [
      new HtmlWebpackPlugin({
        template: './src/taskpane/taskpane.html',
        filename: 'taskpane.html',
        chunks: ['taskpane'],
        inject: 'body',
        scriptLoading: 'blocking',
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => buildManifest(content.toString('utf8'), url) },
        ].concat(
          // Keep the folder layout (zh-cn/, telemetry/): office.js loads them relative to itself.
          // Already minified by Microsoft: not minified again.
          OFFICE_FILES.map((f) => ({
            from: f,
            context: OFFICE_DIST,
            to: 'office-js/' + (path.posix.dirname(f) === '.' ? '' : path.posix.dirname(f) + '/') + '[name][ext]',
            globOptions: { ignore: ['**/*.debug.js'] },
            info: { minimized: true },
          })),
        ),
      }),
    ],
    devServer: serving
      ? {
          port: 3000,
          host: 'localhost',
          server: { type: 'https', options: await httpsOptions() },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
          liveReload: true,
          client: { overlay: false },
        }
      : undefined,
  };
};
