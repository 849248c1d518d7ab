import { isOpen, type Assessment, type Finding, type WhatIfComparison } from '../model.js';
import type { Inputs } from '../load.js';
import { evaluate } from '../engine/assessment.js';
import { UserError } from '../util/errors.js';

/** "10x" → 10. A what-if factor is a positive number followed by x. */
export function parseFactor(raw: string, flag = '--what-if'): number {
  const m = /^(\d+(?:\.\d+)?|\.\d+)x$/i.exec(raw.trim());
  const factor = m ? Number(m[1]) : NaN;
  if (!(factor > 0) || factor > 1000) {
    throw new UserError(`${flag} must be a load factor such as 2x, 10x or 0.5x (more than 0x, at most 1000x); got "${raw.slice(0, 40)}"`);
  }
  return factor;
}

const brief = (f: Finding) => ({ rule: f.rule, title: f.title, severity: f.severity });

/** Which open findings the scenario adds and removes, and where it puts the stage. */
export function compareScenario(measured: Assessment, scenario: Assessment, label: string, factor: number): WhatIfComparison {
  const before = new Set(measured.findings.filter(isOpen).map((f) => f.rule));
  const after = new Set(scenario.findings.filter(isOpen).map((f) => f.rule));
  return {
    label,
    factor,
    stage: { from: measured.stage.id, to: scenario.stage.id },
    appear: scenario.findings.filter((f) => isOpen(f) && !before.has(f.rule)).map(brief),
    disappear: measured.findings.filter((f) => isOpen(f) && !after.has(f.rule)).map(brief),
  };
}

/**
 * The system with its load- and user-bound facts scaled by `factor` (team,
 * configuration and data size stay), evaluated again, with the comparison
 * against the system as measured.
 */
export function evaluateWhatIf(inputs: Inputs, factor: number): Assessment {
  const label = `${factor}x load`;
  const measured = evaluate(inputs);
  const scenario = evaluate(inputs, { label, factor, scales: ['load', 'users'] });
  return { ...scenario, whatIf: compareScenario(measured, scenario, label, factor) };
}
