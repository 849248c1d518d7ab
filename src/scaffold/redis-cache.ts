// Redis as a cache-aside store: memory bounded by the working set, evicting
// the least useful keys, no persistence.
import { UserError } from '../util/errors.js';
import { fmt, type TemplateInputs } from './inputs.js';
import { renderHandlebars } from './text.js';
import type { Artefact } from './types.js';

export async function renderRedisCache(inputs: TemplateInputs): Promise<Artefact[]> {
  let workingSet = inputs.param('working_set_gb') as number | undefined;
  if (workingSet === undefined) {
    const size = inputs.optionalNum('database.size_gb');
    if (size === undefined) throw new UserError('redis-cache needs the working set: add database.size_gb to the profile, or pass --set working_set_gb=N');
    const hot = inputs.numParam('hot_data_pct');
    workingSet = inputs.computed('working set GB', size * (hot / 100), `database.size_gb ${size} × hot_data_pct ${hot} / 100`);
  }
  const overhead = inputs.numParam('key_overhead_pct');
  const maxmemoryMb = inputs.bounded(
    'maxmemory MB',
    inputs.computed('maxmemory MB', Math.ceil(workingSet * 1024 * (1 + overhead / 100)), `ceil(working set ${fmt(workingSet)} GB × 1024 × (1 + key_overhead_pct ${overhead} / 100))`),
    1,
    4 * 1024 * 1024,
  );
  inputs.computed('instance memory MB', Math.ceil(maxmemoryMb / 0.75), 'ceil(maxmemory / 0.75): room for fragmentation, replication and client buffers');
  const policy = inputs.strParam('eviction_policy');
  inputs.remark(`maxmemory-policy ${policy}: cache-aside keeps every key re-creatable from the database, so any key may be evicted`);
  const hit = inputs.optionalNum('architecture.cache_hit_pct');
  const cache = inputs.fact('architecture.cache');
  // With no cache yet there is no hit rate to tune; a recorded 0 only says so.
  if (hit !== undefined && hit < 80 && cache !== 'none') inputs.remark(`cache_hit_pct is ${fmt(hit)}: check key design and TTLs before adding memory`);
  const text = await renderHandlebars('redis-cache', 'redis.conf', {
    bind: inputs.strParam('bind'),
    port: inputs.numParam('port'),
    maxmemory_mb: maxmemoryMb,
    policy,
  });
  return [{ path: 'redis.conf', text, commentPrefix: '#' }];
}
