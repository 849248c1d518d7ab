// Every valid profile, however odd its values, is assessed without an
// internal error: boundary values (zeros, maxima, every enum value) and
// missing fields must reach the rules without crashing them. Deterministic:
// a fixed seed drives the mutations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { UserError } from '../src/util/errors.js';
import { ORDERED_FIELDS } from '../src/profile/load.js';
import { jsonReportObject } from '../src/report/json.js';
import { assessText, ROOT } from './helpers/assess.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'profile.schema.json'), 'utf8'));
const base = parse(readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8'));

function rng(seed: number) {
  return () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
}

type Leaf = { path: string[]; node: Record<string, any> };
function leaves(node: Record<string, any>, path: string[] = []): Leaf[] {
  if (node.$ref) node = schema.$defs[node.$ref.split('/').pop()];
  if (node.type === 'object' && node.properties) return Object.entries(node.properties).flatMap(([k, v]) => leaves(v as any, [...path, k]));
  return [{ path, node }];
}
const FACT_LEAVES = leaves(schema).filter((l) => !['version', 'waivers', 'stage_models', 'rules', 'adr', 'stage_model'].includes(l.path[0]!));

function boundaryValues(n: Record<string, any>): unknown[] {
  if (n.enum) return n.enum;
  if (n.type === 'boolean') return [true, false];
  if (n.type === 'integer' || n.type === 'number') {
    const min = n.minimum ?? 0;
    const max = n.maximum ?? (n.type === 'integer' ? 1_000_000_000 : 1e9);
    return [min, max, min + 1, n.type === 'number' ? (min + max) / 2 : Math.floor((min + max) / 2)];
  }
  return [];
}

function setPath(obj: any, path: string[], value: unknown) {
  let o = obj;
  for (const p of path.slice(0, -1)) o = o[p] ??= {};
  if (value === undefined) delete o[path.at(-1)!];
  else o[path.at(-1)!] = value;
}

describe('robustness', () => {
  it('assesses 300 mutated profiles without an internal error', () => {
    const random = rng(42);
    let assessed = 0;
    for (let i = 0; i < 300; i++) {
      const profile = structuredClone(base);
      delete profile.waivers;
      for (let m = 0; m < 12; m++) {
        const leaf = FACT_LEAVES[Math.floor(random() * FACT_LEAVES.length)]!;
        const values = boundaryValues(leaf.node);
        const pick = random() < 0.25 || !values.length ? undefined : values[Math.floor(random() * values.length)];
        setPath(profile, leaf.path, pick);
      }
      // values that contradict each other are refused at load (test/profile/schema.test.ts); put them in order
      for (const [section, low, high] of ORDERED_FIELDS) {
        const o = profile[section];
        if (typeof o?.[low] === 'number' && typeof o?.[high] === 'number' && o[low] > o[high]) [o[low], o[high]] = [o[high], o[low]];
      }
      try {
        const a = assessText(stringify(profile));
        JSON.stringify(jsonReportObject(a));
        for (const f of a.findings) expect(f.message, f.rule).not.toMatch(/[{}]|NaN|undefined|Infinity/);
        assessed++;
      } catch (e) {
        if (!(e instanceof UserError)) throw new Error(`profile #${i} crashed: ${(e as Error).message}\n${stringify(profile)}`);
      }
    }
    expect(assessed).toBeGreaterThan(250);
  });
});
