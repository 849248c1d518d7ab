import type { Assessment, Rule, RuleCore } from '../model.js';
import type { FactInfo } from '../engine/catalog-types.js';
import type { RuleTestReport } from '../engine/rule-tests.js';
import type { AdrRecord } from '../decisions/adr/types.js';
import type { CheckReport } from '../decisions/check.js';
import { UserError } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import type { Portfolio } from './portfolio.js';

/** What every formatter may use besides its subject. */
export interface ReportContext {
  /** 0 = no colour; 1–3 = chalk levels */
  colorLevel: 0 | 1 | 2 | 3;
  /** columns to wrap text to */
  width?: number;
  /** full recommendations, evidence and sources */
  verbose?: boolean;
  /** every rule of the run's catalog, by id: what SARIF and HTML describe rules with */
  rules?: ReadonlyMap<string, RuleCore>;
  /** the fact dictionary (unit, meaning), for formatters that explain facts */
  facts?: ReadonlyMap<string, FactInfo>;
  /** the day a dated output (the roadmap's chart) starts from */
  now?: Date;
}

export type Formatter<T> = (subject: T, ctx: ReportContext) => string;

/** The catalog listing `rules` prints: the rules that passed the filters, out of how many. */
export interface RuleList {
  rules: readonly RuleCore[];
  total: number;
}

/** What each view formats. */
export interface Views {
  assessment: Assessment;
  rules: RuleList;
  rule: Rule;
  /** what `rules test` found */
  'rule-tests': RuleTestReport;
  roadmap: Assessment;
  /** `check`: the assessment with the gate's verdict */
  check: CheckReport;
  /** `adr list`: the records of a directory */
  adrs: AdrList;
  /** `assess --explain-facts`: every fact of an assessment with its provenance and origin */
  facts: Assessment;
  /** `portfolio`: many systems' JSON reports side by side */
  portfolio: Portfolio;
}

/** The records `adr list` prints, with where they live and the day review dates are judged on. */
export interface AdrList {
  dir: string;
  format: string;
  records: readonly AdrRecord[];
  /** YYYY-MM-DD */
  today: string;
  /** a record's path as the user should see it */
  show: (path: string) => string;
}

type Registry = { [V in keyof Views]: Record<string, () => Promise<Formatter<Views[V]>>> };

/**
 * The one registry of formatters: per view, per format name. Each formatter
 * is a pure function loaded when asked for, so a JSON run never loads the
 * terminal colouring library.
 */
export const REPORTS: Registry = {
  adrs: {
    text: async () => (await import('./adr-list.js')).formatAdrListText,
    json: async () => (await import('./adr-list.js')).formatAdrListJson,
  },
  assessment: {
    text: async () => (await import('./text.js')).formatText,
    json: async () => (await import('./json.js')).formatJson,
    markdown: async () => (await import('./markdown.js')).formatMarkdown,
    html: async () => (await import('./html.js')).formatHtml,
  },
  rules: {
    text: async () => (await import('./rules.js')).formatRulesText,
    json: async () => (await import('./rules.js')).formatRulesJson,
  },
  rule: {
    text: async () => (await import('./rules.js')).formatRuleText,
    json: async () => (await import('./rules.js')).formatRuleJson,
  },
  'rule-tests': {
    text: async () => (await import('./rule-tests.js')).formatRuleTestsText,
    json: async () => (await import('./rule-tests.js')).formatRuleTestsJson,
  },
  roadmap: {
    text: async () => (await import('./roadmap-text.js')).formatRoadmapText,
    markdown: async () => (await import('./roadmap-markdown.js')).formatRoadmapMarkdown,
    json: async () => (await import('./json.js')).formatJson,
  },
  check: {
    text: async () => (await import('./check-text.js')).formatCheckText,
    json: async () => (await import('./check-json.js')).formatCheckJson,
    markdown: async () => (await import('./check-markdown.js')).formatCheckMarkdown,
    sarif: async () => (await import('./sarif.js')).formatSarif,
    junit: async () => (await import('./junit.js')).formatJunit,
    github: async () => (await import('./github.js')).formatGithub,
    html: async () => (await import('./check-html.js')).formatCheckHtml,
  },
  portfolio: {
    text: async () => (await import('./portfolio.js')).formatPortfolioText,
    json: async () => (await import('./portfolio.js')).formatPortfolioJson,
    markdown: async () => (await import('./portfolio.js')).formatPortfolioMarkdown,
    html: async () => (await import('./portfolio-html.js')).formatPortfolioHtml,
  },
  facts: {
    text: async () => (await import('./facts.js')).formatFactsText,
    json: async () => (await import('./facts.js')).formatFactsJson,
  },
};

export const formatNames = (view: keyof Views): string[] => Object.keys(REPORTS[view]);

/** The assessment formatters, as `assess` offers them. */
export const FORMATTERS = REPORTS.assessment;
export const FORMAT_NAMES = formatNames('assessment');

/** An unknown format name is a usage error, said before any work is done. */
export function checkFormat(view: keyof Views, format: string): void {
  if (REPORTS[view][format]) return;
  const names = formatNames(view);
  const near = closest(format, names);
  throw new UserError(`--format must be one of ${names.join(', ')}; got "${format}"${near ? ` (did you mean "${near}"?)` : ''}`);
}

/** Format a subject with a named format of its view. */
export async function render<V extends keyof Views>(view: V, format: string, subject: Views[V], ctx: ReportContext): Promise<string> {
  checkFormat(view, format);
  const load = REPORTS[view][format] as () => Promise<Formatter<Views[V]>>;
  return (await load())(subject, ctx);
}
