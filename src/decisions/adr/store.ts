// The records in one ADR directory: listing, lookup, numbering and safe
// creation. Creation is safe against concurrent runs (each number is
// reserved with an exclusive lock file) and never replaces a file.
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { UserError } from '../../util/errors.js';
import { errno, fsProblem } from '../../util/fs-errors.js';
import { placeNew, writeFileSafely, writeTemp } from '../../util/write.js';
import { parseRecord, RECORD_FILE, recordNumber } from './parse.js';
import { insideDir, recordFileName } from './slug.js';
import type { AdrFormat, AdrLocation, AdrRecord } from './types.js';

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
    try {
      return readdirSync(this.dir).filter((f) => RECORD_FILE.test(f)).sort();
    } catch (e) {
      throw fsProblem(e, 'read', this.dir);
    }
  }

  list(): AdrRecord[] {
    return this.files()
      .map((f) => this.readRecord(f))
      .sort((a, b) => a.number - b.number || a.file.localeCompare(b.file));
  }

  readRecord(file: string): AdrRecord {
    const path = join(this.dir, file);
    return parseRecord(this.readText(path), path);
  }

  readText(path: string): string {
    try {
      return readFileSync(path, 'utf8');
    } catch (e) {
      throw fsProblem(e, 'read', path);
    }
  }

  /** A record by number (`3`, `0003`) or by part of its file name, as adr-tools resolves references. */
  find(ref: string | number): AdrRecord {
    const files = this.files();
    const asNumber = typeof ref === 'number' ? ref : /^\d+$/.test(ref.trim()) ? Number.parseInt(ref, 10) : null;
    const file =
      asNumber !== null ? files.find((f) => recordNumber(f) === asNumber) : files.find((f) => f.includes(String(ref)));
    if (!file) {
      throw new UserError(`no ADR matches "${ref}" in ${this.display()}; \`scale-advise adr list\` shows the records`);
    }
    return this.readRecord(file);
  }

  /** One more than the highest number in use; gaps are left alone. */
  nextNumber(): number {
    const numbers = this.files().map((f) => recordNumber(f) ?? 0);
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
   * Create a new record numbered after the highest one. `render` gets the
   * number and returns the file's text. Each candidate number is reserved
   * with a lock file opened exclusively; a number taken meanwhile, by us or
   * by another tool, moves the record to the next one.
   */
  create(title: string, render: (n: number) => string, first?: number): { path: string; number: number; file: string } {
    this.ensureDir();
    let n = first ?? this.nextNumber();
    for (let attempt = 0; attempt < 1000; attempt++, n++) {
      const lock = join(this.dir, `.${String(n).padStart(4, '0')}.lock`);
      if (!this.reserve(lock)) continue;
      try {
        if (this.files().some((f) => recordNumber(f) === n)) continue;
        const file = recordFileName(n, title);
        const path = insideDir(this.dir, file);
        if (this.writeNew(path, render(n))) return { path, number: n, file };
      } finally {
        try {
          unlinkSync(lock);
        } catch {
          // already gone: nothing to release
        }
      }
    }
    throw new Error(`could not find a free ADR number in ${this.dir} after 1000 attempts`);
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
