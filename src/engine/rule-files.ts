import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
// Generated at build time from schema/rule.schema.json (scripts/build.mjs).
import validateRule from '../generated/rule-validator.js';
import type { Rule } from '../model.js';
import type { Problem } from '../util/errors.js';
import { packagePath } from '../util/paths.js';
import { offsetToPosition, positionAt, readYamlFile, type ParsedYaml } from '../profile/parse-yaml.js';
import type { Position } from '../model.js';
import { schemaErrorsToProblems } from '../profile/schema-errors.js';
import { UserError } from '../util/errors.js';
import { errno } from '../util/fs-errors.js';
import { checkRule, type RuleIssue } from './rule-compile.js';
import type { FactTypes } from './rule-types.js';

/** `fires*.yaml` and `silent*.yaml` beside rule files are their test profiles (`rules test`), not rules. */
export const isFixtureName = (name: string): boolean => /^(fires|silent)([-_.][^/]*)?\.ya?ml$/.test(name);

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
    else if (/\.ya?ml$/.test(name) && !isFixtureName(name)) out.push(full);
  }
  return out;
}

/**
 * Load and check rule files: YAML, the rule schema, then what the schema
 * cannot say (CEL syntax, known facts, placeholders, id = file name). Every
 * problem is located at file:line:column.
 */
export function loadRuleFiles(files: string[], knownFacts: ReadonlySet<string>, displayBase: string, factTypes?: FactTypes): LoadedRules {
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
    const { rule, issues } = checkRule({ ...raw, file: display, whenPosition: positionAt(parsed, ['when']) }, knownFacts, factTypes);
    for (const issue of issues) {
      problems.push({ file: display, position: issuePosition(parsed, issue), message: issue.message, hint: issue.hint });
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

/**
 * Where in the file a problem inside a field's text is. The text may be
 * quoted, folded or a block, so the token found there is looked up in the
 * field's source (its same occurrence); failing that, the field's start.
 */
function issuePosition(parsed: ParsedYaml, issue: RuleIssue): Position | null {
  const path = issue.path ?? [issue.field];
  const fieldStart = positionAt(parsed, path);
  if (!issue.at) return fieldStart;
  const node = parsed.doc.getIn(path, true) as { range?: [number, number, number]; value?: unknown } | undefined;
  const value = node?.value;
  if (!node?.range || typeof value !== 'string') return fieldStart;
  const { offset, token } = issue.at;
  const firstWord = token.split(/[\s()]/).find(Boolean) ?? token;
  const source = parsed.text.slice(node.range[0], node.range[1]);
  for (const t of [token.split('\n')[0]!, firstWord]) {
    if (!t) continue;
    let nth = 0;
    for (let i = value.indexOf(t); i !== -1 && i < offset; i = value.indexOf(t, i + 1)) nth++;
    let at = source.indexOf(t);
    while (at !== -1 && nth-- > 0) at = source.indexOf(t, at + 1);
    if (at !== -1) return offsetToPosition(parsed.lineCounter, node.range[0] + at);
  }
  return fieldStart;
}
