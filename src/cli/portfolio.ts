import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import type { Command } from 'commander';
import { checkFormat, formatNames, render } from '../report/index.js';
import { readJsonReport } from '../report/report-file.js';
import { buildPortfolio, GROUP_BY, type GroupBy } from '../report/portfolio.js';
import { UserError } from '../util/errors.js';
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

/** The report files named: a file as is; a directory, every .json file under it (artefacts unpack into one folder each). */
export function reportFiles(args: readonly string[], cwd: string): string[] {
  return args.flatMap((arg) => {
    const path = resolve(cwd, arg);
    let isDir: boolean;
    try {
      isDir = statSync(path).isDirectory();
    } catch (e) {
      throw fsProblem(e, 'read', arg);
    }
    if (!isDir) return [arg];
    const found = readdirSync(path, { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.json') && statSync(join(path, f)).isFile())
      .sort(compareStrings)
      .map((f) => relative(cwd, join(path, f)) || f);
    if (!found.length) throw new UserError([{ file: arg, position: null, message: 'holds no .json report; a directory of `scale-advise assess --format json` reports was expected' }]);
    return found;
  });
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
        const reports = reportFiles(args, cwd).map((file) => ({ file, report: readJsonReport(resolve(cwd, file), file) }));
        emit(await render('portfolio', flags.format, buildPortfolio(reports, groupBy, opts), { colorLevel: 0 }), flags, cwd);
        return EXIT.OK;
      }),
    );
}
