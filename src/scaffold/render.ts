// Render templates from facts and `--set` parameters: pure, no files. The
// command writes what this returns.
import type { FactSet } from '../model.js';
import { UserError, type Problem } from '../util/errors.js';
import { missingFacts, parseSettings, TemplateInputs } from './inputs.js';
import { RENDERERS } from './registry.js';
import { comment, headerLines, toYaml } from './text.js';
import type { RenderedFile, RenderResult, TemplateManifest } from './types.js';

export interface ScaffoldRequest {
  manifests: TemplateManifest[];
  facts: FactSet;
  /** `key=value` pairs from --set */
  settings: string[];
  /** the profile as the user knows it, for the headers */
  profileName: string;
}

export async function renderTemplates(req: ScaffoldRequest): Promise<RenderResult[]> {
  const settings = parseSettings(req.settings, req.manifests);
  const problems: Problem[] = [];
  for (const m of req.manifests) {
    const missing = missingFacts(m, req.facts);
    if (missing.length) {
      problems.push({ file: req.profileName, position: null, message: `template ${m.name} needs ${missing.join(', ')}, which the profile does not give; add ${missing.length > 1 ? 'them' : 'it'} and run again` });
    }
  }
  if (problems.length) throw new UserError(problems);
  const results: RenderResult[] = [];
  for (const m of req.manifests) {
    const render = RENDERERS[m.name];
    if (!render) throw new Error(`template ${m.name} has no computation`);
    const inputs = new TemplateInputs(m, req.facts, settings, req.profileName);
    const artefacts = await render(inputs);
    const header = headerLines(m.name, req.profileName, inputs.notes, [`For: ${m.consumer}.`]);
    const files: RenderedFile[] = artefacts.map((a) => ({
      path: a.path,
      text: 'yaml' in a ? toYaml(a.yaml, header) : comment(a.commentPrefix, header) + '\n' + a.text,
    }));
    results.push({ template: m.name, files, notes: inputs.notes });
  }
  return results;
}

/** Templates that implement a rule, in catalog order. */
export function templatesForRule(manifests: TemplateManifest[], rule: string): TemplateManifest[] {
  return manifests.filter((m) => m.rules.includes(rule));
}
