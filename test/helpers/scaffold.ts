import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { mergeFacts } from '../../src/facts/index.js';
import { loadProfile } from '../../src/profile/load.js';
import { loadTemplateManifests } from '../../src/scaffold/catalog.js';
import { renderTemplates } from '../../src/scaffold/render.js';

/** A profile like the example's, with the given sections merged over it. */
export const BASE_PROFILE = {
  version: 1,
  project: { name: 'acme-shop', kind: 'e-commerce' },
  traffic: { peak_rps: 800, avg_rps: 150, spike_factor: 8 },
  performance: { slo_availability_pct: 99.9, slo_latency_p95_ms: 500, latency_p95_ms: 900 },
  database: { engine: 'postgresql', connections_used_pct: 95, cpu_p95_pct: 92, read_pct: 85, size_gb: 400 },
  architecture: { app_instances: 2, autoscaling: 'none', async_jobs: 'in-request', cloud: 'aws', cache_hit_pct: 0 },
};

type Sections = Record<string, Record<string, unknown> | number>;

export function profileWith(over: Sections = {}, drop: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(BASE_PROFILE)) out[k] = typeof v === 'object' ? { ...v } : v;
  for (const [k, v] of Object.entries(over)) out[k] = typeof v === 'object' ? { ...(out[k] as object), ...v } : v;
  for (const path of drop) {
    const [section, key] = path.split('.');
    delete (out[section!] as Record<string, unknown>)[key!];
  }
  return out;
}

export function writeProfile(profile: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-scaffold-'));
  const file = join(dir, 'scale-advise.yaml');
  writeFileSync(file, stringify(profile));
  return file;
}

/** Render templates for a profile; returns each file's text by `template/file`. */
export async function render(names: string[], profile: Record<string, unknown> = profileWith(), settings: string[] = []): Promise<Record<string, string>> {
  const file = writeProfile(profile);
  const { facts } = mergeFacts(loadProfile(file, file.replace(/[^/]+$/, '')));
  const manifests = loadTemplateManifests().filter((m) => names.includes(m.name));
  const results = await renderTemplates({ manifests, facts, settings, profileName: 'scale-advise.yaml' });
  return Object.fromEntries(results.flatMap((r) => r.files.map((f) => [`${r.template}/${f.path}`, f.text])));
}

/** Whether a real tool is on PATH. Under CI a missing tool fails the test instead of skipping it. */
export const inCi = Boolean(process.env.CI);
