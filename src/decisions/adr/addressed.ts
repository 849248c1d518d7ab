// Which rules the records address: what the CI gate reads.
import { ADDRESSING_STATUSES } from './status.js';
import type { AdrStatus } from './types.js';
import type { AdrStore } from './store.js';

export interface AddressingRecord {
  number: number;
  title: string;
  status: AdrStatus;
  /** file name inside the ADR directory */
  file: string;
}

const PREFERENCE: Partial<Record<AdrStatus, number>> = { accepted: 3, rejected: 2, proposed: 1 };

/**
 * Rule id → the record that addresses it. Proposed, accepted and rejected
 * records count (a rejected option is a decision too); drafts, superseded
 * and deprecated records do not. When several do, an accepted one is
 * preferred, then the newest.
 */
export function addressedRules(store: Pick<AdrStore, 'list'>): Map<string, AddressingRecord> {
  const out = new Map<string, AddressingRecord>();
  for (const r of store.list()) {
    if (!ADDRESSING_STATUSES.includes(r.status)) continue;
    for (const id of r.addresses) {
      const have = out.get(id);
      const better = !have || (PREFERENCE[r.status] ?? 0) > (PREFERENCE[have.status] ?? 0) || ((PREFERENCE[r.status] ?? 0) === (PREFERENCE[have.status] ?? 0) && r.number > have.number);
      if (better) out.set(id, { number: r.number, title: r.title, status: r.status, file: r.file });
    }
  }
  return out;
}
