// Kubernetes HorizontalPodAutoscaler (autoscaling/v2): replicas from traffic
// and per-pod capacity, CPU and memory targets, custom metrics when the
// profile says the system scales on them, and a calm scale-down.
import { appName, type TemplateInputs } from './inputs.js';
import type { Artefact } from './types.js';

export function renderHpa(inputs: TemplateInputs): Artefact[] {
  const name = appName(inputs);
  const peak = inputs.num('traffic.peak_rps');
  const avg = inputs.num('traffic.avg_rps');
  const spike = inputs.num('traffic.spike_factor');
  const perPod = inputs.numParam('per_pod_rps');
  const floor = inputs.numParam('min_replicas');
  const minReplicas = inputs.computed(
    'minReplicas',
    Math.max(floor, Math.ceil(avg / perPod)),
    `max(min_replicas ${floor}, ceil(avg_rps ${avg} / per_pod_rps ${perPod}))`,
  );
  const maxReplicas = inputs.bounded(
    'maxReplicas',
    inputs.computed('maxReplicas', Math.max(minReplicas, Math.ceil((peak * spike) / perPod)), `max(minReplicas ${minReplicas}, ceil(peak_rps ${peak} × spike_factor ${spike} / per_pod_rps ${perPod}))`),
    1,
    10000,
  );
  const metrics: unknown[] = [
    { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: inputs.numParam('target_cpu_pct') } } },
    { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: inputs.numParam('target_memory_pct') } } },
  ];
  const autoscaling = inputs.fact('architecture.autoscaling');
  if (autoscaling === 'custom-metrics') {
    metrics.push({
      type: 'Pods',
      pods: { metric: { name: inputs.strParam('request_rate_metric') }, target: { type: 'AverageValue', averageValue: String(perPod) } },
    });
    inputs.remark(`request-rate metric: architecture.autoscaling is custom-metrics, target per_pod_rps ${perPod} per pod`);
  }
  const asyncJobs = inputs.fact('architecture.async_jobs');
  if (asyncJobs === 'queue') {
    const depth = inputs.numParam('per_pod_queue_depth');
    metrics.push({
      type: 'External',
      external: { metric: { name: inputs.strParam('queue_metric') }, target: { type: 'AverageValue', averageValue: String(depth) } },
    });
    inputs.remark(`queue-depth metric: architecture.async_jobs is queue, target ${depth} waiting messages per pod`);
  }
  const step = inputs.computed('scaleUp pods per 15 s', Math.max(1, Math.ceil((maxReplicas - minReplicas) / 4)), 'ceil((maxReplicas − minReplicas) / 4): from floor to ceiling within a minute of a spike');
  const namespace = inputs.param('namespace');
  const hpa = {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name, ...(typeof namespace === 'string' ? { namespace } : {}), labels: { 'app.kubernetes.io/name': name } },
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name },
      minReplicas,
      maxReplicas,
      metrics,
      behavior: {
        scaleUp: {
          stabilizationWindowSeconds: 0,
          selectPolicy: 'Max',
          policies: [
            { type: 'Percent', value: 100, periodSeconds: 15 },
            { type: 'Pods', value: step, periodSeconds: 15 },
          ],
        },
        scaleDown: {
          stabilizationWindowSeconds: inputs.numParam('scale_down_window_s'),
          selectPolicy: 'Min',
          policies: [{ type: 'Percent', value: 50, periodSeconds: 60 }],
        },
      },
    },
  };
  return [{ path: 'hpa.yaml', yaml: hpa }];
}
