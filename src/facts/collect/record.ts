// Writing what `collect` measured: the record next to the profile, or the
// profile itself (--write-profile); and the summary the user reads.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { formatValue } from '../../engine/format-value.js';
import { writeFileSafely } from '../../util/write.js';
import { fsProblem } from '../../util/fs-errors.js';
import { collectedPath, type CollectedRecord } from './file.js';
import { updateProfileText, type ProfileUpdate } from './write-profile.js';
import { rewriteProfile } from '../../profile/edit.js';

/** A file we wrote before may be replaced; anything else at that path only with --force. */
function isOurRecord(path: string): boolean {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<CollectedRecord>;
    return data.schema_version === 1 && data.tool?.name === 'scale-advise';
  } catch {
    return false;
  }
}

export function writeRecord(profileDir: string, record: CollectedRecord, force = false): string {
  const path = collectedPath(profileDir);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (e) {
    throw fsProblem(e, 'create', dirname(path));
  }
  writeFileSafely(path, JSON.stringify(record, null, 2) + '\n', force || (existsSync(path) && isOurRecord(path)));
  return path;
}

/** Update the profile in place; the result must still be a valid profile, or nothing is written. */
export function writeProfile(profilePath: string, displayPath: string, record: CollectedRecord): ProfileUpdate {
  let update: ProfileUpdate = { text: '', updated: [], added: [] };
  rewriteProfile(
    profilePath,
    displayPath,
    (text) => {
      update = updateProfileText(text, record.facts, record.collected_at.slice(0, 10));
      return update.updated.length || update.added.length ? update.text : null;
    },
    'the collected values',
  );
  return update;
}

/** What was measured, by whom, and what was not: plain text for the terminal. */
export function formatCollectSummary(record: CollectedRecord): string {
  const out: string[] = [];
  const range = record.range ? ` over ${record.range.duration} to ${record.range.end}` : '';
  out.push(`Collected ${record.facts.length} fact${record.facts.length === 1 ? '' : 's'}${range}:`);
  const width = Math.max(0, ...record.facts.map((f) => f.id.length));
  for (const f of record.facts) out.push(`  ${f.id.padEnd(width)}  ${formatValue(f.value).padStart(10)}  ${f.source}${f.method ? `, ${f.method}` : ''}`);
  if (record.not_collected.length) {
    out.push('', `Not collected (${record.not_collected.length}):`);
    for (const n of record.not_collected) out.push(`  ${n.fact ?? n.source}: ${n.reason}`);
  }
  return out.join('\n') + '\n';
}
