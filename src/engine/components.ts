// Which components a finding is about. Rules over `architecture.components`
// fire once for the whole list; to let a waiver or a baseline entry name one
// component, each component is tried alone: those that make the rule fire by
// themselves are the finding's components.
import { compileExpression } from './expr.js';
import { StepBudgetExceeded } from './user-expr.js';

export const COMPONENTS_FACT = 'architecture.components';

/** The key path of one component, as waivers and baseline entries write it. */
export function componentKey(name: string): string {
  return `${COMPONENTS_FACT}[${name}]`;
}

export function readsComponents(reads: readonly string[]): boolean {
  return reads.some((r) => r === COMPONENTS_FACT || r.startsWith(`${COMPONENTS_FACT}.`));
}

/**
 * Names of the components that make the condition true on their own, in
 * profile order; undefined when none does (a condition about the list as a
 * whole, such as its size).
 */
export function triggeringComponents(when: string, ctx: Record<string, unknown>, compile: (source: string) => (ctx: Record<string, unknown>) => unknown = compileExpression): string[] | undefined {
  const architecture = ctx.architecture as Record<string, unknown> | undefined;
  const list = architecture?.components;
  if (!Array.isArray(list)) return undefined;
  const condition = compile(when);
  const names: string[] = [];
  for (const component of list) {
    const name = (component as { name?: unknown } | null)?.name;
    if (typeof name !== 'string') continue;
    try {
      if (condition({ ...ctx, architecture: { ...architecture, components: [component] } }) === true) names.push(name);
    } catch (e) {
      if (e instanceof StepBudgetExceeded) throw e;
      // A condition that needs more than one component to be decided says nothing about this one.
    }
  }
  return names.length ? names : undefined;
}
