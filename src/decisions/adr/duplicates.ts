// Two records with one number: what parallel branches that each add
// "the next" record leave behind after a clean merge. Pure, so `adr lint`
// and the CI gate share it.
import { isDateNamed, recordNumber } from './parse.js';

export interface DuplicateNumber {
  number: number;
  /** the record files sharing it, sorted */
  files: string[];
}

/**
 * Numbers used by more than one record file. log4brains' date-named
 * records (`20240601-slug.md`) are identified by their whole name, so a
 * shared day is not a collision.
 */
export function duplicateNumbers(records: readonly { file: string }[]): DuplicateNumber[] {
  const byNumber = new Map<number, string[]>();
  for (const { file } of records) {
    const n = recordNumber(file);
    if (n === null || isDateNamed(file)) continue;
    byNumber.set(n, [...(byNumber.get(n) ?? []), file]);
  }
  return [...byNumber]
    .filter(([, files]) => files.length > 1)
    .map(([number, files]) => ({ number, files: [...files].sort() }))
    .sort((a, b) => a.number - b.number);
}

/**
 * Records this branch added under a number that the base branch has given
 * to another record since the two parted. A number already in use where
 * they parted is the same record (edited or renamed), not a collision.
 */
export function numbersTakenOnBase(
  files: readonly string[],
  base: { files: readonly string[]; mergeBaseFiles: readonly string[] },
): { file: string; number: number; taken: string[] }[] {
  const numbered = (list: readonly string[]) => list.filter((f) => !isDateNamed(f) && recordNumber(f) !== null);
  const atFork = new Set(numbered(base.mergeBaseFiles).map((f) => recordNumber(f)!));
  const onBase = new Set(base.files);
  const out: { file: string; number: number; taken: string[] }[] = [];
  for (const file of numbered(files)) {
    const n = recordNumber(file)!;
    if (onBase.has(file) || atFork.has(n)) continue;
    const taken = numbered(base.files).filter((f) => recordNumber(f) === n && f !== file);
    if (taken.length) out.push({ file, number: n, taken: taken.sort() });
  }
  return out;
}
