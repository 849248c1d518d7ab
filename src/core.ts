// The pipeline: profile → facts → stage → rules → decisions → roadmap.
// Commands call this; it holds the order of the steps and nothing else.
import { severityRank, type Assessment, type Completeness, type Fact, type Finding, type StageModel } from './model.js';
import { buildFacts } from './facts/index.js';
import { emptyProfile, loadProfile, resolveProfilePath, type Profile } from './profile/load.js';
import { FACT_SECTIONS } from './profile/types.js';
import { conflictFindings } from './facts/conflicts.js';
import { factDictionary, loadCatalog, type Catalog } from './engine/catalog.js';
import { customStageModel, DEFAULT_STAGE_MODEL, placeStage, stageInputs } from './engine/stage.js';
import { evaluateRules } from './engine/evaluate.js';
import { applyDecisions } from './decisions/apply.js';
import { summarizeRoadmap } from './roadmap/summary.js';
import { UserError } from './util/errors.js';
import { closest } from './util/suggest.js';
import { dirname, resolve } from 'node:path';
import { compareStrings } from './util/compare.js';

export interface AssessOptions {
  cwd: string;
  profile?: string;
  ruleDirs?: string[];
  stageModel?: string;
  /** facts from other sources (repository detection, metrics) */
  extraFacts?: Fact[];
  /** what repository detection could not judge; set when detection ran */
  detectionNotes?: string[];
  /** there is no profile: assess the detected facts alone */
  withoutProfile?: boolean;
  now?: Date;
}

export interface AssessContext {
  profile: Profile;
  /** every fact the rules saw, declared, detected and derived */
  facts: ReadonlyMap<string, Fact>;
  catalog: Catalog;
  model: StageModel;
}

export function chooseStageModel(profile: Profile, catalog: Catalog, override?: string): StageModel {
  const name = override ?? profile.data.stage_model ?? DEFAULT_STAGE_MODEL;
  const custom = profile.data.stage_models?.[name];
  const base = catalog.stageModels.get(DEFAULT_STAGE_MODEL)!;
  if (custom) {
    // Stages are placed by numbers: only numeric facts can carry thresholds.
    const known = factDictionary()
      .filter((f) => (f.type === 'number' || f.type === 'integer') && !f.id.startsWith('stage.'))
      .map((f) => f.id);
    if (!known.includes(custom.dimension)) {
      const near = closest(custom.dimension, known);
      throw new UserError([
        {
          file: profile.displayPath,
          position: profile.positionOf(['stage_models', name, 'dimension']),
          message: `\`stage_models.${name}.dimension\` names no numeric fact: ${custom.dimension}`,
          hint: near ? `did you mean \`${near}\`?` : 'docs/facts.md lists the facts',
        },
      ]);
    }
    return customStageModel(name, custom, base);
  }
  const shipped = catalog.stageModels.get(name);
  if (shipped) return shipped;
  const known = [...catalog.stageModels.keys(), ...Object.keys(profile.data.stage_models ?? {})];
  const near = closest(name, known);
  throw new UserError([
    {
      file: override ? '--stage-model' : profile.displayPath,
      position: override ? null : profile.positionOf(['stage_model']),
      message: `unknown stage model \`${name}\`; known models: ${known.join(', ')}`,
      ...(near ? { hint: `did you mean \`${near}\`?` } : {}),
    },
  ]);
}

/** The share of the profile's documented fact fields that are filled in. */
function completeness(facts: Map<string, Fact>, catalog: Catalog, applicable: number, evaluated: number): Completeness {
  const declared = catalog.facts.filter((f) => f.provenance === 'declared');
  const present = declared.filter((f) => facts.has(f.id)).length;
  const pct = declared.length ? Math.round((present / declared.length) * 100) : 0;
  return { fields_present: present, fields_known: declared.length, rules_evaluated: evaluated, rules_applicable: applicable, pct };
}

const KIND_ORDER = ['warning-sign', 'pitfall', 'recommendation'];

/** Most severe first; warning signs before pitfalls before recommendations; then by id, for stable output. */
export function byUrgency(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) ||
    compareStrings(a.rule, b.rule)
  );
}

export function assess(opts: AssessOptions): Assessment & { context: AssessContext } {
  const profile = opts.withoutProfile ? emptyProfile(opts.cwd) : loadProfile(resolveProfilePath(opts.profile, opts.cwd), opts.cwd);
  const path = profile.path;
  const profileRuleDirs = (profile.data.rules ?? []).map((d) => resolve(dirname(path), d));
  const catalog = loadCatalog([...profileRuleDirs, ...(opts.ruleDirs ?? []).map((d) => resolve(opts.cwd, d))], opts.cwd);
  const model = chooseStageModel(profile, catalog, opts.stageModel);
  const { facts, conflicts } = buildFacts(profile, opts.extraFacts);
  const stage = placeStage(model, facts);
  const evaluation = evaluateRules(catalog.rules, facts, stage, stageInputs(model));
  const findings = applyDecisions(evaluation.findings, {
    profilePath: path,
    profile: profile.data,
    cwd: opts.cwd,
    now: opts.now ?? new Date(),
  }).sort(byUrgency);
  const detected = [...facts.values()].filter((f) => f.provenance === 'detected').length;
  return {
    profilePath: profile.displayPath,
    stage,
    // Disagreements are information only: after the rule findings, and never on the roadmap.
    findings: [...findings, ...conflictFindings(conflicts, facts, profile.displayPath)],
    notEvaluated: evaluation.notEvaluated,
    roadmap: summarizeRoadmap(findings),
    completeness: completeness(facts, catalog, evaluation.applicable, evaluation.evaluated),
    conflicts,
    ...(opts.detectionNotes || opts.withoutProfile
      ? { repository: { detected, notes: opts.detectionNotes ?? [], withoutProfile: Boolean(opts.withoutProfile), unknown: FACT_SECTIONS.filter((s) => ![...facts.keys()].some((id) => id.startsWith(`${s}.`))) } }
      : {}),
    context: { profile, catalog, model, facts },
  };
}
