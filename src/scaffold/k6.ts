// A k6 load test that ramps to the profile's peak and on to a multiple of it
// at a fixed arrival rate, and fails on the SLO's own thresholds.
import { fmt, round, type TemplateInputs } from './inputs.js';
import { renderHandlebars } from './text.js';
import type { Artefact } from './types.js';

export async function renderK6(inputs: TemplateInputs): Promise<Artefact[]> {
  const peak = inputs.num('traffic.peak_rps');
  const multiple = inputs.numParam('overload_factor');
  const ramp = inputs.numParam('ramp_minutes');
  const hold = inputs.numParam('hold_minutes');
  const peakRate = inputs.bounded('peak rate', Math.ceil(peak), 1, 1_000_000);
  const overload = inputs.computed('overload rate', Math.ceil(peak * multiple), `ceil(peak_rps ${fmt(peak)} × overload_factor ${fmt(multiple)})`);
  const sloP95 = inputs.optionalNum('performance.slo_latency_p95_ms');
  const seenP95 = inputs.optionalNum('performance.latency_p95_ms');
  const latencyMs = sloP95 ?? seenP95 ?? 1000;
  const vus = inputs.computed(
    'preAllocatedVUs',
    Math.max(10, Math.ceil((overload * latencyMs) / 1000)),
    `max(10, ceil(overload rate ${overload} × ${sloP95 !== undefined ? 'slo_latency_p95_ms' : seenP95 !== undefined ? 'latency_p95_ms' : 'an assumed'} ${fmt(latencyMs)} ms / 1000)): requests in flight (Little's law)`,
  );
  const thresholds: Record<string, string[]> = {};
  if (sloP95 !== undefined) thresholds.http_req_duration = [`p(95)<${fmt(sloP95)}`];
  const slo = inputs.optionalNum('performance.slo_availability_pct');
  if (slo !== undefined) {
    const budget = inputs.computed('http_req_failed limit', round(1 - slo / 100, 10), `1 − slo_availability_pct ${fmt(slo)} / 100`);
    thresholds.http_req_failed = [`rate<${fmt(budget)}`];
  }
  const options = {
    scenarios: {
      peak_then_overload: {
        executor: 'ramping-arrival-rate',
        startRate: 0,
        timeUnit: '1s',
        preAllocatedVUs: vus,
        maxVUs: vus * 4,
        stages: [
          { target: peakRate, duration: `${ramp}m` },
          { target: peakRate, duration: `${hold}m` },
          { target: overload, duration: `${ramp}m` },
          { target: overload, duration: `${hold}m` },
          { target: 0, duration: '1m' },
        ],
      },
    },
    thresholds,
  };
  inputs.remark(`stages: ${ramp} min to peak ${peakRate}/s, hold ${hold} min, ${ramp} min to ${overload}/s, hold ${hold} min`);
  const text = await renderHandlebars('k6', 'load-test.js', { options, base_url: inputs.strParam('base_url'), path: inputs.strParam('path') });
  return [{ path: 'load-test.js', text, commentPrefix: '//' }];
}
