import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { checkFormat, formatNames, render } from '../report/index.js';
import { NotAReportError, readJsonReport, REPORT_EXPECTED, type JsonReport } from '../report/report-file.js';
import { buildPortfolio, GROUP_BY, type GroupBy, type SkippedFile } from '../report/portfolio.js';
import { formatLocation, UserError } from '../util/errors.js';
import { warn } from '../util/warn.js';
import { fsProblem } from '../util/fs-errors.js';
import { closest } from '../util/suggest.js';
import { compareStrings } from '../util/compare.js';
import { emit } from './io.js';
import { nowOption, outputOptions, resolveNow, type NowFlags, type OutputFlags } from './options.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';
import { EXPIRY_WARNING_DAYS } from '../decisions/waivers.js';

interface PortfolioFlags extends OutputFlags, NowFlags {
  groupBy?: string;
  expiringWithin?: string;
}

function parseWindow(value: string | undefined): number {
  if (value === undefined) return EXPIRY_WARNING_DAYS;
  if (!/^\d+$/.test(value)) throw new UserError(`--expiring-within must be a whole number of days; got "${value}"`);
  return Number(value);
}

function parseGroupBy(value: string | undefined): GroupBy | null {
  if (value === undefined) return null;
  if ((GROUP_BY as readonly string[]).includes(value)) return value as GroupBy;
  const near = closest(value, GROUP_BY);
  throw new UserError(`--group-by must be one of ${GROUP_BY.join(', ')}; got "${value}"${near ? ` (did you mean "${near}"?)` : ''}`);
}

/** Directories a walk never enters: a repository's history, installed packages, scale-advise's own state (collected facts). */
export const SKIPPED_DIRS: ReadonlySet<string> = new Set(['.git', 'node_modules', '.scale-advise']);

/** Every .json file under a directory, as paths relative to it, sorted; SKIPPED_DIRS and links to directories are not entered. */
export function jsonFilesUnder(root: string, display: string): string[] {
  const found: string[] = [];
  const walk = (rel: string) => {
    let entries;
    try {
      entries = readdirSync(join(root, rel), { withFileTypes: true });
    } catch (e) {
      throw fsProblem(e, 'read', join(display, rel));
    }
    for (const entry of entries) {
      const path = rel ? join(rel, entry.name) : entry.name;
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRS.has(entry.name)) walk(path);
      } else if (entry.name.endsWith('.json') && (entry.isFile() || (entry.isSymbolicLink() && isFile(join(root, path))))) {
        found.push(path);
      }
    }
  };
  walk('');
  return found.sort(compareStrings);
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** A report file to read; `named`: given on the command line, not found in a directory. */
interface ReportFile {
  file: string;
  named: boolean;
}

/** The files the arguments name: a file as is; a directory, every .json file under it (artefacts unpack into one folder each). */
export function reportFiles(args: readonly string[], cwd: string): { arg: string; files: ReportFile[] }[] {
  return args.map((arg) => {
    const path = resolve(cwd, arg);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      throw fsProblem(e, 'read', arg);
    }
    if (!isDir) return { arg, files: [{ file: arg, named: true }] };
    const found = jsonFilesUnder(path, arg).map((f) => ({ file: relative(cwd, join(path, f)) || f, named: false }));
    if (!found.length) throw new UserError([{ file: arg, position: null, message: 'holds no .json file', hint: `expected a directory of reports, each as \`scale-advise assess --format json\` or \`scale-advise check --format json\` writes it` }]);
    return { arg, files: found };
  });
}

/**
 * Read the reports. A file named on the command line must be a report; a
 * .json file met in a directory that is not one (a package.json, another
 * tool's output) is passed over with a warning, so a folder of artefacts
 * can hold other files. A report of another schema version is refused
 * either way: it is a system's report that cannot be read.
 */
export function readReports(args: readonly string[], cwd: string, onSkip: (s: SkippedFile) => void = () => {}): { reports: { file: string; report: JsonReport }[]; skipped: SkippedFile[] } {
  const reports: { file: string; report: JsonReport }[] = [];
  const skipped: SkippedFile[] = [];
  for (const { arg, files } of reportFiles(args, cwd)) {
    let read = 0;
    for (const { file, named } of files) {
      try {
        reports.push({ file, report: readJsonReport(resolve(cwd, file), file) });
        read++;
      } catch (e) {
        if (named || !(e instanceof NotAReportError)) throw e;
        const { file: where, position, message } = e.problems[0]!;
        const s = { file: where, position, message };
        skipped.push(s);
        onSkip(s);
      }
    }
    if (!read) {
      throw new UserError([{ file: arg, position: null, message: `holds no scale-advise JSON report; ${files.length === 1 ? 'its one .json file was' : `all ${files.length} .json files were`} skipped`, hint: REPORT_EXPECTED }]);
    }
  }
  return { reports, skipped };
}

export function registerPortfolio(program: Command, run: Run): void {
  nowOption(outputOptions(program.command('portfolio').description("put many systems' JSON reports side by side: stage, open findings by severity, oldest warning sign, waivers").argument('<reports...>', 'JSON reports, or directories holding them'), formatNames('portfolio')))
    .option('--group-by <key>', `group the systems by ${GROUP_BY.join(', ')} (owner: the profile's project.owner)`)
    .option('--expiring-within <days>', `list the live waivers that end within this many days (default ${EXPIRY_WARNING_DAYS})`)
    .action((args: string[], flags: PortfolioFlags) =>
      run(async () => {
        checkFormat('portfolio', flags.format);
        const groupBy = parseGroupBy(flags.groupBy);
        const opts = { now: resolveNow(flags.now), window: parseWindow(flags.expiringWithin) };
        const cwd = process.cwd();
        const { reports, skipped } = readReports(args, cwd, (s) => warn(`${formatLocation(s.file, s.position)}: ${s.message}; skipped`));
        emit(await render('portfolio', flags.format, buildPortfolio(reports, groupBy, opts, skipped), { colorLevel: 0 }), flags, cwd);
        return EXIT.OK;
      }),
    );
}
