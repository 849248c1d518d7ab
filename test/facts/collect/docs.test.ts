// docs/collect.md lists every fact collect can give, with the query behind it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../helpers/assess.js';
import { PG_QUERIES } from '../../../src/facts/collect/postgres-queries.js';
import { profileFactSchema } from '../../../src/facts/collect/fact-schema.js';

const doc = readFileSync(join(ROOT, 'docs', 'collect.md'), 'utf8');
const defaults = parse(readFileSync(join(ROOT, 'rules', '_collect', 'prometheus.yaml'), 'utf8')) as {
  queries: Record<string, { query: string; metrics: string[] }>;
};

describe('docs/collect.md', () => {
  it('shows every default PromQL query, verbatim, under its fact', () => {
    for (const [fact, q] of Object.entries(defaults.queries)) {
      expect(doc, fact).toContain(`- \`${fact}\`:`);
      expect(doc, fact).toContain(q.query);
    }
  });

  it('shows every SQL statement, verbatim, with the privileges it needs', () => {
    for (const q of PG_QUERIES) {
      const at = doc.indexOf(q.sql);
      expect(at, q.fact).toBeGreaterThan(0);
      // the entry's first line, just above its statement
      const entry = doc.slice(doc.lastIndexOf(`- \`${q.fact}\`:`, at), at);
      expect(entry, q.fact).toMatch(q.needs.length ? new RegExp(`Needs ${q.needs.join(', ')}\\.`) : /Needs no privilege beyond connecting\./);
    }
  });

  it('every collected fact is a numeric field of the profile', () => {
    const facts = profileFactSchema();
    for (const id of [...Object.keys(defaults.queries), ...PG_QUERIES.map((q) => q.fact)]) {
      expect(['number', 'integer'], id).toContain(facts.get(id)?.type);
    }
  });
});
