// The shared vocabulary of the pipeline. Every module downstream of the
// profile speaks in these types; positions here are already 1-based.

export interface Position {
  line: number;
  column: number;
}

/** Where a fact's value came from; `projected` is a what-if or growth scenario's value. */
export const PROVENANCES = ['declared', 'detected', 'collected', 'derived', 'projected'] as const;
export type Provenance = (typeof PROVENANCES)[number];

export interface Fact {
  /** dotted id, e.g. `database.cpu_p95_pct` */
  id: string;
  value: unknown;
  provenance: Provenance;
  /** where a declared fact stands in the profile; null for derived facts */
  position: Position | null;
  /** for derived facts: the facts it was computed from */
  from?: string[];
  /** for detected and collected facts: the file, command or query that showed it */
  origin?: string;
  /** for projected facts: the value before the scenario changed it */
  baseline?: unknown;
}

export type FactSet = ReadonlyMap<string, Fact>;

// The roadmap's and the comparisons' types live beside this file, and are part of this vocabulary.
export type * from './model/roadmap.js';
export type * from './model/comparison.js';
import type { Roadmap } from './model/roadmap.js';
import type { ReportComparison, WhatIfComparison } from './model/comparison.js';

// Kinds, severities, stage ids and topics come from the rule schema, through
// a module generated at build time: the schema is their one source.
import { KINDS, SEVERITIES, STAGE_IDS, TOPICS } from './generated/vocabulary.js';
export { KINDS, SEVERITIES, STAGE_IDS, TOPICS };
export type Topic = (typeof TOPICS)[number];

export type StageId = (typeof STAGE_IDS)[number];
export const STAGE_NAMES: Record<StageId, string> = {
  mvp: 'MVP',
  growth: 'Growth',
  scale: 'Scale',
  enterprise: 'Enterprise',
};

/**
 * What a numeric fact grows with (the schema's `x-scales-with`): the what-if
 * scales `load` and `users` facts by its factor; the growth projection also
 * grows `data`; `team` and `none` stay as they are.
 */
export const SCALES_WITH = ['load', 'users', 'data', 'team', 'none'] as const;
export type ScalesWith = (typeof SCALES_WITH)[number];

export const DIMENSIONS = ['traffic', 'data', 'organization'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export type RuleKind = (typeof KINDS)[number];

export type Severity = (typeof SEVERITIES)[number];

/** Higher is more severe. */
export function severityRank(s: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(s);
}

/** Every status a finding can have; one function (decisions/status) decides it. */
export const FINDING_STATUSES = ['open', 'addressed', 'waived', 'expired-waiver', 'baselined'] as const;
export type FindingStatus = (typeof FINDING_STATUSES)[number];

/** Still to be dealt with: open, or covered only by a waiver that has expired. */
export function isOpen(f: { status: FindingStatus }): boolean {
  return f.status === 'open' || f.status === 'expired-waiver';
}

export interface RuleSource {
  seed: string;
  point: string;
  /** from rules/_sources.yaml, filled in when the catalog is built */
  title?: string;
  publisher?: string;
  date?: string;
}

/** An effect a source reports; reports quote it as reported, never as a promise. */
export interface ExpectedEffect {
  claim: string;
  seed: string;
}

export interface AdrOption {
  name: string;
  pros?: string[];
  cons?: string[];
}

export interface RuleAdrHints {
  title?: string;
  drivers?: string[];
  options?: AdrOption[];
  consequences?: string[];
}

export interface Rule {
  id: string;
  title: string;
  kind: RuleKind;
  severity: Severity;
  stages: StageId[];
  topics: string[];
  when: string;
  /** facts the condition guards with has() and may do without */
  optional?: string[];
  /** facts of which at least one must be known (each guarded with has()) */
  requires_one_of?: string[];
  message: string;
  recommendation: string;
  rationale: string;
  sources: RuleSource[];
  templates?: string[];
  adr?: RuleAdrHints;
  /**
   * rules whose findings must be dealt with first: while one of them fires,
   * this rule is held back and the blocking finding names it under `unlocks`
   */
  requires?: string[];
  /** per numbered step of the recommendation, a condition under which the profile shows it done */
  done_when?: Record<string, string>;
  /** how long the remedy takes, e.g. "2-5 days" */
  lead_time?: string;
  /** the effect a source reports for the step, with that source */
  expected_effect?: ExpectedEffect;
  /** a minimal profile (YAML text) on which the rule fires; shown by `explain` */
  example?: string;
  /** profiles on which the rule must fire or stay silent (`scale-advise rules test`) */
  tests?: RuleTests;
  /** where the rule was loaded from (catalog-relative or user path) */
  file?: string;
  /** facts the condition reads, computed when the catalog is built */
  reads?: string[];
  /** a rule from the user's own directory, not the shipped catalog */
  user?: true;
  /** where the condition stands in the rule file (rules loaded at run time) */
  whenPosition?: Position | null;
}

/** Inline test profiles of a rule: each a profile mapping, as a profile file holds it. */
export interface RuleTests {
  fires?: Record<string, unknown>[];
  silent?: Record<string, unknown>[];
}

/** What a finding needs of a rule; the rest (RuleDetails) is loaded only to explain or record it. */
export type RuleDetailKey = 'rationale' | 'adr' | 'example' | 'templates';
export type RuleCore = Omit<Rule, RuleDetailKey> & Partial<Pick<Rule, RuleDetailKey>>;

export interface Evidence {
  fact: string;
  value: unknown;
  provenance: Provenance;
  line: number | null;
  column: number | null;
  /** for detected facts: the file:line or git range that showed it */
  origin?: string;
  /** for a projected fact: its value as measured, before the scenario */
  baseline?: unknown;
}

export interface Finding {
  rule: string;
  title: string;
  kind: RuleKind;
  severity: Severity;
  topics: string[];
  message: string;
  evidence: Evidence[];
  /** for a rule over `architecture.components`: the components that make it fire on their own */
  components?: string[];
  recommendation: string;
  status: FindingStatus;
  addressed_by: string | null;
  sources: RuleSource[];
  /** rules held back until this finding is dealt with (their `requires` names this rule) */
  unlocks?: string[];
  /** YYYY-MM-DD: the day an open finding was first seen open, carried from an earlier report (`--compare`); unset: the day of this assessment */
  open_since?: string;
}

/** A rule whose condition holds but which waits for the findings it requires. */
export interface HeldRule {
  rule: string;
  title: string;
  waiting_for: string[];
}

/** Findings that share one cause, shown as one problem with one plan (rules/_groups.yaml). */
export interface GroupDef {
  id: string;
  title: string;
  /** the cheapest decisive step, which comes before any member's advice */
  lead: string;
  /** member rules, in the order the plan takes them */
  rules: string[];
}

export interface FindingGroup {
  id: string;
  title: string;
  lead: string;
  /** the most severe member's severity and kind */
  severity: Severity;
  kind: RuleKind;
  /** member findings' rule ids, in plan order */
  findings: string[];
}

export interface NotEvaluated {
  rule: string;
  missing: string[];
  /** facts that are present but not of their documented type (a detected or collected value gone wrong) */
  invalid?: string[];
}

export interface StageThresholdMeasure {
  fact: string;
  /** lower bounds of growth, scale and enterprise */
  thresholds: [number, number, number];
}

export interface StageModel {
  id: string;
  description: string;
  source?: string;
  /** dimensions in the order they may decide the overall stage */
  overall: Dimension[];
  dimensions: Partial<Record<Dimension, StageThresholdMeasure[]>>;
}

export interface StageDecision {
  fact: string;
  value: number;
}

export interface StageResult {
  id: StageId | null;
  index: number | null;
  name: string | null;
  model: string;
  decided_by: StageDecision | null;
  dimensions: Record<Dimension, StageId | null>;
  /** per dimension, the fact that placed it */
  dimension_facts: Record<Dimension, StageDecision | null>;
}

export interface Completeness {
  /** share of the profile's documented fields that are present */
  fields_present: number;
  fields_known: number;
  /** rules that could be evaluated among those that apply at this stage */
  rules_evaluated: number;
  rules_applicable: number;
  pct: number;
}

export interface Assessment {
  profilePath: string;
  /** the profile's project.name, when given */
  project?: string;
  /** the profile's project.owner, when given */
  owner?: string;
  /** present when the facts were changed by a what-if or projection */
  scenario?: { label: string; factor: number };
  stage: StageResult;
  findings: Finding[];
  notEvaluated: NotEvaluated[];
  roadmap: Roadmap;
  /** set by `--what-if`: the scenario against the measured system */
  whatIf?: WhatIfComparison;
  /** set by `--compare`: what changed since an earlier report */
  comparison?: ReportComparison;
  completeness: Completeness;
  conflicts: FactConflict[];
  /** every fact the rules saw, derived ones included */
  facts: FactSet;
  /** findings sharing a cause; every member is still in `findings` */
  groups?: FindingGroup[];
  /** rules that would fire but wait for a required finding */
  held?: HeldRule[];
  /** what looking at the repository found, when it was looked at */
  repository?: RepositorySummary;
  /** YYYY-MM-DD: the day the assessment judged dates on (--now, SCALE_ADVISE_NOW, else the clock) */
  assessedOn?: string;
  /** every waiver read, with the days it has left */
  waivers?: WaiverState[];
}

/** A waiver as reports list it: what it covers, whose decision it is, and how long it still runs. */
export interface WaiverState {
  rule: string;
  /** the fact or component it is limited to; null: the whole rule */
  scope: string | null;
  owner: string;
  reason: string;
  /** YYYY-MM-DD, the last day it holds */
  expires: string;
  /** days from the assessment's day to `expires`; 0: ends that day; negative: expired */
  days_left: number;
}

export interface RepositorySummary {
  /** detected facts that were used (a declared value wins) */
  detected: number;
  /** what detection could not judge, in plain sentences */
  notes: string[];
  /** no profile was found: the assessment rests on detected facts alone */
  withoutProfile: boolean;
  /** profile sections of which no fact is known */
  unknown: string[];
}

export interface FactConflict {
  fact: string;
  declared: unknown;
  /** the detected or collected value */
  detected: unknown;
  origin?: string;
  /** where the other value came from: `detected` or `collected` */
  provenance: Provenance;
  /** which of the two the assessment uses */
  kept: Provenance;
}
