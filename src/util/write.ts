import { closeSync, fsyncSync, linkSync, lstatSync, openSync, renameSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { dirname, join } from 'node:path';
import { UserError } from './errors.js';
import { errno, fsProblem } from './fs-errors.js';


/** Write `text` to a new temporary file in `dir`, flushed to disk; returns its path. */
export function writeTemp(dir: string, text: string): string {
  // Named so that a file left by a killed process says what it is.
  const tmp = join(dir, `.scale-advise-tmp.${process.pid}.${Date.now()}.${Math.random().toString(36).slice(2)}`);
  const fd = openSync(tmp, 'wx');
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  return tmp;
}

/**
 * Put a finished temporary file at `path` only if nothing is there: a hard
 * link fails rather than replace, so the file appears whole and never over
 * another, even against a concurrent writer. Returns false when `path` exists.
 */
export function placeNew(tmp: string, path: string, text: string): boolean {
  try {
    linkSync(tmp, path);
    return true;
  } catch (e) {
    if (errno(e) === 'EEXIST') return false;
    // File systems without hard links: an exclusive create is still never an overwrite.
    if (errno(e) !== 'EPERM' && errno(e) !== 'ENOTSUP' && errno(e) !== 'ENOSYS') throw e;
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (e2) {
      if (errno(e2) === 'EEXIST') return false;
      throw e2;
    }
    try {
      writeSync(fd, text);
    } finally {
      closeSync(fd);
    }
    return true;
  }
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/**
 * Write a file atomically and refuse to replace an existing one unless
 * `force` is set: nothing the user owns is lost by accident.
 */
export function writeFileSafely(path: string, text: string, force = false): void {
  const existing = lstatOrNull(path);
  // A device, a pipe or a directory is never replaced, --force or not; a planted
  // symbolic link is replaced as a link (rename), never written through.
  if (existing && !existing.isFile() && !existing.isSymbolicLink()) {
    throw new UserError(`${path} is ${existing.isDirectory() ? 'a directory' : 'not a regular file'}; give the path of a file to write`);
  }
  if (existing && !force) throw new UserError(`${path} already exists; pass --force to replace it`);
  let tmp: string | undefined;
  try {
    tmp = writeTemp(dirname(path), text);
    if (force) renameSync(tmp, path);
    else if (!placeNew(tmp, path, text)) throw new UserError(`${path} already exists; pass --force to replace it`);
  } catch (e) {
    if (e instanceof UserError) throw e;
    throw fsProblem(e, 'write', path);
  } finally {
    if (tmp) removeQuietly(tmp);
  }
}
