import { isoDay } from '../../util/iso-day.js';
import type { Command } from 'commander';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { INDEX_NAMES, isGenerated } from '../../decisions/adr/index-doc.js';
import { lintRecords, type LintProblem } from '../../decisions/adr/lint.js';
import { recordsOnBase } from '../../decisions/adr/git-base.js';
import type { AdrStore } from '../../decisions/adr/index.js';
import { loadCatalog } from '../../engine/catalog.js';
import { UserError } from '../../util/errors.js';
import { fsProblem } from '../../util/fs-errors.js';
import { writeStdout } from '../../util/stdout.js';
import { nowOption, resolveNow, ruleDirOption } from '../options.js';
import { dirOption, openStore, requireRecords, type Run, type StoreFlags } from './shared.js';

interface LintFlags extends StoreFlags {
  format: string;
  base?: string;
  now?: string;
  rules?: string[];
}

/** The index to keep in sync: ours if we wrote one, else README.md, else index.md. */
function indexFile(store: AdrStore): { file: string; text: string } | null {
  const present = INDEX_NAMES.map((name) => join(store.dir, name)).filter((p) => existsSync(p));
  const path = present.find(isGenerated) ?? present[0];
  return path ? { file: path.slice(store.dir.length + 1), text: store.readText(path) } : null;
}

function text(problems: LintProblem[], store: AdrStore, records: number): string {
  const lines = problems.map((p) => `${join(store.display(), p.file)}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.code}]`);
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  const summary = problems.length ? `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(records, 'record')} (${store.display()})` : `${plural(records, 'record')} in ${store.display()}: no problems`;
  return `${[...lines, summary].join('\n')}\n`;
}

export function registerAdrLint(adr: Command, run: Run): void {
  const cmd = adr
    .command('lint')
    .description('check the records: numbers used twice (or taken on --base), required sections, status words, dates, links, supersede pairs, the index, rule ids; exits 1 on errors')
    .option('-f, --format <format>', 'text or json', 'text')
    .option('--base <ref>', 'also catch numbers this branch adds that REF (e.g. main) has given to other records, through git');
  dirOption(ruleDirOption(nowOption(cmd))).action((flags: LintFlags) =>
    run(async () => {
      if (!['text', 'json'].includes(flags.format)) throw new UserError(`--format must be text or json; got "${flags.format}"`);
      const now = isoDay(resolveNow(flags.now));
      const store = openStore(flags);
      requireRecords(store);
      const records = store.files().map((file) => {
        const record = store.readRecord(file);
        return { record, text: store.readText(record.path) };
      });
      let dirFiles: string[];
      try {
        dirFiles = readdirSync(store.dir);
      } catch (e) {
        throw fsProblem(e, 'read', store.dir);
      }
      const catalog = loadCatalog(flags.rules ?? [], process.cwd());
      const base = flags.base === undefined ? null : await recordsOnBase(store.dir, flags.base);
      const problems = lintRecords({ records, format: store.format, dirFiles, index: indexFile(store), ruleIds: catalog.rules.map((r) => r.id), base, now });
      if (flags.format === 'json') {
        const errors = problems.filter((p) => p.severity === 'error').length;
        const out = {
          schema_version: 1,
          dir: store.display(),
          base: flags.base ?? null,
          records: records.length,
          problems: problems.map((p) => ({ ...p, file: join(store.display(), p.file) })),
          summary: { errors, warnings: problems.length - errors },
        };
        writeStdout(`${JSON.stringify(out, null, 2)}\n`);
      } else writeStdout(text(problems, store, records.length));
      return problems.some((p) => p.severity === 'error') ? 1 : 0;
    }),
  );
}
