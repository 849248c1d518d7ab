#!/usr/bin/env node
'use strict';
// Tiny on purpose. Loads the bundle through V8's code cache (made at build
// time from a real run), because `check` runs on every CI build and start-up
// is most of its time. If the cache is missing or stale V8 just compiles.
// Never process.exit() here: it would cut off output still flowing into a pipe.
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { Script } = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
let source;
try {
  source = readFileSync(file, 'latin1'); // the build keeps the bundle ASCII; Latin-1 decodes it quickest
} catch {
  process.stderr.write('scale-advise: the CLI is not built; run `npm install` (or `npm run build`) in the package directory\n');
  process.exitCode = 3;
  return;
}
// The bundle ends with its build id; the cache made from it carries the same id.
const buildId = /scale-advise-build=([0-9a-f]+)\s*$/.exec(source.slice(-64))?.[1];
const cacheFile = buildId && join(__dirname, '..', 'dist', `cli.${buildId}.cache`);
let cachedData;
try {
  if (cacheFile) cachedData = readFileSync(cacheFile);
} catch {}
// The file is the bundle inside its CommonJS function (scripts/build.mjs), given
// to V8 as read: wrapping it here would make V8 copy the source once more.
const script = new Script(source, { filename: file, cachedData });
const mod = { exports: {} };
script.runInThisContext().call(mod.exports, mod.exports, require, mod, file, join(__dirname, '..', 'dist'));
// ESM-only packages (loaded lazily by a few commands) need a real import().
globalThis.__scaleAdviseImport = (specifier) => import(specifier);
mod.exports.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
  if (process.env.SCALE_ADVISE_WRITE_CODE_CACHE === '1' && cacheFile) writeFileSync(cacheFile, script.createCachedData());
});
