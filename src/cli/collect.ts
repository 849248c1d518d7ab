import type { Command } from 'commander';
import { dirname, resolve } from 'node:path';
import { isTerminal as isatty } from '../util/tty.js';
import { discoverProfile, displayPathFor, loadProfile, resolveProfilePath } from '../profile/load.js';
import { UserError } from '../util/errors.js';
import { writeStdout } from '../util/stdout.js';
import { parseDuration } from '../facts/collect/endpoint.js';
import type { Run } from './run.js';
import { EXIT } from './exit-codes.js';

interface CollectFlags {
  prometheus?: string;
  postgres?: string;
  range: string;
  peakQuantile: string;
  queries?: string;
  end?: string;
  timeout: string;
  writeProfile?: boolean;
  profile?: string;
  force?: boolean;
  format: string;
}

function parseEnd(text: string | undefined): Date {
  if (text === undefined) return new Date();
  const d = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00Z`) : new Date(text);
  if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(d.getTime())) throw new UserError(`--end must be a date (YYYY-MM-DD) or a time (YYYY-MM-DDTHH:MM:SSZ); got "${text}"`);
  return d;
}

function parseQuantile(text: string): number {
  const q = Number(text);
  if (!(q > 0 && q <= 1)) throw new UserError(`--peak-quantile must be a number above 0 and at most 1, such as 0.99; got "${text}"`);
  return q;
}

export function registerCollect(program: Command, run: Run): void {
  program
    .command('collect')
    .description('read facts from live Prometheus and PostgreSQL, read-only, into .scale-advise/collected.json (or the profile)')
    .option('--prometheus <url>', 'Prometheus base URL, e.g. http://localhost:9090 (user:password@ in the URL, or SCALE_ADVISE_PROMETHEUS_TOKEN)')
    .option('--postgres <url>', 'PostgreSQL URL, e.g. postgresql://monitor@db:5432/app (password in the URL or PGPASSWORD; the role needs pg_monitor)')
    .option('--range <duration>', 'time range the Prometheus facts cover', '30d')
    .option('--peak-quantile <q>', 'the quantile of the range that stands for "peak"', '0.99')
    .option('--queries <file>', 'YAML file overriding PromQL queries or label selectors (see docs/collect.md)')
    .option('--end <time>', 'end of the range, YYYY-MM-DD or an ISO time (default: now)')
    .option('--timeout <duration>', 'give up on a server or a query after this long', '30s')
    .option('--write-profile', 'write the values into the profile (keeping its comments) instead of .scale-advise/collected.json')
    .option('-p, --profile <path>', 'profile whose directory holds .scale-advise/ (default: found as assess finds it)')
    .option('--force', 'replace a .scale-advise/collected.json that collect did not write')
    .option('-f, --format <format>', 'summary format: text or json', 'text')
    .action((flags: CollectFlags) =>
      run(async () => {
        if (!flags.prometheus && !flags.postgres) throw new UserError('collect needs --prometheus URL, --postgres URL, or both');
        if (flags.format !== 'text' && flags.format !== 'json') throw new UserError(`--format must be text or json; got "${flags.format}"`);
        const cwd = process.cwd();
        const profilePath = flags.writeProfile || flags.profile ? resolveProfilePath(flags.profile, cwd) : discoverProfile(cwd);
        const profile = flags.writeProfile && profilePath ? loadProfile(profilePath, cwd) : undefined;
        const { collectFacts } = await import('../facts/collect/run.js');
        const progress = isatty(2) ? (m: string) => process.stderr.write(`\r\x1b[2K${m}`) : undefined;
        const record = await collectFacts({
          ...(flags.prometheus ? { prometheus: flags.prometheus } : {}),
          ...(flags.postgres ? { postgres: flags.postgres } : {}),
          range: flags.range,
          peakQuantile: parseQuantile(flags.peakQuantile),
          end: parseEnd(flags.end),
          timeoutMs: parseDuration(flags.timeout, '--timeout'),
          ...(flags.queries ? { queriesFile: { path: resolve(cwd, flags.queries), display: flags.queries } } : {}),
          ...(process.env.SCALE_ADVISE_PROMETHEUS_TOKEN ? { prometheusToken: process.env.SCALE_ADVISE_PROMETHEUS_TOKEN } : {}),
          ...(progress ? { progress } : {}),
        });
        if (progress) process.stderr.write('\r\x1b[2K');
        const { formatCollectSummary, writeProfile, writeRecord } = await import('../facts/collect/record.js');
        if (!record.facts.length) {
          throw new UserError(`nothing could be collected:\n${record.not_collected.map((n) => `  ${n.fact ?? n.source}: ${n.reason}`).join('\n')}`);
        }
        // write first: a summary is printed only for what was kept
        let note: string;
        if (profile) {
          const update = writeProfile(profile.path, profile.displayPath, record);
          note = `${profile.displayPath}: ${update.updated.length} value(s) updated, ${update.added.length} added`;
        } else {
          note = `wrote ${displayPathFor(writeRecord(profilePath ? dirname(profilePath) : cwd, record, flags.force), cwd)}`;
        }
        writeStdout(flags.format === 'json' ? JSON.stringify(record, null, 2) + '\n' : formatCollectSummary(record));
        process.stderr.write(`${note}\n`);
        return EXIT.OK;
      }),
    );
}
