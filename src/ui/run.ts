// The dashboard's entry: decides whether it can be drawn, then imports React
// and ink (only here, only then) and runs it until the user leaves.
import type * as ReactModule from 'react';
import type * as InkModule from 'ink';
import type { Inputs } from '../load.js';
import type { Assessment } from '../model.js';
import { lazyImport } from '../util/lazy-import.js';

/** Why the dashboard cannot run here, or null when it can: it needs a terminal on both ends and no CI. */
export function dashboardUnavailable(env: NodeJS.ProcessEnv = process.env, stdin: { isTTY?: boolean } = process.stdin, stdout: { isTTY?: boolean } = process.stdout): string | null {
  if (env.CI && env.CI !== 'false' && env.CI !== '0') return 'the dashboard does not run in CI (CI is set)';
  if (!stdout.isTTY) return 'the dashboard needs a terminal and standard output is not one';
  if (!stdin.isTTY) return 'the dashboard needs a terminal and standard input is not one';
  return null;
}

/** Load React, ink and the components; what tests render too. */
export async function loadDashboard() {
  // React is CommonJS: import() may hand it over as the default export
  const reactModule = await lazyImport<typeof ReactModule & { default?: typeof ReactModule }>('react');
  const React = reactModule.default ?? reactModule;
  const ink = await lazyImport<typeof InkModule>('ink');
  const { dashboardComponent } = await import('./dashboard.js');
  return { React, ink, Dashboard: dashboardComponent(React, ink) };
}

/**
 * Draw the dashboard until q or Ctrl-C; ink restores the terminal on the way
 * out. Returns the assessment as the user left it, with the ADRs and waivers
 * written in the dashboard.
 */
export async function showDashboard(inputs: Inputs, assessment: Assessment, color: boolean): Promise<Assessment> {
  const { React, ink, Dashboard } = await loadDashboard();
  let last = assessment;
  const onAssessment = (a: Assessment) => {
    last = a;
  };
  const app = ink.render(React.createElement(Dashboard, { inputs, assessment, color, onAssessment }), { exitOnCtrlC: true });
  // Ctrl-C reaches ink as a key once it reads the keyboard raw; pressed before
  // that (or sent as a signal) it is SIGINT, and it must leave the same way.
  const leave = () => app.unmount();
  process.on('SIGINT', leave);
  try {
    await app.waitUntilExit();
  } finally {
    process.off('SIGINT', leave);
  }
  return last;
}
