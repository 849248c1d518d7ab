import { Chalk } from 'chalk';
import type { Rule } from '../model.js';
import { wrap } from '../util/wrap.js';
import type { ReportContext, RuleList } from './index.js';

/** The catalog as a table a person scans: id, kind, severity, title, then stages and topics. */
export function formatRulesText(list: RuleList, ctx: ReportContext): string {
  const c = new Chalk({ level: ctx.colorLevel });
  const width = ctx.width ?? 100;
  const lines = list.rules.map(
    (r) =>
      `${c.bold(r.id.padEnd(34))} ${r.kind.padEnd(14)} ${r.severity.padEnd(8)} ${r.title}\n` +
      c.dim(wrap(`stages: ${r.stages.join(', ')} · topics: ${r.topics.join(', ')}`, width, ' '.repeat(35))),
  );
  return `${lines.join('\n')}\n\n${list.rules.length} of ${list.total} rules. \`scale-advise explain ID\` shows one in full.\n`;
}

export function formatRulesJson(list: RuleList): string {
  const out = list.rules.map((r) => ({ id: r.id, title: r.title, kind: r.kind, severity: r.severity, stages: r.stages, topics: r.topics }));
  return JSON.stringify(out, null, 2) + '\n';
}

/** One rule in full, as `explain` shows it. */
export function formatRuleText(r: Rule, ctx: ReportContext): string {
  const c = new Chalk({ level: ctx.colorLevel });
  const width = ctx.width ?? 100;
  const out: string[] = [];
  const para = (title: string, text: string) => out.push(c.bold(title), wrap(text, width, '  '), '');
  out.push(`${c.bold(r.id)}: ${r.title}`, c.dim(`${r.kind} · ${r.severity} · stages ${r.stages.join(', ')} · topics ${r.topics.join(', ')}${r.file ? ` · ${r.file}` : ''}`), '');
  out.push(c.bold('Fires when'), ...r.when.trim().split('\n').map((l) => `  ${l}`), '');
  if (r.reads?.length) {
    out.push(c.bold('Reads'));
    for (const f of r.reads) {
      const info = ctx.facts?.get(f);
      const opt = r.optional?.includes(f) || r.requires_one_of?.includes(f) ? ' (optional)' : '';
      out.push(`  ${f}${opt}${info?.unit ? ` [${info.unit}]` : ''}${info ? c.dim(` — ${info.description}`) : ''}`);
    }
    if (r.requires_one_of?.length) out.push(c.dim(`  at least one of: ${r.requires_one_of.join(', ')}`));
    out.push('');
  }
  para('Says', r.message);
  para('Recommends', r.recommendation);
  para('Why', r.rationale);
  out.push(c.bold('Sources'), ...r.sources.map((s) => wrap(`${s.seed}: ${s.point}`, width, '  ')), '');
  if (r.templates?.length) out.push(c.bold('Templates'), `  ${r.templates.join(', ')}`, '');
  if (r.adr?.options?.length) {
    out.push(c.bold('Options an ADR would weigh'));
    for (const o of r.adr.options) {
      out.push(`  - ${o.name}`);
      if (o.pros?.length) out.push(c.green(wrap(`+ ${o.pros.join('; ')}`, width, '      ')));
      if (o.cons?.length) out.push(c.red(wrap(`- ${o.cons.join('; ')}`, width, '      ')));
    }
    out.push('');
  }
  if (r.example) out.push(c.bold('Example profile on which it fires'), ...r.example.trimEnd().split('\n').map((l) => `  ${l}`), '');
  return out.join('\n');
}

export function formatRuleJson(r: Rule): string {
  return JSON.stringify(r, null, 2) + '\n';
}
