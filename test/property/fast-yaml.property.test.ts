// The quick profile reader (js-yaml events) and the full one (yaml) must agree
// whenever the quick one answers: the same data, the same position for every
// value it places, and never a file the full reader refuses.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParseYaml, lineIndex, pathKey } from '../../src/profile/fast-yaml.js';
import { parseYamlText, positionAt } from '../../src/profile/parse-yaml.js';
import { UserError } from '../../src/util/errors.js';
import { ROOT } from '../helpers/assess.js';
import { checkProperty } from './run.js';

type Path = (string | number)[];

function* paths(value: unknown, path: Path = []): Generator<Path> {
  yield path;
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* paths(value[i], [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* paths(v, [...path, k]);
}

/** Returns whether the quick reader answered, after checking it against the full one. */
function agrees(text: string): boolean {
  const fast = fastParseYaml(text);
  if (!fast) return false;
  let full;
  try {
    full = parseYamlText(text, 'p.yaml');
  } catch (e) {
    const why = e instanceof UserError ? e.problems.map((p) => p.message).join('; ') : String(e);
    throw new Error(`the quick reader accepted what the full one refuses (${why}):\n${JSON.stringify(text)}`);
  }
  expect(fast.data, JSON.stringify(text)).toEqual(full.data);
  const at = lineIndex(text);
  let placed = 0;
  for (const path of paths(fast.data)) {
    const start = fast.starts.get(pathKey(path));
    if (start === undefined) continue;
    placed++;
    expect(at(start), `${JSON.stringify(path)} in ${JSON.stringify(text)}`).toEqual(positionAt(full, path));
  }
  expect(placed).toBe(fast.starts.size);
  return true;
}

function profileFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' ? [] : profileFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const EXAMPLE = readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8');

const TOKENS = [
  'a: ', 'b:\n', '  c: ', '  - ', '- ', 'key: value\n', '"q": ', "'s': ", '1: ', 'null: ', '~: ', 'true: ', '? ', ': ', '&x ', '*x', '!!str ', '!t ',
  '[', ']', '{', '}', ', ', '"', "'", '\\n', '\\"', '\t', '\n', '\r\n', '  ', '    ', '#', ' # c\n', '|\n', '>-\n', '|2\n', '---\n', '...\n', '%YAML 1.1\n',
  '0x1F', '0o17', '0b1', '1_000', '1e3', '.5', '-0', '+1', '.inf', '.NaN', 'Null', 'TRUE', 'yes', '2027-03-31', '12:30', '<<: ', '__proto__: ', '\ufeff', '\u00a0', '\u2028',
];

describe('quick profile reader, property-based', () => {
  it('agrees with the full reader on every profile in the repository', () => {
    const files = [...profileFiles(join(ROOT, 'examples')), ...profileFiles(join(ROOT, 'test', 'fixtures'))];
    expect(files.length).toBeGreaterThan(40);
    let quick = 0;
    for (const file of files) if (agrees(readFileSync(file, 'utf8'))) quick++;
    // most of them are plain YAML and take the quick path
    expect(quick).toBeGreaterThan(files.length / 2);
  });

  it('answers for the example, and places every value it has', () => {
    const fast = fastParseYaml(EXAMPLE)!;
    expect(fast).not.toBeNull();
    expect(fast.starts.get(pathKey(['traffic', 'peak_rps']))).toBe(EXAMPLE.indexOf('800', EXAMPLE.indexOf('peak_rps:')));
    expect(agrees(EXAMPLE)).toBe(true);
    expect(agrees(EXAMPLE.replace(/\n/g, '\r\n'))).toBe(true);
  });

  it('leaves to the full reader what it cannot read the same way', () => {
    for (const text of [
      'a: &x 1\nb: *x\n', // anchors and aliases
      'a: !!str 1\n', // tags
      '%YAML 1.1\n---\na: yes\n', // directives change the schema
      'a: 1\n---\nb: 2\n', // two documents
      '\ufeffa: 1\n', // a byte-order mark shifts offsets
      '1: a\n', // keys that are not text
      'null: a\n',
      ': a\n',
      '? [a, b]\n: 1\n',
      'a: 1\na: 2\n', // duplicate keys: the full reader says where
      'a: [1\n', // broken
      '<<: {b: 1}\n',
    ]) {
      expect(fastParseYaml(text), JSON.stringify(text)).toBeNull();
    }
  });

  it('arbitrary YAML-ish text', () => {
    const text = fc.array(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 8 }) }), { maxLength: 40 }).map((p) => p.join(''));
    checkProperty('fast-yaml: yaml-ish text', text, (t) => void agrees(t), 1500);
  });

  it('arbitrary values written in every style', () => {
    const styles = fc.record({
      collectionStyle: fc.constantFrom('any', 'block', 'flow') as fc.Arbitrary<'any' | 'block' | 'flow'>,
      defaultStringType: fc.constantFrom('PLAIN', 'QUOTE_DOUBLE', 'QUOTE_SINGLE', 'BLOCK_LITERAL', 'BLOCK_FOLDED') as fc.Arbitrary<'PLAIN'>,
      indent: fc.integer({ min: 1, max: 4 }),
    });
    checkProperty(
      'fast-yaml: values in every style',
      fc.tuple(fc.jsonValue({ maxDepth: 4 }), styles),
      ([value, options]) => void agrees(stringify(value, options)),
      1500,
    );
  });

  it('edits of the example, line by line', () => {
    const lines = EXAMPLE.split('\n');
    const edit = fc.tuple(fc.nat(lines.length - 1), fc.nat(80), fc.constantFrom(...TOKENS), fc.boolean());
    checkProperty(
      'fast-yaml: example edits',
      fc.array(edit, { minLength: 1, maxLength: 3 }),
      (edits) => {
        const copy = [...lines];
        for (const [line, column, token, replace] of edits) {
          const l = copy[line]!;
          const c = Math.min(column, l.length);
          copy[line] = l.slice(0, c) + token + l.slice(replace ? Math.min(l.length, c + token.length) : c);
        }
        agrees(copy.join('\n'));
      },
      600,
    );
  });
});
