// The run-time half of the built-in catalog's compiled CEL: what each
// operator, macro and function of the subset the shipped rules use does, with
// cel-js's semantics (v8, its global environment, where every variable is
// dyn and so every operator dispatches on the values' run-time types).
// Compiled expressions (src/build/cel-compile.ts) call these. Each function
// follows the cel-js code it replaces; test/property/compiled-cel.property.test.ts
// checks that both agree. Values and errors: cel-values.ts; macros and
// functions: cel-functions.ts.
import { celError, fail, kindOf, MAX_INT, MIN_INT, type CelKind } from './cel-values.js';

export * from './cel-functions.js';

const noOverload = (op: string, a: unknown, b: unknown): never => fail(`no such overload: ${kindOf(a)} ${op} ${kindOf(b)}`);

/** A root variable (`architecture`); cel-js reads it off the context as it is. */
export function root(ctx: Record<string, unknown>, name: string): unknown {
  const v = ctx[name];
  if (v === undefined) fail(`Unknown variable: ${name}`);
  return v;
}

/** The value of a map's own key, or undefined; cel-js's fieldLazy, which yields nothing on other types. */
function ownValue(obj: unknown, key: string): unknown {
  if (obj instanceof Map) return obj.get(key);
  return obj !== null && typeof obj === 'object' && !Array.isArray(obj) && !(obj instanceof Set) && Object.hasOwn(obj, key) ? (obj as Record<string, unknown>)[key] : undefined;
}

/** `obj.key` on a dyn value: a map's key, else "No such key". */
export function field(obj: unknown, key: string): unknown {
  if (obj !== null && typeof obj === 'object') kindOf(obj);
  const v = ownValue(obj, key);
  if (v === undefined) fail(`No such key: ${key}`);
  kindOf(v);
  return v;
}

/**
 * `has(root.a.b)`: `path` is the fields after the root. A missing field
 * before the last is an error (No such key), the last one is `false`.
 */
export function has(obj: unknown, path: readonly string[]): boolean {
  for (let i = 0; i < path.length; i++) {
    kindOf(obj);
    obj = ownValue(obj, path[i]!);
    if (obj === undefined) {
      if (i < path.length - 1) fail(`No such key: ${path[i]}`);
      return false;
    }
  }
  return true;
}

/** An int and a double compare by value (`1 == 1.0`), exactly, as JavaScript's == does. */
const numericEqual = (a: unknown, b: unknown): boolean => a == b; // eslint-disable-line eqeqeq

/** cel-js's isEqual: list elements, map values and `in` compare with it. */
function isEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  switch (typeof a) {
    case 'undefined':
    case 'string':
    case 'boolean':
      return false;
    case 'bigint':
      return typeof b === 'number' ? numericEqual(a, b) : false;
    case 'number':
      return typeof b === 'bigint' ? numericEqual(a, b) : false;
    case 'object': {
      if (typeof b !== 'object') return false;
      const ka = kindOf(a);
      if (ka !== kindOf(b)) return false;
      if (ka === 'list') return listEqual(a as unknown[], b as unknown[]);
      if (ka === 'map') return mapEqual(a as Record<string, unknown>, b as Record<string, unknown>);
      return ka === 'null' ? a === b : false;
    }
  }
  return fail(`Cannot compare values of type ${typeof a}`);
}

function listEqual(a: unknown[], b: unknown[]): boolean {
  if (a === b) return true;
  if (!Array.isArray(a) || !Array.isArray(b)) return fail('lists other than arrays are not CEL values here');
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!isEqual(a[i], b[i])) return false;
  return true;
}

function mapEqual(a: Record<string, unknown>, b: Record<string, unknown>): boolean {
  if (a === b) return true;
  if (a instanceof Map || b instanceof Map) return fail('Map values are not CEL values here');
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const k of keys) if (!(k in b && isEqual(a[k], b[k]))) return false;
  return true;
}

/** `==`: same types compare by value, int with double numerically, other pairs are unequal. */
export function eq(a: unknown, b: unknown): boolean {
  const ka = kindOf(a);
  const kb = kindOf(b);
  if (ka === kb) {
    if (ka === 'list') return listEqual(a as unknown[], b as unknown[]);
    if (ka === 'map') return mapEqual(a as Record<string, unknown>, b as Record<string, unknown>);
    return a === b;
  }
  if ((ka === 'int' && kb === 'double') || (ka === 'double' && kb === 'int')) return numericEqual(a, b);
  return a === b;
}

export const ne = (a: unknown, b: unknown): boolean => !eq(a, b);

/** `<`, `<=`, `>`, `>=` exist for two bools, two strings, and any two numbers (int or double). */
function ordered(op: string, a: unknown, b: unknown): void {
  const ka = kindOf(a);
  const kb = kindOf(b);
  const numeric = (k: CelKind) => k === 'int' || k === 'double';
  if (ka === kb ? ka === 'bool' || ka === 'string' || numeric(ka) : numeric(ka) && numeric(kb)) return;
  noOverload(op, a, b);
}

export const lt = (a: unknown, b: unknown): boolean => (ordered('<', a, b), (a as number) < (b as number));
export const le = (a: unknown, b: unknown): boolean => (ordered('<=', a, b), (a as number) <= (b as number));
export const gt = (a: unknown, b: unknown): boolean => (ordered('>', a, b), (a as number) > (b as number));
export const ge = (a: unknown, b: unknown): boolean => (ordered('>=', a, b), (a as number) >= (b as number));

function checkedInt(v: bigint): bigint {
  if (v <= MAX_INT && v >= MIN_INT) return v;
  return fail(`integer overflow: ${v}`);
}

/** The common CEL type of an arithmetic operation's operands: int, double or a mismatch. */
function arithmetic(op: string, a: unknown, b: unknown): 'int' | 'double' | CelKind {
  const ka = kindOf(a);
  if (ka !== kindOf(b)) noOverload(op, a, b);
  return ka;
}

export function add(a: unknown, b: unknown): unknown {
  switch (arithmetic('+', a, b)) {
    case 'int':
      return checkedInt((a as bigint) + (b as bigint));
    case 'double':
      return (a as number) + (b as number);
    case 'string':
      return (a as string) + (b as string);
    case 'list':
      return [...(a as unknown[]), ...(b as unknown[])];
    default:
      return noOverload('+', a, b);
  }
}

export function sub(a: unknown, b: unknown): unknown {
  switch (arithmetic('-', a, b)) {
    case 'int':
      return checkedInt((a as bigint) - (b as bigint));
    case 'double':
      return (a as number) - (b as number);
    default:
      return noOverload('-', a, b);
  }
}

export function mul(a: unknown, b: unknown): unknown {
  switch (arithmetic('*', a, b)) {
    case 'int':
      return checkedInt((a as bigint) * (b as bigint));
    case 'double':
      return (a as number) * (b as number);
    default:
      return noOverload('*', a, b);
  }
}

export function div(a: unknown, b: unknown): unknown {
  switch (arithmetic('/', a, b)) {
    case 'int':
      return b === 0n ? fail('division by zero') : (a as bigint) / (b as bigint);
    case 'double':
      return (a as number) / (b as number);
    default:
      return noOverload('/', a, b);
  }
}

/** `a in list` compares elements with isEqual; `a in map` looks for a key whose value is set. */
export function inList(a: unknown, b: unknown): boolean {
  kindOf(a);
  switch (kindOf(b)) {
    case 'list':
      for (const v of b as Iterable<unknown>) if (isEqual(a, v)) return true;
      return false;
    case 'map':
      if (b instanceof Map) return b.get(a) !== undefined;
      return Object.hasOwn(b as object, a as PropertyKey) ? (b as Record<PropertyKey, unknown>)[a as PropertyKey] !== undefined : false;
    default:
      return noOverload('in', a, b);
  }
}

export function not(a: unknown): boolean {
  return kindOf(a) === 'bool' ? !a : fail(`no such overload: !${kindOf(a)}`);
}

export function neg(a: unknown): unknown {
  const k = kindOf(a);
  if (k === 'int') return -(a as bigint);
  if (k === 'double') return -(a as number);
  return fail(`no such overload: -${k}`);
}

/** A ternary's condition: only true and false choose a branch. */
export function cond(c: unknown): boolean {
  if (c === true || c === false) return c;
  return fail(`Ternary condition must be bool, got '${kindOf(c)}'`);
}

const operandError = (v: unknown): Error => celError(`Logical operator requires bool operands, got '${kindOf(v)}'`);

/**
 * `&&` and `||` absorb an error on either side when the other side decides
 * (`false && error` and `error && false` are both false). cel-js evaluates the
 * left side, then the right unless the left decided; an error on the right
 * surfaces, an error on the left only when the right does not decide.
 */
function logical(decides: boolean, left: () => unknown, right: () => unknown): boolean {
  let l: unknown;
  try {
    l = left();
  } catch (e) {
    l = e instanceof Error ? e : operandError(e);
  }
  if (l === decides) return decides;
  const r = right();
  if (l === !decides) {
    if (typeof r === 'boolean') return r;
    throw operandError(r);
  }
  if (r === decides) return decides;
  if (r === !decides) throw l instanceof Error ? l : operandError(l);
  throw operandError(r);
}

export const and = (left: () => unknown, right: () => unknown): boolean => logical(false, left, right);
export const or = (left: () => unknown, right: () => unknown): boolean => logical(true, left, right);

/** A list literal: cel-js evaluates the elements last to first, so the last error surfaces. */
export function list(elements: (() => unknown)[]): unknown[] {
  const out = new Array<unknown>(elements.length);
  for (let i = elements.length - 1; i >= 0; i--) out[i] = elements[i]!();
  return out;
}
