// Shared by the benchmarks: run commands interleaved against a bare `node -e 0`
// and report medians as ratios, for wall time and for CPU time. On a shared,
// busy machine wall time mostly measures the neighbours; CPU time (perf's
// task-clock when perf is installed, else user + system from /usr/bin/time,
// which rounds to 10 ms) is what the command itself costs.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';

const PERF = spawnSync('perf', ['--version'], { stdio: 'ignore' }).status === 0;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
export const CPU_CLOCK = PERF ? 'perf task-clock' : TIME ? '/usr/bin/time user+sys' : 'unavailable';

/** One run: wall time and CPU time in ms. `ok` lists the exit codes that are not a failure. */
export function time([cmd, args], { cwd, env, ok = [0] } = {}) {
  const [file, argv] = PERF
    ? ['perf', ['stat', '-x,', '-e', 'task-clock', '--', cmd, ...args]]
    : TIME
      ? [TIME, ['-f', 'cpu %U %S', cmd, ...args]]
      : [cmd, args];
  const start = process.hrtime.bigint();
  const r = spawnSync(file, argv, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - start) / 1e6;
  if (!ok.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  const perf = /^([\d.]+),[^,]*,task-clock/m.exec(r.stderr);
  const usr = /cpu ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr);
  const cpu = perf ? Number(perf[1]) : usr ? (Number(usr[1]) + Number(usr[2])) * 1000 : NaN;
  return { wall, cpu };
}

/**
 * Run every command `runs` times, interleaved, after one warm-up round; print
 * each median and its ratio to the first command (the baseline). Returns the
 * wall and CPU ratios by command name.
 */
export function compare(commands, runs, options = {}) {
  const samples = Object.fromEntries(Object.keys(commands).map((k) => [k, []]));
  for (const c of Object.values(commands)) time(c, options); // warm the file cache
  for (let i = 0; i < runs; i++) for (const [k, c] of Object.entries(commands)) samples[k].push(time(c, options));
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const of = (k, what) => median(samples[k].map((s) => s[what]));
  const base = Object.keys(commands)[0];
  console.log(`runs: ${runs} each, interleaved; medians; CPU from ${CPU_CLOCK}; load average ${loadavg()[0].toFixed(1)}`);
  const ratios = {};
  for (const k of Object.keys(samples)) {
    ratios[k] = { wall: of(k, 'wall') / of(base, 'wall'), cpu: of(k, 'cpu') / of(base, 'cpu') };
    console.log(
      `${k.padEnd(24)} wall ${of(k, 'wall').toFixed(0).padStart(5)} ms  ratio ${ratios[k].wall.toFixed(2)}   cpu ${of(k, 'cpu').toFixed(0).padStart(5)} ms  ratio ${ratios[k].cpu.toFixed(2)}`,
    );
  }
  return ratios;
}
