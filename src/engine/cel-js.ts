// cel-js, loaded on first use. The built-in rules run compiled (see
// cel-runtime.ts), so only users' rules and expressions the catalog does not
// ship need it; a run without them never loads it. The build bundles it into
// dist/cel.cjs, outside the CLI bundle, which loads faster than its ES modules.
import type * as CelJs from '@marcbachmann/cel-js';
import { packagePath } from '../util/paths.js';
import { nodeRequire } from '../util/node-require.js';

let celJs: typeof CelJs | undefined;

export function loadCelJs(): typeof CelJs {
  celJs ??= nodeRequire()(packagePath('dist', 'cel.cjs')) as typeof CelJs;
  return celJs;
}
