// What the gate says about the decisions themselves, beside the findings:
// waivers about to end, waivers and baseline entries that cover nothing any
// more, and decision records past their review-by day. Pure: it reads the
// findings that evaluate() marked and the same decision inputs.
import type { Finding } from '../model.js';
import { entriesOf, sameEntry, type BaselineEntry } from './baseline.js';
import { waiverCovers, waiverIsLive, type DecisionInputs, type ReviewDate } from './status.js';
import { daysUntil, EXPIRY_WARNING_DAYS, isoDay, type WaiverEntry } from './waivers.js';

export interface ExpiringWaiver {
  waiver: WaiverEntry;
  /** 0 = it ends today */
  daysLeft: number;
}

export interface DecisionNotes {
  /** live waivers that end within EXPIRY_WARNING_DAYS */
  expiringWaivers: ExpiringWaiver[];
  /** waivers whose rule (or fact) no longer fires: remove them */
  staleWaivers: WaiverEntry[];
  /** baseline entries that match no finding any more: prune them */
  prunableBaseline: BaselineEntry[];
  /** records in force whose review-by day has passed */
  reviewsDue: ReviewDate[];
  /** record numbers used by more than one file: references to them are ambiguous */
  duplicateNumbers: DecisionInputs['duplicateNumbers'];
}

export function decisionNotes(findings: readonly Finding[], decisions: DecisionInputs, now: Date): DecisionNotes {
  const expiringWaivers: ExpiringWaiver[] = [];
  const staleWaivers: WaiverEntry[] = [];
  for (const w of decisions.waivers) {
    if (!findings.some((f) => waiverCovers(w, f))) staleWaivers.push(w);
    else if (waiverIsLive(w, now)) {
      const daysLeft = daysUntil(w.expires, now);
      if (daysLeft <= EXPIRY_WARNING_DAYS) expiringWaivers.push({ waiver: w, daysLeft });
    }
  }
  const keys = findings.flatMap(entriesOf);
  const today = isoDay(now);
  return {
    expiringWaivers,
    staleWaivers,
    prunableBaseline: decisions.baseline.filter((e) => !keys.some((k) => sameEntry(k, e))),
    reviewsDue: decisions.reviews.filter((r) => r.reviewBy < today),
    duplicateNumbers: [...decisions.duplicateNumbers],
  };
}

export function hasNotes(n: DecisionNotes): boolean {
  return Boolean(n.expiringWaivers.length || n.staleWaivers.length || n.prunableBaseline.length || n.reviewsDue.length || n.duplicateNumbers.length);
}
