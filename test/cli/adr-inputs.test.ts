// ADR settings and directories the user got wrong are reported at their
// position and in our words; a directory named like a record is skipped
// with a warning instead of failing every command.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const RECORD = '# 2. Use a queue\n\nDate: 2026-01-01\n\n## Status\n\nAccepted\n\n## Context\n\nx\n\n## Decision\n\ny\n\n## Consequences\n\nz\n';

function dir(files: Record<string, string>, dirs: string[] = []): string {
  const root = mkdtempSync(join(tmpdir(), 'sa-adr-in-'));
  mkdirSync(join(root, '.git'));
  for (const d of dirs) mkdirSync(join(root, d), { recursive: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return root;
}

describe('ADR inputs', () => {
  it('places a wrong adr.format under adr list, and does not echo a huge value', () => {
    const cwd = dir({ 'scale-advise.yaml': `version: 1\nadr:\n  format: ${'x'.repeat(70_000)}\n` });
    const r = runCli(['adr', 'list'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^scale-advise: scale-advise\.yaml:3:11: `adr\.format` must be one of: nygard, madr; got "x{40}…"\n$/);
  });

  it('skips a directory named like a record, with a warning, in adr list and assess', () => {
    const cwd = dir({ 'doc/adr/0002-use-a-queue.md': RECORD, 'scale-advise.yaml': 'version: 1\n' }, ['doc/adr/0001-x.md']);
    const list = runCli(['adr', 'list'], cwd);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/2\s+accepted\s+Use a queue/);
    expect(list.stderr).toMatch(/warning: doc\/adr\/0001-x\.md is a directory, not a record; skipped/);
    const assess = runCli(['assess'], cwd);
    expect(assess.code).toBe(0);
    expect(assess.stderr).toMatch(/0001-x\.md is a directory, not a record; skipped/);
  });

  it('reports a broken .log4brains.yml at its line and column', () => {
    const cwd = dir({ '.log4brains.yml': 'project:\n  name: x\n  adrFolder: [oops\n' });
    const r = runCli(['adr', 'list'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.log4brains\.yml:4:1: invalid YAML/);
  });

  it('says what .log4brains.yml lacks, at the project section', () => {
    const cwd = dir({ '.log4brains.yml': 'project:\n  name: x\n' });
    const r = runCli(['adr', 'list'], cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\.log4brains\.yml:2:3: `project\.adrFolder` should name the ADR directory/);
  });
});
