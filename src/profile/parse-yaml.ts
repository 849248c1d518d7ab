import { readFileSync, statSync } from 'node:fs';
import { Document, LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, type Node, type Pair } from 'yaml';
import type { Position } from '../model.js';
import { UserError, type Problem } from '../util/errors.js';
import { fsProblem } from '../util/fs-errors.js';

/** Large enough for any real profile or rule; small enough to refuse a hostile file fast. */
export const MAX_FILE_BYTES = 1024 * 1024;
/** Profiles and rules have no use for many aliases; a billion-laughs file has thousands. */
export const MAX_ALIASES = 50;

export interface ParsedYaml {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  data: unknown;
}

/** Read a YAML file, treating YAML warnings as errors and capping size and aliases. */
export function readYamlFile(file: string, displayName = file): ParsedYaml {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (e) {
    throw fsProblem(e, 'read', displayName);
  }
  if (size > MAX_FILE_BYTES) {
    throw new UserError([
      { file: displayName, position: null, message: `file is ${size} bytes; the limit is ${MAX_FILE_BYTES} bytes (1 MiB)` },
    ]);
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw fsProblem(e, 'read', displayName);
  }
  return parseYamlText(text, displayName);
}

export function parseYamlText(text: string, file: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true });
  const problems: Problem[] = [];
  for (const issue of [...doc.errors, ...doc.warnings]) {
    const offset = issue.pos?.[0] ?? 0;
    problems.push({
      file,
      position: offsetToPosition(lineCounter, offset),
      message: `invalid YAML: ${firstLine(issue.message)}`,
    });
  }
  if (problems.length) throw new UserError(problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    throw new UserError([
      {
        file,
        position: null,
        message: `too many YAML aliases (more than ${MAX_ALIASES}); expand them or simplify the file`,
        hint: e instanceof Error ? firstLine(e.message) : undefined,
      },
    ]);
  }
  return { file, text, doc, lineCounter, data };
}

export function offsetToPosition(lc: LineCounter, offset: number): Position {
  const { line, col } = lc.linePos(offset);
  return { line, column: col };
}

/** Position of the value at a path (or of the key, when `key` is set). */
export function positionAt(parsed: ParsedYaml, path: (string | number)[], key = false): Position | null {
  if (path.length === 0) return offsetToPosition(parsed.lineCounter, parsed.doc.contents?.range?.[0] ?? 0);
  const parentPath = path.slice(0, -1);
  const last = path[path.length - 1]!;
  const parent = parentPath.length ? parsed.doc.getIn(parentPath, true) : parsed.doc.contents;
  if (isMap(parent)) {
    const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === String(last)) as Pair<Node, Node> | undefined;
    if (pair) {
      const node = key || !pair.value ? pair.key : pair.value;
      const start = (node as Node).range?.[0];
      if (start !== undefined) return offsetToPosition(parsed.lineCounter, start);
    }
  } else if (isSeq(parent) && typeof last === 'number') {
    const item = parent.items[last] as Node | undefined;
    if (item?.range) return offsetToPosition(parsed.lineCounter, item.range[0]);
  }
  // fall back to the nearest ancestor we can place
  return parentPath.length ? positionAt(parsed, parentPath, key) : null;
}

export { isMap, isSeq, isScalar, isPair };

function firstLine(s: string): string {
  const line = s.split('\n')[0] ?? s;
  return line.replace(/ at line \d+, column \d+:?$/, '');
}

