import { fstatSync, statSync } from 'node:fs';
import { nodeRequire } from './node-require.js';

/**
 * Whether a file descriptor is a terminal. node:tty loads node:net and
 * node:stream (about 7 ms of start-up), so a descriptor that cannot be one (a
 * pipe or a file, as in CI and scripts, or /dev/null) is answered without it,
 * and node:tty is asked only about other character devices.
 */
export function isTerminal(fd: number): boolean {
  try {
    const stat = fstatSync(fd);
    if (!stat.isCharacterDevice()) return false;
    if (process.platform !== 'win32' && stat.rdev === statSync('/dev/null').rdev) return false;
  } catch {
    return false; // closed, or no /dev/null to compare with: not a terminal either way
  }
  return (nodeRequire()('node:tty') as typeof import('node:tty')).isatty(fd);
}
