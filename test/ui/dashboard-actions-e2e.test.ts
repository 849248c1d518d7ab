// The loop from finding to decision in a real terminal: tmux runs the built
// CLI on a copy of a profile, the keys are typed as a person would, and the
// screen, the file on disk and the exit code are checked. SCALE_ADVISE_NOW
// fixes the day, so the default expiry (90 days on) is known. Skips without
// tmux, except in CI.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { hasTmux, Terminal } from '../helpers/tmux.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const selected = (screen: string) => screen.split('\n').find((l) => l.startsWith('›')) ?? '';

describe.runIf(hasTmux || Boolean(process.env.CI))('acting from the dashboard in a terminal', () => {
  it('asks for owner, reason and expiry, shows the finding waived, and writes only the waiver into the commented profile', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-ui-waiver-'));
    const profile = join(dir, 'scale-advise.yaml');
    copyFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), profile);
    const original = readFileSync(profile, 'utf8');
    const term = new Terminal(`env -u CI NO_COLOR=1 SCALE_ADVISE_NOW=2026-12-04 ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ui --no-detect; echo UI-EXIT=$?; sleep 60`, { cwd: dir, columns: 100, rows: 30 });
    const type = (text: string) => term.tmux('send-keys', '-t', 'main', '-l', text);
    try {
      const first = await term.waitFor((t) => t.includes('q: quit'), 'the dashboard');
      expect(first).toContain('33 open · 0 addressed · 1 waived');
      term.keys('j');
      const screen = await term.waitFor((t) => selected(t) !== selected(first), 'the selection to move');
      const rule = /^(.+) \(([a-z][a-z0-9-]+)\)$/m.exec(screen)![2]!;
      expect(selected(screen)).toContain('[open]');

      term.keys('w');
      await term.waitFor((t) => t.includes(`Waive ${rule}: owner:`), 'the owner prompt');
      type('sre-team');
      await term.waitFor((t) => t.includes('owner: sre-team'), 'the owner typed');
      term.keys('Enter');
      await term.waitFor((t) => t.includes('Reason:'), 'the reason prompt');
      type('Fixed by the Q1 migration');
      await term.waitFor((t) => t.includes('Reason: Fixed by the Q1 migration'), 'the reason typed');
      term.keys('Enter');
      await term.waitFor((t) => t.includes('Expires (YYYY-MM-DD): 2027-03-04'), 'the expiry prompt with its default');
      term.keys('Enter');
      await term.waitFor((t) => t.includes(`Waive ${rule} until 2027-03-04 (owner sre-team) in scale-advise.yaml? (y/n)`), 'the confirmation');
      term.keys('y');

      const after = await term.waitFor((t) => selected(t).includes('[waived]'), 'the finding to show as waived');
      expect(after).toContain('32 open · 0 addressed · 2 waived');
      expect(after).toContain('Waived by sre-team until 2027-03-04 (scope: the whole rule)');
      expect(after).toContain('reason: Fixed by the Q1 migration');
      const entry = `  - rule: ${rule}\n    reason: Fixed by the Q1 migration\n    owner: sre-team\n    expires: 2027-03-04\n`;
      const written = readFileSync(profile, 'utf8');
      expect(written).toContain(entry);
      // the comments are still there, and nothing but the entry was added
      expect(written).toContain('# The example profile: a growing e-commerce shop hitting its first scaling wall.');
      expect(written).toContain('waivers:                        # a conscious, time-boxed "not now" for a finding');
      expect(written.replace(entry, '')).toBe(original);

      term.keys('q');
      expect(await term.waitFor((t) => /UI-EXIT=\d/.test(t), 'the dashboard to close')).toMatch(/UI-EXIT=0/);
    } finally {
      term.close();
    }
  }, 60_000);

  it('leaves with the exit code of the decisions made in it: an ADR for the one high finding passes --fail-on high', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-ui-adr-'));
    copyFileSync(join(ROOT, 'test', 'fixtures', 'cases', 'bot-costs.yaml'), join(dir, 'scale-advise.yaml'));
    const term = new Terminal(`env -u CI SCALE_ADVISE_NOW=2026-12-04 ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ui --fail-on high --no-detect; echo UI-EXIT=$?; sleep 60`, { cwd: dir, columns: 100, rows: 30 });
    try {
      const first = await term.waitFor((t) => t.includes('q: quit'), 'the dashboard');
      expect(first).toMatch(/^HIGH \(1\)$/m);
      term.keys('a');
      await term.waitFor((t) => t.includes('(y/n)'), 'the confirmation');
      term.keys('y');
      await term.waitFor((t) => selected(t).includes('[addressed]'), 'the finding to show as addressed');
      term.keys('q');
      expect(await term.waitFor((t) => /UI-EXIT=\d/.test(t), 'the dashboard to close')).toMatch(/UI-EXIT=0/);
    } finally {
      term.close();
    }
  }, 60_000);
});
