// `adr status N STATUS`: a record moves through proposed, accepted,
// rejected, deprecated and superseded, in its own format. Superseding
// writes both records, as `adr supersede` does.
import { UserError } from '../../util/errors.js';
import { addLink, markSuperseded, setMadrStatus, setNygardStatus } from './links.js';
import { nygardStatusWord } from './status.js';
import type { AdrStore } from './store.js';
import type { AdrRecord } from './types.js';

export const SETTABLE_STATUSES = ['draft', 'proposed', 'accepted', 'rejected', 'deprecated', 'superseded'] as const;
export type SettableStatus = (typeof SETTABLE_STATUSES)[number];

export interface StatusChange {
  record: AdrRecord;
  /** the superseding record */
  by: AdrRecord | null;
  /** the files written: the record, and the superseding one when it needed its "Supersedes" link */
  written: string[];
}

function checkStatus(word: string): SettableStatus {
  const s = word.trim().toLowerCase();
  if ((SETTABLE_STATUSES as readonly string[]).includes(s)) return s as SettableStatus;
  throw new UserError(`STATUS must be one of ${SETTABLE_STATUSES.join(', ')}; got "${word}"`);
}

const supersededBy = (r: AdrRecord) => r.links.find((l) => /^superseded by$/i.test(l.type));

export function changeStatus(store: AdrStore, ref: string, word: string, opts: { by?: string } = {}): StatusChange {
  const status = checkStatus(word);
  const record = store.find(ref);
  if (status !== 'superseded' && opts.by !== undefined) throw new UserError('--by names the superseding record; it goes only with the status superseded');
  const previous = supersededBy(record);
  if (record.status === 'superseded' && status !== 'superseded') {
    throw new UserError(`${record.file} is superseded${previous ? ` by ${previous.file}` : ''}; a superseded decision stays so. Write a new record (\`scale-advise adr supersede ${record.number} TITLE\`) to decide again`);
  }
  if (status === 'superseded') {
    if (opts.by === undefined) throw new UserError(`superseded needs --by RECORD, the record that replaces ${record.file}`);
    const by = store.find(opts.by);
    if (by.file === record.file) throw new UserError(`refusing to mark ${record.file} superseded by itself`);
    if (previous?.file === by.file) return { record, by, written: [] };
    if (previous) throw new UserError(`${record.file} is already superseded by ${previous.file}`);
    store.update(record.path, markSuperseded(record, store.readText(record.path), by));
    const written = [record.path];
    if (!by.links.some((l) => /^supersedes$/i.test(l.type) && l.file === record.file)) {
      store.update(by.path, addLink(by, store.readText(by.path), 'Supersedes', record));
      written.push(by.path);
    }
    return { record: store.readRecord(record.file), by: store.readRecord(by.file), written };
  }
  if (record.status === status) return { record, by: null, written: [] };
  const text = store.readText(record.path);
  store.update(record.path, record.format === 'nygard' ? setNygardStatus(text, nygardStatusWord(status)) : setMadrStatus(text, status));
  return { record: store.readRecord(record.file), by: null, written: [record.path] };
}
