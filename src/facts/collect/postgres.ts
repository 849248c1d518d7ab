// Facts from PostgreSQL with the `pg` driver, loaded only here. Everything runs
// in one read-only transaction with a statement timeout; each query has its own
// savepoint, so one that fails costs only its fact.
import type { CollectedFact, NotCollected } from './file.js';
import type { Endpoint } from './endpoint.js';
import { scrub } from './endpoint.js';
import { importExternal } from '../../util/import-external.js';
import { shapeValue } from './fact-schema.js';
import { CAPABILITIES_SQL, PG_QUERIES, type PgRow } from './postgres-queries.js';

export interface PostgresOptions {
  endpoint: Endpoint;
  /** the URL as given (it may carry the password), handed to the driver only */
  connectionString: string;
  at: Date;
  timeoutMs: number;
}

export interface PgResult {
  facts: (CollectedFact & { window: 'instant' })[];
  failures: NotCollected[];
}

export async function collectFromPostgres(opts: PostgresOptions): Promise<PgResult> {
  const pg = await importExternal<typeof import('pg')>('pg', () => import('pg'));
  const where = `PostgreSQL at ${opts.endpoint.display}`;
  const secrets = [opts.endpoint.password, process.env.PGPASSWORD ?? ''];
  const failures: NotCollected[] = [];
  const facts: PgResult['facts'] = [];
  const client = new pg.Client({
    connectionString: opts.connectionString,
    connectionTimeoutMillis: opts.timeoutMs,
    query_timeout: opts.timeoutMs + 1000,
    statement_timeout: opts.timeoutMs,
    application_name: 'scale-advise collect',
  });
  // A server that drops the connection later must not crash the process.
  client.on('error', () => undefined);
  try {
    await client.connect();
  } catch (e) {
    await client.end().catch(() => undefined);
    return { facts, failures: [{ fact: null, source: 'postgresql', reason: scrub(connectReason(e, where, opts.timeoutMs), ...secrets) }] };
  }
  try {
    await client.query('BEGIN READ ONLY');
    await client.query(`SET LOCAL statement_timeout = ${Math.max(1, Math.round(opts.timeoutMs))}`);
    const caps = (await client.query(CAPABILITIES_SQL)).rows[0] as { role: string; monitor: boolean; statements: boolean };
    const has = { pg_monitor: caps.monitor, pg_stat_statements: caps.statements };
    const done = new Set<string>();
    for (const q of PG_QUERIES) {
      if (done.has(q.fact)) continue;
      // when another way to read the fact follows, a failure here is not yet the fact's failure
      const laterWay = PG_QUERIES.slice(PG_QUERIES.indexOf(q) + 1).some((o) => o.fact === q.fact && o.fallback);
      const lacking = q.needs.filter((n) => !has[n]);
      if (lacking.length) {
        if (!laterWay) failures.push({ fact: q.fact, source: 'postgresql', reason: lackingReason(lacking, caps.role) });
        continue;
      }
      await client.query('SAVEPOINT fact');
      try {
        const row = (await client.query(q.sql)).rows[0] as PgRow | undefined;
        await client.query('RELEASE SAVEPOINT fact');
        const raw = row ? q.compute(row) : undefined;
        const value = raw === undefined || !Number.isFinite(raw) ? undefined : shapeValue(q.fact, raw);
        if (value === undefined) {
          if (!laterWay) failures.push({ fact: q.fact, source: 'postgresql', reason: 'no data: nothing counted yet (the statistics are empty)' });
          continue;
        }
        done.add(q.fact);
        facts.push({ id: q.fact, value, source: 'postgresql', url: opts.endpoint.display, query: q.sql, at: opts.at.toISOString(), window: 'instant', ...(q.method ? { method: q.method } : {}) });
      } catch (e) {
        await client.query('ROLLBACK TO SAVEPOINT fact').catch(() => undefined);
        if (!laterWay) failures.push({ fact: q.fact, source: 'postgresql', reason: scrub(queryReason(e), ...secrets) });
      }
    }
    await client.query('ROLLBACK').catch(() => undefined);
  } catch (e) {
    failures.push({ fact: null, source: 'postgresql', reason: scrub(`${where}: ${queryReason(e)}`, ...secrets) });
  } finally {
    await client.end().catch(() => undefined);
  }
  return { facts, failures };
}

function lackingReason(lacking: string[], role: string): string {
  const parts = lacking.map((n) =>
    n === 'pg_monitor'
      ? `the role ${role} needs pg_monitor (GRANT pg_monitor TO ${role})`
      : 'the pg_stat_statements extension is not installed in this database (shared_preload_libraries, then CREATE EXTENSION pg_stat_statements)',
  );
  return `not collected: ${parts.join('; ')}`;
}

function queryReason(e: unknown): string {
  const err = e as { code?: string; message?: string };
  if (err.code === '57014') return 'the query ran into the statement timeout (raise --timeout if the server is just slow)';
  if (err.code === '42501') return `permission denied: ${err.message}`;
  return err.message ?? String(e);
}

/** Why the connection failed, in words; never with the password. */
function connectReason(e: unknown, where: string, timeoutMs: number): string {
  const err = e as { code?: string; message?: string };
  const byCode: Record<string, string> = {
    ECONNREFUSED: `cannot reach ${where}: connection refused: nothing listens on that port`,
    ENOTFOUND: `cannot reach ${where}: no such host`,
    ECONNRESET: `${where} closed the connection`,
    '28P01': `${where} refused the login: wrong password (${err.message})`,
    '28000': `${where} refused the login: ${err.message}`,
    '3D000': `${where}: ${err.message}`,
  };
  if (err.code && byCode[err.code]) return byCode[err.code]!;
  if (/timeout/i.test(err.message ?? '')) return `${where} did not answer within ${timeoutMs / 1000}s (raise --timeout if it is just slow)`;
  return `cannot connect to ${where}: ${err.message ?? String(e)}`;
}
