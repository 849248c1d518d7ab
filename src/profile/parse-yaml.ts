import { Document, LineCounter, parseDocument, isMap, isSeq, isScalar, isPair, visit, type Node, type Pair } from 'yaml';
import type { Position } from '../model.js';
import { UserError, type Problem } from '../util/errors.js';
import { MAX_FILE_BYTES, readUserFile } from '../util/read-file.js';

export { MAX_FILE_BYTES };
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
  return parseYamlText(readUserFile(file, displayName, MAX_FILE_BYTES), displayName);
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
  problems.push(...structureProblems(doc, lineCounter, file));
  if (problems.length) throw new UserError(problems);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch {
    // Few aliases that expand to a great deal: an alias bomb. Say where, in our words.
    const first = firstAlias(doc);
    throw new UserError([
      {
        file,
        position: first?.range ? offsetToPosition(lineCounter, first.range[0]) : null,
        message: 'YAML aliases here expand to far more data than they are written as (an alias bomb); expand them or simplify the file',
      },
    ]);
  }
  return { file, text, doc, lineCounter, data };
}

function firstAlias(doc: Document.Parsed): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Alias(_, node) {
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/**
 * What YAML allows and a profile or rule has no use for, found before the
 * document is turned into data: aliases to anchors that do not exist, more
 * aliases than a hand-written file needs, and keys that are lists or maps.
 */
function structureProblems(doc: Document.Parsed, lc: LineCounter, file: string): Problem[] {
  const problems: Problem[] = [];
  const at = (node: Node | null | undefined) => (node?.range ? offsetToPosition(lc, node.range[0]) : null);
  let aliases = 0;
  visit(doc, {
    Alias(_, node) {
      aliases++;
      if (aliases === MAX_ALIASES + 1) {
        problems.push({ file, position: at(node), message: `more than ${MAX_ALIASES} YAML aliases; a profile or rule needs few: expand them or simplify the file` });
      }
      if (!node.resolve(doc)) {
        problems.push({ file, position: at(node), message: `the alias *${node.source.slice(0, 40)} names no anchor defined before it` });
      }
    },
    Scalar(_, node) {
      const v = node.value;
      if (v !== null && typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
        problems.push({ file, position: at(node), message: `a value must be text, a number, true/false or null${node.tag ? `, not ${node.tag.replace('tag:yaml.org,2002:', '!!')}` : ''}` });
      }
    },
    Map(_, node) {
      if (node.tag && node.tag !== 'tag:yaml.org,2002:map') problems.push({ file, position: at(node), message: `a mapping may not carry the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}` });
    },
    Seq(_, node) {
      if (node.tag && node.tag !== 'tag:yaml.org,2002:seq') problems.push({ file, position: at(node), message: `a list may not carry the tag ${node.tag.replace('tag:yaml.org,2002:', '!!')}` });
    },
    Pair(_, pair, path) {
      if (pair.key !== null && !isScalar(pair.key)) {
        problems.push({ file, position: at(pair.key as Node), message: 'a key must be a plain name, not a list or a map' });
      } else if (pair.key === null || pair.key.value === null || pair.key.value === '') {
        const parent = path[path.length - 1] as Node | undefined;
        problems.push({ file, position: at(isScalar(pair.key) ? pair.key : (pair.value as Node | null)) ?? at(parent) ?? { line: 1, column: 1 }, message: 'a key is empty; every key needs a name' });
      }
    },
  });
  return problems;
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

