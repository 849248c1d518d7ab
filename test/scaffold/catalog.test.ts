// The link between rules and templates is checked when the package is built.
import { describe, expect, it } from 'vitest';
import { builtInCatalog, withDetails } from '../../src/engine/catalog.js';
import { loadTemplateManifests } from '../../src/scaffold/catalog.js';
import { ruleThreshold, unknownTemplateNames } from '../../src/build/templates-build.js';
import { RENDERERS } from '../../src/scaffold/registry.js';

describe('templates and rules', () => {
  const manifests = loadTemplateManifests();
  const names = manifests.map((m) => m.name);

  it('every template a rule names exists, and lists that rule', () => {
    for (const core of builtInCatalog().rules) {
      for (const t of withDetails(core).templates ?? []) {
        expect(names).toContain(t);
        expect(manifests.find((m) => m.name === t)!.rules).toContain(core.id);
      }
    }
    expect(names.sort()).toEqual(Object.keys(RENDERERS).sort());
  });

  it('a rule naming a missing template is a build problem, with a suggestion', () => {
    const problems = unknownTemplateNames([{ id: 'x', file: 'rules/x.yaml', templates: ['hpa', 'pgbouncr'] }], names);
    expect(problems).toEqual([expect.objectContaining({ file: 'rules/x.yaml', message: expect.stringContaining('names template `pgbouncr`, which does not exist'), hint: 'did you mean `pgbouncer`?' })]);
  });

  it("reads a rule's threshold from its condition", () => {
    expect(ruleThreshold({ when: 'database.cpu_p95_pct >= 85' }, 'database.cpu_p95_pct')).toBe(85);
    expect(ruleThreshold({ when: '(x.database.cpu_p95_pct >= 85 || database.cpu_p95_pct > 70)' }, 'database.cpu_p95_pct')).toBe(70);
    expect(ruleThreshold({ when: 'database.read_pct >= 80' }, 'database.cpu_p95_pct')).toBeUndefined();
  });
});

describe('the catalog build', () => {
  it('fails when a rule names a template that does not exist', async () => {
    const { cpSync, mkdtempSync, readFileSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { buildCatalog } = await import('../../src/build/catalog-build.js');
    const { ROOT } = await import('../helpers/assess.js');
    const root = mkdtempSync(join(tmpdir(), 'sa-build-'));
    for (const d of ['rules', 'schema', 'templates']) cpSync(join(ROOT, d), join(root, d), { recursive: true });
    expect(buildCatalog(root).problems).toEqual([]);
    const rule = join(root, 'rules/caching/cache-missing.yaml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('templates: [redis-cache]', 'templates: [redis-cache, cdn-cache-headers]'));
    expect(buildCatalog(root).problems).toEqual([expect.stringContaining('rule cache-missing names template `cdn-cache-headers`, which does not exist')]);
  });
});
