// What the `adr` commands do to a directory of records, without the CLI:
// create, create from a rule, supersede, link, initialise.
import { existsSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { AdrStore } from './store.js';
import { fsProblem } from '../../util/fs-errors.js';
import { addLink, markSuperseded } from './links.js';
import { loadRenderer } from './render.js';
import { INIT_TEXT, recordData, recordDate, type FromRule, type RecordData } from './content.js';
import { oneLine } from './slug.js';
import { reviewByDate } from './dates.js';
import { UserError } from '../../util/errors.js';
import type { AdrRecord } from './types.js';

export interface NewRecordOptions {
  title: string;
  status?: string;
  date?: string;
  /** `6m`, `1y`, a date: when the decision should be looked at again */
  reviewBy?: string;
  from?: FromRule;
  decisionMakers?: string[];
  /** start numbering here instead of after the highest record (init's first record) */
  first?: number;
  text?: RecordData['text'];
}

export interface Created {
  number: number;
  path: string;
  file: string;
  record: AdrRecord;
}

function checkTitle(title: string): string {
  const t = oneLine(title);
  if (!t) throw new UserError('the record needs a title');
  return t;
}

export async function newRecord(store: AdrStore, opts: NewRecordOptions): Promise<Created> {
  const title = checkTitle(opts.title);
  const { render } = await loadRenderer(store.dir, store.format);
  const date = opts.date ?? recordDate();
  const addresses = opts.from ? [opts.from.rule.id] : [];
  const status = opts.status ?? (opts.from ? 'proposed' : 'accepted');
  const reviewBy = opts.reviewBy ? reviewByDate(opts.reviewBy, date) : undefined;
  const made = store.create(
    title,
    (number) =>
      render(recordData({ number, title, date, reviewBy, status, format: store.format, addresses, decisionMakers: opts.decisionMakers, text: opts.text }, opts.from)),
    { first: opts.first, date },
  );
  return { ...made, record: store.readRecord(made.file) };
}

/** A new record that supersedes an old one; both files are updated, as `adr new -s N` does. */
export async function supersede(store: AdrStore, ref: string, title: string, opts: Omit<NewRecordOptions, 'title'> = {}): Promise<Created & { superseded: AdrRecord }> {
  const old = store.find(ref);
  const created = await newRecord(store, { ...opts, title });
  store.update(old.path, markSuperseded(old, store.readText(old.path), created.record));
  store.update(created.path, addLink(created.record, store.readText(created.path), 'Supersedes', old));
  return { ...created, record: store.readRecord(created.file), superseded: store.readRecord(old.file) };
}

/** Link two records both ways, as `adr link SOURCE LINK TARGET REVERSE-LINK` does. */
export function linkRecords(store: AdrStore, sourceRef: string, link: string, targetRef: string, reverse: string): { source: AdrRecord; target: AdrRecord } {
  const source = store.find(sourceRef);
  const target = store.find(targetRef);
  if (source.file === target.file) throw new UserError(`refusing to link ${source.file} to itself`);
  for (const [name, v] of [['LINK', link], ['REVERSE-LINK', reverse]] as const) {
    if (!oneLine(v) || /[[\]()]/.test(v)) throw new UserError(`${name} must be a short phrase such as "Amends" or "Amended by"; got "${v}"`);
  }
  store.update(source.path, addLink(source, store.readText(source.path), oneLine(link), target));
  store.update(target.path, addLink(target, store.readText(target.path), oneLine(reverse), source));
  return { source: store.readRecord(source.file), target: store.readRecord(target.file) };
}

export interface InitResult {
  created: Created | null;
  adrDirFile: string | null;
}

/**
 * Create the directory and a first record, "Record architecture decisions",
 * as `adr init` does. For Nygard with an explicit directory, `.adr-dir`
 * names it (adr-tools reads that file).
 */
export async function initRecords(store: AdrStore, opts: { cwd: string; writeAdrDir: boolean; date?: string }): Promise<InitResult> {
  let adrDirFile: string | null = null;
  if (opts.writeAdrDir) {
    adrDirFile = join(opts.cwd, '.adr-dir');
    const rel = relative(opts.cwd, store.dir) || '.';
    if (existsSync(adrDirFile)) throw new UserError(`${adrDirFile} already exists; the ADR directory is set up already`);
    try {
      writeFileSync(adrDirFile, `${rel}\n`, { flag: 'wx' });
    } catch (e) {
      throw fsProblem(e, 'write', adrDirFile);
    }
  }
  store.ensureDir();
  if (store.files().length) return { created: null, adrDirFile };
  // MADR's own first record is 0000, "Use Markdown Architectural Decision Records".
  const madr = store.followsMadrNumbering();
  const title = madr ? 'Use Markdown Architectural Decision Records' : 'Record architecture decisions';
  const created = await newRecord(store, { title, status: 'accepted', date: opts.date, first: madr ? 0 : 1, text: INIT_TEXT });
  return { created, adrDirFile };
}
