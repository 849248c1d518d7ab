// The profile `init` writes, built with the yaml Document API: a new file
// with the $schema line and each field's meaning and unit in a comment, or
// the user's own file with the missing fields added, their comments and
// order kept.
import { isMap, isScalar, parseDocument, type Document, type Pair, type Scalar, type YAMLMap } from 'yaml';
import type { FieldInfo } from './questions.js';
import { spliceFields, type FieldEdit } from '../profile/splice.js';

export interface ProfileEntry {
  field: FieldInfo;
  value: unknown;
  /** where a detected value was found */
  detected?: string;
}

/** Where the profile's `$schema` line points: relative to the profile, so it resolves once scale-advise is a dependency there. */
export const SCHEMA_PATH = './node_modules/scale-advise/schema/profile.schema.json';
export const SCHEMA_LINE = `yaml-language-server: $schema=${SCHEMA_PATH}`;

const HEADER = `# ${SCHEMA_LINE}
# The profile scale-advise reads: your system's numbers and team (docs/profile.md).
# Written by \`scale-advise init\`. Values marked "detected" were found in the repository;
# a value written here always wins over a detected one. Every field but version is optional;
# \`scale-advise init --update\` adds the fields this file lacks, keeping your comments.
version: 1
`;

function addEntry(doc: Document, entry: ProfileEntry): void {
  const root = doc.contents as YAMLMap;
  const found: unknown = root.get(entry.field.section, true);
  let section: YAMLMap;
  if (isMap(found)) section = found;
  else {
    section = doc.createNode({}) as YAMLMap;
    root.add(doc.createPair(entry.field.section, section));
  }
  const pair = doc.createPair(entry.field.key, entry.value) as Pair<Scalar, Scalar>;
  const edit = fieldEdit(entry);
  pair.key.commentBefore = edit.commentBefore;
  if (edit.comment) pair.value!.comment = edit.comment;
  section.add(pair);
}

/** The entry as a field to add: the field's meaning and unit above it, where a detected value was found after it. */
function fieldEdit(entry: ProfileEntry): FieldEdit & { commentBefore: string } {
  return {
    section: entry.field.section,
    key: entry.field.key,
    value: entry.value,
    commentBefore: ` ${entry.field.description}${entry.field.unit ? ` Unit: ${entry.field.unit}.` : ''}`,
    ...(entry.detected ? { comment: ` detected: ${entry.detected}` } : {}),
  };
}

const placeholder = (f: FieldInfo) => `${f.key}:${f.unit ? `   # ${f.unit}` : ''}${f.enum ? `   # ${f.enum.join(' | ')}` : f.type === 'boolean' ? '   # true | false' : ''}`;

/**
 * The text of a new profile holding `entries`. The questions left unanswered
 * stay in it as commented-out fields, ready to fill in by hand: in their
 * section when it has other fields, else in a block at the end.
 */
export function newProfileText(entries: ProfileEntry[], unanswered: FieldInfo[] = []): string {
  const doc = parseDocument(HEADER);
  for (const e of entries) addEntry(doc, e);
  const root = doc.contents as YAMLMap;
  const homeless: string[] = [];
  for (const section of [...new Set(unanswered.map((f) => f.section))]) {
    const fields = unanswered.filter((f) => f.section === section);
    const node: unknown = root.get(section, true);
    if (isMap(node)) node.comment = fields.map((f) => ` ${placeholder(f)}`).join('\n');
    else homeless.push(` ${section}:`, ...fields.map((f) => `   ${placeholder(f)}`));
  }
  if (homeless.length) doc.comment = [' Not answered yet: uncomment, fill in, and move into place.', ...homeless].join('\n');
  return doc.toString({ lineWidth: 0 });
}

/** Field ids (`section.key`) that a profile text already has. */
export function presentFields(doc: Document): Set<string> {
  const out = new Set<string>();
  if (!isMap(doc.contents)) return out;
  for (const sec of doc.contents.items) {
    if (!isScalar(sec.key) || !isMap(sec.value)) continue;
    for (const f of sec.value.items) if (isScalar(f.key)) out.add(`${String(sec.key.value)}.${String(f.key.value)}`);
  }
  return out;
}

/**
 * The profile `text` (parsed as `doc`) with `entries` added at the end of
 * their sections; everything already there stays as it was, byte for byte
 * where the profile's layout allows a splice (src/profile/splice.ts).
 */
export function addToProfile(text: string, doc: Document, entries: ProfileEntry[]): string {
  const spliced = spliceFields(text, entries.map(fieldEdit));
  if (spliced !== null) return spliced;
  for (const e of entries) addEntry(doc, e);
  return doc.toString({ lineWidth: 0 });
}
