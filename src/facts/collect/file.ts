// The record `scale-advise collect` leaves next to the profile, and the small
// reader `assess` uses. Kept free of the collectors so reading it costs nothing.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Fact } from '../../model.js';
import { UserError } from '../../util/errors.js';

export const COLLECTED_DIR = '.scale-advise';
export const COLLECTED_FILE = 'collected.json';

export type CollectSource = 'prometheus' | 'postgresql';

/** One measured value, with what measured it. URLs carry no credentials. */
export interface CollectedFact {
  id: string;
  value: number;
  source: CollectSource;
  /** the server, without user, password or token */
  url: string;
  /** the PromQL or SQL that produced the value */
  query: string;
  /** the time range the value covers (Prometheus), or the moment it was read (PostgreSQL) */
  range?: { start: string; end: string };
  at?: string;
  /** how the value was obtained when there is more than one way (e.g. rows rather than statements) */
  method?: string;
}

export interface NotCollected {
  fact: string | null;
  source: CollectSource;
  reason: string;
}

export interface CollectedRecord {
  schema_version: 1;
  tool: { name: string; version: string };
  collected_at: string;
  range: { duration: string; start: string; end: string } | null;
  sources: { source: CollectSource; url: string }[];
  facts: CollectedFact[];
  not_collected: NotCollected[];
}

export function collectedPath(profileDir: string): string {
  return join(profileDir, COLLECTED_DIR, COLLECTED_FILE);
}

const FACT_ID = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/**
 * The collected facts recorded next to the profile, as facts with provenance
 * `collected`; none when there is no record. A record that cannot be read is
 * the user's to fix (or to collect again), never silently ignored.
 */
export function readCollectedFacts(profileDir: string, displayDir = profileDir): Fact[] {
  const path = collectedPath(profileDir);
  if (!existsSync(path)) return [];
  const shown = join(displayDir, COLLECTED_DIR, COLLECTED_FILE);
  const fix = 'run `scale-advise collect` again, or delete the file';
  let record: Partial<CollectedRecord>;
  try {
    record = JSON.parse(readFileSync(path, 'utf8')) as Partial<CollectedRecord>;
  } catch (e) {
    throw new UserError([{ file: shown, position: null, message: `not a readable collected-facts record: ${(e as Error).message}`, hint: fix }]);
  }
  if (record?.schema_version !== 1 || !Array.isArray(record.facts)) {
    throw new UserError([{ file: shown, position: null, message: 'not a collected-facts record: expected `schema_version: 1` and a `facts` list', hint: fix }]);
  }
  return record.facts.map((f, i) => {
    if (!f || typeof f.id !== 'string' || !FACT_ID.test(f.id) || typeof f.value !== 'number' || !Number.isFinite(f.value)) {
      throw new UserError([{ file: shown, position: null, message: `facts[${i}] needs a dotted \`id\` and a numeric \`value\``, hint: fix }]);
    }
    return { id: f.id, value: f.value, provenance: 'collected', position: null, origin: `${f.source} ${f.url}: ${f.query}` };
  });
}
