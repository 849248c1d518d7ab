// What a config template is (its manifest, read at build time from
// templates/config/<name>/manifest.yaml) and what rendering one produces.

export interface ParamSpec {
  type: 'number' | 'integer' | 'string';
  description: string;
  /** absent: the parameter is optional and the template says what it does without it */
  default?: number | string;
  min?: number;
  max?: number;
  /** allowed strings */
  enum?: string[];
  /** a regular expression a string must match whole */
  pattern?: string;
  /** what the pattern means, for the error message */
  pattern_hint?: string;
  /** the default is the threshold at which this rule fires on this fact; the build keeps them equal */
  rule_threshold?: { rule: string; fact: string };
}

export interface TemplateManifest {
  name: string;
  title: string;
  purpose: string;
  /** the tool that reads the generated files, and how they are checked */
  consumer: string;
  files: string[];
  reads: { required: string[]; optional: string[] };
  params: Record<string, ParamSpec>;
  /** how each value is computed (Markdown), for docs/scaffold.md */
  computation: string;
  /** rules whose `templates:` name this template; filled in at build */
  rules: string[];
}

export type ParamValue = number | string;

/** One line of a file's header: an input, a parameter, or a computed value and how. */
export interface Note {
  kind: 'fact' | 'param' | 'computed' | 'missing';
  text: string;
}

export interface RenderedFile {
  /** relative to the template's own output folder */
  path: string;
  text: string;
}

/**
 * What a template's computation hands back: YAML as an object, or text with
 * the comment marker of its format. The header is added after computing, so
 * it holds every note.
 */
export type Artefact = { path: string; yaml: unknown } | { path: string; text: string; commentPrefix: string };

export interface RenderResult {
  template: string;
  files: RenderedFile[];
  notes: Note[];
}
