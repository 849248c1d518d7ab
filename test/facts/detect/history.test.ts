// History facts from fixture repositories built with real git commands.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectRepository } from '../../../src/facts/detect/index.js';
import { daysBefore, GitRepo } from '../../helpers/git-repo.js';

const NOW = new Date('2026-06-15T12:00:00Z');
const alice = { name: 'Alice', email: 'alice@example.com' };
const aliceOld = { name: 'Alice Smith', email: 'alice@old.example' };
const bob = { name: 'Bob', email: 'bob@example.com' };
const carol = { name: 'Carol', email: 'carol@example.com' };
const bot = { name: 'dependabot[bot]', email: '49699333+dependabot[bot]@users.noreply.github.com' };

const factsOf = async (dir: string) => {
  const d = await detectRepository(dir, { now: NOW });
  return { d, get: (id: string) => d.facts.find((f) => f.id === id) };
};

function teamRepo(): GitRepo {
  const r = new GitRepo();
  r.commit(carol, daysBefore(NOW, 400)); // first commit: about 13 months ago
  r.commit(carol, daysBefore(NOW, 200)); // Carol has not committed in the last 90 days
  r.commit(aliceOld, daysBefore(NOW, 80));
  r.commit(alice, daysBefore(NOW, 60));
  r.commit(bob, daysBefore(NOW, 30));
  r.commit(bot, daysBefore(NOW, 20));
  r.commit(alice, daysBefore(NOW, 10));
  r.write('.mailmap', 'Alice <alice@example.com> <alice@old.example>\n');
  r.commit(alice, daysBefore(NOW, 5), 'add mailmap');
  return r;
}

describe('git history', () => {
  it('counts active contributors through .mailmap, without bots, with the range as evidence', async () => {
    const { get } = await factsOf(teamRepo().dir);
    const engineers = get('team.engineers')!;
    expect(engineers.value).toBe(2); // Alice (two addresses, one person) and Bob; Carol is older; the bot is no one
    expect(engineers.provenance).toBe('detected');
    expect(engineers.origin).toMatch(/^git log --since=2026-03-17 [0-9a-f]{7}: 2 people committed \(1 bot not counted\)$/);
    expect(get('repository.commits_per_week')!.value).toBe(Math.round((6 / (90 / 7)) * 10) / 10);
    expect(get('repository.age_months')!.value).toBeCloseTo(400 / 30.44, 0);
  });

  it('counts both addresses as two people without the .mailmap', async () => {
    const r = new GitRepo();
    r.commit(aliceOld, daysBefore(NOW, 50)).commit(alice, daysBefore(NOW, 40));
    expect((await factsOf(r.dir)).get('team.engineers')!.value).toBe(2);
  });

  it('does not call a quiet repository a team of nobody', async () => {
    const r = new GitRepo();
    r.commit(alice, daysBefore(NOW, 200)).commit(bot, daysBefore(NOW, 3));
    const { d, get } = await factsOf(r.dir);
    expect(get('team.engineers')).toBeUndefined();
    expect(get('repository.active_contributors_90d')!.value).toBe(0);
    expect(d.notes).toContain("nobody committed in the last 90 days, so the team's size was not judged");
  });

  it('takes the release cadence from recent tags', async () => {
    const r = teamRepo();
    for (const [i, days] of [170, 120, 60, 7].entries()) r.tag(`v1.${i}`, daysBefore(NOW, days));
    r.tag('v0.9', daysBefore(NOW, 300)); // outside the 180-day window
    const deploys = (await factsOf(r.dir)).get('delivery.deploys_per_week')!;
    expect(deploys.value).toBe(Math.round((4 / (180 / 7)) * 10) / 10);
    expect(deploys.origin).toMatch(/git tags v1\.0\.\.v1\.3: 4 tags since/);
  });

  it('takes the cadence from merges to the default branch when there are no tags', async () => {
    const r = new GitRepo();
    r.commit(alice, daysBefore(NOW, 100));
    for (const [i, days] of [70, 40, 10].entries()) {
      r.git('checkout', '-q', '-b', `feature-${i}`);
      r.commit(bob, daysBefore(NOW, days + 1));
      r.git('checkout', '-q', 'main');
      r.commit(alice, daysBefore(NOW, days + 1));
      r.gitAt(daysBefore(NOW, days), '-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'merge', '-q', '--no-ff', '-m', `merge ${i}`, `feature-${i}`);
    }
    const deploys = (await factsOf(r.dir)).get('delivery.deploys_per_week')!;
    expect(deploys.value).toBe(Math.round((3 / (90 / 7)) * 10) / 10);
    expect(deploys.origin).toMatch(/3 merges to the default branch/);
  });

  it('says when a shallow clone is too shallow to judge, and judges what it can', async () => {
    const origin = teamRepo();
    const shallow = join(mkdtempSync(join(tmpdir(), 'sa-shallow-')), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '2', `file://${origin.dir}`, shallow]);
    const { d, get } = await factsOf(shallow);
    expect(get('team.engineers')).toBeUndefined();
    expect(get('repository.age_months')).toBeUndefined();
    expect(d.notes.join('\n')).toMatch(/shallow .* inside the 90-day window/);

    const deeper = join(mkdtempSync(join(tmpdir(), 'sa-shallow-')), 'clone');
    execFileSync('git', ['clone', '-q', '--depth', '7', `file://${origin.dir}`, deeper]);
    const more = await factsOf(deeper);
    expect(more.get('team.engineers')!.value).toBe(2);
    expect(more.get('repository.age_months')).toBeUndefined();
    expect(more.d.notes.join('\n')).toMatch(/shallow .*age is unknown/);
  });

  it('reads only the history of its own folder in a monorepo', async () => {
    const r = new GitRepo();
    r.write('services/api/main.go', 'package main\n').gitAt(daysBefore(NOW, 30), 'add', '-A');
    r.gitAt(daysBefore(NOW, 30), '-c', 'user.name=Ann', '-c', 'user.email=ann@example.com', 'commit', '-q', '-m', 'api');
    r.commit(bob, daysBefore(NOW, 20)).commit(carol, daysBefore(NOW, 10)); // both outside services/api
    const api = await factsOf(join(r.dir, 'services', 'api'));
    expect(api.get('team.engineers')!.value).toBe(1);
    expect(api.get('team.engineers')!.origin).toMatch(/ -- \.: 1 person committed$/);
    expect((await factsOf(r.dir)).get('team.engineers')!.value).toBe(3);
  });

  it('says so outside a repository and in one without commits', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'sa-plain-'));
    const outside = await factsOf(plain);
    expect(outside.d.notes.join('\n')).toMatch(/not inside a git repository/);
    const empty = new GitRepo();
    expect((await factsOf(empty.dir)).d.notes.join('\n')).toMatch(/no commits yet/);
  });
});
