import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './assess.js';

export const BIN = join(ROOT, 'bin', 'scale-advise.cjs');

/** Run the built CLI as a user would, without colour, and collect what it printed. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    timeout: 60_000, // a regression that blocks (a FIFO, a hostile rule) fails instead of hanging the suite
    // A fixed day: the example's waiver expires 2027-03-31, and no test may change its verdict with the calendar.
    // The fixtures live inside this project's repository; a user's profile does not. Keep git from
    // finding this repository above them, so detection sees the fixture folder alone.
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true', SCALE_ADVISE_NOW: '2026-11-23', GIT_CEILING_DIRECTORIES: ROOT.replace(/\/$/, ''), ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
