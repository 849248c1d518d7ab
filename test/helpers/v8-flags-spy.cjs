// Preloaded with `node -r`: prints every V8 flag the process sets at run time, as "V8FLAGS <flags>".
const v8 = require('node:v8');
const original = v8.setFlagsFromString;
v8.setFlagsFromString = (flags) => {
  process.stderr.write(`V8FLAGS ${flags}\n`);
  return original(flags);
};
