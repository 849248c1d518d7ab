import type { GroupDef, Rule, RuleCore, RuleDetailKey, ScalesWith, StageModel } from '../model.js';
import type { ScaleAdviseRule } from '../generated/rule-types.js';

/** A fact the catalog knows of: what rules may read. */
export interface FactInfo {
  id: string;
  type: string;
  unit?: string;
  description: string;
  enum?: unknown[];
  provenance: 'declared' | 'derived';
  /** numeric facts: what the value grows with (schema `x-scales-with`) */
  scales_with?: ScalesWith;
}

/**
 * What scripts/build.mjs writes to dist/catalog.json: what every run needs
 * (rules without their long prose, stage models, fact ids), kept small
 * because `check` reads it on every CI build. Each rule's RULE_TEXT_KEYS
 * hold 0 there; their values are in dist/catalog-text.json, line by line.
 */
export interface CatalogData {
  schema_version: 1;
  rules: RuleCore[];
  stageModels: StageModel[];
  facts: Pick<FactInfo, 'id' | 'type' | 'provenance' | 'scales_with' | 'unit'>[];
  /** rules/_groups.yaml: findings that share a cause */
  groups: GroupDef[];
}

/** One entry of rules/_sources.yaml. */
export interface SourceInfo {
  seed: string;
  title: string;
  title_note?: string;
  publisher?: string;
  date?: string;
}

/** dist/catalog-details.json: what explaining a rule or writing an ADR needs besides. */
export interface CatalogDetails {
  rules: Record<string, Pick<Rule, RuleDetailKey>>;
  facts: FactInfo[];
}

export const RULE_DETAIL_KEYS: RuleDetailKey[] = ['rationale', 'adr', 'example', 'templates'];

/**
 * The prose of a finding, which a run reads for the rules that fire only:
 * dist/catalog-text.json holds it, a JSON array written one rule a line, in
 * the order of dist/catalog.json's rules.
 */
export const RULE_TEXT_KEYS = ['message', 'recommendation', 'sources'] as const;
export type RuleText = Pick<Rule, (typeof RULE_TEXT_KEYS)[number]>;

/** Facts describing the stage itself, available to every rule. */
export const STAGE_FACTS: FactInfo[] = [
  { id: 'stage.id', type: 'string', description: 'Overall growth stage: mvp, growth, scale or enterprise.', enum: ['mvp', 'growth', 'scale', 'enterprise'], provenance: 'derived' },
  { id: 'stage.index', type: 'integer', description: 'Overall growth stage as a number: 1 MVP, 2 Growth, 3 Scale, 4 Enterprise.', provenance: 'derived' },
  { id: 'stage.traffic', type: 'integer', description: 'Traffic dimension as a number 1–4.', provenance: 'derived' },
  { id: 'stage.data', type: 'integer', description: 'Data dimension as a number 1–4.', provenance: 'derived' },
  { id: 'stage.organization', type: 'integer', description: 'Organization dimension as a number 1–4.', provenance: 'derived' },
];

// The rule schema is the one source of a rule's shape. These compile-time
// checks fail `tsc` (and so the tests) when the Rule type and the type
// generated from the schema disagree in either direction.
type Assert<T extends true> = T;
type KnownKeys<T> = keyof { [K in keyof T as string extends K ? never : K]: T[K] };
/** What a rule file holds; the rest of Rule is computed when the catalog is built. */
type RuleFileFields = Omit<Rule, 'file' | 'reads' | 'user' | 'whenPosition'>;
export type RuleSchemaConforms = [
  Assert<ScaleAdviseRule extends RuleFileFields ? true : false>,
  Assert<[Exclude<keyof RuleFileFields, KnownKeys<ScaleAdviseRule>>] extends [never] ? true : false>,
  Assert<[Exclude<KnownKeys<ScaleAdviseRule>, keyof RuleFileFields>] extends [never] ? true : false>,
];
