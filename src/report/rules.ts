import { Chalk } from 'chalk';
import type { Rule } from '../model.js';
import { wrap } from '../util/wrap.js';
import { citeSource } from '../util/cite.js';
import type { ReportContext, RuleList } from './index.js';

/** The catalog as a table a person scans: id, kind, severity, title, then stages and topics. */
export function formatRulesText(list: RuleList, ctx: ReportContext): string {
  const c = new Chalk({ level: ctx.colorLevel });
  const width = ctx.width ?? 80;
  const lines = list.rules.map(
    (r) =>
      `${c.bold(r.id)} ${c.dim(`(${r.kind}, ${r.severity})`)}\n${wrap(r.title, width, '    ')}\n` +
      c.dim(wrap(`stages: ${r.stages.join(', ')} · topics: ${r.topics.join(', ')}`, width, '    ')),
  );
  return `${lines.join('\n')}\n\n${wrap(`${list.rules.length} of ${list.total} rules. \`scale-advise explain ID\` shows one in full.`, width, '')}\n`;
}

export function formatRulesJson(list: RuleList): string {
  const out = list.rules.map((r) => ({ id: r.id, title: r.title, kind: r.kind, severity: r.severity, stages: r.stages, topics: r.topics }));
  return JSON.stringify(out, null, 2) + '\n';
}

/** One rule in full, as `explain` shows it. */
export function formatRuleText(r: Rule, ctx: ReportContext): string {
  const c = new Chalk({ level: ctx.colorLevel });
  const width = ctx.width ?? 80;
  const out: string[] = [];
  const para = (title: string, text: string) => out.push(c.bold(title), wrap(text, width, '  '), '');
  out.push(c.bold(wrap(`${r.id}: ${r.title}`, width, '  ', '')), c.dim(wrap(`${r.kind} · ${r.severity} · stages ${r.stages.join(', ')} · topics ${r.topics.join(', ')}${r.file ? ` · ${r.file}` : ''}`, width, '  ', '')), '');
  out.push(c.bold('Fires when'), ...r.when.trim().split('\n').map((l) => `  ${l}`), '');
  if (r.reads?.length) {
    out.push(c.bold('Reads'));
    for (const f of r.reads) {
      const info = ctx.facts?.get(f);
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
  if (r.lead_time || r.expected_effect) {
    out.push(c.bold('On the roadmap'));
    if (r.lead_time) out.push(`  lead time: ${r.lead_time}`);
    if (r.expected_effect) out.push(wrap(`reported effect (not a promise): ${r.expected_effect.claim.trim()} (${r.expected_effect.seed})`, width, '  '));
    out.push('');
  }
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
  return out.join('\n');
}

export function formatRuleJson(r: Rule): string {
  return JSON.stringify(r, null, 2) + '\n';
}
