// __SCALE_ADVISE_VERSION__ is defined from package.json by the bundler (and by vitest.config.ts).
export const TOOL_NAME = 'scale-advise';
export const TOOL_VERSION: string = typeof __SCALE_ADVISE_VERSION__ === 'string' ? __SCALE_ADVISE_VERSION__ : 'dev';
/** Where the project lives; rule documentation links point into it. */
export const REPOSITORY_URL = 'https://github.com/scale-advise/scale-advise';
