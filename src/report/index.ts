import type { Assessment, RuleKind, Severity } from '../model.js';
import type { CheckOutcome } from '../decisions/check.js';
import type { TextOptions } from './text.js';

/** What SARIF and JUnit say about each evaluated rule, beyond its findings. */
export interface RuleDoc {
  id: string;
  title: string;
  kind: RuleKind;
  severity: Severity;
  topics: string[];
  /** the rule's rationale, in full */
  description: string;
  /** the rule's section in docs/rules.md; user rules have none */
  helpUri?: string;
}

export interface ReportOptions extends TextOptions {
  /** the gate's verdict, for `check` */
  check?: CheckOutcome;
  /** every rule that was evaluated, passing ones included (SARIF rules, JUnit test cases) */
  rules?: readonly RuleDoc[];
}
export type Formatter = (a: Assessment, opts: ReportOptions) => string;

/**
 * One registry of formatters; commands look them up by name. Each is loaded
 * when asked for, so a JSON run never loads the terminal colouring library.
 */
export const FORMATTERS: Record<string, () => Promise<Formatter>> = {
  text: async () => (await import('./text.js')).formatText,
  json: async () => (await import('./json.js')).formatJson,
  markdown: async () => (await import('./markdown.js')).formatMarkdown,
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);

/** `check` prints the gate's verdict with every report, and adds the CI formats. */
export const CHECK_FORMATTERS: Record<string, () => Promise<Formatter>> = {
  text: async () => (await import('./check-text.js')).formatCheckText,
  json: async () => (await import('./check-json.js')).formatCheckJson,
  markdown: async () => (await import('./check-markdown.js')).formatCheckMarkdown,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  junit: async () => (await import('./junit.js')).formatJunit,
  github: async () => (await import('./github.js')).formatGithub,
};

export const CHECK_FORMAT_NAMES = Object.keys(CHECK_FORMATTERS);

/** Formats that need every evaluated rule's metadata in the context. */
export const NEEDS_RULE_DOCS = new Set(['sarif', 'junit']);
