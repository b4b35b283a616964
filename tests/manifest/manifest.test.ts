/**
 * The manifests, checked offline: the Office XSDs (../shared/office-manifest-xsd) for structure, and
 * scripts/manifest.js's lint for what the XSDs miss (icon sizes, resids, non-https URLs).
 */
import * as fs from 'fs';
import * as path from 'path';
import { validateXML } from 'xmllint-wasm';
import { describeWithTools, missingOf } from '../tools';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const manifestTools = require('../../scripts/manifest') as {
  DEV_URL: string;
  DEV_ID: string;
  PROD_ID: string;
  buildManifest(xml: string, url: string): string;
  lintManifest(xml: string, resolve?: (url: string) => string | null): string[];
  assetResolver(base: string, root: string): (url: string) => string | null;
  pngSize(buf: Buffer): { width: number; height: number } | null;
};

const ROOT = path.resolve(__dirname, '../..');
const XSD_DIR = [path.resolve(__dirname, '../../../shared/office-manifest-xsd'), path.resolve(ROOT, '../shared/office-manifest-xsd')].find(
  (d) => fs.existsSync(path.join(d, 'OfficeAppManifestV1_1.xsd')),
);
const PROD_URL = 'https://intranet.example/taizhang/';
const devXml = fs.readFileSync(path.join(ROOT, 'manifest.xml'), 'utf8');
const prodXml = manifestTools.buildManifest(devXml, PROD_URL);
const devAssets = manifestTools.assetResolver(manifestTools.DEV_URL, ROOT);
// The production manifest's assets are the same files, copied to dist/assets by the build.
const prodAssets = manifestTools.assetResolver(PROD_URL, ROOT);

async function validate(xml: string): Promise<{ valid: boolean; errors: string[] }> {
  const dir = XSD_DIR as string;
  const xsds = fs.readdirSync(dir).filter((f) => f.endsWith('.xsd'));
  const result = await validateXML({
    xml: [{ fileName: 'manifest.xml', contents: xml }],
    schema: [{ fileName: 'OfficeAppManifestV1_1.xsd', contents: fs.readFileSync(path.join(dir, 'OfficeAppManifestV1_1.xsd'), 'utf8') }],
    preload: xsds
      .filter((f) => f !== 'OfficeAppManifestV1_1.xsd')
      .map((f) => ({ fileName: f, contents: fs.readFileSync(path.join(dir, f), 'utf8') })),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.rawMessage) };
}

/**
 * Without the schemas (or, for the built manifest, without dist/) these tests cannot run: a failure in
 * CI, where ../shared sits beside the clone and npm test builds first; a note elsewhere (tests/tools.ts).
 */
const XSD = ['../shared/office-manifest-xsd (the Office add-in manifest schemas, beside the clone as in CI)'];
const BUILT = path.join(ROOT, 'dist', 'manifest.xml');

describeWithTools('manifest against the Office XSDs (offline)', XSD_DIR ? [] : XSD, () => {
  it('the dev manifest (https://localhost:3000/) is valid', async () => {
    const r = await validate(devXml);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('the production manifest for a build-time URL is valid', async () => {
    const r = await validate(prodXml);
    expect(r.errors).toEqual([]);
    expect(r.valid).toBe(true);
  });

  it('the validator does reject a broken manifest (the test can fail)', async () => {
    const r = await validate(devXml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>'));
    expect(r.valid).toBe(false);
  });
});

describeWithTools('the built manifest', missingOf([[!!XSD_DIR, XSD[0]], [fs.existsSync(BUILT), 'dist/manifest.xml (run `npm run build` first; npm test does)']]), () => {
  it('dist/manifest.xml is valid and points at its URL only', async () => {
    const xml = fs.readFileSync(BUILT, 'utf8');
    // A production build: the production Id and name.
    expect(xml).toContain('<Id>' + manifestTools.PROD_ID + '</Id>');
    expect(xml).toContain('<DisplayName DefaultValue="整改台账助手">');
    const r = await validate(xml);
    expect(r.errors).toEqual([]);
    // Built with --env url=… it names that URL; built without, the dev URL. Either way, one https base.
    const base = (/<SourceLocation DefaultValue="(https:\/\/[^"]*\/)taskpane\.html"/.exec(xml) || [])[1];
    expect(base).toBeDefined();
    const urls = xml.replace(/<!--[\s\S]*?-->/g, '').match(/https?:\/\/[^"<\s]+/g) || [];
    const own = urls.filter((u) => !/^https?:\/\/(schemas\.microsoft\.com|www\.w3\.org)\//.test(u));
    expect(own.length).toBeGreaterThan(3);
    own.forEach((u) => expect(u.indexOf(base as string)).toBe(0));
  });
});

describeWithTools('the help page the build ships', missingOf([[fs.existsSync(path.join(ROOT, 'dist/help.html')), 'dist/help.html (run `npm run build` first; npm test does)']]), () => {
  it('is bilingual and self-contained: no link, script or style from any other address', () => {
    const help = fs.readFileSync(path.join(ROOT, 'dist/help.html'), 'utf8');
    expect(help).toContain('插入');
    expect(help).toContain('Insert &gt; My Add-ins');
    expect(help.match(/(?:href|src)="(?:https?:)?\/\//g)).toBeNull();
  });
});

test('the help page says why the add-in is missing on an .xls, and how to save as .xlsx in Excel and in WPS', () => {
  const help = fs.readFileSync(path.join(ROOT, 'src/taskpane/help.html'), 'utf8');
  expect(help).toContain('兼容模式');
  expect(help).toContain('<kbd>Excel 工作簿 (*.xlsx)</kbd>');
  expect(help).toContain('<kbd>Microsoft Excel 文件 (*.xlsx)</kbd>');
  expect(help).toContain('turns web add-ins off');
});

describe('manifest content', () => {
  it('is a Workbook task pane with ReadWriteDocument, zh-CN default and an en-US override', () => {
    expect(devXml).toContain('xsi:type="TaskPaneApp"');
    expect(devXml).toContain('<Host Name="Workbook"/>');
    expect(devXml).toContain('<Permissions>ReadWriteDocument</Permissions>');
    expect(devXml).toContain('<DefaultLocale>zh-CN</DefaultLocale>');
    expect(prodXml).toContain('<DisplayName DefaultValue="整改台账助手">');
    expect(prodXml).toContain('<Override Locale="en-US" Value="Rectification Ledger Assistant"/>');
    expect(devXml).toContain('<OfficeTab id="TabHome">');
    expect(devXml).toContain('xsi:type="ShowTaskpane"');
  });

  it('the production manifest has no localhost and only the given URL', () => {
    expect(prodXml).not.toContain('localhost');
    expect(prodXml).toContain('https://intranet.example/taizhang/taskpane.html');
  });

  it('the development and production add-ins have their own Ids and names, so both can be sideloaded', () => {
    expect(manifestTools.DEV_ID).not.toBe(manifestTools.PROD_ID);
    expect(devXml).toContain('<Id>' + manifestTools.DEV_ID + '</Id>');
    expect(prodXml).toContain('<Id>' + manifestTools.PROD_ID + '</Id>');
    expect(prodXml).not.toContain(manifestTools.DEV_ID);
    expect(devXml).toContain('<DisplayName DefaultValue="整改台账助手（开发版）">');
    expect(devXml).toContain('<Override Locale="en-US" Value="Rectification Ledger Assistant (development)"/>');
    expect(prodXml).not.toMatch(/开发版|\(development\)/);
  });

  it('the production comment says what it is, not "for development", and where 2016/2019 open it', () => {
    const comment = (/<!--([\s\S]*?)-->/.exec(prodXml) || [])[1] || '';
    expect(comment).toContain('served from https://intranet.example/taizhang/');
    expect(comment).toContain('插入 > 我的加载项 > 共享文件夹');
    expect(comment).not.toMatch(/for development/i);
    expect(devXml).toMatch(/for development/);
  });

  it('SupportUrl and Learn more point at the bundled help page', () => {
    expect(prodXml).toContain('<SupportUrl DefaultValue="https://intranet.example/taizhang/help.html"/>');
    expect(prodXml).toContain('<bt:Url id="GetStarted.LearnMoreUrl" DefaultValue="https://intranet.example/taizhang/help.html"/>');
    expect(fs.existsSync(path.join(ROOT, 'src/taskpane/help.html'))).toBe(true);
  });

  it('a manifest that lost a part buildManifest rewrites fails loudly', () => {
    expect(() => manifestTools.buildManifest(devXml.replace(manifestTools.DEV_ID, 'x'), PROD_URL)).toThrow(/development Id/);
  });

  it('refuses a non-https deployment URL', () => {
    expect(() => manifestTools.buildManifest(devXml, 'http://intranet.example/taizhang/')).toThrow(/https/);
  });
});

describe('manifest lint (what the XSDs miss)', () => {
  it('the dev and production manifests are clean', () => {
    expect(manifestTools.lintManifest(devXml, devAssets)).toEqual([]);
    expect(manifestTools.lintManifest(prodXml, prodAssets)).toEqual([]);
  });

  it('the icons in assets/ have the sizes their names say', () => {
    for (const size of [16, 32, 64, 80]) {
      expect(manifestTools.pngSize(fs.readFileSync(path.join(ROOT, 'assets', 'icon-' + size + '.png')))).toEqual({ width: size, height: size });
    }
  });

  it.each([
    ['a wrong icon size', devXml.replace('assets/icon-32.png"/>\n  <HighResolutionIconUrl', 'assets/icon-16.png"/>\n  <HighResolutionIconUrl'), /IconUrl must be 32x32/],
    ['a ribbon image of the wrong size', devXml.replace('id="Icon.80" DefaultValue="https://localhost:3000/assets/icon-80.png"', 'id="Icon.80" DefaultValue="https://localhost:3000/assets/icon-64.png"'), /must be 80x80/],
    ['an undefined resid', devXml.replace('resid="Group.Label"', 'resid="Group.Missing"'), /resid used but not defined: Group.Missing/],
    ['a resource defined twice', devXml.replace('<bt:Url id="Taskpane.Url"', '<bt:Url id="GetStarted.LearnMoreUrl"'), /defined twice: GetStarted.LearnMoreUrl/],
    ['a plain http URL', devXml.replace('<SupportUrl DefaultValue="https://localhost:3000/', '<SupportUrl DefaultValue="http://localhost:3000/'), /non-https URL: http:\/\/localhost:3000/],
  ])('catches %s', (_what, xml, pattern) => {
    const problems = manifestTools.lintManifest(xml, devAssets);
    expect(problems.join('\n')).toMatch(pattern);
  });
});
