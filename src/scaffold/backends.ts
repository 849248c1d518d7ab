// The app instances a load balancer spreads traffic over, shared by the
// nginx and HAProxy templates.
import { appName, type TemplateInputs } from './inputs.js';

export interface Backends {
  name: string;
  servers: { id: string; address: string }[];
  healthPath: string;
  interval: number;
  fall: number;
  rise: number;
}

export function backendsFor(inputs: TemplateInputs): Backends {
  const name = appName(inputs);
  const instances = inputs.num('architecture.app_instances');
  const peak = inputs.optionalNum('traffic.peak_rps');
  let count = instances;
  if (peak !== undefined) {
    const perInstance = inputs.numParam('per_instance_rps');
    const needed = inputs.computed('instances needed', Math.ceil(peak / perInstance) + 1, `ceil(peak_rps ${peak} / per_instance_rps ${perInstance}) + 1 spare`);
    count = inputs.computed('servers', Math.max(instances, needed), `max(app_instances ${instances}, instances needed ${needed})`);
    if (needed > instances) inputs.remark(`the profile has ${instances === 1 ? '1 app instance' : `${instances} app instances`}; peak traffic needs ${needed}: add ${needed - instances}`);
  }
  count = inputs.bounded('servers', count, 1, 250);
  const pattern = inputs.strParam('backend_host_pattern');
  const port = inputs.numParam('backend_port');
  const servers = Array.from({ length: count }, (_, i) => ({ id: `${name}-${i + 1}`, address: `${pattern.replaceAll('{n}', String(i + 1))}:${port}` }));
  return {
    name,
    servers,
    healthPath: inputs.strParam('health_path'),
    interval: inputs.numParam('check_interval_s'),
    fall: inputs.numParam('check_fall'),
    rise: inputs.numParam('check_rise'),
  };
}
