import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Rule, StageModel } from '../model.js';
import { UserError } from '../util/errors.js';
import { packagePath } from '../util/paths.js';
import type { CatalogData, FactInfo } from './catalog-types.js';
import { listRuleFiles, loadRuleFiles } from './rule-files.js';

export interface Catalog {
  rules: Rule[];
  stageModels: Map<string, StageModel>;
  facts: FactInfo[];
}

let builtIn: CatalogData | undefined;

/** The shipped catalog, compiled and checked at build time into dist/catalog.json. Read once. */
export function builtInCatalog(): CatalogData {
  if (!builtIn) builtIn = JSON.parse(readFileSync(packagePath('dist', 'catalog.json'), 'utf8')) as CatalogData;
  return builtIn;
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
    const files = userRuleDirs.flatMap((d) => listRuleFiles(resolve(cwd, d)));
    const loaded = loadRuleFiles(files, known, cwd);
    const builtinIds = new Set(rules.map((r) => r.id));
    for (const r of loaded.rules) {
      if (builtinIds.has(r.id)) {
        loaded.problems.push({ file: r.file ?? '', position: null, message: `rule id \`${r.id}\` is already a built-in rule; choose another id` });
      }
    }
    if (loaded.problems.length) throw new UserError(loaded.problems);
    rules.push(...loaded.rules);
  }
  return { rules, stageModels: new Map(data.stageModels.map((m) => [m.id, m])), facts: data.facts };
}
