import { nodeRequire } from './node-require.js';

/**
 * Whether a file descriptor is a terminal. node:tty loads node:net and
 * node:stream (about 5 ms of start-up), so it is required on first use, and
 * only the paths that print for people ask.
 */
export function isTerminal(fd: number): boolean {
  return (nodeRequire()('node:tty') as typeof import('node:tty')).isatty(fd);
}
