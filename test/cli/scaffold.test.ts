// `scale-advise scaffold` from the outside: what a user sees and gets on disk.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { ROOT } from '../helpers/assess.js';
import { profileWith } from '../helpers/scaffold.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');

function sa(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function repo(profile: Record<string, unknown> = profileWith()): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-scaffold-cli-'));
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, 'scale-advise.yaml'), stringify(profile));
  return dir;
}

describe('scale-advise scaffold', () => {
  it('list shows each template with its rules and facts', () => {
    const r = sa(['scaffold', 'list'], repo());
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^hpa {2}Kubernetes HorizontalPodAutoscaler/m);
    expect(r.stdout).toMatch(/rules: .*autoscaling-missing/);
    expect(r.stdout).toContain('facts: traffic.peak_rps, traffic.avg_rps, traffic.spike_factor, project.name (optional)');
    const json = JSON.parse(sa(['scaffold', 'list', '--format', 'json'], repo()).stdout);
    expect(json.map((m: { name: string }) => m.name)).toEqual(
      ['github-actions', 'gitlab-ci', 'haproxy', 'hpa', 'k6', 'nginx', 'pgbouncer', 'prometheus-alerts', 'rds-read-replica', 'redis-cache'],
    );
  });

  it('writes into deploy/scale-advise/ and refuses to overwrite a changed file without --force', () => {
    const cwd = repo();
    const first = sa(['scaffold', 'hpa'], cwd);
    expect(first).toMatchObject({ code: 0, stdout: 'wrote deploy/scale-advise/hpa/hpa.yaml\n' });
    const file = join(cwd, 'deploy/scale-advise/hpa/hpa.yaml');
    expect(readFileSync(file, 'utf8')).toContain('maxReplicas: 43');
    expect(sa(['scaffold', 'hpa'], cwd)).toMatchObject({ code: 0, stdout: 'unchanged deploy/scale-advise/hpa/hpa.yaml\n' });
    const changed = sa(['scaffold', 'hpa', '--set', 'per_pod_rps=200'], cwd);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toContain('deploy/scale-advise/hpa/hpa.yaml: exists and differs; see the change with --dry-run, replace it with --force');
    expect(readFileSync(file, 'utf8')).toContain('maxReplicas: 43');
    expect(sa(['scaffold', 'hpa', '--set', 'per_pod_rps=200', '--force'], cwd).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('maxReplicas: 32');
  });

  it('--dry-run writes nothing and shows a diff against the file on disk', () => {
    const cwd = repo();
    const fresh = sa(['scaffold', 'hpa', '--dry-run', '--out', 'k8s'], cwd);
    expect(fresh.code).toBe(0);
    expect(fresh.stdout).toContain('--- /dev/null\n+++ b/k8s/hpa/hpa.yaml');
    expect(existsSync(join(cwd, 'k8s'))).toBe(false);
    sa(['scaffold', 'hpa', '--out', 'k8s'], cwd);
    const diff = sa(['scaffold', 'hpa', '--out', 'k8s', '--dry-run', '--set', 'per_pod_rps=200'], cwd).stdout;
    expect(diff).toContain('-  maxReplicas: 43\n+  maxReplicas: 32');
    expect(readFileSync(join(cwd, 'k8s/hpa/hpa.yaml'), 'utf8')).toContain('maxReplicas: 43');
  });

  it('--for RULE renders the templates the rule names', () => {
    const r = sa(['scaffold', '--for', 'db-read-replicas'], repo());
    expect(r).toMatchObject({ code: 0, stdout: 'wrote deploy/scale-advise/pgbouncer/pgbouncer.ini\nwrote deploy/scale-advise/rds-read-replica/main.tf\n' });
  });

  it('says which facts are missing, and which names are unknown, with exit 2', () => {
    const missing = sa(['scaffold', 'hpa', 'k6'], repo(profileWith({}, ['traffic.peak_rps'])));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('template hpa needs traffic.peak_rps');
    expect(missing.stderr).toContain('template k6 needs traffic.peak_rps');
    const unknown = sa(['scaffold', 'hap'], repo());
    expect(unknown).toMatchObject({ code: 2 });
    expect(unknown.stderr).toContain('unknown template "hap"; did you mean "hpa"?');
    expect(sa(['scaffold', '--for', 'no-such-rule'], repo()).code).toBe(2);
    expect(sa(['scaffold', '--for', 'premature-microservices'], repo()).stderr).toContain('has no config template');
    expect(sa(['scaffold'], repo()).code).toBe(2);
  });

  it('optional facts that are missing are named on stderr and in the header', () => {
    const cwd = repo(profileWith({}, ['performance.slo_latency_p95_ms']));
    const r = sa(['scaffold', 'k6'], cwd);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('k6: performance.slo_latency_p95_ms is not in scale-advise.yaml');
    expect(readFileSync(join(cwd, 'deploy/scale-advise/k6/load-test.js'), 'utf8')).toContain('//   performance.slo_latency_p95_ms is not in scale-advise.yaml');
  });
});
