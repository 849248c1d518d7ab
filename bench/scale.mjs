#!/usr/bin/env node
// Scale benchmark: how assess grows with the size of the profile and of the
// catalog, and how `adr list` grows with the number of records. Each size is
// run BENCH_RUNS times, interleaved with a bare `node -e 0`; the medians are
// printed as ratios to that baseline, and each step as its growth over the
// previous size, so near-linear growth shows as a step ratio close to the
// size ratio (or below it, where start-up dominates).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(root, 'bin', 'scale-advise.cjs');
const runs = Number(process.env.BENCH_RUNS ?? 15);
const work = mkdtempSync(join(tmpdir(), 'sa-bench-scale-'));
const example = readFileSync(join(root, 'examples', 'scale-advise.yaml'), 'utf8');

/** The example profile with n components under architecture. */
function profileWithComponents(n) {
  const dir = join(work, `components-${n}`);
  mkdirSync(dir, { recursive: true });
  const lines = [];
  for (let i = 0; i < n; i++) {
    lines.push(`    - name: component-${i}`, `      cpu_share_pct: ${(i % 40) + 1}`, `      sync: ${i % 3 === 0}`, `      peak_rps: ${(i % 50) * 10}`);
  }
  // Replace the example's two components with n generated ones.
  const text = example.replace(/^  components:.*\n(?:    .*\n|      .*\n)*/m, `  components:\n${lines.join('\n')}\n`);
  writeFileSync(join(dir, 'scale-advise.yaml'), text);
  return join(dir, 'scale-advise.yaml');
}

/** A directory of n user rules, each a real condition over the example's facts. */
function ruleDir(n) {
  const dir = join(work, `rules-${n}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    writeFileSync(
      join(dir, `bench-rule-${i}.yaml`),
      [
        `id: bench-rule-${i}`,
        `title: Benchmark rule number ${i}`,
        'kind: warning-sign',
        'severity: low',
        'stages: [mvp, growth, scale, enterprise]',
        'topics: [observability]',
        `when: "database.cpu_p95_pct >= ${i % 100} && traffic.peak_rps > ${i}"`,
        `message: "CPU {database.cpu_p95_pct}% over ${i % 100}."`,
        'recommendation: Look at the database before it looks at you.',
        'rationale: A generated rule that exercises the user-rule path.',
        'sources:',
        '  - seed: 001_f2f4f15da7816435.txt',
        '    point: Databases are the first bottleneck.',
        '',
      ].join('\n'),
    );
  }
  return dir;
}

/** A Nygard ADR directory with n records. */
function adrDir(n) {
  const dir = join(work, `adrs-${n}`);
  mkdirSync(join(dir, 'doc', 'adr'), { recursive: true });
  for (let i = 1; i <= n; i++) {
    const num = String(i).padStart(4, '0');
    const text = [
      `# ${i}. Decision number ${i}`,
      '',
      'Date: 2026-01-01',
      '',
      '## Status',
      '',
      i > 1 && i % 10 === 0 ? `Superseded by [${i + 1}. Decision number ${i + 1}](${String(i + 1).padStart(4, '0')}-decision-number-${i + 1}.md)` : 'Accepted',
      '',
      `Addresses: db-read-replicas`,
      '',
      '## Context',
      '',
      'Some context. '.repeat(20),
      '',
      '## Decision',
      '',
      'We decide.',
      '',
      '## Consequences',
      '',
      'Some consequences.',
      '',
    ].join('\n');
    writeFileSync(join(dir, 'doc', 'adr', `${num}-decision-number-${i}.md`), text);
  }
  return dir;
}

function time(args, cwd) {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, CI: 'true' } });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function series(title, sizes, make) {
  const cases = sizes.map((n) => ({ n, ...make(n) }));
  const base = [];
  const samples = cases.map(() => []);
  for (const c of cases) time(c.args, c.cwd); // warm the file cache
  for (let i = 0; i < runs; i++) {
    base.push(time(['-e', '0'], root));
    cases.forEach((c, k) => samples[k].push(time(c.args, c.cwd)));
  }
  const b = median(base);
  console.log(`\n${title} (node -e 0: ${b.toFixed(1)} ms)`);
  console.log(`${'size'.padStart(8)} ${'median ms'.padStart(10)} ${'ratio'.padStart(7)} ${'step'.padStart(7)}`);
  let prev;
  cases.forEach((c, k) => {
    const m = median(samples[k]);
    const step = prev ? (m / prev).toFixed(2) : '';
    console.log(`${String(c.n).padStart(8)} ${m.toFixed(1).padStart(10)} ${(m / b).toFixed(2).padStart(7)} ${step.padStart(7)}`);
    prev = m;
  });
}

console.log(`runs: ${runs} per size, interleaved with node -e 0; medians`);
series('assess --format json, by components in the profile', [10, 100, 1000, 10000], (n) => ({
  // --no-detect: these profiles sit in a scratch folder with no repository to look at; bench/detect.mjs measures detection.
  args: [BIN, 'assess', '--format', 'json', '--no-detect', '--profile', profileWithComponents(n)],
  cwd: work,
}));
series('assess --format json, by user rules added to the catalog', [10, 100, 1000], (n) => ({
  args: [BIN, 'assess', '--format', 'json', '--no-detect', '--profile', join(root, 'examples', 'scale-advise.yaml'), '--rules', ruleDir(n)],
  cwd: work,
}));
series('adr list --format json, by records', [30, 300, 3000], (n) => ({ args: [BIN, 'adr', 'list', '--format', 'json'], cwd: adrDir(n) }));
