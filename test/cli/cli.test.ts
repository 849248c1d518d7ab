// The CLI from the outside, as users and CI run it: a table of
// {args, cwd, exitCode, output} over fixture folders (markdownlint-cli2 style).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { runCli } from '../helpers/cli.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const FIX = join(ROOT, 'test', 'fixtures', 'cli');
const EXAMPLE = join(ROOT, 'examples', 'scale-advise.yaml');


interface Case {
  name: string;
  args: string[];
  cwd?: string;
  env?: Record<string, string>;
  exitCode: number;
  stdout?: RegExp[];
  stderr?: RegExp[];
  notStdout?: RegExp[];
  notStderr?: RegExp[];
}

const noRepo = mkdtempSync(join(tmpdir(), 'sa-norepo-'));
mkdirSync(join(noRepo, '.git'));

const cases: Case[] = [
  { name: 'finds the profile in the working directory', args: ['assess'], cwd: join(FIX, 'healthy-mvp'), exitCode: 0, stdout: [/Stage: MVP/, /No findings|Recommendations/] },
  { name: 'finds the profile in a parent directory', args: ['assess'], cwd: join(FIX, 'nested', 'services', 'api'), exitCode: 0, stdout: [/Stage: Scale/, /nested[\\/]scale-advise\.yaml|\.\.[\\/]\.\.[\\/]scale-advise\.yaml/] },
  { name: 'says where it looked when there is no profile', args: ['assess'], cwd: noRepo, exitCode: 2, stderr: [/no profile found/, /--profile PATH/] },
  { name: 'names the facts that would let more rules run', args: ['assess'], cwd: join(FIX, 'sparse'), exitCode: 0, stdout: [/No findings among the \d+ rules these facts let run/, /Not evaluated \(\d+\)/, /team\.engineers\s+needed by \d+ rules/] },
  { name: 'lists each rule that could not run with --verbose', args: ['assess', '--verbose'], cwd: join(FIX, 'sparse'), exitCode: 0, stdout: [/premature-microservices\s+needs architecture\.services, team\.engineers/] },
  { name: 'says when nothing could be evaluated', args: ['assess'], cwd: join(FIX, 'custom-model'), exitCode: 0, stdout: [/Nothing could be evaluated/] },
  { name: 'refuses a waiver that expires on a day that does not exist', args: ['assess'], cwd: join(FIX, 'bad-waiver'), exitCode: 2, stderr: [/scale-advise\.yaml:6:14: `waivers\[0\]\.expires` is not a calendar date: 2027-02-30/] },
  { name: 'runs the example profile', args: ['assess', '--profile', EXAMPLE], exitCode: 0, stdout: [/Findings: \d+ warning signs, \d+ pitfalls?, \d+ recommendations; \d+ open at high\s+severity or above, 1 addressed or waived\./, /Stage: Growth/, /db-connection-pooling/, /Roadmap/] },
  { name: 'explains broken YAML at file:line:column', args: ['assess'], cwd: join(FIX, 'broken-yaml'), exitCode: 2, stderr: [/scale-advise\.yaml:\d+:\d+: invalid YAML/] },
  { name: 'suggests the closest key for a typo', args: ['assess'], cwd: join(FIX, 'typo'), exitCode: 2, stderr: [/scale-advise\.yaml:4:3: unknown field `peak_rsp` in `traffic`/, /did you mean `peak_rps`\?/] },
  { name: 'names the expected type and enum values', args: ['assess'], cwd: join(FIX, 'bad-type'), exitCode: 2, stderr: [/scale-advise\.yaml:3:13: `traffic\.peak_rps` must be a number \(requests\/s\)/, /units belong in the field name/, /scale-advise\.yaml:5:12: `database\.standby` must be one of: none, active-passive, active-active/] },
  { name: 'reports every problem of a profile at once', args: ['assess'], cwd: join(FIX, 'multi'), exitCode: 2, stderr: [/3 problems/, /:3:25: `traffic\.monthly_active_users` must be >= 0/, /:4:17: `traffic\.spike_factor` must be >= 1/, /:6:3: unknown field `enginers`.*did you mean `engineers`/] },
  { name: 'refuses an empty profile', args: ['assess'], cwd: join(FIX, 'empty'), exitCode: 2, stderr: [/profile is empty/] },
  { name: 'refuses more aliases than a profile needs, at the first one too many', args: ['assess'], cwd: join(FIX, 'aliases'), exitCode: 2, stderr: [/scale-advise\.yaml:8:10: more than 50 YAML aliases/], notStderr: [/Excessive|resource exhaustion/] },
  { name: 'refuses an alias bomb written with few aliases, in its own words', args: ['assess'], cwd: join(FIX, 'small-bomb'), exitCode: 2, stderr: [/scale-advise\.yaml:3:10: YAML aliases here expand to far more data .*alias bomb/], notStderr: [/Excessive|resource exhaustion/] },
  { name: 'names an alias whose anchor does not exist', args: ['assess'], cwd: join(FIX, 'undefined-alias'), exitCode: 2, stderr: [/scale-advise\.yaml:2:10: the alias \*nope names no anchor defined before it/], notStderr: [/too many/] },
  { name: 'refuses a key that is a list, without a Node warning', args: ['assess'], cwd: join(FIX, 'complex-key'), exitCode: 2, stderr: [/scale-advise\.yaml:2:3: a key must be a plain name, not a list or a map/], notStderr: [/Warning|stringified/] },
  { name: 'refuses a device given as the profile', args: ['assess', '--profile', '/dev/zero'], exitCode: 2, stderr: [/\/dev\/zero: is a character device; a regular file was expected here/] },
  { name: 'refuses a directory given as the profile', args: ['assess', '--profile', FIX], exitCode: 2, stderr: [/is a directory; a regular file was expected here/] },
  { name: 'refuses a file given as a rules directory', args: ['assess', '--profile', EXAMPLE, '--rules', EXAMPLE], exitCode: 2, stderr: [/is a file; a directory of rule files was expected here/] },
  { name: 'treats YAML warnings as errors', args: ['assess'], cwd: join(FIX, 'tagged'), exitCode: 2, stderr: [/scale-advise\.yaml:2:10: invalid YAML: .*tag/i] },
  { name: 'refuses duplicate keys', args: ['assess'], cwd: join(FIX, 'dupkey'), exitCode: 2, stderr: [/scale-advise\.yaml:4:3: invalid YAML: Map keys must be unique/] },
  { name: 'rejects an unknown stage model with a suggestion', args: ['assess'], cwd: join(FIX, 'unknown-model'), exitCode: 2, stderr: [/scale-advise\.yaml:2:14: unknown stage model `seed-02`/, /did you mean `seed-002`/] },
  { name: "rejects a custom stage model on a fact that does not exist", args: ['assess'], cwd: join(FIX, 'bad-model-fact'), exitCode: 2, stderr: [/scale-advise\.yaml:6:16: `stage_models\.ours\.dimension` names no numeric fact: traffic\.montly_active_users/, /did you mean `traffic\.monthly_active_users`/] },
  { name: 'uses a custom stage model from the profile', args: ['assess', '--format', 'json'], cwd: join(FIX, 'custom-model'), exitCode: 0, stdout: [/"model": "ours"/, /"id": "scale"/] },
  { name: 'chooses a shipped stage model by flag', args: ['assess', '--profile', EXAMPLE, '--stage-model', 'seed-002', '--format', 'json'], exitCode: 0, stdout: [/"model": "seed-002"/, /"id": "scale"/] },
  { name: 'prints JSON', args: ['assess', '--profile', EXAMPLE, '--format', 'json'], exitCode: 0, stdout: [/"schema_version": 1/, /"not_evaluated"/] },
  { name: 'prints Markdown', args: ['assess', '--profile', EXAMPLE, '--format', 'markdown'], exitCode: 0, stdout: [/^# Scaling assessment/, /\| Severity \| Kind \| Rule/] },
  { name: 'rejects an unknown format', args: ['assess', '--profile', EXAMPLE, '--format', 'yaml'], exitCode: 2, stderr: [/--format must be one of text, json, markdown/] },
  { name: 'fails on open findings at the threshold', args: ['assess', '--profile', EXAMPLE, '--fail-on', 'high'], exitCode: 1 },
  { name: 'passes when nothing reaches the threshold', args: ['assess', '--fail-on', 'high'], cwd: join(FIX, 'healthy-mvp'), exitCode: 0 },
  { name: 'rejects an unknown severity', args: ['assess', '--profile', EXAMPLE, '--fail-on', 'urgent'], exitCode: 2, stderr: [/--fail-on must be one of critical, high, medium, low, info/] },
  { name: 'rejects an unknown flag', args: ['assess', '--frobnicate'], exitCode: 2, stderr: [/unknown option '--frobnicate'/] },
  { name: 'prints the help on stdout when given no command', args: [], exitCode: 0, stdout: [/^Usage: scale-advise/, /assess/, /Exit codes/] },
  { name: 'judges the example waiver live on its last day', args: ['assess', '--profile', EXAMPLE, '--now', '2027-03-31', '--format', 'json'], exitCode: 0, stdout: [/"waived": 1/, /"expired_waivers": 0/] },
  { name: 'judges the example waiver expired the day after', args: ['assess', '--profile', EXAMPLE, '--now', '2027-04-01', '--format', 'json'], exitCode: 0, stdout: [/"waived": 0/, /"expired_waivers": 1/] },
  { name: 'takes the day from SCALE_ADVISE_NOW', args: ['assess', '--profile', EXAMPLE, '--format', 'json'], env: { SCALE_ADVISE_NOW: '2027-04-01' }, exitCode: 0, stdout: [/"expired_waivers": 1/] },
  { name: 'refuses a --now that is not a date', args: ['assess', '--profile', EXAMPLE, '--now', '2027-02-30'], exitCode: 2, stderr: [/--now must be a date that exists, as YYYY-MM-DD; got "2027-02-30"/] },
  { name: 'refuses a SCALE_ADVISE_NOW that is not a date', args: ['assess', '--profile', EXAMPLE], env: { SCALE_ADVISE_NOW: 'tomorrow' }, exitCode: 2, stderr: [/SCALE_ADVISE_NOW must be a date/] },
  { name: 'suggests the closest format', args: ['rules', '--format', 'jsn'], exitCode: 2, stderr: [/--format must be one of text, json; got "jsn" \(did you mean "json"\?\)/] },
  { name: 'rejects an unknown command with a suggestion', args: ['asses'], exitCode: 2, stderr: [/unknown command 'asses'/, /assess/] },
  // only the command named is built; help and the program's own flags still see the whole tree
  { name: 'help COMMAND shows that command', args: ['help', 'check'], exitCode: 0, stdout: [/^Usage: scale-advise check/, /--fail-on-kind/] },
  { name: 'a program flag before the command', args: ['--debug', 'check', '--help'], exitCode: 0, stdout: [/^Usage: scale-advise check/] },
  { name: '--help lists every command', args: ['--help'], exitCode: 0, stdout: [/assess/, /check/, /portfolio/, /scaffold/, /ui /] },
  { name: 'marks findings that an ADR addresses; superseded records address nothing', args: ['assess', '--format', 'json'], cwd: join(FIX, 'with-adr'), exitCode: 0, stdout: [/"rule": "db-cpu-saturated"[\s\S]*?"status": "addressed",\s*"addressed_by": "doc\/adr\/0001-tune-the-database\.md"/, /"rule": "db-read-replicas"[\s\S]*?"status": "addressed",\s*"addressed_by": "doc\/adr\/0003-cache-hot-reads\.md"/, /"rule": "db-lock-contention"[\s\S]*?"status": "open"/, /"addressed": 2/] },
  { name: 'runs custom rules from --rules', args: ['assess', '--rules', 'rules'], cwd: join(FIX, 'custom-rules'), exitCode: 0, stdout: [/peak-rps-watch/, /Peak traffic is 300 requests per second/] },
  { name: 'runs custom rules named in the profile', args: ['assess'], cwd: join(FIX, 'profile-rules'), exitCode: 0, stdout: [/peak-rps-watch/] },
  { name: 'locates errors in a custom rule', args: ['assess', '--rules', 'rules'], cwd: join(FIX, 'bad-rule'), exitCode: 2, stderr: [/rules[\\/]broken\.yaml:4:11: `severity` must be one of: critical, high, medium, low, info/, /did you mean `high`/] },
  // caught at load from the types of the facts, before any profile is evaluated
  { name: "locates a custom rule whose condition is not true or false", args: ['assess', '--rules', 'rules'], cwd: join(FIX, 'rule-not-boolean'), exitCode: 2, stderr: [/rules[\\/]peak-sum\.yaml:7:7: the condition must yield true or false, but yields double/] },
  { name: 'lists rules by topic', args: ['rules', '--topic', 'read-replicas'], exitCode: 0, stdout: [/db-read-replicas/], notStdout: [/premature-microservices/] },
  { name: 'rejects an unknown topic with a suggestion', args: ['rules', '--topic', 'cachng'], exitCode: 2, stderr: [/did you mean "caching"/] },
  { name: 'lists rules by kind as JSON', args: ['rules', '--kind', 'pitfall', '--format', 'json'], exitCode: 0, stdout: [/"kind": "pitfall"/], notStdout: [/"kind": "warning-sign"/] },
  { name: 'explains a rule', args: ['explain', 'db-read-replicas'], exitCode: 0, stdout: [/Fires when/, /database\.read_pct >= 75/, /Sources/, /"Scaling Software Architecture: From Startup to Enterprise"/, /Example profile/] },
  { name: 'explains a rule through `rules ID`', args: ['rules', 'db-read-replicas'], exitCode: 0, stdout: [/Fires when/] },
  { name: 'rejects an unknown rule id with a suggestion', args: ['explain', 'db-read-replica'], exitCode: 2, stderr: [/unknown rule "db-read-replica"; did you mean "db-read-replicas"/] },
  { name: 'prints its version', args: ['--version'], exitCode: 0, stdout: [/^\d+\.\d+\.\d+/] },
  { name: 'prints help with exit codes', args: ['--help'], exitCode: 0, stdout: [/assess/, /Exit codes/] },
  { name: 'is plain text without a TTY', args: ['assess', '--profile', EXAMPLE], exitCode: 0, notStdout: [/\x1b\[/] },
  { name: 'honours NO_COLOR', args: ['assess', '--profile', EXAMPLE], env: { NO_COLOR: '1' }, exitCode: 0, notStdout: [/\x1b\[/] },
  { name: 'colours when FORCE_COLOR is set', args: ['assess', '--profile', EXAMPLE], env: { FORCE_COLOR: '1' }, exitCode: 0, stdout: [/\x1b\[/] },
  { name: '--no-color wins over FORCE_COLOR', args: ['assess', '--profile', EXAMPLE, '--no-color'], env: { FORCE_COLOR: '1' }, exitCode: 0, notStdout: [/\x1b\[/] },
];

describe('scale-advise CLI', () => {
  for (const c of cases) {
    it(c.name, () => {
      const r = runCli(c.args, c.cwd, c.env);
      expect(r.code, `stdout: ${r.stdout.slice(0, 400)}\nstderr: ${r.stderr.slice(0, 800)}`).toBe(c.exitCode);
      for (const re of c.stdout ?? []) expect(r.stdout).toMatch(re);
      for (const re of c.notStdout ?? []) expect(r.stdout).not.toMatch(re);
      for (const re of c.notStderr ?? []) expect(r.stderr).not.toMatch(re);
      for (const re of c.stderr ?? []) expect(r.stderr).toMatch(re);
      expect(r.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // never a stack trace
    });
  }

  it('writes --output atomically and never over an existing file without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-out-'));
    const out = join(dir, 'report.json');
    expect(runCli(['assess', '--profile', EXAMPLE, '--format', 'json', '--output', out]).code).toBe(0);
    writeFileSync(out, 'mine');
    const again = runCli(['assess', '--profile', EXAMPLE, '--format', 'json', '--output', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already exists; pass --force/);
    expect(runCli(['assess', '--profile', EXAMPLE, '--format', 'json', '--output', out, '--force']).code).toBe(0);
  });

  it('ends quietly when the reader closes the pipe early', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" assess --verbose --profile "${EXAMPLE}" | head -1`], { encoding: 'utf8', env: { ...process.env, CI: 'true' } });
    expect(r.stdout).toMatch(/^scale-advise · /);
    expect(r.stderr).toBe('');
  });

  it('writes large reports whole through a pipe', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" assess --profile "${EXAMPLE}" --format json | cat`], { encoding: 'utf8', env: { ...process.env, CI: 'true' }, maxBuffer: 1 << 24 });
    expect(r.stdout.length).toBeGreaterThan(20000);
    expect(() => JSON.parse(r.stdout)).not.toThrow();
  });

  it('reports a broken installation as an internal error (exit 3) with where to report it', () => {
    const copy = mkdtempSync(join(tmpdir(), 'sa-broken-'));
    cpSync(join(ROOT, 'bin'), join(copy, 'bin'), { recursive: true });
    cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
    cpSync(join(ROOT, 'package.json'), join(copy, 'package.json'));
    symlinkSync(join(ROOT, 'node_modules'), join(copy, 'node_modules'));
    cpSync(join(ROOT, 'schema'), join(copy, 'schema'), { recursive: true });
    writeFileSync(join(copy, 'dist', 'catalog.json'), '{ "rules": [ truncated');
    const r = spawnSync(process.execPath, [join(copy, 'bin', 'scale-advise.cjs'), 'assess', '--profile', EXAMPLE], { encoding: 'utf8' });
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/internal error: .*JSON/);
    expect(r.stderr).toMatch(/please report it at https:\/\/github\.com\/.*--debug/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    const debug = spawnSync(process.execPath, [join(copy, 'bin', 'scale-advise.cjs'), 'assess', '--debug', '--profile', EXAMPLE], { encoding: 'utf8' });
    expect(debug.status).toBe(3);
    expect(debug.stderr).toMatch(/\n\s+at /);
  });

  it('refuses a named pipe given as the profile instead of waiting on it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-fifo-'));
    const fifo = join(dir, 'scale-advise.yaml');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const r = runCli(['assess', '--profile', fifo]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/is a named pipe; a regular file was expected here/);
  });

  it('refuses a profile over the size limit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-big-'));
    const file = join(dir, 'scale-advise.yaml');
    writeFileSync(file, `version: 1\nx-padding: "${'a'.repeat(1024 * 1024)}"\n`);
    const r = runCli(['assess', '--profile', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/the limit is 1048576 bytes/);
  });
});
