import type { Command } from 'commander';
import { assess } from '../../core.js';
import { addressedRules, newRecord } from '../../decisions/adr/index.js';
import { isOpen, KINDS, type RuleKind } from '../../model.js';
import { confirmMany } from './confirm.js';
import { UserError } from '../../util/errors.js';
import { writeStdout } from '../../util/stdout.js';
import { findRule } from '../../engine/rule-query.js';
import { commonOptions, type CommonOptions } from '../options.js';
import { openStore, show, type Run, type StoreFlags } from './shared.js';

/** Above this many records, --all-open asks first. */
const CONFIRM_ABOVE = 10;
/** What --all-open writes records for by default: what needs deciding now, not every next step. */
const DEFAULT_KINDS: RuleKind[] = ['warning-sign', 'pitfall'];

function parseKinds(value: string | undefined): RuleKind[] {
  if (value === undefined) return DEFAULT_KINDS;
  const kinds = value.split(',').map((k) => k.trim()).filter(Boolean);
  const wrong = kinds.filter((k) => !(KINDS as readonly string[]).includes(k));
  if (wrong.length || !kinds.length) throw new UserError(`--kind takes ${KINDS.join(', ')} (comma-separated); got "${value}"`);
  return kinds as RuleKind[];
}

export function registerAdrFrom(adr: Command, run: Run): void {
  commonOptions(
    adr
      .command('from [rule]')
      .description('write a proposed record from a rule: the finding, its evidence and sources, the drivers, options and consequences')
      .option('--all-open', 'one record for each open warning sign or pitfall no record addresses yet (--kind for others)')
      .option('--kind <kinds>', `with --all-open: the kinds of finding to write records for, comma-separated: ${KINDS.join(', ')} (default: warning-sign,pitfall)`)
      .option('-y, --yes', `with --all-open: write more than ${CONFIRM_ABOVE} records without asking (needed when not on a terminal)`)
      .option('-d, --dir <dir>', 'the ADR directory (default: found as `adr list` finds it)')
      .option('--review-by <when>', 'when to look at the decision again: 30d, 6w, 6m, 1y after the record\'s date, or a date YYYY-MM-DD')
      .option('--force', 'write a record even when one already addresses the rule'),
  ).action((ruleId: string | undefined, flags: CommonOptions & StoreFlags & { allOpen?: boolean; force?: boolean; kind?: string; yes?: boolean; reviewBy?: string }) =>
    run(async () => {
      if (!ruleId === !flags.allOpen) throw new UserError('give a RULE id or --all-open (one of them)');
      if (ruleId && flags.kind !== undefined) throw new UserError('--kind goes with --all-open');
      const kinds = parseKinds(flags.kind);
      const cwd = process.cwd();
      const a = assess({ cwd, profile: flags.profile, ruleDirs: flags.rules, stageModel: flags.stageModel });
      const store = openStore(flags);
      const addressed = addressedRules(store);
      const rules = ruleId
        ? [findRule(a.inputs.catalog, ruleId)]
        : a.findings.filter((f) => isOpen(f) && kinds.includes(f.kind)).map((f) => findRule(a.inputs.catalog, f.rule));
      const todo = rules.filter((rule) => {
        const by = addressed.get(rule.id);
        if (!by || flags.force) return true;
        const msg = `ADR ${by.number} (${by.file}) already addresses ${rule.id}`;
        if (ruleId) throw new UserError(`${msg}; pass --force to write another record`);
        process.stderr.write(`skipped ${rule.id}: ${msg}\n`);
        return false;
      });
      if (!(await confirmMany(todo.length, 'records', { yes: flags.yes, limit: CONFIRM_ABOVE, hint: 'narrow them with --kind' }))) {
        process.stderr.write('Nothing written.\n');
        return 0;
      }
      let written = 0;
      for (const rule of todo) {
        const finding = a.findings.find((f) => f.rule === rule.id) ?? null;
        const missing = a.notEvaluated.find((n) => n.rule === rule.id)?.missing;
        const created = await newRecord(store, {
          title: rule.adr?.title ?? rule.title,
          reviewBy: flags.reviewBy,
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
