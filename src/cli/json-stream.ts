/**
 * Writes a value exactly as `JSON.stringify(value, null, 2) + '\n'` would, but piece by piece: the
 * big top-level arrays (items, findings) are written element by element, waiting for the stream to
 * drain. A 50,000-item ledger's JSON is some 70 MB as a JS string (Chinese text is two bytes per
 * character); it is never built whole, which keeps `check --json` under its memory target.
 */
export interface Sink {
  write(chunk: string): boolean;
  once(event: 'drain', listener: () => void): unknown;
  /** True once the reader has gone (a closed pipe): the rest is not worth building. */
  readonly closed?: boolean;
}

const CHUNK = 256 * 1024;
/** Elements stringified per call. */
const BATCH = 256;
/** JSON.stringify({ a: [...] }, null, 2) around the elements: they come out indented as members of a top-level array. */
const WRAP_HEAD = '{\n  "a": [\n';
const WRAP_TAIL = '\n  ]\n}';

function indent(json: string, pad: string): string {
  return json.replace(/\n/g, '\n' + pad);
}

export async function writeJson(value: unknown, out: Sink): Promise<void> {
  // Small pieces (keys, separators, short values) gather in `buf`; a batch of elements, a string of
  // its own from JSON.stringify, is handed to the stream as it is, after what `buf` holds: joining it
  // to `buf` would make the stream flatten (copy) each chunk before encoding it.
  let buf = '';
  let waiting = false;
  const send = (s: string) => {
    if (!out.write(s)) waiting = true;
  };
  // Returns a promise only when the stream asked to wait, so the per-batch loop below does not
  // pay a microtask for each batch.
  const flush = (force: boolean): Promise<void> | null => {
    if (buf && (force || buf.length >= CHUNK)) {
      send(buf);
      buf = '';
    }
    if (!waiting) return null;
    waiting = false;
    return new Promise<void>((resolve) => out.once('drain', resolve));
  };
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    buf = JSON.stringify(value, null, 2) + '\n';
    await flush(true);
    return;
  }
  const keys = Object.keys(value as object).filter((k) => (value as Record<string, unknown>)[k] !== undefined);
  if (!keys.length) {
    buf = '{}\n';
    await flush(true);
    return;
  }
  buf = '{\n';
  for (let k = 0; k < keys.length; k++) {
    const v = (value as Record<string, unknown>)[keys[k]];
    const tail = k < keys.length - 1 ? ',\n' : '\n';
    buf += '  ' + JSON.stringify(keys[k]) + ': ';
    if (Array.isArray(v) && v.length) {
      buf += '[\n';
      // A batch of elements in one native call, nested as they are in the whole (no re-indenting).
      for (let i = 0; i < v.length; i += BATCH) {
        if (out.closed) return;
        const json = JSON.stringify({ a: v.slice(i, i + BATCH) }, null, 2);
        if (buf) send(buf);
        send(json.slice(WRAP_HEAD.length, json.length - WRAP_TAIL.length));
        buf = i + BATCH < v.length ? ',\n' : '\n';
        const wait = flush(false);
        if (wait) await wait;
      }
      buf += '  ]' + tail;
    } else {
      buf += indent(JSON.stringify(v, null, 2), '  ') + tail;
    }
    const wait = flush(false);
    if (wait) await wait;
  }
  buf += '}\n';
  await flush(true);
}
