// A terminal for end-to-end tests: a tmux server of the test's own (its own
// socket), one session running a command, the screen read with capture-pane.
import { spawnSync } from 'node:child_process';
import { waitFor } from './prompt-driver.js';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;

export class Terminal {
  private readonly socket = `sa-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;

  constructor(command: string, opts: { cwd: string; columns?: number; rows?: number }) {
    const started = this.tmux('new-session', '-d', '-s', 'main', '-x', String(opts.columns ?? 80), '-y', String(opts.rows ?? 24), '-c', opts.cwd, command);
    if (started.status !== 0) throw new Error(`tmux did not start: ${started.stderr}`);
  }

  tmux(...args: string[]) {
    return spawnSync('tmux', ['-L', this.socket, ...args], { encoding: 'utf8' });
  }

  /** The visible screen; with `escapes`, with its colour and attribute sequences. */
  screen(escapes = false): string {
    return this.tmux('capture-pane', '-p', ...(escapes ? ['-e'] : []), '-t', 'main').stdout ?? '';
  }

  keys(...keys: string[]): void {
    this.tmux('send-keys', '-t', 'main', ...keys);
  }

  waitFor(test: (text: string) => boolean, what: string, ms = 15_000): Promise<string> {
    return waitFor(() => this.screen(), test, what, ms);
  }

  close(): void {
    this.tmux('kill-server');
  }
}
