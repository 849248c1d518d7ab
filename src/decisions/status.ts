import type { FindingStatus } from '../model.js';
import type { Waiver } from '../profile/types.js';
import { isoDay } from './waivers.js';

/** A record that addresses a rule, as the gate and the reports show it. */
export interface AddressingDecision {
  /** the record's path, relative to the working directory, POSIX separators */
  path: string;
  number: number;
  title: string;
}

/** Everything the decisions step reads, loaded once with the rest of the inputs. */
export interface DecisionInputs {
  /** rule id → the ADR that addresses it (proposed, accepted or rejected) */
  addressed: ReadonlyMap<string, AddressingDecision>;
  waivers: readonly Waiver[];
}

export const NO_DECISIONS: DecisionInputs = Object.freeze({ addressed: new Map(), waivers: [] });

export interface StatusDecision {
  status: FindingStatus;
  addressed_by: string | null;
}

/**
 * The one function that decides a finding's status; every output (the
 * report, the gate, the roadmap) reads the status it sets. An ADR wins over a
 * waiver, because it is the record; a waiver is live through its expiry day
 * (UTC), after which it counts as open.
 */
export function decideStatus(rule: string, decisions: DecisionInputs, now: Date): StatusDecision {
  const record = decisions.addressed.get(rule);
  if (record) return { status: 'addressed', addressed_by: record.path };
  const waiver = decisions.waivers.find((w) => w.rule === rule);
  if (waiver) return { status: waiver.expires >= isoDay(now) ? 'waived' : 'expired-waiver', addressed_by: null };
  return { status: 'open', addressed_by: null };
}
