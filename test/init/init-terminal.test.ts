// init end to end in a real terminal: tmux runs the CLI, send-keys types the
// answers, capture-pane reads the screen. Skips without tmux, except in CI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from '../helpers/assess.js';
import { daysBefore, GitRepo } from '../helpers/git-repo.js';
import { expectedQuestions, waitFor } from '../helpers/prompt-driver.js';
import type { FieldInfo } from '../../src/init/questions.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const NOW = new Date('2026-06-15T12:00:00Z');

/** tmux key names that answer a question; [] skips it. */
function tmuxKeys(field: FieldInfo, answer: string | undefined): string[][] {
  if (field.enum || field.type === 'boolean') {
    const choices = field.enum ?? ['yes', 'no'];
    if (answer === undefined) return [['Up'], ['Enter']];
    return [...Array.from({ length: choices.indexOf(answer) }, () => ['Down']), ['Enter']];
  }
  return answer === undefined ? [['Enter']] : [['-l', answer], ['Enter']];
}

describe('init in a terminal', () => {
  it.runIf(hasTmux || Boolean(process.env.CI))('asks, prefilled by detection, and writes the profile', async () => {
    const repo = new GitRepo();
    repo.write('package.json', '{\n  "dependencies": {\n    "pg": "8"\n  }\n}\n');
    repo.commit({ name: 'Ann', email: 'ann@example.com' }, daysBefore(NOW, 30));
    const socket = `sa-init-${process.pid}`;
    const tmux = (...args: string[]) => spawnSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
    const screen = () => tmux('capture-pane', '-p', '-J', '-t', 'init', '-S', '-2000').stdout ?? '';
    const command = `env -u CI ${JSON.stringify(process.execPath)} ${JSON.stringify(join(ROOT, 'bin', 'scale-advise.cjs'))} init --now 2026-06-15; echo INIT-EXIT=$?; sleep 120`;
    const started = tmux('new-session', '-d', '-s', 'init', '-x', '200', '-y', '50', '-c', repo.dir, command);
    expect(started.status, started.stderr).toBe(0);
    try {
      const answers: Record<string, string> = { monthly_active_users: '5000', style: 'monolith', teams: '1' };
      for (const q of expectedQuestions(['database.engine', 'team.engineers'])) {
        await waitFor(screen, (t) => t.includes(`? ${q.key}${q.unit ? ` (${q.unit})` : ''}: `), q.id, 15_000);
        for (const keys of tmuxKeys(q, answers[q.key])) tmux('send-keys', '-t', 'init', ...keys);
        await waitFor(screen, (t) => t.includes(`✔ ${q.key}`), `${q.id} answered`, 15_000);
      }
      const end = await waitFor(screen, (t) => /INIT-EXIT=\d/.test(t), 'init to finish', 15_000);
      expect(end).toMatch(/wrote scale-advise\.yaml: 2 detected, 3 answered/);
      expect(end).toMatch(/INIT-EXIT=0/);
      expect(end).not.toMatch(/\? engine:/); // detected, so never asked
      const profile = parse(readFileSync(join(repo.dir, 'scale-advise.yaml'), 'utf8'));
      expect(profile).toEqual({
        version: 1,
        traffic: { monthly_active_users: 5000 },
        database: { engine: 'postgresql' },
        architecture: { style: 'monolith' },
        team: { engineers: 1, teams: 1 },
      });
    } finally {
      tmux('kill-server');
    }
  }, 120_000);
});
