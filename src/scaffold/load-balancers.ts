// nginx upstream and HAProxy backend over the app instances, with health
// checks; nginx also limits each client's request rate.
import type { TemplateInputs } from './inputs.js';
import { backendsFor } from './backends.js';
import { renderHandlebars } from './text.js';
import type { Artefact } from './types.js';

export async function renderNginx(inputs: TemplateInputs): Promise<Artefact[]> {
  const b = backendsFor(inputs);
  const perClient = inputs.numParam('per_client_rps');
  const burst = inputs.computed('limit_req burst', Math.ceil(perClient * 2), `per_client_rps ${perClient} × 2, so a page load's parallel requests pass`);
  inputs.remark(`health checks are passive (open-source nginx): a server is out for ${b.interval * b.fall} s after ${b.fall} failures (check_interval_s × check_fall)`);
  const text = await renderHandlebars('nginx', 'upstream.conf', {
    ...b,
    fail_timeout: b.interval * b.fall,
    listen: `${inputs.strParam('listen_addr')}:${inputs.numParam('listen_port')}`,
    per_client_rps: perClient,
    burst,
  });
  return [{ path: 'upstream.conf', text, commentPrefix: '#' }];
}

export async function renderHaproxy(inputs: TemplateInputs): Promise<Artefact[]> {
  const b = backendsFor(inputs);
  inputs.remark(`active health checks: GET ${b.healthPath} every ${b.interval} s; out after ${b.fall} failures, back after ${b.rise} successes`);
  const text = await renderHandlebars('haproxy', 'haproxy.cfg', {
    ...b,
    interval_ms: b.interval * 1000,
    bind: `${inputs.strParam('listen_addr')}:${inputs.numParam('listen_port')}`,
  });
  return [{ path: 'haproxy.cfg', text, commentPrefix: '#' }];
}
