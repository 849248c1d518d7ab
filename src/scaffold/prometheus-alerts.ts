// Prometheus rules: RED recording rules, multi-window multi-burn-rate alerts
// on the error budget (SRE workbook, ch. 5), latency against the SLO, and
// database saturation at the thresholds the rules use.
import { appName, fmt, round, type TemplateInputs } from './inputs.js';
import type { Artefact } from './types.js';

/** The workbook's burn-rate alerts: [name, factor, long window, short window, severity]. */
const BURN_ALERTS = [
  ['ErrorBudgetBurnFast', 14.4, '1h', '5m', 'page', '2% of the 30-day budget in 1 hour'],
  ['ErrorBudgetBurnSlow', 6, '6h', '30m', 'page', '5% of the 30-day budget in 6 hours'],
  ['ErrorBudgetBurnTicket', 1, '3d', '6h', 'ticket', '10% of the 30-day budget in 3 days'],
] as const;

const WINDOWS = ['5m', '30m', '1h', '6h', '3d'];

export function renderPrometheusAlerts(inputs: TemplateInputs): Artefact[] {
  const name = appName(inputs);
  const slo = inputs.num('performance.slo_availability_pct');
  const requests = inputs.strParam('requests_metric');
  const latency = inputs.strParam('latency_metric');
  const sel = `job="${name}"`;
  const budget = inputs.bounded('error budget', inputs.computed('error budget', round((100 - slo) / 100, 10), `1 − slo_availability_pct ${slo} / 100`), 1e-9, 0.5);
  const ratio = (w: string) => `job:slo_errors_per_request:ratio_rate${w}`;
  const records = [
    { record: 'job:http_requests:rate5m', expr: `sum by (job) (rate(${requests}{${sel}}[5m]))` },
    ...WINDOWS.map((w) => ({
      record: ratio(w),
      expr: `sum by (job) (rate(${requests}{${sel},code=~"5.."}[${w}]))\n/\nsum by (job) (rate(${requests}{${sel}}[${w}]))`,
    })),
    ...[0.95, 0.99].map((q) => ({
      record: `job:${latency}:p${q * 100}_5m`,
      expr: `histogram_quantile(${q}, sum by (job, le) (rate(${latency}_bucket{${sel}}[5m])))`,
    })),
  ];
  const alerts: Record<string, unknown>[] = BURN_ALERTS.map(([alert, factor, long, short, severity, meaning]) => {
    const threshold = inputs.computed(`${alert} threshold`, round(factor * budget, 10), `${factor} × error budget ${fmt(budget)} over ${long} and ${short}`);
    return {
      alert,
      expr: `${ratio(long)}{${sel}} > ${fmt(threshold)}\nand\n${ratio(short)}{${sel}} > ${fmt(threshold)}`,
      labels: { severity, long_window: long },
      annotations: {
        summary: `${name} burns its error budget ${factor}× too fast (${meaning})`,
        description: `Error ratio over ${long} and ${short} above ${fmt(threshold)} (${factor} × ${fmt(budget)}, the budget of a ${fmt(slo)}% availability SLO).`,
      },
    };
  });
  const p95 = inputs.optionalNum('performance.slo_latency_p95_ms');
  if (p95 !== undefined) {
    const p99 = inputs.computed('p99 limit ms', round(p95 * inputs.numParam('p99_to_p95_ratio'), 3), `slo_latency_p95_ms ${p95} × p99_to_p95_ratio`);
    for (const [q, limit, what] of [[95, p95, 'the latency SLO'], [99, p99, 'the p99 limit']] as const) {
      alerts.push({
        alert: `LatencyP${q}AboveSLO`,
        expr: `job:${latency}:p${q}_5m{${sel}} > ${fmt(limit / 1000)}`,
        for: '10m',
        labels: { severity: q === 95 ? 'page' : 'ticket' },
        annotations: { summary: `${name} p${q} latency above ${fmt(limit)} ms (${what})`, description: `p${q} over 5 minutes has stayed above ${fmt(limit)} ms for 10 minutes.` },
      });
    }
  }
  const cpu = inputs.numParam('db_cpu_alert_pct');
  const conns = inputs.numParam('db_connections_alert_pct');
  alerts.push(
    {
      alert: 'DatabaseCPUSaturated',
      expr: `100 * (1 - avg by (instance) (rate(node_cpu_seconds_total{job="${inputs.strParam('db_node_job')}",mode="idle"}[5m]))) > ${fmt(cpu)}`,
      for: '15m',
      labels: { severity: 'ticket' },
      annotations: { summary: `Database CPU above ${fmt(cpu)}%, where rule db-cpu-saturated calls it saturated`, description: 'Queries queue at this CPU; see `scale-advise explain db-cpu-saturated`.' },
    },
    {
      alert: 'DatabaseConnectionsSaturated',
      expr: `100 * sum by (instance) (pg_stat_activity_count{job="${inputs.strParam('db_exporter_job')}"}) / max by (instance) (pg_settings_max_connections{job="${inputs.strParam('db_exporter_job')}"}) > ${fmt(conns)}`,
      for: '10m',
      labels: { severity: 'ticket' },
      annotations: { summary: `Database connections above ${fmt(conns)}% of max_connections, where rule db-connection-pooling calls for a pooler`, description: 'See `scale-advise explain db-connection-pooling`.' },
    },
  );
  const rules = {
    groups: [
      { name: `${name}-red`, rules: records },
      { name: `${name}-alerts`, rules: alerts },
    ],
  };
  return [{ path: 'alerts.yaml', yaml: rules }];
}
