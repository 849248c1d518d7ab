import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assess } from '../../src/core.js';

export const ROOT = new URL('../../', import.meta.url).pathname;

/** Assess a profile file through the whole pipeline, as the CLI does. */
export function assessFile(path: string, now = new Date('2026-11-23T12:00:00Z')) {
  return assess({ cwd: ROOT, profile: path, now });
}

/** Assess profile text written to a temporary file. */
export function assessText(yaml: string, name = 'scale-advise.yaml') {
  const dir = mkdtempSync(join(tmpdir(), 'sa-'));
  const file = join(dir, name);
  writeFileSync(file, yaml);
  return assessFile(file);
}

export function firedIds(a: ReturnType<typeof assessFile>): string[] {
  return a.findings.map((f) => f.rule);
}
