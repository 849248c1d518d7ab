import { FACT_SECTIONS } from '../profile/types.js';
import { builtInExpressionTable, type BuiltInExpression } from './built-in-expressions.js';
import * as celRuntime from './cel-runtime.js';
import { loadCelJs } from './cel-js.js';

/** Roots an expression may read: the profile's sections, derived facts and the stage. */
export const FACT_ROOTS = [...FACT_SECTIONS, 'derived', 'stage'] as const;

export type Compiled = ((ctx: Record<string, unknown>) => unknown) & { ast: unknown };

export type Evaluate = (ctx: Record<string, unknown>) => unknown;

let builtIns: ReadonlyMap<string, BuiltInExpression> | undefined;

/**
 * The built-in catalog's expressions, compiled to JavaScript at build time,
 * by source. SCALE_ADVISE_CEL_JS=1 (for tests) leaves them out, so cel-js
 * runs them instead and the two can be compared.
 */
function builtInExpressions(): ReadonlyMap<string, BuiltInExpression> {
  if (!builtIns) {
    builtIns = process.env.SCALE_ADVISE_CEL_JS === '1' ? new Map() : builtInExpressionTable();
  }
  return builtIns;
}

const cache = new Map<string, Evaluate>();

/** For tests: run the built-in expressions through cel-js (false) or compiled (true), to compare both. */
export function useCompiledCatalog(compiled: boolean): void {
  builtIns = compiled ? undefined : new Map();
  cache.clear();
}

/**
 * An expression as a function of the fact tree: the build's compiled form for
 * the built-in catalog's expressions, else cel-js's (parsed once). CEL has no
 * side effects, loops or I/O.
 */
export function compileExpression(source: string): Evaluate {
  let fn = cache.get(source);
  if (!fn) {
    const built = builtInExpressions().get(source);
    fn = built ? (ctx) => built.run(celRuntime, ctx) : parseExpression(source);
    cache.set(source, fn);
  }
  return fn;
}

const parsed = new Map<string, Compiled>();

/** cel-js's parse of an expression, with its AST (parsed once). */
export function parseExpression(source: string): Compiled {
  let fn = parsed.get(source);
  if (!fn) {
    fn = loadCelJs().parse(source) as unknown as Compiled;
    parsed.set(source, fn);
  }
  return fn;
}

interface AstNode {
  op: string;
  args: unknown;
}

function isNode(x: unknown): x is AstNode {
  return typeof x === 'object' && x !== null && 'op' in x && 'args' in x;
}

const isFactRoot = (name: string): boolean => (FACT_ROOTS as readonly string[]).includes(name);

/** The dotted path of a member chain rooted at a fact root (`database.read_pct`), else null. */
function memberPath(node: AstNode, isRoot: (name: string) => boolean = isFactRoot): string | null {
  const names: string[] = [];
  let cur: unknown = node;
  while (isNode(cur) && (cur.op === '.' || cur.op === '.?')) {
    const [obj, field] = cur.args as [unknown, string];
    names.unshift(field);
    cur = obj;
  }
  if (isNode(cur) && cur.op === 'id' && isRoot(cur.args as string)) {
    return [cur.args as string, ...names].join('.');
  }
  return null;
}

/** Every fact reference in a parsed expression, with its offset in the expression, in source order. */
export function factReferences(ast: unknown, isRoot: (name: string) => boolean = isFactRoot): { path: string; start: number }[] {
  const found: { path: string; start: number }[] = [];
  const visit = (x: unknown): void => {
    if (Array.isArray(x)) {
      x.forEach(visit);
      return;
    }
    if (!isNode(x)) return;
    if (x.op === 'id' && x.args !== undefined && isRoot(x.args as string)) {
      // a bare name is a reference too (a misspelt root, say)
      if (!isFactRoot(x.args as string)) found.push({ path: x.args as string, start: (x as { start?: number }).start ?? 0 });
      return;
    }
    if (x.op === '.' || x.op === '.?') {
      const path = memberPath(x, isRoot);
      if (path) {
        found.push({ path, start: (x as { start?: number }).start ?? 0 });
        return;
      }
    }
    visit(x.args);
  };
  visit(ast);
  return found;
}

/** Every fact an expression reads, in first-read order. */
export function factsRead(source: string): string[] {
  const built = builtInExpressions().get(source);
  if (built) return [...built.reads];
  return [...new Set(factReferences(parseExpression(source).ast).map((r) => r.path))];
}

/** Placeholders in a message: `{database.cpu_p95_pct}` or `{= cel expression}`. */
export const PLACEHOLDER = /\{(=?)\s*([^{}]+?)\s*\}/g;

export interface Placeholder {
  raw: string;
  /** the fact id, or the CEL expression of `{= ...}` */
  expr: string;
  isExpr: boolean;
  /** `{fact|text}`: what to write when the fact is missing */
  fallback?: string;
}

export function placeholders(message: string): Placeholder[] {
  return [...message.matchAll(PLACEHOLDER)].map((m) => {
    const isExpr = m[1] === '=';
    const bar = isExpr ? -1 : m[2]!.indexOf('|');
    if (bar < 0) return { raw: m[0], expr: m[2]!, isExpr };
    return { raw: m[0], expr: m[2]!.slice(0, bar).trim(), isExpr, fallback: m[2]!.slice(bar + 1).trim() };
  });
}
