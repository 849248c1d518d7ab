import type { RuleSource } from '../model.js';

/**
 * How a report, an ADR or a doc names a source: its title, with publisher and
 * date where known; a user's rule may cite a URL, which stands for itself.
 */
export function citeSource(s: RuleSource): string {
  if (!s.title) return s.seed;
  const meta = [s.publisher, s.date].filter(Boolean).join(', ');
  return `"${s.title}"${meta ? ` (${meta})` : ''}`;
}
