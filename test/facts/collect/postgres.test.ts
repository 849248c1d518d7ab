// `collect --postgres` against a real PostgreSQL 15 with generated tables and a
// known read/write workload.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_BIN, startPostgres, type RunningPostgres } from '../../helpers/postgres.js';
import { freePort } from '../../helpers/servers.js';
import { silentServer, toolAvailable } from '../../helpers/bounded-servers.js';
import { runCli } from '../../helpers/run-cli.js';
import type { CollectedRecord } from '../../../src/facts/collect/file.js';

const HAVE = toolAvailable(join(PG_BIN, 'postgres'));
const MONITOR_PW = 'Mon-itor-Secret-42';
const TABLE_ROWS = 50_000;
const WORKLOAD = { selects: 800, inserts: 150, updates: 50, sleeps: 10 };

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'sa-collect-pg-'));
}

function record(dir: string): CollectedRecord {
  return JSON.parse(readFileSync(join(dir, '.scale-advise', 'collected.json'), 'utf8')) as CollectedRecord;
}

/** Every file under dir, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

async function runWorkload(c: pg.Client, withSleeps: boolean): Promise<void> {
  for (let i = 0; i < WORKLOAD.selects; i++) await c.query('SELECT v FROM items WHERE id = $1', [1 + ((i * 37) % TABLE_ROWS)]);
  for (let i = 0; i < WORKLOAD.inserts; i++) await c.query('INSERT INTO events (kind) VALUES ($1)', ['order']);
  for (let i = 0; i < WORKLOAD.updates; i++) await c.query('UPDATE items SET v = $1 WHERE id = $2', ['changed', 1 + i]);
  if (withSleeps) for (let i = 0; i < WORKLOAD.sleeps; i++) await c.query('SELECT pg_sleep(0.05)');
}

describe.skipIf(!HAVE)('collect from PostgreSQL', () => {
  let server: RunningPostgres;
  const held: pg.Client[] = [];
  /** A session flushes its statistics as it ends, a moment after the client has gone: wait for them. */
  const statsFlushed = async (db: string, inserted: number) => {
    const c = await server.admin(db);
    try {
      for (let i = 0; i < 100; i++) {
        const n = Number((await c.query('SELECT tup_inserted FROM pg_stat_database WHERE datname = current_database()')).rows[0].tup_inserted);
        if (n >= inserted) return;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`statistics of ${db} never showed ${inserted} inserted rows`);
    } finally {
      await c.end();
    }
  };
  beforeAll(async () => {
    server = await startPostgres();
    const admin = await server.admin();
    await admin.query(`CREATE ROLE monitor LOGIN PASSWORD '${MONITOR_PW}' IN ROLE pg_monitor`);
    await admin.query("CREATE ROLE plainrole LOGIN PASSWORD 'plain-pw-1'");
    await admin.query('CREATE DATABASE app');
    await admin.query('CREATE DATABASE nostatements');
    await admin.end();
    for (const [db, ext] of [['app', true], ['nostatements', false]] as const) {
      const c = await server.admin(db);
      if (ext) await c.query('CREATE EXTENSION pg_stat_statements');
      await c.query('CREATE TABLE items (id int PRIMARY KEY, v text)');
      await c.query(`INSERT INTO items SELECT g, md5(g::text) FROM generate_series(1, ${TABLE_ROWS}) g`);
      await c.query('CREATE TABLE events (id serial PRIMARY KEY, kind text)');
      await c.query('VACUUM ANALYZE');
      await c.query('GRANT SELECT ON ALL TABLES IN SCHEMA public TO plainrole');
      await c.end();
      await statsFlushed(db, TABLE_ROWS);
      // reset from a fresh session, once the setup session's counts have been flushed at its end
      const reset = await server.admin(db);
      await reset.query('SELECT pg_stat_reset()');
      if (ext) await reset.query('SELECT pg_stat_statements_reset()');
      await reset.end();
      // the workload on its own connection, closed so its statistics are flushed
      const w = await server.admin(db);
      await runWorkload(w, ext);
      await w.end();
      await statsFlushed(db, WORKLOAD.inserts);
    }
  }, 120000);
  afterAll(async () => {
    for (const c of held) await c.end().catch(() => undefined);
    await server?.stop();
  });

  it('recovers rows, read share, connections, lock waits and the slowest statement', async () => {
    // three idle sessions, and one session waiting on another's lock
    for (let i = 0; i < 3; i++) held.push(await server.admin('app'));
    const locker = await server.admin('app');
    const waiter = await server.admin('app');
    held.push(locker, waiter);
    await locker.query('BEGIN');
    await locker.query('LOCK TABLE events IN ACCESS EXCLUSIVE MODE');
    const waiting = waiter.query('SELECT count(*) FROM events');
    const dir = tempDir();
    const r = await runCli(['collect', '--postgres', server.url('monitor', MONITOR_PW, 'app')], dir);
    await locker.query('ROLLBACK');
    await waiting;
    expect(r.code, r.stderr).toBe(0);
    const rec = record(dir);
    const v = (id: string) => rec.facts.find((f) => f.id === id)?.value;
    // 800 selects + 10 sleeps are reads, 150 inserts + 50 updates writes; collect's own first query adds a read
    const reads = WORKLOAD.selects + WORKLOAD.sleeps;
    const writes = WORKLOAD.inserts + WORKLOAD.updates;
    expect(v('database.read_pct')).toBeCloseTo((100 * reads) / (reads + writes), 0);
    expect(rec.facts.find((f) => f.id === 'database.read_pct')?.method).toMatch(/^statements/);
    expect(v('database.largest_table_rows')).toBe(TABLE_ROWS);
    // 3 idle + locker + waiter + collect itself, of max_connections = 20
    expect(v('database.connections_used_pct')).toBe(30);
    expect(v('database.lock_waits')).toBe(1);
    expect(v('database.read_replicas')).toBe(0);
    const slowest = v('database.slowest_query_mean_ms')!;
    expect(slowest).toBeGreaterThanOrEqual(50);
    expect(slowest).toBeLessThan(80);
    const admin = await server.admin('app');
    const truth = (await admin.query('SELECT pg_database_size(current_database()) AS b, blks_hit AS h, blks_read AS r FROM pg_stat_database WHERE datname = current_database()')).rows[0];
    await admin.end();
    expect(v('database.size_gb')).toBeCloseTo(Number(truth.b) / 1024 ** 3, 2);
    expect(Math.abs(v('database.buffer_cache_hit_pct')! - (100 * Number(truth.h)) / (Number(truth.h) + Number(truth.r)))).toBeLessThan(1);
    const read = rec.facts.find((f) => f.id === 'database.read_pct')!;
    expect(read).toMatchObject({ source: 'postgresql', url: `postgresql://127.0.0.1:${server.port}/app` });
    expect(read.query).toContain('FROM pg_stat_statements');
    expect(rec.not_collected).toEqual([]);
    // the password is in no file, no output
    expect(allText(dir) + r.stdout + r.stderr).not.toContain(MONITOR_PW);
    for (const c of held.splice(0)) await c.end();
  });

  it('without pg_stat_statements, reads the share from rows, and says so', async () => {
    const dir = tempDir();
    const r = await runCli(['collect', '--postgres', server.url('monitor', MONITOR_PW, 'nostatements')], dir);
    expect(r.code, r.stderr).toBe(0);
    const rec = record(dir);
    const read = rec.facts.find((f) => f.id === 'database.read_pct')!;
    expect(read.method).toMatch(/^rows/);
    // rows fetched: one per select and one per update (plus the sessions' catalog lookups);
    // rows written: one per insert and update
    const fetched = WORKLOAD.selects + WORKLOAD.updates;
    const written = WORKLOAD.inserts + WORKLOAD.updates;
    expect(Math.abs(read.value - (100 * fetched) / (fetched + written))).toBeLessThan(5);
    expect(rec.not_collected.map((n) => n.fact)).toEqual(['database.slowest_query_mean_ms']);
    expect(r.stdout).toMatch(/pg_stat_statements extension is not installed/);
  });

  it('a role without pg_monitor: collects what it may, and names the grant for the rest', async () => {
    const dir = tempDir();
    const r = await runCli(['collect', '--postgres', server.url('plainrole', 'plain-pw-1', 'app')], dir);
    expect(r.code, r.stderr).toBe(0);
    const rec = record(dir);
    expect(rec.facts.map((f) => f.id)).toEqual(expect.arrayContaining(['database.size_gb', 'database.largest_table_rows', 'database.read_pct']));
    const why = rec.not_collected.find((n) => n.fact === 'database.read_replicas')?.reason;
    expect(why).toContain('GRANT pg_monitor TO plainrole');
  });

  it('counts a streaming standby as a replica', async () => {
    await server.addStandby();
    const dir = tempDir();
    const r = await runCli(['collect', '--postgres', server.url('monitor', MONITOR_PW, 'app')], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(record(dir).facts.find((f) => f.id === 'database.read_replicas')?.value).toBe(1);
  }, 60000);

  it('a wrong password: exit 2, the login refused, the password nowhere', async () => {
    const dir = tempDir();
    const r = await runCli(['collect', '--postgres', server.url('monitor', 'Wrong-Secret-99', 'app')], dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/refused the login: wrong password/);
    expect(r.stderr + r.stdout).not.toContain('Wrong-Secret-99');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('the password from PGPASSWORD works the same', async () => {
    const dir = tempDir();
    const r = await runCli(['collect', '--postgres', `postgresql://monitor@127.0.0.1:${server.port}/app`], dir, { PGPASSWORD: MONITOR_PW });
    expect(r.code, r.stderr).toBe(0);
    expect(allText(dir)).not.toContain(MONITOR_PW);
  });
});

describe('collect from a PostgreSQL that is not there', () => {
  it('a closed port: exit 2, connection refused', async () => {
    const port = await freePort();
    const r = await runCli(['collect', '--postgres', `postgresql://monitor:pw-xyz-123@127.0.0.1:${port}/app`], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot reach PostgreSQL at postgresql://127.0.0.1:${port}/app: connection refused`);
    expect(r.stderr).not.toContain('pw-xyz-123');
  });

  it('a server that never answers: exit 2 after the timeout', async () => {
    const silent = await silentServer();
    try {
      const started = Date.now();
      const r = await runCli(['collect', '--postgres', `postgresql://monitor:pw@127.0.0.1:${silent.port}/app`, '--timeout', '1s'], tempDir());
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('did not answer within 1s');
      expect(Date.now() - started).toBeLessThan(15000);
    } finally {
      await silent.close();
    }
  });

  it('a URL that is not one is refused without echoing it', async () => {
    const r = await runCli(['collect', '--postgres', 'host=db password=very-secret-pw'], tempDir());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--postgres must be a URL such as postgresql://');
    expect(r.stderr).not.toContain('very-secret-pw');
  });
});
