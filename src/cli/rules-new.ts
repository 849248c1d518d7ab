import type { Command } from 'commander';
import { existsSync, mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { builtInCatalog } from '../engine/catalog.js';
import { scaffoldRule } from '../engine/rule-scaffold.js';
import { UserError } from '../util/errors.js';
import { writeStdout } from '../util/stdout.js';
import { writeFileSafely } from '../util/write.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';

export function registerRulesNew(rules: Command, run: Run): void {
  rules
    .command('new <id>')
    .description('write a commented rule and the two test profiles `rules test` runs it against (never over existing files)')
    .option('-d, --dir <dir>', 'the directory to write to', '.')
    .action((id: string, flags: { dir: string }) =>
      run(async () => {
        const cwd = process.cwd();
        const files = scaffoldRule(id);
        if (builtInCatalog().rules.some((r) => r.id === id)) throw new UserError(`"${id}" is a built-in rule's id; choose another`);
        const dir = resolve(cwd, flags.dir);
        // All or nothing: check every target first, so no half-made rule is left behind.
        const taken = Object.keys(files).filter((name) => existsSync(join(dir, name)));
        if (taken.length) throw new UserError(`${taken.map((n) => relative(cwd, join(dir, n)) || n).join(', ')} already exist${taken.length === 1 ? 's' : ''}; nothing was written`);
        mkdirSync(dir, { recursive: true });
        for (const [name, text] of Object.entries(files)) {
          writeFileSafely(join(dir, name), text);
          writeStdout(`${relative(cwd, join(dir, name)) || name}\n`);
        }
        return EXIT.OK;
      }),
    );
}
