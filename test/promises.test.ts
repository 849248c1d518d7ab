// No text may point users at a command that does not exist. Every mention of
// `scale-advise <command> [<subcommand>]` in code spans and code blocks of the
// docs, the README, templates, rule texts and source strings, in every
// command's --help, and in the ADRs the tool writes, must name a registered
// command (and, for commands with subcommands, a registered subcommand).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Command } from 'commander';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../src/cli/main.js';
import { builtInCatalog } from '../src/engine/catalog.js';
import { RENDERERS } from '../src/scaffold/registry.js';
import { ROOT } from './helpers/assess.js';

const program = await buildProgram(async () => {});
const RULE_IDS = new Set(builtInCatalog().rules.map((r) => r.id));
const TEMPLATES = new Set(Object.keys(RENDERERS));

function commandTree(cmd: Command): Map<string, Command> {
  const out = new Map<string, Command>();
  for (const c of cmd.commands) {
    out.set(c.name(), c);
    for (const alias of c.aliases()) out.set(alias, c);
  }
  return out;
}

/** Why a mention names nothing real, or null when it does. */
export function checkMention(words: string[]): string | null {
  const [name, sub] = words;
  if (!name || !/^[a-z][a-z-]*$/.test(name)) return null; // `scale-advise --version`, `scale-advise [options]`
  // `scale-advise scaffold NAME`: NAME must be a registered template.
  if (name === 'scaffold' && sub && /^[a-z][a-z0-9-]*$/.test(sub) && sub !== 'list' && !TEMPLATES.has(sub)) return `\`scale-advise scaffold ${sub}\` names no template`;
  const top = commandTree(program).get(name);
  if (!top) return `\`scale-advise ${name}\` is not a command`;
  const subs = commandTree(top);
  if (!subs.size || !sub || sub.startsWith('-') || /^[A-Z<[.]/.test(sub)) return null;
  if (subs.has(sub) || sub === 'help') return null;
  // Commands that take an argument beside their subcommands (`rules ID`).
  if (top.registeredArguments.length && (RULE_IDS.has(sub) || !/^[a-z]+$/.test(sub))) return null;
  return `\`scale-advise ${name} ${sub}\` is not a subcommand of ${name}`;
}

/** `scale-advise ...` inside inline code or code blocks (prose may say "scale-advise reads..."). */
export function mentions(text: string): string[][] {
  const spans: string[] = [];
  for (const m of text.matchAll(/```[^\n]*\n([\s\S]*?)```/g)) spans.push(m[1]!);
  const withoutBlocks = text.replace(/```[\s\S]*?```/g, '');
  for (const m of withoutBlocks.matchAll(/`([^`\n]+)`/g)) spans.push(m[1]!);
  const out: string[][] = [];
  for (const span of spans) {
    for (const m of span.matchAll(/(?:^|[\s$(|&;'"])scale-advise((?: +[^\s`'"|;&)]+){1,2})/gm)) out.push(m[1]!.trim().split(/ +/));
  }
  return out;
}

function filesUnder(dir: string, exts: RegExp): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name === 'generated' || name.startsWith('.')) continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...filesUnder(p, exts));
    else if (exts.test(name)) out.push(p);
  }
  return out;
}

/** The text of every string and template literal of a TypeScript file: what users can be shown. */
function stringsOf(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) out.push(node.text);
    else if (ts.isTemplateExpression(node)) out.push([node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join('…'));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return out;
}

function problemsIn(label: string, text: string): string[] {
  return mentions(text)
    .map((words) => checkMention(words))
    .filter((p): p is string => p !== null)
    .map((p) => `${label}: ${p}`);
}

function helpTexts(cmd: Command, path: string[] = []): [string, string][] {
  const out: [string, string][] = [[['scale-advise', ...path].join(' '), cmd.helpInformation()]];
  for (const c of cmd.commands) out.push(...helpTexts(c, [...path, c.name()]));
  return out;
}

describe('no text promises what does not exist', () => {
  it('recognises a mention of a command that does not exist, and accepts one that does', () => {
    expect(problemsIn('t', 'Run `scale-advise frobnicate` now.')).toHaveLength(1);
    expect(problemsIn('t', '```sh\nscale-advise assess --format json\nscale-advise adr nonsense\n```')).toEqual(['t: `scale-advise adr nonsense` is not a subcommand of adr']);
    expect(problemsIn('t', '`scale-advise adr new TITLE` and `scale-advise rules db-read-replicas` and `scale-advise.yaml`')).toEqual([]);
    expect(problemsIn('t', 'scale-advise reads the profile')).toEqual([]);
    expect(problemsIn('t', '`scale-advise scaffold hpa pgbouncer` and `scale-advise scaffold terraform-skeleton`')).toEqual(['t: `scale-advise scaffold terraform-skeleton` names no template']);
  });

  it('in the docs, the README, templates, rules and examples', () => {
    const files = [
      join(ROOT, 'README.md'),
      ...filesUnder(join(ROOT, 'docs'), /\.md$/),
      ...filesUnder(join(ROOT, 'templates'), /./),
      ...filesUnder(join(ROOT, 'rules'), /\.ya?ml$/),
      ...filesUnder(join(ROOT, 'examples'), /./),
    ];
    expect(files.length).toBeGreaterThan(20);
    const problems = files.flatMap((f) => problemsIn(relative(ROOT, f), readFileSync(f, 'utf8')));
    expect(problems).toEqual([]);
  });

  it('in the strings of the source', () => {
    const problems = filesUnder(join(ROOT, 'src'), /\.ts$/).flatMap((f) => stringsOf(f).flatMap((text) => problemsIn(relative(ROOT, f), text)));
    expect(problems).toEqual([]);
  });

  it('in the help of every command', () => {
    const texts = helpTexts(program);
    expect(texts.length).toBeGreaterThan(8);
    const problems = texts.flatMap(([label, text]) => problemsIn(label, text.replace(/(scale-advise [^\n]*)/g, '`$1`')));
    expect(problems).toEqual([]);
  });

  it('in the ADRs the tool writes, in both formats', () => {
    for (const format of ['nygard', 'madr']) {
      const dir = mkdtempSync(join(tmpdir(), 'sa-promise-'));
      const run = (args: string[]) =>
        spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, CI: 'true', SCALE_ADVISE_NOW: '2026-11-23' } });
      expect(run(['adr', 'init', '--format', format]).status).toBe(0);
      copyFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), join(dir, 'scale-advise.yaml'));
      expect(run(['adr', 'from', 'db-read-replicas']).status).toBe(0);
      const records = filesUnder(dir, /\.md$/);
      expect(records.length).toBeGreaterThanOrEqual(2);
      const problems = records.flatMap((f) => problemsIn(`${format}: ${relative(dir, f)}`, readFileSync(f, 'utf8')));
      expect(problems).toEqual([]);
    }
  });

  it('names only documentation pages that exist, and the top-level help names every user guide', () => {
    const named = (text: string) => [...text.matchAll(/\bdocs\/[\w-]+\.(?:md|png|txt)\b/g)].map((m) => m[0]);
    const texts: [string, string][] = [
      ['scale-advise --help', spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), '--help'], { encoding: 'utf8' }).stdout],
      ...helpTexts(program),
      ...filesUnder(join(ROOT, 'src'), /\.ts$/).flatMap((f) => stringsOf(f).map((t): [string, string] => [relative(ROOT, f), t])),
      [relative(ROOT, join(ROOT, 'README.md')), readFileSync(join(ROOT, 'README.md'), 'utf8')],
    ];
    const missing = texts.flatMap(([label, text]) => named(text).filter((doc) => !existsSync(join(ROOT, doc))).map((doc) => `${label}: ${doc}`));
    expect(missing).toEqual([]);
    // Pages about the project itself (architecture, performance) need not be in the help.
    const guides = readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md') && !['architecture.md', 'performance.md'].includes(f));
    const help = spawnSync(process.execPath, [join(ROOT, 'bin', 'scale-advise.cjs'), '--help'], { encoding: 'utf8' }).stdout.replace(/\s+/g, ' ');
    expect(guides.filter((g) => !help.includes(`docs/${g}`))).toEqual([]);
  });
});
