// `adr renumber`: give a record the next free number and keep every link
// to it valid: in the other records, in their MADR status lines, and in
// the index.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../util/errors.js';
import { writeFileSafely } from '../../util/write.js';
import { duplicateNumbers } from './duplicates.js';
import { INDEX_NAMES, isGenerated, renderIndex } from './index-doc.js';
import { splitFrontMatter } from './markdown.js';
import { isDateNamed, recordNumber } from './parse.js';
import type { AdrStore } from './store.js';
import type { AdrRecord } from './types.js';

export interface Renumbered {
  from: AdrRecord;
  number: number;
  path: string;
  file: string;
  /** other files whose links were rewritten (records, a hand-written index) */
  updated: string[];
  /** the index `adr index` wrote, rewritten */
  index: string | null;
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const pad = (n: number) => String(n).padStart(4, '0');

/** The lowest number above every number in use here and in `alsoTaken` (the base branch's). */
export function nextFreeNumber(store: AdrStore, alsoTaken: readonly string[] = []): number {
  const numbers = [...store.files(), ...alsoTaken].filter((f) => !isDateNamed(f)).map((f) => recordNumber(f) ?? 0);
  return numbers.length ? Math.max(...numbers) + 1 : 1;
}

/** Point links at `from` to `to`, and renumber their link text (`3. Title`, `ADR-0003`). */
export function rewriteLinks(text: string, from: { file: string; number: number }, to: { file: string; number: number }): string {
  const target = new RegExp(`\\[([^\\]]*)\\]\\((<?)(\\./)?(?:${escapeRe(from.file)}|${escapeRe(encodeURI(from.file))})(#[^)\\s>]*)?(>?)((?:\\s+"[^"]*")?)\\)`, 'g');
  return text.replace(target, (_m, label: string, lt: string, dot: string | undefined, hash: string | undefined, gt: string, title: string) => {
    const renamed = label
      .replace(new RegExp(`^${from.number}\\.(\\s)`), `${to.number}.$1`)
      .replace(new RegExp(`\\bADR-0*${from.number}\\b`, 'i'), `ADR-${pad(to.number)}`);
    return `[${renamed}](${lt}${dot ?? ''}${encodeURI(to.file)}${hash ?? ''}${gt}${title})`;
  });
}

/** The moved record's own text: its `# N. Title` heading, and MADR's `nav_order` when it follows the number. */
function renumberOwnText(text: string, from: number, to: number): string {
  let out = text.replace(new RegExp(`^(#\\s+)${from}\\.(\\s)`, 'm'), `$1${to}.$2`);
  const fm = splitFrontMatter(out);
  if (fm && fm.data.nav_order === from) out = out.replace(new RegExp(`^(nav_order:\\s*)${from}\\s*$`, 'm'), `$1${to}`);
  return out;
}

/** MADR's `status: superseded by ADR-0007`, when it means the record that moved. */
function rewriteMadrStatus(text: string, from: number, to: number): string {
  return text.replace(new RegExp(`^(status:\\s*["']?superseded by\\s+)ADR-?0*${from}\\b`, 'im'), `$1ADR-${pad(to)}`);
}

export function renumberRecord(store: AdrStore, record: AdrRecord, to: number): Renumbered {
  if (store.numbering() === 'date') throw new UserError(`${store.display()} names records by date (log4brains); there are no numbers to change`);
  if (store.files().some((f) => recordNumber(f) === to)) throw new UserError(`ADR number ${to} is taken in ${store.display()}`);
  const others = store.list().filter((r) => r.file !== record.file);
  const newFile = record.file.replace(/^\d+/, pad(to));
  const from = { file: record.file, number: record.number };
  const dest = { file: newFile, number: to };
  // Another record still holding the old number makes a bare "ADR-0007" ambiguous: only a record that links the moved file is changed then.
  const stillTaken = duplicateNumbers([...others, { file: record.file }]).some((d) => d.number === record.number);

  const edits: { path: string; text: string }[] = [];
  for (const r of others) {
    const before = store.readText(r.path);
    let after = rewriteLinks(before, from, dest);
    if (r.format === 'madr' && (!stillTaken || r.links.some((l) => l.file === record.file))) after = rewriteMadrStatus(after, record.number, to);
    if (after !== before) edits.push({ path: r.path, text: after });
  }
  let generatedIndex: string | null = null;
  for (const name of INDEX_NAMES) {
    const path = join(store.dir, name);
    if (!existsSync(path)) continue;
    if (isGenerated(path)) generatedIndex = path;
    else {
      const before = store.readText(path);
      const after = rewriteLinks(before, from, dest);
      if (after !== before) edits.push({ path, text: after });
    }
  }

  const placed = store.move(record, to, rewriteLinks(renumberOwnText(store.readText(record.path), record.number, to), from, dest));
  for (const e of edits) store.update(e.path, e.text);
  if (generatedIndex) writeFileSafely(generatedIndex, renderIndex(store.list()), true);
  return { from: record, number: to, ...placed, updated: edits.map((e) => e.path), index: generatedIndex };
}
