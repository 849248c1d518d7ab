import { Chalk, type ChalkInstance } from 'chalk';
import { isOpen, type Assessment, type Evidence, type Finding, type Severity } from '../model.js';
import { wrap } from '../util/wrap.js';
import { formatValue } from '../engine/format-value.js';

import type { ReportContext } from './index.js';

function severityStyle(c: ChalkInstance, s: Severity): (t: string) => string {
  switch (s) {
    case 'critical':
      return (t) => c.bold.white.bgRed(t);
    case 'high':
      return (t) => c.bold.red(t);
    case 'medium':
      return (t) => c.yellow(t);
    case 'low':
      return (t) => c.cyan(t);
    default:
      return (t) => c.gray(t);
  }
}

function evidenceLine(e: Evidence, profile: string): string {
  const where = e.line ? ` (${profile}:${e.line}:${e.column ?? 1})` : e.provenance === 'derived' ? ' (derived)' : '';
  return `${e.fact} = ${formatValue(e.value)}${where}`;
}

/** The first step of a recommendation: up to "2)" in a numbered list, else the first sentence. */
export function firstStep(rec: string): string {
  const text = rec.replace(/\s+/g, ' ').trim();
  const numbered = /^1\)\s*(.*?)(?:\s2\)\s|$)/.exec(text);
  if (numbered) return numbered[1]!.trim() + (text.includes(' 2) ') ? ' (more with --verbose)' : '');
  const sentence = /^(.*?[.!?])(\s|$)/.exec(text);
  return sentence && sentence[1]!.length < text.length ? `${sentence[1]} (more with --verbose)` : text;
}

const STATUS_LABEL: Record<Finding['status'], string> = {
  open: '',
  addressed: ' [addressed]',
  waived: ' [waived]',
  'expired-waiver': ' [waiver expired]',
  baselined: ' [baselined]',
};

/** One line a reader can stop at: how many of each kind, how many urgent, how many already decided. */
function headline(a: Assessment): string {
  const count = (k: Finding['kind']) => a.findings.filter((f) => f.kind === k).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  const parts = [
    plural(count('warning-sign'), 'warning sign', 'warning signs'),
    plural(count('pitfall'), 'pitfall', 'pitfalls'),
    plural(count('recommendation'), 'recommendation', 'recommendations'),
  ];
  const open = a.findings.filter(isOpen);
  const urgent = open.filter((f) => f.severity === 'critical' || f.severity === 'high').length;
  const decided = a.findings.length - open.length;
  return `Findings: ${parts.join(', ')}; ${urgent} open at high severity or above${decided ? `, ${decided} addressed or waived` : ''}.`;
}

/** Missing facts, those that would unlock the most rules first. */
export function missingFactsByReach(a: Assessment): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const n of a.notEvaluated) for (const f of n.missing) by.set(f, [...(by.get(f) ?? []), n.rule]);
  return [...by].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1));
}

/** The report for people. Pure: the colour level comes in as an option. */
export function formatText(a: Assessment, opts: ReportContext): string {
  const c = new Chalk({ level: opts.colorLevel });
  const width = opts.width ?? 100;
  const out: string[] = [];
  const s = a.stage;
  out.push(c.bold(`scale-advise · ${a.profilePath}`));
  if (s.id) {
    const by = s.decided_by ? ` — decided by ${s.decided_by.fact} = ${formatValue(s.decided_by.value)}` : '';
    out.push(`Stage: ${c.bold(s.name ?? '')} (model ${s.model})${by}`);
  } else {
    out.push(`Stage: ${c.yellow('unknown')} — the profile gives none of the facts the ${s.model} model places a system by`);
  }
  const dims = (['traffic', 'data', 'organization'] as const).map((d) => `${d} ${s.dimensions[d] ?? '?'}`).join(' · ');
  out.push(c.dim(`  ${dims}`), '');
  if (a.findings.length) out.push(headline(a), '');

  const order: Finding['kind'][] = ['warning-sign', 'pitfall', 'recommendation'];
  if (!a.findings.length) {
    out.push(
      !a.completeness.rules_evaluated
        ? c.yellow('Nothing could be evaluated: the profile gives none of the facts the rules read.')
        : a.notEvaluated.length
          ? c.green(`No findings among the ${a.completeness.rules_evaluated} rules these facts let run; the facts listed below would let the rest run.`)
          : c.green('No findings: nothing in these facts calls for a change at this stage.'),
      '',
    );
  }
  for (const kind of order) {
    const group = a.findings.filter((f) => f.kind === kind);
    if (!group.length) continue;
    const heading = kind === 'warning-sign' ? 'Warning signs' : kind === 'pitfall' ? 'Pitfalls' : 'Recommendations';
    out.push(c.bold.underline(`${heading} (${group.length})`), '');
    for (const f of group) {
      const sev = severityStyle(c, f.severity)(f.severity.toUpperCase().padEnd(8));
      out.push(`${sev} ${c.bold(f.rule)}${c.dim(STATUS_LABEL[f.status])}  ${f.title}`);
      out.push(wrap(f.message, width, '         '));
      out.push(c.green(wrap(`→ ${opts.verbose ? f.recommendation : firstStep(f.recommendation)}`, width, '         ')));
      if (opts.verbose && f.evidence.length) {
        out.push(c.dim(wrap(`evidence: ${f.evidence.map((e) => evidenceLine(e, a.profilePath)).join('; ')}`, width, '         ')));
      }
      if (opts.verbose) {
        for (const src of f.sources) out.push(c.dim(wrap(`source ${src.seed}: ${src.point}`, width, '         ')));
      }
      out.push('');
    }
  }
  if (a.notEvaluated.length) {
    out.push(c.bold.underline(`Not evaluated (${a.notEvaluated.length}): these rules need facts the profile does not give`), '');
    if (opts.verbose) {
      for (const n of a.notEvaluated) {
        const parts = [n.missing.length ? `${c.dim('needs')} ${n.missing.join(', ')}` : '', n.invalid?.length ? `${c.dim('cannot use (wrong type)')} ${n.invalid.join(', ')}` : ''];
        out.push(`  ${n.rule.padEnd(34)} ${parts.filter(Boolean).join('; ')}`);
      }
    } else {
      const byFact = missingFactsByReach(a);
      for (const [fact, rules] of byFact.slice(0, 8)) {
        out.push(`  ${fact.padEnd(44)} ${c.dim(`needed by ${rules.length} rule${rules.length === 1 ? '' : 's'}`)}`);
      }
      if (byFact.length > 8) out.push(c.dim(`  ... and ${byFact.length - 8} more facts`));
      out.push(c.dim('  (--verbose lists each rule and what it needs)'));
    }
    out.push('');
  }
  if (a.conflicts.length) {
    out.push(c.bold.underline('Declared and detected facts disagree (the declared value is used)'), '');
    for (const k of a.conflicts) out.push(`  ${k.fact}: declared ${formatValue(k.declared)}, detected ${formatValue(k.detected)}${k.origin ? ` in ${k.origin}` : ''}`);
    out.push('');
  }
  const comp = a.completeness;
  out.push(
    `Profile completeness: ${comp.pct}% of fields (${comp.fields_present}/${comp.fields_known}); ` +
      `${comp.rules_evaluated} of ${comp.rules_applicable} rules for this stage evaluated`,
  );
  const phases = a.roadmap.phases.filter((p) => p.items.length);
  if (phases.length) {
    out.push('', c.bold.underline('Roadmap'), '');
    for (const p of phases) out.push(`  ${c.bold(p.id.padEnd(6))} ${p.items.map((i) => i.rule).join(', ')}`);
  }
  const open = a.findings.filter(isOpen).length;
  const waived = a.findings.filter((f) => f.status === 'waived').length;
  out.push('', `${open} open${waived ? `, ${waived} waived` : ''}. \`scale-advise explain RULE\` tells more about any rule.`);
  return out.join('\n') + '\n';
}
