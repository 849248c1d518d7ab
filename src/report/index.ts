import type { Assessment } from '../model.js';
import { formatJson } from './json.js';
import { formatMarkdown } from './markdown.js';
import { formatText, type TextOptions } from './text.js';

export type ReportOptions = TextOptions;
export type Formatter = (a: Assessment, opts: ReportOptions) => string;

/** One registry of formatters; commands look them up by name. */
export const FORMATTERS: Record<string, Formatter> = {
  text: formatText,
  json: (a) => formatJson(a),
  markdown: (a) => formatMarkdown(a),
};

export const FORMAT_NAMES = Object.keys(FORMATTERS);
