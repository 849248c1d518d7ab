// The bundle ships with a V8 code cache made from a real run; a missing or
// rejected cache would silently cost ~45 ms on every CI build.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

describe('code cache', () => {
  it('exists for the current bundle and is accepted by V8', () => {
    const file = join(ROOT, 'dist', 'cli.cjs');
    const source = readFileSync(file, 'utf8');
    const id = /scale-advise-build=([0-9a-f]+)\s*$/.exec(source)?.[1];
    expect(id).toMatch(/^[0-9a-f]{16}$/);
    expect(readdirSync(join(ROOT, 'dist')).filter((f) => f.endsWith('.cache'))).toEqual([`cli.${id}.cache`]);
    const script = new Script(source, { filename: file, cachedData: readFileSync(join(ROOT, 'dist', `cli.${id}.cache`)) });
    expect(script.cachedDataRejected).toBe(false);
  });
});
