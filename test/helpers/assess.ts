import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
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

/** Every YAML file below a folder, fixtures and examples alike (some are not profiles). */
export function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFilesUnder(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}
