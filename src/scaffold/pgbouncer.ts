// PgBouncer in front of PostgreSQL: pool sizes from the connections the app
// holds and what the database can give, pool mode from how the app uses them.
import { UserError } from '../util/errors.js';
import type { TemplateInputs } from './inputs.js';
import type { Artefact } from './types.js';
import { renderHandlebars } from './text.js';

export async function renderPgbouncer(inputs: TemplateInputs): Promise<Artefact[]> {
  const engine = inputs.fact('database.engine');
  if (engine !== 'postgresql') throw new UserError(`pgbouncer pools PostgreSQL connections; database.engine is ${JSON.stringify(engine)}`);
  const usedPct = inputs.num('database.connections_used_pct');
  const instances = inputs.num('architecture.app_instances');
  const maxConnections = inputs.numParam('max_connections');
  const reserved = inputs.numParam('reserved_connections');
  const workers = inputs.numParam('workers_per_instance');
  const poolMode = inputs.strParam('pool_mode');
  const inUse = inputs.computed('connections in use', Math.ceil((maxConnections * usedPct) / 100), `ceil(max_connections ${maxConnections} × connections_used_pct ${usedPct} / 100)`);
  const clients = inputs.computed('client connections', instances * workers, `app_instances ${instances} × workers_per_instance ${workers}`);
  const usable = inputs.bounded(
    'max_db_connections',
    inputs.computed('max_db_connections', maxConnections - reserved, `max_connections ${maxConnections} − reserved_connections ${reserved}`),
    2,
    100000,
  );
  const reservePool = inputs.computed('reserve_pool_size', Math.max(1, Math.ceil(usable / 10)), `ceil(max_db_connections ${usable} / 10)`);
  const pool = inputs.computed(
    'default_pool_size',
    Math.max(1, Math.min(usable - reservePool, clients)),
    `min(max_db_connections ${usable} − reserve_pool_size ${reservePool}, client connections ${clients}): a worker runs one transaction at a time`,
  );
  const maxClient = inputs.computed('max_client_conn', Math.max(inUse, clients) * 2, `max(connections in use ${inUse}, client connections ${clients}) × 2, for old and new instances during a rolling deploy`);
  if (poolMode === 'session' && clients > pool) {
    inputs.remark(`session pooling holds a server connection per client: ${clients} clients exceed the pool of ${pool}; prefer transaction pooling`);
  }
  const text = await renderHandlebars('pgbouncer', 'pgbouncer.ini', {
    db_name: inputs.strParam('db_name'),
    db_host: inputs.strParam('db_host'),
    db_port: inputs.numParam('db_port'),
    listen_addr: inputs.strParam('listen_addr'),
    listen_port: inputs.numParam('listen_port'),
    auth_file: inputs.strParam('auth_file'),
    pool_mode: poolMode,
    max_client_conn: maxClient,
    default_pool_size: pool,
    reserve_pool_size: reservePool,
    max_db_connections: usable,
    session: poolMode === 'session',
  });
  return [{ path: 'pgbouncer.ini', text, commentPrefix: ';' }];
}
