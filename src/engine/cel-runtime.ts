// The run-time half of the built-in catalog's compiled CEL: what each
// operator, macro and function of the subset the shipped rules use does, with
// cel-js's semantics (v8, its global environment, where every variable is
// dyn and so every operator dispatches on the values' run-time types).
// Compiled expressions (src/build/cel-compile.ts) call these. Each function
// follows the cel-js code it replaces; test/property/compiled-cel.property.test.ts
// checks that both agree. A value's CEL type: bigint is int, number is double,
// arrays are lists and plain objects maps.

/** CEL's int range; cel-js checks +, - and * of ints against it. */
const MAX_INT = 9223372036854775807n;
const MIN_INT = -9223372036854775808n;

export type CelKind = 'int' | 'double' | 'string' | 'bool' | 'null' | 'list' | 'map';

/** cel-js's errors surface in messages; "No such key: x" and "Unknown variable: x" are read by evaluate.ts. */
export class CelError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EvaluationError';
  }
}

/**
 * A CelError without a stack. Rules meet missing facts all the time, and these
 * errors are caught and read, never shown with a stack: capturing one would
 * cost more than the evaluation itself.
 */
function celError(message: string): CelError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const error = new CelError(message);
  Error.stackTraceLimit = limit;
  return error;
}

const fail = (message: string): never => {
  throw celError(message);
};

/** The CEL type of a value, as cel-js's debugType sees it; other values are not CEL values. */
export function kindOf(v: unknown): CelKind {
  switch (typeof v) {
    case 'string':
      return 'string';
    case 'bigint':
      return 'int';
    case 'number':
      return 'double';
    case 'boolean':
      return 'bool';
    case 'object': {
      if (v === null) return 'null';
      const c = (v as object).constructor;
      if (c === undefined || c === Object || c === Map) return 'map';
      if (c === Array || c === Set) return 'list';
      return fail(`Unsupported type: ${(c as { name?: string })?.name || typeof v}`);
    }
    default:
      return fail(`Unsupported type: ${typeof v}`);
  }
}

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

/** What a macro iterates: a list's elements, a map's keys. */
function range(coll: unknown): unknown[] {
  if (Array.isArray(coll)) return coll;
  if (coll instanceof Set) return [...coll];
  if (coll instanceof Map) return [...coll.keys()];
  if (coll && typeof coll === 'object') return Object.keys(coll);
  return fail(`Expression of type '${kindOf(coll)}' cannot be range of a comprehension (must be list, map, or dynamic).`);
}

const predicateError = (macro: string, v: unknown): never => fail(`${macro}(var, predicate) predicate must return bool, got '${kindOf(v)}'`);

/** `exists`: true at the first element that satisfies it; else the first error, if one occurred; else false. */
export function exists(coll: unknown, predicate: (item: unknown) => unknown): boolean {
  let error: unknown;
  for (const item of range(coll)) {
    try {
      const v = predicate(item);
      if (v === true) return true;
      if (v !== false) predicateError('exists', v);
    } catch (e) {
      error ??= e;
    }
  }
  if (error !== undefined) throw error;
  return false;
}

/** `all`: false at the first element that fails it; else the first error, if one occurred; else true. */
export function all(coll: unknown, predicate: (item: unknown) => unknown): boolean {
  let error: unknown;
  for (const item of range(coll)) {
    try {
      const v = predicate(item);
      if (v === false) return false;
      if (v !== true) predicateError('all', v);
    } catch (e) {
      error ??= e;
    }
  }
  if (error !== undefined) throw error;
  return true;
}

/** `exists_one`: errors are fatal here. */
export function existsOne(coll: unknown, predicate: (item: unknown) => unknown): boolean {
  let count = 0;
  for (const item of range(coll)) {
    const v = predicate(item);
    if (v === true) count++;
    else if (v !== false) predicateError('exists_one', v);
  }
  return count === 1;
}

export function filter(coll: unknown, predicate: (item: unknown) => unknown): unknown[] {
  const out: unknown[] = [];
  for (const item of range(coll)) {
    const v = predicate(item);
    if (v === true) out.push(item);
    else if (v !== false) fail(`filter(var, predicate) predicate must return bool, got '${kindOf(v)}'`);
  }
  return out;
}

export function map(coll: unknown, transform: (item: unknown) => unknown, predicate?: (item: unknown) => unknown): unknown[] {
  const out: unknown[] = [];
  for (const item of range(coll)) {
    if (predicate) {
      const v = predicate(item);
      if (v === false) continue;
      if (v !== true) fail(`map(var, filter, transform) filter predicate must return bool, got '${kindOf(v)}'`);
    }
    out.push(transform(item));
  }
  return out;
}

const noMatch = (call: string, ...args: unknown[]): never => fail(`found no matching overload for '${call}(${args.map((a) => kindOf(a)).join(', ')})'`);

export function size(v: unknown): bigint {
  switch (kindOf(v)) {
    case 'string': {
      let n = 0;
      for (const _ of v as string) n++; // eslint-disable-line @typescript-eslint/no-unused-vars
      return BigInt(n);
    }
    case 'list':
      return BigInt((v as unknown[]).length ?? (v as Set<unknown>).size);
    case 'map':
      return BigInt(v instanceof Map ? v.size : Object.keys(v as object).length);
    default:
      return noMatch('size', v);
  }
}

export function string(v: unknown): string {
  switch (kindOf(v)) {
    case 'string':
      return v as string;
    case 'bool':
    case 'int':
      return `${v as boolean | bigint}`;
    case 'double':
      return v === Infinity ? '+Inf' : v === -Infinity ? '-Inf' : `${v as number}`;
    default:
      return noMatch('string', v);
  }
}

export function int(v: unknown): bigint {
  switch (kindOf(v)) {
    case 'int':
      return v as bigint;
    case 'double':
      return Number.isFinite(v) ? BigInt(Math.trunc(v as number)) : fail('int() type error: integer overflow');
    case 'string': {
      const s = v as string;
      if (s !== s.trim() || s.length > 20 || s.includes('0x')) return fail('int() type error: cannot convert to int');
      let n: bigint | undefined;
      try {
        n = BigInt(s);
      } catch {
        n = undefined;
      }
      return n !== undefined && n <= MAX_INT && n >= MIN_INT ? n : fail('int() type error: cannot convert to int');
    }
    default:
      return noMatch('int', v);
  }
}

export function double(v: unknown): number {
  switch (kindOf(v)) {
    case 'double':
      return v as number;
    case 'int':
      return Number(v);
    case 'string': {
      const s = v as string;
      if (!s || s !== s.trim()) return fail('double() type error: cannot convert to double');
      switch (s.toLowerCase()) {
        case 'inf':
        case '+inf':
        case 'infinity':
        case '+infinity':
          return Infinity;
        case '-inf':
        case '-infinity':
          return -Infinity;
        case 'nan':
          return NaN;
      }
      const parsed = Number(s);
      return Number.isNaN(parsed) ? fail('double() type error: cannot convert to double') : parsed;
    }
    default:
      return noMatch('double', v);
  }
}

/** `list.join(sep)`; cel-js evaluates the separator before the list. */
export function join(separator: unknown, receiver: () => unknown): string {
  const sep = separator === undefined ? '' : separator;
  const l = receiver();
  if (kindOf(l) !== 'list' || kindOf(sep) !== 'string') return noMatch('join', l, sep);
  const items = [...(l as Iterable<unknown>)];
  for (const item of items) if (typeof item !== 'string') fail('string.join(separator): list must contain only strings');
  return items.join(sep as string);
}

export function upperAscii(v: unknown): string {
  return kindOf(v) === 'string' ? (v as string).toUpperCase() : noMatch('upperAscii', v);
}
