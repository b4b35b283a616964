/**
 * The per-user installers of the WPS add-in (scripts/wps/*.sh, *.bat): on a temporary HOME, install
 * twice, then uninstall twice; another add-in's publish.xml entry survives every step. The .bat ones
 * need Windows (PowerShell edits publish.xml there): their text is checked here.
 */
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SCRIPTS = path.resolve(__dirname, '../../scripts/wps');
const OTHER = '<jsplugin name="oa-assist" type="wps" url="http://127.0.0.1:3889/" version="2.1" enable="enable"/>';

function setUp(): { home: string; kit: string; pub: string; jsaddons: string } {
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-wps-home-'));
  const kit = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-wps-kit-'));
  for (const f of ['install.sh', 'uninstall.sh']) {
    const text = fs.readFileSync(path.join(SCRIPTS, f), 'utf8').split('@NAME@').join('taizhang').split('@VERSION@').join('0.1.0');
    fs.writeFileSync(path.join(kit, f), text, { mode: 0o755 });
  }
  fs.mkdirSync(path.join(kit, 'taizhang_0.1.0/assets'), { recursive: true });
  fs.writeFileSync(path.join(kit, 'taizhang_0.1.0/ribbon.xml'), '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"/>');
  fs.writeFileSync(path.join(kit, 'taizhang_0.1.0/assets/icon-32.png'), 'png');
  const jsaddons = path.join(home, '.local/share/Kingsoft/wps/jsaddons');
  fs.mkdirSync(jsaddons, { recursive: true });
  const pub = path.join(jsaddons, 'publish.xml');
  fs.writeFileSync(pub, '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ' + OTHER + '\n</jsplugins>\n');
  return { home, kit, pub, jsaddons };
}

function run(kit: string, home: string, script: string): string {
  return execFileSync('sh', [path.join(kit, script)], { env: { PATH: process.env.PATH || '/usr/bin:/bin', HOME: home }, encoding: 'utf8' });
}

const OURS = '<jsplugin name="taizhang" type="et" url="taizhang_0.1.0" version="0.1.0" enable="enable_dev"/>';

describe('install.sh and uninstall.sh on a temporary HOME', () => {
  it('install twice: one entry of ours beside the other add-in’s, the folder copied; uninstall twice: only the other add-in left', () => {
    const { home, kit, pub, jsaddons } = setUp();
    run(kit, home, 'install.sh');
    run(kit, home, 'install.sh');
    expect(fs.readFileSync(pub, 'utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ' + OTHER + '\n  ' + OURS + '\n</jsplugins>\n');
    expect(fs.readFileSync(path.join(jsaddons, 'taizhang_0.1.0/assets/icon-32.png'), 'utf8')).toBe('png');
    run(kit, home, 'uninstall.sh');
    run(kit, home, 'uninstall.sh');
    expect(fs.readFileSync(pub, 'utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ' + OTHER + '\n</jsplugins>\n');
    expect(fs.readdirSync(jsaddons)).toEqual(['publish.xml']);
  });

  it('an earlier version’s entry on the same line as another add-in’s is replaced and the other kept; no publish.xml: one is made', () => {
    const { home, kit, pub } = setUp();
    fs.writeFileSync(pub, '<jsplugins>' + OTHER + '<jsplugin name="taizhang" type="et" url="taizhang_0.0.9" version="0.0.9" enable="enable_dev"/></jsplugins>');
    run(kit, home, 'install.sh');
    expect(fs.readFileSync(pub, 'utf8')).toBe('<jsplugins>' + OTHER + '  ' + OURS + '\n</jsplugins>\n');
    fs.unlinkSync(pub);
    run(kit, home, 'install.sh');
    expect(fs.readFileSync(pub, 'utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ' + OURS + '\n</jsplugins>\n');
  });
});

describe('install.bat and uninstall.bat (text: they run on Windows)', () => {
  const install = fs.readFileSync(path.join(SCRIPTS, 'install.bat'), 'utf8');
  const uninstall = fs.readFileSync(path.join(SCRIPTS, 'uninstall.bat'), 'utf8');
  it('use CRLF line ends, the user’s %APPDATA% (no admin), and remove only entries named taizhang before adding one', () => {
    for (const t of [install, uninstall]) {
      expect(t.split('\n').filter((l) => l && !l.endsWith('\r'))).toEqual([]);
      expect(t).toContain('set "DEST=%APPDATA%\\kingsoft\\wps\\jsaddons"');
      expect(t).toContain(`'[ \\t]*<jsplugin [^>]*name=""%NAME%""[^>]*/>\\r?\\n?', ''`);
    }
    expect(install).toContain('type=""et"" url=""%FOLDER%"" version=""%VERSION%"" enable=""enable_dev""');
    expect(install.indexOf('[regex]::Replace')).toBeLessThan(install.indexOf("IndexOf('</jsplugins>')"));
  });
});
