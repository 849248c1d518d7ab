// Every rule of the catalog has a triggering and a non-triggering fixture,
// and this file fails when one is missing (as ESLint's checkRuleFiles does).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInCatalog, withDetails } from '../src/engine/catalog.js';
import { assessFile, assessText, ROOT } from './helpers/assess.js';

const catalog = { rules: builtInCatalog().rules.map(withDetails) };
const FIXTURES = join(ROOT, 'test', 'fixtures', 'rules');

describe('rule catalog', () => {
  it('has at least 45 rules', () => {
    expect(catalog.rules.length).toBeGreaterThanOrEqual(45);
  });

  it('has no fixture folder without a rule', () => {
    const ids = new Set(catalog.rules.map((r) => r.id));
    const orphans = readdirSync(FIXTURES).filter((d) => !ids.has(d));
    expect(orphans).toEqual([]);
  });

  for (const rule of catalog.rules) {
    describe(rule.id, () => {
      const dir = join(FIXTURES, rule.id);
      const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.yaml')) : [];
      const fires = files.filter((f) => f.startsWith('fires'));
      const silent = files.filter((f) => f.startsWith('silent'));

      it('has a triggering and a non-triggering fixture', () => {
        expect(fires.length, `${rule.id}: add test/fixtures/rules/${rule.id}/fires.yaml`).toBeGreaterThan(0);
        expect(silent.length, `${rule.id}: add test/fixtures/rules/${rule.id}/silent.yaml`).toBeGreaterThan(0);
      });

      for (const f of fires) {
        it(`fires on ${f}`, () => {
          const a = assessFile(join(dir, f));
          const ne = a.notEvaluated.find((n) => n.rule === rule.id);
          expect(ne, `not evaluated, missing ${ne?.missing.join(', ')}`).toBeUndefined();
          const finding = a.findings.find((x) => x.rule === rule.id);
          expect(finding, `stage ${a.stage.id}`).toBeDefined();
          // the message quotes facts: no placeholder is left unresolved
          expect(finding!.message).not.toMatch(/[{}]|(^|\s)\?([\s.,;]|$)/);
          expect(finding!.evidence.length).toBeGreaterThan(0);
        });
      }

      for (const f of silent) {
        it(`is evaluated and silent on ${f}`, () => {
          const a = assessFile(join(dir, f));
          expect(a.stage.id && rule.stages.includes(a.stage.id), `stage ${a.stage.id} is outside the rule's stages`).toBe(true);
          const ne = a.notEvaluated.find((n) => n.rule === rule.id);
          expect(ne, `not evaluated, missing ${ne?.missing.join(', ')}`).toBeUndefined();
          expect(a.findings.map((x) => x.rule)).not.toContain(rule.id);
        });
      }

      it('fires on its own example', () => {
        expect(rule.example, 'the rule needs an example').toBeTruthy();
        const a = assessText(rule.example!);
        expect(a.findings.map((x) => x.rule)).toContain(rule.id);
      });
    });
  }
});
