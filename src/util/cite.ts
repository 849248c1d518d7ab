import type { RuleSource } from '../model.js';

/**
 * How a report, an ADR or a doc names a source: its title, with publisher and
 * date where known; a user's rule may cite a URL, which stands for itself.
 * Markdown (ADRs) sets the title in italics rather than quotes.
 */
export function citeSource(s: RuleSource, quote = '"'): string {
  if (!s.title) return s.seed;
  const meta = [s.publisher, s.date].filter(Boolean).join(', ');
  return `${quote}${s.title}${quote}${meta ? ` (${meta})` : ''}`;
}
