// Report phrases shared by the text and Markdown formatters: the header and
// the stage said in words rather than as fact ids.
import { DIMENSIONS, STAGE_NAMES, type Assessment, type StageResult } from '../model.js';
import { formatValue } from '../engine/format-value.js';

const UNIT_SUFFIXES: [RegExp, string][] = [
  [/_gb$/, ' (GB)'],
  [/_pct$/, ' (%)'],
  [/_rps$/, ' (requests/s)'],
  [/_qps_peak$/, ' at peak (per second)'],
  [/_30d$/, ' in 30 days'],
  [/_90d$/, ' in 90 days'],
  [/_12m$/, ' in 12 months'],
];

/** `traffic.monthly_active_users` → "monthly active users"; `database.size_gb` → "database size (GB)". */
export function factWords(id: string): string {
  const [section, ...rest] = id.split('.');
  let leaf = rest.join(' ');
  let unit = '';
  for (const [re, words] of UNIT_SUFFIXES) {
    if (re.test(leaf)) {
      leaf = leaf.replace(re, '');
      unit = words;
      break;
    }
  }
  const words = leaf.replace(/_/g, ' ');
  // "traffic.monthly_active_users" needs no section; "database.size" does.
  const needsSection = section && !['traffic', 'team', 'derived'].includes(section) && !words.includes(section);
  return `${needsSection ? `${section} ` : ''}${words}${unit}`;
}

/** "acme-shop · scale-advise.yaml": the project's name, when the profile gives one, and the profile read. */
export function reportSubject(a: Pick<Assessment, 'project' | 'profilePath'>): string {
  return a.project ? `${a.project} · ${a.profilePath}` : a.profilePath;
}

/** The stage in a sentence: "Stage: Growth, placed by monthly active users (48,000); default model." */
export function stageSentence(s: StageResult): string {
  if (!s.id) return `Stage: unknown; the profile gives none of the facts the ${s.model} model places a system by.`;
  const by = s.decided_by ? `, placed by ${factWords(s.decided_by.fact)} (${formatValue(s.decided_by.value)})` : '';
  return `Stage: ${s.name}${by}; ${s.model} stage model.`;
}

/** "Traffic is at the Growth stage, data at Growth, organization at Scale." Unknown dimensions are said so. */
export function dimensionsSentence(s: StageResult): string {
  const parts = DIMENSIONS.map((d) => `${d} at ${s.dimensions[d] ? STAGE_NAMES[s.dimensions[d]!] : 'an unknown stage'}`);
  const first = parts[0]!.replace(/ at /, ' is at ');
  return `By dimension: ${first}, ${parts.slice(1).join(', ')}.`;
}
