// cel-js, loaded on first use. The built-in rules run compiled (see
// cel-runtime.ts), so only users' rules and expressions the catalog does not
// ship need it; a run without them never loads it. It stays outside the
// bundle (Node requires its ES modules), so the start-up tests can see it load.
import { createRequire } from 'node:module';
import type * as CelJs from '@marcbachmann/cel-js';

let celJs: typeof CelJs | undefined;

export function loadCelJs(): typeof CelJs {
  celJs ??= createRequire(import.meta.url)('@marcbachmann/cel-js') as typeof CelJs;
  return celJs;
}
