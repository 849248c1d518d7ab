// Where rendered templates go and how they are written: shared by `scaffold`
// and the dashboard's `s` action, so both write the same files the same way.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FactSet } from '../model.js';
import { fsProblem } from '../util/fs-errors.js';
import { writeFileSafely } from '../util/write.js';
import type { TemplateManifest } from './types.js';

export const DEFAULT_SCAFFOLD_DIR = 'deploy/scale-advise';

export interface PlannedFile {
  /** absolute path: the output directory, the template's name, the file's path */
  target: string;
  text: string;
  template: string;
  /** what is at the target now, if anything */
  existing: string | undefined;
}

export interface ScaffoldPlan {
  files: PlannedFile[];
  /** facts a template could not use, per template: its header says what was left out */
  missing: { template: string; text: string }[];
}

function readExisting(path: string): string | undefined {
  if (!existsSync(path)) return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw fsProblem(e, 'read', path);
  }
}

/** Render the templates and place each file under `outDir`, next to what is there now. Writes nothing. */
export async function planScaffold(manifests: TemplateManifest[], facts: FactSet, settings: string[], profileName: string, outDir: string): Promise<ScaffoldPlan> {
  const { renderTemplates } = await import('./render.js');
  const results = await renderTemplates({ manifests, facts, settings, profileName });
  const files = results.flatMap((r) =>
    r.files.map((f) => {
      const target = join(outDir, r.template, f.path);
      return { target, text: f.text, template: r.template, existing: readExisting(target) };
    }),
  );
  const missing = results.flatMap((r) => r.notes.filter((n) => n.kind === 'missing').map((n) => ({ template: r.template, text: n.text })));
  return { files, missing };
}

/** Files that exist with other content: replaced only when the user says so. */
export function differingFiles(files: readonly PlannedFile[]): PlannedFile[] {
  return files.filter((f) => f.existing !== undefined && f.existing !== f.text);
}

/** Write the plan's files (atomically; an existing, different file only with `force`). */
export function writeScaffold(files: readonly PlannedFile[], force: boolean): { file: PlannedFile; written: boolean }[] {
  return files.map((f) => {
    if (f.existing === f.text) return { file: f, written: false };
    try {
      mkdirSync(dirname(f.target), { recursive: true });
    } catch (e) {
      throw fsProblem(e, 'create', dirname(f.target));
    }
    writeFileSafely(f.target, f.text, force);
    return { file: f, written: true };
  });
}
