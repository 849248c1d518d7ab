// The macros and functions of the compiled built-in expressions (cel-runtime.ts
// re-exports them), with cel-js's semantics: what the macros iterate and how
// they treat errors, and the conversions' exact results.
import { fail, kindOf, MAX_INT, MIN_INT } from './cel-values.js';

/** What a macro iterates: a list's elements, a map's keys. */
function range(coll: unknown): unknown[] {
  if (Array.isArray(coll)) return coll;
  if (coll instanceof Set) return [...coll];
  if (coll instanceof Map) return [...coll.keys()];
  if (coll && typeof coll === 'object') return Object.keys(coll);
  return fail(`Expression of type '${kindOf(coll)}' cannot be range of a comprehension (must be list, map, or dynamic).`);
}

const predicateError = (macro: string, v: unknown): never => fail(`${macro}(var, predicate) predicate must return bool, got '${kindOf(v)}'`);

/**
 * `exists` (decided by the first true) and `all` (by the first false). An
 * element that errors is skipped; the first such error surfaces only when no
 * element decides.
 */
function quantifier(macro: string, decides: boolean, coll: unknown, predicate: (item: unknown) => unknown): boolean {
  let error: unknown;
  for (const item of range(coll)) {
    try {
      const v = predicate(item);
      if (v === decides) return decides;
      if (v !== !decides) predicateError(macro, v);
    } catch (e) {
      error ??= e;
    }
  }
  if (error !== undefined) throw error;
  return !decides;
}

export const exists = (coll: unknown, predicate: (item: unknown) => unknown): boolean => quantifier('exists', true, coll, predicate);
export const all = (coll: unknown, predicate: (item: unknown) => unknown): boolean => quantifier('all', false, coll, predicate);

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
