import { readFileSync } from 'node:fs';
import { packagePath } from '../util/paths.js';
import type { TemplateManifest } from './types.js';

/** The template manifests, checked and joined with the rules at build time (dist/templates.json). */
export function loadTemplateManifests(): TemplateManifest[] {
  return JSON.parse(readFileSync(packagePath('dist', 'templates.json'), 'latin1')) as TemplateManifest[];
}
