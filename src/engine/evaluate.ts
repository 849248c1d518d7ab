import {
  STAGE_IDS,
  STAGE_NAMES,
  type Evidence,
  type Fact,
  type FactSet,
  type Finding,
  type HeldRule,
  type NotEvaluated,
  type RuleCore,
  type StageResult,
} from '../model.js';
import { copyFacts, factTree } from '../facts/index.js';
import { UserError } from '../util/errors.js';
import { compileExpression, factsRead, FACT_ROOTS, placeholders, type Placeholder } from './expr.js';
import { formatMonths, formatValue } from './format-value.js';
import { tailorRecommendation } from './tailor.js';
import { compileUserExpression, StepBudgetExceeded } from './user-expr.js';
import { readsComponents, triggeringComponents } from './components.js';

export interface Evaluation {
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  /** rules whose condition holds but that wait for a finding they require */
  held: HeldRule[];
  /** rules whose stages include the system's stage (or all rules, when the stage is unknown) */
  applicable: number;
  /** rules evaluated to true or false */
  evaluated: number;
}

/**
 * A condition that errors or does not yield a boolean: a bug in the rule.
 * In a user's rule that is the user's input to fix (a UserError, located at
 * the condition); in a shipped rule it is a bug in scale-advise.
 */
export class RuleEvaluationError extends Error {
  constructor(
    readonly rule: RuleCore,
    readonly reason: string,
  ) {
    super(`rule ${rule.id}${rule.file ? ` (${rule.file})` : ''}: ${reason}`);
    this.name = 'RuleEvaluationError';
  }
}

function ruleFailure(rule: RuleCore, reason: string): Error {
  if (rule.user) return new UserError([{ file: rule.file ?? rule.id, position: rule.whenPosition ?? null, message: `rule \`${rule.id}\`: ${reason}` }]);
  return new RuleEvaluationError(rule, reason);
}

/** Users' expressions run bounded (RE2 regexes, a step budget) through cel-js; built-in ones compiled at build time. */
const compilerFor = (rule: RuleCore) => (rule.user ? compileUserExpression : compileExpression);

/** The stage as facts, so conditions can say `stage.index >= 3`. */
export function stageFacts(stage: StageResult): Fact[] {
  if (!stage.id) return [];
  const f = (id: string, value: unknown): Fact => ({ id, value, provenance: 'derived', position: null });
  const idx = (s: string | null) => (s ? STAGE_IDS.indexOf(s as (typeof STAGE_IDS)[number]) + 1 : null);
  const out = [f('stage.id', stage.id), f('stage.index', stage.index)];
  for (const d of ['traffic', 'data', 'organization'] as const) {
    const v = idx(stage.dimensions[d]);
    if (v !== null) out.push(f(`stage.${d}`, v));
  }
  return out;
}

/** Whether a value has the JSON Schema type the fact dictionary gives it. */
export function hasFactType(value: unknown, type: string | undefined): boolean {
  switch (type) {
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value);
    case 'string':
      return typeof value === 'string';
    case 'boolean':
      return typeof value === 'boolean';
    case 'array':
      return Array.isArray(value);
    default:
      return true;
  }
}

/** What evaluateRules needs of a rule beyond its condition; the same for every evaluation of it. */
interface RulePlan {
  allStages: boolean;
  reads: string[];
  optional: ReadonlySet<string>;
  /** the facts a finding cites: those the condition reads, then those only its message quotes */
  cites?: readonly string[];
}

const plans = new WeakMap<RuleCore, RulePlan>();

/** A projection evaluates the rules month after month: work out once what depends on the rule alone. */
function planOf(rule: RuleCore): RulePlan {
  let plan = plans.get(rule);
  if (!plan) {
    plan = {
      allStages: STAGE_IDS.every((s) => rule.stages.includes(s)),
      reads: rule.reads ?? factsRead(rule.when),
      optional: new Set([...(rule.optional ?? []), ...(rule.requires_one_of ?? [])]),
    };
    plans.set(rule, plan);
  }
  return plan;
}

/**
 * Run every rule against the facts. Pure: facts and rules in, findings out.
 * A rule outside the system's stage is silent; a rule whose facts are
 * missing is listed as not evaluated with the facts it lacks, never passed.
 */
export function evaluateRules(
  rules: readonly RuleCore[],
  facts: FactSet,
  stage: StageResult,
  stageInputs: string[],
  factTypes: ReadonlyMap<string, string> = new Map(),
): Evaluation {
  const all = copyFacts(facts);
  for (const f of stageFacts(stage)) all.set(f.id, f);
  const ctx = factTree(all, FACT_ROOTS);
  const findings: Finding[] = [];
  const notEvaluated: NotEvaluated[] = [];
  let applicable = 0;
  let evaluated = 0;
  for (const rule of rules) {
    if (stage.id && !rule.stages.includes(stage.id)) continue;
    applicable++;
    const { allStages, reads, optional } = planOf(rule);
    if (!stage.id && !allStages) {
      notEvaluated.push({ rule: rule.id, missing: stageInputs.slice(0, 1) });
      continue;
    }
    const missing = reads.filter((f) => !optional.has(f) && !all.has(f) && !f.startsWith('architecture.components.'));
    const oneOf = rule.requires_one_of ?? [];
    if (oneOf.length && !oneOf.some((f) => all.has(f))) {
      notEvaluated.push({ rule: rule.id, missing: [...missing, ...oneOf] });
      continue;
    }
    let result: unknown;
    try {
      result = compilerFor(rule)(rule.when)(ctx);
    } catch (e) {
      if (e instanceof StepBudgetExceeded) throw ruleFailure(rule, `the condition ${e.message}`);
      const message = e instanceof Error ? e.message : String(e);
      // A fact of the wrong type (from detection or collection, never from a
      // validated profile) cannot be compared: the rule is not evaluated, and says why.
      const invalid = reads.filter((f) => all.has(f) && !hasFactType(all.get(f)!.value, factTypes.get(f)));
      if (invalid.length) {
        notEvaluated.push({ rule: rule.id, missing: [], invalid });
        continue;
      }
      const key = /No such key: (\S+)/.exec(message)?.[1];
      if (missing.length || key) {
        // A fact the condition needed is absent: say which, never pass silently.
        const absent = missing.length ? missing : reads.filter((f) => f.endsWith(`.${key}`) && !all.has(f));
        notEvaluated.push({ rule: rule.id, missing: absent });
        continue;
      }
      throw ruleFailure(rule, `the condition failed: ${message.split('\n')[0]}`);
    }
    // With facts missing, a condition can still be decided by what is known
    // (`cache != 'none' && cache_hit_pct < 60` is false for a system without
    // a cache, whatever the hit rate). Such a result stands; only a condition
    // that actually needed the missing facts is "not evaluated".
    if (typeof result !== 'boolean') {
      throw ruleFailure(rule, `the condition must yield true or false, got ${typeof result}`);
    }
    // A condition decided without reading a single known fact (a rule that is
    // silent because the profile mentions none of its subject) is not counted
    // as evaluated, so completeness does not overstate what was checked.
    if (result || reads.some((f) => all.has(f))) evaluated++;
    if (!result) continue;
    try {
      findings.push(toFinding(rule, reads, all, ctx));
    } catch (e) {
      if (e instanceof StepBudgetExceeded) throw ruleFailure(rule, `an expression of the finding (a placeholder, a done_when step, the per-component check) ${e.message}`);
      throw e;
    }
  }
  return { ...holdBack(findings, rules), notEvaluated, applicable, evaluated };
}

/**
 * Foundations before what they enable: a finding whose rule `requires` a rule
 * that fired too is held back, and the blocking finding names it under
 * `unlocks`. A finding is never held by one that is itself held.
 */
export function holdBack(fired: Finding[], rules: readonly RuleCore[]): { findings: Finding[]; held: HeldRule[] } {
  const byId = new Map(fired.map((f) => [f.rule, f]));
  const requires = new Map(rules.map((r) => [r.id, r.requires ?? []]));
  const held: HeldRule[] = [];
  const heldIds = new Set<string>();
  for (const f of fired) {
    const waiting = (requires.get(f.rule) ?? []).filter((id) => byId.has(id) && !(requires.get(id) ?? []).includes(f.rule));
    if (!waiting.length) continue;
    held.push({ rule: f.rule, title: f.title, waiting_for: waiting });
    heldIds.add(f.rule);
  }
  const findings = fired
    .filter((f) => !heldIds.has(f.rule))
    .map((f) => {
      const unlocks = held.filter((h) => h.waiting_for.includes(f.rule)).map((h) => h.rule);
      return unlocks.length ? { ...f, unlocks } : f;
    });
  return { findings, held };
}

/** Facts the message quotes beyond those the condition reads (guarded placeholders). */
function messageReads(rule: RuleCore): string[] {
  return placeholders(rule.message).flatMap((p) => (p.isExpr ? factsRead(p.expr) : [p.expr]));
}

function toFinding(rule: RuleCore, reads: string[], facts: FactSet, ctx: Record<string, unknown>): Finding {
  const evidence: Evidence[] = [];
  const plan = planOf(rule);
  plan.cites ??= [...new Set([...reads, ...messageReads(rule)])];
  for (const id of plan.cites) {
    const f = facts.get(id);
    if (!f || id.startsWith('stage.')) continue;
    evidence.push({
      fact: id,
      value: f.value,
      provenance: f.provenance,
      line: f.position?.line ?? null,
      column: f.position?.column ?? null,
      ...(f.origin ? { origin: f.origin } : {}),
      ...(f.provenance === 'projected' && 'baseline' in f ? { baseline: f.baseline } : {}),
    });
  }
  const components = readsComponents(reads) ? triggeringComponents(rule.when, ctx, compilerFor(rule)) : undefined;
  return {
    rule: rule.id,
    title: rule.title,
    kind: rule.kind,
    severity: rule.severity,
    topics: [...rule.topics],
    message: interpolate(rule.message, facts, ctx, compilerFor(rule)),
    evidence,
    ...(components ? { components } : {}),
    recommendation: tailorRecommendation(interpolate(rule.recommendation, facts, ctx, compilerFor(rule)), rule.done_when, ctx, compilerFor(rule)),
    status: 'open',
    addressed_by: null,
    sources: rule.sources.map((s) => ({ ...s })),
  };
}

const parsedPlaceholders = new Map<string, readonly Placeholder[]>();

/** A message's placeholders, parsed once: a projection fills the same messages month after month. */
function placeholdersOf(message: string): readonly Placeholder[] {
  let parsed = parsedPlaceholders.get(message);
  if (!parsed) parsedPlaceholders.set(message, (parsed = placeholders(message)));
  return parsed;
}

export function interpolate(message: string, facts: FactSet, ctx: Record<string, unknown>, compile = compileExpression): string {
  let out = message.trim();
  // A function replacement: a value such as "$&" goes in as it is, not as a replacement pattern.
  const put = (raw: string, text: string) => {
    out = out.replace(raw, () => text);
  };
  for (const p of placeholdersOf(message)) {
    let value: unknown;
    if (p.isExpr) {
      try {
        value = compile(p.expr)(ctx);
      } catch (e) {
        if (e instanceof StepBudgetExceeded) throw e;
        value = undefined;
      }
    } else {
      value = facts.get(p.expr)?.value;
      // The stage reads as its name ("Growth"), not its id.
      if (p.expr === 'stage.id' && typeof value === 'string' && value in STAGE_NAMES) {
        put(p.raw, STAGE_NAMES[value as keyof typeof STAGE_NAMES]);
        continue;
      }
      if (value === undefined && p.fallback !== undefined) {
        put(p.raw, p.fallback);
        continue;
      }
      // Spans of months read as durations ("about 3 weeks"), never as "0.2".
      if (typeof value === 'number' && p.expr.endsWith('_months')) {
        put(p.raw, formatMonths(value));
        continue;
      }
    }
    put(p.raw, formatValue(value));
  }
  return out;
}
