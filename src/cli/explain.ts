import type { Command } from 'commander';
import { factDictionary, loadCatalog } from '../engine/catalog.js';
import { UserError } from '../util/errors.js';
import { colorLevel } from './io.js';
import { findRule } from './rules.js';
import { wrap } from '../util/wrap.js';
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
  const para = (title: string, text: string) => out.push(c.bold(title), wrap(text, 100, '  '), '');
  out.push(`${c.bold(r.id)}: ${r.title}`, c.dim(`${r.kind} · ${r.severity} · stages ${r.stages.join(', ')} · topics ${r.topics.join(', ')}${r.file ? ` · ${r.file}` : ''}`), '');
  out.push(c.bold('Fires when'), ...r.when.trim().split('\n').map((l) => `  ${l}`), '');
  if (r.reads?.length) {
    out.push(c.bold('Reads'));
    for (const f of r.reads) {
      const info = factInfo.get(f);
      const opt = r.optional?.includes(f) || r.requires_one_of?.includes(f) ? ' (optional)' : '';
      out.push(`  ${f}${opt}${info?.unit ? ` [${info.unit}]` : ''}${info ? c.dim(` — ${info.description}`) : ''}`);
    }
    if (r.requires_one_of?.length) out.push(c.dim(`  at least one of: ${r.requires_one_of.join(', ')}`));
    out.push('');
  }
  para('Says', r.message);
  para('Recommends', r.recommendation);
  para('Why', r.rationale);
  out.push(c.bold('Sources'), ...r.sources.map((s) => wrap(`${s.seed}: ${s.point}`, 100, '  ')), '');
  if (r.requires?.length || r.lead_time || r.expected_effect) {
    out.push(c.bold('On the roadmap'));
    if (r.requires?.length) out.push(`  after: ${r.requires.join(', ')}`);
    if (r.lead_time) out.push(`  lead time: ${r.lead_time}`);
    if (r.expected_effect) out.push(wrap(`reported effect (not a promise): ${r.expected_effect.claim.trim()} (${r.expected_effect.seed})`, 100, '  '));
    out.push('');
  }
  if (r.templates?.length) out.push(c.bold('Templates'), `  ${r.templates.join(', ')}`, '');
  if (r.adr?.options?.length) {
    out.push(c.bold('Options an ADR would weigh'));
    for (const o of r.adr.options) {
      out.push(`  - ${o.name}`);
      if (o.pros?.length) out.push(c.green(wrap(`+ ${o.pros.join('; ')}`, 100, '      ')));
      if (o.cons?.length) out.push(c.red(wrap(`- ${o.cons.join('; ')}`, 100, '      ')));
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
