// Terraform for RDS read replicas of the primary, with a parameter group
// for replicas; the instance class is a variable the user must choose.
import { UserError } from '../util/errors.js';
import { appName, fmt, type TemplateInputs } from './inputs.js';
import { renderHandlebars } from './text.js';
import type { Artefact } from './types.js';

const FAMILIES: Record<string, { family: string; engine: string }> = {
  postgresql: { family: 'postgres16', engine: 'postgres' },
  mysql: { family: 'mysql8.0', engine: 'mysql' },
  mariadb: { family: 'mariadb10.11', engine: 'mariadb' },
};

export async function renderRdsReadReplica(inputs: TemplateInputs): Promise<Artefact[]> {
  const engine = String(inputs.fact('database.engine'));
  const known = FAMILIES[engine];
  if (!known) throw new UserError(`rds-read-replica supports RDS for PostgreSQL, MySQL and MariaDB; database.engine is ${JSON.stringify(engine)}`);
  const cloud = inputs.fact('architecture.cloud');
  if (cloud !== undefined && cloud !== 'aws') inputs.remark(`architecture.cloud is ${String(cloud)}: this Terraform is for AWS RDS`);
  const family = (inputs.param('parameter_group_family') as string | undefined) ?? inputs.computed('parameter group family', known.family, `the current major version for database.engine ${engine}`);
  const cpu = inputs.optionalNum('database.cpu_p95_pct');
  const reads = inputs.optionalNum('database.read_pct');
  const target = inputs.numParam('replica_cpu_target_pct');
  let replicas = 1;
  if (cpu !== undefined && reads !== undefined) {
    replicas = inputs.computed(
      'replica_count',
      Math.max(1, Math.ceil((cpu * (reads / 100)) / target)),
      `max(1, ceil(cpu_p95_pct ${fmt(cpu)} × read_pct ${fmt(reads)} / 100 / replica_cpu_target_pct ${fmt(target)})): the read share of the primary's CPU, spread at the target`,
    );
  } else {
    const missing = [cpu === undefined ? 'database.cpu_p95_pct' : '', reads === undefined ? 'database.read_pct' : ''].filter(Boolean).join(' and ');
    inputs.remark(`replica_count 1: without ${missing} the read load is unknown`);
  }
  replicas = inputs.bounded('replica_count', replicas, 1, 15);
  const text = await renderHandlebars('rds-read-replica', 'main.tf', {
    source: (inputs.param('source_db_identifier') as string | undefined) ?? appName(inputs),
    family,
    replicas,
    postgres: engine === 'postgresql',
    mysql: engine !== 'postgresql',
  });
  return [{ path: 'main.tf', text, commentPrefix: '#' }];
}
