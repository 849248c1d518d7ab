import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './assess.js';

export const BIN = join(ROOT, 'bin', 'scale-advise.cjs');

/** Run the built CLI as a user would, without colour, and collect what it printed. */
export function runCli(args: string[], cwd = ROOT, env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true', ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}
