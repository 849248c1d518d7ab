// What a template is given: the record's number, title, date and status,
// and, for a record written from a rule, the finding's evidence and the
// rule's ADR hints. Built as plain data; the templates only lay it out.
import { stringify as stringifyYaml } from 'yaml';
import type { Finding, Rule } from '../../model.js';
import { nygardStatusWord } from './status.js';
import { oneLine } from './slug.js';
import type { AdrFormat } from './types.js';

export interface EvidenceLine {
  fact: string;
  value: unknown;
  provenance: string;
  /** `scale-advise.yaml:41:3`, when the fact was declared */
  where: string | null;
}

export interface RecordData {
  number: number;
  title: string;
  date: string;
  /** YYYY-MM-DD, or empty when the record names no review date */
  reviewBy: string;
  /** the status as this format writes it: `Accepted` (Nygard), `accepted` (MADR) */
  status: string;
  addresses: string[];
  /** MADR: the YAML front matter, serialised, ending in a newline */
  frontMatter: string;
  profile: string | null;
  rule: Pick<Rule, 'id' | 'title' | 'rationale' | 'recommendation'> | null;
  finding: { message: string; evidence: EvidenceLine[] } | null;
  /** why there is no finding, for a record written about a rule that does not fire */
  notFiring: string | null;
  drivers: string[];
  options: { name: string; pros: string[]; cons: string[] }[];
  consequences: string[];
  sources: { seed: string; title: string; meta: string; point: string }[];
  /** prose for a record not written from a rule (the first record, say); templates fall back to prompts */
  text: { context?: string; decision?: string; reason?: string; consequences?: string };
}

/** What the first record says, in the spirit of adr-tools' own first record. */
export const INIT_TEXT = {
  context: 'We need to record the architectural decisions made on this project, so that people joining later can see what was decided, why, and what else was weighed.',
  decision: 'We will use Architecture Decision Records, as described by Michael Nygard (https://cognitect.com/blog/2011/11/15/documenting-architecture-decisions), kept in this directory and numbered in sequence.',
  reason: 'it keeps each decision short, structured and versioned next to the code it shapes',
  consequences: 'Each significant decision gets a short record. A decision that is replaced is superseded by a new record, never edited away. `scale-advise adr from RULE` writes a record from a finding; `scale-advise assess` reports the findings a record addresses as addressed.',
};

export interface RecordInput {
  number: number;
  title: string;
  date: string;
  reviewBy?: string;
  /** a status word, any case: `proposed`, `accepted`, ... */
  status: string;
  format: AdrFormat;
  addresses?: string[];
  decisionMakers?: string[];
  text?: RecordData['text'];
}

export interface FromRule {
  rule: Rule;
  finding: Finding | null;
  profile: string | null;
  /** when the rule did not fire: the facts it missed, if that was why */
  missing?: string[];
}

/** The date records carry: ADR_DATE if set (as adr-tools honours it), else SCALE_ADVISE_NOW, else today. */
export function recordDate(now = new Date(), env = process.env): string {
  for (const fromEnv of [env.ADR_DATE?.trim(), env.SCALE_ADVISE_NOW?.trim()]) {
    if (fromEnv && /^\d{4}-\d{2}-\d{2}$/.test(fromEnv)) return fromEnv;
  }
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function madrFrontMatter(input: RecordInput): string {
  const fm: Record<string, unknown> = {
    status: input.status.toLowerCase(),
    date: input.date,
    ...(input.reviewBy ? { 'review-by': input.reviewBy } : {}),
    'decision-makers': input.decisionMakers?.length ? input.decisionMakers.join(', ') : '',
    consulted: '',
    informed: '',
  };
  if (input.addresses?.length) fm['scale-advise'] = { addresses: input.addresses };
  return stringifyYaml(fm, { lineWidth: 0 });
}

export function recordData(input: RecordInput, from?: FromRule): RecordData {
  const hints = from?.rule.adr;
  const base: RecordData = {
    number: input.number,
    title: oneLine(input.title),
    date: input.date,
    reviewBy: input.reviewBy ?? '',
    status: input.format === 'nygard' ? nygardStatusWord(input.status) : input.status.toLowerCase(),
    addresses: input.addresses ?? [],
    frontMatter: input.format === 'madr' ? madrFrontMatter(input) : '',
    profile: from?.profile ?? null,
    rule: null,
    finding: null,
    notFiring: null,
    drivers: [],
    options: [],
    consequences: [],
    sources: [],
    text: input.text ?? {},
  };
  if (!from) return base;
  const { rule, finding } = from;
  return {
    ...base,
    rule: { id: rule.id, title: rule.title, rationale: oneLine(rule.rationale), recommendation: oneLine(rule.recommendation) },
    finding: finding
      ? {
          message: oneLine(finding.message),
          evidence: finding.evidence.map((e) => ({
            fact: e.fact,
            value: e.value,
            provenance: e.provenance,
            where: e.line !== null && from.profile ? `${from.profile}:${e.line}${e.column !== null ? `:${e.column}` : ''}` : null,
          })),
        }
      : null,
    notFiring: finding
      ? null
      : from.missing?.length
        ? `When this record was written, scale-advise could not evaluate the rule ${rule.id} on ${from.profile ?? 'the profile'}: the profile lacks ${from.missing.join(', ')}. This record is written ahead of the evidence.`
        : `When this record was written, the rule ${rule.id} did not fire on ${from.profile ?? 'the profile'}: the warning sign it describes is not present yet. This record is written ahead of it.`,
    drivers: hints?.drivers ?? [],
    options: (hints?.options ?? []).map((o) => ({ name: o.name, pros: o.pros ?? [], cons: o.cons ?? [] })),
    consequences: hints?.consequences ?? [],
    sources: rule.sources.map((s) => ({ seed: s.seed, title: s.title ?? s.seed, meta: [s.publisher, s.date].filter(Boolean).join(', '), point: s.point })),
  };
}
