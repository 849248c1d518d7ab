// Types and bounds of the profile's fact fields, read from the schema, so a
// collected value is stored as the profile would hold it (integers as
// integers, percentages within 0–100).
import { readFileSync } from 'node:fs';
import { packagePath } from '../../util/paths.js';
import { FACT_SECTIONS } from '../../profile/types.js';

export interface FactSchema {
  type: string;
  minimum?: number;
  maximum?: number;
}

let cache: Map<string, FactSchema> | undefined;

export function profileFactSchema(): Map<string, FactSchema> {
  if (cache) return cache;
  const schema = JSON.parse(readFileSync(packagePath('schema', 'profile.schema.json'), 'utf8')) as {
    properties: Record<string, { properties?: Record<string, FactSchema> }>;
  };
  cache = new Map();
  for (const section of FACT_SECTIONS) {
    for (const [key, field] of Object.entries(schema.properties[section]?.properties ?? {})) cache.set(`${section}.${key}`, field);
  }
  return cache;
}

/** Round as the unit deserves and keep within the schema's bounds; undefined for a fact the profile does not have. */
export function shapeValue(id: string, raw: number): number | undefined {
  const field = profileFactSchema().get(id);
  if (!field || (field.type !== 'number' && field.type !== 'integer') || !Number.isFinite(raw)) return undefined;
  let v = field.type === 'integer' ? Math.round(raw) : Math.round(raw * 100) / 100;
  if (field.minimum !== undefined) v = Math.max(field.minimum, v);
  if (field.maximum !== undefined) v = Math.min(field.maximum, v);
  return v;
}
