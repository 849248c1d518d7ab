import type { Fact, ScalesWith } from '../model.js';

/**
 * A change to the facts before they are evaluated: a what-if factor on the
 * facts that grow with load (and, optionally, users or data), and explicit
 * overrides. Changed facts carry provenance `projected` and keep the measured
 * value as `baseline`, so evidence can show both.
 */
export interface Scenario {
  /** shown in reports, e.g. "10x load" */
  label?: string;
  /** multiply the facts that scale with `scales` by this factor */
  factor?: number;
  /** which kinds of fact the factor applies to; default load and users */
  scales?: readonly ScalesWith[];
  /** set facts to these values (after the factor) */
  overrides?: Readonly<Record<string, unknown>>;
}

export const AS_IS: Scenario = Object.freeze({});

export interface FactMeta {
  scales_with?: ScalesWith;
  unit?: string;
}

const DEFAULT_SCALES: readonly ScalesWith[] = ['load', 'users'];

function roundLike(original: number, scaled: number, unit?: string): number {
  // A utilisation cannot pass 100%: beyond it the resource is simply saturated.
  const capped = unit === '%' ? Math.min(scaled, 100) : scaled;
  return Number.isInteger(original) ? Math.round(capped) : Math.round(capped * 100) / 100;
}

/**
 * The facts as the scenario would have them. Pure: the input map is not
 * changed, and it is what comes back when the scenario changes nothing.
 */
export function applyScenario(
  facts: ReadonlyMap<string, Fact>,
  scenario: Scenario,
  meta: ReadonlyMap<string, FactMeta>,
): ReadonlyMap<string, Fact> {
  const factor = scenario.factor ?? 1;
  const scaling = factor !== 1;
  const overrides = Object.entries(scenario.overrides ?? {});
  if (!scaling && !overrides.length) return facts;
  const scales = new Set(scenario.scales ?? DEFAULT_SCALES);
  const out = new Map<string, Fact>();
  facts.forEach((f, id) => {
    const m = scaling ? meta.get(id) : undefined;
    if (!m?.scales_with || !scales.has(m.scales_with) || typeof f.value !== 'number') {
      out.set(id, f);
      return;
    }
    const value = roundLike(f.value, f.value * factor, m.unit);
    out.set(id, value === f.value ? f : { ...f, value, provenance: 'projected', baseline: f.value });
  });
  for (const [id, value] of overrides) {
    const before = facts.get(id);
    out.set(id, {
      id,
      value,
      provenance: 'projected',
      position: before?.position ?? null,
      ...(before ? { baseline: before.value } : {}),
    });
  }
  return out;
}
