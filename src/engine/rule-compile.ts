import type { Rule } from '../model.js';
import { compileExpression, factsRead, placeholders } from './expr.js';
import { recommendationSteps } from './tailor.js';

export interface RuleIssue {
  /** the rule field the problem is in, e.g. `when` or `message` */
  field: string;
  message: string;
  hint?: string;
}

/**
 * Checks that a schema cannot make: the condition parses, reads only known
 * facts, guards the optional ones, and the message's placeholders resolve.
 * Returns the rule with `reads` filled in, or the issues found.
 */
export function checkRule(rule: Rule, knownFacts: ReadonlySet<string>): { rule: Rule; issues: RuleIssue[] } {
  const issues: RuleIssue[] = [];
  let reads: string[] = [];
  try {
    compileExpression(rule.when);
    reads = factsRead(rule.when);
  } catch (e) {
    issues.push({ field: 'when', message: `the condition is not valid CEL: ${firstLine(e)}` });
  }
  for (const f of reads) {
    if (!knownFacts.has(f) && !isComponentField(f)) {
      issues.push({ field: 'when', message: `the condition reads \`${f}\`, which is not a known fact`, hint: nearFact(f, knownFacts) });
    }
  }
  for (const f of [...(rule.optional ?? []), ...(rule.requires_one_of ?? [])]) {
    if (!reads.includes(f)) issues.push({ field: 'optional', message: `\`${f}\` is listed as optional but the condition never reads it` });
    else if (!new RegExp(`has\\(\\s*${f.replace(/\./g, '\\.')}\\s*\\)`).test(rule.when)) {
      issues.push({ field: 'when', message: `\`${f}\` may be missing, so the condition must guard it with has(${f})` });
    }
  }
  for (const field of ['message', 'recommendation'] as const) issues.push(...placeholderIssues(rule[field], field, knownFacts));
  const steps = new Set(recommendationSteps(rule.recommendation).map((s) => String(s.number)));
  for (const [step, condition] of Object.entries(rule.done_when ?? {})) {
    if (!steps.has(step)) issues.push({ field: 'done_when', message: `done_when names step ${step}, but the recommendation has no step "${step})"` });
    try {
      compileExpression(condition);
      for (const f of factsRead(condition)) {
        if (!knownFacts.has(f) && !isComponentField(f)) issues.push({ field: 'done_when', message: `done_when.${step} reads \`${f}\`, which is not a known fact`, hint: nearFact(f, knownFacts) });
      }
    } catch (e) {
      issues.push({ field: 'done_when', message: `done_when.${step} is not valid CEL: ${firstLine(e)}` });
    }
  }
  return { rule: { ...rule, reads }, issues };
}

function placeholderIssues(text: string, field: string, knownFacts: ReadonlySet<string>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const p of placeholders(text)) {
    if (p.isExpr) {
      try {
        compileExpression(p.expr);
        for (const f of factsRead(p.expr)) {
          if (!knownFacts.has(f)) issues.push({ field, message: `placeholder ${p.raw} reads unknown fact \`${f}\`` });
        }
      } catch (e) {
        issues.push({ field, message: `placeholder ${p.raw} is not valid CEL: ${firstLine(e)}` });
      }
    } else if (!knownFacts.has(p.expr)) {
      issues.push({ field, message: `placeholder ${p.raw} names no known fact`, hint: nearFact(p.expr, knownFacts) });
    }
  }
  return issues;
}

/** `architecture.components` items are read through comprehensions, not dotted paths. */
function isComponentField(f: string): boolean {
  return f.startsWith('architecture.components.');
}

function nearFact(f: string, known: ReadonlySet<string>): string | undefined {
  const leaf = f.split('.').pop();
  const same = [...known].filter((k) => k.endsWith(`.${leaf}`));
  return same.length ? `did you mean \`${same[0]}\`?` : undefined;
}

function firstLine(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).split('\n')[0]!;
}
