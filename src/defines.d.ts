// Constants the bundler defines (scripts/build.mjs; vitest.config.ts defines the version too).
// Read them with `typeof`, so the sources also run where they are not defined.

/** The package's version, from package.json. */
declare const __SCALE_ADVISE_VERSION__: string | undefined;
/** Set in the CLI bundle (dist/cli.cjs), a CommonJS file: true there, undefined elsewhere. */
declare const __SCALE_ADVISE_BUNDLE__: boolean | undefined;
