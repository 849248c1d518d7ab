/**
 * import() a module on first use. The bundled CLI runs as a script in
 * which a bare import() has no loader; its bin supplies one. Under tests
 * (TypeScript sources) import() works as it is.
 */
export async function lazyImport<T>(specifier: string): Promise<T> {
  const hook = (globalThis as { __scaleAdviseImport?: (s: string) => Promise<unknown> }).__scaleAdviseImport;
  return (hook ? await hook(specifier) : await import(specifier)) as T;
}
