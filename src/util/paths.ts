import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const __SCALE_ADVISE_BUNDLE__: boolean | undefined;
let root: string | undefined;

/**
 * The installed package's root (where package.json, rules/ and schema/ live).
 * Found by walking up from this module, so it works from the bundle in dist/
 * and from the TypeScript sources under test alike.
 */
export function packageRoot(): string {
  if (root) return root;
  // the CLI bundle is CommonJS and knows its directory; an ES module reads it off its URL
  let dir = typeof __SCALE_ADVISE_BUNDLE__ === 'boolean' ? __dirname : dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && /"name":\s*"scale-advise"/.test(readFileSync(pkg, 'utf8'))) return (root = dir);
    const up = dirname(dir);
    if (up === dir) throw new Error('scale-advise: cannot find the package root');
    dir = up;
  }
}

export function packagePath(...parts: string[]): string {
  return join(packageRoot(), ...parts);
}
