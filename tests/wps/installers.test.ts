/**
 * The per-user installers of the WPS add-in (scripts/wps/*.sh, *.bat): on a temporary HOME, install
 * twice, then uninstall twice; another add-in's publish.xml entry survives every step. The .bat ones
 * and publish.js run under Wine where it is installed; their PowerShell fallback is checked as text.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { describeWithTools, firstExisting, missingOf } from '../tools';

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

/** Wine's loader, as Debian's wine64 puts it (wine, the wrapper package, is not needed). */
const WINE = firstExisting(['/usr/lib/wine/wine64', '/usr/bin/wine64', '/usr/bin/wine']);

/**
 * The .bat installers and publish.js, run as they are by Wine's cmd and cscript (WSH, JScript,
 * MSXML) on a temporary WINEPREFIX, for a user whose %APPDATA% has Chinese in it. Wine has no
 * PowerShell, so the fallback is not run here: a publish.js that is missing stands for WSH turned
 * off, and the installer must then say so rather than claim success.
 */
describeWithTools('install.bat and uninstall.bat under Wine', missingOf([[WINE, 'wine64 (apt-get install wine64)']]), () => {
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'tz-wine-'));
  const kit = path.join(prefix, 'drive_c', 'kit');
  const APPDATA = 'C:\\users\\张三\\AppData\\Roaming';
  const jsaddons = path.join(prefix, 'drive_c', 'users', '张三', 'AppData', 'Roaming', 'kingsoft', 'wps', 'jsaddons');
  const pub = path.join(jsaddons, 'publish.xml');

  /** cmd /c with this user's APPDATA; stdout, and the exit code. */
  function bat(script: string): { out: string; code: number } {
    const r = spawnSync(WINE as string, ['cmd', '/c', 'set APPDATA=' + APPDATA + '& C:\\kit\\' + script + ' /quiet'], {
      env: wineEnv,
      encoding: 'utf8',
      timeout: 120000,
    });
    return { out: r.stdout, code: r.status === null ? -1 : r.status };
  }

  const wineEnv = { PATH: process.env.PATH || '/usr/bin:/bin', HOME: prefix, LANG: 'C.UTF-8', WINEPREFIX: prefix, WINEDEBUG: '-all', WINEDLLOVERRIDES: 'mscoree,mshtml=' };

  beforeAll(() => {
    // The prefix made first, and Wine idle, before the first installer runs in it.
    spawnSync(WINE as string, ['wineboot', '-i'], { env: wineEnv, timeout: 120000 });
    spawnSync(path.join(path.dirname(WINE as string), 'wineserver'), ['-w'], { env: wineEnv, timeout: 120000 });
    fs.mkdirSync(path.join(kit, 'taizhang_0.1.0', 'assets'), { recursive: true });
    for (const f of ['install.bat', 'uninstall.bat', 'publish.js']) {
      const text = fs.readFileSync(path.join(SCRIPTS, f), 'utf8').split('@NAME@').join('taizhang').split('@VERSION@').join('0.1.0');
      fs.writeFileSync(path.join(kit, f), text);
    }
    fs.writeFileSync(path.join(kit, 'taizhang_0.1.0', 'ribbon.xml'), '<customUI xmlns="http://schemas.microsoft.com/office/2006/01/customui"/>');
    fs.writeFileSync(path.join(kit, 'taizhang_0.1.0', 'assets', 'icon-32.png'), 'png');
    fs.mkdirSync(jsaddons, { recursive: true });
  });

  afterAll(() => {
    spawnSync(path.join(path.dirname(WINE as string), 'wineserver'), ['-k'], { env: wineEnv });
    fs.rmSync(prefix, { recursive: true, force: true });
  });

  it('install twice: the folder under the Chinese %APPDATA%, one entry of ours after the other add-in’s; uninstall twice: only the other’s left', () => {
    // As WPS writes it on Windows: CRLF, another add-in's entry, a name in Chinese.
    const other = '<jsplugin name="oa-assist" type="wps" url="http://127.0.0.1:3889/" version="2.1" enable="enable" desc="公文助手"/>';
    fs.writeFileSync(pub, '<?xml version="1.0" encoding="UTF-8"?>\r\n<jsplugins>\r\n  ' + other + '\r\n</jsplugins>\r\n');
    const first = bat('install.bat');
    expect(first).toEqual({ code: 0, out: expect.stringContaining('Taizhang 0.1.0 installed in C:\\users\\') });
    expect(bat('install.bat')).toMatchObject({ code: 0 });
    expect(fs.readFileSync(pub, 'utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ' + other + '\n  ' + OURS + '\n</jsplugins>\n');
    expect(fs.readFileSync(path.join(jsaddons, 'taizhang_0.1.0', 'assets', 'icon-32.png'), 'utf8')).toBe('png');
    expect(bat('uninstall.bat')).toMatchObject({ code: 0 });
    expect(bat('uninstall.bat')).toMatchObject({ code: 0 });
    expect(fs.readFileSync(pub, 'utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ' + other + '\n</jsplugins>\n');
    expect(fs.readdirSync(jsaddons)).toEqual(['publish.xml']);
  }, 240000);

  it('an earlier version’s entry is replaced; no publish.xml: one is made', () => {
    fs.writeFileSync(pub, '<jsplugins><jsplugin name="taizhang" type="et" url="taizhang_0.0.9" version="0.0.9" enable="enable_dev"/></jsplugins>');
    expect(bat('install.bat')).toMatchObject({ code: 0 });
    expect(fs.readFileSync(pub, 'utf8')).toBe('<jsplugins>\n  ' + OURS + '\n</jsplugins>\n');
    fs.unlinkSync(pub);
    expect(bat('install.bat')).toMatchObject({ code: 0 });
    expect(fs.readFileSync(pub, 'utf8')).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  ' + OURS + '\n</jsplugins>\n');
  }, 240000);

  it('a publish.xml that is not XML is left as it is; without WSH or PowerShell the installer says what to add by hand and fails', () => {
    fs.writeFileSync(pub, '<jsplugins><jsplugin name="oa-assist"');
    const broken = bat('install.bat');
    expect(broken.code).toBe(1);
    expect(fs.readFileSync(pub, 'utf8')).toBe('<jsplugins><jsplugin name="oa-assist"');
    expect(broken.out).toContain('publish.xml could not be edited. Open ');
    expect(broken.out).toContain('  <jsplugin name="taizhang" type="et" url="taizhang_0.1.0" version="0.1.0" enable="enable_dev"/>');
    fs.writeFileSync(pub, '<jsplugins>\n</jsplugins>\n');
    fs.renameSync(path.join(kit, 'publish.js'), path.join(kit, 'publish.off'));
    try {
      const off = bat('install.bat');
      expect(off.code).toBe(1);
      expect(off.out).not.toContain('installed');
      expect(fs.readFileSync(pub, 'utf8')).toBe('<jsplugins>\n</jsplugins>\n');
    } finally {
      fs.renameSync(path.join(kit, 'publish.off'), path.join(kit, 'publish.js'));
    }
  }, 240000);
});

describe('install.bat and uninstall.bat as text (the PowerShell fallback never runs under Wine)', () => {
  const install = fs.readFileSync(path.join(SCRIPTS, 'install.bat'), 'utf8');
  const uninstall = fs.readFileSync(path.join(SCRIPTS, 'uninstall.bat'), 'utf8');
  it('use CRLF line ends, the user’s %APPDATA% (no admin), and remove only entries named taizhang before adding one', () => {
    for (const t of [install, uninstall]) {
      expect(t.split('\n').filter((l) => l && !l.endsWith('\r'))).toEqual([]);
      expect(t).toContain('set "DEST=%APPDATA%\\kingsoft\\wps\\jsaddons"');
      // PowerShell only after publish.js (WSH), and the same entries removed as publish.js removes.
      expect(t).toContain(`'[ \\t]*<jsplugin\\s(?:[^>]*\\s)?name=""%NAME%""[^>]*/>\\r?\\n?', ''`);
      expect(t.indexOf('cscript //nologo //E:JScript "%~dp0publish.js"')).toBeLessThan(t.indexOf('powershell -NoProfile -NonInteractive -ExecutionPolicy Bypass'));
    }
    expect(install).toContain('type=""et"" url=""%FOLDER%"" version=""%VERSION%"" enable=""enable_dev""');
    expect(install.indexOf('[regex]::Replace')).toBeLessThan(install.indexOf("IndexOf('</jsplugins>')"));
  });
});
