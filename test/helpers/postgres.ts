// A real PostgreSQL 15: initdb into a temporary directory as the postgres user,
// listening on loopback on a free port, with pg_stat_statements loaded.
import { chownSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, postgresTempDir, postgresUser, runOrThrow, waitFor, type Started } from './servers.js';
import { startBounded } from './bounded-servers.js';

export const PG_BIN = '/usr/lib/postgresql/15/bin';
export const SUPERUSER_PASSWORD = 'setup-only-Pw1';

export interface RunningPostgres {
  port: number;
  /** start a hot standby streaming from this server; resolves once it streams */
  addStandby: () => Promise<void>;
  /** a superuser client for setting up and checking */
  admin: (database?: string) => Promise<pg.Client>;
  url: (user: string, password: string, database: string) => string;
  stop: () => Promise<void>;
}

export async function startPostgres(): Promise<RunningPostgres> {
  const as = postgresUser();
  const dir = postgresTempDir('sa-pg-');
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, SUPERUSER_PASSWORD + '\n');
  if (as.uid !== undefined && as.gid !== undefined) chownSync(pwfile, as.uid, as.gid);
  runOrThrow(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync'], as);
  const port = await freePort();
  const servers: Started[] = [];
  const run = (dataDir: string, serverPort: number, extra: string[] = []) => {
    const s = startBounded(join(PG_BIN, 'postgres'), ['-D', dataDir, '-p', String(serverPort), '-k', dir, '-c', 'listen_addresses=127.0.0.1', ...extra], as);
    servers.push(s);
    return s;
  };
  run(data, port, ['-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'max_connections=20', '-c', 'fsync=off']);
  const url = (u: string, p: string, db: string) => `postgresql://${encodeURIComponent(u)}:${encodeURIComponent(p)}@127.0.0.1:${port}/${db}`;
  const admin = async (database = 'postgres') => {
    const c = new pg.Client({ connectionString: url('postgres', SUPERUSER_PASSWORD, database) });
    await c.connect();
    return c;
  };
  const stop = async () => {
    // standbys first, then the primary; each shuts down fast on SIGINT
    for (const s of servers.reverse()) await s.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitFor(async () => (await admin()).end(), 'postgres', 30000);
  } catch (e) {
    await stop();
    throw new Error(`${(e as Error).message}\n${servers[0]?.output()}`);
  }
  const addStandby = async () => {
    const standbyData = join(dir, `standby${servers.length}`);
    runOrThrow('env', [`PGPASSWORD=${SUPERUSER_PASSWORD}`, join(PG_BIN, 'pg_basebackup'), '-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', standbyData, '-R', '-X', 'stream', '--no-sync', '--checkpoint=fast'], as);
    run(standbyData, await freePort());
    const standbys = servers.length - 1;
    await waitFor(async () => {
      const c = await admin();
      try {
        const n = (await c.query("SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'")).rows[0].n;
        if (n !== standbys) throw new Error(`${n} of ${standbys} standbys streaming`);
      } finally {
        await c.end();
      }
    }, 'the standby', 30000);
  };
  return { port, addStandby, admin, url, stop };
}
