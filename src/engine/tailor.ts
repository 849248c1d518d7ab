// Advice fitted to the profile: a recommendation keeps only the steps the
// profile does not already show done (`done_when`), renumbered.
import { compileExpression } from './expr.js';
import { StepBudgetExceeded } from './user-expr.js';
import { collapseSpace } from '../util/space.js';

type Compile = (source: string) => (ctx: Record<string, unknown>) => unknown;

export interface RecommendationStep {
  number: number;
  text: string;
}

const STEP_MARK = /(?:^|\s)(?:\()?([1-9][0-9]?)\)\s+/g;

/**
 * Split "Intro. 1) a 2) b" into its intro and numbered steps. Numbers must
 * run 1, 2, 3... so a stray "5)" inside a sentence is not taken for a step.
 */
export function recommendationSteps(text: string): RecommendationStep[] {
  return splitSteps(text).steps;
}

/** The text before step 1, and the numbered steps. */
export function splitSteps(text: string): { intro: string; steps: RecommendationStep[] } {
  const marks: { index: number; end: number; number: number }[] = [];
  for (const m of text.matchAll(STEP_MARK)) {
    const number = Number(m[1]);
    if (number !== marks.length + 1) continue;
    marks.push({ index: m.index, end: m.index + m[0].length, number });
  }
  if (!marks.length) return { intro: text.trim(), steps: [] };
  const steps = marks.map((m, i) => ({ number: m.number, text: text.slice(m.end, marks[i + 1]?.index ?? text.length).trim() }));
  return { intro: text.slice(0, marks[0]!.index).trim(), steps };
}

/** True when a condition holds; a condition that cannot be decided (missing facts) does not. */
function holds(condition: string, ctx: Record<string, unknown>, compile: Compile): boolean {
  try {
    return compile(condition)(ctx) === true;
  } catch (e) {
    if (e instanceof StepBudgetExceeded) throw e;
    return false;
  }
}

/**
 * The recommendation without the steps the facts show done, renumbered. When
 * one step is left it loses its number; when none is, only the intro stays
 * (a rule whose every step can be done should not fire, so that is rare).
 */
export function tailorRecommendation(text: string, doneWhen: Record<string, string> | undefined, ctx: Record<string, unknown>, compile: Compile = compileExpression): string {
  const trimmed = collapseSpace(text);
  if (!doneWhen) return trimmed;
  const { intro, steps } = splitSteps(trimmed);
  const kept = steps.filter((s) => !(doneWhen[String(s.number)] && holds(doneWhen[String(s.number)]!, ctx, compile)));
  if (kept.length === steps.length) return trimmed;
  const body = kept.length === 1 ? capitalize(kept[0]!.text) : kept.map((s, i) => `${i + 1}) ${s.text}`).join(' ');
  return [intro, body].filter(Boolean).join(' ');
}

function capitalize(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
