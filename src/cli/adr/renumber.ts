import type { Command } from 'commander';
import { recordsOnBase } from '../../decisions/adr/git-base.js';
import { nextFreeNumber, renumberRecord } from '../../decisions/adr/renumber.js';
import { recordNumber } from '../../decisions/adr/parse.js';
import type { AdrStore } from '../../decisions/adr/index.js';
import { UserError } from '../../util/errors.js';
import { writeStdout } from '../../util/stdout.js';
import { dirOption, openStore, requireRecords, show, type Run, type StoreFlags } from './shared.js';

/**
 * The record to move. A number two records share is ambiguous, unless
 * --base tells them apart: the one the base branch does not have moves.
 */
function pick(store: AdrStore, ref: string, baseFiles: readonly string[] | null): string {
  let found = store.matches(ref);
  if (found.length > 1 && baseFiles) {
    const branchOnly = found.filter((f) => !baseFiles.includes(f));
    if (branchOnly.length) found = branchOnly;
  }
  if (found.length === 1) return found[0]!;
  return store.find(ref).file; // throws: none, or several, listed
}

export function registerAdrRenumber(adr: Command, run: Run): void {
  dirOption(
    adr
      .command('renumber <record>')
      .description('move RECORD (a number or part of its file name) to the next free number, and update every link to it in the other records and the index')
      .option('--to <number>', 'the number to move it to (must be free)')
      .option('--base <ref>', 'also keep clear of numbers REF (e.g. main) uses, read through git; picks the record REF lacks when two share the number'),
  ).action((ref: string, flags: StoreFlags & { to?: string; base?: string }) =>
    run(async () => {
      const store = openStore(flags);
      requireRecords(store);
      const base = flags.base === undefined ? null : await recordsOnBase(store.dir, flags.base);
      const record = store.readRecord(pick(store, ref, base?.files ?? null));
      let to = nextFreeNumber(store, base?.files ?? []);
      if (flags.to !== undefined) {
        if (!/^\d+$/.test(flags.to)) throw new UserError(`--to must be a record number; got "${flags.to}"`);
        to = Number.parseInt(flags.to, 10);
        const onBase = base?.files.find((f) => recordNumber(f) === to);
        if (onBase) throw new UserError(`ADR number ${to} is taken on ${flags.base} by ${onBase}`);
      }
      const moved = renumberRecord(store, record, to);
      writeStdout(`${show(moved.path)}\n`);
      const touched = [...moved.updated, ...(moved.index ? [moved.index] : [])];
      process.stderr.write(`${record.file} is now ${moved.file}${touched.length ? `; links updated in ${touched.map(show).join(', ')}` : ''}\n`);
      return 0;
    }),
  );
}
