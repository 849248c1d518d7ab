// cel-js, loaded on first use. The built-in rules run compiled (see
// cel-runtime.ts), so only users' rules and expressions the catalog does not
// ship need it; a run without them never loads it. The build bundles it into
// dist/cel.cjs, outside the CLI bundle, which loads faster than its ES modules.
import { createRequire } from 'node:module';
import type * as CelJs from '@marcbachmann/cel-js';
import { packagePath } from '../util/paths.js';

let celJs: typeof CelJs | undefined;

export function loadCelJs(): typeof CelJs {
  celJs ??= createRequire(import.meta.url)(packagePath('dist', 'cel.cjs')) as typeof CelJs;
  return celJs;
}
