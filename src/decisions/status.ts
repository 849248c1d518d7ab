import type { Finding, FindingStatus } from '../model.js';
import { findingSubjects, type BaselineEntry } from './baseline.js';
import { isoDay, type WaiverEntry } from './waivers.js';

/** A record that addresses a rule, as the gate and the reports show it. */
export interface AddressingDecision {
  /** the record's path, relative to the working directory, POSIX separators */
  path: string;
  number: number;
  title: string;
  /** proposed, accepted or rejected: a rejected option is a decision too */
  status?: string;
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
  /** record numbers that more than one file uses (paths relative to the working directory) */
  duplicateNumbers: readonly { number: number; paths: string[] }[];
  /** an audit run: every waiver and baseline entry is ignored; only ADRs count */
  audit: boolean;
}

export const NO_DECISIONS: DecisionInputs = Object.freeze({ addressed: new Map(), waivers: [], baseline: [], reviews: [], duplicateNumbers: [], audit: false });

export interface StatusDecision {
  status: FindingStatus;
  addressed_by: string | null;
}

type Subject = Pick<Finding, 'rule' | 'evidence' | 'components'>;
type Scope = Pick<WaiverEntry, 'rule' | 'fact'>;

/**
 * Does a waiver cover one key path of a finding? One without a fact covers
 * the whole rule; one with a fact covers that fact or component, or (for a
 * finding about no particular component) the finding while it cites the fact.
 */
function coversKey(w: Scope, f: Subject, key: string): boolean {
  if (w.rule !== f.rule) return false;
  if (w.fact === undefined || key === w.fact || key.startsWith(`${w.fact}[`) || key.startsWith(`${w.fact}.`)) return true;
  return !f.components?.length && f.evidence.some((e) => e.fact === w.fact || e.fact.startsWith(`${w.fact}.`));
}

/** Does a waiver cover any part of a finding? (A waiver that covers none is stale.) */
export function waiverCovers(w: Scope, f: Subject): boolean {
  return findingSubjects(f).some((key) => coversKey(w, f, key));
}

/** Worst first: a finding takes the status of its least-covered part. */
const PART_ORDER = ['expired-waiver', 'open', 'baselined', 'waived'] as const;

export function waiverIsLive(w: Pick<WaiverEntry, 'expires'>, now: Date): boolean {
  return w.expires >= isoDay(now);
}

/**
 * The one function that decides a finding's status; every output (the
 * report, the gate, SARIF, JUnit, the roadmap) reads the status it sets.
 * An ADR wins, because it is the record. Otherwise each part of the finding
 * (each component it is about, else its fact) is waived by a live waiver
 * (through its expiry day, UTC), expired when only lapsed waivers cover it
 * (an expired waiver wins over the baseline, so a baseline never hides a
 * lapsed decision), baselined, or open; the finding takes its worst part.
 */
export function decideStatus(f: Subject, decisions: DecisionInputs, now: Date): StatusDecision {
  const record = decisions.addressed.get(f.rule);
  if (record) return { status: 'addressed', addressed_by: record.path };
  if (decisions.audit) return { status: 'open', addressed_by: null };
  const parts = findingSubjects(f).map((key): FindingStatus => {
    const waivers = decisions.waivers.filter((w) => coversKey(w, f, key));
    if (waivers.some((w) => waiverIsLive(w, now))) return 'waived';
    if (waivers.length) return 'expired-waiver';
    return decisions.baseline.some((e) => e.rule === f.rule && e.fact === key) ? 'baselined' : 'open';
  });
  return { status: PART_ORDER.find((s) => parts.includes(s)) ?? 'open', addressed_by: null };
}
