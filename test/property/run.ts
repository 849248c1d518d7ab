// Property tests: each property runs PROPERTY_RUNS cases (more in CI) after
// replaying every seed that once failed, kept in regressions.json. A failure
// prints the seed and path to add there, so it is replayed on every run.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

const REGRESSIONS: Record<string, { seed: number; path?: string }[]> = JSON.parse(
  readFileSync(join(new URL('.', import.meta.url).pathname, 'regressions.json'), 'utf8'),
);

/** Cases per property: a share of the CI budget of at least 10,000 in all. */
export function runs(ciRuns: number): number {
  const env = Number(process.env.PROPERTY_RUNS);
  if (env > 0) return env;
  return process.env.CI ? ciRuns : Math.ceil(ciRuns / 4);
}

export function checkProperty<T>(name: string, arb: fc.Arbitrary<T>, predicate: (value: T) => void, ciRuns: number): void {
  for (const r of REGRESSIONS[name] ?? []) {
    fc.assert(fc.property(arb, predicate), { seed: r.seed, ...(r.path ? { path: r.path } : {}), numRuns: 1, endOnFailure: true });
  }
  const seed = Number(process.env.PROPERTY_SEED) || Date.now() % 2 ** 31;
  try {
    fc.assert(fc.property(arb, predicate), { seed, numRuns: runs(ciRuns) });
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const path = /path: "([^"]*)"/.exec(message)?.[1];
    throw new Error(`${message}\n\nTo keep this case: add {"seed": ${seed}${path ? `, "path": "${path}"` : ''}} under "${name}" in test/property/regressions.json`);
  }
}
