import type { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { ADR_FORMATS, AdrStore, defaultDirFor, initRecords, locateAdrDir } from '../../decisions/adr/index.js';
import { writeStdout } from '../../util/stdout.js';
import { checkFormat, profileAdrSettings, show, type Run } from './shared.js';

export function registerAdrInit(adr: Command, run: Run): void {
  adr
    .command('init [dir]')
    .description('create the ADR directory and a first record, "Record architecture decisions" (writes .adr-dir for a Nygard DIR, as adr-tools does)')
    .option('--format <format>', `record format: ${ADR_FORMATS.join(', ')}`)
    .option('-p, --profile <path>', 'profile whose adr.dir and adr.format to use')
    .action((dir: string | undefined, flags: { format?: string; profile?: string }) =>
      run(async () => {
        const cwd = process.cwd();
        const profile = profileAdrSettings(cwd, flags.profile);
        const format = checkFormat(flags.format) ?? profile?.format;
        const location = dir
          ? { dir: resolve(cwd, dir), format: format ?? 'nygard', source: 'option' as const, root: cwd }
          : locateAdrDir(cwd, { format, profile });
        if (!dir && location.source === 'default' && format === 'madr') location.dir = resolve(location.root, defaultDirFor('madr'));
        const store = new AdrStore(location);
        const writeAdrDir = Boolean(dir) && store.format === 'nygard' && resolve(cwd, defaultDirFor('nygard')) !== store.dir;
        const result = await initRecords(store, { cwd, writeAdrDir });
        if (result.adrDirFile) writeStdout(`${show(result.adrDirFile)}\n`);
        if (result.created) writeStdout(`${show(result.created.path)}\n`);
        else process.stderr.write(`${store.display()} already holds records; nothing to do\n`);
        if (dir && store.format === 'madr' && !['docs/decisions', 'docs/adr'].includes(relative(cwd, store.dir))) {
          process.stderr.write(`Note: set \`adr: { dir: ${relative(cwd, store.dir)}, format: madr }\` in the profile so scale-advise finds this directory.\n`);
        }
        return 0;
      }),
    );
}
