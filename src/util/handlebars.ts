import { lazyImport } from './lazy-import.js';

type HandlebarsModule = typeof import('handlebars');

/** Handlebars, loaded only where something is rendered (ADRs, text config templates). */
export async function importHandlebars(): Promise<HandlebarsModule> {
  const mod = await lazyImport<{ default?: HandlebarsModule } & HandlebarsModule>('handlebars');
  return mod.default ?? mod;
}
