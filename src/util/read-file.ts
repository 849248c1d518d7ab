import { closeSync, constants, fstatSync, openSync, readSync, type Stats } from 'node:fs';
import { UserError } from './errors.js';
import { errno, fsProblem } from './fs-errors.js';
import { expectLargeInput, LARGE_FILE_BYTES } from './large-input.js';

/** Large enough for any real profile, rule or record; small enough to refuse a hostile file fast. */
export const MAX_FILE_BYTES = 1024 * 1024;

function kindOf(st: Stats): string {
  if (st.isDirectory()) return 'a directory';
  if (st.isFIFO()) return 'a named pipe';
  if (st.isCharacterDevice()) return 'a character device';
  if (st.isBlockDevice()) return 'a block device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Read a file the user pointed at, as text. Only a regular file is read: a
 * device (`/dev/zero`) would grow without end and a FIFO would block, so both
 * are refused before a byte is read; the FIFO is opened without blocking.
 * The read stops past `maxBytes`, whatever the file claims its size is.
 */
export function readUserFile(path: string, display = path, maxBytes = MAX_FILE_BYTES): string {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    if (errno(e) === 'EISDIR') throw new UserError([{ file: display, position: null, message: 'is a directory; a file was expected here' }]);
    throw fsProblem(e, 'read', display);
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) throw new UserError([{ file: display, position: null, message: `is ${kindOf(st)}; a regular file was expected here` }]);
    if (st.size > maxBytes) throw tooBig(display, `${st.size} bytes`, maxBytes);
    if (st.size >= LARGE_FILE_BYTES) expectLargeInput();
    // One buffer the size the file claims (one read, no garbage for the many
    // small records of an ADR directory), grown if the file is longer than that.
    let buf = Buffer.allocUnsafe(Math.min(st.size + 1, maxBytes + 1));
    let total = 0;
    for (;;) {
      if (total === buf.length) {
        const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, maxBytes + 1));
        buf.copy(grown, 0, 0, total);
        buf = grown;
      }
      const n = readSync(fd, buf, total, buf.length - total, null);
      if (n === 0) break;
      total += n;
      if (total > maxBytes) throw tooBig(display, `more than ${maxBytes} bytes`, maxBytes);
    }
    return buf.toString('utf8', 0, total);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw fsProblem(e, 'read', display);
  } finally {
    closeSync(fd);
  }
}

function tooBig(display: string, size: string, max: number): UserError {
  const mib = max % (1024 * 1024) === 0 ? ` (${max / (1024 * 1024)} MiB)` : '';
  return new UserError([{ file: display, position: null, message: `file is ${size}; the limit is ${max} bytes${mib}` }]);
}
