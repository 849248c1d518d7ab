#!/usr/bin/env node
// Detection benchmark. Builds repositories with `git fast-import` (25k, 50k
// and 100k commits by default) and reports:
//  1. detection time as a ratio to a plain `git log` over the same history
//     (target <= 1.3), and time per 1,000 commits at each size: linear growth
//     keeps that figure flat;
//  2. `assess --format json` with a warm detection cache in a 1,000-commit
//     repository, as a ratio to `node -e 0` (target <= 2).
// Runs are interleaved and medians compared: the machine is shared and noisy.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { detectRepository } = require(join(root, 'dist', 'detect.cjs'));
const sizes = (process.env.BENCH_COMMITS ?? '25000,50000,100000').split(',').map(Number);
const runs = Number(process.env.BENCH_RUNS ?? 5);
const NOW = new Date('2026-06-15T12:00:00Z');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** A linear history of `n` commits by 40 authors, one an hour up to NOW, a merge every 50th. */
function buildRepository(n) {
  const dir = mkdtempSync(join(tmpdir(), `sa-bench-${n}-`));
  spawnSync('git', ['init', '-q', '-b', 'main', dir]);
  const chunks = [];
  const start = Math.floor(NOW.getTime() / 1000) - n * 3600;
  for (let i = 1; i <= n; i++) {
    const who = `dev${i % 40}`;
    const when = `${start + i * 3600} +0000`;
    const msg = `change ${i}\n`;
    const body = `line ${i}\n`;
    chunks.push(
      `commit refs/heads/main\nmark :${i}\nauthor ${who} <${who}@example.com> ${when}\ncommitter ${who} <${who}@example.com> ${when}\n` +
        `data ${Buffer.byteLength(msg)}\n${msg}${i > 1 ? `from :${i - 1}\n` : ''}${i > 50 && i % 50 === 0 ? `merge :${i - 25}\n` : ''}` +
        `M 100644 inline src/file${i % 200}.txt\ndata ${Buffer.byteLength(body)}\n${body}\n`,
    );
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, input: chunks.join('') });
  if (r.status !== 0) throw new Error(`git fast-import failed: ${r.stderr}`);
  spawnSync('git', ['reset', '-q', '--hard', 'main'], { cwd: dir });
  return dir;
}

/** Plain `git log` over the whole history, its output drained through a pipe as detection's is. */
function timeGitLog(dir) {
  return new Promise((resolve, reject) => {
    const t = process.hrtime.bigint();
    const child = spawn('git', ['log'], { cwd: dir, stdio: ['ignore', 'pipe', 'ignore'] });
    child.stdout.resume();
    child.on('error', reject);
    child.on('close', () => resolve(Number(process.hrtime.bigint() - t) / 1e6));
  });
}

async function timeDetection(dir) {
  const t = process.hrtime.bigint();
  const d = await detectRepository(dir, { now: NOW });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (!d.facts.some((f) => f.id === 'team.engineers')) throw new Error('detection found no history');
  return ms;
}

console.log('Detection against plain `git log` (medians of interleaved runs)');
console.log('commits   git log ms   detection ms   ratio   detection ms per 1k commits');
let worst = 0;
const perK = [];
for (const n of sizes) {
  const dir = buildRepository(n);
  const log = [];
  const det = [];
  await timeGitLog(dir); // warm the page cache
  for (let i = 0; i < runs; i++) {
    log.push(await timeGitLog(dir));
    det.push(await timeDetection(dir));
  }
  const ratio = median(det) / median(log);
  worst = Math.max(worst, ratio);
  perK.push(median(det) / (n / 1000));
  console.log(`${String(n).padStart(7)}   ${median(log).toFixed(0).padStart(10)}   ${median(det).toFixed(0).padStart(12)}   ${ratio.toFixed(2).padStart(5)}   ${perK.at(-1).toFixed(1).padStart(8)}`);
  rmSync(dir, { recursive: true, force: true });
}
const growth = Math.max(...perK) / Math.min(...perK);
console.log(`worst ratio ${worst.toFixed(2)} (target <= 1.3); per-commit cost varies ${growth.toFixed(2)}x across sizes (linear: close to 1)`);

// 2. Start-up with a warm cache.
const small = buildRepository(1000);
writeFileSync(join(small, 'package.json'), JSON.stringify({ dependencies: { pg: '8', ioredis: '5' } }));
writeFileSync(join(small, 'scale-advise.yaml'), 'version: 1\ntraffic:\n  monthly_active_users: 20000\n');
const bin = join(root, 'bin', 'scale-advise.cjs');
const time = (args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { cwd: small, stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}`);
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const assessArgs = [bin, 'assess', '--format', 'json', '--now', '2026-06-15'];
time(assessArgs); // fills the detection cache
const base = [];
const warm = [];
for (let i = 0; i < Number(process.env.BENCH_STARTUP_RUNS ?? 20); i++) {
  base.push(time(['-e', '0']));
  warm.push(time(assessArgs));
}
const startup = median(warm) / median(base);
console.log(`\nassess --format json, 1,000 commits, warm cache: ${median(warm).toFixed(1)} ms; node -e 0: ${median(base).toFixed(1)} ms; ratio ${startup.toFixed(2)} (target <= 2)`);
rmSync(small, { recursive: true, force: true });
if (process.argv.includes('--check') && (worst > 1.3 || startup > 2)) process.exitCode = 1;
