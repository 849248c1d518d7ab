// The CLI ships with V8 code caches made from real runs; a missing or rejected
// cache would silently cost tens of milliseconds on every CI build.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const DIST = join(ROOT, 'dist');
const buildIdOf = (source: string) => /scale-advise-build=([0-9a-f]+)\s*$/.exec(source)?.[1];

describe('code cache', () => {
  it('exists for the CLI and for chunks, carries the build id, and is accepted by V8', () => {
    const cli = readFileSync(join(DIST, 'cli.cjs'), 'latin1');
    const id = buildIdOf(cli);
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    const caches = readdirSync(DIST).filter((f) => f.endsWith('.cache'));
    expect(caches).toContain(`cli.${id}.cache`);
    // the commands people run by hand are trained too, so some chunks have caches
    expect(caches.filter((f) => f.startsWith('chunk-')).length).toBeGreaterThan(0);
    for (const cache of caches) {
      const [name, cacheId] = cache.split('.');
      expect(cacheId, cache).toBe(id);
      const file = join(DIST, `${name}.cjs`);
      const source = readFileSync(file, 'latin1');
      expect(buildIdOf(source), file).toBe(id);
      const script = new Script(source, { filename: file, cachedData: readFileSync(join(DIST, cache)) });
      expect(script.cachedDataRejected, cache).toBe(false);
    }
  });

  it('every chunk a script names is carried inside dist/cli.cjs or is a file of dist/', async () => {
    const files = new Set(readdirSync(DIST));
    const { createRequire } = await import('node:module');
    const cli = createRequire(import.meta.url)(join(ROOT, 'bin', 'scale-advise.cjs')) as Record<string, unknown>;
    // dist/cli.cjs gives each chunk it carries that another chunk requires by a function chunk_<hash>
    const carried = new Set(Object.keys(cli).filter((k) => k.startsWith('chunk_')).map((k) => k.replace('_', '-')));
    expect(carried.size).toBeGreaterThan(0);
    for (const chunk of carried) expect(typeof (cli[chunk.replace('-', '_')] as () => unknown)(), chunk).toBe('object');
    const named = new Set<string>();
    for (const f of [...files].filter((f) => f === 'cli.cjs' || f.startsWith('chunk-'))) {
      for (const m of readFileSync(join(DIST, f), 'latin1').matchAll(/require\("\.\/(chunk-[A-Z0-9]+)\.cjs"\)/g)) named.add(m[1]!);
    }
    expect(named.size).toBeGreaterThan(0);
    for (const chunk of named) expect(carried.has(chunk) || files.has(`${chunk}.cjs`), chunk).toBe(true);
    // a carried chunk is not also left as a file
    for (const chunk of carried) expect(files.has(`${chunk}.cjs`), chunk).toBe(false);
  });

  it('gives the CLI to require() as well', async () => {
    const { createRequire } = await import('node:module');
    const cli = createRequire(import.meta.url)(join(ROOT, 'bin', 'scale-advise.cjs')) as { main: unknown; buildProgram: unknown };
    expect(typeof cli.main).toBe('function');
    expect(typeof cli.buildProgram).toBe('function');
  });
});
