/**
 * The quick way to read a profile. `check` and `assess` run on every CI
 * build, and the `yaml` library, which keeps comments and formatting for the
 * commands that edit a profile and gives the exact positions our error
 * messages quote, costs most of their start-up: about 15 ms for the example
 * and 130 ms for a 90 KB profile, cold. js-yaml's event parser reads the same
 * profile four times faster and gives the offset of every node; the data is
 * built here from its events, resolving plain scalars as yaml's core schema
 * does (js-yaml's own constructor costs as much again, cold).
 *
 * This path is taken only for a plain document that both libraries read the
 * same way: one document that is a mapping, no directives, anchors, aliases, tags, merge keys,
 * keys that are empty, numbers, true/false or null. Anything else, and any
 * error, returns null, and the caller reads the file with `yaml` as before, so
 * every message about a broken file comes from one place. The equivalence
 * (same data, same positions) is a property test: test/property/fast-yaml.test.ts.
 */
import { EVENT_ID, getScalarValue, parseEvents, SCALAR_STYLE, type Event, type ScalarEvent } from 'js-yaml';

export interface FastYaml {
  data: unknown;
  /** Offset where the value at a path starts, keyed by `pathKey`; block scalars are left out. */
  starts: Map<string, number>;
}

/** The key of a path of keys and list indices. */
export function pathKey(path: readonly (string | number)[]): string {
  return path.join('\u0000');
}

/** Plain scalars that the core schema reads as something other than text. */
const NOT_TEXT = /^(?:~|[Nn]ull|NULL|[Tt]rue|TRUE|[Ff]alse|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)?$/;

/**
 * A plain scalar as yaml's core schema (YAML 1.2) reads it: the first of its
 * tags whose test matches, in yaml's order, else text. `NOT_TEXT` is the union
 * of these tests.
 */
function plainValue(text: string): unknown {
  if (!NOT_TEXT.test(text)) return text;
  if (text === '' || text === '~' || text === 'null' || text === 'Null' || text === 'NULL') return null;
  if (text === 'true' || text === 'True' || text === 'TRUE') return true;
  if (text === 'false' || text === 'False' || text === 'FALSE') return false;
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.slice(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.slice(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text[0] === '-' ? -Infinity : Infinity;
  return parseFloat(text);
}

interface Frame {
  kind: 'map' | 'seq';
  /** the object or array being built */
  value: Record<string, unknown> | unknown[];
  /** pathKey of the collection */
  at: string;
  /** maps: the key just read, waiting for its value */
  key: string | null;
  /** sequences: the index of the next item */
  index: number;
}

function keyOf(source: string, event: ScalarEvent): string | null {
  const text = getScalarValue(source, event);
  if (event.style === SCALAR_STYLE.PLAIN && NOT_TEXT.test(text)) return null;
  if (text === '' || text === '__proto__' || text === '<<' || text.includes('\u0000')) return null;
  return text;
}

function startOf(event: Event): number | undefined {
  if (event.type === EVENT_ID.SEQUENCE || event.type === EVENT_ID.MAPPING) return event.start;
  if (event.type !== EVENT_ID.SCALAR) return undefined;
  // An empty value (`key:` and nothing) has no text to point at; the full parser places it.
  if (event.style === SCALAR_STYLE.PLAIN) return event.valueEnd > event.valueStart ? event.valueStart : undefined;
  if (event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED) return event.valueStart - 1;
  return undefined; // a block scalar starts at its `|` or `>`, which the event does not give
}

/**
 * A `...` anywhere, a `---` after content or indented: where one document ends and
 * another begins, the two libraries disagree; the full parser decides.
 */
function laterDocumentMarker(source: string): boolean {
  const marker = /^( *)(---|\.\.\.)(?=[ \t\r\n]|$)/gm;
  for (let m = marker.exec(source); m; m = marker.exec(source)) {
    if (m[1] || m[2] === '...' || /^\s*[^\s#]/m.test(source.slice(0, m.index))) return true;
  }
  return false;
}

/** The document's data and where each value starts, or null when the full parser must read it. */
export function fastParseYaml(source: string): FastYaml | null {
  // A byte-order mark shifts offsets (and is read differently mid-file); a tab in indentation is an error only the full parser reports everywhere.
  if (source.includes('\ufeff') || /^ *\t/m.test(source) || laterDocumentMarker(source)) return null;
  let events: Event[];
  try {
    events = parseEvents(source, {});
  } catch {
    return null;
  }
  const starts = new Map<string, number>();
  const stack: Frame[] = [];
  let data: unknown;
  let documents = 0;
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT) {
      if (++documents > 1 || event.directives.length) return null;
      continue;
    }
    if (event.type === EVENT_ID.POP) {
      stack.pop();
      continue;
    }
    if (event.type === EVENT_ID.ALIAS || event.anchorStart !== -1 || event.tagStart !== -1) return null;
    // block scalars with an explicit indentation are read differently by the two libraries
    if (event.type === EVENT_ID.SCALAR && event.indent !== -1) return null;
    const parent = stack[stack.length - 1];
    // a profile is a mapping: anything else at the top is the full parser's to report
    if (!parent && event.type !== EVENT_ID.MAPPING) return null;
    if (parent?.kind === 'map' && parent.key === null) {
      if (event.type !== EVENT_ID.SCALAR) return null;
      parent.key = keyOf(source, event);
      // a duplicate key: the full parser says where
      if (parent.key === null || Object.hasOwn(parent.value, parent.key)) return null;
      continue;
    }
    let value: unknown;
    if (event.type === EVENT_ID.SCALAR) value = event.style === SCALAR_STYLE.PLAIN ? plainValue(getScalarValue(source, event)) : getScalarValue(source, event);
    else value = event.type === EVENT_ID.MAPPING ? {} : [];
    let at = '';
    if (parent?.kind === 'map') {
      at = stack.length === 1 ? parent.key! : `${parent.at}\u0000${parent.key!}`;
      (parent.value as Record<string, unknown>)[parent.key!] = value;
      parent.key = null;
    } else if (parent) {
      at = `${parent.at}\u0000${parent.index++}`;
      (parent.value as unknown[]).push(value);
    } else {
      data = value;
    }
    const start = startOf(event);
    if (start !== undefined && start >= 0) starts.set(at, start);
    if (event.type === EVENT_ID.MAPPING) stack.push({ kind: 'map', value: value as Record<string, unknown>, at, key: null, index: 0 });
    else if (event.type === EVENT_ID.SEQUENCE) stack.push({ kind: 'seq', value: value as unknown[], at, key: null, index: 0 });
  }
  if (documents !== 1) return null;
  return { data, starts };
}

/** 1-based line and column of an offset, as yaml's LineCounter gives them (lines end at `\n`). */
export function lineIndex(source: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = source.indexOf('\n'); i !== -1; i = source.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}
