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
const watch = (owner, name, label) => {
  const original = owner[name];
  // Intl's classes are constructed with `new` (string-width makes an Intl.Segmenter): construct
  // the original, and keep its prototype and static methods, so instanceof and supportedLocalesOf work
  const wrapper = function (...args) {
    icuUsed.add(label);
    return new.target ? Reflect.construct(original, args) : original.apply(this, args);
  };
  if (original.prototype) wrapper.prototype = original.prototype;
  Object.setPrototypeOf(wrapper, original);
  owner[name] = wrapper;
};
watch(Number.prototype, 'toLocaleString', 'Number#toLocaleString');
watch(String.prototype, 'localeCompare', 'String#localeCompare');
for (const m of ['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']) watch(Date.prototype, m, `Date#${m}`);
watch(Array.prototype, 'toLocaleString', 'Array#toLocaleString');
for (const name of Object.getOwnPropertyNames(Intl)) if (typeof Intl[name] === 'function') watch(Intl, name, `Intl.${name}`);
process.on('exit', () => {
  for (const what of icuUsed) process.stderr.write(`ICU ${what}\n`);
});
