// Editing a profile where its fields stand: the lines edited or added change,
// every other byte stays; a shape that cannot be edited in place gets null,
// and the caller uses the yaml Document API instead.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { spliceFields, type FieldEdit } from '../../src/profile/splice.js';
import { ROOT } from '../helpers/assess.js';
import { checkProperty } from '../property/run.js';

const PROFILE = [
  '# ours',
  'version: 1',
  'database:',
  '  engine: postgresql        # the main store',
  '  cpu_p95_pct: 40           # at peak',
  '',
  '  read_pct: 80',
  'team:',
  '    engineers: 12           # from HR',
  '# the end',
  '',
].join('\n');

describe('spliceFields', () => {
  it('replaces a value where it stands and keeps its comment in its column', () => {
    expect(spliceFields(PROFILE, [{ section: 'database', key: 'cpu_p95_pct', value: 71.5 }])).toBe(PROFILE.replace('cpu_p95_pct: 40           #', 'cpu_p95_pct: 71.5         #'));
  });

  it('keeps one space before the comment when the new value reaches its column', () => {
    const long = 'x'.repeat(30);
    expect(spliceFields(PROFILE, [{ section: 'database', key: 'engine', value: long }])).toBe(PROFILE.replace('engine: postgresql        #', `engine: ${long} #`));
  });

  it('replaces the comment when told to, and adds one where there was none', () => {
    const out = spliceFields(PROFILE, [
      { section: 'database', key: 'cpu_p95_pct', value: 40, comment: ' measured' },
      { section: 'database', key: 'read_pct', value: 85, comment: ' measured' },
    ]);
    expect(out).toBe(PROFILE.replace('# at peak', '# measured').replace('read_pct: 80', 'read_pct: 85 # measured'));
  });

  it("adds a field after the section's last line, at the section's own indentation, with its comments", () => {
    const out = spliceFields(PROFILE, [
      { section: 'team', key: 'teams', value: 3, commentBefore: ' Number of teams.', comment: ' detected: CODEOWNERS' },
      { section: 'database', key: 'size_gb', value: 120 },
    ]);
    expect(out).toBe(
      PROFILE.replace('  read_pct: 80\n', '  read_pct: 80\n  size_gb: 120\n').replace(
        '    engineers: 12           # from HR\n',
        '    engineers: 12           # from HR\n    # Number of teams.\n    teams: 3 # detected: CODEOWNERS\n',
      ),
    );
  });

  it('appends a missing section at the end of the file', () => {
    expect(spliceFields(PROFILE, [{ section: 'cost', key: 'monthly_infra_usd', value: 18000 }])).toBe(`${PROFILE}cost:\n  monthly_infra_usd: 18000\n`);
    expect(spliceFields('version: 1', [{ section: 'cost', key: 'monthly_infra_usd', value: 1 }])).toBe('version: 1\ncost:\n  monthly_infra_usd: 1\n');
  });

  it('writes a one-line flow section it changes as a block, its comment kept on the key line', () => {
    const text = 'version: 1\ndatabase: { engine: postgresql, tags_x: [a, b] }   # ours\nteam:\n  engineers: 4   # x\n';
    expect(spliceFields(text, [{ section: 'database', key: 'size_gb', value: 5 }])).toBe(
      'version: 1\ndatabase: # ours\n  engine: postgresql\n  tags_x: [ a, b ]\n  size_gb: 5\nteam:\n  engineers: 4   # x\n',
    );
    // A flow section no edit touches stays as it is.
    expect(spliceFields(text, [{ section: 'team', key: 'engineers', value: 5 }])).toBe(text.replace('engineers: 4 ', 'engineers: 5 '));
  });

  it('keeps Windows line ends', () => {
    const crlf = PROFILE.replace(/\n/g, '\r\n');
    const out = spliceFields(crlf, [
      { section: 'database', key: 'cpu_p95_pct', value: 50 },
      { section: 'team', key: 'teams', value: 2 },
      { section: 'cost', key: 'monthly_infra_usd', value: 5 },
    ]);
    expect(out).toBe(`${crlf.replace('cpu_p95_pct: 40 ', 'cpu_p95_pct: 50 ').replace('# from HR\r\n', '# from HR\r\n    teams: 2\r\n')}cost:\r\n  monthly_infra_usd: 5\r\n`);
  });

  it('quotes a text that would read as something else', () => {
    for (const value of ['123', 'true', 'null', 'a: b', '#x', ' padded', '']) {
      const out = spliceFields(PROFILE, [{ section: 'database', key: 'engine', value }]);
      expect(out, value).not.toBeNull();
      expect(parse(out!).database.engine, value).toBe(value);
    }
  });

  it('gives null where the Document API must do it', () => {
    const edit: FieldEdit = { section: 'database', key: 'engine', value: 'mysql' };
    expect(spliceFields('version: 1\ndatabase: {\n  engine: postgresql }\n', [edit])).toBeNull(); // a flow section over two lines
    expect(spliceFields('version: 1\ndatabase:\n  engine: "post\n    gresql"\n', [edit])).toBeNull(); // a value over two lines
    expect(spliceFields('version: 1\ndatabase: none\n', [edit])).toBeNull(); // a section that is not a mapping
    expect(spliceFields('version: 1\ndatabase:\n', [edit])).toBeNull(); // a section with nothing in it
    expect(spliceFields('version: 1\ndatabase:\n  engine: postgresql\n', [{ ...edit, value: 'two\nlines' }])).toBeNull();
    expect(spliceFields('version: [1\n', [edit])).toBeNull(); // not YAML
    expect(spliceFields('', [edit])).toBeNull();
  });

  // On the example profile: any set of fields, set or added, reads back as the
  // edits say, and every line the edits do not touch is still there, in order.
  const example = readFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), 'utf8');
  const data = parse(example) as Record<string, Record<string, unknown>>;
  const present = Object.entries(data).flatMap(([s, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).map((k) => [s, k] as const) : []));
  const scalarPresent = present.filter(([s, k]) => typeof data[s]![k] !== 'object');
  const field = fc.oneof(
    fc.constantFrom(...scalarPresent),
    fc.tuple(fc.constantFrom('database', 'team', 'cost', 'delivery', 'observability', 'security', 'extra_section'), fc.stringMatching(/^[a-z][a-z_]{0,11}$/)),
  );
  const value = fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.string({ maxLength: 12 }), fc.constantFrom('none', 'yes', '0x10', '1e3', '- a', '{a}', "it's"));
  const comment = fc.option(fc.stringMatching(/^ [ -~]{0,20}$/), { nil: undefined });
  it('on the example, gives what the edits say and keeps every other line', () => {
    checkProperty(
      'splice: edits of the example',
      fc.uniqueArray(fc.record({ field, value, comment }), { minLength: 1, maxLength: 6, selector: (e) => e.field.join('.') }),
      (generated) => {
        const edits: FieldEdit[] = generated.map((g) => ({ section: g.field[0], key: g.field[1], value: g.value, ...(g.comment === undefined ? {} : { comment: g.comment }) }));
        const out = spliceFields(example, edits);
        expect(out).not.toBeNull();
        const read = parse(out!) as Record<string, Record<string, unknown>>;
        for (const e of edits) expect(read[e.section]![e.key]).toEqual(e.value);
        // The lines not edited, in their order.
        const edited = new Set(edits.filter((e) => data[e.section]?.[e.key] !== undefined).map((e) => `${e.section}.${e.key}`));
        let section = '';
        const kept = example.split('\n').filter((line) => {
          const top = /^([a-z_]+):/.exec(line);
          if (top) section = top[1]!;
          const key = /^ {2}([a-z_0-9]+):/.exec(line)?.[1];
          return !(key && edited.has(`${section}.${key}`));
        });
        let at = 0;
        const lines = out!.split('\n');
        for (const line of kept) {
          at = lines.indexOf(line, at);
          expect(at, line).toBeGreaterThanOrEqual(0);
          at++;
        }
      },
      400,
    );
  });
});
