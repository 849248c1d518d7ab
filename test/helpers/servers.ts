// Starting real servers for tests: free loopback ports, the postgres user
// (PostgreSQL and PgBouncer refuse root), and waiting until they answer.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A port the OS says is free on 127.0.0.1 now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export function hasTool(cmd: string, args = ['--version']): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return !r.error;
}

export interface RunAs {
  uid?: number;
  gid?: number;
}

/**
 * The postgres user's ids when we are root (PostgreSQL and PgBouncer refuse
 * root); nothing otherwise. The child gets them directly, with no wrapper
 * process in between, so stopping it reaches the server itself.
 */
export function postgresUser(): RunAs {
  if (process.getuid?.() !== 0) return {};
  const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
  return { uid: id('-u'), gid: id('-g') };
}

/** A temporary directory the postgres user owns. */
export function postgresTempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const { uid, gid } = postgresUser();
  if (uid !== undefined && gid !== undefined) chownSync(dir, uid, gid);
  return dir;
}

export function runOrThrow(cmd: string, args: string[], opts: { cwd?: string } & RunAs = {}): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', ...opts });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status ?? r.error?.message}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

export interface Started {
  proc: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Start a server in the foreground of a child process; stop() ends it and waits. */
export function start(cmd: string, args: string[], as: RunAs = {}): Started {
  const proc = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'], ...as });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return {
    proc,
    output: () => out,
    stop: async () => {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGINT');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Retry `probe` until it succeeds or `ms` pass. */
export async function waitFor<T>(probe: () => Promise<T> | T, what: string, ms = 15000): Promise<T> {
  const until = Date.now() + ms;
  let last: unknown;
  while (Date.now() < until) {
    try {
      return await probe();
    } catch (e) {
      last = e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`${what} did not come up: ${last instanceof Error ? last.message : String(last)}`);
}
