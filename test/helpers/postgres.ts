// A real PostgreSQL 15: initdb into a temporary directory as the postgres user,
// listening on loopback on a free port, with pg_stat_statements loaded.
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort, startProcess, stopProcess, waitFor } from './servers.js';

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

const asRoot = process.getuid?.() === 0;

export async function startPostgres(): Promise<RunningPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'sa-pg-'));
  chmodSync(dir, 0o755);
  const data = join(dir, 'data');
  const pwfile = join(dir, 'pw');
  writeFileSync(pwfile, SUPERUSER_PASSWORD + '\n');
  if (asRoot) {
    const pwUid = Number(spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    const pwGid = Number(spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).stdout.trim());
    chownSync(dir, pwUid, pwGid);
    chownSync(pwfile, pwUid, pwGid);
  }
  const initArgs = ['-D', data, '-U', 'postgres', `--pwfile=${pwfile}`, '--auth-local=trust', '--auth-host=scram-sha-256', '--no-sync'];
  const [cmd, args] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, 'initdb'), ...initArgs]] : [join(PG_BIN, 'initdb'), initArgs];
  const init = spawnSync(cmd as string, args as string[], { encoding: 'utf8' });
  if (init.status !== 0) throw new Error(`initdb failed: ${init.stderr}`);
  const port = await freePort();
  const child = startProcess(
    join(PG_BIN, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'shared_preload_libraries=pg_stat_statements', '-c', 'max_connections=20', '-c', 'fsync=off'],
    asRoot ? { asUser: 'postgres' } : {},
  );
  const url = (u: string, p: string, db: string) => `postgresql://${encodeURIComponent(u)}:${encodeURIComponent(p)}@127.0.0.1:${port}/${db}`;
  const admin = async (database = 'postgres') => {
    const c = new pg.Client({ connectionString: url('postgres', SUPERUSER_PASSWORD, database) });
    await c.connect();
    return c;
  };
  await waitFor(async () => {
    const c = await admin();
    await c.end();
    return true;
  }, 'postgres', child);
  const standbys: { child: ReturnType<typeof startProcess>; data: string }[] = [];
  const pidOf = (dataDir: string) => {
    try {
      return [Number(readFileSync(join(dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])];
    } catch {
      return []; // not running
    }
  };
  const addStandby = async () => {
    const standbyData = join(dir, `standby${standbys.length + 1}`);
    const backupArgs = ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-D', standbyData, '-R', '-X', 'stream', '--no-sync', '--checkpoint=fast'];
    const env = { ...process.env, PGPASSWORD: SUPERUSER_PASSWORD };
    const [bcmd, bargs] = asRoot ? ['runuser', ['-u', 'postgres', '--', join(PG_BIN, 'pg_basebackup'), ...backupArgs]] : [join(PG_BIN, 'pg_basebackup'), backupArgs];
    const backup = spawnSync(bcmd as string, bargs as string[], { encoding: 'utf8', env });
    if (backup.status !== 0) throw new Error(`pg_basebackup failed: ${backup.stderr}`);
    const standbyPort = await freePort();
    const child = startProcess(join(PG_BIN, 'postgres'), ['-D', standbyData, '-p', String(standbyPort), '-k', dir, '-c', 'listen_addresses=127.0.0.1'], asRoot ? { asUser: 'postgres' } : {});
    standbys.push({ child, data: standbyData });
    await waitFor(async () => {
      const c = await admin();
      try {
        return (await c.query("SELECT count(*)::int AS n FROM pg_stat_replication WHERE state = 'streaming'")).rows[0].n === standbys.length;
      } finally {
        await c.end();
      }
    }, 'the standby', child);
  };
  return {
    port,
    addStandby,
    admin,
    url,
    stop: async () => {
      for (const s of standbys) await stopProcess(s.child, pidOf(s.data), 'SIGINT');
      // the postmaster runs under runuser and timeout: a fast shutdown (SIGINT) by its own pid
      await stopProcess(child, pidOf(data), 'SIGINT');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
