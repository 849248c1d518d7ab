import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { TOPICS } from '../../src/model.js';
import { ROOT } from '../helpers/assess.js';

/** The guide that documents each command; a subcommand is documented with its parent unless listed. */
const PAGES: Record<string, string> = {
  assess: 'README.md',
  rules: 'README.md',
  'rules test': 'docs/custom-rules.md',
  'rules new': 'docs/custom-rules.md',
  explain: 'README.md',
  adr: 'docs/adr.md',
  check: 'docs/check.md',
  roadmap: 'docs/roadmap.md',
  scaffold: 'docs/scaffold.md',
  collect: 'docs/collect.md',
  init: 'docs/init.md',
  portfolio: 'docs/portfolio.md',
  ui: 'docs/ui.md',
};

function walk(cmd: Command, path: string[], out: [string, Command][]): void {
  for (const sub of cmd.commands) {
    const p = [...path, sub.name()];
    out.push([p.join(' '), sub]);
    walk(sub, p, out);
  }
}

function pageOf(name: string): string {
  const parts = name.split(' ');
  for (let i = parts.length; i > 0; i--) {
    const page = PAGES[parts.slice(0, i).join(' ')];
    if (page) return page;
  }
  throw new Error(`no guide for ${name}`);
}

const program = await buildProgram(async () => {});

describe('every option is documented in its command guide', () => {
  const commands: [string, Command][] = [];
  walk(program, [], commands);
  for (const [name, cmd] of commands) {
    const flags = cmd.options.map((o) => o.long).filter((f): f is string => !!f && f !== '--help');
    if (!flags.length) continue;
    it(`${name}: ${pageOf(name)}`, () => {
      const text = readFileSync(join(ROOT, pageOf(name)), 'utf8');
      const missing = flags.filter((f) => !new RegExp(`${f.replace(/[-]/g, '\\-')}(?![\\w-])`).test(text));
      expect(missing, `${name}: options missing from ${pageOf(name)}`).toEqual([]);
    });
  }
});

describe('the topic vocabulary', () => {
  it('is listed by `rules --help`, which the rule schema and the rule scaffold point to', () => {
    const out = execFileSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), 'rules', '--help'], { encoding: 'utf8', env: { ...process.env, COLUMNS: '80' } });
    const listed = out.slice(out.indexOf('Topics')).split(/[\s,]+/);
    expect(TOPICS.filter((t) => !listed.includes(t))).toEqual([]);
    expect(JSON.parse(readFileSync(join(ROOT, 'schema', 'rule.schema.json'), 'utf8')).properties.topics.description).toContain('rules --help');
  });
});
