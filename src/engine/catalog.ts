import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GroupDef, Rule, RuleCore, StageModel } from '../model.js';
import { UserError } from '../util/errors.js';
import { packagePath } from '../util/paths.js';
import type { CatalogData, CatalogDetails, FactInfo } from './catalog-types.js';
import { listRuleFiles, loadRuleFiles } from './rule-files.js';
import { prerequisiteProblems } from './prerequisites.js';

export interface Catalog {
  rules: RuleCore[];
  stageModels: Map<string, StageModel>;
  facts: CatalogData['facts'];
  groups: GroupDef[];
}

let builtIn: CatalogData | undefined;

/** The shipped catalog, compiled and checked at build time into dist/catalog.json (ASCII, so read as Latin-1). Read once. */
export function builtInCatalog(): CatalogData {
  if (!builtIn) builtIn = JSON.parse(readFileSync(packagePath('dist', 'catalog.json'), 'latin1')) as CatalogData;
  return builtIn;
}

let details: CatalogDetails | undefined;

/** Rationale, ADR hints, examples and fact descriptions: read only when a rule is explained or recorded. */
export function catalogDetails(): CatalogDetails {
  if (!details) details = JSON.parse(readFileSync(packagePath('dist', 'catalog-details.json'), 'latin1')) as CatalogDetails;
  return details;
}

/** A rule with everything its file says. User rules carry it already; built-in ones get it from the details file. */
export function withDetails(rule: RuleCore): Rule {
  if (rule.rationale !== undefined) return rule as Rule;
  return { ...rule, ...catalogDetails().rules[rule.id] } as Rule;
}

/** Every known fact with its type, unit and meaning. */
export function factDictionary(): FactInfo[] {
  return catalogDetails().facts;
}

/**
 * The catalog for a run: the built-in rules plus a user's rule directories.
 * A user rule with the id of a built-in one is an error, not an override, so
 * a typo cannot silently disable shipped advice.
 */
export function loadCatalog(userRuleDirs: string[] = [], cwd = process.cwd()): Catalog {
  const data = builtInCatalog();
  const rules = [...data.rules];
  if (userRuleDirs.length) {
    const known = new Set(data.facts.map((f) => f.id));
    const types = new Map(data.facts.map((f) => [f.id, f.type]));
    const files = userRuleDirs.flatMap((d) => listRuleFiles(resolve(cwd, d)));
    const loaded = loadRuleFiles(files, known, cwd, types);
    const builtinIds = new Set(rules.map((r) => r.id));
    for (const r of loaded.rules) {
      if (builtinIds.has(r.id)) {
        loaded.problems.push({ file: r.file ?? '', position: null, message: `rule id \`${r.id}\` is already a built-in rule; choose another id` });
      }
    }
    const ids = new Set([...builtinIds, ...loaded.rules.map((r) => r.id)]);
    loaded.problems.push(...prerequisiteProblems([...rules, ...loaded.rules], ids).filter((p) => loaded.rules.some((r) => r.file === p.file)));
    if (loaded.problems.length) throw new UserError(loaded.problems);
    rules.push(...loaded.rules.map((r) => ({ ...r, user: true as const })));
  }
  return { rules, stageModels: new Map(data.stageModels.map((m) => [m.id, m])), facts: data.facts, groups: data.groups ?? [] };
}
