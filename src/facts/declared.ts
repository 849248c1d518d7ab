import type { Fact } from '../model.js';
import type { Profile } from '../profile/load.js';
import { FACT_SECTIONS } from '../profile/types.js';

const isMapping = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Flatten the profile's sections into dotted facts (`database.cpu_p95_pct`).
 * Lists stay whole (`architecture.components` is one fact); `x-` keys are
 * the user's notes and never become facts.
 */
export function declaredFacts(profile: Profile): Fact[] {
  const facts: Fact[] = [];
  const walk = (node: Record<string, unknown>, path: string[]) => {
    for (const [key, value] of Object.entries(node)) {
      if (key.startsWith('x-') || value === null || value === undefined) continue;
      const at = [...path, key];
      if (isMapping(value)) {
        walk(value, at);
        continue;
      }
      facts.push({ id: at.join('.'), value, provenance: 'declared', position: profile.positionOf(at) });
    }
  };
  for (const [section, value] of Object.entries(profile.data)) {
    if ((FACT_SECTIONS as readonly string[]).includes(section) && isMapping(value)) walk(value, [section]);
  }
  return facts;
}
