/**
 * The task-pane bundle. ES5 for IE11 (Excel 2016/2019), office.js served from our own origin (with our
 * MS Ajax before it and its telemetry neutralized: scripts/office-js.js), and the manifest written
 * for the URL given at build time:
 *   npm run build -- --env url=https://intranet.example/taizhang/   -> dist/ (manifest.xml included)
 *   npm start                                                       -> http://localhost:3000 (no certificate)
 *   npm run start:https                                             -> https://localhost:3000 (for Excel)
 * exceljs is never imported by the pane (src/taskpane and src/excel do not reach src/xlsx).
 */
'use strict';
const path = require('path');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const TerserPlugin = require('terser-webpack-plugin');
const { buildManifest, DEV_URL } = require('./scripts/manifest');
const { OFFICE_FILES, transformOfficeFile } = require('./scripts/office-js');

const webpack = require('webpack');
const { WPS_FOLDER, wpsPane } = require('./scripts/wps/addin');

const OFFICE_DIST = path.resolve(__dirname, 'node_modules/@microsoft/office-js/dist');
const FIRST_LOAD_BUDGET = 300 * 1024;

async function httpsOptions() {
  // Only for `npm run start:https`: installs (once) and returns the trusted localhost certificate
  // (README, "Develop": on Windows it goes to the current user's store, no admin rights needed).
  const devCerts = require('office-addin-dev-certs');
  const o = await devCerts.getHttpsServerOptions();
  return { ca: o.ca, key: o.key, cert: o.cert };
}

module.exports = async (env = {}, argv = {}) => {
  if (env.wps) return wpsConfig(argv.mode === 'production');
  const production = argv.mode === 'production';
  const serving = !!env.WEBPACK_SERVE;
  const url = env.url || DEV_URL;
  // The development manifest (the repo's own, with its own Id) unless this is a production build.
  const manifest = (xml) => (production ? buildManifest(xml, url) : env.url ? xml.split(DEV_URL).join(url) : xml);

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
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json' } } },
        // The core is pure (no module does anything when loaded), so what the pane does not use of the
        // façade (src/core/index.ts) is left out, and the comparison stays in its lazy chunk.
        { test: /[\\/]src[\\/]core[\\/]/, sideEffects: false },
        // This bundle builds the Excel host (taskpane.ts, __TZ_HOST__): the WPS host is left out.
        { test: /[\\/]src[\\/]wps[\\/]/, sideEffects: false },
        // WPS's pane words (strings-wps.ts) likewise: only the WPS bundle registers them.
        { test: /[\\/]src[\\/]taskpane[\\/]strings-wps\.ts$/, sideEffects: false },
      ],
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
      new webpack.DefinePlugin({ __TZ_HOST__: JSON.stringify('excel') }),
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
          { from: 'src/taskpane/help.html', to: 'help.html' },
          // Our MS Ajax (src/msajax/msajax.js), loaded by taskpane.html before office.js.
          { from: 'src/msajax/msajax.js', to: 'msajax.js', info: { minimized: true } },
          { from: 'manifest.xml', to: 'manifest.xml', transform: (content) => manifest(content.toString('utf8')) },
        ].concat(
          // Keep the folder layout (zh-cn/): office.js loads them relative to itself. Already
          // minified by Microsoft: not minified again. The transform throws (a build error) when a
          // pattern it neutralizes is gone.
          OFFICE_FILES.map((f) => ({
            from: f,
            context: OFFICE_DIST,
            to: 'office-js/' + (path.posix.dirname(f) === '.' ? '' : path.posix.dirname(f) + '/') + '[name][ext]',
            globOptions: { ignore: ['**/*.debug.js'] },
            info: { minimized: true },
            transform: {
              transformer: (content, absoluteFrom) => transformOfficeFile(path.relative(OFFICE_DIST, absoluteFrom).split(path.sep).join('/'), content.toString('utf8')),
              cache: false,
            },
          })),
        ),
      }),
    ],
    devServer: serving
      ? {
          port: 3000,
          host: 'localhost',
          // http by default: no certificate, no admin rights (the browser and its tests). Excel needs
          // https: `npm run start:https` (webpack serve --env https).
          server: env.https ? { type: 'https', options: await httpsOptions() } : { type: 'http' },
          headers: { 'Access-Control-Allow-Origin': '*' },
          static: false,
          hot: false,
          liveReload: true,
          client: { overlay: false },
        }
      : undefined,
  };
};

/**
 * `npm run build:wps`: the WPS add-in folder (dist-wps/taizhang_<version>/). The same pane and core,
 * the WPS host in place of Excel's (__TZ_HOST__), no office.js, and the add-in's own files
 * (scripts/wps/addin.js: ribbon.xml, index.html and ribbon.js, the probe); scripts/wps/package.js
 * then writes the installers beside the folder.
 */
function wpsConfig(production) {
  return {
    mode: production ? 'production' : 'development',
    target: ['web', 'es5'],
    entry: { taskpane: ['./src/taskpane/polyfills.ts', './src/taskpane/taskpane.ts'] },
    output: { path: path.resolve(__dirname, 'dist-wps', WPS_FOLDER), filename: '[name].js', chunkFilename: '[name].[contenthash:8].js', publicPath: '', clean: true },
    devtool: false,
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        { test: /\.ts$/, exclude: /node_modules/, use: { loader: 'ts-loader', options: { configFile: 'tsconfig.addin.json' } } },
        { test: /[\\/]src[\\/](core|excel)[\\/]/, sideEffects: false },
      ],
    },
    optimization: {
      minimizer: [new TerserPlugin({ extractComments: false, terserOptions: { ecma: 5, ie8: false, format: { ascii_only: true, comments: false } } })],
    },
    performance: { hints: production ? 'error' : false, maxEntrypointSize: FIRST_LOAD_BUDGET, maxAssetSize: FIRST_LOAD_BUDGET, assetFilter: (file) => /\.js$/.test(file) },
    plugins: [
      new webpack.DefinePlugin({ __TZ_HOST__: JSON.stringify('wps') }),
      new HtmlWebpackPlugin({ templateContent: wpsPane(), filename: 'taskpane.html', chunks: ['taskpane'], inject: 'body', scriptLoading: 'blocking', minify: false }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/*.png', to: 'assets/[name][ext]' },
          { from: 'src/taskpane/taskpane.css', to: 'taskpane.css' },
          // help.html is WPS's own (src/wps/addin): the Excel one tells how to open it in Excel.
          { from: 'src/wps/addin/*', to: '[name][ext]' },
        ],
      }),
    ],
  };
}
