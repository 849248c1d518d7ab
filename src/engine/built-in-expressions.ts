// The built-in catalog's CEL expressions compiled to JavaScript, by source
// (src/build/cel-compile.ts; the build writes them to dist/catalog-expressions.cjs).
// The CLI bundle carries them in place of this module (scripts/build.mjs), so
// the bundle's code cache covers them; from the sources they are read from dist/.
import { packagePath } from '../util/paths.js';
import { nodeRequire } from '../util/node-require.js';
import type * as celRuntime from './cel-runtime.js';

export interface BuiltInExpression {
  run: ($: typeof celRuntime, ctx: Record<string, unknown>) => unknown;
  /** the facts it reads, as factsRead gives them */
  reads: string[];
}

export function builtInExpressionTable(): ReadonlyMap<string, BuiltInExpression> {
  return nodeRequire()(packagePath('dist', 'catalog-expressions.cjs')) as ReadonlyMap<string, BuiltInExpression>;
}
