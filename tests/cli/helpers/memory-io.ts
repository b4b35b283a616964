/** The command's Io in memory: what it writes to stdout and stderr, kept as text. */
import type { Io } from '../../../src/cli/main';

export function memoryIo(): { io: Io; out: () => string; err: () => string } {
  let out = '';
  let err = '';
  return {
    io: {
      stdout: { write: (s: string) => ((out += s), true), once: () => undefined } as unknown as Io['stdout'],
      stderr: { write: (s: string) => ((err += s), true) } as unknown as Io['stderr'],
      env: {},
    },
    out: () => out,
    err: () => err,
  };
}
