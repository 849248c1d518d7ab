// Real servers for tests, on loopback and free ports, that stop by themselves:
// each runs under `timeout`, so a test process that dies cannot leave one behind,
// and every one started is stopped at exit.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';

/** Seconds after which a test server is killed whatever happens. */
export const SERVER_LIFETIME_S = 600;

const started = new Set<ChildProcess>();
process.on('exit', () => {
  for (const p of started) if (p.pid && p.exitCode === null) safeKill(p.pid);
});

function safeKill(pid: number, signal: NodeJS.Signals = 'SIGTERM'): void {
  try {
    process.kill(pid, signal);
  } catch {
    // already gone
  }
}

/** A port nothing listens on right now, chosen by the OS. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((res) => server.close(() => res()));
  return port;
}

/** Run a command under `timeout`, remembered so it is stopped at exit. */
export function startProcess(cmd: string, args: string[], opts: { asUser?: string; cwd?: string } = {}): ChildProcess & { output: () => string } {
  const timed = ['--kill-after=5', String(SERVER_LIFETIME_S), cmd, ...args];
  const [bin, argv] = opts.asUser ? ['runuser', ['-u', opts.asUser, '--', 'timeout', ...timed]] : ['timeout', timed];
  const child = spawn(bin as string, argv as string[], { cwd: opts.cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20000)));
  child.stderr?.on('data', (d: Buffer) => (out = (out + d.toString()).slice(-20000)));
  started.add(child);
  child.on('exit', () => started.delete(child));
  return Object.assign(child, { output: () => out });
}

/** Stop a server: first `extraPids` (the server itself, when `child` is a wrapper) with `signal`, then the wrapper. */
export async function stopProcess(child: ChildProcess | undefined, extraPids: number[] = [], signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (!child) return;
  for (const pid of extraPids) safeKill(pid, signal);
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((res) => child.once('exit', () => res()));
  if (child.pid) safeKill(child.pid);
  const timer = setTimeout(() => child.pid && safeKill(child.pid, 'SIGKILL'), 10000);
  await exited;
  clearTimeout(timer);
}

/** Wait until `check` resolves true, or fail with what the server printed. */
export async function waitFor(check: () => Promise<boolean>, what: string, child: { output: () => string; exitCode: number | null }, ms = 30000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${what} exited early:\n${child.output()}`);
    if (await check().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start within ${ms / 1000}s:\n${child.output()}`);
}

/** A server that accepts connections and never says a word: the timeout case. */
export async function silentServer(): Promise<{ port: number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((res) => server.listen(0, '127.0.0.1', res));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((res) => {
        for (const s of sockets) s.destroy();
        server.close(() => res());
      }),
  };
}

/** A real tool: present, or (outside CI) a reason to skip. In CI its absence fails the test. */
export function toolAvailable(path: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI) throw new Error(`${path} is missing; CI installs it (.ci/run)`);
  return false;
}

export function commandOk(cmd: string, args: string[]): boolean {
  return spawnSync(cmd, args, { stdio: 'ignore' }).status === 0;
}
