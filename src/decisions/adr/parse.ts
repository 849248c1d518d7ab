// Reads one ADR file, Nygard (as adr-tools writes it, or by hand) or MADR
// (4, and the `* Status:` lines of MADR 2/3 and log4brains), into an AdrRecord.
import { RULE_ID_PATTERN } from '../../generated/vocabulary.js';
import { basename } from 'node:path';
import { headings, proseLines, splitFrontMatter } from './markdown.js';
import { statusOf } from './status.js';
import type { AdrFormat, AdrLink, AdrRecord } from './types.js';

/** File names that are records: `NNNN-slug.md`, as adr-tools lists them. */
export const RECORD_FILE = /^(\d+)-[^/\\]*\.md$/;

export function recordNumber(file: string): number | null {
  const m = RECORD_FILE.exec(basename(file));
  return m ? Number.parseInt(m[1]!, 10) : null;
}

/** Rule ids as the rule schema defines them: one pattern for the catalog, waivers and records. */
const RULE_ID = new RegExp(RULE_ID_PATTERN);
/** `Type [label](0002-file.md)` on a line of its own, optionally as a list item. */
const LINK_LINE = /^\s*(?:[*+-]\s+)?(.+?)\s+\[([^\]]*)\]\(([^)\s]+)\)\s*\.?\s*$/;
const ADDRESSES_LINE = /^\s*(?:[*+-]\s+)?[*_]*addresses[*_]*\s*:[*_]*\s*(.*)$/i;
const META_LINE = /^\s*(?:[*+-]\s+)?[*_]*(status|date|deciders|decision-makers)[*_]*\s*:[*_]*\s*(.*)$/i;

export function parseLink(line: string): AdrLink | null {
  const m = LINK_LINE.exec(line);
  if (!m) return null;
  const file = safeDecode(m[3]!.replace(/^\.\//, '').split('#')[0]!);
  const target = recordNumber(file);
  if (target === null) return null;
  return { type: m[1]!.replace(/^[*_]+|[*_:]+$/g, '').trim(), target, file: basename(file), label: m[2]! };
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

export function parseRuleList(text: string): string[] {
  return text
    .replace(/[`[\]]/g, ' ')
    .split(/[\s,;]+/)
    .map((s) => s.trim().replace(/\.$/, ''))
    .filter((s) => RULE_ID.test(s));
}

function addressesFromFrontMatter(fm: Record<string, unknown>): string[] {
  const ours = fm['scale-advise'];
  if (!ours || typeof ours !== 'object') return [];
  const list = (ours as Record<string, unknown>).addresses;
  if (typeof list === 'string') return parseRuleList(list);
  if (Array.isArray(list)) return list.filter((x): x is string => typeof x === 'string' && RULE_ID.test(x.trim())).map((x) => x.trim());
  return [];
}

function text(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).trim();
}

const REVIEW_BY_LINE = /^\s*(?:[*+-]\s+)?[*_]*review-by[*_]*\s*:[*_]*\s*(\d{4}-\d{2}-\d{2})\b/i;

/** `review-by:` in MADR front matter, or a `Review-by: YYYY-MM-DD` line in the prose (Nygard). */
function reviewByOf(fm: Record<string, unknown> | undefined, prose: { line: string }[]): string | undefined {
  const fromFrontMatter = fm ? text(fm['review-by']) : null;
  if (fromFrontMatter && /^\d{4}-\d{2}-\d{2}$/.test(fromFrontMatter)) return fromFrontMatter;
  for (const { line } of prose) {
    const m = REVIEW_BY_LINE.exec(line);
    if (m) return m[1]!;
  }
  return undefined;
}

export function parseRecord(source: string, path: string): AdrRecord {
  const file = basename(path);
  const fm = splitFrontMatter(source);
  const body = fm ? fm.body : source.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/);
  const secs = headings(lines);
  const h1 = secs.find((s) => s.level === 1);
  const level2 = secs.filter((s) => s.level === 2);
  const headingTitle = h1?.title ?? '';
  const numbered = /^(\d+)\.\s+(.*)$/.exec(headingTitle);
  const number = recordNumber(file) ?? (numbered ? Number(numbered[1]) : 0);
  const title = (numbered ? numbered[2]! : headingTitle) || file.replace(/^\d+-|\.md$/g, '').replace(/-/g, ' ');
  const isMadr = Boolean(fm) || level2.some((s) => /^context and problem statement$/i.test(s.title)) || !level2.some((s) => /^status$/i.test(s.title));
  const format: AdrFormat = isMadr ? 'madr' : 'nygard';

  const prose = proseLines(lines);
  const meta = new Map<string, string>();
  for (const { line } of prose.slice(0, 40)) {
    const m = META_LINE.exec(line);
    if (m && !meta.has(m[1]!.toLowerCase())) meta.set(m[1]!.toLowerCase(), m[2]!.trim());
  }

  let statusText = '';
  let supersededLine = '';
  let links: AdrLink[] = [];
  const statusSection = level2.find((s) => /^status$/i.test(s.title));
  if (statusSection) {
    for (const { line } of proseLines(lines, statusSection.start + 1, statusSection.end)) {
      if (!line.trim()) continue;
      const link = parseLink(line);
      if (link) {
        links.push(link);
        if (!supersededLine && /^superseded by$/i.test(link.type)) supersededLine = line.trim();
      } else if (!statusText) statusText = line.trim();
    }
  }
  if (fm) {
    statusText = text(fm.data.status) ?? statusText;
  }
  if (!statusText) statusText = meta.get('status') ?? '';
  if (format === 'madr' || !statusSection) {
    // MADR has no status section; links stand on lines of their own, usually under "More Information".
    links = prose.map(({ line }) => parseLink(line)).filter((l): l is AdrLink => l !== null);
  }
  let status = statusOf(statusText);
  if (links.some((l) => /^superseded by$/i.test(l.type))) status = 'superseded';
  if (!statusText) {
    const superseding = links.find((l) => /^superseded by$/i.test(l.type));
    if (superseding) statusText = supersededLine || `${superseding.type} ${superseding.label}`;
  }

  const addresses = new Set<string>(fm ? addressesFromFrontMatter(fm.data) : []);
  for (const { line } of prose) {
    const m = ADDRESSES_LINE.exec(line);
    if (m) for (const id of parseRuleList(m[1]!)) addresses.add(id);
  }

  const dateLine = prose.find(({ line }) => /^date:\s*/i.test(line.trim()));
  const date = (fm && text(fm.data.date)) || (dateLine ? dateLine.line.trim().replace(/^date:\s*/i, '') : null) || meta.get('date') || null;

  const reviewBy = reviewByOf(fm?.data, prose);

  return {
    number,
    title: title.trim(),
    status,
    statusText,
    date,
    ...(reviewBy ? { reviewBy } : {}),
    format,
    addresses: [...addresses],
    links,
    path,
    file,
    frontMatter: fm?.data ?? {},
    sections: level2.map((s) => s.title),
  };
}
