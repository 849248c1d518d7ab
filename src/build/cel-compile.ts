// Build-time only: the built-in catalog's CEL expressions compiled from
// cel-js's AST to JavaScript, so a run without user rules never loads or runs
// cel-js. Only the subset the shipped rules use is compiled; anything else
// fails the build with the construct named, since a silent fallback would
// hide a difference in behaviour. The generated code calls
// src/engine/cel-runtime.ts (`$`), which carries cel-js's semantics.
import { parse } from '@marcbachmann/cel-js';
import { FACT_ROOTS, factReferences } from '../engine/expr.js';

interface Node {
  op: string;
  args: unknown;
  checkedType?: { kind: string; name: string };
}

/** A construct of an expression the compiler does not translate. */
export class UnsupportedCel extends Error {}

const BINARY: Record<string, string> = {
  '==': 'eq',
  '!=': 'ne',
  '<': 'lt',
  '<=': 'le',
  '>': 'gt',
  '>=': 'ge',
  '+': 'add',
  '-': 'sub',
  '*': 'mul',
  '/': 'div',
  in: 'inList',
};
const FUNCTIONS = new Set(['size', 'string', 'int', 'double']);
const MACROS: Record<string, string> = { exists: 'exists', all: 'all', exists_one: 'existsOne', filter: 'filter', map: 'map' };

function literal(v: unknown): string {
  switch (typeof v) {
    case 'bigint':
      return `${v}n`;
    case 'number':
      if (!Number.isFinite(v)) throw new UnsupportedCel(`the number literal ${v}`);
      return Object.is(v, -0) ? '-0' : String(v);
    case 'string':
      return JSON.stringify(v);
    case 'boolean':
      return String(v);
    case 'object':
      if (v === null) return 'null';
  }
  throw new UnsupportedCel(`a literal of type ${typeof v}`);
}

class Compiler {
  private vars = 0;

  /** JavaScript for a node; `scope` maps the macros' iteration variables in reach to JS names. */
  gen(node: Node, scope: ReadonlyMap<string, string>): string {
    const args = node.args as unknown;
    const sub = (n: unknown) => this.gen(n as Node, scope);
    switch (node.op) {
      case 'value':
        return literal(args);
      case 'id':
        return scope.get(args as string) ?? `$.root(ctx, ${JSON.stringify(args)})`;
      case '.': {
        const [obj, key] = args as [Node, string];
        // cel-js reads fields of a typed (non-dyn) value another way; every value the rules read is dyn.
        if (obj.checkedType?.kind !== 'dyn') throw new UnsupportedCel(`field access on a value of static type ${obj.checkedType?.name ?? 'unknown'}`);
        return `$.field(${sub(obj)}, ${JSON.stringify(key)})`;
      }
      case '!_':
        return `$.not(${sub(args)})`;
      case '-_':
        return `$.neg(${sub(args)})`;
      case '&&':
      case '||': {
        const [l, r] = args as [Node, Node];
        return `$.${node.op === '&&' ? 'and' : 'or'}(() => ${sub(l)}, () => ${sub(r)})`;
      }
      case '?:': {
        const [c, a, b] = args as [Node, Node, Node];
        return `($.cond(${sub(c)}) ? ${sub(a)} : ${sub(b)})`;
      }
      case 'list': {
        const items = args as Node[];
        // Literals cannot fail, so their order of evaluation does not matter.
        if (items.every((i) => i.op === 'value')) return `[${items.map(sub).join(', ')}]`;
        return `$.list([${items.map((i) => `() => ${sub(i)}`).join(', ')}])`;
      }
      case 'call':
        return this.call(node, scope);
      case 'rcall':
        return this.rcall(node, scope);
      default:
        if (node.op in BINARY) {
          const [l, r] = args as [Node, Node];
          return `$.${BINARY[node.op]}(${sub(l)}, ${sub(r)})`;
        }
        throw new UnsupportedCel(`the operator ${node.op}`);
    }
  }

  private call(node: Node, scope: ReadonlyMap<string, string>): string {
    const [name, args] = node.args as [string, Node[]];
    if (name === 'has' && args.length === 1) {
      const path: string[] = [];
      let cur = args[0]!;
      while (cur.op === '.') {
        const [obj, key] = cur.args as [Node, string];
        path.unshift(key);
        cur = obj;
      }
      if (cur.op !== 'id' || !path.length) throw new UnsupportedCel('has() of anything but a field selection');
      return `$.has(${this.gen(cur, scope)}, ${JSON.stringify(path)})`;
    }
    if (FUNCTIONS.has(name) && args.length === 1) return `$.${name}(${this.gen(args[0]!, scope)})`;
    throw new UnsupportedCel(`the function ${name}() with ${args.length} argument(s)`);
  }

  private rcall(node: Node, scope: ReadonlyMap<string, string>): string {
    const [name, receiver, args] = node.args as [string, Node, Node[]];
    const recv = this.gen(receiver, scope);
    if (name in MACROS && (args.length === 2 || (name === 'map' && args.length === 3))) {
      const variable = args[0]!;
      if (variable.op !== 'id') throw new UnsupportedCel(`${name}() without an iteration variable`);
      const js = `v${this.vars++}`;
      const inner = new Map(scope).set(variable.args as string, js);
      const fn = (n: Node) => `(${js}) => ${this.gen(n, inner)}`;
      if (args.length === 3) return `$.map(${recv}, ${fn(args[2]!)}, ${fn(args[1]!)})`;
      return `$.${MACROS[name]}(${recv}, ${fn(args[1]!)})`;
    }
    if (name === 'join' && args.length <= 1) {
      // cel-js evaluates a method's arguments before its receiver.
      return `$.join(${args.length ? this.gen(args[0]!, scope) : 'undefined'}, () => ${recv})`;
    }
    if (name === 'upperAscii' && args.length === 0) return `$.upperAscii(${recv})`;
    throw new UnsupportedCel(`the method .${name}() with ${args.length} argument(s)`);
  }
}

export interface CompiledExpression {
  /** `($, ctx) => ...`, `$` being src/engine/cel-runtime.ts */
  code: string;
  /** the facts it reads, in first-read order (what factsRead gives) */
  reads: string[];
}

/**
 * Compile one expression. Throws UnsupportedCel for a construct outside the
 * subset, and cel-js's error when the expression does not parse or type-check
 * (cel-js would fail it on every evaluation).
 */
export function compileCel(source: string): CompiledExpression {
  const parsed = parse(source) as unknown as { ast: Node; check(): { valid: boolean; error?: Error } };
  const checked = parsed.check();
  if (!checked.valid) throw checked.error ?? new Error('does not type-check');
  const body = new Compiler().gen(parsed.ast, new Map());
  const isRoot = (name: string) => (FACT_ROOTS as readonly string[]).includes(name);
  return { code: `($, ctx) => ${body}`, reads: [...new Set(factReferences(parsed.ast, isRoot).map((r) => r.path))] };
}
