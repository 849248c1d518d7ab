#!/usr/bin/env node
// Start-up benchmark: `scale-advise assess --format json` on the example
// profile against a bare `node -e 0`, measured in the same run, reported as a
// ratio. Timings on shared machines are noisy, so runs are interleaved and
// the medians compared; the target is a ratio of at most 1.6.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS ?? 30);
const target = Number(process.env.BENCH_TARGET ?? 1.6);
const commands = {
  'node -e 0': [process.execPath, ['-e', '0']],
  'assess --format json': [process.execPath, [join(root, 'bin', 'scale-advise.cjs'), 'assess', '--profile', join(root, 'examples', 'scale-advise.yaml'), '--format', 'json']],
  'rules --format json': [process.execPath, [join(root, 'bin', 'scale-advise.cjs'), 'rules', '--format', 'json']],
};

function time([cmd, args]) {
  const start = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
for (const c of Object.values(commands)) time(c); // warm the file cache
for (let i = 0; i < runs; i++) for (const [k, c] of Object.entries(commands)) samples[k].push(time(c));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const base = median(samples['node -e 0']);
console.log(`runs: ${runs} each, interleaved; medians`);
let worst = 0;
for (const [k, xs] of Object.entries(samples)) {
  const m = median(xs);
  const ratio = m / base;
  if (k !== 'node -e 0') worst = Math.max(worst, ratio);
  console.log(`${k.padEnd(24)} ${m.toFixed(1).padStart(7)} ms   ratio ${ratio.toFixed(2)}`);
}
console.log(`worst ratio ${worst.toFixed(2)} (target <= ${target})`);
if (process.argv.includes('--check') && worst > target) process.exitCode = 1;
