// `collect --write-profile`: put measured values into the profile itself,
// through the yaml Document API so the user's comments, order and layout stay,
// and mark each value with where and when it was measured.
import { isMap, isScalar, parseDocument, Scalar, YAMLMap } from 'yaml';
import type { CollectedFact } from './file.js';

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
      if (node.value === f.value && MARK.test(node.comment ?? '')) {
        node.comment = withMark(node.comment, markFor(f, date));
        continue;
      }
      node.value = f.value;
      node.comment = withMark(node.comment, markFor(f, date));
      updated.push(f.id);
    } else {
      const scalar = new Scalar(f.value);
      scalar.comment = withMark(null, markFor(f, date));
      (map as YAMLMap).set(key, scalar);
      added.push(f.id);
    }
  }
  return { text: doc.toString(), updated, added };
}
