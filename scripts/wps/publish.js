// Adds or removes the Taizhang entry of %APPDATA%\kingsoft\wps\jsaddons\publish.xml, keeping every
// other add-in's entry and the file's layout: install.bat runs `cscript //nologo publish.js add`,
// uninstall.bat `... remove`. JScript through Windows Script Host is on every Windows since 2000
// and needs no admin rights and no PowerShell (which a locked-down PC may block); the .bat files
// fall back to PowerShell only where this fails (WSH turned off by policy).
//
// The file is edited as XML (MSXML, a part of Windows since XP): our <jsplugin name="taizhang"/>
// entries of any version go, ours goes last, one entry a line (layOut). A missing file becomes a new one; one MSXML cannot parse is left as it is (exit 1: WPS
// could not read it either, and the .bat says what to do). It is written to a temporary file
// first, so a failed write leaves the old publish.xml whole. Exit 0 on success.
// ES3 (JScript 5.x): no JSON, no Array.prototype.map; non-ASCII only as \u escapes, because
// cscript reads this file in the system code page.
var NAME = '@NAME@';
var VERSION = '@VERSION@';
var FOLDER = NAME + '_' + VERSION;

function newDocument() {
  var ids = ['Msxml2.DOMDocument.6.0', 'Msxml2.DOMDocument.3.0', 'Msxml2.DOMDocument'];
  for (var i = 0; i < ids.length; i++) {
    try {
      var d = new ActiveXObject(ids[i]);
      d.async = false;
      d.preserveWhiteSpace = true;
      d.resolveExternals = false;
      d.validateOnParse = false;
      return d;
    } catch (e) {
      // the next one
    }
  }
  throw new Error('MSXML is missing');
}

function isBlank(node) {
  return node && node.nodeType === 3 && /^\s*$/.test(node.nodeValue);
}

/** The plugin list of publish.xml, or a new one; null where the file cannot be parsed. */
function load(doc, fso, pub) {
  if (fso.FileExists(pub)) {
    if (!doc.load(pub)) return null;
    return doc.documentElement && doc.documentElement.nodeName === 'jsplugins' ? doc.documentElement : null;
  }
  doc.loadXML('<jsplugins>\n</jsplugins>');
  doc.insertBefore(doc.createProcessingInstruction('xml', 'version="1.0" encoding="UTF-8"'), doc.firstChild);
  return doc.documentElement;
}

/** Removes our entries; true when there was one. */
function removeOurs(list) {
  var found = false;
  var node = list.firstChild;
  while (node) {
    var next = node.nextSibling;
    if (node.nodeType === 1 && node.nodeName === 'jsplugin' && node.getAttribute('name') === NAME) {
      list.removeChild(node);
      found = true;
    }
    node = next;
  }
  return found;
}

function ourEntry(doc) {
  var entry = doc.createElement('jsplugin');
  entry.setAttribute('name', NAME);
  entry.setAttribute('type', 'et');
  entry.setAttribute('url', FOLDER);
  entry.setAttribute('version', VERSION);
  entry.setAttribute('enable', 'enable_dev');
  return entry;
}

/**
 * One entry a line, indented by two spaces: the whitespace between the list's entries is laid out
 * again (their attributes and any comment stay as they were), so a file edited twice reads the
 * same as one edited once, whatever the MSXML version does with adjacent text nodes.
 */
function layOut(doc, list) {
  var node = list.firstChild;
  while (node) {
    var next = node.nextSibling;
    if (isBlank(node)) list.removeChild(node);
    node = next;
  }
  for (node = list.firstChild; node; node = node.nextSibling) list.insertBefore(doc.createTextNode('\n  '), node);
  list.appendChild(doc.createTextNode('\n'));
}

/**
 * The text without NUL characters: Wine's WSH ends an expansion with one, which cuts a path built on it
 * short (and its JScript cannot split or replace on one: a loop it is).
 */
function withoutNul(s) {
  var out = '';
  for (var i = 0; i < s.length; i++) if (s.charCodeAt(i) !== 0) out += s.charAt(i);
  return out;
}

function main() {
  var mode = WScript.Arguments.length ? WScript.Arguments.Item(0) : '';
  if (mode !== 'add' && mode !== 'remove') {
    WScript.Echo('usage: cscript //nologo publish.js add|remove');
    return 2;
  }
  var shell = new ActiveXObject('WScript.Shell');
  var fso = new ActiveXObject('Scripting.FileSystemObject');
  var appdata = withoutNul(shell.ExpandEnvironmentStrings('%APPDATA%'));
  var pub = appdata + '\\kingsoft\\wps\\jsaddons\\publish.xml';
  if (mode === 'remove' && !fso.FileExists(pub)) return 0;
  var doc = newDocument();
  var list = load(doc, fso, pub);
  if (!list) {
    WScript.Echo('publish.xml is not a list of add-ins that can be read; it was left as it is: ' + pub);
    return 1;
  }
  var had = removeOurs(list);
  if (mode === 'remove' && !had) return 0;
  if (mode === 'add') list.appendChild(ourEntry(doc));
  layOut(doc, list);
  var tmp = pub + '.taizhang.tmp';
  doc.save(tmp);
  fso.CopyFile(tmp, pub, true);
  fso.DeleteFile(tmp);
  return 0;
}

var code;
try {
  code = main();
} catch (e) {
  WScript.Echo('publish.xml: ' + (e.description || e.message || e));
  code = 1;
}
WScript.Quit(code);
