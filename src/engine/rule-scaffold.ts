// `rules new ID`: a rule that works as written, with comments on each field,
// and the two test profiles `rules test` needs. Built as YAML documents (the
// comments are node comments), never as text templates.
import { Document, isMap, isScalar } from 'yaml';
import { RULE_ID_PATTERN } from '../generated/vocabulary.js';
import { UserError } from '../util/errors.js';

const FIELD_COMMENTS: Record<string, string> = {
  id: ' The rule id: kebab-case, the same as the file name. ADRs and waivers refer to it.',
  title: ' One line naming the advice.',
  kind: ' warning-sign (a symptom now) | pitfall (a choice that hurts at this stage) | recommendation (the next step)',
  severity: ' critical | high | medium | low | info',
  stages: ' Growth stages at which the rule applies: mvp, growth, scale, enterprise.',
  topics: ' From the fixed vocabulary: `scale-advise rules --help` lists the --topic values.',
  when:
    ' A CEL condition over facts (docs/custom-rules.md lists them with their types).\n' +
    ' Numbers from the profile are doubles: compare with 250 or 250.0, but multiply by 2.0, not 2.',
  message: ' What was found. {fact.id} inserts a fact; {= expression} a computed value.',
  recommendation: ' What to do about it.',
  rationale: ' Why it matters, in your own words.',
  sources: ' Where the advice comes from: a URL and the point it makes.',
};

function ruleDocument(id: string): string {
  const doc = new Document({
    id,
    title: 'Load-test before traffic passes the tested range',
    kind: 'warning-sign',
    severity: 'medium',
    stages: ['mvp', 'growth', 'scale', 'enterprise'],
    topics: ['horizontal-scaling'],
    when: 'traffic.peak_rps >= 250',
    message: 'Peak traffic is {traffic.peak_rps} requests per second, twice that is {= traffic.peak_rps * 2.0}.',
    recommendation: 'Extend the load tests to twice the current peak before the next campaign.',
    rationale: 'Load tests stop being representative above the traffic they were written for.',
    sources: [{ seed: 'https://example.com/your-load-testing-guide', point: 'The tested range of our load tests.' }],
  });
  if (isMap(doc.contents)) {
    for (const pair of doc.contents.items) {
      if (isScalar(pair.key)) pair.key.commentBefore = FIELD_COMMENTS[String(pair.key.value)] ?? null;
    }
  }
  doc.commentBefore = ' A custom rule for scale-advise (docs/custom-rules.md). Test it with: scale-advise rules test DIR';
  return doc.toString({ lineWidth: 0 });
}

function fixtureDocument(comment: string, peakRps: number): string {
  const doc = new Document({ version: 1, traffic: { monthly_active_users: 20000, peak_rps: peakRps } });
  doc.commentBefore = comment;
  return doc.toString();
}

/** The three files of a new rule, by file name. */
export function scaffoldRule(id: string): Record<string, string> {
  if (!new RegExp(RULE_ID_PATTERN).test(id) || id.length > 64) {
    throw new UserError(`rule id "${id.slice(0, 80)}" must be kebab-case (lower-case letters, digits and dashes, starting with a letter), at most 64 characters`);
  }
  if (/^(fires|silent)/.test(id)) throw new UserError(`rule id "${id}" may not start with "fires" or "silent": such files are test profiles`);
  return {
    [`${id}.yaml`]: ruleDocument(id),
    [`fires-${id}.yaml`]: fixtureDocument(` A profile on which ${id} must fire (scale-advise rules test).`, 300),
    [`silent-${id}.yaml`]: fixtureDocument(` A profile on which ${id} must be evaluated and stay silent.`, 100),
  };
}
