// Type checking of users' expressions against the facts' types, so a mistake
// CEL would raise at run time (`traffic.peak_rps * 2`: double times int) is
// reported at load, where the rule is written.
import type { Environment } from '@marcbachmann/cel-js';
import { loadCelJs } from './cel-js.js';
import { FACT_ROOTS } from './expr.js';
import { RE2_MATCHES, useLinearTimeMatches, userFacing } from './user-expr.js';

/** Fact id → its type as the schema says it (number, integer, string, boolean, array, any). */
export type FactTypes = ReadonlyMap<string, string>;

/**
 * The CEL type a fact has at run time. Profile values are JSON numbers, so
 * every number, counts included, is a CEL double.
 */
export function celType(schemaType: string): string {
  switch (schemaType) {
    case 'number':
    case 'integer':
      return 'double';
    case 'string':
      return 'string';
    case 'boolean':
      return 'bool';
    case 'array':
      return 'list<dyn>';
    default:
      return 'dyn';
  }
}

type Schema = { [field: string]: string | Schema };
const environments = new WeakMap<FactTypes, Environment>();

function checkEnvironment(facts: FactTypes): Environment {
  let env = environments.get(facts);
  if (env) return env;
  const roots: Record<string, Schema> = Object.fromEntries(FACT_ROOTS.map((r) => [r, {}]));
  for (const [id, type] of facts) {
    const parts = id.split('.');
    let node: Schema = roots;
    for (const p of parts.slice(0, -1)) {
      if (typeof node[p] !== 'object') node[p] = {};
      node = node[p] as Schema;
    }
    node[parts[parts.length - 1]!] = celType(type);
  }
  env = new (loadCelJs().Environment)().registerFunction(`string.${RE2_MATCHES}(string): bool`, () => false);
  for (const [name, schema] of Object.entries(roots)) env.registerVariable({ name, schema });
  environments.set(facts, env);
  return env;
}

export interface TypeCheckResult {
  type?: string;
  error?: { summary: string; start: number; length: number; hint?: string };
}

/** The expression's result type, or its first type mistake with where it is. */
export function typeCheck(source: string, facts: FactTypes): TypeCheckResult {
  const parsed = checkEnvironment(facts).parse(source) as unknown as { ast: unknown; check(): { valid: boolean; type?: string; error?: unknown } };
  useLinearTimeMatches(parsed.ast);
  const r = parsed.check();
  if (r.valid) return { type: r.type };
  const err = r.error as { summary?: string; message?: string; range?: { start: number; end: number } };
  const summary = userFacing(err.summary ?? String(err.message).split('\n')[0]!);
  const mixed = /no such overload: (double [-+*/%] int|int [-+*/%] double)/.test(summary);
  return {
    error: {
      summary,
      start: err.range?.start ?? 0,
      length: (err.range?.end ?? 0) - (err.range?.start ?? 0),
      ...(mixed ? { hint: 'numbers from the profile are doubles: write 2.0, not 2, or convert with int(...)' } : {}),
    },
  };
}
