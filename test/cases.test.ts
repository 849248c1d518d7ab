// Real companies at the moment of a scaling decision, as the seed articles
// describe them. Each case profile carries its expectations under `x-expect`
// (x- keys are free-form): rules that must fire, rules that must stay silent,
// and kinds of finding that must not appear at all.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../src/engine/catalog.js';
import { assessFile, ROOT } from './helpers/assess.js';

const DIR = join(ROOT, 'test', 'fixtures', 'cases');

interface Expect {
  fires?: string[];
  silent?: string[];
  no_kinds?: string[];
}

describe('real-company cases', () => {
  for (const file of readdirSync(DIR).filter((f) => f.endsWith('.yaml'))) {
    const expectations = (parse(readFileSync(join(DIR, file), 'utf8')) as { 'x-expect': Expect })['x-expect'];
    describe(file.replace(/\.yaml$/, ''), () => {
      const a = assessFile(join(DIR, file));
      const fired = a.findings.map((f) => f.rule);
      it('names only rules that exist', () => {
        const ids = new Set(builtInCatalog().rules.map((r) => r.id));
        expect([...(expectations.fires ?? []), ...(expectations.silent ?? [])].filter((id) => !ids.has(id))).toEqual([]);
      });
      for (const id of expectations.fires ?? []) {
        it(`raises ${id}`, () => {
          const ne = a.notEvaluated.find((n) => n.rule === id);
          expect(ne, `${id} not evaluated: missing ${ne?.missing.join(', ')}`).toBeUndefined();
          expect(fired).toContain(id);
        });
      }
      for (const id of expectations.silent ?? []) {
        it(`stays silent on ${id}`, () => expect(fired).not.toContain(id));
      }
      for (const kind of expectations.no_kinds ?? []) {
        it(`raises no ${kind}`, () => {
          expect(a.findings.filter((f) => f.kind === kind).map((f) => `${f.rule}: ${f.message}`)).toEqual([]);
        });
      }
    });
  }
});
