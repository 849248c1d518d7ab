import type { Command } from 'commander';
import { factDictionary, loadCatalog } from '../engine/catalog.js';
import { UserError } from '../util/errors.js';
import { colorLevel, outputWidth } from './io.js';
import { findRule } from './rules.js';
import { wrap } from '../util/wrap.js';
import { citeSource } from '../util/cite.js';
import { writeStdout } from '../util/stdout.js';

export async function explainRule(id: string, flags: { format: string; rules?: string[] }): Promise<number> {
  if (!['text', 'json'].includes(flags.format)) throw new UserError(`--format must be text or json; got "${flags.format}"`);
  const catalog = loadCatalog(flags.rules ?? [], process.cwd());
  const r = findRule(catalog, id);
  if (flags.format === 'json') {
    writeStdout(JSON.stringify(r, null, 2) + '\n');
    return 0;
  }
  const { Chalk } = await import('chalk'); // loaded only for text output
  const c = new Chalk({ level: colorLevel(false) });
  const factInfo = new Map(factDictionary().map((f) => [f.id, f]));
  const out: string[] = [];
  const width = outputWidth();
  const para = (title: string, text: string) => out.push(c.bold(title), wrap(text, width, '  '), '');
  out.push(c.bold(wrap(`${r.id}: ${r.title}`, width, '  ', '')), c.dim(wrap(`${r.kind} · ${r.severity} · stages ${r.stages.join(', ')} · topics ${r.topics.join(', ')}${r.file ? ` · ${r.file}` : ''}`, width, '  ', '')), '');
  out.push(c.bold('Fires when'), ...r.when.trim().split('\n').map((l) => `  ${l}`), '');
  if (r.reads?.length) {
    out.push(c.bold('Reads'));
    for (const f of r.reads) {
      const info = factInfo.get(f);
      const opt = r.optional?.includes(f) || r.requires_one_of?.includes(f) ? ' (optional)' : '';
      out.push(wrap(`${f}${opt}${info?.unit ? ` [${info.unit}]` : ''}${info ? ` — ${info.description}` : ''}`, width, '    ', '  '));
    }
    if (r.requires_one_of?.length) out.push(c.dim(wrap(`at least one of: ${r.requires_one_of.join(', ')}`, width, '    ', '  ')));
    out.push('');
  }
  para('Says', r.message);
  para('Recommends', r.recommendation);
  if (r.done_when) {
    out.push(c.bold('Steps left out when the profile shows them done'));
    for (const [step, cond] of Object.entries(r.done_when)) out.push(`  ${step}) ${cond}`);
    out.push('');
  }
  if (r.requires?.length) para('Waits for', `${r.requires.join(', ')}: while one of these fires, this rule is held back and that finding names it as what it unlocks.`);
  para('Why', r.rationale);
  out.push(c.bold('Sources'), ...r.sources.map((s) => wrap(`${citeSource(s)}: ${s.point}`, width, '    ', '  ')), '');
  if (r.templates?.length) out.push(c.bold('Templates'), wrap(r.templates.join(', '), width, '  '), '');
  if (r.adr?.options?.length) {
    out.push(c.bold('Options an ADR would weigh'));
    for (const o of r.adr.options) {
      out.push(wrap(o.name, width, '    ', '  - '));
      if (o.pros?.length) out.push(c.green(wrap(`+ ${o.pros.join('; ')}`, width, '      ')));
      if (o.cons?.length) out.push(c.red(wrap(`- ${o.cons.join('; ')}`, width, '      ')));
    }
    out.push('');
  }
  if (r.example) out.push(c.bold('Example profile on which it fires'), ...r.example.trimEnd().split('\n').map((l) => `  ${l}`), '');
  writeStdout(out.join('\n'));
  return 0;
}

export function registerExplain(program: Command, run: (fn: () => Promise<number> | number) => Promise<void>): void {
  program
    .command('explain <id>')
    .description('show one rule: its condition, the facts it reads, its advice, sources and an example')
    .option('-f, --format <format>', 'text or json', 'text')
    .option('-r, --rules <dir>', 'add a directory of custom rules (repeatable)', (v: string, p: string[] = []) => [...p, v])
    .action((id: string, flags: { format: string; rules?: string[] }) => run(() => explainRule(id, flags)));
}
