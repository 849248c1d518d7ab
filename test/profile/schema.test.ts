// The profile schema covers every field of the profile format, documents each
// one, and stays readable by editors that speak draft-07.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/assess.js';
import { loadProfile } from '../../src/profile/load.js';

const schema = JSON.parse(readFileSync(join(ROOT, 'schema', 'profile.schema.json'), 'utf8'));
const SPEC = join(ROOT, '..', 'shared', 'spec', 'PROFILE.md');
const example = readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8');

type Node = Record<string, any>;
function resolve(node: Node): Node {
  return node.$ref ? resolve(schema.$defs[node.$ref.split('/').pop()]) : node;
}

/** Every leaf path of a value, with list items collapsed to `[]`. */
function leafPaths(v: unknown, prefix = ''): string[] {
  if (Array.isArray(v)) return v.length && typeof v[0] === 'object' ? v.flatMap((x) => leafPaths(x, `${prefix}[]`)) : [prefix];
  if (v && typeof v === 'object') return Object.entries(v).flatMap(([k, x]) => leafPaths(x, prefix ? `${prefix}.${k}` : k));
  return [prefix];
}

function schemaAt(path: string): Node | undefined {
  let node: Node | undefined = schema;
  for (const part of path.split('.')) {
    if (!node) return undefined;
    const [key, list] = part.endsWith('[]') ? [part.slice(0, -2), true] : [part, false];
    node = resolve(node);
    const props: Node = node.properties ?? {};
    node = props[key] ?? (node.additionalProperties && typeof node.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (node && list) node = resolve(resolve(node).items);
  }
  return node && resolve(node);
}

function leaves(node: Node, path = ''): [string, Node][] {
  node = resolve(node);
  if (node.type === 'object' && node.properties) return Object.entries(node.properties as Node).flatMap(([k, v]) => leaves(v as Node, path ? `${path}.${k}` : k));
  if (node.type === 'array' && resolve(node.items ?? {}).type === 'object') return leaves(node.items, `${path}[]`);
  return [[path, node]];
}

describe('profile schema', () => {
  it('is draft 2020-12 and uses only keywords draft-07 editors understand', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const allowed = new Set(['$schema', '$id', '$ref', '$defs', 'title', 'description', 'type', 'properties', 'additionalProperties', 'patternProperties', 'required', 'enum', 'const', 'minimum', 'maximum', 'items', 'minItems', 'maxItems', 'uniqueItems', 'pattern', 'minLength', 'maxLength', 'examples', 'default', 'x-unit', 'x-scales-with']);
    const used = new Set<string>();
    const walk = (n: unknown, inProps = false) => {
      if (Array.isArray(n)) return n.forEach((x) => walk(x));
      if (!n || typeof n !== 'object') return;
      for (const [k, v] of Object.entries(n)) {
        if (!inProps) used.add(k);
        if (!inProps && ['examples', 'default', 'const', 'enum'].includes(k)) continue; // values, not schemas
        walk(v, !inProps && ['properties', 'patternProperties', '$defs'].includes(k));
      }
    };
    walk(schema);
    expect([...used].filter((k) => !allowed.has(k) && !k.startsWith('^'))).toEqual([]);
  });

  it.runIf(existsSync(SPEC))("ships PROFILE.md's example as examples/scale-advise.yaml", () => {
    const yamlBlock = /```yaml\n([\s\S]*?)```/.exec(readFileSync(SPEC, 'utf8'))![1]!;
    expect(parse(example)).toEqual(parse(yamlBlock));
  });

  it("covers every field of the profile format's example", () => {
    const paths = leafPaths(parse(example)).filter((p) => !p.startsWith('stage_models.'));
    const missing = paths.filter((p) => !schemaAt(p));
    expect(paths.length).toBeGreaterThan(100);
    expect(missing).toEqual([]);
  });

  it('documents every field with a description and an example, and numbers with a unit and a range', () => {
    const undocumented: string[] = [];
    for (const [path, node] of leaves(schema)) {
      if (!node.description) undocumented.push(`${path}: description`);
      if (!Array.isArray(node.examples) || !node.examples.length) undocumented.push(`${path}: examples`);
      if (['number', 'integer'].includes(node.type)) {
        if (!node['x-unit']) undocumented.push(`${path}: x-unit`);
        if (node.minimum === undefined) undocumented.push(`${path}: minimum`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it('is published in the package for editors', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['./schema/profile.schema.json']).toBe('./schema/profile.schema.json');
    expect(pkg.files).toContain('schema');
    expect(example.split('\n')[0]).toMatch(/^# yaml-language-server: \$schema=/);
  });
});

/** What loading a profile of this text says, or '' when it loads. */
function loadMessage(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'sa-schema-')), 'scale-advise.yaml');
  writeFileSync(file, text);
  try {
    loadProfile(file);
    return '';
  } catch (e) {
    return (e as Error).message;
  }
}

describe('mistakes inside a list of mappings', () => {
  it('are explained with the keys, unit and meaning of the list item, not of the top level', () => {
    const message = loadMessage('version: 1\narchitecture:\n  components:\n    - name: api\n      cpu_share_pcnt: 50\n      cpu_share_pct: 500\n');
    expect(message).toMatch(/:5:7: unknown field `cpu_share_pcnt` in `architecture\.components\[0\]` \(did you mean `cpu_share_pct`\?\)/);
    expect(message).toMatch(/:6:22: `architecture\.components\[0\]\.cpu_share_pct` must be <= 100 \(%\), got 500 \(Percentage of the application tier's CPU/);
    expect(message).not.toMatch(/stage_model/);
  });
});

describe('a value of the wrong type for a list of choices', () => {
  it('is reported once, with the choices', () => {
    const message = loadMessage('version: 1\narchitecture:\n  api_contracts: false\n');
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/:3:18: `architecture\.api_contracts` must be one of: none, informal, openapi, contract-tested; got boolean false/);
  });
});

describe('values that contradict each other', () => {
  it('are errors at the first value, naming the other and its line', () => {
    const message = loadMessage('version: 1\ntraffic:\n  peak_rps: 800\n  avg_rps: 900\n  monthly_active_users: 1000\n  daily_active_users: 5000\nperformance: { latency_p50_ms: 100, latency_p95_ms: 90, latency_p99_ms: 300 }\ndatabase: { size_gb: 600, storage_limit_gb: 500 }\n');
    expect(message).toMatch(/:4:12: `traffic\.avg_rps` is 900, above `traffic\.peak_rps` \(800, line 3\)/);
    expect(message).toMatch(/:6:23: `traffic\.daily_active_users` is 5,000, above `traffic\.monthly_active_users` \(1,000, line 5\)/);
    expect(message).toMatch(/:7:32: `performance\.latency_p50_ms` is 100, above `performance\.latency_p95_ms`/);
    expect(message).toMatch(/`database\.size_gb` is 600, above `database\.storage_limit_gb`/);
    expect(message).not.toMatch(/latency_p95_ms` is 90, above/);
    // equal values, and either one alone, are fine
    expect(loadMessage('version: 1\ntraffic: { peak_rps: 800, avg_rps: 800, daily_active_users: 10 }\nperformance: { latency_p95_ms: 90, latency_p99_ms: 90 }\n')).toBe('');
  });
});
