// The CEL environment of users' rules. Built-in conditions are reviewed code,
// compiled at build time (cel-runtime.ts); a user's condition may be hostile or
// simply careless, so here (as Kubernetes does for CEL) regular expressions
// run on a linear-time engine and every evaluation has a step budget.
import { nodeRequire } from '../util/node-require.js';
import type { Environment } from '@marcbachmann/cel-js';
import { loadCelJs } from './cel-js.js';
import type { Compiled } from './expr.js';
import { groupThousands } from './format-value.js';

/** Node evaluations one condition or placeholder may take at run time. */
export const RUNTIME_STEP_BUDGET = 1_000_000;

/**
 * cel-js has no way to replace a standard function, so `matches` calls are
 * renamed to this one before type checking; messages name `matches` again.
 */
export const RE2_MATCHES = 'matchesLinearTime';

/** A condition stopped for exceeding the runtime budget. */
export class StepBudgetExceeded extends Error {
  constructor() {
    super(`took more than ${groupThousands(RUNTIME_STEP_BUDGET)} evaluation steps and was stopped`);
    this.name = 'StepBudgetExceeded';
  }
}

interface Re2 {
  compile(pattern: string): { matcher(input: string): { find(): boolean } };
}
let re2: Re2 | undefined;
const patterns = new Map<string, ReturnType<Re2['compile']>>();

/** The RE2 engine, loaded on the first `matches` (re2js is external to the bundle). */
function re2Engine(): Re2 {
  re2 ??= (nodeRequire()('re2js') as { RE2JS: Re2 }).RE2JS;
  return re2;
}

/** Compile a pattern with RE2 semantics; throws with RE2's reason when it is not valid RE2. */
export function compileRegex(pattern: string): ReturnType<Re2['compile']> {
  let re = patterns.get(pattern);
  if (!re) {
    re = re2Engine().compile(pattern);
    patterns.set(pattern, re);
  }
  return re;
}

interface Budget {
  steps: number;
  limit: number;
}
const budget: Budget = { steps: 0, limit: Infinity };
let env: Environment | undefined;

/**
 * The environment, with the step counter wrapped around its evaluator's
 * `run`, through which cel-js evaluates every node (loops included).
 */
function userEnvironment(): Environment {
  if (env) return env;
  const e = new (loadCelJs().Environment)({ unlistedVariablesAreDyn: true }).registerFunction(`string.${RE2_MATCHES}(string): bool`, (s: string, pattern: string) =>
    compileRegex(pattern).matcher(s).find(),
  );
  const probe = e.parse('true') as unknown as Compiled & { ast: { evaluate: (ev: unknown) => unknown } };
  let evaluator: { run: (ast: unknown, ctx: unknown) => unknown } | undefined;
  probe.ast.evaluate = (ev) => {
    evaluator = ev as typeof evaluator;
    return true;
  };
  probe({});
  if (!evaluator) throw new Error('cel-js: could not reach the evaluator to bound user conditions');
  const run = evaluator.run;
  evaluator.run = function (this: unknown, ast, ctx) {
    if (++budget.steps > budget.limit) throw new StepBudgetExceeded();
    return run.call(this, ast, ctx);
  };
  env = e;
  return e;
}

interface Node {
  op: string;
  args: unknown;
}
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && 'op' in x && 'args' in x;

/** Every AST node of an expression, macro arguments included. */
export function walkAst(x: unknown, visit: (n: Node) => void): void {
  if (Array.isArray(x)) {
    for (const y of x) walkAst(y, visit);
    return;
  }
  if (!isNode(x)) return;
  visit(x);
  if (x.op === 'value' || x.op === 'id') return;
  if (x.op === 'rcall') {
    const [, receiver, args] = x.args as [string, unknown, unknown];
    walkAst(receiver, visit);
    walkAst(args, visit);
  } else if (x.op === 'call') walkAst((x.args as unknown[])[1], visit);
  else walkAst(x.args, visit);
}

/** Route a parsed expression's `matches` calls to the RE2 function (before its first type check). */
export function useLinearTimeMatches(ast: unknown): void {
  walkAst(ast, (n) => {
    if (n.op === 'rcall' && (n.args as unknown[])[0] === 'matches') (n.args as unknown[])[0] = RE2_MATCHES;
  });
}

/** `matches` in an error message, not the internal name. */
export const userFacing = (message: string): string => message.replaceAll(RE2_MATCHES, 'matches');

const cache = new Map<string, Compiled>();

/**
 * Parse a user's expression (throws cel-js's ParseError). The function it
 * returns runs the expression within the step budget and throws
 * StepBudgetExceeded past it, whatever the expression did with the error.
 */
export function compileUserExpression(source: string): Compiled {
  const hit = cache.get(source);
  if (hit) return hit;
  const parsed = userEnvironment().parse(source) as unknown as Compiled;
  useLinearTimeMatches(parsed.ast);
  const bounded = ((ctx: Record<string, unknown>) => {
    budget.steps = 0;
    budget.limit = RUNTIME_STEP_BUDGET;
    let result: unknown;
    try {
      result = parsed(ctx);
    } catch (e) {
      // cel-js may wrap what a step threw; past the budget, the budget is the reason
      if (budget.steps > RUNTIME_STEP_BUDGET) throw new StepBudgetExceeded();
      throw e;
    } finally {
      budget.limit = Infinity;
    }
    // `||`, `&&` and `exists` absorb errors on one side: a stopped branch must not pass as false.
    if (budget.steps > RUNTIME_STEP_BUDGET) throw new StepBudgetExceeded();
    return result;
  }) as Compiled;
  bounded.ast = parsed.ast;
  cache.set(source, bounded);
  return bounded;
}
