type HandlebarsModule = typeof import('handlebars');

/**
 * Handlebars, loaded only where something is rendered. The bundled CLI runs
 * as a script in which a bare import() has no loader; its bin supplies one.
 * Under tests (TypeScript sources) import() works.
 */
export async function importHandlebars(): Promise<HandlebarsModule> {
  const hook = (globalThis as { __scaleAdviseImport?: (s: string) => Promise<unknown> }).__scaleAdviseImport;
  const mod = (hook ? await hook('handlebars') : await import('handlebars')) as { default?: HandlebarsModule } & HandlebarsModule;
  return mod.default ?? mod;
}
