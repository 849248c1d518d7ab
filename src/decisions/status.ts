import type { Finding, FindingStatus } from '../model.js';
import { entryOf, sameEntry, type BaselineEntry } from './baseline.js';
import { isoDay, type WaiverEntry } from './waivers.js';

/** A record that addresses a rule, as the gate and the reports show it. */
export interface AddressingDecision {
  /** the record's path, relative to the working directory, POSIX separators */
  path: string;
  number: number;
  title: string;
}

/** A decision record that asked to be looked at again by a day. */
export interface ReviewDate extends AddressingDecision {
  /** YYYY-MM-DD */
  reviewBy: string;
}

/** Everything the decisions step reads, loaded once with the rest of the inputs. */
export interface DecisionInputs {
  /** rule id → the ADR that addresses it (proposed, accepted or rejected) */
  addressed: ReadonlyMap<string, AddressingDecision>;
  waivers: readonly WaiverEntry[];
  /** the baseline's entries, when a baseline is in use */
  baseline: readonly BaselineEntry[];
  /** review-by dates of the records still in force */
  reviews: readonly ReviewDate[];
  /** an audit run: every waiver and baseline entry is ignored; only ADRs count */
  audit: boolean;
}

export const NO_DECISIONS: DecisionInputs = Object.freeze({ addressed: new Map(), waivers: [], baseline: [], reviews: [], audit: false });

export interface StatusDecision {
  status: FindingStatus;
  addressed_by: string | null;
}

type Subject = Pick<Finding, 'rule' | 'evidence'>;

/** A waiver covers a finding of its rule; one with a fact covers it only while the finding cites that fact. */
export function waiverCovers(w: Pick<WaiverEntry, 'rule' | 'fact'>, f: Subject): boolean {
  return w.rule === f.rule && (w.fact === undefined || f.evidence.some((e) => e.fact === w.fact || e.fact.startsWith(`${w.fact}.`)));
}

export function waiverIsLive(w: Pick<WaiverEntry, 'expires'>, now: Date): boolean {
  return w.expires >= isoDay(now);
}

/**
 * The one function that decides a finding's status; every output (the
 * report, the gate, SARIF, JUnit, the roadmap) reads the status it sets.
 * An ADR wins, because it is the record; then a live waiver (through its
 * expiry day, UTC). An expired waiver counts as open and wins over the
 * baseline, so a baseline can never hide a lapsed decision.
 */
export function decideStatus(f: Subject, decisions: DecisionInputs, now: Date): StatusDecision {
  const record = decisions.addressed.get(f.rule);
  if (record) return { status: 'addressed', addressed_by: record.path };
  if (decisions.audit) return { status: 'open', addressed_by: null };
  const waivers = decisions.waivers.filter((w) => waiverCovers(w, f));
  if (waivers.some((w) => waiverIsLive(w, now))) return { status: 'waived', addressed_by: null };
  if (waivers.length) return { status: 'expired-waiver', addressed_by: null };
  const key = entryOf(f);
  if (decisions.baseline.some((e) => sameEntry(e, key))) return { status: 'baselined', addressed_by: null };
  return { status: 'open', addressed_by: null };
}
