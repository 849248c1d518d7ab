// Build-time only: every CEL expression of the built-in rules (conditions,
// `{= ...}` placeholders, done_when steps) compiled to JavaScript, which
// compileExpression and factsRead use instead of parsing at run time
// (src/engine/built-in-expressions.ts).
import type { Rule } from '../model.js';
import { placeholders } from '../engine/expr.js';
import type { Problem } from '../util/errors.js';
import { compileCel, UnsupportedCel } from './cel-compile.js';

/** Each expression of a rule, with where it is in the rule file. */
export function ruleExpressions(rule: Rule): { source: string; where: string }[] {
  const out = [{ source: rule.when, where: 'when' }];
  for (const field of ['message', 'recommendation'] as const) {
    for (const p of placeholders(rule[field])) if (p.isExpr) out.push({ source: p.expr, where: `${field} placeholder ${p.raw}` });
  }
  for (const [step, source] of Object.entries(rule.done_when ?? {})) out.push({ source, where: `done_when.${step}` });
  return out;
}

/**
 * The table of compiled expressions as JavaScript (a Map from source to
 * `{ run, reads }`), and a problem for each expression the compiler cannot translate.
 */
export function compileCatalogExpressions(rules: readonly Rule[]): { table: string; problems: Problem[] } {
  const problems: Problem[] = [];
  const entries = new Map<string, string>();
  for (const rule of rules) {
    for (const { source, where } of ruleExpressions(rule)) {
      if (entries.has(source)) continue;
      try {
        const { code, reads } = compileCel(source);
        entries.set(source, `[${JSON.stringify(source)}, { run: ${code}, reads: ${JSON.stringify(reads)} }]`);
      } catch (e) {
        const what = e instanceof UnsupportedCel ? `uses ${e.message}, which the build's CEL compiler does not translate (src/build/cel-compile.ts)` : `does not compile: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`;
        problems.push({ file: rule.file ?? rule.id, position: null, message: `rule ${rule.id}: the ${where} ${what}` });
      }
    }
  }
  return { table: `new Map([\n${[...entries.values()].join(',\n')},\n])`, problems };
}
