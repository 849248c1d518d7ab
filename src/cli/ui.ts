import type { Command } from 'commander';
import { SEVERITIES } from '../model.js';
import { runAssess, type AssessFlags } from './assess.js';
import { collectedOptions, commonOptions, nowOption } from './options.js';
import type { Run } from './run.js';

/** `ui`: the assessment as an interactive terminal dashboard (the same as `assess --interactive`). */
export function registerUi(program: Command, run: Run): void {
  collectedOptions(nowOption(commonOptions(program.command('ui').description('browse the assessment in a terminal dashboard and act on findings: ADR, config, waiver, 10x what-if (the text report when not on a terminal or in CI)'))))
    .option('--fail-on <severity>', `exit 1 when an open finding is at or above this severity (${SEVERITIES.join(', ')})`)
    .option('--no-color', 'no colours (NO_COLOR is honoured too)')
    .option('--no-detect', 'use the profile alone; do not look at the repository (git history, files, dependencies)')
    .addHelpText(
      'after',
      `
Keys: j/k or arrows move, J/K or PgDn/PgUp scroll the detail, g groups by severity or
roadmap phase, 1/2/3 cycle the topic/kind/status filter, 0 clears, / searches,
a writes an ADR (as \`adr from\`), s renders a config template (as \`scaffold --for\`),
w adds a waiver to the profile (comments kept), x shows 10x load, q quits.
Each action asks y/n first. See docs/ui.md.`,
    )
    .action((flags: AssessFlags) => run(() => runAssess({ ...flags, format: 'text', interactive: true })));
}
