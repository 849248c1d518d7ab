import type { Assessment } from '../model.js';
import { formatValue } from '../engine/format-value.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown report for pull requests, wikis and ADR context. */
export function formatMarkdown(a: Assessment): string {
  const s = a.stage;
  const out: string[] = [`# Scaling assessment: ${a.profilePath}`, ''];
  out.push(
    s.id
      ? `**Stage:** ${s.name} (model \`${s.model}\`)${s.decided_by ? `, decided by \`${s.decided_by.fact}\` = ${formatValue(s.decided_by.value)}` : ''}`
      : `**Stage:** unknown (the profile gives none of the facts the \`${s.model}\` model needs)`,
    '',
    '| Dimension | Stage |',
    '| --- | --- |',
    ...(['traffic', 'data', 'organization'] as const).map((d) => `| ${d} | ${s.dimensions[d] ?? 'unknown'} |`),
    '',
  );
  if (!a.findings.length) {
    out.push(
      a.notEvaluated.length
        ? `No findings among the ${a.completeness.rules_evaluated} rules these facts let run; ${a.notEvaluated.length} could not run for lack of facts (below).`
        : 'No findings: nothing in these facts calls for a change at this stage.',
      '',
    );
  }
  else {
    out.push('## Findings', '', '| Severity | Kind | Rule | Status | Finding |', '| --- | --- | --- | --- | --- |');
    for (const f of a.findings) out.push(`| ${f.severity} | ${f.kind} | \`${f.rule}\` | ${f.status} | ${esc(f.message)} |`);
    out.push('');
    for (const f of a.findings) {
      out.push(`### ${f.title} (\`${f.rule}\`)`, '', f.message, '', `**Recommendation.** ${f.recommendation}`, '');
      if (f.evidence.length) {
        out.push('**Evidence:** ' + f.evidence.map((e) => `\`${e.fact}\` = ${formatValue(e.value)}${e.line ? ` (line ${e.line})` : ''}`).join(', '), '');
      }
      out.push('**Sources:**', ...f.sources.map((src) => `- ${src.seed}: ${src.point}`), '');
    }
  }
  if (a.notEvaluated.length) {
    out.push('## Not evaluated', '', '| Rule | Missing facts |', '| --- | --- |');
    for (const n of a.notEvaluated) {
      const invalid = (n.invalid ?? []).map((m) => `\`${m}\` (wrong type)`);
      out.push(`| \`${n.rule}\` | ${[...n.missing.map((m) => `\`${m}\``), ...invalid].join(', ')} |`);
    }
    out.push('');
  }
  const c = a.completeness;
  out.push(`Profile completeness: ${c.pct}% of fields; ${c.rules_evaluated} of ${c.rules_applicable} rules for this stage evaluated.`, '');
  for (const p of a.roadmap.phases.filter((x) => x.items.length)) {
    out.push(`## Roadmap: ${p.title}`, '', ...p.items.map((i) => `- \`${i.rule}\`: ${i.title}`), '');
  }
  return out.join('\n');
}
