// CEL values as the compiled built-in expressions see them (cel-runtime.ts):
// a value's CEL type (bigint is int, number is double, arrays are lists,
// plain objects maps) and the errors evaluation raises.

/** CEL's int range; cel-js checks +, - and * of ints against it. */
export const MAX_INT = 9223372036854775807n;
export const MIN_INT = -9223372036854775808n;

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
export function celError(message: string): CelError {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const error = new CelError(message);
  Error.stackTraceLimit = limit;
  return error;
}

export const fail = (message: string): never => {
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

