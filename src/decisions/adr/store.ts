// The records in one ADR directory: listing, lookup, numbering and safe
// creation. Creation is safe against concurrent runs (each number is
// reserved with an exclusive lock file) and never replaces a file.
import { isoDay } from '../../util/iso-day.js';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, statSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../../util/errors.js';
import { errno, fsProblem } from '../../util/fs-errors.js';
import { readUserFile } from '../../util/read-file.js';
import { warn } from '../../util/warn.js';
import { placeNew, writeFileSafely, writeTemp } from '../../util/write.js';
import { isDateNamed, parseRecord, RECORD_FILE, recordNumber } from './parse.js';
import { insideDir, recordFileName } from './slug.js';
import type { AdrFormat, AdrLocation, AdrRecord } from './types.js';
import { compareStrings } from '../../util/compare.js';
import { expectLargeInput, MANY_RECORDS } from '../../util/large-input.js';

/** A lock left by a run that died is ignored after this long. */
const STALE_LOCK_MS = 60_000;

export class AdrStore {
  constructor(readonly location: AdrLocation) {}

  get dir(): string {
    return this.location.dir;
  }

  get format(): AdrFormat {
    return this.location.format;
  }

  /** The directory as the user would write it, relative to the working directory. */
  display(cwd = process.cwd(), path = this.dir): string {
    const rel = relative(cwd, path);
    return rel && !rel.startsWith('..') ? rel : path;
  }

  exists(): boolean {
    return existsSync(this.dir) && statSync(this.dir).isDirectory();
  }

  /** Record file names, in adr-tools' order (sorted by name). */
  files(): string[] {
    if (!this.exists()) return [];
    let names: string[];
    try {
      names = readdirSync(this.dir, { withFileTypes: true })
        .filter((d) => RECORD_FILE.test(d.name))
        .filter((d) => {
          // A directory (or a device) named like a record is not one: say so and go on.
          if (d.isFile() || d.isSymbolicLink()) return true;
          warn(`${join(this.display(), d.name)} is ${d.isDirectory() ? 'a directory' : 'not a regular file'}, not a record; skipped`);
          return false;
        })
        .map((d) => d.name);
    } catch (e) {
      throw fsProblem(e, 'read', this.dir);
    }
    return names.sort();
  }

  list(): AdrRecord[] {
    const files = this.files();
    if (files.length >= MANY_RECORDS) expectLargeInput();
    return files
      .map((f) => this.readRecord(f))
      .sort((a, b) => a.number - b.number || compareStrings(a.file, b.file));
  }

  readRecord(file: string): AdrRecord {
    const path = join(this.dir, file);
    return parseRecord(this.readText(path), path);
  }

  readText(path: string): string {
    return readUserFile(path, path);
  }

  /**
   * The files a reference names: a number (`3`, `0003`), a file name, or
   * part of a file name or title, as adr-tools resolves references. Exact
   * file names win over partial matches.
   */
  matches(ref: string | number): string[] {
    const files = this.files();
    const text = String(ref).trim();
    if (typeof ref === 'number' || /^\d+$/.test(text)) {
      const n = typeof ref === 'number' ? ref : Number.parseInt(text, 10);
      return files.filter((f) => recordNumber(f) === n);
    }
    const exact = files.filter((f) => f === text || f === `${text}.md`);
    if (exact.length) return exact;
    const needle = text.toLowerCase();
    const byName = files.filter((f) => f.toLowerCase().includes(needle));
    if (byName.length) return byName;
    return files.filter((f) => this.readRecord(f).title.toLowerCase().includes(needle));
  }

  /** The one record a reference names; none, or more than one, is the user's to fix. */
  find(ref: string | number): AdrRecord {
    const found = this.matches(ref);
    if (!found.length) {
      throw new UserError(`no ADR matches "${ref}" in ${this.display()}; \`scale-advise adr list\` shows the records`);
    }
    if (found.length > 1) {
      const rows = found.map((f) => this.readRecord(f)).map((r) => `  ${r.file}  ${r.title}`);
      throw new UserError(`"${ref}" matches ${found.length} records in ${this.display()}; name one by its file name:\n${rows.join('\n')}`);
    }
    return this.readRecord(found[0]!);
  }

  /**
   * How records are named here: `sequence` (`0007-slug.md`, adr-tools and
   * MADR) or `date` (`20240601-slug.md`, log4brains since it dropped
   * numbers so parallel branches cannot collide).
   */
  numbering(): 'sequence' | 'date' {
    if (this.location.source === 'log4brains') return 'date';
    const files = this.files();
    return files.length > 0 && files.every(isDateNamed) ? 'date' : 'sequence';
  }

  /**
   * Whether this directory follows MADR's convention, whose first record is
   * 0000: MADR records in `docs/decisions`, or next to MADR's `adr-template.md`,
   * or a record 0000 already there.
   */
  followsMadrNumbering(): boolean {
    if (this.format !== 'madr') return false;
    if (this.files().some((f) => recordNumber(f) === 0)) return true;
    return /(^|[\\/])docs[\\/]decisions$/.test(this.dir) || existsSync(join(this.dir, 'adr-template.md'));
  }

  /** One more than the highest number in use; gaps, and a stray date-named record, are left alone. */
  nextNumber(): number {
    const numbers = this.files().filter((f) => !isDateNamed(f)).map((f) => recordNumber(f) ?? 0);
    return numbers.length ? Math.max(...numbers) + 1 : 1;
  }

  ensureDir(): void {
    try {
      mkdirSync(this.dir, { recursive: true });
    } catch (e) {
      throw fsProblem(e, 'create the ADR directory', this.dir);
    }
    if (!this.exists()) throw new UserError(`cannot use ${this.dir} as the ADR directory: it is not a directory`);
  }

  /**
   * Create a new record numbered after the highest one (or, in a
   * date-named directory, named after `date`). `render` gets the number
   * and returns the file's text. Each candidate name is reserved with a
   * lock file opened exclusively; a name taken meanwhile, by us or by
   * another tool, moves the record to the next one.
   */
  create(title: string, render: (n: number) => string, opts: { first?: number; date?: string } = {}): { path: string; number: number; file: string } {
    this.ensureDir();
    if (this.numbering() === 'date') return this.createDated(title, render, opts.date);
    let n = opts.first ?? this.nextNumber();
    for (let attempt = 0; attempt < 1000; attempt++, n++) {
      const placed = this.place(String(n).padStart(4, '0'), () => (this.files().some((f) => recordNumber(f) === n) ? null : recordFileName(n, title)), () => render(n));
      if (placed) return { ...placed, number: n };
    }
    throw new Error(`could not find a free ADR number in ${this.dir} after 1000 attempts`);
  }

  /** log4brains' names: `YYYYMMDD-slug.md`, then `-2`, `-3` ... when that is taken. */
  private createDated(title: string, render: (n: number) => string, date = isoDay(new Date())): { path: string; number: number; file: string } {
    const day = date.replace(/-/g, '');
    const n = Number.parseInt(day, 10);
    const base = recordFileName(n, title).replace(/^\d+-/, `${day}-`).replace(/\.md$/, '');
    for (let i = 1; i < 1000; i++) {
      const file = `${base}${i > 1 ? `-${i}` : ''}.md`;
      const placed = this.place(file, () => file, () => render(n));
      if (placed) return { ...placed, number: n };
    }
    throw new Error(`could not find a free record name in ${this.dir} after 1000 attempts`);
  }

  /**
   * Write a record under the name `name()` gives (null: taken), holding
   * the lock `key` meanwhile; null when the name was taken.
   */
  private place(key: string, name: () => string | null, text: () => string): { path: string; file: string } | null {
    const lock = join(this.dir, `.${key}.lock`);
    if (!this.reserve(lock)) return null;
    try {
      const file = name();
      if (!file) return null;
      const path = insideDir(this.dir, file);
      return this.writeNew(path, text()) ? { path, file } : null;
    } finally {
      try {
        unlinkSync(lock);
      } catch {
        // already gone: nothing to release
      }
    }
  }

  /**
   * Give a record a new number: written whole under its new name (never
   * over another file), then the old file is removed. Returns the new path.
   */
  move(record: AdrRecord, to: number, text: string): { path: string; file: string } {
    const placed = this.place(String(to).padStart(4, '0'), () => (this.files().some((f) => recordNumber(f) === to) ? null : record.file.replace(/^\d+/, String(to).padStart(4, '0'))), () => text);
    if (!placed) throw new UserError(`ADR number ${to} is taken in ${this.display()}`);
    try {
      unlinkSync(record.path);
    } catch (e) {
      throw fsProblem(e, 'remove', record.path);
    }
    return placed;
  }

  /** Replace an existing record's text atomically. */
  update(path: string, text: string): void {
    insideDir(this.dir, relative(this.dir, path));
    try {
      writeFileSafely(path, text, true);
    } catch (e) {
      throw e instanceof UserError ? e : fsProblem(e, 'update', path);
    }
  }

  private reserve(lock: string): boolean {
    try {
      closeSync(openSync(lock, 'wx'));
      return true;
    } catch (e) {
      if (errno(e) !== 'EEXIST') throw fsProblem(e, 'create a record in', this.dir);
      try {
        if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) unlinkSync(lock);
      } catch {
        // raced with its owner; try the next number
      }
      return false;
    }
  }

  /** Write to a temporary file and hard-link it into place: the record appears whole, and never over another. */
  private writeNew(path: string, text: string): boolean {
    let tmp: string | undefined;
    try {
      tmp = writeTemp(this.dir, text);
      return placeNew(tmp, path, text);
    } catch (e) {
      throw fsProblem(e, 'write', path);
    } finally {
      if (tmp) {
        try {
          unlinkSync(tmp);
        } catch {
          // never created
        }
      }
    }
  }
}
