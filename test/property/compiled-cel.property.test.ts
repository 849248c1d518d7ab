// The built-in rules' CEL runs compiled to JavaScript (src/engine/built-in-expressions.ts,
// src/engine/cel-runtime.ts). Both forms must agree, for every expression and
// every input, on the outcome: the same value of the same JavaScript type
// (bigint for CEL ints), or an error in both, carrying the same "No such key"
// when cel-js's does, since evaluate.ts reads the missing fact from it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from '@marcbachmann/cel-js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ruleExpressions } from '../../src/build/catalog-expressions.js';
import { builtInExpressionTable } from '../../src/engine/built-in-expressions.js';
import * as celRuntime from '../../src/engine/cel-runtime.js';
import { builtInCatalog, catalogDetails } from '../../src/engine/catalog.js';
import { stageFacts } from '../../src/engine/evaluate.js';
import { FACT_ROOTS, factReferences } from '../../src/engine/expr.js';
import { applyScenario, AS_IS, type Scenario } from '../../src/engine/scenario.js';
import { placeStage } from '../../src/engine/stage.js';
import { factTree, withDerivedFacts } from '../../src/facts/index.js';
import { load, type Inputs } from '../../src/load.js';
import type { Fact, Rule } from '../../src/model.js';
import { ROOT, yamlFilesUnder } from '../helpers/assess.js';
import { checkProperty } from './run.js';

type Context = Record<string, unknown>;
const compiled = builtInExpressionTable();
const catalog = builtInCatalog();
const sources = [...new Set(catalog.rules.flatMap((r) => ruleExpressions(r as Rule).map((e) => e.source)))];
const celJs = new Map(sources.map((s) => [s, parse(s)]));

type Outcome = { value: unknown } | { error: string };

/** What evaluate.ts can tell apart: a value, or an error with the key cel-js says is missing. */
function outcome(run: () => unknown): Outcome {
  try {
    return { value: run() };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { error: /No such key: (\S+)/.exec(message)?.[1] ?? 'an error' };
  }
}

/** Equal values of the same JavaScript types: 1n is not 1, NaN is NaN. */
function same(a: unknown, b: unknown): boolean {
  if (typeof a !== typeof b) return false;
  if (typeof a === 'number') return Object.is(a, b);
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => same(x, b[i]));
  if (a && typeof a === 'object') {
    if (!b || typeof b !== 'object' || Array.isArray(b)) return false;
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => same((a as Context)[k], (b as Context)[k]));
  }
  return a === b;
}

const show = (o: Outcome) => ('error' in o ? `error (${o.error})` : `${typeof o.value} ${String(o.value)}`);

/** Every expression on one context, and on one context per component, as the per-component check runs. */
function disagreements(ctx: Context): string[] {
  // cel-js's errors are compared by message; their stacks only cost time.
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return compare(ctx);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function compare(ctx: Context): string[] {
  const out: string[] = [];
  const contexts = [ctx];
  const architecture = ctx.architecture as Context | undefined;
  if (Array.isArray(architecture?.components)) {
    for (const c of architecture.components.slice(0, 2)) contexts.push({ ...ctx, architecture: { ...architecture, components: [c] } });
  }
  for (const source of sources) {
    for (const c of contexts) {
      const want = outcome(() => celJs.get(source)!(c));
      const got = outcome(() => compiled.get(source)!.run(celRuntime, c));
      const agree = 'error' in want ? 'error' in got && got.error === want.error : 'value' in got && same(got.value, want.value);
      if (!agree) out.push(`${source}\n  cel-js: ${show(want)}\n  compiled: ${show(got)}\n  facts: ${JSON.stringify(c, (_, v) => (typeof v === 'bigint' ? `${v}n` : v))}`);
    }
  }
  return out;
}

/** The fact tree a rule sees: declared facts under a scenario, derived facts and the stage, as evaluate.ts builds it. */
function contextOf(inputs: Inputs, scenario: Scenario): Context {
  const facts = withDerivedFacts(applyScenario(inputs.facts, scenario, inputs.factMeta));
  return factTree([...facts.values(), ...stageFacts(placeStage(inputs.model, facts))], FACT_ROOTS);
}

/** The example, every profile under test/ (company cases, rule fixtures, CLI fixtures) and every rule's example. */
function fixtureProfiles(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'sa-cel-'));
  const examples = Object.entries(catalogDetails().rules).flatMap(([id, d]) => {
    if (!d.example) return [];
    const file = join(dir, `${id}.yaml`);
    writeFileSync(file, d.example);
    return [file];
  });
  return [...yamlFilesUnder(join(ROOT, 'examples')), ...yamlFilesUnder(join(ROOT, 'test')), ...examples];
}

let fixtures: { file: string; ctx: Context }[] | undefined;

/** The fact trees of every fixture profile that loads, as it is and grown tenfold. */
function fixtureContexts(): { file: string; ctx: Context }[] {
  if (fixtures) return fixtures;
  fixtures = [];
  const scenarios: Scenario[] = [AS_IS, { factor: 10, scales: ['load', 'users', 'data'] }];
  for (const file of fixtureProfiles()) {
    let inputs: Inputs;
    try {
      inputs = load({ cwd: ROOT, profile: file, now: new Date('2026-11-23T12:00:00Z') });
    } catch {
      continue; // not a profile, or a broken one kept for the error tests
    }
    for (const scenario of scenarios) fixtures.push({ file, ctx: contextOf(inputs, scenario) });
  }
  return fixtures;
}

describe('compiled built-in CEL, against cel-js', () => {
  it('compiles every expression of the built-in rules, with the facts cel-js finds it reads', () => {
    expect(sources.length).toBeGreaterThan(100);
    for (const source of sources) {
      expect(compiled.has(source), source).toBe(true);
      expect(compiled.get(source)!.reads, source).toEqual([...new Set(factReferences(celJs.get(source)!.ast).map((r) => r.path))]);
    }
  });

  it('agrees on every profile fixture, as it is and at 10x load, users and data', () => {
    const fixtures = fixtureContexts();
    expect(fixtures.length).toBeGreaterThan(600);
    for (const { file, ctx } of fixtures) expect(disagreements(ctx), file).toEqual([]);
  });

  // Facts as detection or collection could bring them: right and wrong types, missing ones, boundary numbers.
  const facts = catalog.facts.filter((f) => !f.id.startsWith('architecture.components'));
  const number = fc.oneof(
    fc.constantFrom(0, -0, 1, -1, 2, 3, 4, 5, 10, 60, 70, 80, 99.9, 100, 1000, 1e9, 2 ** 53, 2 ** 63, 9223372036854775807, 1e21, -1e21, Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, Infinity, -Infinity),
    fc.integer({ min: -5, max: 200 }),
    fc.double({ noNaN: true }),
  );
  const text = fc.oneof(
    fc.constantFrom('none', 'queue', 'kafka', 'kubernetes', 'serverless', 'in-process', 'redundant', 'single', 'monolith', 'mvp', 'strong', 'pci', '', '1', ' 1', '1e3', '0x10', 'inf', '-Infinity', 'NaN', '9223372036854775808'),
    fc.string({ maxLength: 6 }),
  );
  const strings = fc.array(fc.oneof(fc.constantFrom('pci', 'gdpr', 'hipaa', 'soc2'), text), { maxLength: 4 });
  const wrong = fc.oneof(number, text, fc.boolean(), fc.constant(null), fc.constant(Number.NaN), strings, fc.array(number, { maxLength: 3 }), fc.dictionary(fc.constantFrom('a', 'pci', 'name'), number, { maxKeys: 2 }));
  const right = (type: string, enumValues?: unknown[]): fc.Arbitrary<unknown> => {
    if (enumValues?.length) return fc.constantFrom(...enumValues);
    if (type === 'number' || type === 'integer') return number;
    if (type === 'boolean') return fc.boolean();
    if (type === 'string') return text;
    if (type === 'array') return strings;
    return wrong;
  };
  const component = fc.oneof(
    { weight: 6, arbitrary: fc.record({ name: fc.oneof(fc.string({ minLength: 1, maxLength: 6 }), number, fc.constant(null)), cpu_share_pct: fc.oneof(number, wrong), extracted: fc.oneof(fc.boolean(), wrong), compliance: fc.oneof(strings, wrong), sync: fc.oneof(fc.boolean(), wrong), peak_rps: fc.oneof(number, wrong), bursty: fc.oneof(fc.boolean(), wrong) }, { requiredKeys: [] }) },
    { weight: 1, arbitrary: wrong },
  );
  const components = fc.oneof(fc.array(component, { maxLength: 6 }), fc.array(component, { minLength: 40, maxLength: 120 }), wrong);
  const enums = new Map(catalogDetails().facts.map((f) => [f.id, f.enum]));
  const factSet = fc.tuple(
    fc.array(
      fc.constantFrom(...facts).chain((f) => fc.tuple(fc.constant(f.id), fc.oneof({ weight: 4, arbitrary: right(f.type, enums.get(f.id)) }, { weight: 1, arbitrary: wrong }))),
      { maxLength: 50 },
    ),
    fc.option(components, { freq: 2 }),
    fc.constantFrom(...FACT_ROOTS, null),
  );

  it('agrees on generated facts of right and wrong types, with empty and large component lists', () => {
    checkProperty(
      'compiled CEL: generated facts',
      factSet,
      ([pairs, list, dropped]) => {
        const all: Fact[] = pairs.map(([id, value]) => ({ id, value, provenance: 'detected', position: null }));
        if (list !== null) all.push({ id: 'architecture.components', value: list, provenance: 'declared', position: null });
        const ctx = factTree(all, FACT_ROOTS);
        // Once in a while a whole section is gone, which no fact tree of the engine has: cel-js then names the variable.
        if (dropped && pairs.length % 7 === 0) delete ctx[dropped];
        expect(disagreements(ctx)).toEqual([]);
      },
      800,
    );
  });

  // Near the fixtures, where conditions hold or nearly do: a few facts changed, of the wrong type or removed.
  const change = fc.constantFrom(...facts).chain((f) => fc.tuple(fc.constant(f.id), fc.oneof(right(f.type, enums.get(f.id)), wrong, fc.constant(undefined))));
  it('agrees on the fixtures with a few facts changed or removed', () => {
    const fixtures = fixtureContexts();
    checkProperty(
      'compiled CEL: changed fixtures',
      fc.tuple(fc.nat(), fc.array(change, { minLength: 1, maxLength: 4 }), fc.option(components, { freq: 3 })),
      ([pick, changes, list]) => {
        const { ctx: original } = fixtures[pick % fixtures.length]!;
        const ctx = structuredClone(original);
        for (const [id, value] of changes) {
          const parts = id.split('.');
          let node = ctx;
          for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Context;
          if (value === undefined) delete node[parts.at(-1)!];
          else node[parts.at(-1)!] = value;
        }
        if (list !== null) (ctx.architecture as Context).components = list;
        expect(disagreements(ctx)).toEqual([]);
      },
      800,
    );
  });
});
