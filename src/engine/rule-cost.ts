// A static estimate of what a user's expression costs, made at load before it
// ever runs (Kubernetes bounds CEL the same way): nested loops multiply, so
// four `exists` over 100-element lists cost 100⁴ and are refused at their line
// instead of hanging the run.
/** The estimated evaluation steps an expression may take; one over it is refused at load. */
export const STATIC_COST_BUDGET = 1_000_000;
/** Lists read from the profile (e.g. architecture.components) are estimated at this many items. */
export const ASSUMED_FACT_LIST_SIZE = 100;

interface Node {
  op: string;
  args: unknown;
  start?: number;
}

/** What an expression costs, and how long the list or string it yields may be. */
interface Estimate {
  cost: number;
  size: number;
  /** estimate of each element, when the value is a list whose elements are known */
  elem?: Estimate;
}

const MACROS = new Set(['all', 'exists', 'exists_one', 'map', 'filter']);
const UNKNOWN: Estimate = { cost: 1, size: ASSUMED_FACT_LIST_SIZE };
const unknownValue = (cost: number): Estimate => ({ cost, size: ASSUMED_FACT_LIST_SIZE });
const isNode = (x: unknown): x is Node => typeof x === 'object' && x !== null && 'op' in x;
const sum = (xs: Estimate[]): number => xs.reduce((a, x) => a + x.cost, 0);

function estimate(node: unknown, scope: ReadonlyMap<string, Estimate>): Estimate {
  if (!isNode(node)) return { cost: 0, size: 1 };
  const a = node.args;
  switch (node.op) {
    case 'value':
      return { cost: 1, size: typeof a === 'string' ? a.length : 1 };
    case 'id': {
      const bound = scope.get(a as string);
      if (bound) return { ...bound, cost: 1 };
      return UNKNOWN;
    }
    case 'list': {
      const items = (a as unknown[]).map((x) => estimate(x, scope));
      const elem = items.reduce<Estimate | undefined>((m, x) => (!m || x.size > m.size ? x : m), undefined);
      return { cost: 1 + sum(items), size: items.length, ...(elem ? { elem: { ...elem, cost: 1 } } : {}) };
    }
    case 'map': {
      const entries = (a as [unknown, unknown][]).flatMap(([k, v]) => [estimate(k, scope), estimate(v, scope)]);
      return { cost: 1 + sum(entries), size: entries.length / 2 };
    }
    case 'rcall': {
      const [name, receiverNode, argNodes] = a as [string, unknown, unknown[]];
      const receiver = estimate(receiverNode, scope);
      if (MACROS.has(name) && argNodes.length >= 2 && isNode(argNodes[0]) && argNodes[0].op === 'id') {
        const inner = new Map(scope).set(argNodes[0].args as string, receiver.elem ?? UNKNOWN);
        const bodies = argNodes.slice(1).map((x) => estimate(x, inner));
        const cost = receiver.cost + receiver.size * (sum(bodies) + 2);
        if (name === 'map') return { cost, size: receiver.size, elem: { ...bodies[bodies.length - 1]!, cost: 1 } };
        if (name === 'filter') return { cost, size: receiver.size, ...(receiver.elem ? { elem: receiver.elem } : {}) };
        return { cost, size: 1 };
      }
      const args = argNodes.map((x) => estimate(x, scope));
      // string functions walk their receiver: charge its length
      return unknownValue(receiver.cost + sum(args) + 1 + receiver.size);
    }
    case 'call': {
      const [name, argNodes] = a as [string, unknown[]];
      const args = argNodes.map((x) => estimate(x, scope));
      if (name === 'has' || name === 'size' || name === 'int' || name === 'double' || name === 'string') return { cost: 1 + sum(args), size: 1 };
      return unknownValue(1 + sum(args));
    }
    case '?:': {
      const [c, l, r] = (a as unknown[]).map((x) => estimate(x, scope)) as [Estimate, Estimate, Estimate];
      const big = l.cost >= r.cost ? l : r;
      return { ...big, cost: 1 + c.cost + big.cost, size: Math.max(l.size, r.size) };
    }
    case '+': {
      const [l, r] = (a as unknown[]).map((x) => estimate(x, scope)) as [Estimate, Estimate];
      const elem = l.elem ?? r.elem;
      return { cost: 1 + l.cost + r.cost + l.size + r.size, size: l.size + r.size, ...(elem ? { elem } : {}) };
    }
    case '[]':
    case '[?]': {
      const [obj, key] = (a as unknown[]).map((x) => estimate(x, scope)) as [Estimate, Estimate];
      return { ...(obj.elem ?? UNKNOWN), cost: 1 + obj.cost + key.cost };
    }
    case '.':
    case '.?': {
      const obj = estimate((a as unknown[])[0], scope);
      return unknownValue(1 + obj.cost);
    }
    default: {
      const children = Array.isArray(a) ? a.map((x) => estimate(x, scope)) : isNode(a) ? [estimate(a, scope)] : [];
      // `in` over a list walks it
      const walk = node.op === 'in' && children[1] ? children[1].size : 0;
      return { cost: 1 + sum(children) + walk, size: 1 };
    }
  }
}

/** The estimated cost of a parsed expression (its AST from cel-js). */
export function estimateCost(ast: unknown): number {
  return estimate(ast, new Map()).cost;
}
