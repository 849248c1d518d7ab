// The dashboard in a real terminal: tmux runs the built CLI, send-keys types,
// capture-pane reads what a person would see. Skips without tmux, except in CI.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');

function dashboard(args: string, env = '') {
  const dir = mkdtempSync(join(tmpdir(), 'sa-ui-'));
  const trace = join(dir, 'loaded.txt');
  // the shell traps SIGINT (its children still get the default), so it lives to print the exit code
  const command = `trap true INT; env -u CI ${env} ${JSON.stringify(process.execPath)} -r ${JSON.stringify(join(ROOT, 'test', 'helpers', 'trace-loads.cjs'))} ${JSON.stringify(BIN)} ${args} --now 2026-12-04 --no-detect 2>${JSON.stringify(trace)}; echo UI-EXIT=$?; sleep 60`;
  return { term: new Terminal(command, { cwd: dir }), loaded: () => readFileSync(trace, 'utf8') };
}

describe.runIf(hasTmux || Boolean(process.env.CI))('the dashboard in a terminal', () => {
  it('draws at 80x24, moves with j, leaves with q', async () => {
    const { term, loaded } = dashboard(`ui --profile ${JSON.stringify(EXAMPLE)}`, 'NO_COLOR=1');
    try {
      const first = await term.waitFor((t) => t.includes('q: quit'), 'the dashboard');
      expect(first).toContain('acme-shop');
      expect(first).toContain('▲ now');
      const before = first.split('\n').find((l) => l.startsWith('›'));
      expect(before).toBeDefined();
      // NO_COLOR: no foreground colour sequences, only the selection's inverse video
      expect(term.screen(true)).not.toMatch(/\u001B\[(?:[0-9;]*;)?(3[0-7]|9[0-7]|38;)/);
      term.keys('j');
      await term.waitFor((t) => t.split('\n').find((l) => l.startsWith('›')) !== before, 'the selection to move');
      term.keys('q');
      const end = await term.waitFor((t) => /UI-EXIT=\d/.test(t), 'the dashboard to close');
      expect(end).toMatch(/UI-EXIT=0/);
      // ink and React were loaded here, and the tracer saw them: the lazy-loading test's check is real
      expect(loaded()).toMatch(/^LOADED ink$/m);
      expect(loaded()).toMatch(/^LOADED react$/m);
    } finally {
      term.close();
    }
  }, 60_000);

  it('follows a resize of the terminal', async () => {
    const { term } = dashboard(`ui --profile ${JSON.stringify(EXAMPLE)}`);
    try {
      await term.waitFor((t) => t.includes('q: quit'), 'the dashboard');
      term.tmux('resize-window', '-t', 'main', '-x', '60', '-y', '20');
      // the rule above the detail pane spans the width
      const narrow = await term.waitFor((t) => t.split('\n').some((l) => /^─{60}$/.test(l.trimEnd())), 'the layout to narrow');
      expect(narrow.split('\n').every((l) => l.trimEnd().length <= 60)).toBe(true);
      expect(narrow).toContain('q: quit');
    } finally {
      term.close();
    }
  }, 60_000);

  /** Ctrl-C leaves with exit 1 under --fail-on high (a high finding is open); `moveFirst` makes it a key, not a signal. */
  async function leavesOnCtrlC(moveFirst: boolean) {
    const { term } = dashboard(`assess --interactive --fail-on high --profile ${JSON.stringify(EXAMPLE)}`);
    try {
      const first = await term.waitFor((t) => t.includes('q: quit'), 'the dashboard');
      if (moveFirst) {
        // a key that moves the selection proves the dashboard reads the keyboard raw, so C-c is a key to it
        const before = first.split('\n').find((l) => l.startsWith('›'));
        term.keys('j');
        await term.waitFor((t) => t.split('\n').find((l) => l.startsWith('›')) !== before, 'the selection to move');
      }
      term.keys('C-c');
      const end = await term.waitFor((t) => /UI-EXIT=\d/.test(t), 'the dashboard to close');
      expect(end).toMatch(/UI-EXIT=1/);
    } finally {
      term.close();
    }
  }

  it('leaves on Ctrl-C with the exit code assess --fail-on would give', () => leavesOnCtrlC(true), 60_000);

  // Before ink reads the keyboard raw, Ctrl-C is SIGINT: either may happen here, and both must leave the same way.
  it('leaves the same way on a Ctrl-C pressed as soon as it draws, key or signal', () => leavesOnCtrlC(false), 60_000);
});
