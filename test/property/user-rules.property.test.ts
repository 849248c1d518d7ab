// Property: any condition and any message a user writes is either refused at
// load, each problem at file:line:column, or evaluates: the run returns, or
// stops with a located user error (the runtime budget). Nothing else (a
// crash, a stack trace, a hang) may come out of a user's rule.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { load } from '../../src/load.js';
import { evaluate } from '../../src/engine/assessment.js';
import { builtInCatalog, loadCatalog } from '../../src/engine/catalog.js';
import { UserError } from '../../src/util/errors.js';
import { ROOT } from '../helpers/assess.js';
import { checkProperty } from './run.js';

const inputs = load({ cwd: ROOT, profile: join(ROOT, 'examples', 'scale-advise.yaml'), now: new Date('2026-11-23T12:00:00Z') });
const FACTS = builtInCatalog().facts.map((f) => f.id);
const dir = mkdtempSync(join(tmpdir(), 'sa-prop-'));

const fact = fc.oneof(
  fc.constantFrom(...FACTS),
  fc.constantFrom(...FACTS).map((f) => f.replace(/[aeiou]/, '')), // misspelt
  fc.constantFrom('architecture.components', 'stage.index', 'nope', 'traffic'),
);
const literal = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(String),
  fc.double({ noNaN: true, min: -1e6, max: 1e6 }).map((d) => (Number.isInteger(d) ? `${d}.0` : String(d))),
  fc.string({ maxLength: 12 }).map((s) => JSON.stringify(s)),
  fc.constantFrom('true', 'false', 'null', '[]', '[1, 2, 3]', '{"a": 1}'),
);
const regex = fc.oneof(fc.constantFrom('^(a+)+$', '(?<=a)b', '[', 'a{2,}', '\\d+', '(a|aa)*c'), fc.string({ maxLength: 8 })).map((s) => JSON.stringify(s));

const { expr } = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fact,
    literal,
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '%', '==', '!=', '<', '<=', '>', '>=', '&&', '||', 'in'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(fc.constantFrom('!', '-'), tie('expr')).map(([op, a]) => `${op}${a}`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `(${c} ? ${a} : ${b})`),
    fact.map((f) => `has(${f})`),
    tie('expr').map((a) => `size(${a})`),
    fc.tuple(tie('expr'), regex).map(([a, r]) => `${a}.matches(${r})`),
    fc.tuple(tie('expr'), fc.constantFrom('all', 'exists', 'exists_one', 'map', 'filter'), tie('expr')).map(([l, m, body]) => `${l}.${m}(x, ${body})`),
    fc.tuple(tie('expr'), fc.constantFrom('int', 'double', 'string')).map(([a, f]) => `${f}(${a})`),
  ),
}));
const condition = fc.oneof({ weight: 4, arbitrary: expr }, { weight: 1, arbitrary: fc.string({ maxLength: 60 }) });
const message = fc
  .array(fc.oneof(fc.string({ maxLength: 10 }), expr.map((e) => `{= ${e}}`), fact.map((f) => `{${f}}`)), { maxLength: 4 })
  .map((parts) => `Observed: ${parts.join(' ')}`);

let n = 0;
/** Load one rule; evaluate it on the example when it loads. Returns what happened, or throws what must never happen. */
function tryRule(when: string, msg: string): 'refused' | 'evaluated' | 'stopped' {
  const id = `prop-rule-${n++}`;
  const text =
    `id: ${id}\ntitle: A generated rule\nkind: warning-sign\nseverity: low\nstages: [mvp, growth, scale, enterprise]\ntopics: [testing]\n` +
    `when: ${JSON.stringify(when)}\nmessage: ${JSON.stringify(msg)}\nrecommendation: Whatever the generator says.\nrationale: Generated to probe the loader.\n` +
    `sources:\n  - seed: https://example.com/x\n    point: Generated.\n`;
  const sub = mkdtempSync(join(dir, 'r-'));
  writeFileSync(join(sub, `${id}.yaml`), text);
  let catalog;
  try {
    catalog = loadCatalog([sub], sub);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    for (const p of e.problems) {
      expect(p.file, p.message).toBe(`${id}.yaml`);
      expect(p.position, p.message).not.toBeNull();
    }
    return 'refused';
  }
  try {
    evaluate({ ...inputs, catalog: { ...inputs.catalog, rules: catalog.rules.filter((r) => r.user) } });
    return 'evaluated';
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.problems[0]!.position).not.toBeNull();
    return 'stopped';
  }
}

describe('user rules, generated', () => {
  it('every condition is refused at a position or evaluates', () => {
    const seen = new Set<string>();
    checkProperty('user rules: conditions', condition, (when) => void seen.add(tryRule(when, 'Observed: a generated condition fired.')), 1500);
    // the generator reaches both outcomes, or it tests little
    expect(seen).toContain('refused');
    expect(seen).toContain('evaluated');
  });

  it('every message placeholder is refused at a position or renders', () => {
    const seen = new Set<string>();
    checkProperty('user rules: message placeholders', message, (msg) => void seen.add(tryRule('traffic.peak_rps >= 0', msg)), 1500);
    expect(seen).toContain('refused');
    expect(seen).toContain('evaluated');
  });
});
