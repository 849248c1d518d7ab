import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/**
 * The installed package's root (where package.json, rules/ and schema/ live).
 * Found by walking up from this module, so it works from the bundle in dist/
 * and from the TypeScript sources under test alike.
 */
export function packageRoot(): string {
  // The CLI bundle is dist/cli.cjs: the package is the folder above it. (One
  // expression, so the bundler drops the other branch and its node:url.)
  root ??= typeof __SCALE_ADVISE_BUNDLE__ === 'boolean' ? dirname(__dirname) : findRoot(dirname(fileURLToPath(import.meta.url)));
  return root;
}

/** The nearest folder at or above `dir` with scale-advise's package.json. */
function findRoot(dir: string): string {
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"scale-advise"/.test(readFileSync(pkg, 'utf8'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new Error('scale-advise: cannot find the package root');
    dir = up;
  }
}

export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
