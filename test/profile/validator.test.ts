// The precompiled validators are built from the schemas without their
// annotations (descriptions, examples, units), which decide nothing. They must
// accept and reject exactly what the whole schema does, with the same errors.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import validateProfile from '../../src/generated/profile-validator.js';
import validateRule from '../../src/generated/rule-validator.js';
import { ROOT, yamlFilesUnder } from '../helpers/assess.js';
import { checkProperty } from '../property/run.js';

function fullValidator(name: string) {
  const ajv = new Ajv2020({ strict: true, allErrors: true });
  ajv.addKeyword({ keyword: 'x-unit', schemaType: 'string' });
  ajv.addKeyword({ keyword: 'x-scales-with', schemaType: 'string' });
  return ajv.compile(JSON.parse(readFileSync(join(ROOT, 'schema', `${name}.schema.json`), 'utf8')));
}

type Validate = ((data: unknown) => boolean) & { errors?: { instancePath: string; keyword: string; params: unknown; message?: string }[] | null };
const verdict = (v: Validate, data: unknown) => ({ valid: v(data), errors: (v.errors ?? []).map((e) => ({ at: e.instancePath, keyword: e.keyword, params: e.params, message: e.message })) });

const fullProfile = fullValidator('profile') as Validate;
const fullRule = fullValidator('rule') as Validate;

/** Every YAML document under examples/, rules/ and test/ that parses. */
function documents(): unknown[] {
  const out: unknown[] = [];
  for (const file of [...yamlFilesUnder(join(ROOT, 'examples')), ...yamlFilesUnder(join(ROOT, 'rules')), ...yamlFilesUnder(join(ROOT, 'test'))]) {
    try {
      out.push(parse(readFileSync(file, 'utf8'), { logLevel: 'silent' }));
    } catch {
      // broken on purpose, for the error tests
    }
  }
  return out;
}

describe('the shipped validators, against the whole schemas', () => {
  const docs = documents();

  it('give the same verdict and errors on every YAML file of the repository, as a profile and as a rule', () => {
    expect(docs.length).toBeGreaterThan(300);
    let valid = 0;
    for (const d of docs) {
      const shipped = verdict(validateProfile as Validate, d);
      expect(shipped).toEqual(verdict(fullProfile, d));
      expect(verdict(validateRule as Validate, d)).toEqual(verdict(fullRule, d));
      if (shipped.valid) valid++;
    }
    expect(valid).toBeGreaterThan(100); // profiles that pass, not only ones that fail
  });

  // Every field of every section at the edges its schema draws: each bound and one past it, each
  // enum value and one that is not, the wrong types.
  const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'profile.schema.json'), 'utf8')) as { properties: Record<string, { properties?: Record<string, Record<string, unknown>> }> };
  function edges(field: Record<string, unknown>): unknown[] {
    const out: unknown[] = ['x', '', true, null, [], {}, -1, 0, 1.5, 1e9];
    for (const k of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum']) {
      const n = field[k];
      if (typeof n === 'number') out.push(n - 1, n - 0.5, n, n + 0.5, n + 1);
    }
    for (const k of ['minLength', 'maxLength', 'minItems', 'maxItems']) {
      const n = field[k];
      if (typeof n !== 'number') continue;
      for (const length of [n - 1, n, n + 1].filter((l) => l >= 0)) out.push('a'.repeat(length), Array(length).fill('pci'));
    }
    if (Array.isArray(field.enum)) out.push(...field.enum, `${String(field.enum[0])}x`);
    const items = field.items as Record<string, unknown> | undefined;
    if (Array.isArray(items?.enum)) out.push(items.enum, [...items.enum, 'other'], [items.enum[0], items.enum[0]]);
    return out;
  }
  it('give the same verdict and errors at the edges of every field the schema bounds', () => {
    let checked = 0;
    let rejected = 0;
    for (const [section, def] of Object.entries(schema.properties)) {
      for (const [key, field] of Object.entries(def.properties ?? {})) {
        for (const value of edges(field)) {
          const data = structuredClone(example) as Record<string, unknown>;
          data[section] = { ...((data[section] as object | undefined) ?? {}), [key]: value };
          const shipped = verdict(validateProfile as Validate, data);
          expect(shipped, `${section}.${key} = ${JSON.stringify(value)}`).toEqual(verdict(fullProfile, data));
          checked++;
          if (!shipped.valid) rejected++;
        }
      }
    }
    expect(checked).toBeGreaterThan(1500);
    expect(rejected).toBeGreaterThan(checked / 2);
  });

  // The example with one field set to anything: right and wrong types, near the enums, nested.
  const example = parse(readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8')) as Record<string, Record<string, unknown>>;
  const fields = Object.entries(example).flatMap(([s, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).map((k) => [s, k] as const) : []));
  const anything = fc.oneof(
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom('none', 'pgbouncer', 'monolith', 'description', '', -1, 0, 100, 101, 1e309, 2.5),
    fc.record({ description: fc.string(), thresholds: fc.array(fc.integer(), { maxLength: 4 }), dimension: fc.string() }, { requiredKeys: [] }),
  );
  it('give the same verdict and errors on the example with a field changed', () => {
    checkProperty(
      'validators: example with a field changed',
      fc.tuple(fc.oneof(fc.constantFrom(...fields), fc.tuple(fc.constantFrom('stage_models', 'project', 'x-notes', 'traffic'), fc.string({ maxLength: 8 }))), anything),
      ([[section, key], value]) => {
        const data = structuredClone(example) as Record<string, unknown>;
        data[section] = { ...((data[section] as object | undefined) ?? {}), [key]: value };
        expect(verdict(validateProfile as Validate, data)).toEqual(verdict(fullProfile, data));
      },
      600,
    );
  });
});
