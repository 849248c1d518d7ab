import {
  DIMENSIONS,
  STAGE_IDS,
  STAGE_NAMES,
  type Dimension,
  type FactSet,
  type StageDecision,
  type StageId,
  type StageModel,
  type StageResult,
} from '../model.js';
import type { CustomStageModel } from '../profile/types.js';

export const DEFAULT_STAGE_MODEL = 'default';

/** Which dimension a fact measures when a custom model names it. */
export function dimensionOfFact(fact: string): Dimension {
  if (fact.startsWith('database.')) return 'data';
  if (fact.startsWith('team.')) return 'organization';
  return 'traffic';
}

/** A profile's own model: one fact and three thresholds, layered over the default's other dimensions. */
export function customStageModel(name: string, custom: CustomStageModel, base: StageModel): StageModel {
  const dim = dimensionOfFact(custom.dimension);
  const [g, s, e] = custom.thresholds as [number, number, number];
  return {
    id: name,
    description: custom.description ?? `custom thresholds on ${custom.dimension}`,
    overall: [dim, ...base.overall.filter((d) => d !== dim)],
    dimensions: { ...base.dimensions, [dim]: [{ fact: custom.dimension, thresholds: [g, s, e] }] },
  };
}

function band(value: number, thresholds: readonly number[]): number {
  let i = 0;
  while (i < thresholds.length && value >= thresholds[i]!) i++;
  return i; // 0 mvp .. 3 enterprise
}

/**
 * Place the system per dimension (the highest band any known measure reaches),
 * then overall: the first dimension of the model's `overall` order that is known.
 * Users define the seeds' stages, so traffic decides whenever it is known.
 */
export function placeStage(model: StageModel, facts: FactSet): StageResult {
  const dimensions = {} as Record<Dimension, StageId | null>;
  const dimensionFacts = {} as Record<Dimension, StageDecision | null>;
  for (const dim of DIMENSIONS) {
    let best: { index: number; decision: StageDecision } | null = null;
    for (const m of model.dimensions[dim] ?? []) {
      const v = facts.get(m.fact)?.value;
      if (typeof v !== 'number') continue;
      const index = band(v, m.thresholds);
      if (!best || index > best.index) best = { index, decision: { fact: m.fact, value: v } };
    }
    dimensions[dim] = best ? STAGE_IDS[best.index]! : null;
    dimensionFacts[dim] = best ? best.decision : null;
  }
  const decidingDim = model.overall.find((d) => dimensions[d] !== null);
  const id = decidingDim ? dimensions[decidingDim] : null;
  return {
    id,
    index: id ? STAGE_IDS.indexOf(id) + 1 : null,
    name: id ? STAGE_NAMES[id] : null,
    model: model.id,
    decided_by: decidingDim ? dimensionFacts[decidingDim] : null,
    dimensions,
    dimension_facts: dimensionFacts,
  };
}

/** Facts a stage model would need to place the system at all. */
export function stageInputs(model: StageModel): string[] {
  return model.overall.flatMap((d) => (model.dimensions[d] ?? []).map((m) => m.fact));
}
