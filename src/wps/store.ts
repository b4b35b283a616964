/**
 * The workbook's store on WPS: custom document properties, saved with the file (PluginStorage is not
 * kept across sessions). A VBA string property holds at most 255 characters, and our marks grow with
 * the sheets, so a value is kept in parts: `key` holds the number of parts, `key#1`, `key#2`, ... the
 * text. A write replaces every part of the key, so a shorter value leaves no tail behind.
 */
import { DocumentStore } from '../host/host';
import { member, workbook } from './et';

/** Characters per part: below VBA's 255, with room for any host that counts UTF-16 units twice. */
export const PART = 120;

/** msoPropertyTypeString */
const STRING = 4;

function properties(): Kso.DocumentProperties {
  return member<Kso.DocumentProperties>(workbook(), 'CustomDocumentProperties');
}

function byName(props: Kso.DocumentProperties): Record<string, Kso.DocumentProperty> {
  const out = Object.create(null) as Record<string, Kso.DocumentProperty>;
  const n = member<number>(props, 'Count');
  for (let i = 1; i <= n; i++) {
    const p = props.Item(i);
    out[String(member<string>(p, 'Name'))] = p;
  }
  return out;
}

export const wpsStore: DocumentStore = {
  get(key: string): unknown {
    try {
      const all = byName(properties());
      const head = all[key];
      if (!head) return null;
      const n = +head.Value;
      let text = '';
      for (let i = 1; i <= n; i++) {
        const part = all[key + '#' + i];
        if (!part) return null;
        text += String(part.Value);
      }
      return text;
    } catch (e) {
      return null;
    }
  },
  set(key: string, value: string): Promise<boolean> {
    try {
      const props = properties();
      const all = byName(props);
      for (const name in all) if (name === key || name.indexOf(key + '#') === 0) all[name].Delete();
      const n = Math.max(1, Math.ceil(value.length / PART));
      for (let i = 1; i <= n; i++) props.Add(key + '#' + i, false, STRING, value.slice((i - 1) * PART, i * PART));
      props.Add(key, false, STRING, String(n));
      return Promise.resolve(true);
    } catch (e) {
      return Promise.resolve(false);
    }
  },
};
