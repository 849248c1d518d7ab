// Off a terminal or in CI the dashboard is not drawn: the text report is
// printed instead, with the reason, and the exit code is assess's.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { runCli } from '../helpers/run-cli.js';
import { dashboardUnavailable } from '../../src/ui/run.js';

const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');
const tty = { isTTY: true };
const pipe = { isTTY: false };

describe('the dashboard off a terminal', () => {
  it('prints the text report and says why, exiting as assess would', async () => {
    const args = ['--profile', EXAMPLE, '--no-detect', '--now', '2026-12-04', '--fail-on', 'high'];
    const ui = await runCli(['ui', ...args], ROOT, { CI: '' });
    const assess = await runCli(['assess', ...args], ROOT, { CI: '' });
    expect(ui.stderr).toContain('standard output is not one; here is the text report instead');
    expect(ui.stdout).toBe(assess.stdout);
    expect(ui.code).toBe(1);
    expect(assess.code).toBe(1);
  });

  it('says CI is why in CI', async () => {
    const r = await runCli(['assess', '--interactive', '--profile', EXAMPLE, '--no-detect'], ROOT, { CI: 'true' });
    expect(r.stderr).toContain('does not run in CI');
    expect(r.stdout).toContain('acme-shop');
    expect(r.code).toBe(0);
  });

  it('refuses --interactive with a machine format', async () => {
    const r = await runCli(['assess', '--interactive', '--format', 'json', '--profile', EXAMPLE, '--no-detect'], ROOT, { CI: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--interactive shows the dashboard');
    expect(r.stdout).toBe('');
  });

  it('needs both ends of a terminal and no CI', () => {
    expect(dashboardUnavailable({}, tty, tty)).toBeNull();
    expect(dashboardUnavailable({ CI: 'false' }, tty, tty)).toBeNull();
    expect(dashboardUnavailable({ CI: '1' }, tty, tty)).toMatch(/CI/);
    expect(dashboardUnavailable({}, pipe, tty)).toMatch(/standard input/);
    expect(dashboardUnavailable({}, tty, pipe)).toMatch(/standard output/);
  });
});
