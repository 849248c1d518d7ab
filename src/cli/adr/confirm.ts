// Asking before a command writes many files at once: on a terminal a
// question, elsewhere (CI, pipes) an explicit --yes.
import { isTerminal as isatty } from '../../util/tty.js';
import { UserError } from '../../util/errors.js';
import { lazyImport } from '../../util/lazy-import.js';


/** True to go ahead. Above `limit` items: --yes, or a "y" typed at a terminal; refused otherwise. */
export async function confirmMany(count: number, what: string, opts: { yes?: boolean; limit?: number; hint?: string }): Promise<boolean> {
  const limit = opts.limit ?? 10;
  if (count <= limit || opts.yes) return true;
  if (!isatty(0) || !isatty(2)) {
    throw new UserError(`this would write ${count} ${what}; pass --yes to write them${opts.hint ? `, or ${opts.hint}` : ''}`);
  }
  const { createInterface } = await lazyImport<typeof import('node:readline/promises')>('node:readline/promises');
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(`Write ${count} ${what}? [y/N] `);
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    rl.close();
  }
}
