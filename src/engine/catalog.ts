import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GroupDef, Rule, RuleCore, StageModel } from '../model.js';
import { UserError } from '../util/errors.js';
import { packagePath } from '../util/paths.js';
import { RULE_TEXT_KEYS, type CatalogData, type CatalogDetails, type FactInfo, type RuleText } from './catalog-types.js';
import { listRuleFiles, loadRuleFiles } from './rule-files.js';
import { prerequisiteProblems } from './prerequisites.js';

export interface Catalog {
  rules: RuleCore[];
  stageModels: Map<string, StageModel>;
  facts: CatalogData['facts'];
  groups: GroupDef[];
}

let builtIn: CatalogData | undefined;

/**
 * The shipped catalog, compiled and checked at build time into
 * dist/catalog.json (ASCII, so read as Latin-1). Read once, with
 * dist/catalog-text.json, whose line for a rule (its message, recommendation
 * and sources) is parsed the first time one of them is read: a run needs them
 * for the rules that fire, and parsing the prose of every rule cost start-up
 * time. Evaluating still reads no file.
 */
export function builtInCatalog(): CatalogData {
  if (!builtIn) {
    builtIn = JSON.parse(readFileSync(packagePath('dist', 'catalog.json'), 'latin1')) as CatalogData;
    const text = lineReader(readFileSync(packagePath('dist', 'catalog-text.json'), 'latin1')); // ASCII
    const index = new Map<object, number>(builtIn.rules.map((rule, i) => [rule, i]));
    const settle = (rule: object, values: Record<string, unknown>) => {
      for (const [k, value] of Object.entries(values)) Object.defineProperty(rule, k, { value, writable: true, enumerable: true, configurable: true });
    };
    // One getter and one setter per key, shared by every rule, so that the
    // rules keep sharing their hidden classes.
    const lazy: PropertyDescriptorMap = {};
    for (const k of RULE_TEXT_KEYS) {
      lazy[k] = {
        get(this: object) {
          const t = text(index.get(this)!);
          settle(this, t);
          return t[k];
        },
        set(this: object, value: unknown) {
          settle(this, { [k]: value });
        },
        enumerable: true,
        configurable: true,
      };
    }
    for (const rule of builtIn.rules) Object.defineProperties(rule, lazy);
  }
  return builtIn;
}

/** Rule i's text from dist/catalog-text.json's text, a JSON array one rule a line. */
function lineReader(file: string): (i: number) => RuleText {
  let starts: number[] | undefined;
  return (i) => {
    if (!starts) {
      starts = [];
      // line 0 is "[", rule i is line i + 1
      for (let at = file.indexOf('\n'); at !== -1; at = file.indexOf('\n', at + 1)) starts.push(at + 1);
    }
    const line = file.slice(starts[i], starts[i + 1]! - 1);
    return JSON.parse(line.endsWith(',') ? line.slice(0, -1) : line) as RuleText;
  };
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
