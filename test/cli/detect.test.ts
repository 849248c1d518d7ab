// Detection through the CLI: no profile, declared against detected, --no-detect,
// --explain-facts, and the cache that keeps a warm `assess` from loading detection.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { daysBefore, GitRepo } from '../helpers/git-repo.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const NOW = new Date('2026-06-15T12:00:00Z');
const TRACE = join(ROOT, 'test', 'helpers', 'trace-loads.cjs');

function run(cwd: string, args: string[], trace = false) {
  const r = spawnSync(process.execPath, [...(trace ? ['-r', TRACE] : []), BIN, ...args, '--now', '2026-06-15'], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', CI: 'true' },
  });
  const loaded = r.stderr.split('\n').filter((l) => l.startsWith('LOADED ')).map((l) => l.slice(7));
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => !l.startsWith('LOADED ')).join('\n'), loaded };
}

/** A small service: Postgres and Redis clients, CI, Terraform, two committers. */
function serviceRepo(): GitRepo {
  const r = new GitRepo();
  r.write('package.json', '{\n  "name": "shop",\n  "dependencies": {\n    "pg": "8",\n    "ioredis": "5"\n  }\n}\n');
  r.write('.github/workflows/ci.yml', 'on: [push]\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n');
  for (const n of ['main', 'db', 'network']) r.write(`infra/${n}.tf`, 'terraform {}\n');
  r.commit({ name: 'Ann', email: 'ann@example.com' }, daysBefore(NOW, 40));
  r.commit({ name: 'Ben', email: 'ben@example.com' }, daysBefore(NOW, 20));
  return r;
}

describe('assess with repository facts', () => {
  it('runs on detected facts alone without a profile, says what it could not know, and suggests init', () => {
    const r = run(serviceRepo().dir, ['assess']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/scale-advise · \(no profile\)/);
    expect(r.stdout).toMatch(/No profile found: this assessment rests only on the \d+ facts detected in\s+the\s+repository/);
    expect(r.stdout).toMatch(/could not\s+know\s+anything\s+about\s+project,\s+traffic,\s+performance,\s+observability,\s+cost,\s+security/);
    expect(r.stdout).toMatch(/scale-advise init/);
    const json = JSON.parse(run(serviceRepo().dir, ['assess', '--format', 'json']).stdout);
    expect(json.repository.profile_found).toBe(false);
  });

  it('keeps the declared value and reports the disagreement as an info finding with both origins', () => {
    const repo = serviceRepo();
    repo.write('scale-advise.yaml', 'version: 1\ndelivery:\n  infrastructure_as_code: none\n');
    const r = run(repo.dir, ['assess', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout);
    const finding = json.findings.find((f: { rule: string }) => f.rule === 'detected-fact-differs');
    expect(finding).toMatchObject({ severity: 'info', kind: 'recommendation', status: 'open' });
    expect(finding.message).toBe(
      'The profile says delivery.infrastructure_as_code = none (scale-advise.yaml:3:27), but the repository shows partial (3 Terraform files: infra/db.tf and 2 more; no pipeline applies them). The declared value is used.',
    );
    expect(finding.evidence[1]).toMatchObject({ provenance: 'detected', origin: expect.stringMatching(/Terraform/) });
    expect(json.roadmap.phases.flatMap((p: { items: { rule: string }[] }) => p.items.map((i) => i.rule))).not.toContain('detected-fact-differs');
    // The declared value is the one the rules read: iac-missing sees "none"
    const text = run(repo.dir, ['assess']).stdout;
    expect(text).toMatch(/detected-fact-differs/);
  });

  it('--no-detect uses the profile alone', () => {
    const repo = serviceRepo();
    repo.write('scale-advise.yaml', 'version: 1\ndelivery:\n  infrastructure_as_code: none\n');
    const json = JSON.parse(run(repo.dir, ['assess', '--no-detect', '--format', 'json']).stdout);
    expect(json.findings.map((f: { rule: string }) => f.rule)).not.toContain('detected-fact-differs');
    expect(json.repository).toBeUndefined();
    const none = run(serviceRepo().dir, ['assess', '--no-detect']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no profile found.*scale-advise init/);
  });

  it('--explain-facts lists every fact with its value, provenance and origin', () => {
    const repo = serviceRepo();
    repo.write('scale-advise.yaml', 'version: 1\nteam:\n  engineers: 6\narchitecture:\n  services: 3\n');
    const text = run(repo.dir, ['assess', '--explain-facts']).stdout;
    expect(text).toMatch(/^database\.engine\s+postgresql\s+detected\s+package\.json:4 \(pg\)$/m);
    expect(text).toMatch(/^architecture\.cache\s+redis\s+detected\s+package\.json:5 \(ioredis\)$/m);
    expect(text).toMatch(/^team\.engineers\s+6\s+declared\s+scale-advise\.yaml:3:14$/m);
    expect(text).toMatch(/^repository\.active_contributors_90d\s+2\s+detected\s+git log --since=2026-03-17 [0-9a-f]{7}$/m);
    expect(text).toMatch(/^derived\.services_per_engineer\s+0\.5\s+derived\s+from architecture\.services, team\.engineers$/m);
    const json = JSON.parse(run(repo.dir, ['assess', '--explain-facts', '--format', 'json']).stdout);
    expect(json.facts.find((f: { fact: string }) => f.fact === 'delivery.ci')).toEqual({ fact: 'delivery.ci', value: true, provenance: 'detected', origin: '.github/workflows/ci.yml:1' });
  });

  it('rejects a --now that is not a date', () => {
    const r = spawnSync(process.execPath, [BIN, 'assess', '--now', '2026-02-30'], { cwd: serviceRepo().dir, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--now must be a date that exists, as YYYY-MM-DD; got "2026-02-30"/);
  });
});

describe('the detection cache', () => {
  it('a warm run loads neither detection nor git; a new commit or a changed manifest runs detection again', () => {
    const repo = serviceRepo();
    const detects = (l: string[]) => l.some((m) => m.endsWith('detect.cjs'));
    const cold = run(repo.dir, ['assess', '--format', 'json'], true);
    expect(detects(cold.loaded)).toBe(true);
    const warm = run(repo.dir, ['assess', '--format', 'json'], true);
    expect(warm.stdout).toBe(cold.stdout);
    expect(detects(warm.loaded)).toBe(false);
    expect(warm.loaded).not.toContain('node:child_process');

    repo.commit({ name: 'Cy', email: 'cy@example.com' }, daysBefore(NOW, 2));
    const afterCommit = run(repo.dir, ['assess', '--explain-facts'], true);
    expect(detects(afterCommit.loaded)).toBe(true);
    expect(afterCommit.stdout).toMatch(/^team\.engineers\s+3\s+detected/m);

    repo.write('package.json', '{\n  "dependencies": {\n    "mysql2": "3"\n  }\n}\n');
    const afterEdit = run(repo.dir, ['assess', '--explain-facts'], true);
    expect(detects(afterEdit.loaded)).toBe(true);
    expect(afterEdit.stdout).toMatch(/^database\.engine\s+mysql\s+detected\s+package\.json:3 \(mysql2\)$/m);

    repo.write('Dockerfile', 'FROM alpine\n'); // a new file: its folder's time changes
    repo.write('deploy/app.yaml', 'name: app\n');
    expect(run(repo.dir, ['assess', '--explain-facts']).stdout).toMatch(/^architecture\.orchestration\s+containers/m);
    // the same file edited into a Kubernetes manifest: its folder keeps its time, the file does not
    repo.write('deploy/app.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app\nspec:\n  replicas: 2\n');
    expect(run(repo.dir, ['assess', '--explain-facts']).stdout).toMatch(/^architecture\.orchestration\s+kubernetes\s+detected\s+deploy\/app\.yaml:1$/m);
  });
});
