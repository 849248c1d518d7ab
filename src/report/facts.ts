// `assess --explain-facts`: every fact the rules saw, with its value, where
// it came from (provenance) and the evidence (profile position, file:line,
// git range, or the facts it was derived from).
import type { Assessment, Fact } from '../model.js';
import { formatValue } from '../engine/format-value.js';
import { compareStrings } from '../util/compare.js';

export interface FactRow {
  fact: string;
  value: unknown;
  provenance: Fact['provenance'];
  origin: string | null;
}

export function factRows(facts: Iterable<Fact>, profile: string): FactRow[] {
  return [...facts]
    .filter((f) => !f.id.startsWith('stage.'))
    .sort((a, b) => compareStrings(a.id, b.id))
    .map((f) => ({
      fact: f.id,
      value: f.value,
      provenance: f.provenance,
      origin: f.position ? `${profile}:${f.position.line}:${f.position.column}` : f.origin ?? (f.from ? `from ${f.from.join(', ')}` : null),
    }));
}

export function formatFactsText(a: Assessment): string {
  const rows = factRows(a.facts.values(), a.profilePath);
  const notes = a.repository?.notes ?? [];
  const width = Math.min(48, Math.max(4, ...rows.map((r) => r.fact.length)));
  const values = rows.map((r) => {
    const v = formatValue(r.value);
    return v.length > 40 ? `${v.slice(0, 39)}…` : v;
  });
  const valueWidth = Math.max(5, ...values.map((v) => v.length));
  const out = [`${'fact'.padEnd(width)}  ${'value'.padEnd(valueWidth)}  ${'provenance'.padEnd(10)}  origin`];
  rows.forEach((r, i) => out.push(`${r.fact.padEnd(width)}  ${values[i]!.padEnd(valueWidth)}  ${r.provenance.padEnd(10)}  ${r.origin ?? ''}`.trimEnd()));
  if (!rows.length) out.push('(no facts: no profile, and nothing detected)');
  for (const n of notes) out.push(`note: ${n}`);
  return out.join('\n') + '\n';
}

export function formatFactsJson(a: Assessment): string {
  return JSON.stringify({ facts: factRows(a.facts.values(), a.profilePath), notes: a.repository?.notes ?? [] }, null, 2) + '\n';
}
