import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './assess.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Run the built CLI without blocking this process (test servers live in it). */
export function runCli(args: string[], cwd: string, env: Record<string, string> = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), ...args], { cwd, env: { ...process.env, ...env }, timeout: 120000 }, (err, stdout, stderr) => {
      const code = err ? (typeof (err as { code?: unknown }).code === 'number' ? (err as { code: number }).code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}
