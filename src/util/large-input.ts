// V8 optimises a function once it has run a while, compiling on another thread,
// and Node waits for those compilations before the process exits. A run over a
// large profile or ADR directory still lasts a fraction of a second, and it spent
// 30-50 ms (and a second core) compiling code it had finished with: the ADR
// parser and the YAML reader. Told that the input is large, V8 waits eight times
// longer than usual before optimising (`--ticks-before-optimization`, 3 by default);
// long runs still get optimised. A small input changes nothing: the flag is set
// only for a large one, in the CLI bundle, after V8 has checked the code cache
// against its flags, and never while the cache is being made.
import { nodeRequire } from './node-require.js';

/** A file at least this large makes a run long enough for V8's background optimisation to cost more than it saves. */
export const LARGE_FILE_BYTES = 32 * 1024;
/** As many records as this in an ADR directory do too. */
export const MANY_RECORDS = 100;

let told = false;

export function expectLargeInput(): void {
  if (told || typeof __SCALE_ADVISE_BUNDLE__ !== 'boolean' || process.env.SCALE_ADVISE_WRITE_CODE_CACHE === '1') return;
  told = true;
  (nodeRequire()('node:v8') as typeof import('node:v8')).setFlagsFromString('--ticks-before-optimization=24');
}
