// What `init` asks: the fields that matter most to the rules and that only
// the team knows, grouped by profile section. Their type, allowed values,
// unit and meaning come from the profile's JSON Schema, the one source.
import { readFileSync } from 'node:fs';
// Generated at build time from schema/profile.schema.json (scripts/build.mjs).
import validateProfile from '../generated/profile-validator.js';
import { packagePath } from '../util/paths.js';

export const QUESTIONS: readonly string[] = [
  'traffic.monthly_active_users',
  'traffic.peak_rps',
  'traffic.growth_pct_per_month',
  'performance.latency_p95_ms',
  'performance.slo_availability_pct',
  'performance.outages_90d',
  'database.engine',
  'database.size_gb',
  'database.cpu_p95_pct',
  'database.read_pct',
  'database.read_replicas',
  'architecture.style',
  'architecture.services',
  'architecture.cache',
  'architecture.async_jobs',
  'architecture.orchestration',
  'architecture.autoscaling',
  'delivery.deploys_per_week',
  'delivery.ci',
  'delivery.infrastructure_as_code',
  'observability.metrics',
  'observability.tracing',
  'observability.alerting',
  'team.engineers',
  'team.teams',
  'cost.monthly_infra_usd',
];

export interface FieldInfo {
  id: string;
  section: string;
  key: string;
  type: 'integer' | 'number' | 'boolean' | 'string' | 'other';
  enum?: string[];
  unit?: string;
  description: string;
}

interface SchemaProperty {
  type?: string;
  enum?: string[];
  description?: string;
  'x-unit'?: string;
  properties?: Record<string, SchemaProperty>;
}

let properties: Record<string, SchemaProperty> | undefined;

/** A profile field's schema, or null for a fact that is no profile field (`repository.*`). */
export function fieldInfo(id: string): FieldInfo | null {
  properties ??= (JSON.parse(readFileSync(packagePath('schema', 'profile.schema.json'), 'utf8')) as { properties: Record<string, SchemaProperty> }).properties;
  const [section, key, ...rest] = id.split('.');
  const prop = rest.length ? undefined : properties[section!]?.properties?.[key!];
  if (!prop) return null;
  const type = prop.enum ? 'string' : prop.type === 'integer' || prop.type === 'number' || prop.type === 'boolean' || prop.type === 'string' ? prop.type : 'other';
  return {
    id,
    section: section!,
    key: key!,
    type,
    ...(prop.enum ? { enum: prop.enum } : {}),
    ...(prop['x-unit'] ? { unit: prop['x-unit'] } : {}),
    description: prop.description ?? '',
  };
}

/** null when the value may stand in the profile; else what the schema expects. */
export function checkAnswer(field: FieldInfo, value: unknown): string | null {
  const profile = { version: 1, [field.section]: { [field.key]: value } };
  if (validateProfile(profile)) return null;
  const e = validateProfile.errors?.[0];
  return `${e?.message ?? 'not allowed'}${field.unit ? ` (${field.unit})` : ''}`;
}

/** The answer typed at a prompt, as the value the profile holds; undefined for "skip". */
export function parseAnswer(field: FieldInfo, text: string): unknown {
  const t = text.trim();
  if (!t) return undefined;
  if (field.type === 'integer' || field.type === 'number') return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : t;
  return t;
}
