// Servers that stop by themselves: each runs under `timeout`, so a test run
// that dies cannot leave one behind, and every one still running is stopped
// when the test process exits. Plus the odd servers the collect tests need.
import { existsSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { start, type RunAs, type Started } from './servers.js';

/** Seconds after which a test server is killed whatever happens. */
export const SERVER_LIFETIME_S = 600;

const running = new Set<Started>();
process.on('exit', () => {
  for (const s of running) if (s.proc.exitCode === null) s.proc.kill('SIGINT');
});

/** `start`, under `timeout` (which passes SIGINT on to the server) and stopped at exit. */
export function startBounded(cmd: string, args: string[], as: RunAs = {}): Started {
  const s = start('timeout', ['--kill-after=5', String(SERVER_LIFETIME_S), cmd, ...args], as);
  running.add(s);
  s.proc.once('exit', () => running.delete(s));
  return s;
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

/** A real tool: present, or (outside CI) a reason to skip. In CI its absence fails the tests. */
export function toolAvailable(path: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI) throw new Error(`${path} is missing; CI installs it (.ci/run)`);
  return false;
}
