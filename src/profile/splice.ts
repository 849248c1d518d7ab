// Changing fields of a profile by editing its text where they stand: every
// other byte stays as the user wrote it (comment columns, blank lines, quoting,
// key order). The yaml library's Document API would re-serialise the whole
// file, which collapses aligned comments everywhere. `init --update` and
// `collect --write-profile` edit this way; when a profile's shape does not
// allow it (a value over several lines, a flow mapping over several lines)
// they fall back to the Document API.
import { Document, isMap, isNode, isScalar, parseDocument, type YAMLMap } from 'yaml';

/** One field, `section.key`, set to `value`. */
export interface FieldEdit {
  section: string;
  key: string;
  value: unknown;
  /** the comment after the value, as the yaml library holds one (`' detected: ...'`); undefined keeps the one there */
  comment?: string;
  /** comment lines above a field that is added */
  commentBefore?: string;
}

interface Splice {
  at: number;
  to: number;
  text: string;
}

/** The value as it reads in YAML on one line, or null when it takes more. */
function inline(value: unknown): string | null {
  const text = new Document(value).toString({ lineWidth: 0, collectionStyle: 'flow' }).replace(/\n$/, '');
  return text.includes('\n') ? null : text;
}

function lineStart(text: string, at: number): number {
  return text.lastIndexOf('\n', at - 1) + 1;
}

/** Where the line holding `at` ends, before its `\r\n` or `\n`. */
function lineEnd(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  if (nl < 0) return text.length;
  return text[nl - 1] === '\r' ? nl - 1 : nl;
}

/** The lines of a field that is added, at `indent`. */
function fieldLines(edit: FieldEdit, value: string, indent: string): string[] {
  const before = edit.commentBefore === undefined ? [] : edit.commentBefore.split('\n').map((l) => `${indent}#${l}`);
  return [...before, `${indent}${inline(edit.key) ?? edit.key}: ${value}${edit.comment ? ` #${edit.comment}` : ''}`];
}

/** The profile's data as `edits` would leave it: what a splice must give. */
function expected(data: Record<string, unknown>, edits: readonly FieldEdit[]): unknown {
  const out: Record<string, unknown> = structuredClone(data);
  for (const e of edits) {
    const section = out[e.section];
    out[e.section] = { ...(section && typeof section === 'object' ? section : {}), [e.key]: e.value };
  }
  return out;
}

/**
 * The sections named, where each is a flow mapping on one line
 * (`database: { engine: postgresql }`), written as block mappings instead,
 * since a comment cannot follow a value inside braces; null when one cannot be.
 */
function asBlocks(text: string, root: YAMLMap, names: ReadonlySet<string>, eol: string): string | null {
  const splices: Splice[] = [];
  for (const pair of root.items) {
    const map = pair.value;
    if (!isScalar(pair.key) || !names.has(String(pair.key.value)) || !isMap(map) || !map.flow) continue;
    if (!pair.key.range || !map.range) return null;
    const [start, end] = map.range;
    const stop = lineEnd(text, start);
    const rest = /^([ \t]*)(#.*)?$/.exec(text.slice(end, stop));
    if (text.slice(start, end).includes('\n') || end > stop || !rest || pair.key.range[0] !== lineStart(text, pair.key.range[0])) return null;
    const lines: string[] = [];
    for (const item of map.items) {
      const key = isScalar(item.key) ? inline(item.key.value) : null;
      const value = isNode(item.value) ? inline(item.value.toJSON()) : null;
      if (key === null || value === null) return null;
      lines.push(`  ${key}: ${value}`);
    }
    splices.push({ at: pair.key.range[1], to: stop, text: `:${rest[2] ? ` ${rest[2]}` : ''}${lines.map((l) => `${eol}${l}`).join('')}` });
  }
  let out = text;
  for (const s of splices.sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.text + out.slice(s.to);
  return out;
}

/**
 * `text` with every edit made in place, or null when the profile's shape
 * calls for the Document API: the file does not parse cleanly, a section is
 * not a block mapping (or a flow mapping on one line, which becomes one), a
 * value to replace spans lines, or the result would not read back as the
 * edits say.
 */
export function spliceFields(text: string, edits: readonly FieldEdit[]): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length || !isMap(doc.contents) || doc.contents.flow) return null;
  const root = doc.contents as YAMLMap;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const flow = new Set(
    edits
      .map((e) => e.section)
      .filter((name) => {
        const section: unknown = root.get(name, true);
        return isMap(section) && section.flow;
      }),
  );
  if (flow.size) {
    const blocks = asBlocks(text, root, flow, eol);
    if (blocks === null || JSON.stringify(parseDocument(blocks).toJS()) !== JSON.stringify(doc.toJS())) return null;
    return spliceFields(blocks, edits);
  }
  const splices: Splice[] = [];
  const appended: string[] = [];
  const bySection = new Map<string, FieldEdit[]>();
  for (const e of edits) bySection.set(e.section, [...(bySection.get(e.section) ?? []), e]);
  for (const [name, sectionEdits] of bySection) {
    const section: unknown = root.get(name, true);
    const added: FieldEdit[] = [];
    if (section === undefined) {
      if (root.has(name)) return null; // `name:` with nothing after it
      appended.push(`${inline(name) ?? name}:`);
      for (const e of sectionEdits) {
        const value = inline(e.value);
        if (value === null) return null;
        appended.push(...fieldLines(e, value, '  '));
      }
      continue;
    }
    if (!isMap(section) || section.flow || !section.items.length) return null;
    for (const e of sectionEdits) {
      const node: unknown = section.get(e.key, true);
      if (node === undefined) {
        if (section.has(e.key)) return null;
        added.push(e);
        continue;
      }
      const value = inline(e.value);
      if (!isScalar(node) || !node.range || value === null) return null;
      const [start, end] = node.range;
      const stop = lineEnd(text, start);
      if (text.slice(start, end).includes('\n') || end > stop) return null;
      // After the value: spaces, then the comment, if any.
      const rest = /^([ \t]*)(#.*)?$/.exec(text.slice(end, stop));
      if (!rest) return null;
      const comment = e.comment === undefined ? rest[2]?.slice(1) : e.comment;
      // A comment keeps its column when the new value leaves room for it.
      const column = end - lineStart(text, start) + rest[1]!.length;
      const valueEnd = start - lineStart(text, start) + value.length;
      const gap = rest[2] ? Math.max(1, column - valueEnd) : 1;
      splices.push({ at: start, to: stop, text: `${value}${comment ? `${' '.repeat(gap)}#${comment}` : ''}` });
    }
    if (added.length) {
      const first = section.items[0]!.key;
      const last = section.items.at(-1)!;
      const lastNode = (last.value ?? last.key) as { range?: [number, number, number] } | null;
      if (!isScalar(first) || !first.range || !lastNode?.range) return null;
      const indent = ' '.repeat(first.range[0] - lineStart(text, first.range[0]));
      const lines: string[] = [];
      for (const e of added) {
        const value = inline(e.value);
        if (value === null) return null;
        lines.push(...fieldLines(e, value, indent));
      }
      // After the line the section's last value ends on (its comment included).
      const end = lineEnd(text, Math.max(lastNode.range[1] - 1, lastNode.range[0]));
      splices.push({ at: end, to: end, text: lines.map((l) => `${eol}${l}`).join('') });
    }
  }
  let out = text;
  for (const s of splices.sort((a, b) => b.at - a.at)) out = out.slice(0, s.at) + s.text + out.slice(s.to);
  if (appended.length) out += `${out === '' || out.endsWith('\n') ? '' : eol}${appended.join(eol)}${eol}`;
  const check = parseDocument(out);
  if (check.errors.length || JSON.stringify(check.toJS()) !== JSON.stringify(expected(doc.toJS() as Record<string, unknown>, edits))) return null;
  return out;
}
