// What the dashboard's keys do to files, without React: write an ADR for a
// finding (as `adr from RULE`), render a rule's config template (as
// `scaffold --for RULE`), add a waiver to the profile. Each returns the
// inputs with the new decision in them, so the dashboard evaluates again in
// memory instead of loading everything anew.
import { dirname, relative, resolve } from 'node:path';
import type { Inputs } from '../load.js';
import type { Finding } from '../model.js';
import { AdrStore, locateAdrDir, newRecord } from '../decisions/adr/index.js';
import { addWaiverToProfile, waiverEntry } from '../decisions/waiver-add.js';
import { isoDay } from '../util/iso-day.js';
import { findRule } from '../engine/rule-query.js';
import { loadTemplateManifests } from '../scaffold/catalog.js';
import { DEFAULT_SCAFFOLD_DIR, differingFiles, planScaffold, writeScaffold, type ScaffoldPlan } from '../scaffold/files.js';
import type { TemplateManifest } from '../scaffold/types.js';

export interface ActionResult {
  inputs: Inputs;
  /** one line for the status bar: what was written where */
  message: string;
}

/** A path as the user would type it from the working directory. */
function shown(inputs: Inputs, path: string): string {
  const rel = relative(inputs.cwd, path).split('\\').join('/');
  return rel && !rel.startsWith('..') ? rel : path;
}

/** The ADR directory the loader read the decisions from (the profile's `adr:` settings, else found next to it). */
export function adrStoreFor(inputs: Inputs): AdrStore {
  const base = dirname(inputs.profile.path);
  return new AdrStore(locateAdrDir(base, { profile: { ...(inputs.profile.data.adr ?? {}), base } }));
}

/** Write a proposed ADR from the finding's rule, as `adr from RULE` does; the finding is then addressed. */
export async function writeAdrFor(inputs: Inputs, finding: Finding): Promise<ActionResult> {
  const rule = findRule(inputs.catalog, finding.rule);
  const store = adrStoreFor(inputs);
  const created = await newRecord(store, {
    title: rule.adr?.title ?? rule.title,
    date: isoDay(inputs.now),
    from: { rule, finding, profile: inputs.profile.displayPath },
  });
  const path = shown(inputs, created.path);
  const addressed = new Map(inputs.decisions.addressed).set(rule.id, { path, number: created.number, title: created.record.title, status: created.record.status });
  return { inputs: { ...inputs, decisions: { ...inputs.decisions, addressed } }, message: `Wrote ${path} (ADR ${created.number}, ${created.record.status})` };
}

/** The config templates that implement the finding's rule, as `scaffold --for RULE` selects them, in the rule's order. */
export function templatesFor(inputs: Inputs, finding: Finding): TemplateManifest[] {
  const names = findRule(inputs.catalog, finding.rule).templates ?? [];
  const manifests = loadTemplateManifests();
  return names.flatMap((n) => manifests.filter((m) => m.name === n));
}

/** Where `scaffold` writes by default, as the user sees it. */
export function scaffoldDir(inputs: Inputs): string {
  return shown(inputs, resolve(inputs.cwd, DEFAULT_SCAFFOLD_DIR));
}

export interface TemplatePlan {
  plan: ScaffoldPlan;
  /** files that exist with other content: written only after a second yes */
  differing: string[];
}

export async function planTemplate(inputs: Inputs, template: TemplateManifest): Promise<TemplatePlan> {
  const plan = await planScaffold([template], inputs.facts, [], inputs.profile.displayPath, resolve(inputs.cwd, DEFAULT_SCAFFOLD_DIR));
  return { plan, differing: differingFiles(plan.files).map((f) => shown(inputs, f.target)) };
}

/** Write the rendered files; `replace` allows replacing the differing ones. */
export function writeTemplate(inputs: Inputs, { plan }: TemplatePlan, replace: boolean): ActionResult {
  const written = writeScaffold(plan.files, replace);
  const wrote = written.filter((w) => w.written).map((w) => shown(inputs, w.file.target));
  const same = written.length - wrote.length;
  const missing = plan.missing.length ? ` (left out, see the header: ${plan.missing.map((m) => m.text).join('; ')})` : '';
  return { inputs, message: `${wrote.length ? `Wrote ${wrote.join(', ')}` : 'Nothing to write'}${same ? `; ${same} unchanged` : ''}${missing}` };
}

export interface WaiverAnswers {
  owner: string;
  reason: string;
  expires: string;
}

/** Add the waiver to the profile (its comments and layout kept); the finding is then waived. */
export function addWaiverFor(inputs: Inputs, finding: Finding, answers: WaiverAnswers): ActionResult {
  const waiver = { rule: finding.rule, reason: answers.reason.trim(), owner: answers.owner.trim(), expires: answers.expires.trim() };
  const position = addWaiverToProfile(inputs.profile.path, inputs.profile.displayPath, waiver);
  const waivers = [...inputs.decisions.waivers, waiverEntry(waiver, inputs.profile.displayPath, position)];
  return {
    inputs: { ...inputs, decisions: { ...inputs.decisions, waivers } },
    message: `Waived ${finding.rule} until ${waiver.expires} in ${inputs.profile.displayPath}`,
  };
}
