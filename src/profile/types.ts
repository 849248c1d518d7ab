// The shape of a validated profile. The JSON Schema is its one source: these
// types are generated from it at build time (src/generated/profile-types.ts),
// so a field added to the schema is known to the code, and a field the code
// reads that the schema lacks does not compile.
import type {
  Component as ComponentFromSchema,
  ScaleAdviseProfile,
  StageModel as StageModelFromSchema,
  Waiver as WaiverFromSchema,
} from '../generated/profile-types.js';

export type ProfileData = ScaleAdviseProfile;
export type Component = ComponentFromSchema;
export type Waiver = WaiverFromSchema;
export type CustomStageModel = StageModelFromSchema;
export type Section = Record<string, unknown>;

/** Sections whose fields become facts; the build checks each is an object section of the schema. */
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
