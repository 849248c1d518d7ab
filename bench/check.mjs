#!/usr/bin/env node
// `check` at size: a profile with 1,000 components and an ADR directory of
// 300 records (some addressing rules, some past their review-by date), with
// waivers, against a bare `node -e 0` in the same run, as a ratio of medians.
// Target: at most 3x.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare } from './timing.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const target = Number(process.env.BENCH_TARGET ?? 3);
const NOW = '2026-12-04';

function makeProject() {
  const dir = mkdtempSync(join(tmpdir(), 'sa-bench-check-'));
  const example = readFileSync(join(root, 'examples', 'scale-advise.yaml'), 'utf8');
  const components = Array.from({ length: 1000 }, (_, i) =>
    `    - name: component-${String(i).padStart(4, '0')}\n      cpu_share_pct: ${i % 7}\n      peak_rps: ${i % 50}\n      sync: ${i % 2 === 0}\n`,
  ).join('');
  // The example's own components list is replaced by the large one; its waiver stays.
  const profile = example.replace(/  components:[^\n]*\n(    [^\n]*\n)+/, `  components:\n${components}`).replace(/expires: \d{4}-\d{2}-\d{2}/, 'expires: 2027-01-31');
  writeFileSync(join(dir, 'scale-advise.yaml'), profile);
  const adr = join(dir, 'doc', 'adr');
  mkdirSync(adr, { recursive: true });
  const rules = ['db-connection-pooling', 'db-cpu-saturated', 'cache-missing', 'circuit-breakers', 'spike-outages'];
  for (let n = 1; n <= 300; n++) {
    const addresses = n % 10 === 0 ? `\nAddresses: ${rules[(n / 10) % rules.length]}\n` : '';
    const review = n % 25 === 0 ? '\nReview-by: 2026-11-01\n' : '';
    writeFileSync(
      join(adr, `${String(n).padStart(4, '0')}-decision-${n}.md`),
      `# ${n}. Decision ${n}\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n${review}\n## Context\n\nWhy decision ${n} was needed.${addresses}\n\n## Decision\n\nWe do ${n}.\n\n## Consequences\n\nSome.\n`,
    );
  }
  return dir;
}

const dir = makeProject();
const bin = join(root, 'bin', 'scale-advise.cjs');
const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  // The same profile through assess: what check adds to the shared pipeline.
  'assess --format json': [process.execPath, [bin, 'assess', '--now', NOW, '--format', 'json']],
  'check --format json': [process.execPath, [bin, 'check', '--now', NOW, '--format', 'json']],
  'check --format sarif': [process.execPath, [bin, 'check', '--now', NOW, '--format', 'sarif']],
};

if (process.env.BENCH_KEEP) console.log(dir);
try {
  console.log('check on 1,000 components and 300 ADRs');
  const ratios = compare(commands, runs, { cwd: dir, env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' }, ok: [0, 1] });
  const worst = Math.max(...Object.entries(ratios).filter(([k]) => k.startsWith('check')).map(([, r]) => r.wall));
  console.log(`worst wall ratio ${worst.toFixed(2)} (target <= ${target})`);
  if (process.argv.includes('--check') && worst > target) process.exitCode = 1;
} finally {
  if (!process.env.BENCH_KEEP) rmSync(dir, { recursive: true, force: true });
}
