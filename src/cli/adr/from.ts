import type { Command } from 'commander';
import { assess } from '../../core.js';
import { addressedRules, newRecord } from '../../decisions/adr/index.js';
import { isOpen } from '../../model.js';
import { UserError } from '../../util/errors.js';
import { writeStdout } from '../../util/stdout.js';
import { findRule } from '../rules.js';
import { commonOptions, type CommonOptions } from '../options.js';
import { openStore, show, type Run, type StoreFlags } from './shared.js';

export function registerAdrFrom(adr: Command, run: Run): void {
  commonOptions(
    adr
      .command('from [rule]')
      .description('write a proposed record from a rule: the finding, its evidence and sources, the drivers, options and consequences')
      .option('--all-open', 'one record for each open warning sign, pitfall or recommendation no record addresses yet')
      .option('-d, --dir <dir>', 'the ADR directory (default: found as `adr list` finds it)')
      .option('--force', 'write a record even when one already addresses the rule'),
  ).action((ruleId: string | undefined, flags: CommonOptions & StoreFlags & { allOpen?: boolean; force?: boolean }) =>
    run(async () => {
      if (!ruleId === !flags.allOpen) throw new UserError('give a RULE id or --all-open (one of them)');
      const cwd = process.cwd();
      const a = assess({ cwd, profile: flags.profile, ruleDirs: flags.rules, stageModel: flags.stageModel });
      const store = openStore(flags);
      const addressed = addressedRules(store);
      const rules = ruleId
        ? [findRule(a.context.catalog, ruleId)]
        : a.findings.filter(isOpen).map((f) => findRule(a.context.catalog, f.rule));
      let written = 0;
      for (const rule of rules) {
        const by = addressed.get(rule.id);
        if (by && !flags.force) {
          const msg = `ADR ${by.number} (${by.file}) already addresses ${rule.id}`;
          if (ruleId) throw new UserError(`${msg}; pass --force to write another record`);
          process.stderr.write(`skipped ${rule.id}: ${msg}\n`);
          continue;
        }
        const finding = a.findings.find((f) => f.rule === rule.id) ?? null;
        const missing = a.notEvaluated.find((n) => n.rule === rule.id)?.missing;
        const created = await newRecord(store, {
          title: rule.adr?.title ?? rule.title,
          from: { rule, finding, profile: a.profilePath, ...(missing ? { missing } : {}) },
        });
        if (!finding) process.stderr.write(`note: ${rule.id} does not fire on ${a.profilePath}${missing ? ` (not evaluated: missing ${missing.join(', ')})` : ''}; the record says so\n`);
        writeStdout(`${show(created.path)}\n`);
        written++;
      }
      if (flags.allOpen && !written) process.stderr.write('No open finding without a record; nothing written.\n');
      return 0;
    }),
  );
}
