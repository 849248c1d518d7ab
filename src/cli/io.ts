import { resolve } from 'node:path';
import { isTerminal as isatty } from '../util/tty.js';
import { writeFileSafely } from '../util/write.js';
import { writeStdout } from '../util/stdout.js';

export interface OutputOptions {
  output?: string;
  force?: boolean;
}

/** Colour only for a terminal, never with NO_COLOR, always with FORCE_COLOR. */
export function colorLevel(toFile: boolean, noColorFlag = false): 0 | 1 | 2 | 3 {
  if (toFile || noColorFlag) return 0;
  const force = process.env.FORCE_COLOR;
  if (force !== undefined && force !== '') {
    if (force === '0' || force === 'false') return 0;
    return force === '2' ? 2 : force === '3' ? 3 : 1;
  }
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== '') return 0;
  if (!isatty(1)) return 0; // not process.stdout.isTTY: constructing that stream costs start-up time
  return process.env.COLORTERM === 'truecolor' ? 3 : 2;
}

/**
 * The width text output wraps to: COLUMNS when set (as shells and CI set it),
 * else the terminal's width, else 80 (piped or redirected output).
 */
export function outputWidth(toFile = false): number {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv >= 40) return fromEnv;
  if (!toFile && isatty(1)) return process.stdout.columns || 80;
  return 80;
}

/** Write a report to --output (atomically, never over an existing file without --force) or stdout. */
export function emit(text: string, opts: OutputOptions, cwd: string): void {
  if (opts.output && opts.output !== '-') writeFileSafely(resolve(cwd, opts.output), text, opts.force);
  else writeStdout(text);
}
