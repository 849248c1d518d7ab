// The shapes the ADR module speaks in: a record as parsed from disk, and
// where the records live.

import { ADR_FORMATS } from '../../generated/vocabulary.js';
export { ADR_FORMATS };
export type AdrFormat = (typeof ADR_FORMATS)[number];

/** Status words normalised across Nygard, MADR and log4brains. */
export type AdrStatus = 'draft' | 'proposed' | 'accepted' | 'rejected' | 'deprecated' | 'superseded' | 'unknown';

/** A relation written in a record, e.g. `Supersedes [2. Use MySQL](0002-use-mysql.md)`. */
export interface AdrLink {
  /** the words before the link, as written: "Supersedes", "Amended by" */
  type: string;
  /** the number of the record linked to, from its file name */
  target: number;
  /** the linked file name, as written */
  file: string;
  /** the link text, e.g. "2. Use MySQL" */
  label: string;
  /** 1-based line of the link in the file */
  line: number;
}

/** 1-based lines of what a record says about itself, for messages that point at them. */
export interface AdrLines {
  title: number | null;
  status: number | null;
  date: number | null;
  reviewBy: number | null;
}

export interface AdrRecord {
  number: number;
  title: string;
  status: AdrStatus;
  /** the status as written, first line of it */
  statusText: string;
  date: string | null;
  /** when the decision should be looked at again: `review-by:` (MADR) or `Review-by:` (Nygard) */
  reviewBy: string | null;
  format: AdrFormat;
  /** rule ids the record says it addresses */
  addresses: string[];
  links: AdrLink[];
  /** absolute path */
  path: string;
  /** file name inside the ADR directory */
  file: string;
  /** MADR front matter as parsed (empty for Nygard) */
  frontMatter: Record<string, unknown>;
  /** level-2 section titles in order of appearance */
  sections: string[];
  lines: AdrLines;
}

/** How the ADR directory was found. */
export type AdrDirSource =
  | 'option'
  | 'adr-dir-file'
  | 'log4brains'
  | 'doc/adr'
  | 'docs/decisions'
  | 'docs/adr'
  | 'doc/architecture/decisions'
  | 'profile'
  | 'default';

export interface AdrLocation {
  /** absolute path of the ADR directory (may not exist yet) */
  dir: string;
  format: AdrFormat;
  source: AdrDirSource;
  /** the directory the location was found from (where `.adr-dir` lives, say) */
  root: string;
}
