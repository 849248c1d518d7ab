// The roadmap's types: steps in phases, and the growth projection that dates them.
import type { ExpectedEffect, RuleKind, Severity, StageId } from '../model.js';

export interface RoadmapItem {
  /** the rule of the step (the most urgent finding of its group) */
  rule: string;
  topics: string[];
  title: string;
  severity: Severity;
  kind: RuleKind;
  /** every rule behind the step, the lead rule first */
  rules: string[];
  /** the stage the step prepares for */
  stage: StageId | null;
  /** months of runway: until the first resource the step relieves saturates, or until the step's finding appears; null when none is in sight */
  months: number | null;
  /** the finding is not open yet: the growth projection brings it in `months` */
  upcoming: boolean;
  /** open steps that must come first */
  requires: string[];
  /** steps that wait for this one */
  unlocks: string[];
  expected_effect: ExpectedEffect | null;
  lead_time: string | null;
  /** the runway is shorter than the lead time */
  urgent: boolean;
  /** why the step sits in its phase, one line */
  why: string;
}

export interface RoadmapPhase {
  id: 'now' | 'next' | 'later';
  title: string;
  items: RoadmapItem[];
}

/** When a projected quantity reaches its limit at constant growth. */
export interface ResourceRunway {
  id: string;
  /** what it is, for people: "the primary's CPU" */
  name: string;
  fact: string;
  current: number;
  limit: number;
  unit: string;
  /** 0 when already at the limit; null when never reached within the horizon */
  months: number | null;
  /** why months is null: not growing, shrinking, or beyond the horizon */
  reason?: 'no-growth' | 'shrinking' | 'beyond-horizon';
}

export interface RoadmapProjection {
  growth_pct_per_month: number | null;
  horizon_months: number;
  next_stage: (Omit<ResourceRunway, 'id' | 'name' | 'unit'> & { stage: StageId }) | null;
  resources: ResourceRunway[];
}

export interface Roadmap {
  phases: RoadmapPhase[];
  projection: RoadmapProjection;
  assumptions: string[];
  /** one line on the size of the plan; says so when there is little to do */
  summary: string;
}
