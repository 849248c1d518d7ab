// Reads one ADR file, Nygard (as adr-tools writes it, or by hand) or MADR
// (4, and the `* Status:` lines of MADR 2/3 and log4brains), into an AdrRecord.
import { RULE_ID_PATTERN } from '../../generated/vocabulary.js';
import { basename } from 'node:path';
import { headings, proseLines, splitFrontMatter } from './markdown.js';
import { statusOf } from './status.js';
import type { AdrFormat, AdrLines, AdrLink, AdrRecord } from './types.js';
import { isoDay } from '../../util/iso-day.js';

/** File names that are records: `NNNN-slug.md`, as adr-tools lists them. */
export const RECORD_FILE = /^(\d+)-[^/\\]*\.md$/;

export function recordNumber(file: string): number | null {
  const m = RECORD_FILE.exec(basename(file));
  return m ? Number.parseInt(m[1]!, 10) : null;
}

/** `20240601-slug.md`: a log4brains record, named by its creation date. */
export function isDateNamed(file: string): boolean {
  const m = /^((?:19|20)\d\d)(\d\d)(\d\d)-/.exec(file);
  return Boolean(m) && Number(m![2]) >= 1 && Number(m![2]) <= 12 && Number(m![3]) >= 1 && Number(m![3]) <= 31;
}

/** Rule ids as the rule schema defines them: one pattern for the catalog, waivers and records. */
const RULE_ID = new RegExp(RULE_ID_PATTERN);
/** `Type [label](0002-file.md)` on a line of its own, optionally as a list item. */
const LINK_LINE = /^\s*(?:[*+-]\s+)?(.+?)\s+\[([^\]]*)\]\(([^)\s]+)\)\s*\.?\s*$/;
const ADDRESSES_LINE = /^\s*(?:[*+-]\s+)?[*_]*addresses[*_]*\s*:[*_]*\s*(.*)$/i;
const META_LINE = /^\s*(?:[*+-]\s+)?[*_]*(status|date|deciders|decision-makers|review[- ]by)[*_]*\s*:[*_]*\s*(.*)$/i;

export function parseLink(line: string, lineNumber = 0): AdrLink | null {
  const m = LINK_LINE.exec(line);
  if (!m) return null;
  const file = safeDecode(m[3]!.replace(/^\.\//, '').split('#')[0]!);
  const target = recordNumber(file);
  if (target === null) return null;
  // MADR 2 and log4brains write the link on the status line: `* Status: superseded by [x](x.md)`.
  const type = m[1]!.replace(/^[*_]+|[*_:]+$/g, '').replace(/^status[*_]*\s*:[*_]*\s*/i, '').trim();
  return { type, target, file: basename(file), label: m[2]!, line: lineNumber };
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
  if (value instanceof Date) return isoDay(value);
  return String(value).trim();
}

/** The 1-based file line of a front-matter key, or null. */
function frontMatterLine(raw: string, key: string): number | null {
  const i = raw.split('\n').findIndex((l) => new RegExp(`^${key}\\s*:`).test(l));
  return i < 0 ? null : i + 2;
}

export function parseRecord(source: string, path: string): AdrRecord {
  const file = basename(path);
  const fm = splitFrontMatter(source);
  const body = fm ? fm.body : source.replace(/^\uFEFF/, '');
  const lines = body.split(/\r?\n/);
  /** body line index → file line */
  const at = (index: number) => index + 1 + (fm ? fm.lines : 0);
  const secs = headings(lines);
  const h1 = secs.find((s) => s.level === 1);
  const level2 = secs.filter((s) => s.level === 2);
  const headingTitle = h1?.title ?? '';
  const numbered = /^(\d+)\.\s+(.*)$/.exec(headingTitle);
  const number = recordNumber(file) ?? (numbered ? Number(numbered[1]) : 0);
  const title = (numbered ? numbered[2]! : headingTitle) || file.replace(/^\d+-|\.md$/g, '').replace(/-/g, ' ');
  const isMadr = Boolean(fm) || level2.some((s) => /^context and problem statement$/i.test(s.title)) || !level2.some((s) => /^status$/i.test(s.title));
  const format: AdrFormat = isMadr ? 'madr' : 'nygard';
  const found: AdrLines = { title: h1 ? at(h1.start) : null, status: null, date: null, reviewBy: null };

  const prose = proseLines(lines);
  const meta = new Map<string, { value: string; line: number }>();
  for (const { line, index } of prose.slice(0, 40)) {
    const m = META_LINE.exec(line);
    const key = m?.[1]!.toLowerCase().replace(' ', '-');
    if (m && key && !meta.has(key)) meta.set(key, { value: m[2]!.trim(), line: at(index) });
  }

  let statusText = '';
  let supersededLine = '';
  let links: AdrLink[] = [];
  const statusSection = level2.find((s) => /^status$/i.test(s.title));
  if (statusSection) {
    for (const { line, index } of proseLines(lines, statusSection.start + 1, statusSection.end)) {
      if (!line.trim()) continue;
      const link = parseLink(line, at(index));
      if (link) {
        links.push(link);
        if (!supersededLine && /^superseded by$/i.test(link.type)) {
          supersededLine = line.trim();
          found.status ??= at(index);
        }
      } else if (!statusText) {
        statusText = line.trim();
        found.status = at(index);
      }
    }
  }
  if (fm && text(fm.data.status) !== null) {
    statusText = text(fm.data.status)!;
    found.status = frontMatterLine(fm.raw, 'status');
  }
  if (!statusText && meta.has('status')) {
    statusText = meta.get('status')!.value;
    found.status = meta.get('status')!.line;
  }
  if (format === 'madr' || !statusSection) {
    // MADR has no status section; links stand on lines of their own, usually under "More Information".
    links = prose.map(({ line, index }) => parseLink(line, at(index))).filter((l): l is AdrLink => l !== null);
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

  let date: string | null = null;
  const dateLine = prose.find(({ line }) => /^date:\s*/i.test(line.trim()));
  if (fm && text(fm.data.date)) {
    date = text(fm.data.date);
    found.date = frontMatterLine(fm.raw, 'date');
  } else if (dateLine) {
    date = dateLine.line.trim().replace(/^date:\s*/i, '') || null;
    found.date = at(dateLine.index);
  } else if (meta.has('date')) {
    date = meta.get('date')!.value || null;
    found.date = meta.get('date')!.line;
  }

  let reviewBy: string | null = null;
  if (fm && text(fm.data['review-by'])) {
    reviewBy = text(fm.data['review-by']);
    found.reviewBy = frontMatterLine(fm.raw, 'review-by');
  } else if (meta.has('review-by')) {
    reviewBy = meta.get('review-by')!.value || null;
    found.reviewBy = meta.get('review-by')!.line;
  }


  return {
    number,
    title: title.trim(),
    status,
    statusText,
    date,
    reviewBy,
    format,
    addresses: [...addresses],
    links,
    path,
    file,
    frontMatter: fm?.data ?? {},
    sections: level2.map((s) => s.title),
    lines: found,
  };
}
