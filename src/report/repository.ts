import type { Assessment } from '../model.js';

/**
 * What a report says about the repository: with no profile, that the
 * assessment rests on detected facts alone, what that leaves unknown, and
 * how to fix it; then whatever detection could not judge.
 */
export function repositoryLines(a: Assessment): string[] {
  const r = a.repository;
  if (!r) return [];
  const out: string[] = [];
  if (r.withoutProfile) {
    out.push(
      `No profile found: this assessment rests only on the ${r.detected} fact${r.detected === 1 ? '' : 's'} detected in the repository. ` +
        `It could not know ${r.unknown.length ? `anything about ${r.unknown.join(', ')}` : 'what only the team knows'}: ` +
        'numbers such as traffic, latency, database load and cost are not in the code. ' +
        'Run `scale-advise init` to write a profile; it asks only what the repository cannot tell.',
    );
  }
  for (const n of r.notes) out.push(`Detection: ${n}.`);
  return out;
}
