// A large profile or ADR directory makes V8 wait longer before optimising
// (src/util/large-input.ts): Node waits for its background compilations before
// exiting, which cost short runs over large inputs 30-50 ms. Small inputs
// leave V8 as it is. bench/check.mjs measures the effect; this checks the switch.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');

function flagsSetBy(args: string[], cwd: string): string[] {
  const r = spawnSync(process.execPath, ['-r', join(ROOT, 'test', 'helpers', 'v8-flags-spy.cjs'), join(ROOT, 'bin', 'scale-advise.cjs'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', SCALE_ADVISE_NOW: '2026-12-04' },
  });
  expect([0, 1], r.stderr).toContain(r.status);
  return r.stderr.split('\n').filter((l) => l.startsWith('V8FLAGS ')).map((l) => l.slice(8));
}

describe('large inputs', () => {
  it('the example profile leaves V8 as it is', () => {
    expect(flagsSetBy(['check', '--profile', EXAMPLE, '--format', 'json'], ROOT)).toEqual([]);
  });

  it('a profile of 32 KB or more delays optimisation, once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-large-'));
    const components = Array.from({ length: 600 }, (_, i) => `    - name: component-${i}\n      cpu_share_pct: ${i % 7}\n`).join('');
    const profile = readFileSync(EXAMPLE, 'utf8').replace(/  components:[^\n]*\n(    [^\n]*\n)+/, `  components:\n${components}`);
    expect(profile.length).toBeGreaterThan(32 * 1024);
    writeFileSync(join(dir, 'scale-advise.yaml'), profile);
    expect(flagsSetBy(['check', '--format', 'json', '--no-waivers'], dir)).toEqual(['--ticks-before-optimization=24']);
  });

  it('an ADR directory of 100 records or more does too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-large-'));
    cpSync(EXAMPLE, join(dir, 'scale-advise.yaml'));
    mkdirSync(join(dir, 'doc', 'adr'), { recursive: true });
    for (let n = 1; n <= 100; n++) {
      writeFileSync(join(dir, 'doc', 'adr', `${String(n).padStart(4, '0')}-decision-${n}.md`), `# ${n}. Decision ${n}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nWhy.\n\n## Decision\n\nThis.\n\n## Consequences\n\nSome.\n`);
    }
    expect(flagsSetBy(['check', '--format', 'json'], dir)).toEqual(['--ticks-before-optimization=24']);
  });
});
