import type { Command } from 'commander';
import { relative, resolve } from 'node:path';
import { load, type Inputs } from '../load.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { writeStdout } from '../util/stdout.js';
import { findRule } from '../engine/rule-query.js';
import { ruleDirOption } from './options.js';
import type { TemplateManifest } from '../scaffold/types.js';
import { DEFAULT_SCAFFOLD_DIR, differingFiles, planScaffold, writeScaffold } from '../scaffold/files.js';

import type { Run } from './run.js';


interface ScaffoldFlags {
  for?: string;
  out?: string;
  dryRun?: boolean;
  force?: boolean;
  set?: string[];
  profile?: string;
  rules?: string[];
  format?: string;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function listText(manifests: TemplateManifest[]): string {
  const out: string[] = [];
  for (const m of manifests) {
    out.push(`${m.name}  ${m.title}`);
    out.push(`  for:   ${m.purpose}`);
    out.push(`  rules: ${m.rules.join(', ') || '-'}`);
    const facts = [...m.reads.required, ...m.reads.optional.map((f) => `${f} (optional)`)];
    out.push(`  facts: ${facts.join(', ') || '-'}`);
    out.push(`  files: ${m.files.join(', ')}; params: ${Object.keys(m.params).join(', ') || '-'}`, '');
  }
  out.push('Render with `scale-advise scaffold NAME...` or `scale-advise scaffold --for RULE`; docs/scaffold.md explains each computation.');
  return out.join('\n') + '\n';
}

function select(manifests: TemplateManifest[], names: string[], flags: ScaffoldFlags, inputs: Inputs): TemplateManifest[] {
  const known = manifests.map((m) => m.name);
  const wanted = new Set<string>();
  for (const n of names) {
    if (!known.includes(n)) {
      const near = closest(n, known);
      throw new UserError(`unknown template "${n}"${near ? `; did you mean "${near}"?` : ''} (\`scale-advise scaffold list\` shows them)`);
    }
    wanted.add(n);
  }
  if (flags.for) {
    const rule = findRule(inputs.catalog, flags.for);
    const templates = rule.templates ?? [];
    if (!templates.length) throw new UserError(`rule ${rule.id} has no config template; \`scale-advise scaffold list\` shows the templates and their rules`);
    for (const t of templates) {
      if (!known.includes(t)) throw new UserError(`${rule.file ?? rule.id}: rule ${rule.id} names template "${t}", which does not exist`);
      wanted.add(t);
    }
  }
  if (!wanted.size) throw new UserError('name one or more templates, or --for RULE; `scale-advise scaffold list` shows them');
  return manifests.filter((m) => wanted.has(m.name));
}

function show(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function registerScaffold(program: Command, run: Run): void {
  ruleDirOption(program
    .command('scaffold [templates...]')
    .description('render the configuration that implements a recommendation (HPA, PgBouncer, alert rules, ...), computed from the profile; `scaffold list` shows the templates')
    .option('--for <rule>', 'the templates that implement this rule')
    .option('-o, --out <dir>', 'output directory', DEFAULT_SCAFFOLD_DIR)
    .option('--set <name=value>', 'a template parameter, e.g. --set per_pod_rps=200 (repeatable)', collect)
    .option('--dry-run', 'write nothing; print each file, or its diff against the file already there')
    .option('--force', 'replace files that exist')
    .option('-p, --profile <path>', 'profile to read (default: scale-advise.yaml here or in a parent directory up to the repository root)')
    .option('-f, --format <format>', 'for `scaffold list`: text or json', 'text'))
    .action((names: string[], flags: ScaffoldFlags) =>
      run(async () => {
        const { loadTemplateManifests } = await import('../scaffold/catalog.js');
        const manifests = loadTemplateManifests();
        if (names.length === 1 && names[0] === 'list' && !flags.for) {
          if (flags.format !== 'text' && flags.format !== 'json') throw new UserError(`--format must be text or json; got "${flags.format}"`);
          writeStdout(flags.format === 'json' ? JSON.stringify(manifests, null, 2) + '\n' : listText(manifests));
          return 0;
        }
        const cwd = process.cwd();
        const inputs = load({ cwd, profile: flags.profile, ruleDirs: flags.rules });
        return scaffold(select(manifests, names, flags, inputs), flags, inputs);
      }),
    );
}

async function scaffold(manifests: TemplateManifest[], flags: ScaffoldFlags, inputs: Inputs): Promise<number> {
  const cwd = inputs.cwd;
  const outDir = resolve(cwd, flags.out ?? DEFAULT_SCAFFOLD_DIR);
  const { files, missing } = await planScaffold(manifests, inputs.facts, flags.set ?? [], inputs.profile.displayPath, outDir);
  for (const n of missing) process.stderr.write(`scale-advise: ${n.template}: ${n.text}; the header says what was left out\n`);
  if (flags.dryRun) {
    const { createTwoFilesPatch } = await import('diff');
    const out: string[] = [];
    for (const f of files) {
      const name = show(f.target, cwd);
      if (f.existing === f.text) out.push(`unchanged ${name}\n`);
      else out.push(createTwoFilesPatch(f.existing === undefined ? '/dev/null' : `a/${name}`, `b/${name}`, f.existing ?? '', f.text, undefined, undefined, { context: 3 }));
    }
    writeStdout(out.join(''));
    return 0;
  }
  const blocked = differingFiles(files);
  if (blocked.length && !flags.force) {
    throw new UserError(blocked.map((f) => ({ file: show(f.target, cwd), position: null, message: 'exists and differs; see the change with --dry-run, replace it with --force' })));
  }
  const lines = writeScaffold(files, flags.force ?? false).map((w) => `${w.written ? 'wrote' : 'unchanged'} ${show(w.file.target, cwd)}`);
  writeStdout(lines.join('\n') + '\n');
  return 0;
}
