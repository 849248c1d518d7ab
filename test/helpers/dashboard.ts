// Drawing the dashboard with ink-testing-library, for the component tests:
// inputs loaded from a profile, keys typed one at a time.
import { join } from 'node:path';
import { render } from 'ink-testing-library';
import { afterEach } from 'vitest';
import { load, type Inputs, type LoadOptions } from '../../src/load.js';
import { evaluate } from '../../src/engine/assessment.js';
import { loadDashboard } from '../../src/ui/run.js';
import { dashboardData, type DashboardData } from '../../src/ui/view-model.js';
import { ROOT } from './assess.js';

export const NOW = new Date('2026-12-04T12:00:00Z');
export const KEY = { down: '\u001B[B', up: '\u001B[A', pageDown: '\u001B[6~', pageUp: '\u001B[5~', escape: '\u001B', enter: '\r', backspace: '\u007F' };

export function inputsFor(profile: string, opts: Partial<LoadOptions> = {}): Inputs {
  return load({ cwd: ROOT, profile: join(ROOT, profile), now: NOW, ...opts });
}

export function dataFor(profile: string): DashboardData {
  const inputs = inputsFor(profile);
  return dashboardData(inputs, evaluate(inputs));
}

const { React, Dashboard } = await loadDashboard();
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

/** ink-testing-library's terminal is 100 columns wide; `rows` sets the height. */
export function draw(inputs: Inputs, rows = 24) {
  const app = render(React.createElement(Dashboard, { inputs, color: false, rows }));
  cleanup = app.cleanup;
  return app;
}

export type Drawn = ReturnType<typeof draw>;

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Type keys one at a time, letting React render after each; returns the frame once it has settled. */
export async function press(app: Drawn, ...keys: string[]): Promise<string> {
  for (const k of keys) {
    app.stdin.write(k);
    await pause(30);
  }
  if (!keys.length) await pause(30);
  // on a busy machine a frame can lag: wait until two looks in a row agree
  let frame = app.lastFrame() ?? '';
  for (let i = 0; i < 20; i++) {
    await pause(25);
    const next = app.lastFrame() ?? '';
    if (next === frame) break;
    frame = next;
  }
  return frame;
}

/** Type a line of text into a prompt, character by character, then Enter. */
export async function typeLine(app: Drawn, text: string): Promise<string> {
  return press(app, ...text.split(''), KEY.enter);
}

/** Wait until the frame passes `test` (an action that writes files answers after a moment). */
export async function frameWhere(app: Drawn, test: (frame: string) => boolean, ms = 5000): Promise<string> {
  const end = Date.now() + ms;
  while (!test(app.lastFrame() ?? '')) {
    if (Date.now() > end) throw new Error(`the dashboard never showed what was expected; last frame:\n${app.lastFrame()}`);
    await pause(30);
  }
  return app.lastFrame() ?? '';
}

export const selectedLine = (frame: string) => frame.split('\n').find((l) => l.includes('›'))?.trim();
