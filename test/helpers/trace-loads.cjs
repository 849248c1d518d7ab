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

// ICU: the first locale-aware call (toLocaleString, localeCompare, any Intl
// object) loads ICU data, about 10 ms of start-up. Each use is printed as
// "ICU <what>" so a test can keep the hot paths free of it.
const icuUsed = new Set();
// A proxy, so constructors (new Intl.Segmenter()) still construct and keep their statics and prototype.
const watch = (owner, name, label) => {
  owner[name] = new Proxy(owner[name], {
    apply(target, self, args) {
      icuUsed.add(label);
      return Reflect.apply(target, self, args);
    },
    construct(target, args, newTarget) {
      icuUsed.add(label);
      return Reflect.construct(target, args, newTarget);
    },
  });
};
watch(Number.prototype, 'toLocaleString', 'Number#toLocaleString');
watch(String.prototype, 'localeCompare', 'String#localeCompare');
for (const m of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) watch(Date.prototype, m, `Date#${m}`);
watch(Array.prototype, 'toLocaleString', 'Array#toLocaleString');
for (const name of Object.getOwnPropertyNames(Intl)) if (typeof Intl[name] === 'function') watch(Intl, name, `Intl.${name}`);
process.on('exit', () => {
  for (const what of icuUsed) process.stderr.write(`ICU ${what}\n`);
});
