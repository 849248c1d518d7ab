import type { Finding } from '../model.js';
import { decideStatus, type DecisionInputs } from './status.js';

/** Mark each finding with the status its decisions give it. Pure: no files, no clock. */
export function applyDecisions(findings: readonly Finding[], decisions: DecisionInputs, now: Date): Finding[] {
  return findings.map((f) => ({ ...f, ...decideStatus(f, decisions, now) }));
}
