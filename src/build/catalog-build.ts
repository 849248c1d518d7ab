// Build-time only: compiles rules/ into dist/catalog.json and writes the
// generated docs. Bundled and run by scripts/build.mjs; never shipped in the CLI.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { DIMENSIONS, SCALES_WITH, type GroupDef, type Rule, type ScalesWith, type StageModel } from '../model.js';
import { DERIVED_FACTS } from '../facts/derived.js';
import { renderCustomRulesDoc } from './custom-rules-doc.js';
import { FACT_SECTIONS } from '../profile/types.js';
import { RULE_DETAIL_KEYS, RULE_TEXT_KEYS, STAGE_FACTS, type CatalogData, type CatalogDetails, type FactInfo, type RuleText, type SourceInfo } from '../engine/catalog-types.js';
import { groupProblems } from '../engine/groups.js';
import { listRuleFiles, loadRuleFiles } from '../engine/rule-files.js';
import { prerequisiteProblems } from '../engine/prerequisites.js';
import { formatProblem, type Problem } from '../util/errors.js';
import { renderFactsDoc, renderRulesDoc, renderSourcesDoc, type Heuristic } from './docs.js';
import { buildTemplates } from './templates-build.js';
import { renderScaffoldDoc } from './scaffold-docs.js';
import { compileCatalogExpressions } from './catalog-expressions.js';
import type { TemplateManifest } from '../scaffold/types.js';

type Json = Record<string, unknown>;

/** The shape of rules/_heuristics.yaml: each heuristic of the seeds, where it comes from, and the rules that carry it. */
const HEURISTICS_SCHEMA = {
  type: 'array',
  minItems: 1,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['heuristic', 'seeds', 'rules'],
    properties: {
      heuristic: { type: 'string', minLength: 5 },
      seeds: { type: 'array', minItems: 1, items: { type: 'string', pattern: '^[0-9]{3}_[0-9a-f]{16}\\.txt$' } },
      rules: { type: 'array', items: { type: 'string' } },
    },
  },
} as const;

/** Every leaf of the profile schema's fact sections becomes a known fact. */
export function declaredFactDictionary(schema: Json): FactInfo[] {
  const out: FactInfo[] = [];
  const defs = (schema.$defs ?? {}) as Record<string, Json>;
  const walk = (at: Json, id: string) => {
    // A $ref leaf takes its type and values from the definition, its words from the use.
    const ref = typeof at.$ref === 'string' ? defs[at.$ref.split('/').pop()!] : undefined;
    const node: Json = ref ? { ...ref, ...at } : at;
    const props = node.properties as Record<string, Json> | undefined;
    if (node.type === 'object' && props) {
      for (const [k, v] of Object.entries(props)) walk(v, `${id}.${k}`);
      return;
    }
    out.push({
      id,
      type: String(node.type ?? (node.enum ? 'string' : 'any')),
      ...(typeof node['x-unit'] === 'string' ? { unit: node['x-unit'] } : {}),
      ...(typeof node['x-scales-with'] === 'string' ? { scales_with: node['x-scales-with'] as ScalesWith } : {}),
      description: String(node.description ?? ''),
      ...(Array.isArray(node.enum) ? { enum: node.enum } : {}),
      provenance: 'declared',
    });
  };
  const top = schema.properties as Record<string, Json>;
  for (const section of FACT_SECTIONS) if (top[section]) walk(top[section]!, section);
  return out;
}

function loadStageModels(dir: string, problems: Problem[]): StageModel[] {
  const raw = new Map<string, Json>();
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml')).sort()) {
    const data = parseYaml(readFileSync(join(dir, name), 'utf8')) as Json;
    raw.set(String(data.id), data);
  }
  const models: StageModel[] = [];
  for (const [id, data] of raw) {
    const base = typeof data.extends === 'string' ? raw.get(data.extends) : undefined;
    if (data.extends && !base) problems.push({ file: `rules/stage-models/${id}.yaml`, position: null, message: `extends unknown model ${String(data.extends)}` });
    const merged = { ...(base ?? {}), ...data } as Json;
    const model: StageModel = {
      id,
      description: String(merged.description ?? ''),
      ...(merged.source ? { source: String(merged.source) } : {}),
      overall: merged.overall as StageModel['overall'],
      dimensions: merged.dimensions as StageModel['dimensions'],
    };
    for (const d of model.overall ?? []) if (!DIMENSIONS.includes(d)) problems.push({ file: `rules/stage-models/${id}.yaml`, position: null, message: `unknown dimension ${d}` });
    for (const [dim, measures] of Object.entries(model.dimensions ?? {})) {
      for (const m of measures ?? []) {
        const t = m.thresholds;
        if (t.length !== 3 || !(t[0]! < t[1]! && t[1]! < t[2]!)) {
          problems.push({ file: `rules/stage-models/${id}.yaml`, position: null, message: `${dim}: thresholds of ${m.fact} must be three rising numbers` });
        }
      }
    }
    models.push(model);
  }
  return models;
}

export interface BuildResult {
  catalog: CatalogData;
  details: CatalogDetails;
  /** dist/catalog-text.json: each rule's RULE_TEXT_KEYS, in the catalog's order */
  text: RuleText[];
  /** dist/templates.json: the scaffold templates' manifests with the rules that name them */
  templates: TemplateManifest[];
  /** the rules' CEL compiled to JavaScript: a Map expression (src/build/catalog-expressions.ts) */
  expressions: string;
  docs: Record<string, string>;
  problems: string[];
  /** heuristics without rules and rules without heuristics */
  coverage: string[];
}

export function buildCatalog(root: string): BuildResult {
  const problems: Problem[] = [];
  const schema = JSON.parse(readFileSync(join(root, 'schema', 'profile.schema.json'), 'utf8')) as Json;
  const facts: FactInfo[] = [
    ...declaredFactDictionary(schema),
    ...DERIVED_FACTS.map((d) => ({ id: d.id, type: 'number', unit: d.unit, description: d.description, provenance: 'derived' as const })),
    ...STAGE_FACTS,
  ];
  for (const f of facts) {
    if (f.provenance !== 'declared' || (f.type !== 'number' && f.type !== 'integer')) continue;
    if (!f.scales_with || !(SCALES_WITH as readonly string[]).includes(f.scales_with)) {
      problems.push({ file: 'schema/profile.schema.json', position: null, message: `numeric fact ${f.id} needs x-scales-with, one of ${SCALES_WITH.join(', ')}` });
    }
  }
  const known = new Set(facts.map((f) => f.id));
  const files = listRuleFiles(join(root, 'rules'));
  const { rules, problems: ruleProblems } = loadRuleFiles(files, known, root);
  problems.push(...ruleProblems);
  const sources = loadDataFile<SourceInfo[]>(root, '_sources.yaml', 'sources', problems);
  const seeds = new Set(readdirSafe(join(root, '..', 'shared', 'seeds')));
  checkSources(rules, sources, seeds, problems);
  const groups = loadDataFile<GroupDef[]>(root, '_groups.yaml', 'groups', problems);
  const ruleIds = new Set(rules.map((r) => r.id));
  for (const message of groupProblems(groups, ruleIds)) problems.push({ file: 'rules/_groups.yaml', position: null, message });
  // requires: known rules, not the rule itself, no cycle.
  problems.push(...prerequisiteProblems(rules, ruleIds));
  const stageModels = loadStageModels(join(root, 'rules', 'stage-models'), problems);
  // A stage model places systems by numbers: each fact it names must be a known numeric fact.
  const numeric = new Set(facts.filter((f) => f.type === 'number' || f.type === 'integer').map((f) => f.id));
  for (const m of stageModels) {
    for (const [dim, measures] of Object.entries(m.dimensions ?? {})) {
      for (const measure of measures ?? []) {
        if (!numeric.has(measure.fact)) {
          problems.push({ file: `rules/stage-models/${m.id}.yaml`, position: null, message: `${dim}: ${measure.fact} is not a known numeric fact` });
        }
      }
    }
  }
  // The fact sections the code flattens are object sections of the schema, and vice versa.
  const top = schema.properties as Record<string, Json>;
  const NOT_FACTS = ['waivers', 'stage_models', 'rules', 'adr'];
  for (const section of FACT_SECTIONS) {
    if (top[section]?.type !== 'object') problems.push({ file: 'schema/profile.schema.json', position: null, message: `fact section ${section} is not an object section of the schema` });
  }
  for (const [key, node] of Object.entries(top)) {
    if (node.type === 'object' && !NOT_FACTS.includes(key) && !(FACT_SECTIONS as readonly string[]).includes(key)) {
      problems.push({ file: 'schema/profile.schema.json', position: null, message: `section ${key} is neither a fact section (FACT_SECTIONS) nor a known non-fact section` });
    }
  }
  const coverage: Problem[] = [];
  const heuristics = parseYaml(readFileSync(join(root, 'rules', '_heuristics.yaml'), 'utf8')) as Heuristic[];
  const validateHeuristics = new Ajv2020({ allErrors: true }).compile(HEURISTICS_SCHEMA);
  if (!validateHeuristics(heuristics)) {
    for (const e of validateHeuristics.errors ?? []) problems.push({ file: 'rules/_heuristics.yaml', position: null, message: `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` });
    return { catalog: { schema_version: 1, rules: [], stageModels: [], facts: [], groups: [] }, details: { rules: {}, facts }, text: [], templates: [], expressions: '', docs: {}, problems: problems.map(formatProblem), coverage: [] };
  }
  for (const h of heuristics) {
    for (const seed of h.seeds) if (seeds.size && !seeds.has(seed)) problems.push({ file: 'rules/_heuristics.yaml', position: null, message: `heuristic "${h.heuristic}" cites seed ${seed}, which does not exist` });
  }
  const ids = new Set(rules.map((r) => r.id));
  const covered = new Set<string>();
  for (const h of heuristics) {
    for (const id of h.rules) {
      if (!ids.has(id)) coverage.push({ file: 'rules/_heuristics.yaml', position: null, message: `heuristic "${h.heuristic}" names unknown rule ${id}` });
      covered.add(id);
    }
    if (!h.rules.length) problems.push({ file: 'rules/_heuristics.yaml', position: null, message: `heuristic "${h.heuristic}" has no rule` });
  }
  for (const r of rules) {
    if (!covered.has(r.id)) coverage.push({ file: r.file ?? r.id, position: null, message: `rule ${r.id} is not mapped to any seed heuristic in rules/heuristics.yaml` });
  }
  rules.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const templates = buildTemplates(root, rules, known);
  problems.push(...templates.problems);
  const expressions = compileCatalogExpressions(rules);
  problems.push(...expressions.problems);
  const details: CatalogDetails = { rules: {}, facts };
  const text: RuleText[] = [];
  const core = rules.map((r) => {
    const c: Record<string, unknown> = { ...r };
    const d: Record<string, unknown> = {};
    for (const k of RULE_DETAIL_KEYS) {
      if (c[k] !== undefined) d[k] = c[k];
      delete c[k];
    }
    details.rules[r.id] = d as CatalogDetails['rules'][string];
    const t: Record<string, unknown> = {};
    for (const k of RULE_TEXT_KEYS) {
      t[k] = c[k];
      c[k] = 0; // keeps the key's place: the rule's keys come out in the same order
    }
    text.push(t as RuleText);
    return c as CatalogData['rules'][number];
  });
  const catalog: CatalogData = {
    schema_version: 1,
    rules: core,
    stageModels,
    facts: facts.map((f) => ({
      id: f.id,
      type: f.type,
      provenance: f.provenance,
      ...(f.scales_with && f.scales_with !== 'none' ? { scales_with: f.scales_with } : {}),
      ...(f.unit === '%' ? { unit: f.unit } : {}),
    })),
    groups,
  };
  return {
    catalog,
    details,
    text,
    templates: templates.manifests,
    expressions: expressions.table,
    docs: {
      'docs/scaffold.md': renderScaffoldDoc(templates.manifests),
      'docs/rules.md': renderRulesDoc(rules, heuristics),
      'docs/facts.md': renderFactsDoc(facts),
      'docs/sources.md': renderSourcesDoc(sources, rules),
      // hand-written around a generated fact table: only where the doc exists
      ...(existsSync(join(root, 'docs', 'custom-rules.md'))
        ? { 'docs/custom-rules.md': renderCustomRulesDoc(readFileSync(join(root, 'docs', 'custom-rules.md'), 'utf8'), facts) }
        : {}),
    },
    problems: problems.map(formatProblem),
    coverage: coverage.map(formatProblem),
  };
}

/** A data file of rules/ (`_sources.yaml`, `_groups.yaml`), checked against its schema in schema/. */
function loadDataFile<T>(root: string, name: string, schemaName: string, problems: Problem[]): T {
  const file = `rules/${name}`;
  const data = parseYaml(readFileSync(join(root, file), 'utf8')) as unknown;
  const schema = JSON.parse(readFileSync(join(root, 'schema', `${schemaName}.schema.json`), 'utf8')) as Json;
  const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
  if (!validate(data)) {
    for (const e of validate.errors ?? []) problems.push({ file, position: null, message: `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` });
    return [] as T;
  }
  return data as T;
}

/**
 * Every seed a rule cites must be in the registry (and on disk, where the
 * seeds are present); the registry's title, publisher and date are copied
 * into the rule so reports cite them without reading the registry.
 */
function checkSources(rules: Rule[], sources: SourceInfo[], seedFiles: Set<string>, problems: Problem[]): void {
  const registry = new Map(sources.map((s) => [s.seed, s]));
  for (const s of sources) {
    if (seedFiles.size && !seedFiles.has(s.seed)) problems.push({ file: 'rules/_sources.yaml', position: null, message: `source ${s.seed} is not a seed file` });
  }
  for (const r of rules) {
    r.sources = r.sources.map((s) => {
      if (/^https?:/.test(s.seed)) return s;
      const entry = registry.get(s.seed);
      if (!entry) {
        problems.push({ file: r.file ?? r.id, position: null, message: `source ${s.seed} is not in rules/_sources.yaml` });
        return s;
      }
      return { ...s, title: entry.title, ...(entry.publisher ? { publisher: entry.publisher } : {}), ...(entry.date ? { date: entry.date } : {}) };
    });
  }
}

function readdirSafe(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
