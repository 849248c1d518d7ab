// Preloaded with `node -r`: records every module the process loads, through
// require() and through import(), and prints their ids to stderr as lines
// "LOADED <id>" (require() ids at exit, import() ids as they resolve).
const Module = require('node:module');
const seen = new Set();
const original = Module._load;
Module._load = function (request) {
  seen.add(request);
  return original.apply(this, arguments);
};
const hooks = `
import { writeSync } from 'node:fs';
export async function resolve(specifier, context, next) {
  writeSync(2, 'LOADED ' + specifier + '\\n');
  return next(specifier, context);
}`;
Module.register(`data:text/javascript,${encodeURIComponent(hooks)}`);
process.on('exit', () => {
  for (const id of seen) process.stderr.write(`LOADED ${id}\n`);
});
