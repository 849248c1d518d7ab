// What a user owns is never lost: a report written over an existing file
// appears whole or not at all, a planted symbolic link is not written
// through, concurrent writers never interleave, and a full device is a clear
// error, not a crash.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');
// The example profile lives inside this repository: keep git (and so the detection cache, written
// first) out of it, so the only file these runs write is the report under test.
const ENV = { ...process.env, CI: 'true', NO_COLOR: '1', SCALE_ADVISE_NOW: '2026-11-23', GIT_CEILING_DIRECTORIES: ROOT.replace(/\/$/, '') };

const run = (args: string[], cwd: string) => spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: ENV, timeout: 60_000 });
const isWholeReport = (text: string) => {
  try {
    return (JSON.parse(text) as { schema_version?: number }).schema_version === 1;
  } catch {
    return false;
  }
};

describe('safe files', () => {
  it('leaves the old file whole when the writer dies mid-write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-kill-'));
    const target = join(dir, 'report.json');
    const old = 'the report from last week\n';
    writeFileSync(target, old);
    const hook = join(ROOT, 'test', 'helpers', 'kill-mid-write.cjs');
    const killed = spawnSync(process.execPath, ['-r', hook, BIN, 'assess', '--profile', EXAMPLE, '--format', 'json', '-o', target, '--force'], { cwd: dir, env: ENV, timeout: 60_000 });
    expect(killed.signal).toBe('SIGKILL');
    expect(readFileSync(target, 'utf8')).toBe(old);
    // What the dead writer left is a temporary file that says what it is, not a torn report.
    const leftovers = readdirSync(dir).filter((f) => f !== 'report.json');
    expect(leftovers).toHaveLength(1);
    expect(leftovers[0]).toMatch(/^\.scale-advise-tmp\./);
    // Left alone, the same command replaces the file with the whole report.
    expect(run(['assess', '--profile', EXAMPLE, '--format', 'json', '-o', target, '--force'], dir).status).toBe(0);
    expect(isWholeReport(readFileSync(target, 'utf8'))).toBe(true);
  });

  it('does not write through a symbolic link planted at the target', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-link-'));
    const precious = join(dir, 'precious.txt');
    writeFileSync(precious, 'keep me\n');
    const link = join(dir, 'report.json');
    symlinkSync(precious, link);
    const refused = run(['assess', '--profile', EXAMPLE, '--format', 'json', '-o', link], dir);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists; pass --force/);
    expect(run(['assess', '--profile', EXAMPLE, '--format', 'json', '-o', link, '--force'], dir).status).toBe(0);
    expect(readFileSync(precious, 'utf8')).toBe('keep me\n');
    expect(lstatSync(link).isSymbolicLink()).toBe(false);
    expect(isWholeReport(readFileSync(link, 'utf8'))).toBe(true);
  });

  it('treats a dangling link at the target as an existing file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-dangle-'));
    const link = join(dir, 'report.json');
    symlinkSync(join(dir, 'nowhere', 'x'), link);
    const r = run(['assess', '--profile', EXAMPLE, '-o', link], dir);
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('never replaces a device or a directory, even with --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-dev-'));
    for (const target of ['/dev/null', dir]) {
      const r = run(['assess', '--profile', EXAMPLE, '-o', target, '--force'], dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(/is (a directory|not a regular file); give the path of a file to write/);
    }
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('lets exactly one of several concurrent writers create a new file, whole', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-race-'));
    const target = join(dir, 'report.json');
    const codes = await Promise.all(
      Array.from({ length: 6 }, () => new Promise<number | null>((resolve) => {
        const p = spawn(process.execPath, [BIN, 'assess', '--profile', EXAMPLE, '--format', 'json', '-o', target], { cwd: dir, env: ENV });
        p.on('close', resolve);
      })),
    );
    expect(codes.filter((c) => c === 0)).toHaveLength(1);
    expect(codes.filter((c) => c === 2)).toHaveLength(5);
    expect(isWholeReport(readFileSync(target, 'utf8'))).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('.scale-advise-tmp'))).toEqual([]);
  });

  it('reports a full device as a clear error, not a crash', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" assess --profile "${EXAMPLE}" > /dev/full`], { encoding: 'utf8', env: ENV });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/cannot write standard output: no space left on the device/);
    expect(r.stderr).not.toMatch(/internal error|\n\s+at /);
  });
});
