// docs/rules.md and docs/facts.md are generated from the catalog and the
// schema. The build writes them to dist/docs/; a committed copy that differs
// is stale and fails here, with the command that refreshes it.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers/assess.js';

const BUILT = join(ROOT, 'dist', 'docs');

describe('generated docs', () => {
  const files = existsSync(BUILT) ? readdirSync(BUILT).filter((f) => f.endsWith('.md')) : [];

  it('are built', () => {
    expect(files).toEqual(expect.arrayContaining(['rules.md', 'facts.md']));
  });

  for (const file of files) {
    it(`docs/${file} is up to date (run \`npm run docs\` to refresh it)`, () => {
      const committed = existsSync(join(ROOT, 'docs', file)) ? readFileSync(join(ROOT, 'docs', file), 'utf8') : '';
      expect(committed === readFileSync(join(BUILT, file), 'utf8'), `docs/${file} is stale; run \`npm run docs\``).toBe(true);
    });
  }
});
