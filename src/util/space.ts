// Whitespace runs to one space, ends trimmed: what `.replace(/\s+/g, ' ').trim()`
// gives, without replacing every single space of already tidy prose (most of
// a rule's text), which made it one of the costlier steps of an evaluation.
const UNTIDY = /\s{2,}|[^\S ]/g;

export function collapseSpace(text: string): string {
  return text.replace(UNTIDY, ' ').trim();
}
