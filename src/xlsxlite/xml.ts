/** XML text for SpreadsheetML parts. */

/** Characters XML 1.0 cannot carry at all (C0 controls other than tab, LF, CR; U+FFFE/FFFF). */
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function hex4(c: number): string {
  const h = c.toString(16).toUpperCase();
  return '0000'.slice(h.length) + h;
}

/** Escapes text content: & < > always; quotes too, so the same function serves attributes. */
export function xmlAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Cell text as OOXML stores it: line breaks kept (CR LF and CR become LF, as Excel keeps them), and
 * characters XML cannot hold written as _xHHHH_. A literal "_x0041_" in the user's text would be
 * read back as "A", so its underscore is escaped as _x005F_ first (ECMA-376 ST_Xstring).
 */
/** Anything cellText would change: most cell text has none of it and is returned as it is. */
const NEEDS_WORK = /[&<>"\r_\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function cellText(text: string): string {
  if (!NEEDS_WORK.test(text)) return text;
  return xmlAttr(
    text
      .replace(/\r\n?/g, '\n')
      .replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1')
      .replace(INVALID, (ch) => '_x' + hex4(ch.charCodeAt(0)) + '_'),
  );
}
