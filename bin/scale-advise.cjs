#!/usr/bin/env node
'use strict';
// Tiny on purpose. Loads the CLI (dist/cli.cjs, which carries the code of
// `check` and `assess` within it) and, on first use, the chunks other commands
// need (dist/chunk-*.cjs), each through V8's code cache (made at build time
// from real runs), because `check` runs on every CI build and start-up is most
// of its time. If a cache is missing or stale V8 just compiles. Never
// process.exit() here: it would cut off output still flowing into a pipe.
// Required rather than run, this file gives the CLI's exports (main, buildProgram).
const { appendFileSync, closeSync, fstatSync, openSync, readSync, writeFileSync } = require('node:fs');
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

/** An open file and its size, or null when it does not exist. */
function openFile(file, optional) {
  try {
    const fd = openSync(file, 'r');
    return { fd, size: fstatSync(fd).size };
  } catch (e) {
    if (optional) return null;
    throw e;
  }
}

/** Reads `size` bytes of an open file into the start of `buffer`, and closes it. */
function readInto({ fd, size }, buffer) {
  try {
    let n = 0;
    while (n < size) {
      const got = readSync(fd, buffer, n, size - n, n);
      if (!got) break;
      n += got;
    }
    return n;
  } finally {
    closeSync(fd);
  }
}

// One buffer takes each script, then its cache: each page of new memory costs
// start-up time, and the script's text is copied out before the cache is read.
let scratch = Buffer.alloc(0);

/**
 * The value of dist/NAME.cjs, a script that the build wrote as its CommonJS
 * function, handed to V8 as read. Every script ends with the build's id, which
 * names its cache.
 */
function evaluate(name) {
  const file = join(dist, `${name}.cjs`);
  const script = openFile(file, false);
  if (!buildId) {
    const tail = Buffer.alloc(Math.min(64, script.size));
    readSync(script.fd, tail, 0, tail.length, script.size - tail.length);
    buildId = /scale-advise-build=([0-9a-f]+)\s*$/.exec(tail.latin1Slice())?.[1];
  }
  const cacheFile = buildId && join(dist, `${name}.${buildId}.cache`);
  const cache = cacheFile ? openFile(cacheFile, true) : null;
  const size = Math.max(script.size, cache?.size ?? 0);
  if (scratch.length < size) scratch = Buffer.allocUnsafeSlow(size);
  // the build keeps the scripts ASCII; Latin-1 decodes them quickest
  const source = scratch.latin1Slice(0, readInto(script, scratch));
  const cachedData = cache ? scratch.subarray(0, readInto(cache, scratch)) : undefined;
  const compiled = new Script(source, { filename: file, cachedData });
  if (cacheFile && (training === 'all' || (training === '1' && !cachedData))) untrained.push([compiled, cacheFile]);
  return compiled.runInThisContext();
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
