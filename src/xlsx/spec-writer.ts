/**
 * The CLI's writer of summary and notice workbooks: src/xlsxlite (the pane's writer too) with what
 * Node adds, node:zlib's deflate and CRC-32, and a file. The XML is written a row at a time and
 * compressed as it goes; the file is written beside `out` and renamed over it (writeAtomic), so `out`
 * is never half written. exceljs is not loaded on this path.
 *
 * A part of more than one chunk (the summary's big sheets: 190 MB of XML for two 50,000-row ledgers)
 * is compressed on a second thread while its XML is still being written (DeflateThread): the same
 * chunks, dictionaries and level as on this thread, so the same bytes, in about the time the XML
 * alone takes. Smaller parts, and every notice, are compressed here, and no thread is started.
 */
import * as fs from 'fs';
import { MessageChannel, MessagePort, receiveMessageOnPort, Worker } from 'worker_threads';
import { SheetSpec } from '../core';
import { CHUNK_BYTES, PartDeflate, writeXlsx, ZipOptions } from '../xlsxlite';
import { crc32, NODE_ZIP, SUMMARY_LEVEL } from './deflate';
import { writeAtomic } from './write';

export { NODE_ZIP };

/**
 * The second thread: deflates each chunk it is sent with the previous 32 KB of its part as the
 * dictionary (what zip.ts does on one thread), keeps the part's CRC-32, and answers every chunk, in
 * order, on the port; a shared counter wakes the writer waiting for an answer. Plain JavaScript
 * (eval), so that it runs from lib/ and under ts-jest alike.
 */
const THREAD_CODE = `
const { workerData } = require('worker_threads');
const zlib = require('zlib');
const { Z_FINISH, Z_SYNC_FLUSH } = zlib.constants;
const port = workerData.port;
const answered = new Int32Array(workerData.answered);
const slots = workerData.slots;
const WINDOW = 32768;
let table = null;
function tableCrc(data, crc) {
  if (!table) {
    table = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c;
    }
  }
  crc = ~crc;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return ~crc >>> 0;
}
const crc32 = zlib.crc32 || tableCrc;
let dictionary = null;
let crc = 0;
port.on('message', (m) => {
  let answer;
  try {
    // A chunk in its slot of the shared buffer (written over once answered), or a copy of its own.
    const data = m.data || new Uint8Array(slots, m.slot * workerData.slotBytes, m.length);
    const packed = zlib.deflateRawSync(data, { level: workerData.level, dictionary: dictionary || undefined, finishFlush: m.last ? Z_FINISH : Z_SYNC_FLUSH });
    crc = crc32(data, crc);
    if (m.last) answer = { data: packed, crc };
    else answer = { data: packed };
    if (m.last) dictionary = null;
    else if (data.length >= WINDOW || !dictionary) dictionary = data.slice(Math.max(0, data.length - WINDOW));
    else {
      const keep = Math.min(dictionary.length, WINDOW - data.length);
      const next = new Uint8Array(keep + data.length);
      next.set(dictionary.subarray(dictionary.length - keep), 0);
      next.set(data, keep);
      dictionary = next;
    }
  } catch (e) {
    answer = { error: String((e && e.message) || e) };
    dictionary = null;
  }
  if (m.last || answer.error) crc = 0;
  port.postMessage(answer);
  Atomics.add(answered, 0, 1);
  Atomics.notify(answered, 0);
});
`;

interface Answer {
  data?: Uint8Array;
  crc?: number;
  error?: string;
}

/**
 * Chunks sent and not yet answered, at most: each waits in its own slot of a buffer shared with the
 * thread (copying a chunk there costs a tenth of handing over a buffer of its own).
 */
const IN_FLIGHT = 6;
const SLOT_BYTES = CHUNK_BYTES;
/** How long the writer waits for one answer before it gives the thread up as lost. */
const ANSWER_MS = 120000;

class DeflateThread {
  private readonly worker: Worker;
  private readonly port: MessagePort;
  private readonly answered: Int32Array;
  private readonly slots: Uint8Array;
  private sent = 0;

  constructor() {
    const { port1, port2 } = new MessageChannel();
    const answered = new SharedArrayBuffer(4);
    const slots = new SharedArrayBuffer(IN_FLIGHT * SLOT_BYTES);
    this.answered = new Int32Array(answered);
    this.slots = new Uint8Array(slots);
    this.worker = new Worker(THREAD_CODE, {
      eval: true,
      workerData: { port: port2, answered, slots, slotBytes: SLOT_BYTES, level: SUMMARY_LEVEL },
      transferList: [port2],
    });
    this.worker.unref();
    this.port = port1;
  }

  /**
   * Sends a copy of `data` (the writer's buffer is written over next): into the next slot, which
   * the caller has seen answered (no more than IN_FLIGHT unanswered), or, longer than a slot, as a
   * buffer of its own.
   */
  send(data: Uint8Array, last: boolean): void {
    const slot = this.sent++ % IN_FLIGHT;
    if (data.length <= SLOT_BYTES) {
      this.slots.set(data, slot * SLOT_BYTES);
      this.port.postMessage({ slot, length: data.length, last });
    } else {
      const copy = new Uint8Array(data);
      this.port.postMessage({ data: copy, last }, [copy.buffer]);
    }
  }

  /** The next answer if there is one already. */
  poll(): Answer | null {
    const m = receiveMessageOnPort(this.port);
    return m ? (m.message as Answer) : null;
  }

  /** The next answer, waiting for it. */
  receive(): Answer {
    for (;;) {
      const before = Atomics.load(this.answered, 0);
      const answer = this.poll();
      if (answer) return answer;
      if (Atomics.wait(this.answered, 0, before, ANSWER_MS) === 'timed-out' && Atomics.load(this.answered, 0) === before) {
        throw new Error('the compression thread did not answer');
      }
    }
  }

  close(): void {
    this.port.close();
    void this.worker.terminate();
  }
}

/** ZipOptions that compress the parts of more than one chunk on `thread()` (started on first use). */
function threadedZip(thread: () => DeflateThread): ZipOptions {
  return {
    ...NODE_ZIP,
    deflatePart: (): PartDeflate => {
      const data: Uint8Array[] = [];
      let sent = 0;
      let answered = 0;
      let crc = 0;
      let error: string | null = null;
      const take = (a: Answer) => {
        answered++;
        if (a.error) error = error || a.error;
        else if (a.data) data.push(a.data);
        if (a.crc !== undefined) crc = a.crc;
      };
      return {
        push(bytes) {
          const t = thread();
          for (let a = t.poll(); a; a = t.poll()) take(a);
          while (sent - answered >= IN_FLIGHT) take(t.receive());
          t.send(bytes, false);
          sent++;
        },
        end(last) {
          if (!sent) {
            // One chunk or less: here, now.
            return { data: [NODE_ZIP.deflate!(last, null, true)], crc: crc32(last, 0) };
          }
          const t = thread();
          while (sent - answered >= IN_FLIGHT) take(t.receive());
          t.send(last, true);
          sent++;
          while (answered < sent) take(t.receive());
          if (error) throw new Error('deflate failed: ' + error);
          return { data, crc };
        },
      };
    },
  };
}

/** Bytes gathered before each write to the file. */
const BUFFER = 1 << 20;

/** Writes `specs` as a workbook to the file `file` (synchronously: the CLI has nothing else to do meanwhile). */
export function writeSpecsFile(specs: SheetSpec[], file: string): void {
  const fd = fs.openSync(file, 'w');
  try {
    const buffer = Buffer.allocUnsafe(BUFFER);
    let used = 0;
    const flush = () => {
      let done = 0;
      while (done < used) done += fs.writeSync(fd, buffer, done, used - done);
      used = 0;
    };
    let thread: DeflateThread | null = null;
    const zip = threadedZip(() => thread || (thread = new DeflateThread()));
    try {
      writeXlsx(specs, (bytes) => {
        if (bytes.length >= BUFFER) {
          flush();
          let done = 0;
          while (done < bytes.length) done += fs.writeSync(fd, bytes, done, bytes.length - done);
          return;
        }
        if (used + bytes.length > BUFFER) flush();
        buffer.set(bytes, used);
        used += bytes.length;
      }, zip);
    } finally {
      if (thread) (thread as DeflateThread).close();
    }
    flush();
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes `specs` as a new workbook at `out`, through a temporary file beside it. */
export function writeSpecsWorkbook(specs: SheetSpec[], out: string): Promise<void> {
  return writeAtomic(out, async (tmp) => writeSpecsFile(specs, tmp));
}
