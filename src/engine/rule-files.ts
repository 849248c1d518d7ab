import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
// Generated at build time from schema/rule.schema.json (scripts/build.mjs).
import validateRule from '../generated/rule-validator.js';
import type { Rule } from '../model.js';
import type { Problem } from '../util/errors.js';
import { packagePath } from '../util/paths.js';
import { positionAt, readYamlFile } from '../profile/parse-yaml.js';
import { schemaErrorsToProblems } from '../profile/schema-errors.js';
import { UserError } from '../util/errors.js';
import { errno } from '../util/fs-errors.js';
import { checkRule } from './rule-compile.js';

export interface LoadedRules {
  rules: Rule[];
  problems: Problem[];
}

/**
 * Rule files under a directory, recursively, in a stable order. Names starting
 * with `_` or `.` are not rules (the catalog keeps its heuristics table in
 * `_heuristics.yaml`), and stage models live apart in `stage-models/`.
 */
export function listRuleFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch (e) {
    const why = errno(e) === 'ENOTDIR' ? 'is a file; a directory of rule files was expected here' : errno(e) === 'ENOENT' ? 'does not exist' : 'cannot be read';
    throw new UserError(`rules directory ${dir} ${why}`);
  }
  const out: string[] = [];
  for (const name of entries.sort()) {
    if (name.startsWith('.') || name.startsWith('_') || name === 'node_modules' || name === 'stage-models') continue;
    const full = join(dir, name);
    const st = statSync(full);
    if (st.isDirectory()) out.push(...listRuleFiles(full));
    else if (/\.ya?ml$/.test(name)) out.push(full);
  }
  return out;
}

/**
 * Load and check rule files: YAML, the rule schema, then what the schema
 * cannot say (CEL syntax, known facts, placeholders, id = file name). Every
 * problem is located at file:line:column.
 */
export function loadRuleFiles(files: string[], knownFacts: ReadonlySet<string>, displayBase: string): LoadedRules {
  const rules: Rule[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const display = relative(displayBase, file) || file;
    let parsed;
    try {
      parsed = readYamlFile(file, display);
    } catch (e) {
      if (e instanceof UserError) {
        problems.push(...e.problems);
        continue;
      }
      throw e;
    }
    if (!validateRule(parsed.data)) {
      problems.push(
        ...schemaErrorsToProblems(validateRule.errors ?? [], parsed, packagePath('schema', 'rule.schema.json'), 'rule field'),
      );
      continue;
    }
    const raw = parsed.data as Rule;
    const stem = basename(file).replace(/\.ya?ml$/, '');
    if (stem !== raw.id) {
      problems.push({ file: display, position: positionAt(parsed, ['id']), message: `rule id \`${raw.id}\` must match its file name \`${stem}\`` });
    }
    const { rule, issues } = checkRule({ ...raw, file: display, whenPosition: positionAt(parsed, ['when']) }, knownFacts);
    for (const issue of issues) {
      problems.push({ file: display, position: positionAt(parsed, [issue.field]), message: issue.message, hint: issue.hint });
    }
    if (!issues.length) rules.push(rule);
  }
  const seen = new Map<string, string>();
  for (const r of rules) {
    const prev = seen.get(r.id);
    if (prev) problems.push({ file: r.file ?? '', position: null, message: `rule id \`${r.id}\` is defined twice (also in ${prev})` });
    seen.set(r.id, r.file ?? '');
  }
  return { rules, problems };
}
