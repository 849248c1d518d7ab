import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { assess } from '../core.js';
import { discoverProfile } from '../profile/load.js';
import { readYamlFile } from '../profile/parse-yaml.js';
import {
  ADR_FORMATS,
  AdrStore,
  addressedRules,
  defaultDirFor,
  initRecords,
  linkRecords,
  locateAdrDir,
  newRecord,
  supersede,
  writeIndex,
  type AdrFormat,
  type AdrRecord,
  type ProfileAdrSettings,
} from '../decisions/adr/index.js';
import { isOpen } from '../model.js';
import { UserError } from '../util/errors.js';
import { findRule } from '../engine/rule-query.js';
import { commonOptions, type CommonOptions } from './options.js';
import { writeStdout } from '../util/stdout.js';

type Run = (fn: () => Promise<number> | number) => Promise<void>;

interface StoreFlags {
  dir?: string;
  profile?: string;
}

function checkFormat(value: string | undefined, flag = '--format'): AdrFormat | undefined {
  if (value === undefined) return undefined;
  if ((ADR_FORMATS as readonly string[]).includes(value)) return value as AdrFormat;
  throw new UserError(`${flag} must be one of ${ADR_FORMATS.join(', ')}; got "${value}"`);
}

/** The profile's `adr` settings, read without validating the rest: listing records must not need a perfect profile. */
function profileAdrSettings(cwd: string, explicit?: string): ProfileAdrSettings | undefined {
  const path = explicit ? resolve(cwd, explicit) : discoverProfile(cwd);
  if (!path) return undefined;
  if (!existsSync(path)) throw new UserError(`${explicit}: no such profile`);
  const data = readYamlFile(path, relative(cwd, path) || path).data as { adr?: { dir?: unknown; format?: unknown } } | null;
  const adr = data && typeof data === 'object' ? data.adr : undefined;
  if (!adr) return undefined;
  return {
    base: dirname(path),
    ...(typeof adr.dir === 'string' ? { dir: adr.dir } : {}),
    ...(typeof adr.format === 'string' ? { format: checkFormat(adr.format, `${relative(cwd, path)}: adr.format`)! } : {}),
  };
}

function openStore(flags: StoreFlags, format?: AdrFormat): AdrStore {
  const cwd = process.cwd();
  return new AdrStore(locateAdrDir(cwd, { dir: flags.dir, format, profile: profileAdrSettings(cwd, flags.profile) }));
}

function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

function requireRecords(store: AdrStore): void {
  if (!store.exists()) throw new UserError(`the ADR directory ${store.display()} does not exist; \`scale-advise adr init\` creates it`);
}

function listJson(records: AdrRecord[], store: AdrStore): string {
  const out = records.map((r) => ({
    number: r.number,
    title: r.title,
    status: r.status,
    status_text: r.statusText,
    date: r.date,
    format: r.format,
    file: show(r.path),
    addresses: r.addresses,
    links: r.links.map((l) => ({ type: l.type, target: l.target, file: l.file })),
  }));
  return JSON.stringify({ dir: store.display(), format: store.format, records: out }, null, 2) + '\n';
}

function listText(records: AdrRecord[], store: AdrStore): string {
  if (!records.length) return `No records in ${store.display()}.\n`;
  const width = Math.max(...records.map((r) => String(r.number).length));
  const lines = records.map((r) => {
    const rules = r.addresses.length ? `  [${r.addresses.join(', ')}]` : '';
    return `${String(r.number).padStart(width)}  ${r.status.padEnd(10)}  ${r.title}${rules}`;
  });
  return `${lines.join('\n')}\n`;
}

const dirOption = (cmd: Command) =>
  cmd
    .option('-d, --dir <dir>', 'the ADR directory (default: found from .adr-dir, .log4brains.yml, doc/adr, docs/decisions, docs/adr, doc/architecture/decisions, or the profile\'s adr.dir)')
    .option('-p, --profile <path>', 'profile whose adr.dir and adr.format to use');

export function registerAdr(program: Command, run: Run): void {
  const adr = program
    .command('adr')
    .description('Architecture Decision Records: write them from findings, number, list, supersede and link them (adr-tools and MADR compatible)');

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

  dirOption(
    adr
      .command('new <title...>')
      .description('write a new record numbered after the highest one; prints its path')
      .option('--status <status>', 'status to start with (accepted, as adr-tools; or proposed, draft, ...)'),
  ).action((title: string[], flags: StoreFlags & { status?: string }) =>
    run(async () => {
      const store = openStore(flags);
      const created = await newRecord(store, { title: title.join(' '), status: flags.status });
      writeStdout(`${show(created.path)}\n`);
      return 0;
    }),
  );

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
        ? [findRule(a.inputs.catalog, ruleId)]
        : a.findings.filter(isOpen).map((f) => findRule(a.inputs.catalog, f.rule));
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

  dirOption(
    adr
      .command('list')
      .description('list the records: number, status, title and the rules each addresses')
      .option('-f, --format <format>', 'text or json', 'text'),
  ).action((flags: StoreFlags & { format: string }) =>
    run(() => {
      if (!['text', 'json'].includes(flags.format)) throw new UserError(`--format must be text or json; got "${flags.format}"`);
      const store = openStore(flags);
      requireRecords(store);
      const records = store.list();
      writeStdout(flags.format === 'json' ? listJson(records, store) : listText(records, store));
      return 0;
    }),
  );

  dirOption(
    adr
      .command('supersede <record> <title...>')
      .description('write a new record that supersedes RECORD (a number or part of its file name); both records are updated, as `adr new -s` does'),
  ).action((ref: string, title: string[], flags: StoreFlags) =>
    run(async () => {
      const store = openStore(flags);
      requireRecords(store);
      const created = await supersede(store, ref, title.join(' '));
      writeStdout(`${show(created.path)}\n`);
      return 0;
    }),
  );

  dirOption(
    adr
      .command('link <source> <link> <target> <reverse-link>')
      .description('link two records both ways, e.g. `adr link 12 Amends 10 "Amended by"`'),
  ).action((source: string, link: string, target: string, reverse: string, flags: StoreFlags) =>
    run(() => {
      const store = openStore(flags);
      requireRecords(store);
      const r = linkRecords(store, source, link, target, reverse);
      writeStdout(`${show(r.source.path)}\n${show(r.target.path)}\n`);
      return 0;
    }),
  );

  dirOption(
    adr
      .command('index')
      .description('write a table of contents and a Mermaid graph of the relations into the ADR directory')
      .option('--name <file>', 'README.md or index.md', 'README.md')
      .option('--force', 'replace the file even if `adr index` did not write it'),
  ).action((flags: StoreFlags & { name: string; force?: boolean }) =>
    run(() => {
      const store = openStore(flags);
      const path = writeIndex(store, { name: flags.name, force: flags.force });
      writeStdout(`${show(path)}\n`);
      return 0;
    }),
  );

  for (const cmd of adr.commands) cmd.exitOverride();
  adr.exitOverride();
}
