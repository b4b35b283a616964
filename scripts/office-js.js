/**
 * office.js as the add-in serves it: which files of @microsoft/office-js are copied to dist/office-js/,
 * and the build-time transform that makes them send nothing out (docs/deploy.md, "office.js").
 *
 * Each rule replaces one known pattern. A rule that no longer matches in a file it must match in
 * throws, and so does any copied file that still names an origin outside ALLOWED_HOSTS afterwards:
 * webpack reports the throw as a build error, so a new @microsoft/office-js that moved or renamed
 * what we neutralize fails the build instead of shipping a pane that phones home.
 *
 * Note: the office.js licence (node_modules/@microsoft/office-js/LICENSE.md) forbids modifying the
 * Distributable Code; these edits change only where it loads from and whether it reports telemetry.
 */
'use strict';

/**
 * The files an Excel host loads at run time, besides office.js (read from office.js's loader and seen
 * by running it: tests/e2e/office-js.e2e.test.ts): the host scripts chosen by platform and version
 * (debug builds and the mobile/WinRT ones left out), the 2013 file map that office.js loads when the
 * page has no host information, and the zh-CN and en-US strings. telemetry/ is left out on purpose.
 */
const OFFICE_FILES = [
  'office.js',
  'o15apptofilemappingtable.js',
  'excel-15*.js',
  'excel-win32-*.js',
  'excel-web-*.js',
  'excel-mac-*.js',
  'excelwebapp-*.js',
  'zh-cn/office_strings.js',
  'en-us/office_strings.js',
];

/** Our MS Ajax (src/msajax/msajax.js), served beside taskpane.html; a path relative to the page. */
const MSAJAX_URL = 'msajax.js';

const RULES = [
  {
    id: 'ms-ajax-from-our-origin',
    why: 'office.js and the host scripts fetch MicrosoftAjax.js from ajax.aspnetcdn.com when MS Ajax is absent; ours is loaded first, and any fallback fetch goes to our own copy',
    find: /\((?:window\.location\.protocol\.toLowerCase\(\)===?"https:"|"https:"===?window\.location\.protocol\.toLowerCase\(\))\?"https:":"http:"\)\+"\/\/ajax\.aspnetcdn\.com\/ajax\/3\.5\/MicrosoftAjax\.js"/g,
    replace: JSON.stringify(MSAJAX_URL),
    in: ['office.js', 'o15apptofilemappingtable.js', 'excel-win32-16.00.js', 'excel-win32-16.01.js'],
  },
  {
    id: 'uls-proxy-frame',
    why: 'the 16.00 host script and the 2013 file map open a hidden iframe to a Microsoft telemetry service 3 s after load (ULSEndpointProxy.loadProxyFrame)',
    find: /(\.prototype\.loadProxyFrame=function\(\)\{)(?!\})/g,
    replace: '$1return;',
    in: ['o15apptofilemappingtable.js', 'excel-win32-16.00.js'],
  },
  {
    id: 'uls-endpoint',
    why: 'the address of that iframe',
    find: /"https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/telemetryservice\/telemetryproxy\.html"/g,
    replace: '"about:blank"',
    in: ['o15apptofilemappingtable.js', 'excel-win32-16.00.js'],
  },
  {
    id: 'otel-sink',
    why: 'office.js loads telemetry/oteljs_agave.js after onReady, which reports to Microsoft (an Aria sink on the 2016/2019 volume builds)',
    find: /(\.promises=\[\];\w+\.Enabled=)true(;return \w+\}\(\);\w+\.OTelLogger=)/g,
    replace: '$1false$2',
    in: ['office.js'],
  },
  {
    id: 'msal-cdn',
    why: 'first-party sign-in would load MSAL from a Microsoft CDN; the add-in never signs in',
    find: /"https:\/\/alcdn\.msauth\.net\/browser\/[0-9.]+\/js\/msal-browser\.min\.js"/g,
    replace: 'null',
    in: ['excel-win32-16.01.js'],
  },
];

/**
 * Hosts that may still appear in the copied files, and why none of them is ever requested by the pane:
 * links inside error texts and comments (opened only if a user clicks one), and the pseudo-host a
 * desktop Excel answers itself.
 */
const ALLOWED_HOSTS = {
  'go.microsoft.com': 'fwlink in the text of an error message',
  'docs.microsoft.com': 'link in the text of an error message (office_strings.js)',
  'support.microsoft.com': 'link a user may click in an error dialog of Office on the web',
  'raw.githubusercontent.com': 'the es6-promise licence, in a comment',
  'document.localhost': 'the local-document REST prefix that Excel itself answers, never a network host',
};

/** Every host named in a script: //host.tld, with or without a scheme. */
function hostsIn(text) {
  const out = {};
  const re = /(?:https?:)?\/\/([a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})(?=[/:"'?#\s)]|$)/gi;
  let m;
  while ((m = re.exec(text))) out[m[1].toLowerCase()] = true;
  return Object.keys(out).sort();
}

/**
 * The copied file `rel` (a path under office-js/, e.g. 'excel-win32-16.00.js') as dist/ serves it.
 * Throws when a rule that must match in it does not, or when it still names a host outside ALLOWED_HOSTS.
 */
function transformOfficeFile(rel, text) {
  const name = String(rel).replace(/\\/g, '/');
  let out = String(text);
  for (const rule of RULES) {
    let count = 0;
    out = out.replace(rule.find, (...args) => {
      count++;
      return rule.replace.replace(/\$(\d)/g, (w, i) => args[+i] || '');
    });
    if (count === 0 && rule.in.indexOf(name) >= 0) {
      throw new Error('office-js transform "' + rule.id + '": its pattern is gone from ' + name + ' (' + rule.why + '). Update scripts/office-js.js for this @microsoft/office-js.');
    }
  }
  const foreign = hostsIn(out).filter((h) => !Object.prototype.hasOwnProperty.call(ALLOWED_HOSTS, h));
  if (foreign.length) {
    throw new Error('office-js transform: ' + name + ' still names ' + foreign.join(', ') + '. Neutralize it in scripts/office-js.js or, if it is never requested, add it to ALLOWED_HOSTS with the reason.');
  }
  return out;
}

module.exports = { OFFICE_FILES, RULES, ALLOWED_HOSTS, MSAJAX_URL, hostsIn, transformOfficeFile };
