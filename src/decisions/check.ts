// The gate's verdict for `check`: which open findings fail the run, and what
// it says about the decisions themselves. Every output reads this one object,
// so the exit code, the text, SARIF, JUnit and the annotations cannot disagree.
import type { Assessment, Finding, RuleCore } from '../model.js';
import { openAtOrAbove, type Threshold } from '../engine/gate.js';
import { decisionNotes, type DecisionNotes } from './notes.js';
import type { DecisionInputs } from './status.js';

export interface CheckOutcome {
  threshold: Threshold;
  /** open findings at or above the threshold */
  failing: Finding[];
  notes: DecisionNotes;
  /** passed review-by dates fail the run too */
  failOnReview: boolean;
  /** waivers and the baseline were ignored (`--no-waivers`) */
  audit: boolean;
  /** the baseline in use, as shown to the user; null without one */
  baseline: string | null;
  exitCode: 0 | 1;
}

/** What every `check` format prints: the assessment, the verdict, and which rules ran. */
export interface CheckReport {
  assessment: Assessment;
  outcome: CheckOutcome;
  /** ids of every rule evaluated, passing ones included (SARIF rules, JUnit test cases) */
  evaluatedRules: readonly string[];
}

/**
 * The rules an assessment evaluated: those whose stages hold the system's
 * stage (all, when the stage is unknown), less those that lacked facts.
 */
export function evaluatedRuleIds(rules: readonly Pick<RuleCore, 'id' | 'stages'>[], a: Assessment): string[] {
  const notEvaluated = new Set(a.notEvaluated.map((n) => n.rule));
  const stage = a.stage.id;
  return rules.filter((r) => (!stage || r.stages.includes(stage)) && !notEvaluated.has(r.id)).map((r) => r.id);
}

export interface CheckSettings {
  threshold: Threshold;
  failOnReview?: boolean;
  baseline?: string | null;
}

export function checkOutcome(a: Assessment, decisions: DecisionInputs, now: Date, settings: CheckSettings): CheckOutcome {
  const failing = openAtOrAbove(a.findings, settings.threshold);
  const notes = decisionNotes(a.findings, decisions, now);
  const failOnReview = settings.failOnReview ?? false;
  const fails = failing.length > 0 || (failOnReview && notes.reviewsDue.length > 0);
  return {
    threshold: settings.threshold,
    failing,
    notes,
    failOnReview,
    audit: decisions.audit,
    baseline: settings.baseline ?? null,
    exitCode: fails ? 1 : 0,
  };
}

/** Is this finding one of those that fail the run? */
export function failsGate(outcome: Pick<CheckOutcome, 'failing'>, f: Pick<Finding, 'rule'>): boolean {
  return outcome.failing.some((x) => x.rule === f.rule);
}
