import type { Assessment } from '../model.js';
import type { TextOptions } from './text.js';

export type ReportOptions = TextOptions;
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
