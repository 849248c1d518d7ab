import type { Rule } from '../model.js';
import { closest } from '../util/suggest.js';
import { FACT_ROOTS, factReferences, placeholders } from './expr.js';
import { estimateCost, STATIC_COST_BUDGET, ASSUMED_FACT_LIST_SIZE } from './rule-cost.js';
import { typeCheck, type FactTypes } from './rule-types.js';
import { recommendationSteps } from './tailor.js';
import { compileRegex, compileUserExpression, userFacing, walkAst } from './user-expr.js';
import { groupThousands } from './format-value.js';

export interface RuleIssue {
  /** the rule field the problem is in, e.g. `when` or `message` */
  field: string;
  message: string;
  hint?: string;
  /** the field's path in the file when it is nested (`done_when`, `2`) */
  path?: string[];
  /** where in the field's text the problem is, and the text found there */
  at?: { offset: number; token: string };
}

/**
 * Checks that a schema cannot make: the condition parses, reads only known
 * facts, guards the optional ones, stays within the cost budget, has no type
 * mistake (when the facts' types are given), and the message's placeholders
 * do the same. Every mistake is reported, each where it is.
 */
export function checkRule(rule: Rule, knownFacts: ReadonlySet<string>, factTypes?: FactTypes): { rule: Rule; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  const when = checkExpression(rule.when, 'when', 0, 'the condition', knownFacts, factTypes);
  issues.push(...when.issues);
  const reads = when.reads;
  if (when.type && when.type !== 'bool' && when.type !== 'dyn') {
    issues.push({ field: 'when', message: `the condition must yield true or false, but yields ${when.type}` });
  }
  for (const key of ['optional', 'requires_one_of'] as const) {
    for (const f of rule[key] ?? []) {
      if (!reads.includes(f)) issues.push({ field: key, message: `\`${f}\` is listed under ${key} but the condition never reads it` });
      else if (!new RegExp(`has\\(\\s*${f.replace(/\./g, '\\.')}\\s*\\)`).test(rule.when)) {
        issues.push({ field: 'when', message: `\`${f}\` may be missing, so the condition must guard it with has(${f})`, at: { offset: rule.when.indexOf(f), token: f } });
      }
    }
  }
  for (const field of ['message', 'recommendation'] as const) issues.push(...placeholderIssues(rule[field], field, knownFacts, factTypes));
  const steps = new Set(recommendationSteps(rule.recommendation).map((s) => String(s.number)));
  for (const [step, condition] of Object.entries(rule.done_when ?? {})) {
    const path = ['done_when', step];
    if (!steps.has(step)) issues.push({ field: 'done_when', path, message: `done_when names step ${step}, but the recommendation has no step "${step})"` });
    const checked = checkExpression(condition, 'done_when', 0, `done_when.${step}`, knownFacts, factTypes, path);
    issues.push(...checked.issues);
    if (checked.type && checked.type !== 'bool' && checked.type !== 'dyn') issues.push({ field: 'done_when', path, message: `done_when.${step} must yield true or false, but yields ${checked.type}` });
  }
  return { rule: { ...rule, reads }, issues };
}

/** Placeholders of a text field: `{fact}` names a known fact; `{= expr}` passes every check a condition does. */
function placeholderIssues(text: string, field: string, knownFacts: ReadonlySet<string>, factTypes?: FactTypes): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const p of placeholders(text)) {
    const offset = text.indexOf(p.raw) + p.raw.indexOf(p.expr);
    if (p.isExpr) {
      issues.push(...checkExpression(p.expr, field, offset, `placeholder ${p.raw}`, knownFacts, factTypes).issues);
    } else if (!knownFacts.has(p.expr)) {
      issues.push({ field, message: `placeholder ${p.raw} names no known fact`, hint: nearFact(p.expr, knownFacts), at: { offset, token: p.expr } });
    }
  }
  return issues;
}

/** Parse, fact, regex, cost and type checks of one expression; `offset` places it in its field. */
function checkExpression(source: string, field: string, offset: number, what: string, known: ReadonlySet<string>, factTypes?: FactTypes, path?: string[]) {
  const issues: RuleIssue[] = [];
  const at = (start: number, length = 1) => ({ offset: offset + start, token: source.slice(start, start + Math.max(1, length)) });
  const push = (issue: RuleIssue) => void issues.push(path ? { ...issue, path } : issue);
  let ast: unknown;
  try {
    ast = compileUserExpression(source).ast;
  } catch (e) {
    const { summary, start } = celError(e);
    push({ field, message: `${what} is not valid CEL: ${summary}`, at: at(start) });
    return { issues, reads: [] as string[], type: undefined };
  }
  // Names that are neither fact roots nor loop variables are misspelt roots: check them as facts too.
  const loopVars = new Set<string>();
  walkAst(ast, (n) => {
    if (n.op !== 'rcall') return;
    const [, , args] = n.args as [string, unknown, { op: string; args: unknown }[]];
    if (args[0]?.op === 'id' && args.length >= 2) loopVars.add(args[0].args as string);
  });
  const refs = factReferences(ast, (name) => !loopVars.has(name));
  const reads = [...new Set(refs.filter((r) => isFactRoot(r.path.split('.')[0]!)).map((r) => r.path))];
  let unknown = false;
  for (const r of refs) {
    if (known.has(r.path) || r.path.startsWith('architecture.components.')) continue;
    unknown = true;
    push({ field, message: `${what} reads \`${r.path}\`, which is not a known fact`, hint: nearFact(r.path, known), at: at(r.start, r.path.length) });
  }
  walkAst(ast, (n) => {
    if (n.op !== 'rcall') return;
    const [name, , args] = n.args as [string, unknown, { op: string; args: unknown; start: number }[]];
    if (!/^matches/.test(name) || args[0]?.op !== 'value' || typeof args[0].args !== 'string') return;
    try {
      compileRegex(args[0].args);
    } catch (e) {
      push({ field, message: `${what} has a regular expression that is not valid RE2: ${firstLine(e)}`, at: at(args[0].start) });
    }
  });
  const cost = estimateCost(ast);
  if (cost > STATIC_COST_BUDGET) {
    push({
      field,
      message: `${what} is estimated at ${groupThousands(Math.round(cost))} evaluation steps, over the budget of ${groupThousands(STATIC_COST_BUDGET)}`,
      hint: `nested loops multiply; lists from the profile count as ${ASSUMED_FACT_LIST_SIZE} items`,
      at: at(0),
    });
  }
  let type: string | undefined;
  if (factTypes && !unknown) {
    const checked = typeCheck(source, factTypes);
    if (checked.error) push({ field, message: `${what} has a type mistake: ${checked.error.summary}`, hint: checked.error.hint, at: at(checked.error.start, checked.error.length) });
    type = checked.type;
  }
  return { issues, reads, type };
}

const isFactRoot = (name: string): boolean => (FACT_ROOTS as readonly string[]).includes(name);

/** cel-js errors carry a one-line summary and a range in the expression. */
export function celError(e: unknown): { summary: string; start: number; length: number } {
  const err = e as { summary?: string; range?: { start: number; end: number } };
  return { summary: userFacing(err.summary ?? firstLine(e)), start: err.range?.start ?? 0, length: (err.range?.end ?? 0) - (err.range?.start ?? 0) };
}

function nearFact(f: string, known: ReadonlySet<string>): string | undefined {
  const near = closest(f, f.includes('.') ? known : FACT_ROOTS);
  if (near) return `did you mean \`${near}\`?`;
  const leaf = f.split('.').pop();
  const same = [...known].filter((k) => k.endsWith(`.${leaf}`));
  return same.length ? `did you mean \`${same[0]}\`?` : undefined;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
