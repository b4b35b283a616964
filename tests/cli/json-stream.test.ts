/** The streamed JSON is byte for byte JSON.stringify(value, null, 2) + '\n'. */
import fc from '../fast-check';
import { writeJson } from '../../src/cli/json-stream';

async function streamed(value: unknown, drainEvery = 0): Promise<string> {
  let out = '';
  let n = 0;
  const sink = {
    write: (s: string) => {
      out += s;
      return !drainEvery || ++n % drainEvery !== 0;
    },
    once: (_e: 'drain', cb: () => void) => setImmediate(cb),
  };
  await writeJson(value, sink);
  return out;
}

const same = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

test('contract-shaped values', async () => {
  const big = Array.from({ length: 3000 }, (_, i) => ({ row: i, text: '第一行\n第二行"引号"', deadline: { due: null, ongoing: false }, tags: [] }));
  const cases: unknown[] = [
    { file: 'a.xlsx', sheet: '整改台账', items: big, findings: [], totals: { items: 3 } },
    { items: [], findings: [{ a: [1, [2, {}]] }], x: undefined, y: null },
    {},
    [],
    [1, 2],
    'text',
    null,
  ];
  for (const v of cases) {
    expect(await streamed(v)).toBe(same(v));
    expect(await streamed(v, 1)).toBe(same(v));
  }
});

test('any JSON value', async () => {
  await fc.assert(
    fc.asyncProperty(fc.dictionary(fc.string(), fc.jsonValue()), async (v) => {
      expect(await streamed(v)).toBe(same(v));
    }),
    { numRuns: 200 },
  );
});

test('a sink whose reader has gone (closed) ends the write early instead of building the rest', async () => {
  let out = '';
  const sink = {
    closed: false,
    write(s: string) {
      out += s;
      // The reader goes after the first chunk.
      this.closed = true;
      return true;
    },
    once: () => undefined,
  };
  const items = Array.from({ length: 20000 }, (_, i) => ({ row: i, measure: '措施'.repeat(40) }));
  await writeJson({ file: 'a.xlsx', items }, sink);
  const whole = same({ file: 'a.xlsx', items });
  expect(whole.startsWith(out)).toBe(true);
  // The opening and the first batch of 256 items (some 33,000 characters), of some 2.6 million.
  expect(out.length).toBeLessThan(whole.length / 50);
  expect(out).toContain('"row": 255');
  expect(out).not.toContain('"row": 256');
});
