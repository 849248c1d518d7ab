// Checks a MADR record against MADR 4's names: the front-matter keys its
// template defines and its section titles, in MADR's order.
import { headings, splitFrontMatter } from './markdown.js';

/** MADR 4's optional front-matter elements, plus our own: rule links and the review date. */
export const MADR_FRONT_MATTER_KEYS = ['status', 'date', 'review-by', 'decision-makers', 'consulted', 'informed', 'scale-advise'] as const;
/** Required by MADR 4 (adr-template-minimal.md). */
export const MADR_REQUIRED_SECTIONS = ['Context and Problem Statement', 'Considered Options', 'Decision Outcome'] as const;
export const MADR_OPTIONAL_SECTIONS = ['Decision Drivers', 'Pros and Cons of the Options', 'More Information'] as const;
/** The order of MADR 4's template. */
const MADR_ORDER: readonly string[] = ['Context and Problem Statement', 'Decision Drivers', 'Considered Options', 'Decision Outcome', 'Pros and Cons of the Options', 'More Information'];
/** Level-3 sections MADR 4 places under Decision Outcome. */
export const MADR_OUTCOME_SUBSECTIONS = ['Consequences', 'Confirmation'] as const;

export function checkMadr(text: string): string[] {
  const problems: string[] = [];
  const fm = splitFrontMatter(text);
  if (fm) {
    if (fm.invalid) problems.push(`front matter is not valid YAML: ${fm.invalid}`);
    for (const key of Object.keys(fm.data)) {
      if (!(MADR_FRONT_MATTER_KEYS as readonly string[]).includes(key)) problems.push(`front matter key "${key}" is not a MADR 4 element`);
    }
    const ours = fm.data['scale-advise'];
    if (ours !== undefined) {
      const list = (ours as { addresses?: unknown } | null)?.addresses;
      if (!Array.isArray(list) || list.some((x) => typeof x !== 'string')) problems.push('`scale-advise.addresses` must be a list of rule ids');
    }
  }
  const lines = (fm ? fm.body : text).split('\n');
  const hs = headings(lines);
  const h1 = hs.filter((h) => h.level === 1);
  if (h1.length !== 1) problems.push(`expected one level-1 title, found ${h1.length}`);
  const known = [...MADR_REQUIRED_SECTIONS, ...MADR_OPTIONAL_SECTIONS] as readonly string[];
  const order = hs.filter((h) => h.level === 2).map((h) => h.title);
  for (const t of order) if (!known.includes(t)) problems.push(`section "${t}" is not a MADR 4 section`);
  for (const t of MADR_REQUIRED_SECTIONS) if (!order.includes(t)) problems.push(`missing the required section "${t}"`);
  const present = order.filter((t) => MADR_ORDER.includes(t));
  const sorted = MADR_ORDER.filter((t) => present.includes(t));
  if (present.join('|') !== sorted.join('|')) problems.push(`sections are out of MADR 4's order: ${order.join(', ')}`);
  const outcome = hs.find((h) => h.level === 2 && h.title === 'Decision Outcome');
  for (const h of hs.filter((x) => x.level === 3 && outcome && x.start > outcome.start && x.start < outcome.end)) {
    if (!(MADR_OUTCOME_SUBSECTIONS as readonly string[]).includes(h.title)) problems.push(`"### ${h.title}" is not a MADR 4 subsection of Decision Outcome`);
  }
  return problems;
}
