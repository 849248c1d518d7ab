// The shape of a validated profile. The JSON Schema is the source of truth
// for every field; this type names only what code reads directly, and leaves
// the rest to the facts layer, which handles every field generically.

export interface Component {
  name: string;
  compliance?: string[];
  cpu_share_pct?: number;
  sync?: boolean;
  peak_rps?: number;
  bursty?: boolean;
  extracted?: boolean;
  owner_team?: string;
}

export interface Waiver {
  rule: string;
  /** the key path of the fact or component it covers; without it, the whole rule */
  fact?: string;
  reason: string;
  owner: string;
  expires: string;
}

export interface CustomStageModel {
  dimension: string;
  thresholds: number[];
  description?: string;
}

export type Section = Record<string, unknown>;

export interface ProfileData {
  version: 1;
  project?: Section & { name?: string; kind?: string; compliance?: string[] };
  stage_model?: string;
  traffic?: Section;
  performance?: Section;
  database?: Section & { primaries?: number; read_replicas?: number };
  architecture?: Section & { components?: Component[] };
  delivery?: Section;
  observability?: Section;
  team?: Section;
  cost?: Section;
  security?: Section;
  waivers?: Waiver[];
  stage_models?: Record<string, CustomStageModel>;
  rules?: string[];
  adr?: { dir?: string; format?: 'nygard' | 'madr' };
  [extension: `x-${string}`]: unknown;
}

/** Sections whose fields become facts. */
export const FACT_SECTIONS = [
  'project',
  'traffic',
  'performance',
  'database',
  'architecture',
  'delivery',
  'observability',
  'team',
  'cost',
  'security',
] as const;
