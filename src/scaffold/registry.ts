// Each template's computation, by the name its manifest and the rules use.
// The build fails when a manifest has no computation here, or the reverse.
import type { TemplateInputs } from './inputs.js';
import type { Artefact } from './types.js';
import { renderHpa } from './hpa.js';
import { renderPgbouncer } from './pgbouncer.js';
import { renderPrometheusAlerts } from './prometheus-alerts.js';
import { renderHaproxy, renderNginx } from './load-balancers.js';
import { renderRedisCache } from './redis-cache.js';
import { renderRdsReadReplica } from './rds-read-replica.js';
import { renderK6 } from './k6.js';
import { renderGithubActions, renderGitlabCi } from './ci-gate.js';

export type TemplateRenderer = (inputs: TemplateInputs) => Artefact[] | Promise<Artefact[]>;

export const RENDERERS: Record<string, TemplateRenderer> = {
  hpa: renderHpa,
  pgbouncer: renderPgbouncer,
  'prometheus-alerts': renderPrometheusAlerts,
  nginx: renderNginx,
  haproxy: renderHaproxy,
  'redis-cache': renderRedisCache,
  'rds-read-replica': renderRdsReadReplica,
  k6: renderK6,
  'github-actions': renderGithubActions,
  'gitlab-ci': renderGitlabCi,
};
