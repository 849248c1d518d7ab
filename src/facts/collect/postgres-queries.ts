// The SQL behind each PostgreSQL fact. Each statement returns one row; compute
// turns it into the fact's value. docs/collect.md lists them with the
// privileges they need.

export type PgRow = Record<string, string | number | null>;

export interface PgFactQuery {
  fact: string;
  sql: string;
  /** pg_monitor: sees other sessions' activity; pg_stat_statements: the extension is installed */
  needs: ('pg_monitor' | 'pg_stat_statements')[];
  /** another way to read a fact, tried only when the ones before it could not run */
  fallback?: true;
  method?: string;
  compute(row: PgRow): number | undefined;
}

const num = (v: unknown) => (v === null || v === undefined ? NaN : Number(v));
const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : undefined);

/** Statements by their first word: reads are SELECT, TABLE, VALUES and WITH queries that change nothing. */
const READ = String.raw`(query ~* '^\s*(select|table|values)\M' OR (query ~* '^\s*with\M' AND query !~* '\m(insert|update|delete|merge)\M'))`;
const WRITE = String.raw`(query ~* '^\s*(insert|update|delete|merge)\M' OR (query ~* '^\s*with\M' AND query ~* '\m(insert|update|delete|merge)\M'))`;
const THIS_DB = 'dbid = (SELECT oid FROM pg_database WHERE datname = current_database())';

/** The statement-based read share runs first, before this run's own statements add to the counts. */
export const PG_QUERIES: PgFactQuery[] = [
  {
    fact: 'database.read_pct',
    sql: `SELECT sum(calls) FILTER (WHERE ${READ}) AS reads, sum(calls) FILTER (WHERE ${WRITE}) AS writes FROM pg_stat_statements WHERE ${THIS_DB}`,
    needs: ['pg_monitor', 'pg_stat_statements'],
    method: 'statements (pg_stat_statements)',
    compute: (r) => share(num(r.reads), num(r.reads) + num(r.writes)),
  },
  {
    fact: 'database.read_pct',
    sql: 'SELECT tup_fetched AS reads, tup_inserted + tup_updated + tup_deleted AS writes FROM pg_stat_database WHERE datname = current_database()',
    needs: [],
    fallback: true,
    method: 'rows (pg_stat_database; install pg_stat_statements to count statements)',
    compute: (r) => share(num(r.reads), num(r.reads) + num(r.writes)),
  },
  {
    fact: 'database.size_gb',
    sql: 'SELECT pg_database_size(current_database()) AS bytes',
    needs: [],
    compute: (r) => num(r.bytes) / 1024 ** 3,
  },
  {
    fact: 'database.largest_table_rows',
    sql:
      'SELECT max(greatest(c.reltuples::bigint, coalesce(s.n_live_tup, 0))) AS rows FROM pg_class c ' +
      'JOIN pg_namespace n ON n.oid = c.relnamespace LEFT JOIN pg_stat_all_tables s ON s.relid = c.oid ' +
      "WHERE c.relkind IN ('r', 'p', 'm') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'",
    needs: [],
    compute: (r) => num(r.rows),
  },
  {
    fact: 'database.connections_used_pct',
    sql: "SELECT count(*) FILTER (WHERE backend_type = 'client backend') AS used, current_setting('max_connections')::int AS max FROM pg_stat_activity",
    needs: ['pg_monitor'],
    compute: (r) => share(num(r.used), num(r.max)),
  },
  {
    fact: 'database.buffer_cache_hit_pct',
    sql: 'SELECT blks_hit AS hit, blks_read AS read FROM pg_stat_database WHERE datname = current_database()',
    needs: [],
    compute: (r) => share(num(r.hit), num(r.hit) + num(r.read)),
  },
  {
    fact: 'database.read_replicas',
    sql: "SELECT count(*) AS replicas FROM pg_stat_replication WHERE state = 'streaming'",
    needs: ['pg_monitor'],
    compute: (r) => num(r.replicas),
  },
  {
    fact: 'database.lock_waits',
    sql: "SELECT count(*) AS waiting FROM pg_stat_activity WHERE wait_event_type = 'Lock'",
    needs: ['pg_monitor'],
    compute: (r) => num(r.waiting),
  },
  {
    fact: 'database.slowest_query_mean_ms',
    sql: `SELECT max(mean_exec_time) AS ms FROM pg_stat_statements WHERE ${THIS_DB} AND calls >= 5`,
    needs: ['pg_monitor', 'pg_stat_statements'],
    compute: (r) => num(r.ms),
  },
];

export const CAPABILITIES_SQL =
  "SELECT current_user AS role, pg_has_role(current_user, 'pg_monitor', 'USAGE') AS monitor, " +
  "EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements') AS statements";
