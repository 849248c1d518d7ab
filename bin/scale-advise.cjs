#!/usr/bin/env node
'use strict';
// Tiny on purpose. Loads the bundle through V8's code cache (made at build
// time from a real run), because `check` runs on every CI build and start-up
// is most of its time. If the cache is missing or stale V8 just compiles.
// Never process.exit() here: it would cut off output still flowing into a pipe.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');
const Module = require('node:module');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${file}.cache`;
let source;
try {
  source = readFileSync(file, 'utf8');
} catch {
  process.stderr.write('scale-advise: the CLI is not built; run `npm install` (or `npm run build`) in the package directory\n');
  process.exitCode = 3;
  return;
}
let cachedData;
try {
  cachedData = readFileSync(cacheFile);
} catch {}
const script = new Script(Module.wrap(source), { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, join(__dirname, '..', 'dist'));
// ESM-only packages (loaded lazily by a few commands) need a real import().
globalThis.__scaleAdviseImport = (specifier) => import(specifier);
mod.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (process.env.SCALE_ADVISE_WRITE_CODE_CACHE === '1') writeFileSync(cacheFile, script.createCachedData());
});
