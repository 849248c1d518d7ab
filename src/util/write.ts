import { closeSync, existsSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UserError } from './errors.js';

/**
 * Write a file atomically (temp file + rename) and refuse to replace an
 * existing one unless `force` is set: nothing the user owns is lost by accident.
 */
export function writeFileSafely(path: string, text: string, force = false): void {
  if (existsSync(path) && !force) {
    throw new UserError(`${path} already exists; pass --force to replace it`);
  }
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.${Date.now()}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, 'wx');
    writeSync(fd, text);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, path);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    if (existsSync(tmp)) unlinkSync(tmp);
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw new UserError(`cannot write ${path}: permission denied`);
    if (code === 'ENOENT') throw new UserError(`cannot write ${path}: the directory ${dirname(path)} does not exist`);
    throw e;
  }
}
