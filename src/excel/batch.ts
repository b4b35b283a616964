/**
 * Keeps each context.sync under a payload budget. Office rejects a request over 5 MB
 * (RequestPayloadSizeLimitExceeded), so writes are sized by their JSON length and a sync is issued
 * only when the next write would pass ~4 MB. For ordinary ledgers (20,000 rows of notes is ~2 MB)
 * that never happens, so the sync count stays the same whatever the row count.
 */
import { HostValue, rangeAddress } from '../host/cells';

export const SYNC_BUDGET = 4 * 1024 * 1024;

export class Batch {
  private bytes = 0;
  syncs = 0;
  constructor(private ctx: Excel.RequestContext, private budget: number = SYNC_BUDGET) {}

  /** Call before queuing a write of about `bytes`: syncs first when the batch would go over budget. */
  room(bytes: number): Promise<void> {
    const over = this.bytes > 0 && this.bytes + bytes > this.budget;
    this.bytes += bytes + 64;
    if (!over) return Promise.resolve();
    this.bytes = bytes + 64;
    return this.sync();
  }

  /** Sends what is queued (if anything was). */
  flush(): Promise<void> {
    if (this.bytes === 0) return Promise.resolve();
    this.bytes = 0;
    return this.sync();
  }

  private sync(): Promise<void> {
    this.syncs++;
    return this.ctx.sync();
  }
}

/**
 * Writes a block of values at (top, left) as whole 2-D arrays, formats first, split into row slices
 * so that no slice passes the budget. `formats[i][j]` goes with `values[i][j]`.
 */
export function writeBlock(
  batch: Batch,
  sheet: Excel.Worksheet,
  top: number,
  left: number,
  values: HostValue[][],
  formats: string[][],
  budget: number = SYNC_BUDGET,
): Promise<void> {
  const width = values.length ? values[0].length : 0;
  if (!width) return Promise.resolve();
  // Slice rows by their JSON size; each slice is one numberFormat + one values assignment.
  const slices: { from: number; to: number; bytes: number }[] = [];
  let from = 0;
  let bytes = 0;
  for (let i = 0; i < values.length; i++) {
    const rowBytes = JSON.stringify(values[i]).length + JSON.stringify(formats[i]).length + 2;
    if (i > from && bytes + rowBytes > budget / 2) {
      slices.push({ from, to: i - 1, bytes });
      from = i;
      bytes = 0;
    }
    bytes += rowBytes;
  }
  slices.push({ from, to: values.length - 1, bytes });

  let chain = Promise.resolve();
  slices.forEach((s) => {
    chain = chain.then(() =>
      batch.room(s.bytes).then(() => {
        const range = sheet.getRange(rangeAddress(top + s.from, left, top + s.to, left + width - 1));
        range.numberFormat = formats.slice(s.from, s.to + 1);
        range.values = values.slice(s.from, s.to + 1);
      }),
    );
  });
  return chain;
}

/** Excel column width in points from a width in characters (Calibri 11: 7 px a character + 5 px padding). */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
