// The rule engine, given facts of the right and of the wrong types (as
// detection or collection could bring), decides every rule: it fires, passes
// or is not evaluated, with the facts it lacked or could not use named. It
// never throws.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtInCatalog, factDictionary } from '../../src/engine/catalog.js';
import { evaluateRules, hasFactType } from '../../src/engine/evaluate.js';
import { placeStage, stageInputs } from '../../src/engine/stage.js';
import { withDerivedFacts } from '../../src/facts/index.js';
import type { Fact } from '../../src/model.js';
import { checkProperty } from './run.js';

const catalog = builtInCatalog();
const model = catalog.stageModels.find((m) => m.id === 'default')!;
const dictionary = factDictionary().filter((f) => f.provenance === 'declared');
const types = new Map(catalog.facts.map((f) => [f.id, f.type]));

function rightValue(info: (typeof dictionary)[number]): fc.Arbitrary<unknown> {
  if (info.enum) return fc.constantFrom(...info.enum);
  switch (info.type) {
    case 'integer':
      return fc.oneof(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 2 ** 31 }), fc.constantFrom(0, 1));
    case 'number':
      return fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }), fc.double({ min: -100, max: 1e12, noNaN: true }), fc.constantFrom(0, 100));
    case 'boolean':
      return fc.boolean();
    case 'string':
      return fc.string({ maxLength: 12 });
    case 'array':
      return fc.array(fc.record({ name: fc.string({ minLength: 1, maxLength: 8 }), cpu_share_pct: fc.double({ min: 0, max: 100, noNaN: true }) }), { maxLength: 4 });
    default:
      return fc.anything();
  }
}

const wrongValue = fc.oneof(fc.string({ maxLength: 8 }), fc.boolean(), fc.constantFrom(null, Number.NaN, Infinity, -Infinity, [], {}), fc.array(fc.integer(), { maxLength: 3 }), fc.object({ maxDepth: 1 }));

const factSet = fc
  .array(
    fc.constantFrom(...dictionary).chain((info) => fc.tuple(fc.constant(info.id), fc.oneof({ weight: 3, arbitrary: rightValue(info) }, { weight: 1, arbitrary: wrongValue }))),
    { maxLength: 40 },
  )
  .map((pairs) => new Map(pairs.map(([id, value]): [string, Fact] => [id, { id, value, provenance: 'detected', position: null, origin: 'generated' }])));

describe('rule engine, property-based', () => {
  it('decides every rule on arbitrary facts and never throws', () => {
    checkProperty(
      'engine: arbitrary facts',
      factSet,
      (base) => {
        const facts = withDerivedFacts(base);
        const stage = placeStage(model, facts);
        const r = evaluateRules(catalog.rules, facts, stage, stageInputs(model), types);
        const decided = new Set([...r.findings.map((f) => f.rule), ...r.notEvaluated.map((n) => n.rule)]);
        // Rules decided without reading a known fact count as neither evaluated nor not evaluated.
        expect(r.evaluated + r.notEvaluated.length).toBeLessThanOrEqual(r.applicable);
        expect(r.findings.length).toBeLessThanOrEqual(r.evaluated);
        for (const n of r.notEvaluated) {
          const named = [...n.missing, ...(n.invalid ?? [])];
          expect(named.length, `${n.rule} is not evaluated without a reason`).toBeGreaterThan(0);
          for (const id of n.invalid ?? []) expect(hasFactType(facts.get(id)?.value, types.get(id))).toBe(false);
        }
        for (const f of r.findings) expect(decided.has(f.rule)).toBe(true);
      },
      3000,
    );
  });
});
