// Sources a reader can look up: every seed has a registry entry with a title,
// findings cite the title, and the build refuses a source the registry lacks.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildCatalog } from '../../src/build/catalog-build.js';
import { assessFile, ROOT } from '../helpers/assess.js';

const registry = parse(readFileSync(join(ROOT, 'rules', '_sources.yaml'), 'utf8')) as { seed: string; title: string }[];

describe('sources registry', () => {
  it('gives every finding source a title from the registry', () => {
    const a = assessFile(join(ROOT, 'examples', 'scale-advise.yaml'));
    const titles = new Set(registry.map((s) => s.title));
    for (const f of a.findings) for (const s of f.sources) expect(titles.has(s.title!), `${f.rule}: ${s.seed}`).toBe(true);
  });

  it('lists each source in docs/sources.md with the rules that draw on it', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'sources.md'), 'utf8');
    for (const s of registry) expect(doc).toContain(s.title);
    expect(doc).toMatch(/\[`db-write-bound`\]\(rules\.md#db-write-bound\)/);
  });

  it('fails the build on a source that is not in the registry', () => {
    const root = mkdtempSync(join(tmpdir(), 'sa-src-'));
    cpSync(join(ROOT, 'rules'), join(root, 'rules'), { recursive: true });
    cpSync(join(ROOT, 'schema'), join(root, 'schema'), { recursive: true });
    cpSync(join(ROOT, 'templates'), join(root, 'templates'), { recursive: true });
    const file = join(root, 'rules', 'caching', 'cache-missing.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/seed: 002_90439ef31545b52b\.txt/, 'seed: 009_0123456789abcdef.txt'));
    expect(buildCatalog(root).problems).toEqual([expect.stringMatching(/cache-missing\.yaml: source 009_0123456789abcdef\.txt is not in rules\/_sources\.yaml/)]);
  });
});
