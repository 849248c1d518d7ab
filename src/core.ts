// The whole pipeline in one call, for commands that evaluate once:
// load everything, then evaluate it as it is.
import type { Assessment } from './model.js';
import { load, type Inputs, type LoadOptions } from './load.js';
import { evaluate } from './engine/assessment.js';

export type AssessOptions = LoadOptions;

export function assess(opts: LoadOptions): Assessment & { inputs: Inputs } {
  const inputs = load(opts);
  return { ...evaluate(inputs), inputs };
}
