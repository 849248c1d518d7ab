// Just enough Markdown structure for ADRs: front matter, headings and
// sections, ignoring anything inside fenced code blocks.
import { parse as parseYaml } from 'yaml';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** the raw text between the fences (without them) */
  raw: string;
  /** the body after the closing fence */
  body: string;
  /** line count of the front matter including both fences */
  lines: number;
  /** set when the YAML did not parse and a line-by-line reading was used */
  invalid?: string;
}

const FENCE = /^---\s*$/;

export function splitFrontMatter(text: string): FrontMatter | null {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  if (!FENCE.test(lines[0] ?? '')) return null;
  const end = lines.findIndex((l, i) => i > 0 && FENCE.test(l));
  if (end < 0) return null;
  const raw = lines.slice(1, end).join('\n');
  const body = lines.slice(end + 1).join('\n');
  try {
    const data: unknown = parseYaml(raw, { maxAliasCount: 10 });
    if (data && typeof data === 'object' && !Array.isArray(data)) return { data: data as Record<string, unknown>, raw, body, lines: end + 1 };
    return { data: {}, raw, body, lines: end + 1 };
  } catch (e) {
    // Hand-written front matter is often not quite YAML; read `key: value` lines.
    const data: Record<string, unknown> = {};
    for (const l of raw.split('\n')) {
      const m = /^([A-Za-z][\w-]*):\s*(.*)$/.exec(l);
      if (m) data[m[1]!] = m[2]!.replace(/^["']|["']$/g, '');
    }
    return { data, raw, body, lines: end + 1, invalid: e instanceof Error ? e.message.split('\n')[0] : String(e) };
  }
}

export interface Section {
  /** heading text without the hashes */
  title: string;
  level: number;
  /** index of the heading line in the line array */
  start: number;
  /** index one past the last line of the section (next heading of the same or higher level) */
  end: number;
}

/** Headings of a Markdown text, with their extent, skipping fenced code. */
export function headings(lines: string[]): Section[] {
  const found: Omit<Section, 'end'>[] = [];
  let fence: string | null = null;
  lines.forEach((line, i) => {
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]!.slice(0, 3);
      else if (f[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (fence) return;
    const h = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (h) found.push({ title: h[2]!, level: h[1]!.length, start: i });
  });
  return found.map((h, k) => {
    const next = found.slice(k + 1).find((o) => o.level <= h.level);
    return { ...h, end: next ? next.start : lines.length };
  });
}

/** Lines outside fenced code blocks, with their indexes. */
export function proseLines(lines: string[], from = 0, to = lines.length): { line: string; index: number }[] {
  const out: { line: string; index: number }[] = [];
  let fence: string | null = null;
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const f = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (f) {
      if (!fence) fence = f[1]!.slice(0, 3);
      else if (f[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (!fence) out.push({ line, index: i });
  }
  return out;
}

/** Escape text so Markdown shows it literally inside a paragraph or list item. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]<>|]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([#+-]|\d+[.)])(?=\s|$)/gm, (_, sp: string, m: string) => (/^\d/.test(m) ? `${sp}${m.slice(0, -1)}\\${m.slice(-1)}` : `${sp}\\${m}`));
}

/** An inline code span that holds any text, backticks included. */
export function codeSpan(text: string): string {
  const flat = text.replace(/\r?\n/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const ticks = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ' ' : '';
  return `${ticks}${pad}${flat}${pad}${ticks}`;
}
