// Facts from the repository's files: containers, Kubernetes, Helm,
// infrastructure as code, CI, serverless, decision records.
import { readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { LineCounter, parseAllDocuments, isMap, isScalar, type Document } from 'yaml';
import type { Fact } from '../../model.js';
import { detectedFact } from './types.js';

const MAX_PARSED_BYTES = 512 * 1024;

export interface FileFindings {
  facts: Fact[];
  notes: string[];
  /** files that were read (their mtimes key the cache) */
  read: string[];
}

interface KubeObject {
  kind: string;
  name: string;
  file: string;
  line: number;
  spec: Record<string, any>;
}

const CI_FILES: [RegExp, string][] = [
  [/^\.github\/workflows\/[^/]+\.ya?ml$/, 'github-actions'],
  [/(^|\/)\.gitlab-ci\.ya?ml$/, 'gitlab'],
  [/(^|\/)Jenkinsfile$/, 'jenkins'],
  [/(^|\/)\.circleci\/config\.ya?ml$/, 'circleci'],
];
const COMPOSE = /(^|\/)(docker-)?compose(\.[\w-]+)?\.ya?ml$/;
const DOCKERFILE = /(^|\/)(Dockerfile(\.[\w-]+)?|[\w.-]+\.Dockerfile|Containerfile)$/;
const SERVERLESS = /(^|\/)serverless\.(ya?ml|ts|js|json)$/;
const ADR_DIR = /(^|\/)(adr|decisions|architecture\/decisions)$/;
const ADR_FILE = /^\d{3,4}-[^/]+\.md$/;
/** Commands a pipeline runs to apply infrastructure definitions. */
const APPLIES_IAC = /\b(terraform|tofu|terragrunt)\s+apply\b|\bpulumi\s+up\b|\bcloudformation\s+deploy\b|\bcdk\s+deploy\b|\bsam\s+deploy\b/;

function readText(root: string, file: string): string | null {
  try {
    if (statSync(join(root, file)).size > MAX_PARSED_BYTES) return null;
    return readFileSync(join(root, file), 'utf8');
  } catch {
    return null;
  }
}

function parseYamlDocs(text: string): { docs: Document[]; lc: LineCounter } | null {
  const lc = new LineCounter();
  try {
    const docs = parseAllDocuments(text, { lineCounter: lc });
    if (!Array.isArray(docs) || docs.some((d) => d.errors.length)) return null;
    return { docs, lc };
  } catch {
    return null;
  }
}

const lineAt = (lc: LineCounter, offset: number | undefined) => lc.linePos(offset ?? 0).line;

function kubeObjects(file: string, text: string): KubeObject[] {
  if (!/^kind:/m.test(text) || !/^apiVersion:/m.test(text) || text.includes('{{')) return [];
  const parsed = parseYamlDocs(text);
  if (!parsed) return [];
  const out: KubeObject[] = [];
  for (const doc of parsed.docs) {
    if (!isMap(doc.contents)) continue;
    const js = doc.toJS({ maxAliasCount: 50 }) as Record<string, any>;
    if (typeof js.kind !== 'string' || typeof js.apiVersion !== 'string') continue;
    out.push({ kind: js.kind, name: String(js.metadata?.name ?? '?'), file, line: lineAt(parsed.lc, doc.contents.range?.[0]), spec: js.spec ?? {} });
  }
  return out;
}

function composeServices(file: string, text: string): { name: string; line: number }[] {
  const parsed = parseYamlDocs(text);
  const doc = parsed?.docs[0];
  if (!parsed || !doc || !isMap(doc.contents)) return [];
  const services = doc.get('services', true);
  if (!isMap(services)) return [];
  return services.items.filter((p) => isScalar(p.key)).map((p) => ({ name: String((p.key as { value: unknown }).value), line: lineAt(parsed.lc, (p.key as { range?: [number] }).range?.[0]) }));
}

/** Autoscaling on CPU alone, or on other metrics too. */
function hpaKind(hpa: KubeObject): 'cpu' | 'custom-metrics' {
  const metrics: any[] = hpa.spec.metrics ?? [];
  if (!metrics.length) return 'cpu'; // autoscaling/v1 and v2 default to CPU
  return metrics.every((m) => m?.type === 'Resource' && m?.resource?.name === 'cpu') ? 'cpu' : 'custom-metrics';
}

interface Configs {
  kube: KubeObject[];
  compose: { file: string; name: string; line: number }[];
  cloudformation: string[];
  serverless: string[];
  /** the CI file that applies infrastructure definitions, if any */
  ciApplies: string | null;
  /** the files that were read (their modification times key the cache) */
  read: string[];
}

/** Read the YAML, CI and template files once: Kubernetes objects, compose services, CloudFormation, what CI applies. */
function readConfigs(root: string, files: string[], ciFiles: Set<string>, inChart: (f: string) => boolean): Configs {
  const out: Configs = { kube: [], compose: [], cloudformation: [], serverless: files.filter((f) => SERVERLESS.test(f)), ciApplies: null, read: [] };
  for (const f of files) {
    const yaml = /\.ya?ml$/.test(f);
    const isCi = ciFiles.has(f);
    if (!(yaml || isCi || /(^|\/|\.)template(\.json)?$/.test(f))) continue;
    if (yaml && inChart(f)) continue; // Helm templates are not YAML until rendered
    const text = readText(root, f);
    if (text === null) continue;
    // Every file read is watched: an edit may turn a plain YAML file into a manifest.
    out.read.push(f);
    if (isCi && !out.ciApplies && APPLIES_IAC.test(text)) out.ciApplies = f;
    if (/AWSTemplateFormatVersion|"?Type"?\s*:\s*"?AWS::/.test(text)) {
      out.cloudformation.push(f);
      if (/AWS::Serverless/.test(text)) out.serverless.push(f);
    }
    if (yaml && COMPOSE.test(f)) {
      out.compose.push(...composeServices(f, text).map((s) => ({ ...s, file: f })));
    } else if (yaml) {
      const objs = kubeObjects(f, text);
      out.kube.push(...objs);
    }
  }
  return out;
}

export function detectFromFiles(root: string, files: string[]): FileFindings {
  const facts: Fact[] = [];
  const notes: string[] = [];
  const add = (id: string, value: unknown, origin: string) => facts.push(detectedFact(id, value, origin));

  const ci = files.map((f) => ({ f, system: CI_FILES.find(([re]) => re.test(f))?.[1] })).filter((x) => x.system);
  const dockerfiles = files.filter((f) => DOCKERFILE.test(f));
  const tf = files.filter((f) => f.endsWith('.tf'));
  const pulumi = files.filter((f) => /(^|\/)Pulumi\.ya?ml$/.test(f));
  const cdk = files.filter((f) => /(^|\/)cdk\.json$/.test(f));
  const charts = files.filter((f) => /(^|\/)Chart\.ya?ml$/.test(f));
  const chartDirs = charts.map((f) => dirname(f));
  const inChart = (f: string) => chartDirs.some((d) => f.startsWith(d === '.' ? '' : `${d}/`));

  const { kube, compose, cloudformation, serverless, ciApplies, read } = readConfigs(root, files, new Set(ci.map((c) => c.f)), inChart);

  if (ci.length) {
    add('delivery.ci', true, `${ci[0]!.f}:1`);
    add('repository.ci_systems', [...new Set(ci.map((c) => c.system))], ci.map((c) => c.f).join(', '));
  }

  const iacFiles = [...tf, ...pulumi, ...cdk, ...cloudformation];
  if (iacFiles.length) {
    const tools = [tf.length && `${tf.length} Terraform file${tf.length === 1 ? '' : 's'}`, pulumi.length && 'Pulumi', cdk.length && 'CDK', cloudformation.length && `${cloudformation.length} CloudFormation template${cloudformation.length === 1 ? '' : 's'}`].filter(Boolean).join(', ');
    // Definitions a pipeline applies are the whole story; definitions applied by hand are part of it.
    const level = ciApplies ? 'full' : 'partial';
    const more = iacFiles.length > 1 ? ` and ${iacFiles.length - 1} more` : '';
    add('delivery.infrastructure_as_code', level, `${tools}: ${iacFiles[0]}${more}; ${ciApplies ? `applied by ${ciApplies}` : 'no pipeline applies them'}`);
  }

  const deployments = kube.filter((k) => k.kind === 'Deployment' || k.kind === 'StatefulSet');
  const hpas = kube.filter((k) => k.kind === 'HorizontalPodAutoscaler');
  const pdbs = kube.filter((k) => k.kind === 'PodDisruptionBudget');
  const at = (k: KubeObject) => `${k.file}:${k.line}`;
  if (deployments.length) {
    add('repository.kubernetes_workloads', deployments.map((d) => ({ kind: d.kind, name: d.name, replicas: d.spec.replicas ?? 1 })), deployments.map(at).join(', '));
    add('architecture.services', new Set(deployments.map((d) => d.name)).size, deployments.map(at).join(', '));
  }
  if (hpas.length) add('architecture.autoscaling', hpas.some((h) => hpaKind(h) === 'custom-metrics') ? 'custom-metrics' : 'cpu', hpas.map(at).join(', '));
  if (pdbs.length) add('repository.pod_disruption_budgets', pdbs.length, pdbs.map(at).join(', '));
  if (charts.length) add('repository.helm_charts', chartDirs, charts.join(', '));
  if (dockerfiles.length) add('repository.dockerfiles', dockerfiles, dockerfiles.join(', '));
  if (compose.length) add('repository.compose_services', compose.map((s) => s.name), compose.map((s) => `${s.file}:${s.line}`).join(', '));
  const uniqueServerless = [...new Set(serverless)];
  if (uniqueServerless.length) add('repository.serverless_configs', uniqueServerless, uniqueServerless.join(', '));

  const orchestration = deployments.length || hpas.length || charts.length ? 'kubernetes' : uniqueServerless.length ? 'serverless' : dockerfiles.length || compose.length ? 'containers' : null;
  if (orchestration) {
    const why = orchestration === 'kubernetes' ? (deployments[0] ? at(deployments[0]) : hpas[0] ? at(hpas[0]) : charts[0]!) : orchestration === 'serverless' ? uniqueServerless[0]! : (dockerfiles[0] ?? compose[0]!.file);
    add('architecture.orchestration', orchestration, why);
  }

  const adrDirs = [...new Set(files.filter((f) => ADR_FILE.test(basename(f)) && ADR_DIR.test(dirname(f))).map((f) => dirname(f)))];
  if (adrDirs.length) add('repository.adr_dir', adrDirs[0], adrDirs[0]!);
  if (adrDirs.length > 1) notes.push(`several decision-record folders: ${adrDirs.join(', ')}`);
  return { facts, notes, read };
}
