// Every YAML and shell example in docs/ and the README works as printed.
// YAML blocks must parse (strictly, as profiles and rules are read); a block
// that is a rule must load as a rule, one that is a profile as a profile.
// In shell blocks each `scale-advise ...` line is run, in order, in a temp
// directory holding the bundled example profile; it must exit 0 or 1
// (1: findings); that directory is a git repository with an ADR directory,
// one commit on main, and itself as origin. Other commands (npm ...) are not
// scale-advise's and are not run. A scale-advise line that cannot run as
// printed (a placeholder such as ID) must say so with the marker comment
// `# not run`; nothing else is skipped.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../src/engine/catalog.js';
import { loadProfile } from '../src/profile/load.js';
import { parseYamlText } from '../src/profile/parse-yaml.js';
import { ROOT } from './helpers/assess.js';

const BIN = join(ROOT, 'bin', 'scale-advise.cjs');
const DOCS = [...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`), 'README.md'];
export const NOT_RUN = '# not run';

interface Block {
  lang: string;
  text: string;
  line: number;
}

function codeBlocks(markdown: string): Block[] {
  const out: Block[] = [];
  // fenced blocks, also those indented under a list item (dedented here)
  for (const m of markdown.matchAll(/^( *)```([a-z]*)[^\n]*\n([\s\S]*?)^\1```/gm)) {
    const indent = m[1]!.length;
    const text = m[3]!.split('\n').map((l) => l.slice(Math.min(indent, l.length - l.trimStart().length))).join('\n');
    out.push({ lang: m[2]!, text, line: markdown.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** A shell line's words: quotes group, a trailing comment goes. */
function words(line: string): string[] {
  const out: string[] = [];
  for (const m of line.matchAll(/"([^"]*)"|'([^']*)'|(#.*$)|(\S+)/g)) {
    if (m[3] !== undefined) break;
    out.push(m[1] ?? m[2] ?? m[4]!);
  }
  return out;
}

/**
 * A repository as the docs assume one: the example profile, an ADR directory,
 * one commit on `main`, and itself as `origin` (so `--base origin/main` works
 * without any network).
 */
function exampleDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sa-docs-'));
  copyFileSync(join(ROOT, 'examples', 'scale-advise.yaml'), join(dir, 'scale-advise.yaml'));
  const git = (...args: string[]) => {
    const r = spawnSync('git', ['-c', 'user.name=Docs', '-c', 'user.email=docs@example.invalid', ...args], { cwd: dir, encoding: 'utf8' });
    expect(r.status, `git ${args.join(' ')}: ${r.stderr}`).toBe(0);
  };
  git('init', '-q', '-b', 'main');
  expect(spawnSync(process.execPath, [BIN, 'adr', 'init'], { cwd: dir, encoding: 'utf8' }).status).toBe(0);
  git('add', '-A');
  git('commit', '-q', '-m', 'example');
  git('remote', 'add', 'origin', dir);
  git('fetch', '-q', 'origin');
  return dir;
}

describe('documentation examples', () => {
  for (const doc of DOCS) {
    const blocks = codeBlocks(readFileSync(join(ROOT, doc), 'utf8'));
    blocks.forEach((b) => {
      if (b.lang === 'yaml') {
        it(`${doc}:${b.line} is valid YAML${/^\s*id:/m.test(b.text) ? ' and a valid rule' : ''}`, () => {
          // Markdown front matter (`---` ... `---`) is one YAML document between its fences
          const frontMatter = /^---\n([\s\S]*?)^---\s*$/m.exec(b.text);
          const parsed = parseYamlText(frontMatter ? frontMatter[1]! : b.text, `${doc}:${b.line}`);
          const data = parsed.data as Record<string, unknown> | null;
          if (data && typeof data === 'object' && 'id' in data && 'when' in data) {
            const dir = mkdtempSync(join(tmpdir(), 'sa-docs-rule-'));
            writeFileSync(join(dir, `${String(data.id)}.yaml`), b.text);
            const catalog = loadCatalog([dir], dir);
            expect(catalog.rules.some((r) => r.id === data.id)).toBe(true);
          } else if (data && typeof data === 'object' && 'version' in data) {
            const dir = mkdtempSync(join(tmpdir(), 'sa-docs-profile-'));
            writeFileSync(join(dir, 'scale-advise.yaml'), b.text);
            expect(() => loadProfile(join(dir, 'scale-advise.yaml'), dir)).not.toThrow();
          }
        });
      }
      if (b.lang === 'sh' || b.lang === 'bash' || b.lang === 'console') {
        const lines = b.text
          .split('\n')
          .map((l) => l.replace(/^\$ /, '').trim())
          .filter((l) => l.startsWith('scale-advise ') && !l.includes(NOT_RUN));
        if (!lines.length) return;
        it(`${doc}:${b.line}: every scale-advise command runs on the example`, () => {
          const cwd = exampleDir();
          for (const line of lines) {
            const r = spawnSync(process.execPath, [BIN, ...words(line).slice(1)], { cwd, encoding: 'utf8', env: { ...process.env, SCALE_ADVISE_NOW: '2026-11-23', NO_COLOR: '1' } });
            expect([0, 1], `${line}\n${r.stderr}`).toContain(r.status);
          }
        });
      }
    });
  }

  it('finds the examples it checks', () => {
    const all = DOCS.flatMap((d) => codeBlocks(readFileSync(join(ROOT, d), 'utf8')));
    expect(all.filter((b) => b.lang === 'yaml').length).toBeGreaterThan(3);
    expect(all.filter((b) => b.lang === 'sh').length).toBeGreaterThan(1);
  });
});
