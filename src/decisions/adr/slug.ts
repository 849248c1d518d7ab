import { resolve, sep } from 'node:path';
import { UserError } from '../../util/errors.js';
import { collapseSpace } from '../../util/space.js';

export const MAX_SLUG = 60;

/**
 * A file-name-safe slug: ASCII-folded where Unicode allows (é → e), lower
 * case, every run of other characters one `-`, trimmed and capped. For
 * ASCII titles this is what adr-tools 3 produces.
 */
export function slugify(title: string): string {
  const folded = title.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
  let slug = folded
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG) slug = slug.slice(0, MAX_SLUG).replace(/-+$/, '');
  return slug || 'untitled';
}

/** A title on one line, without control characters, as headings need it. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex
  return collapseSpace(text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' '));
}

export function recordFileName(n: number, title: string): string {
  return `${String(n).padStart(4, '0')}-${slugify(title)}.md`;
}

/** Resolve a file name inside a directory, refusing anything that would land outside it. */
export function insideDir(dir: string, name: string): string {
  const root = resolve(dir);
  const target = resolve(root, name);
  if (!target.startsWith(root + sep) || target.slice(root.length + 1).includes(sep)) {
    throw new UserError(`refusing to write ${target}: it is outside the ADR directory ${root}`);
  }
  return target;
}
