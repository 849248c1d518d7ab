#!/usr/bin/env node
'use strict';
// Tiny on purpose. Loads the CLI (dist/cli.cjs, which carries the code of
// `check` and `assess` within it) and, on first use, the chunks other commands
// need (dist/chunk-*.cjs), each through V8's code cache (made at build time
// from real runs), because `check` runs on every CI build and start-up is most
// of its time. If a cache is missing or stale V8 just compiles. Never
// process.exit() here: it would cut off output still flowing into a pipe.
// Required rather than run, this file gives the CLI's exports (main, buildProgram).
const { appendFileSync, readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const dist = join(__dirname, '..', 'dist');
// The build trains the caches: `1` writes those of the scripts that had none,
// `all` rewrites every cache used, adding what this run compiled to what it read.
const training = process.env.SCALE_ADVISE_WRITE_CODE_CACHE;
const untrained = [];
const modules = new Map();
let cli;
let buildId;

/**
 * The value of dist/NAME.cjs, a script that the build wrote as its CommonJS
 * function, handed to V8 as read. Every script ends with the build's id, which
 * names its cache.
 */
function evaluate(name) {
  const file = join(dist, `${name}.cjs`);
  const source = readFileSync(file, 'latin1'); // the build keeps the scripts ASCII; Latin-1 decodes them quickest
  buildId ??= /scale-advise-build=([0-9a-f]+)\s*$/.exec(source.slice(-64))?.[1];
  const cacheFile = buildId && join(dist, `${name}.${buildId}.cache`);
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {}
  const script = new Script(source, { filename: file, cachedData });
  if (cacheFile && (training === 'all' || (training === '1' && !cachedData))) untrained.push([script, cacheFile]);
  return script.runInThisContext();
}

/** Runs a module function once, as Node runs a CommonJS file; a cycle gets the exports made so far. */
function run(name, fn, file) {
  const mod = { exports: {} };
  modules.set(name, mod);
  fn.call(mod.exports, mod.exports, requireFromScript, mod, file, dist);
  return mod.exports;
}

/**
 * The scripts' require: a chunk of the CLI is found here (inside dist/cli.cjs,
 * which gives chunk-ABC by a function chunk_ABC, or as a file of its own),
 * anything else by Node.
 */
function requireFromScript(specifier) {
  const chunk = /^\.\/(chunk-[A-Z0-9]+)\.cjs$/.exec(specifier)?.[1];
  if (!chunk) return require(specifier);
  const done = modules.get(chunk);
  if (done) return done.exports;
  const carried = modules.get('cli')?.exports[chunk.replace('-', '_')]; // the CLI's exports are there before its code runs
  if (carried) {
    const mod = { exports: carried() };
    modules.set(chunk, mod);
    return mod.exports;
  }
  return run(chunk, evaluate(chunk), join(dist, `${chunk}.cjs`));
}

try {
  cli = run('cli', evaluate('cli'), join(dist, 'cli.cjs'));
} catch (e) {
  if (e?.code !== 'ENOENT' || e.path !== join(dist, 'cli.cjs')) throw e;
  process.stderr.write('scale-advise: the CLI is not built; run `npm install` (or `npm run build`) in the package directory\n');
  process.exitCode = 3;
  return;
}
if (require.main !== module) {
  module.exports = cli;
  return;
}
// ESM-only packages (loaded lazily by a few commands) need a real import().
globalThis.__scaleAdviseImport = (specifier) => import(specifier);
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  for (const [script, file] of untrained) writeFileSync(file, script.createCachedData());
  // The build asks which chunks `check` and `assess` load, to carry them inside dist/cli.cjs.
  if (process.env.SCALE_ADVISE_LIST_CHUNKS) appendFileSync(process.env.SCALE_ADVISE_LIST_CHUNKS, [...modules.keys()].join('\n') + '\n');
});
