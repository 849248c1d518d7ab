// What changes between two assessments: a what-if scenario against the system as
// measured, and this assessment against an earlier report (`--compare`).
import type { Dimension, FindingStatus, Severity, StageId } from '../model.js';

/** What a what-if scenario changes against the system as measured. */
export interface WhatIfComparison {
  label: string;
  factor: number;
  stage: { from: StageId | null; to: StageId | null };
  appear: { rule: string; title: string; severity: Severity }[];
  disappear: { rule: string; title: string; severity: Severity }[];
}

/** A finding as a comparison names it. */
export interface ComparedFinding {
  rule: string;
  title: string;
  severity: Severity;
  status: FindingStatus;
}

/** What changed between an earlier JSON report and this assessment (`--compare`). */
export interface ReportComparison {
  /** the earlier report, as the user named it */
  previous: string;
  stage: { from: StageId | null; to: StageId | null };
  /** dimensions whose stage moved */
  dimensions: { dimension: Dimension; from: StageId | null; to: StageId | null }[];
  new: ComparedFinding[];
  resolved: ComparedFinding[];
  severity_changed: (ComparedFinding & { from: Severity })[];
  status_changed: (ComparedFinding & { from: FindingStatus })[];
  completeness: {
    pct: { from: number; to: number };
    /** rules that could not run before and can now */
    now_evaluated: string[];
    /** rules that ran before and now lack facts */
    no_longer_evaluated: string[];
  };
}
