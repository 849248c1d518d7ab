import { UserError } from './errors.js';

export function errno(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException)?.code;
}

const REASONS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'the file system is read-only',
  ENOTDIR: 'a part of the path is a file, not a directory',
  ENOENT: 'no such file or directory',
  EEXIST: 'it already exists',
  ENOSPC: 'no space left on the device',
  EISDIR: 'it is a directory, not a file',
};

/**
 * Turn a file-system failure on something the user owns into a clear user
 * error (`cannot write report.json: permission denied`); anything else is
 * passed on as it is, to surface as an internal error.
 */
export function fsProblem(e: unknown, action: string, path: string): Error {
  const reason = REASONS[errno(e) ?? ''];
  if (reason) return new UserError(`cannot ${action} ${path}: ${reason}`);
  return e instanceof Error ? e : new Error(String(e));
}
