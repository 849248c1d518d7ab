import { writeSync } from 'node:fs';
import { fsProblem } from './fs-errors.js';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/**
 * Write to standard output synchronously, through the file descriptor.
 * Cheaper at start-up than constructing process.stdout (2–4 ms), and never
 * truncated: it returns only when every byte is written. A non-blocking pipe
 * that is full (EAGAIN) is waited on; a reader that went away (EPIPE, as with
 * `| head`) ends the output quietly.
 */
export function writeStdout(text: string): void {
  const data = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < data.length) {
    try {
      offset += writeSync(1, data, offset, data.length - offset);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(sleeper, 0, 0, 2);
        continue;
      }
      if (code === 'EPIPE') return;
      throw fsProblem(e, 'write', 'standard output');
    }
  }
}
