import { Chalk, type ChalkInstance } from 'chalk';
import { isOpen, severityRank, type Assessment, type Evidence, type Finding, type FindingGroup, type Severity } from '../model.js';
import { wrap } from '../util/wrap.js';
import { formatValue } from '../engine/format-value.js';
import { repositoryLines } from './repository.js';
import { whatIfLines } from '../roadmap/describe.js';
import { citeSource } from '../util/cite.js';
import { dimensionsSentence, reportSubject, stageSentence } from './words.js';
import { splitSteps } from '../engine/tailor.js';
import { comparisonLines } from './compare.js';
import { collapseSpace } from '../util/space.js';

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

/** A fact and its value, with its line in the profile the header names (paths would not fit 80 columns). */
function evidenceLine(e: Evidence): string {
  const where = e.line ? ` (line ${e.line}:${e.column ?? 1})` : e.origin ? ` (${e.provenance}: ${e.origin})` : e.provenance !== 'declared' ? ` (${e.provenance})` : '';
  const today = e.baseline !== undefined ? ` (today: ${formatValue(e.baseline)})` : '';
  return `${e.fact} = ${formatValue(e.value)}${today}${where}`;
}

/** The first step of a recommendation: its intro and step 1 of a numbered list, else the first sentence. */
export function firstStep(rec: string): string {
  const text = collapseSpace(rec);
  const { intro, steps } = splitSteps(text);
  if (steps.length) return `${intro ? `${intro} ` : ''}${steps[0]!.text}${steps.length > 1 ? ' (more with --verbose)' : ''}`;
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
  const groups = a.groups ?? [];
  const problems = groups.length ? a.findings.length - groups.reduce((n, g) => n + g.findings.length, 0) + groups.length : 0;
  const grouped = problems ? ` They come down to ${problems} problem${problems === 1 ? '' : 's'}.` : '';
  return `Findings: ${parts.join(', ')}; ${urgent} open at high severity or above${decided ? `, ${decided} addressed or waived` : ''}.${grouped}`;
}

/** Missing facts, those that would unlock the most rules first. */
export function missingFactsByReach(a: Assessment): [string, string[]][] {
  const by = new Map<string, string[]>();
  for (const n of a.notEvaluated) for (const f of n.missing) by.set(f, [...(by.get(f) ?? []), n.rule]);
  return [...by].sort((x, y) => y[1].length - x[1].length || (x[0] < y[0] ? -1 : 1));
}

const INDENT = '         ';

/** The report for people. Pure: colour level and width come in as options. */
export function formatText(a: Assessment, opts: ReportContext): string {
  const c = new Chalk({ level: opts.colorLevel });
  const width = opts.width ?? 80;
  const out: string[] = [];
  const para = (text: string, indent = '') => wrap(text, width, indent);
  const s = a.stage;
  out.push(c.bold(para(`scale-advise · ${reportSubject(a)}`)));
  out.push(s.id ? para(stageSentence(s)) : c.yellow(para(stageSentence(s))));
  out.push(c.dim(para(dimensionsSentence(s), '  ')), '');
  const about = repositoryLines(a);
  if (about.length) out.push(...about.map((l) => c.yellow(para(l))), '');
  if (a.whatIf) out.push(c.bold.underline(`What if: ${a.whatIf.label}`), ...whatIfLines(a.whatIf).map((l) => para(l, '  ')), '');
  if (a.comparison) out.push(c.bold.underline(`Since ${a.comparison.previous}`), ...comparisonLines(a.comparison).map((l) => para(l, '  ')), '');
  if (a.findings.length) out.push(para(headline(a)), '');

  if (!a.findings.length) {
    out.push(
      c.green(
        para(
          !a.completeness.rules_evaluated
            ? 'Nothing could be evaluated: the profile gives none of the facts the rules read.'
            : a.notEvaluated.length
              ? `No findings among the ${a.completeness.rules_evaluated === 1 ? 'one rule' : `${a.completeness.rules_evaluated} rules`} these facts let run; the facts listed below would let the rest run.`
              : 'No findings: nothing in these facts calls for a change at this stage.',
        ),
      ),
      '',
    );
  }
  const groups = a.groups ?? [];
  const grouped = new Set(groups.flatMap((g) => g.findings));
  const byRule = new Map(a.findings.map((f) => [f.rule, f]));
  const titles = new Map(a.findings.map((f) => [f.rule, f.title]));
  for (const h of a.held ?? []) titles.set(h.rule, h.title);
  const findingBlock = (f: Finding) => {
    const head = hangingLine(`${f.rule}${STATUS_LABEL[f.status]} — ${f.title}`, width);
    out.push(`${severityStyle(c, f.severity)(f.severity.toUpperCase().padEnd(8))} ${c.bold(head[0]!)}`, ...head.slice(1));
    out.push(para(f.message, INDENT));
    out.push(c.green(opts.verbose ? stepLines(f.recommendation, width) : para(`→ ${firstStep(f.recommendation)}`, INDENT)));
    if (f.unlocks?.length) out.push(c.cyan(para(`unlocks: ${f.unlocks.map((u) => `${u} (${titles.get(u) ?? u})`).join('; ')}`, INDENT)));
    if (opts.verbose && f.evidence.length) {
      out.push(c.dim(para(`evidence: ${f.evidence.map((e) => evidenceLine(e)).join('; ')}`, INDENT)));
    }
    if (opts.verbose) for (const src of f.sources) out.push(c.dim(para(`source ${citeSource(src)}: ${src.point}`, INDENT)));
    out.push('');
  };
  for (const kind of ['warning-sign', 'pitfall', 'recommendation'] as const) {
    const entries: (FindingGroup | Finding)[] = [
      ...groups.filter((g) => g.kind === kind),
      ...a.findings.filter((f) => f.kind === kind && !grouped.has(f.rule)),
    ].sort((x, y) => severityRank(y.severity) - severityRank(x.severity));
    if (!entries.length) continue;
    out.push(c.bold.underline(`${SECTION_TITLE[kind]} (${entries.length})`), '');
    for (const e of entries) {
      if (!('lead' in e)) {
        findingBlock(e);
        continue;
      }
      const head = hangingLine(`${e.title} (${e.findings.length} findings, group ${e.id})`, width);
      out.push(`${severityStyle(c, e.severity)(e.severity.toUpperCase().padEnd(8))} ${c.bold(head[0]!)}`, ...head.slice(1));
      out.push(c.green(para(`→ ${e.lead}`, INDENT)));
      const members = e.findings.map((id) => `${id}${STATUS_LABEL[byRule.get(id)!.status]}`);
      if (!opts.verbose) {
        out.push(c.dim(para(`then, in this order: ${members.join(', ')} (--verbose shows each)`, INDENT)), '');
        continue;
      }
      out.push('');
      for (const id of e.findings) findingBlock(byRule.get(id)!);
    }
  }
  const held = a.held ?? [];
  if (held.length) {
    out.push(c.bold.underline(para(`Held back until what they need is in place (${held.length})`)), '');
    for (const h of held) out.push(wrap(`${h.title}; waits for ${h.waiting_for.join(', ')}`, width, '    ', `  ${h.rule}: `));
    out.push('');
  }
  if (a.notEvaluated.length) {
    out.push(c.bold.underline(para(`Not evaluated (${a.notEvaluated.length}): these rules need facts the profile does not give`)), '');
    if (opts.verbose) {
      for (const n of a.notEvaluated) {
        const parts = [n.missing.length ? `${c.dim('needs')} ${n.missing.join(', ')}` : '', n.invalid?.length ? `${c.dim('cannot use (wrong type)')} ${n.invalid.join(', ')}` : ''];
        out.push(wrap(parts.filter(Boolean).join('; '), width, ' '.repeat(37), `  ${n.rule.padEnd(34)} `));
      }
    } else {
      const byFact = missingFactsByReach(a);
      const shown = byFact.slice(0, 8);
      // The column fits the longest fact shown; when a line would pass the width, the count goes beneath its fact.
      const col = Math.max(...shown.map(([fact]) => fact.length));
      for (const [fact, rules] of shown) {
        const count = `needed by ${rules.length} rule${rules.length === 1 ? '' : 's'}`;
        if (2 + col + 1 + count.length <= width) out.push(`  ${fact.padEnd(col)} ${c.dim(count)}`);
        else out.push(`  ${fact}`, `    ${c.dim(count)}`);
      }
      if (byFact.length > 8) out.push(c.dim(`  ... and ${byFact.length - 8} more facts`));
      out.push(c.dim('  (--verbose lists each rule and what it needs)'));
    }
    out.push('');
  }
  const comp = a.completeness;
  out.push(
    para(
      `Profile completeness: ${comp.pct}% of fields (${comp.fields_present}/${comp.fields_known}); ` +
        `${comp.rules_evaluated} of ${comp.rules_applicable} rules for this stage evaluated`,
    ),
  );
  const phases = roadmapLines(a);
  if (phases.length) {
    out.push('', c.bold.underline('Roadmap'), '', para(a.roadmap.summary, '  '));
    for (const [id, items] of phases) out.push(wrap(items.join(', '), width, INDENT, `  ${id.padEnd(6)} `));
    out.push(c.dim(para('`scale-advise roadmap` gives the plan with months, prerequisites and expected effects.', '  ')));
  }
  const open = a.findings.filter(isOpen).length;
  const waived = a.findings.filter((f) => f.status === 'waived').length;
  out.push('', para(`${open} open${waived ? `, ${waived} waived` : ''}. \`scale-advise explain RULE\` tells more about any rule.`));
  return out.join('\n') + '\n';
}

const SECTION_TITLE = { 'warning-sign': 'Warning signs', pitfall: 'Pitfalls', recommendation: 'Recommendations' } as const;

/** A full recommendation, one numbered step a line, each wrapped under its number. */
function stepLines(rec: string, width: number): string {
  const { intro, steps } = splitSteps(rec);
  if (!steps.length) return wrap(`→ ${rec}`, width, INDENT);
  const lines = intro ? [wrap(`→ ${intro}`, width, INDENT)] : [];
  const hang = `${INDENT}     `;
  steps.forEach((s, i) => lines.push(wrap(s.text, width, hang, `${INDENT}${i || intro ? '  ' : '→ '}${`${s.number})`.padEnd(3)}`)));
  return lines.join('\n');
}

/** A finding's or group's first line after the 9-column severity, wrapped under it. */
function hangingLine(text: string, width: number): string[] {
  return wrap(text, width, INDENT, INDENT).split('\n').map((l, i) => (i ? l : l.slice(INDENT.length)));
}

/** Roadmap phases as lines of ids: a group's members appear once, as the group, in the earliest phase. */
function roadmapLines(a: Assessment): [string, string[]][] {
  const groupOf = new Map((a.groups ?? []).flatMap((g) => g.findings.map((id) => [id, g] as const)));
  const shown = new Set<string>();
  const out: [string, string[]][] = [];
  for (const p of a.roadmap.phases) {
    const items: string[] = [];
    for (const i of p.items) {
      const g = groupOf.get(i.rule);
      const label = g ? `${g.id}\u00a0(group\u00a0of\u00a0${g.findings.length})` : i.rule;
      if (shown.has(label)) continue;
      shown.add(label);
      items.push(label);
    }
    if (items.length) out.push([p.id, items]);
  }
  return out;
}
