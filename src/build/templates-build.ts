// Build-time only: reads templates/config/*/manifest.yaml, checks each against
// schema/template.schema.json, its computation, the facts it reads and the
// rules that name it, and writes the joined manifests and docs/scaffold.md.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse as parseYaml } from 'yaml';
import type { Rule } from '../model.js';
import type { Problem } from '../util/errors.js';
import { closest } from '../util/suggest.js';
import { RENDERERS } from '../scaffold/registry.js';
import { checkParam } from '../scaffold/inputs.js';
import type { TemplateManifest } from '../scaffold/types.js';

type Json = Record<string, unknown>;

/** Rules whose `templates:` name a template that does not exist. */
export function unknownTemplateNames(rules: Pick<Rule, 'id' | 'file' | 'templates'>[], names: string[]): Problem[] {
  const problems: Problem[] = [];
  for (const r of rules) {
    for (const t of r.templates ?? []) {
      if (names.includes(t)) continue;
      const near = closest(t, names);
      problems.push({
        file: r.file ?? r.id,
        position: null,
        message: `rule ${r.id} names template \`${t}\`, which does not exist; templates: ${names.join(', ')}`,
        ...(near ? { hint: `did you mean \`${near}\`?` } : {}),
      });
    }
  }
  return problems;
}

/** A rule's threshold on a fact, as written in its condition (`fact >= 85`). */
export function ruleThreshold(rule: Pick<Rule, 'when'>, fact: string): number | undefined {
  const escaped = fact.replace(/\./g, '\\.');
  const m = new RegExp(`(?<![\\w.])${escaped}\\s*>=?\\s*(-?[0-9.]+)`).exec(rule.when);
  return m ? Number(m[1]) : undefined;
}

export function buildTemplates(root: string, rules: Rule[], knownFacts: Set<string>): { manifests: TemplateManifest[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const dir = join(root, 'templates', 'config');
  const schema = JSON.parse(readFileSync(join(root, 'schema', 'template.schema.json'), 'utf8')) as Json;
  const validate = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true }).compile(schema);
  const manifests: TemplateManifest[] = [];
  for (const name of readdirSync(dir).sort()) {
    const file = `templates/config/${name}/manifest.yaml`;
    const path = join(root, file);
    if (!existsSync(path)) {
      problems.push({ file: `templates/config/${name}`, position: null, message: 'a template folder needs a manifest.yaml' });
      continue;
    }
    const data = parseYaml(readFileSync(path, 'utf8')) as Json;
    if (!validate(data)) {
      for (const e of validate.errors ?? []) problems.push({ file, position: null, message: `${e.instancePath || '/'} ${e.message ?? 'is invalid'}` });
      continue;
    }
    const m = { ...(data as unknown as TemplateManifest), rules: rules.filter((r) => r.templates?.includes(name)).map((r) => r.id) };
    if (m.name !== name) problems.push({ file, position: null, message: `name ${m.name} differs from its folder ${name}` });
    if (!RENDERERS[m.name]) problems.push({ file, position: null, message: `template ${m.name} has no computation in src/scaffold/registry.ts` });
    for (const f of [...m.reads.required, ...m.reads.optional]) {
      if (!knownFacts.has(f)) problems.push({ file, position: null, message: `reads unknown fact ${f}` });
    }
    for (const [p, spec] of Object.entries(m.params)) {
      if (spec.default !== undefined) {
        try {
          checkParam(m.name, p, spec, String(spec.default));
        } catch (e) {
          problems.push({ file, position: null, message: `default of ${p} fails its own check: ${(e as Error).message}` });
        }
      }
      if (spec.rule_threshold) {
        const rule = rules.find((r) => r.id === spec.rule_threshold!.rule);
        const threshold = rule ? ruleThreshold(rule, spec.rule_threshold.fact) : undefined;
        if (threshold === undefined || threshold !== spec.default) {
          problems.push({ file, position: null, message: `default of ${p} (${String(spec.default)}) is not the threshold of rule ${spec.rule_threshold.rule} on ${spec.rule_threshold.fact} (${String(threshold)})` });
        }
      }
    }
    manifests.push(m);
  }
  const names = manifests.map((m) => m.name);
  for (const r of Object.keys(RENDERERS)) if (!names.includes(r)) problems.push({ file: 'src/scaffold/registry.ts', position: null, message: `computation ${r} has no templates/config/${r}/manifest.yaml` });
  problems.push(...unknownTemplateNames(rules, names));
  return { manifests, problems };
}
