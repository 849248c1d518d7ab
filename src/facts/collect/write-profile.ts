// `collect --write-profile`: put measured values into the profile itself,
// through the yaml Document API so the user's comments, order and layout stay,
// and mark each value with where and when it was measured. The values are
// spliced into the text where the profile allows it (src/profile/splice.ts).
import { isMap, isScalar, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { CollectedFact } from './file.js';
import { spliceFields, type FieldEdit } from '../../profile/splice.js';

export interface ProfileUpdate {
  text: string;
  updated: string[];
  added: string[];
}

/** Our own mark, so a later run replaces it instead of piling up. */
const MARK = / ?(;|\u00b7)? ?collected from \S+ \S+ on \d{4}-\d{2}-\d{2}$/;

export function markFor(f: CollectedFact, date: string): string {
  return `collected from ${f.source} ${f.url} on ${date}`;
}

function withMark(existing: string | null | undefined, mark: string): string {
  const kept = (existing ?? '').replace(MARK, '').trim();
  return ` ${kept ? `${kept}; ` : ''}${mark}`;
}

export function updateProfileText(text: string, facts: CollectedFact[], date: string): ProfileUpdate {
  const doc = parseDocument(text, { keepSourceTokens: false });
  const updated: string[] = [];
  const added: string[] = [];
  const edits: FieldEdit[] = [];
  for (const f of facts) {
    const [section, key] = f.id.split('.') as [string, string];
    let map = doc.get(section, true);
    if (!isMap(map)) {
      map = new YAMLMap();
      doc.set(section, map);
    }
    // a comment cannot follow a value inside `{ ... }`: a section we mark is written as a block
    (map as YAMLMap).flow = false;
    const node = (map as YAMLMap).get(key, true);
    if (isScalar(node)) {
      const unchanged = node.value === f.value && MARK.test(node.comment ?? '');
      node.value = f.value;
      node.comment = withMark(node.comment, markFor(f, date));
      if (!unchanged) updated.push(f.id);
    } else {
      const scalar = new Scalar(f.value);
      scalar.comment = withMark(null, markFor(f, date));
      (map as YAMLMap).set(key, scalar);
      added.push(f.id);
    }
    edits.push({ section, key, value: f.value, comment: ((map as YAMLMap).get(key, true) as Scalar).comment! });
  }
  // In place where the profile allows it, so the rest of the file stays byte for byte.
  return { text: spliceFields(text, edits) ?? doc.toString(), updated, added };
}
