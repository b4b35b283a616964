#!/usr/bin/env node
/**
 * The manifest for a deployment URL, and a lint for what the Office XSDs do not catch.
 *
 * manifest.xml at the repo root is the dev manifest (https://localhost:3000/). The production build
 * (webpack.config.js) calls buildManifest() with the URL given as `--env url=...`, so one file is
 * the source of both. Used from the command line too:
 *   node scripts/manifest.js https://intranet.example/taizhang/ > manifest.prod.xml
 *   node scripts/manifest.js --lint manifest.xml
 */
'use strict';
const fs = require('fs');
const path = require('path');

const DEV_URL = 'https://localhost:3000/';

/**
 * The add-in's Ids. Office keys a sideloaded add-in by its Id, so the development manifest (the
 * repo's manifest.xml) and the production one differ, and both can be installed at once. The
 * production Id is the one deployed manifests have always carried: keep it.
 */
const DEV_ID = '98e6ab29-20f0-424c-92d0-88d17df9a117';
const PROD_ID = 'a7ab453b-4a2f-4190-b4f9-aa93d37c5c1a';

/** What the production manifest says about itself, in place of the development comment. */
const PROD_COMMENT = [
  '<!--',
  '  整改台账助手 (Taizhang): the Excel task-pane add-in, served from {url}.',
  '  Written by the production build (npm run build with env url={url}) from the repository\'s',
  '  manifest.xml. ExcelApi 1.1 is the floor (Excel 2016 volume licences). Excel 2016 and 2019 volume',
  '  licences have no add-in commands: there it opens from 插入 > 我的加载项 > 共享文件夹; the ribbon',
  '  button below appears only in Excel 2021 and Microsoft 365.',
  '-->',
].join('\n');

const DEV_NAME_SUFFIX = { zh: '（开发版）', en: ' (development)' };

/** The deployment URL with a trailing slash. Office refuses add-ins over plain http. */
function normalizeUrl(url) {
  const u = String(url || '').trim();
  if (!/^https:\/\/[^\s/]+/i.test(u)) {
    throw new Error('The add-in URL must start with https:// (Office loads add-ins only over https): ' + u);
  }
  return u.endsWith('/') ? u : u + '/';
}

/** Replaces `what` in `xml`, which must hold it: a manifest that changed shape fails the build. */
function replaceOnce(xml, what, by, label) {
  if (xml.indexOf(what) < 0) throw new Error('manifest.xml: ' + label + ' not found (' + what + ')');
  return xml.split(what).join(by);
}

/**
 * The production manifest for a deployment URL: every dev URL replaced by it, the production Id,
 * the plain display name and a comment that says what it is.
 */
function buildManifest(xml, url) {
  const base = normalizeUrl(url);
  let out = xml.split(DEV_URL).join(base);
  out = replaceOnce(out, '<Id>' + DEV_ID + '</Id>', '<Id>' + PROD_ID + '</Id>', 'the development Id');
  out = replaceOnce(out, DEV_NAME_SUFFIX.zh + '"', '"', 'the development name (zh)');
  out = replaceOnce(out, DEV_NAME_SUFFIX.en + '"', '"', 'the development name (en)');
  const comment = /^(<\?xml[^>]*>\s*)<!--[\s\S]*?-->/.exec(out);
  if (!comment) throw new Error('manifest.xml: the comment after the XML declaration is missing');
  return comment[1] + PROD_COMMENT.split('{url}').join(base) + out.slice(comment[0].length);
}

/** Width and height from a PNG's IHDR chunk, or null when the bytes are not a PNG. */
function pngSize(buf) {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!buf || buf.length < 24 || sig.some((b, i) => buf[i] !== b)) return null;
  if (buf.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function attr(tag, name) {
  const m = new RegExp('\\s' + name + '="([^"]*)"').exec(tag);
  return m ? m[1] : null;
}

/**
 * What the XSDs miss: icon sizes, resids used but undefined or defined twice, non-https URLs.
 * resolveAsset(url) returns a local file path for an icon URL (or null to skip the size check).
 * Returns a list of problems; empty means clean.
 */
function lintManifest(xml, resolveAsset) {
  const problems = [];
  const body = xml.replace(/<!--[\s\S]*?-->/g, '');

  // 1. Every URL is https.
  const urlRe = /(?:DefaultValue|Value)="(https?:\/\/[^"]*)"|<(?:AppDomain|SourceLocation)>\s*(https?:[^<\s]*)/g;
  let m;
  while ((m = urlRe.exec(body))) {
    const url = m[1] || m[2];
    if (!/^https:\/\//i.test(url)) problems.push('non-https URL: ' + url);
  }
  const anyHttp = body.match(/\bhttp:\/\/(?!schemas\.microsoft\.com|www\.w3\.org)[^"<\s]*/g) || [];
  for (const u of anyHttp) if (problems.indexOf('non-https URL: ' + u) < 0) problems.push('non-https URL: ' + u);

  // 2. Resources: each id defined once; each resid used is defined.
  const resources = {};
  const defRe = /<bt:(Image|Url|String)\s[^>]*\bid="([^"]+)"[^>]*>/g;
  while ((m = defRe.exec(body))) {
    const id = m[2];
    if (resources[id]) problems.push('resource id defined twice: ' + id);
    else resources[id] = { kind: m[1], url: attr(m[0], 'DefaultValue') };
  }
  const useRe = /\bresid="([^"]+)"/g;
  const used = {};
  while ((m = useRe.exec(body))) {
    used[m[1]] = true;
    if (!resources[m[1]]) problems.push('resid used but not defined: ' + m[1]);
  }

  // 3. Icon sizes: IconUrl 32, HighResolutionIconUrl 64, ribbon images at their declared size.
  const wanted = [];
  const icon = /<IconUrl\s[^>]*DefaultValue="([^"]+)"/.exec(body);
  if (icon) wanted.push({ what: 'IconUrl', url: icon[1], size: 32 });
  else problems.push('IconUrl is missing');
  const hi = /<HighResolutionIconUrl\s[^>]*DefaultValue="([^"]+)"/.exec(body);
  if (hi) wanted.push({ what: 'HighResolutionIconUrl', url: hi[1], size: 64 });
  const imgRe = /<bt:Image\s+size="(\d+)"\s+resid="([^"]+)"\s*\/>/g;
  while ((m = imgRe.exec(body))) {
    const res = resources[m[2]];
    if (res && res.url) wanted.push({ what: 'ribbon image ' + m[2], url: res.url, size: +m[1] });
  }
  const seen = {};
  for (const w of wanted) {
    const key = w.what + '|' + w.url + '|' + w.size;
    if (seen[key]) continue;
    seen[key] = true;
    const file = resolveAsset ? resolveAsset(w.url) : null;
    if (!file) continue;
    if (!fs.existsSync(file)) {
      problems.push(w.what + ': file not found for ' + w.url);
      continue;
    }
    const size = pngSize(fs.readFileSync(file));
    if (!size) problems.push(w.what + ': not a PNG: ' + w.url);
    else if (size.width !== w.size || size.height !== w.size) {
      problems.push(w.what + ' must be ' + w.size + 'x' + w.size + ', ' + w.url + ' is ' + size.width + 'x' + size.height);
    }
  }
  return problems;
}

/** Maps a manifest URL under baseUrl to a file under rootDir (assets/ in the repo, or dist/). */
function assetResolver(baseUrl, rootDir) {
  const base = normalizeUrl(baseUrl);
  return (url) => (url.indexOf(base) === 0 ? path.join(rootDir, url.slice(base.length).split('?')[0]) : null);
}

module.exports = { DEV_URL, DEV_ID, PROD_ID, normalizeUrl, buildManifest, lintManifest, pngSize, assetResolver };

if (require.main === module) {
  const args = process.argv.slice(2);
  const root = path.resolve(__dirname, '..');
  try {
    if (args[0] === '--lint') {
      const file = args[1] || path.join(root, 'manifest.xml');
      const xml = fs.readFileSync(file, 'utf8');
      const base = (/<SourceLocation DefaultValue="(https:\/\/[^"]*\/)[^"/]*"/.exec(xml) || [])[1] || DEV_URL;
      const problems = lintManifest(xml, assetResolver(base, base === DEV_URL ? root : path.dirname(file)));
      problems.forEach((p) => console.error(p));
      process.exit(problems.length ? 1 : 0);
    } else if (args[0]) {
      process.stdout.write(buildManifest(fs.readFileSync(path.join(root, 'manifest.xml'), 'utf8'), args[0]));
    } else {
      console.error('usage: node scripts/manifest.js <https-url> | --lint [manifest.xml]');
      process.exit(2);
    }
  } catch (e) {
    console.error(e.message);
    process.exit(2);
  }
}
