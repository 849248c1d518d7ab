// A CommonJS require for modules loaded on first use. In the CLI bundle (one
// CommonJS file, where the bundler defines __SCALE_ADVISE_BUNDLE__) it is the
// bundle's own, so start-up never loads node:module; from the ES module
// sources (tests, the build) it is made for this file.
let made: NodeJS.Require | undefined;

export function nodeRequire(): NodeJS.Require {
  if (typeof __SCALE_ADVISE_BUNDLE__ === 'boolean') return require;
  made ??= process.getBuiltinModule('node:module').createRequire(import.meta.url);
  return made;
}
