// The profile loader never crashes and never leaves a user without a
// position: whatever the text, it loads, or it is refused with a UserError
// whose every problem names the file, line and column.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { profileFromText } from '../../src/profile/load.js';
import { UserError } from '../../src/util/errors.js';
import { ROOT } from '../helpers/assess.js';
import { checkProperty } from './run.js';

const FILE = 'scale-advise.yaml';
const EXAMPLE_TEXT = readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8');

const warnings: string[] = [];
const onWarning = (w: Error) => warnings.push(w.message);
beforeAll(() => process.on('warning', onWarning));
afterAll(() => process.off('warning', onWarning));

/** Loads, or is refused with positioned problems; nothing else, and no warning on stderr. */
export function loadsOrIsRefusedWithPositions(text: string): void {
  const before = warnings.length;
  try {
    profileFromText(text, join(ROOT, FILE), FILE);
  } catch (e) {
    if (!(e instanceof UserError)) throw e;
    expect(e.problems.length).toBeGreaterThan(0);
    for (const p of e.problems) {
      expect(p.file).toBe(FILE);
      expect(p.position, `no position for: ${p.message}`).not.toBeNull();
      expect(p.message.length).toBeLessThan(2000);
    }
  }
  expect(warnings.slice(before)).toEqual([]);
}

const TOKENS = [
  'version: 1\n', 'version: 2\n', 'traffic:\n', 'database:\n', '  peak_rps: ', '  cpu_p95_pct: ', '  engine: ', '  read_replicas: ',
  'waivers:\n', '  - rule: db-read-replicas\n', '    expires: ', 'stage_models:\n', '  ours:\n', '    thresholds: [1, 2, 3]\n',
  '&a ', '*a', '*b', '? ', ': ', '- ', '[', ']', '{', '}', ',', '"', "'", '\t', '\n', '  ', '#', '!!str ', '!!binary ', '!custom ',
  '---\n', '...\n', '%YAML 1.2\n', '|\n', '>-\n', '\\u0000', '\u00a0', '\ufeff', '0x1F', '1e309', '-1', '.inf', '.nan', 'null', '~',
  '2027-02-30', 'true', 'yes', '<<: *a\n', 'x-note: ', '\r\n',
];

describe('profile loader, property-based', () => {
  it('arbitrary YAML-ish text', () => {
    const text = fc.array(fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...TOKENS) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), { maxLength: 40 }).map((parts) => parts.join(''));
    checkProperty('profile: yaml-ish text', text, loadsOrIsRefusedWithPositions, 2000);
  });

  it('arbitrary JSON values, as YAML and as JSON', () => {
    const value = fc.oneof(fc.jsonValue({ maxDepth: 4 }), fc.dictionary(fc.constantFrom('version', 'traffic', 'database', 'waivers', 'architecture', 'x-a'), fc.jsonValue({ maxDepth: 3 })));
    checkProperty(
      'profile: json values',
      fc.tuple(value, fc.boolean()),
      ([v, asJson]) => loadsOrIsRefusedWithPositions(asJson ? JSON.stringify(v) : stringify(v)),
      2000,
    );
  });

  it('mutations of the example profile', () => {
    const example = parse(EXAMPLE_TEXT) as Record<string, Record<string, unknown>>;
    const sections = Object.keys(example).filter((k) => example[k] && typeof example[k] === 'object' && !Array.isArray(example[k]));
    const mutation = fc.tuple(
      fc.constantFrom(...sections),
      fc.string({ maxLength: 20 }),
      fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.double(), fc.integer(), fc.constantFrom(-1, 0, 1e12, 101, 'none', '', null)),
    );
    checkProperty(
      'profile: example mutations',
      fc.array(mutation, { minLength: 1, maxLength: 4 }),
      (changes) => {
        const data = structuredClone(example);
        for (const [section, key, value] of changes) {
          const keys = Object.keys(data[section]!);
          const target = key && keys.length ? keys[key.length % keys.length]! : key || 'x';
          data[section]![target] = value;
        }
        loadsOrIsRefusedWithPositions(stringify(data));
      },
      1500,
    );
  });
});
