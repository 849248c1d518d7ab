// A read-only ADR directory is the user's problem to fix, reported clearly
// (exit 2), never a stack trace. Root ignores mode bits, so under root (as in
// CI) the command runs as the unprivileged `nobody` user to make them bind.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const NOBODY = 65534;
const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const asRoot = process.getuid?.() === 0;
/** Under root, the unprivileged user must be able to read the package to run it at all. */
const runnable = !asRoot || spawnSync(process.execPath, ['-e', `require('fs').accessSync(${JSON.stringify(BIN)}); require('fs').accessSync(${JSON.stringify(join(ROOT, 'dist', 'cli.cjs'))})`], { uid: NOBODY, gid: NOBODY }).status === 0;

describe('read-only ADR directory', () => {
  it.runIf(runnable)('exits 2 with a clear message and writes nothing', () => {
    const base = mkdtempSync(join(tmpdir(), 'sa-ro-'));
    chmodSync(base, 0o755);
    const dir = join(base, 'doc', 'adr');
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o555);
    const r = spawnSync(process.execPath, [BIN, 'adr', 'new', '--dir', dir, 'Use a queue'], {
      cwd: base,
      encoding: 'utf8',
      env: { ...process.env, CI: 'true', HOME: base },
      ...(asRoot ? { uid: NOBODY, gid: NOBODY } : {}),
    });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/permission denied/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual([]);
  });
});
