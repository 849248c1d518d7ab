// What the `adr` subcommands share: finding the store from flags and the
// profile, showing paths, and the --dir/--profile options.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { discoverProfile } from '../../profile/load.js';
import { positionAt, readYamlFile } from '../../profile/parse-yaml.js';
import { ADR_FORMATS, AdrStore, locateAdrDir, type AdrFormat, type ProfileAdrSettings } from '../../decisions/adr/index.js';
import { UserError } from '../../util/errors.js';

export type { Run } from '../run.js';

export interface StoreFlags {
  dir?: string;
  profile?: string;
}

/** A value the user wrote, cut to what a message can show. */
const echo = (value: string) => (value.length > 40 ? `${value.slice(0, 40)}…` : value);

export function checkFormat(value: string | undefined, flag = '--format'): AdrFormat | undefined {
  if (value === undefined) return undefined;
  if ((ADR_FORMATS as readonly string[]).includes(value)) return value as AdrFormat;
  throw new UserError(`${flag} must be one of ${ADR_FORMATS.join(', ')}; got "${echo(value)}"`);
}

/**
 * The profile's folder, where the search for its records starts, and its
 * `adr` settings; read without validating the rest: listing records must not
 * need a perfect profile.
 */
export function profileAdrSettings(cwd: string, explicit?: string): ProfileAdrSettings | undefined {
  const path = explicit ? resolve(cwd, explicit) : discoverProfile(cwd);
  if (!path) return undefined;
  if (!existsSync(path)) throw new UserError(`${explicit}: no such profile`);
  const display = relative(cwd, path) || path;
  const parsed = readYamlFile(path, display);
  const data = parsed.data as { adr?: { dir?: unknown; format?: unknown } } | null;
  const adr = data && typeof data === 'object' ? data.adr : undefined;
  if (!adr || typeof adr !== 'object') return { base: dirname(path) };
  if (adr.format !== undefined && !(typeof adr.format === 'string' && (ADR_FORMATS as readonly string[]).includes(adr.format))) {
    const got = typeof adr.format === 'string' ? `"${echo(adr.format)}"` : JSON.stringify(adr.format)?.slice(0, 40);
    throw new UserError([{ file: display, position: positionAt(parsed, ['adr', 'format']), message: `\`adr.format\` must be one of: ${ADR_FORMATS.join(', ')}; got ${got}` }]);
  }
  return {
    base: dirname(path),
    ...(typeof adr.dir === 'string' ? { dir: adr.dir } : {}),
    ...(typeof adr.format === 'string' ? { format: adr.format as AdrFormat } : {}),
  };
}

export function openStore(flags: StoreFlags, format?: AdrFormat): AdrStore {
  const cwd = process.cwd();
  return new AdrStore(locateAdrDir(cwd, { dir: flags.dir, format, profile: profileAdrSettings(cwd, flags.profile) }));
}

/** A path as the user would type it from the working directory. */
export function show(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function requireRecords(store: AdrStore): void {
  if (!store.exists()) throw new UserError(`the ADR directory ${store.display()} does not exist; \`scale-advise adr init\` creates it`);
}

export const dirOption = (cmd: Command) =>
  cmd
    .option('-d, --dir <dir>', 'the ADR directory (default: found from .adr-dir, .log4brains.yml, doc/adr, docs/decisions, docs/adr, doc/architecture/decisions, or the profile\'s adr.dir)')
    .option('-p, --profile <path>', 'profile whose adr.dir and adr.format to use');
