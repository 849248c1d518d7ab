// The baseline: the findings a team had when it adopted the gate, so CI fails
// only on new ones. Entries are keyed by rule id plus the key path of the fact
// (or component list) that triggered the finding, never by counts: a count
// lets one fix hide a new violation of the same rule.
import type { Finding } from '../model.js';
import { componentKey } from '../engine/components.js';
import { isMap, isSeq, readYamlFile, positionAt } from '../profile/parse-yaml.js';
import { TOOL_NAME } from '../version.js';
import { compareStrings } from '../util/compare.js';
import { UserError } from '../util/errors.js';

export const BASELINE_FILE = '.scale-advise-baseline.json';

export interface BaselineEntry {
  rule: string;
  /** the key path of the fact that triggered the finding; '' when it cites none */
  fact: string;
}

/**
 * The fact a finding is about: the first fact it cites that stands in the
 * profile (it has a line), else the first it cites. Stable when lines move.
 */
export function findingFact(f: Pick<Finding, 'evidence'>): string {
  return (f.evidence.find((e) => e.line !== null) ?? f.evidence[0])?.fact ?? '';
}

/** The key paths a finding is about: each component that makes it fire, else the fact that triggered it. */
export function findingSubjects(f: Pick<Finding, 'evidence' | 'components'>): string[] {
  return f.components?.length ? f.components.map(componentKey) : [findingFact(f)];
}

/** A finding's baseline entries: one per key path it is about. */
export function entriesOf(f: Pick<Finding, 'rule' | 'evidence' | 'components'>): BaselineEntry[] {
  return findingSubjects(f).map((fact) => ({ rule: f.rule, fact }));
}

export function sameEntry(a: BaselineEntry, b: BaselineEntry): boolean {
  return a.rule === b.rule && a.fact === b.fact;
}

function byKey(a: BaselineEntry, b: BaselineEntry): number {
  return compareStrings(a.rule, b.rule) || compareStrings(a.fact, b.fact);
}

/** The baseline file's content: sorted and one entry per line, so it diffs well. */
export function baselineText(findings: readonly Pick<Finding, 'rule' | 'evidence' | 'components'>[]): string {
  const entries = findings.flatMap(entriesOf).sort(byKey).filter((e, i, all) => i === 0 || !sameEntry(e, all[i - 1]!));
  const lines = entries.map((e) => `    ${JSON.stringify({ rule: e.rule, fact: e.fact })}`);
  const body = lines.length ? `[\n${lines.join(',\n')}\n  ]` : '[]';
  return `{\n  "tool": ${JSON.stringify(TOOL_NAME)},\n  "version": 1,\n  "entries": ${body}\n}\n`;
}

/** Read a baseline file; JSON is read with the YAML reader so a mistake is shown at its line and column. */
export function readBaseline(path: string, displayPath: string): BaselineEntry[] {
  const parsed = readYamlFile(path, displayPath);
  const root = parsed.doc.contents;
  const entries = isMap(root) ? root.get('entries', true) : undefined;
  if (!isSeq(entries)) {
    throw new UserError([{ file: displayPath, position: positionAt(parsed, []), message: 'a baseline is an object with an `entries` list; write it with `scale-advise check --update-baseline`' }]);
  }
  const data = (parsed.data as { entries: unknown[] }).entries;
  return data.map((e, i) => {
    const entry = e as Partial<BaselineEntry> | null;
    if (!entry || typeof entry.rule !== 'string' || typeof entry.fact !== 'string') {
      throw new UserError([{ file: displayPath, position: positionAt(parsed, ['entries', i]), message: `\`entries[${i}]\` must have a \`rule\` and a \`fact\` (strings)` }]);
    }
    return { rule: entry.rule, fact: entry.fact };
  });
}
