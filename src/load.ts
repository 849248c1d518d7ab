// Load: every read the pipeline needs, done once. What it returns is all that
// evaluate() needs, so a command can evaluate the same inputs many times
// (what-if, roadmap projection, the dashboard) without touching a file again.
import { dirname, resolve } from 'node:path';
import type { Fact, FactConflict, StageModel } from './model.js';
import { discoverProfile, emptyProfile, loadProfile, resolveProfilePath, type Profile } from './profile/load.js';
import { loadCatalog, type Catalog } from './engine/catalog.js';
import { chooseStageModel } from './engine/stage-model.js';
import type { FactMeta } from './engine/scenario.js';
import { mergeFacts } from './facts/index.js';
import { readCollectedFacts } from './facts/collect/file.js';
import { loadDecisions } from './decisions/load.js';
import type { DecisionInputs } from './decisions/status.js';

export interface LoadOptions {
  cwd: string;
  profile?: string;
  ruleDirs?: string[];
  stageModel?: string;
  /** facts from other sources (repository detection, live collection) */
  extraFacts?: readonly Fact[];
  /** the time dates are judged against (waivers, review-by); default: the real clock */
  now?: Date;
  /** read `.scale-advise/collected.json` next to the profile (default true) */
  collected?: boolean;
  /** a collected value wins over a declared one */
  preferCollected?: boolean;
  /** a waiver file besides the profile's `waivers:` (`check --waivers FILE`) */
  waiversFile?: string;
  /** the baseline to apply (`check --baseline`); a missing file is an empty baseline */
  baselineFile?: string;
  /** ignore every waiver and baseline entry (`check --no-waivers`) */
  audit?: boolean;
  /** the longest a waiver may run from today, in days (default 180) */
  maxWaiverDays?: number;
  /** what repository detection could not judge; given when detection ran */
  detectionNotes?: string[];
  /** there is no profile: assess the detected facts alone */
  withoutProfile?: boolean;
}

export interface Inputs {
  cwd: string;
  profile: Profile;
  catalog: Catalog;
  model: StageModel;
  /** declared, detected and collected facts; derived ones are computed per evaluation */
  facts: ReadonlyMap<string, Fact>;
  conflicts: readonly FactConflict[];
  /** per fact: what it scales with and its unit, from the schema */
  factMeta: ReadonlyMap<string, FactMeta>;
  /** per fact: its JSON Schema type */
  factTypes: ReadonlyMap<string, string>;
  decisions: DecisionInputs;
  now: Date;
  /** set when the repository was looked at */
  repository?: { notes: string[]; withoutProfile: boolean };
}

export function load(opts: LoadOptions): Inputs {
  const profile = opts.withoutProfile ? emptyProfile(opts.cwd) : loadProfile(resolveProfilePath(opts.profile, opts.cwd), opts.cwd);
  const path = profile.path;
  const catalog = loadCatalog(catalogDirs(profile, path, opts), opts.cwd);
  const model = chooseStageModel(profile, catalog, opts.stageModel);
  const collected = opts.collected === false ? [] : readCollectedFacts(dirname(path), dirname(profile.displayPath));
  const { facts, conflicts } = mergeFacts(profile, [...(opts.extraFacts ?? []), ...collected], opts.preferCollected ? ['collected'] : []);
  const factMeta = new Map<string, FactMeta>();
  for (const f of catalog.facts) {
    if (f.scales_with || f.unit) factMeta.set(f.id, { ...(f.scales_with ? { scales_with: f.scales_with } : {}), ...(f.unit ? { unit: f.unit } : {}) });
  }
  const now = opts.now ?? new Date();
  const decisions = loadDecisions({
    profile,
    cwd: opts.cwd,
    ruleIds: catalog.rules.map((r) => r.id),
    now,
    ...(opts.waiversFile ? { waiversFile: opts.waiversFile } : {}),
    ...(opts.baselineFile ? { baselineFile: resolve(opts.cwd, opts.baselineFile) } : {}),
    ...(opts.audit ? { audit: true } : {}),
    ...(opts.maxWaiverDays !== undefined ? { maxWaiverDays: opts.maxWaiverDays } : {}),
  });
  return {
    cwd: opts.cwd,
    profile,
    catalog,
    model,
    facts,
    conflicts,
    factMeta,
    factTypes: new Map(catalog.facts.map((f) => [f.id, f.type])),
    decisions,
    now,
    ...(opts.detectionNotes || opts.withoutProfile ? { repository: { notes: opts.detectionNotes ?? [], withoutProfile: Boolean(opts.withoutProfile) } } : {}),
  };
}

/** The rule directories of a run: the profile's `rules:` (relative to it), then --rules. */
function catalogDirs(profile: Profile | null, path: string | null, opts: Pick<LoadOptions, 'cwd' | 'ruleDirs'>): string[] {
  const fromProfile = profile && path ? (profile.data.rules ?? []).map((d) => resolve(dirname(path), d)) : [];
  return [...fromProfile, ...(opts.ruleDirs ?? []).map((d) => resolve(opts.cwd, d))];
}

/**
 * The catalog as commands that list or explain rules see it: with the rules
 * of the profile (given, or found as `assess` finds it) and of --rules. No
 * profile is fine here; a broken one is reported.
 */
export function loadCatalogFor(opts: Pick<LoadOptions, 'cwd' | 'profile' | 'ruleDirs'>): Catalog {
  const path = opts.profile ? resolveProfilePath(opts.profile, opts.cwd) : discoverProfile(opts.cwd);
  const profile = path ? loadProfile(path, opts.cwd) : null;
  return loadCatalog(catalogDirs(profile, path, opts), opts.cwd);
}
