// Edits to an existing record's text when records are linked or one
// supersedes another. Nygard records are edited as adr-tools 3 edits them:
// a link line and a blank line at the end of the Status section, and the
// old status word removed when the record is superseded. MADR records keep
// the status in front matter and links under "More Information".
import { parseDocument } from 'yaml';
import { headings, splitFrontMatter } from './markdown.js';
import { parseLink } from './parse.js';
import type { AdrRecord } from './types.js';

/** The link text for a record: its heading as adr-tools reads it (`2. Use MySQL`), or `ADR-0002: Title` for MADR. */
export function linkLabel(r: AdrRecord): string {
  const label = r.format === 'nygard' ? `${r.number}. ${r.title}` : `ADR-${String(r.number).padStart(4, '0')}: ${r.title}`;
  return label.replace(/[[\]]/g, (c) => `\\${c}`);
}

export function linkLine(type: string, target: AdrRecord): string {
  return `${type} [${linkLabel(target)}](${encodeURI(target.file)})`;
}

function statusBounds(lines: string[]): { start: number; end: number } | null {
  const s = headings(lines).find((h) => h.level === 2 && /^status$/i.test(h.title));
  if (!s) return null;
  // adr-tools ends the section at the next line starting with `##`
  let end = lines.findIndex((l, i) => i > s.start && /^##/.test(l));
  if (end < 0) end = lines.length;
  return { start: s.start, end };
}

/** A record without a Status section gets one under its title, holding `line`. */
function withStatusSection(lines: string[], line: string): string {
  const h1 = lines.findIndex((l) => /^#\s/.test(l));
  lines.splice(h1 + 1, 0, '', '## Status', '', line);
  return lines.join('\n');
}

/** Put a status word on the first plain line of a Nygard Status section, above its links. */
export function setNygardStatus(text: string, word: string): string {
  const lines = text.split('\n');
  const b = statusBounds(lines);
  if (!b) return withStatusSection(lines, word);
  for (let i = b.start + 1; i < b.end; i++) {
    const l = lines[i]!;
    if (!l.trim()) continue;
    if (parseLink(l)) break;
    lines[i] = word;
    return lines.join('\n');
  }
  lines.splice(b.start + 1, 0, '', word);
  return lines.join('\n');
}

/** Add `TYPE [label](file)` to a Nygard record's Status section. */
export function addNygardLink(text: string, line: string): string {
  const lines = text.split('\n');
  const b = statusBounds(lines);
  if (!b) return withStatusSection(lines, line);
  if (b.end === lines.length) {
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return [...lines, '', line, ''].join('\n');
  }
  lines.splice(b.end, 0, line, '');
  return lines.join('\n');
}

const PLAIN_STATUS = /^\s*(accepted|proposed|draft|approved|agreed|pending)\s*\.?\s*$/i;

/** Drop the plain status word from a Nygard Status section (adr-tools drops `Accepted`), and runs of blank lines left by it. */
export function removeNygardStatus(text: string): string {
  const lines = text.split('\n');
  const b = statusBounds(lines);
  if (!b) return text;
  const kept: string[] = [];
  for (let i = b.start + 1; i < b.end; i++) {
    const l = lines[i]!;
    if (PLAIN_STATUS.test(l)) continue;
    if (/^\s*$/.test(l) && kept.length && /^\s*$/.test(kept[kept.length - 1]!)) continue;
    kept.push(l);
  }
  return [...lines.slice(0, b.start + 1), ...kept, ...lines.slice(b.end)].join('\n');
}

/** A MADR 2 / log4brains metadata line: `* Status: accepted`. */
const STATUS_META_LINE = /^(\s*[*+-]\s+[*_]*status[*_]*\s*:[*_]*\s*).*$/im;

/**
 * Set a MADR record's status: in its front matter, or on its `* Status:`
 * line (MADR 2, log4brains), adding front matter when it has neither.
 */
export function setMadrStatus(text: string, status: string): string {
  const fm = splitFrontMatter(text);
  if (!fm && STATUS_META_LINE.test(text)) return text.replace(STATUS_META_LINE, (_m, head: string) => `${head}${status}`);
  if (!fm) return `---\nstatus: ${JSON.stringify(status)}\n---\n\n${text}`;
  const doc = parseDocument(fm.raw);
  if (doc.errors.length) {
    // Not quite YAML: replace the status line by hand.
    const raw = /^status:.*$/m.test(fm.raw) ? fm.raw.replace(/^status:.*$/m, `status: ${JSON.stringify(status)}`) : `status: ${JSON.stringify(status)}\n${fm.raw}`;
    return `---\n${raw.replace(/\n*$/, '\n')}---\n${fm.body}`;
  }
  doc.set('status', status);
  return `---\n${String(doc)}---\n${fm.body}`;
}

/** Add a link line under a MADR record's "More Information" section (created at the end if missing). */
export function addMadrLink(text: string, line: string): string {
  const fm = splitFrontMatter(text);
  const head = fm ? `---\n${fm.raw.replace(/\n*$/, '\n')}---\n` : '';
  const lines = (fm ? fm.body : text).split('\n');
  const more = headings(lines).find((h) => h.level === 2 && /^more information$/i.test(h.title));
  const item = `* ${line}`;
  if (!more) {
    while (lines.length && lines[lines.length - 1] === '') lines.pop();
    return head + [...lines, '', '## More Information', '', item, ''].join('\n');
  }
  let at = more.end;
  while (at > more.start + 1 && lines[at - 1]!.trim() === '') at--;
  const before = lines[at - 1] ?? '';
  const insert = /^\s*[*-]\s/.test(before) || at === more.start + 1 ? [item] : ['', item];
  if (at === more.start + 1) insert.unshift('');
  lines.splice(at, 0, ...insert);
  return head + lines.join('\n');
}

export function addLink(record: AdrRecord, text: string, type: string, target: AdrRecord): string {
  const line = linkLine(type, target);
  return record.format === 'nygard' ? addNygardLink(text, line) : addMadrLink(text, line);
}

/** Mark a record superseded by another, in its own format. */
export function markSuperseded(record: AdrRecord, text: string, by: AdrRecord): string {
  if (record.format === 'nygard') return removeNygardStatus(addNygardLink(text, linkLine('Superseded by', by)));
  const withStatus = setMadrStatus(text, `superseded by ADR-${String(by.number).padStart(4, '0')}`);
  return addMadrLink(withStatus, linkLine('Superseded by', by));
}
