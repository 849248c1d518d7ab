/**
 * Import a package kept outside the bundle. The bundled CLI runs as a script
 * in which a bare import() has no loader; its bin supplies one. Under tests
 * (TypeScript sources) import() works as it is.
 */
export async function importExternal<T>(specifier: string, load: () => Promise<T>): Promise<T> {
  const hook = (globalThis as { __scaleAdviseImport?: (s: string) => Promise<unknown> }).__scaleAdviseImport;
  const mod = (hook ? await hook(specifier) : await load()) as { default?: T } & T;
  return mod.default ?? mod;
}
