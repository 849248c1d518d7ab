// Facts from files: containers, Kubernetes, Helm, IaC, CI, serverless, ADRs;
// .gitignore and dependency/build folders respected.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectRepository } from '../../../src/facts/detect/index.js';
import { copyFixture } from '../../helpers/git-repo.js';

const NOW = new Date('2026-06-15T12:00:00Z');


async function detect(dir: string) {
  const d = await detectRepository(dir, { now: NOW });
  const byId = new Map(d.facts.map((f) => [f.id, f]));
  return { d, value: (id: string) => byId.get(id)?.value, origin: (id: string) => byId.get(id)?.origin };
}

describe('files', () => {
  it('finds containers, Kubernetes workloads, autoscalers, disruption budgets, charts, CI, serverless and ADRs', async () => {
    const { d, value, origin } = await detect(copyFixture('platform'));
    expect(value('architecture.orchestration')).toBe('kubernetes');
    expect(value('repository.kubernetes_workloads')).toEqual([
      { kind: 'Deployment', name: 'api', replicas: 3 },
      { kind: 'Deployment', name: 'worker', replicas: 2 },
    ]);
    expect(value('architecture.services')).toBe(2);
    expect(origin('architecture.services')).toBe('k8s/api.yaml:1, k8s/worker.yml:1');
    expect(value('architecture.autoscaling')).toBe('custom-metrics'); // CPU and requests per pod
    expect(value('repository.pod_disruption_budgets')).toBe(1);
    expect(origin('repository.pod_disruption_budgets')).toBe('k8s/api.yaml:25');
    expect(value('repository.helm_charts')).toEqual(['charts/api']);
    expect(value('repository.dockerfiles')).toEqual(['Dockerfile']);
    expect(value('repository.compose_services')).toEqual(['api', 'worker', 'redis']);
    expect(value('delivery.ci')).toBe(true);
    expect(value('repository.ci_systems')).toEqual(['circleci', 'github-actions', 'gitlab', 'jenkins']);
    expect(value('repository.serverless_configs')).toEqual(['functions/serverless.yml']);
    expect(value('repository.adr_dir')).toBe('doc/adr');
    expect(value('delivery.infrastructure_as_code')).toBe('partial');
    expect(origin('delivery.infrastructure_as_code')).toBe('3 Terraform files: infra/database.tf and 2 more; no pipeline applies them');
    for (const f of d.facts) expect(f.provenance).toBe('detected');
  });

  it('skips dependency and build folders and what .gitignore ignores', async () => {
    const dir = copyFixture('platform');
    mkdirSync(join(dir, 'generated'));
    writeFileSync(join(dir, 'generated', 'package.json'), '{"dependencies":{"mysql2":"3"}}');
    const { value } = await detect(dir);
    // node_modules/ says kafkajs, build/ mongodb, generated/ (ignored) mysql2: none of them count
    expect(value('architecture.message_broker')).toBeUndefined();
    expect(value('database.engine')).toBeUndefined();
  });

  it('calls IaC full when a pipeline applies it', async () => {
    const dir = copyFixture('platform');
    writeFileSync(join(dir, '.github', 'workflows', 'deploy.yml'), 'on: [push]\njobs:\n  infra:\n    runs-on: ubuntu-latest\n    steps:\n      - run: terraform apply -auto-approve\n');
    const { value, origin } = await detect(dir);
    expect(value('delivery.infrastructure_as_code')).toBe('full');
    expect(origin('delivery.infrastructure_as_code')).toMatch(/applied by \.github\/workflows\/deploy\.yml/);
  });

  it('finds Pulumi and CloudFormation, CPU-only autoscaling, and plain containers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sa-detect-'));
    writeFileSync(join(dir, 'Pulumi.yaml'), 'name: infra\nruntime: nodejs\n');
    writeFileSync(join(dir, 'stack.yaml'), 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n');
    writeFileSync(join(dir, 'Dockerfile'), 'FROM alpine\n');
    const { value, origin } = await detect(dir);
    expect(value('delivery.infrastructure_as_code')).toBe('partial');
    expect(origin('delivery.infrastructure_as_code')).toMatch(/Pulumi, 1 CloudFormation template/);
    expect(value('architecture.orchestration')).toBe('containers');

    writeFileSync(join(dir, 'hpa.yaml'), 'apiVersion: autoscaling/v1\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: web\nspec:\n  maxReplicas: 4\n');
    const again = await detect(dir);
    expect(again.value('architecture.autoscaling')).toBe('cpu');
    expect(again.value('architecture.orchestration')).toBe('kubernetes');
  });

  it('finds nothing in an empty folder and claims nothing', async () => {
    const { d } = await detect(mkdtempSync(join(tmpdir(), 'sa-detect-')));
    expect(d.facts).toEqual([]);
  });
});
