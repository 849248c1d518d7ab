import type { Assessment } from '../model.js';
import { formatValue } from '../engine/format-value.js';
import { repositoryLines } from './repository.js';
import { whatIfLines } from '../roadmap/describe.js';
import { citeSource } from '../util/cite.js';
import { reportSubject, stageSentence } from './words.js';
import { comparisonLines } from './compare.js';

const esc = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** A Markdown report for pull requests, wikis and ADR context. */
export function formatMarkdown(a: Assessment): string {
  const s = a.stage;
  const out: string[] = [`# Scaling assessment: ${reportSubject(a)}`, ''];
  out.push(
    stageSentence(s).replace(/^Stage:/, '**Stage:**'),
    '',
    '| Dimension | Stage |',
    '| --- | --- |',
    ...(['traffic', 'data', 'organization'] as const).map((d) => `| ${d} | ${s.dimensions[d] ?? 'unknown'} |`),
    '',
  );
  for (const l of repositoryLines(a)) out.push(`> ${l}`, '');
  if (a.whatIf) out.push(`## What if: ${a.whatIf.label}`, '', ...whatIfLines(a.whatIf).map((l) => `- ${l}`), '');
  if (a.comparison) out.push(`## Since ${esc(a.comparison.previous)}`, '', ...comparisonLines(a.comparison, (id) => `\`${id}\``).map((l) => `- ${esc(l)}`), '');
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
    if (a.groups?.length) {
      out.push('## Problems with one plan each', '');
      for (const g of a.groups) out.push(`- **${g.title}** (${g.severity}): ${g.lead} Then: ${g.findings.map((id) => `\`${id}\``).join(', ')}.`);
      out.push('');
    }
    if (a.held?.length) {
      out.push('## Held back', '', ...a.held.map((h) => `- \`${h.rule}\` (${h.title}) waits for ${h.waiting_for.map((id) => `\`${id}\``).join(', ')}.`), '');
    }
    for (const f of a.findings) {
      out.push(`### ${f.title} (\`${f.rule}\`)`, '', f.message, '', `**Recommendation.** ${f.recommendation}`, '');
      if (f.unlocks?.length) out.push(`**Unlocks:** ${f.unlocks.map((id) => `\`${id}\``).join(', ')}`, '');
      if (f.evidence.length) {
        out.push('**Evidence:** ' + f.evidence.map((e) => `\`${e.fact}\` = ${formatValue(e.value)}${e.baseline !== undefined ? ` (today: ${formatValue(e.baseline)})` : ''}${e.line ? ` (line ${e.line})` : e.origin ? ` (${e.provenance}: ${e.origin})` : e.provenance !== 'declared' ? ` (${e.provenance})` : ''}`).join(', '), '');
      }
      out.push('**Sources:**', ...f.sources.map((src) => `- ${citeSource(src)}: ${src.point}`), '');
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
    out.push(`## Roadmap: ${p.title}`, '', ...p.items.map((i) => `- \`${i.rule}\`: ${i.title}${i.urgent ? ' (urgent)' : ''}`), '');
  }
  return out.join('\n');
}
