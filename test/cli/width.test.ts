// A tech lead reads the report in an 80-column terminal: every text output
// (report, roadmap, catalog, explain, every --help) fits the width it is
// given, and 80 columns when piped. Code (conditions, example profiles) may
// run over; nothing else may.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatText } from '../../src/report/text.js';
import { assessFile, ROOT } from '../helpers/assess.js';
import { runCli } from '../helpers/cli.js';

const WIDTHS = [80, 120];
/** explain's sections that hold code rather than prose */
const CODE_SECTIONS = ['Fires when', 'Steps left out when the profile shows them done', 'Example profile on which it fires'];

function overlong(text: string, width: number): string[] {
  const out: string[] = [];
  let inCode = false;
  for (const line of text.split('\n')) {
    if (CODE_SECTIONS.includes(line)) inCode = true;
    else if (line === '') inCode = false;
    else if (!inCode && line.length > width) out.push(`${line.length}: ${line}`);
  }
  return out;
}

function profiles(): string[] {
  const cases = join(ROOT, 'test', 'fixtures', 'cases');
  const rules = join(ROOT, 'test', 'fixtures', 'rules');
  return [
    join(ROOT, 'examples', 'scale-advise.yaml'),
    ...readdirSync(cases).filter((f) => f.endsWith('.yaml')).map((f) => join(cases, f)),
    ...readdirSync(rules).flatMap((d) => readdirSync(join(rules, d)).filter((f) => f.startsWith('fires')).map((f) => join(rules, d, f))),
  ];
}

describe('text report width', () => {
  const assessments = profiles().map((p) => [p, assessFile(p)] as const);
  for (const width of WIDTHS) {
    it(`keeps every line of every report within ${width} columns, verbose or not`, () => {
      const problems: string[] = [];
      for (const [path, a] of assessments) {
        for (const verbose of [false, true]) {
          for (const line of overlong(formatText(a, { colorLevel: 0, width, verbose }), width)) problems.push(`${path}: ${line}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('uses the room it is given', () => {
    const a = assessFile(join(ROOT, 'examples', 'scale-advise.yaml'));
    const longest = (w: number) => Math.max(...formatText(a, { colorLevel: 0, width: w }).split('\n').map((l) => l.length));
    expect(longest(80)).toBeLessThanOrEqual(80);
    expect(longest(120)).toBeGreaterThan(80);
  });

  it('fits the facts that would let more rules run into a narrow terminal', () => {
    const a = assessFile(join(ROOT, 'test', 'fixtures', 'cli', 'sparse', 'scale-advise.yaml'));
    for (const width of [60, 44]) {
      const text = formatText(a, { colorLevel: 0, width });
      const section = text.slice(text.indexOf('Not evaluated'), text.indexOf('(--verbose lists each rule'));
      expect(section.split('\n').filter((l) => l.length > width), `width ${width}`).toEqual([]);
      expect(section).toMatch(/team\.engineers\s+needed by \d+ rules/);
    }
  });
});

describe('command output width', () => {
  const help = runCli(['adr', '--help'], ROOT, { COLUMNS: '80' }).stdout;
  const adrCommands = [...help.matchAll(/^ {2}([a-z-]+)\b/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
  const commands: string[][] = [
    ['--help'],
    ...['assess', 'rules', 'explain', 'adr'].map((c) => [c, '--help']),
    ...adrCommands.map((c) => ['adr', c, '--help']),
    ['rules'],
    ...['db-growth-steps', 'db-write-bound', 'availability-below-slo', 'shared-database-coupling', 'extract-pci-component'].map((id) => ['explain', id]),
    ['assess', '--profile', join(ROOT, 'examples', 'scale-advise.yaml'), '--verbose'],
  ];

  it('finds the adr subcommands to check', () => expect(adrCommands.length).toBeGreaterThan(3));

  for (const width of WIDTHS) {
    it(`fits ${width} columns when COLUMNS=${width}`, () => {
      const problems = commands.flatMap((args) => overlong(runCli(args, ROOT, { COLUMNS: String(width) }).stdout, width).map((l) => `${args.join(' ')}: ${l}`));
      expect(problems).toEqual([]);
    });
  }

  it('wraps to 80 columns when piped and COLUMNS is not set', () => {
    const r = runCli(['assess', '--profile', join(ROOT, 'examples', 'scale-advise.yaml')], ROOT, { COLUMNS: '' });
    expect(r.code).toBe(0);
    expect(overlong(r.stdout, 80)).toEqual([]);
    expect(r.stdout.split('\n').some((l) => l.length > 72)).toBe(true);
  });
});
